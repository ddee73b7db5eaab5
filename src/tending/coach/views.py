from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.checkins.models import MESSAGE_MAX_LENGTH as RESPONSE_MAX_LENGTH
from tending.checkins.models import NOTE_MAX_LENGTH
from tending.coach import selectors, services
from tending.coach.analysis import analyse
from tending.coach.forms import IStatementForm, MessageForm
from tending.coach.highlight import reading_of
from tending.coach.statements import compose
from tending.core.http import is_htmx
from tending.couples.selectors import couple_and_partner
from tending.safety.screening import page_after_writing, read_texts

# The boxes that ask for a quiet hint, by field name, with the most each box accepts: a
# longer text is not analysed.
HINT_FIELDS = {"note": NOTE_MAX_LENGTH, "message": RESPONSE_MAX_LENGTH}
AFTER_READING = {"home": "home:index", "messages": "coach:messages"}


def _reading(text: str):
    return reading_of(text, analyse(text)) if text.strip() else None


@login_required
@require_http_methods(["GET", "POST"])
def before_you_say_it(request):
    """Type or paste a message and see where it may land harder than meant."""
    form = MessageForm(request.POST if request.method == "POST" else None)
    reading = None
    if form.is_bound and form.is_valid():
        reading = _reading(form.cleaned_data["message"])
        hint = _safety_hint(form.cleaned_data["message"])
    else:
        hint = _safety_hint()
    context = {"form": form, "reading": reading, **hint}
    if is_htmx(request):
        # While typing, only a message that is there but cannot be read is worth a word.
        typed = (form["message"].value() or "").strip() if form.is_bound else ""
        problem = " ".join(form.errors.get("message", [])) if typed else ""
        return render(
            request, "coach/_analysis.html", {**context, "live": True, "problem": problem}
        )
    return render(
        request, "coach/before_you_say_it.html", context, status=400 if form.errors else 200
    )


def _safety_hint(*texts) -> dict:
    """A calm note under the box when what is being typed holds a warning sign."""
    reading = read_texts(*(text for text in texts if isinstance(text, str)))
    return {
        "crisis": bool(reading),
        "crisis_about_someone_else": reading.concerns_someone_else and not reading.concerns_self,
    }


def _builder_context(user, form: IStatementForm, *, regenerate: bool) -> dict:
    _, partner = couple_and_partner(user)
    context = {"form": form, "partner": partner, "situation_reading": None, **_safety_hint()}
    if form.is_bound and form.is_valid():
        context.update(_safety_hint(*form.cleaned_data.values()))
        parts = form.parts()
        context["situation_reading"] = _reading(parts.situation)
        statement = form.cleaned_data["statement"]
        if regenerate or not statement.strip():
            statement = "" if parts.is_empty else compose(parts)
        context["statement"] = statement
    else:
        context["statement"] = form["statement"].value() or ""
    return context


@login_required
@require_http_methods(["GET", "POST"])
def i_statement(request):
    """Build "I feel … about … I need …. Would you …?" one step at a time."""
    form = IStatementForm(request.POST if request.method == "POST" else None)
    context = _builder_context(request.user, form, regenerate=True)
    if is_htmx(request):
        return render(request, "coach/_i_statement_preview.html", context)
    return render(request, "coach/i_statement.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def send(request):
    """Send the message from the builder to the partner as a gentle message."""
    form = IStatementForm(request.POST)
    context = _builder_context(request.user, form, regenerate=False)
    if form.is_valid():
        parts = form.parts()
        typed = form.cleaned_data["statement"].strip()
        text = typed or (compose(parts) if parts.is_complete else "")
        try:
            if not text:
                raise services.CoachError(
                    "Fill in the four steps, or write your message in the box, before sending."
                )
            message = services.send_gentle_message(sender=request.user, text=text)
        except services.CoachError as problem:
            context["send_error"] = str(problem)
        else:
            messages.success(
                request, f"Sent. {message.recipient.display_name} will see it on their home page."
            )
            safety_page = page_after_writing(
                request, message.text, next_url=reverse("coach:messages")
            )
            return redirect(safety_page or "coach:messages")
    return render(request, "coach/i_statement.html", context, status=400)


@require_POST
def hint(request):
    """A quiet hint under a text box when its words read as harsh; stores nothing.

    Someone logged out meanwhile gets an empty refusal, which leaves the page as it is.
    """
    if not request.user.is_authenticated:
        return HttpResponseForbidden()
    name, text = next(
        ((name, request.POST[name]) for name in HINT_FIELDS if request.POST.get(name)), ("", "")
    )
    if len(text) > HINT_FIELDS.get(name, 0):
        return render(request, "coach/_hint_too_long.html", {"max_length": HINT_FIELDS.get(name)})
    if not text.strip() or analyse(text).tone != "harsh":
        return HttpResponse("")
    return render(request, "coach/_hint.html")


@login_required
def conversation(request):
    """Gentle messages between the person and their current partner."""
    couple, partner = couple_and_partner(request.user)
    return render(
        request,
        "coach/messages.html",
        {"partner": partner, "gentle_messages": selectors.conversation_for(request.user, couple)},
    )


@login_required
@require_POST
def mark_read(request, message_id: int):
    if not services.mark_read(user=request.user, message_id=message_id):
        raise Http404("No such message")
    return redirect(AFTER_READING.get(request.POST.get("next", ""), "coach:messages"))
