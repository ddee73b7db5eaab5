from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tending.core.http import form_problem, go_to, is_htmx, safe_next
from tending.couples.selectors import couple_and_partner
from tending.practices.services import PracticeError
from tending.questions import decks, selectors, services
from tending.questions.access import question_for_couple
from tending.questions.forms import AnswerForm, MessageForm, QuestionChoiceForm
from tending.safety.screening import page_after_writing


def _question_context(
    request, couple, partner, question_id, *, is_today=False, is_favourite=False, **extra
):
    """What a question shows. Only the whole page shows whether it is today's question and
    a favourite, so the fragments polled every few seconds do not read either."""
    view = selectors.question_view(
        viewer=request.user,
        couple=couple,
        question_id=question_id,
        is_today=is_today,
        is_favourite=is_favourite,
    )
    if view is None:
        raise Http404("Unknown question")
    context = {
        "view": view,
        "partner": partner,
        "answer_form": AnswerForm(initial={"text": view.my_answer}),
        "message_form": MessageForm(),
    }
    context.update(extra)
    return context


def _render_question(request, couple, partner, question_id, status=200, is_today=None, **extra):
    if is_htmx(request):
        # htmx swaps only successful responses; the fragment carries the message instead.
        context = _question_context(request, couple, partner, question_id, **extra)
        return render(request, "questions/_question.html", context)
    if is_today is None:
        is_today = question_id == selectors.todays_question_id(
            couple, request.user, partner=partner
        )
    favourites = selectors.favourite_questions(request.user)
    context = _question_context(
        request,
        couple,
        partner,
        question_id,
        is_today=is_today,
        is_favourite=any(question.id == question_id for question in favourites),
        **extra,
    )
    context.update(
        {
            "earlier": selectors.earlier_questions(request.user, couple, besides=question_id),
            "favourites": favourites,
        }
    )
    return render(request, "questions/question.html", context, status=status)


@login_required
@require_GET
def question_today(request):
    couple, partner = couple_and_partner(request.user)
    if couple is None:
        return render(request, "questions/needs_partner.html", {"practice": "Questions"})
    question_id = selectors.todays_question_id(couple, request.user, partner=partner)
    return _render_question(request, couple, partner, question_id, is_today=True)


@login_required
@require_GET
def question_detail(request, question_id: str):
    found = question_for_couple(request.user, question_id)
    return _render_question(request, found.couple, found.partner, question_id)


@login_required
@require_GET
def question_state(request, question_id: str):
    """Polled while waiting for the partner: nothing changes until both have answered."""
    found = question_for_couple(request.user, question_id)
    context = _question_context(request, found.couple, found.partner, question_id)
    view = context["view"]
    if request.GET.get("waiting") and view.i_answered and not view.revealed:
        return HttpResponse(status=204)
    return render(request, "questions/_question.html", context)


@login_required
@require_GET
def question_thread(request, question_id: str):
    """Polled under revealed answers: 204 until the thread has a newer message."""
    found = question_for_couple(request.user, question_id)
    context = _question_context(request, found.couple, found.partner, question_id)
    view = context["view"]
    latest = view.messages[-1].pk if view.messages else 0
    if not view.revealed or request.GET.get("after") == str(latest):
        return HttpResponse(status=204)
    return render(request, "questions/_question_thread.html", context)


def _post_to_question(request, question_id: str, *, form_class, save, form_name: str):
    """Validate a form posted under a question, save it, and show the question again.

    On a problem the question is shown with the form as typed and the message under it.
    """
    found = question_for_couple(request.user, question_id)
    form = form_class(request.POST)
    problem = ""
    safety_page = None
    if form.is_valid():
        try:
            save(user=request.user, question_id=question_id, text=form.cleaned_data["text"])
        except PracticeError as error:
            problem = str(error)
        else:
            next_url = reverse("questions:question", args=[question_id])
            safety_page = page_after_writing(request, form.cleaned_data["text"], next_url=next_url)
    else:
        problem = form_problem(form)
    if problem:
        return _render_question(
            request,
            found.couple,
            found.partner,
            question_id,
            status=400,
            **{f"{form_name}_form": form, f"{form_name}_problem": problem},
        )
    if safety_page:
        return go_to(request, safety_page)
    if is_htmx(request):
        return _render_question(request, found.couple, found.partner, question_id)
    return redirect("questions:question", question_id=question_id)


@login_required
@require_POST
def answer(request, question_id: str):
    return _post_to_question(
        request,
        question_id,
        form_class=AnswerForm,
        save=services.answer_question,
        form_name="answer",
    )


@login_required
@require_POST
def question_message(request, question_id: str):
    return _post_to_question(
        request,
        question_id,
        form_class=MessageForm,
        save=services.post_question_message,
        form_name="message",
    )


@login_required
@require_POST
def favourite(request, question_id: str):
    try:
        saved = services.toggle_favourite(user=request.user, question_id=question_id)
    except PracticeError as error:
        raise Http404(str(error)) from error
    messages.success(request, "Saved to your favourites." if saved else "Removed from favourites.")
    default = reverse("questions:question", args=[question_id])
    return redirect(safe_next(request, request.POST.get("next"), default))


@login_required
@require_GET
def deck_list(request):
    return render(
        request,
        "questions/decks.html",
        {
            "decks": decks.load_decks().values(),
            "favourite_ids": selectors.favourite_ids(request.user),
        },
    )


@login_required
@require_GET
def deck(request, deck_key: str):
    found = decks.load_decks().get(deck_key)
    if found is None:
        raise Http404("Unknown deck")
    couple, _ = couple_and_partner(request.user)
    return render(
        request,
        "questions/deck.html",
        {
            "deck": found,
            "couple": couple,
            "favourite_ids": selectors.favourite_ids(request.user),
        },
    )


@login_required
@require_POST
def pick(request):
    form = QuestionChoiceForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("Please pick one of the questions.")
        services.pick_question(user=request.user, question_id=form.cleaned_data["question_id"])
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("questions:decks")
    messages.success(request, "This is today's question for you both now.")
    return redirect("questions:today")


@login_required
@require_POST
def skip(request):
    try:
        services.skip_question(user=request.user)
    except PracticeError as error:
        messages.error(request, str(error))
    return redirect("questions:today")
