from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from tending.core.http import form_problem, go_to, is_htmx
from tending.couples.selectors import couple_and_partner
from tending.learn import selectors, services
from tending.learn.articles import get_article, load_articles
from tending.learn.forms import ReflectionForm
from tending.learn.rendering import article_html
from tending.safety.screening import page_after_writing


def _article_or_404(slug: str):
    try:
        return get_article(slug)
    except KeyError:
        raise Http404("No such article") from None


@login_required
@require_GET
def articles(request):
    return render(request, "learn/articles.html", {"articles": load_articles()})


def _thread_context(request, found, form=None, problem=""):
    couple, partner = couple_and_partner(request.user)
    return {
        "article": found,
        "partner": partner,
        "reflections": selectors.reflections_for(request.user, found.slug, couple=couple),
        "form": form or ReflectionForm(),
        "problem": problem,
    }


@login_required
@require_GET
def article(request, slug: str):
    found = _article_or_404(slug)
    context = _thread_context(request, found)
    # article_html is sanitised with nh3, so it is safe to insert as it is.
    context["body"] = mark_safe(article_html(found.slug))
    return render(request, "learn/article.html", context)


@login_required
@require_POST
def reflect(request, slug: str):
    found = _article_or_404(slug)
    form = ReflectionForm(request.POST)
    problem = ""
    safety_page = None
    if form.is_valid():
        try:
            services.add_reflection(user=request.user, slug=slug, text=form.cleaned_data["text"])
        except services.LearnError as error:
            problem = str(error)
        else:
            safety_page = page_after_writing(
                request,
                form.cleaned_data["text"],
                next_url=reverse("learn:article", args=[found.slug]) + "#reflections",
            )
            form = None
    else:
        problem = form_problem(form)
    if safety_page:
        return go_to(request, safety_page)
    if is_htmx(request):
        return render(
            request,
            "learn/_thread.html",
            _thread_context(request, found, form, problem),
        )
    if problem:
        context = _thread_context(request, found, form, problem)
        context["body"] = mark_safe(article_html(found.slug))
        return render(request, "learn/article.html", context, status=400)
    return redirect(reverse("learn:article", args=[found.slug]) + "#reflections")
