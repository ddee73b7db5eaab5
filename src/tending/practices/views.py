from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tending.couples.selectors import couple_and_partner
from tending.practices import content, selectors, services
from tending.practices.breathing import DEFAULT_MINUTES, PATTERNS
from tending.practices.forms import (
    AdvanceForm,
    AnswerForm,
    AppreciationForm,
    BreathingForm,
    BreathingLogForm,
    ConversationStartForm,
    FeelingForm,
    MessageForm,
    NotesForm,
    QuestionChoiceForm,
    ReactionForm,
    RitualForm,
    SuggestionForm,
)
from tending.practices.models import Appreciation, Conversation
from tending.practices.services import PracticeError
from tending.safety.screening import page_after_writing

REACTIONS = Appreciation.Reaction.choices


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _form_problem(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _couple_or_404(request):
    couple, partner = couple_and_partner(request.user)
    if couple is None:
        raise Http404("No partner")
    return couple, partner


@login_required
@require_GET
def index(request):
    couple, partner = couple_and_partner(request.user)
    return render(
        request,
        "practices/index.html",
        {
            "couple": couple,
            "partner": partner,
            "todays_question": selectors.todays_question(request.user, couple, partner),
            "open_conversation": selectors.open_conversation(couple),
            "counts": selectors.weekly_appreciation_counts(request.user, couple),
        },
    )


# Questions


def _question_context(request, couple, partner, question_id, **extra):
    today_id = selectors.todays_question_id(couple, request.user, partner)
    view = selectors.question_view(
        viewer=request.user,
        couple=couple,
        question_id=question_id,
        is_today=question_id == today_id,
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


def _render_question(request, couple, partner, question_id, status=200, **extra):
    context = _question_context(request, couple, partner, question_id, **extra)
    if _is_htmx(request):
        # htmx swaps only successful responses; the fragment carries the message instead.
        return render(request, "practices/_question.html", context)
    context.update(
        {
            "earlier": selectors.earlier_questions(request.user, couple),
            "favourites": selectors.favourite_questions(request.user),
        }
    )
    return render(request, "practices/question.html", context, status=status)


@login_required
@require_GET
def question_today(request):
    couple, partner = couple_and_partner(request.user)
    if couple is None:
        return render(request, "practices/needs_partner.html", {"practice": "Questions"})
    question_id = selectors.todays_question_id(couple, request.user, partner)
    return _render_question(request, couple, partner, question_id)


@login_required
@require_GET
def question_detail(request, question_id: str):
    couple, partner = _couple_or_404(request)
    return _render_question(request, couple, partner, question_id)


@login_required
@require_GET
def question_state(request, question_id: str):
    """Polled while waiting for the partner: nothing changes until both have answered."""
    couple, partner = _couple_or_404(request)
    context = _question_context(request, couple, partner, question_id)
    view = context["view"]
    if request.GET.get("waiting") and view.i_answered and not view.revealed:
        return HttpResponse(status=204)
    return render(request, "practices/_question.html", context)


@login_required
@require_GET
def question_thread(request, question_id: str):
    """Polled under revealed answers: 204 until the thread has a newer message."""
    couple, partner = _couple_or_404(request)
    context = _question_context(request, couple, partner, question_id)
    view = context["view"]
    latest = view.messages[-1].pk if view.messages else 0
    if not view.revealed or request.GET.get("after") == str(latest):
        return HttpResponse(status=204)
    return render(request, "practices/_question_thread.html", context)


def _post_to_question(request, question_id: str, *, form_class, save, form_name: str):
    """Validate a form posted under a question, save it, and show the question again.

    On a problem the question is shown with the form as typed and the message under it.
    """
    couple, partner = _couple_or_404(request)
    form = form_class(request.POST)
    problem = ""
    safety_page = None
    if form.is_valid():
        try:
            save(user=request.user, question_id=question_id, text=form.cleaned_data["text"])
        except PracticeError as error:
            problem = str(error)
        else:
            safety_page = page_after_writing(
                request,
                form.cleaned_data["text"],
                next_url=reverse("practices:question", args=[question_id]),
            )
    else:
        problem = _form_problem(form)
    if problem:
        return _render_question(
            request,
            couple,
            partner,
            question_id,
            status=400,
            **{f"{form_name}_form": form, f"{form_name}_problem": problem},
        )
    if safety_page and _is_htmx(request):
        return HttpResponse(headers={"HX-Redirect": safety_page})
    if safety_page:
        return redirect(safety_page)
    if _is_htmx(request):
        return _render_question(request, couple, partner, question_id)
    return redirect("practices:question", question_id=question_id)


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
    return redirect(_safe_next(request, reverse("practices:question", args=[question_id])))


@login_required
@require_GET
def decks(request):
    return render(
        request,
        "practices/decks.html",
        {
            "decks": content.load_decks().values(),
            "favourite_ids": selectors.favourite_ids(request.user),
        },
    )


@login_required
@require_GET
def deck(request, deck_key: str):
    found = content.load_decks().get(deck_key)
    if found is None:
        raise Http404("Unknown deck")
    couple, _ = couple_and_partner(request.user)
    return render(
        request,
        "practices/deck.html",
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
        return redirect("practices:decks")
    messages.success(request, "This is today's question for you both now.")
    return redirect("practices:question_today")


@login_required
@require_POST
def skip(request):
    try:
        services.skip_question(user=request.user)
    except PracticeError as error:
        messages.error(request, str(error))
    return redirect("practices:question_today")


# Appreciations


@login_required
@require_http_methods(["GET", "POST"])
def appreciations(request):
    couple, partner = couple_and_partner(request.user)
    form = AppreciationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        problem = ""
        if form.is_valid():
            try:
                services.send_appreciation(author=request.user, text=form.cleaned_data["text"])
            except PracticeError as error:
                problem = str(error)
        else:
            problem = _form_problem(form)
        if not problem:
            messages.success(request, "Sent. It will be waiting on their home page.")
            safety_page = page_after_writing(
                request, form.cleaned_data["text"], next_url=reverse("practices:appreciations")
            )
            return redirect(safety_page or "practices:appreciations")
        if not form.errors:
            form.add_error(None, problem)
        status = 400
    return render(
        request,
        "practices/appreciations.html",
        {
            "form": form,
            "couple": couple,
            "partner": partner,
            "counts": selectors.weekly_appreciation_counts(request.user, couple),
            "received": selectors.appreciations_received(request.user, couple),
            "given": selectors.appreciations_given(request.user, couple),
            "reactions": REACTIONS,
        },
        status=status,
    )


@login_required
@require_POST
def react(request, appreciation_id: int):
    couple, _ = couple_and_partner(request.user)
    appreciation = selectors.received_appreciation(request.user, couple, appreciation_id)
    if appreciation is None:
        raise Http404("No such appreciation")
    form = ReactionForm(request.POST)
    problem = ""
    if form.is_valid():
        appreciation = services.react_to_appreciation(
            user=request.user,
            appreciation_id=appreciation_id,
            reaction=form.cleaned_data["reaction"],
        )
    else:
        problem = "Please pick one of the reactions."
    if _is_htmx(request):
        return render(
            request,
            "practices/_appreciation.html",
            {"appreciation": appreciation, "reactions": REACTIONS, "problem": problem},
        )
    if problem:
        messages.error(request, problem)
    return redirect(_safe_next(request, reverse("practices:appreciations")))


# Guided conversations


@login_required
@require_http_methods(["GET", "POST"])
def conversations(request):
    couple, partner = couple_and_partner(request.user)
    form = ConversationStartForm(
        request.POST or None,
        initial={"kind": request.GET.get("kind")},
        partner_name=partner.display_name if partner else "",
    )
    status = 200
    if request.method == "POST" and couple is not None:
        if form.is_valid():
            try:
                conversation = services.start_conversation(
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    turn_seconds=form.cleaned_data["turn_seconds"],
                    i_speak_first=form.cleaned_data["first_speaker"] == "me",
                )
            except PracticeError as error:
                form.add_error(None, str(error))
            else:
                return redirect("practices:conversation", conversation_id=conversation.pk)
        status = 400
    return render(
        request,
        "practices/conversations.html",
        {
            "form": form,
            "couple": couple,
            "partner": partner,
            "open_conversation": selectors.open_conversation(couple),
        },
        status=status,
    )


def _conversation_or_404(request, conversation_id: int) -> Conversation:
    couple, _ = couple_and_partner(request.user)
    conversation = selectors.conversation_for(couple, conversation_id)
    if conversation is None:
        raise Http404("No such conversation")
    return conversation


def _conversation_context(request, conversation: Conversation) -> dict:
    now = timezone.now()
    view = selectors.conversation_view(conversation, request.user, now)
    return {
        "view": view,
        "conversation": conversation,
        "server_now_ms": int(now.timestamp() * 1000),
        "ends_at_ms": int(view.turn_ends_at.timestamp() * 1000) if view.turn_ends_at else None,
        "feeling_form": FeelingForm(
            initial={"feeling": view.my_log.feeling if view.my_log else None}
        ),
    }


@login_required
@require_GET
def conversation(request, conversation_id: int):
    found = _conversation_or_404(request, conversation_id)
    return render(request, "practices/conversation.html", _conversation_context(request, found))


@login_required
@require_GET
def conversation_state(request, conversation_id: int):
    """Polled by both devices; answers 204 while nothing has changed.

    When the partner set the conversation aside before it began, the polling page is told
    so instead of polling on."""
    couple, _ = couple_and_partner(request.user)
    found = selectors.conversation_for(couple, conversation_id)
    if found is None:
        if couple is None or not _is_htmx(request):
            raise Http404("No such conversation")
        return render(request, "practices/_conversation_gone.html")
    if request.GET.get("v") == str(found.version):
        return HttpResponse(status=204)
    return render(
        request, "practices/_conversation_state.html", _conversation_context(request, found)
    )


def _after_step(request, conversation_id: int):
    found = _conversation_or_404(request, conversation_id)
    if _is_htmx(request):
        return render(
            request, "practices/_conversation_state.html", _conversation_context(request, found)
        )
    return redirect("practices:conversation", conversation_id=conversation_id)


@login_required
@require_POST
def conversation_begin(request, conversation_id: int):
    _conversation_or_404(request, conversation_id)
    services.begin_conversation(user=request.user, conversation_id=conversation_id)
    return _after_step(request, conversation_id)


@login_required
@require_POST
def conversation_advance(request, conversation_id: int):
    _conversation_or_404(request, conversation_id)
    form = AdvanceForm(request.POST)
    if form.is_valid():
        services.advance_conversation(
            user=request.user,
            conversation_id=conversation_id,
            from_turn=form.cleaned_data["from_turn"],
        )
    return _after_step(request, conversation_id)


@login_required
@require_POST
def conversation_finish(request, conversation_id: int):
    _conversation_or_404(request, conversation_id)
    finished = services.finish_conversation(user=request.user, conversation_id=conversation_id)
    if finished is None:
        messages.info(request, "That conversation was not begun, so it has been set aside.")
        if _is_htmx(request):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("practices:conversations")
            return response
        return redirect("practices:conversations")
    return _after_step(request, conversation_id)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_notes(request, conversation_id: int):
    """GET: the shared notes, polled (204 while unchanged). POST: save one agenda item."""
    found = _conversation_or_404(request, conversation_id)
    if found.kind != Conversation.Kind.MEETING:
        raise Http404("No notes")
    if request.method == "GET":
        if request.GET.get("v") == str(found.notes_version):
            return HttpResponse(status=204)
        return render(
            request,
            "practices/_meeting_notes.html",
            {"conversation": found, "agenda": selectors.agenda_items(found)},
        )
    form = NotesForm(request.POST)
    problem = ""
    if form.is_valid():
        try:
            services.save_meeting_notes(
                user=request.user,
                conversation_id=conversation_id,
                field=form.cleaned_data["field"],
                text=form.cleaned_data["text"],
            )
        except PracticeError as error:
            problem = str(error)
    else:
        problem = _form_problem(form)
    if _is_htmx(request):
        return render(
            request,
            "practices/_notes_status.html",
            {"problem": problem, "saved_at": timezone.now()},
        )
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, "Notes saved.")
    return redirect("practices:conversation", conversation_id=conversation_id)


@login_required
@require_POST
def rate(request, log_id: int):
    if selectors.own_log(request.user, log_id) is None:
        raise Http404("No such practice")
    form = FeelingForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("How it felt is a number from 1 to 5.")
        log = services.rate_practice(
            user=request.user, log_id=log_id, feeling=form.cleaned_data["feeling"]
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("practices:history")
    messages.success(request, "Thank you. It is saved in your history.")
    if log.conversation_id and request.POST.get("next") == "conversation":
        return redirect("practices:conversation", conversation_id=log.conversation_id)
    return redirect("practices:history")


@login_required
@require_GET
def history(request):
    couple, partner = couple_and_partner(request.user)
    return render(
        request,
        "practices/history.html",
        {
            "logs": selectors.practice_history(request.user),
            "meetings": selectors.past_meetings(couple),
            "partner": partner,
            "feeling_choices": FeelingForm.base_fields["feeling"].choices,
        },
    )


# Breathing


@login_required
@require_GET
def breathe(request):
    couple, partner = couple_and_partner(request.user)
    form = BreathingForm(
        initial={
            "pattern": request.GET.get("pattern")
            if request.GET.get("pattern") in PATTERNS
            else "slow",
            "minutes": request.GET.get("minutes") or DEFAULT_MINUTES,
        }
    )
    invite = None
    if request.GET.get("invite", "").isdigit():
        invite = selectors.sent_breathing_invite(request.user, couple, int(request.GET["invite"]))
    return render(
        request,
        "practices/breathe.html",
        {
            "form": form,
            "partner": partner,
            "patterns": PATTERNS.values(),
            "autostart": request.GET.get("start") == "1",
            "sent_invite": invite,
            "log_form": FeelingForm(),
        },
    )


@login_required
@require_POST
def breathe_invite(request):
    form = BreathingForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("Please pick a pattern and a length from 1 to 10 minutes.")
        invite = services.invite_to_breathe(
            user=request.user,
            pattern=form.cleaned_data["pattern"],
            minutes=form.cleaned_data["minutes"],
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("practices:breathe")
    query = urlencode(
        {"pattern": invite.pattern, "minutes": invite.minutes, "start": 1, "invite": invite.pk}
    )
    return redirect(f"{reverse('practices:breathe')}?{query}")


@login_required
@require_GET
def breathe_invite_status(request, invite_id: int):
    couple, partner = _couple_or_404(request)
    invite = selectors.sent_breathing_invite(request.user, couple, invite_id)
    if invite is None:
        raise Http404("No such invitation")
    return render(
        request, "practices/_breathe_invite_status.html", {"invite": invite, "partner": partner}
    )


@login_required
@require_POST
def breathe_join(request, invite_id: int):
    couple, _ = _couple_or_404(request)
    if selectors.received_breathing_invite(request.user, couple, invite_id) is None:
        raise Http404("No such invitation")
    try:
        invite = services.join_breathing_invite(user=request.user, invite_id=invite_id)
    except PracticeError as error:
        messages.info(request, str(error))
        return redirect("practices:breathe")
    query = urlencode({"pattern": invite.pattern, "minutes": invite.minutes, "start": 1})
    return redirect(f"{reverse('practices:breathe')}?{query}")


@login_required
@require_POST
def breathe_log(request):
    form = BreathingLogForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError(_form_problem(form))
        services.log_breathing(
            user=request.user,
            pattern=form.cleaned_data["pattern"],
            minutes=form.cleaned_data["minutes"],
            feeling=form.cleaned_data["feeling"],
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("practices:breathe")
    messages.success(request, "Saved in your practice history. Well done for taking the time.")
    return redirect("practices:history")


# Rituals


def _rituals_page(request, form, status=200):
    couple, partner = couple_and_partner(request.user)
    return render(
        request,
        "practices/rituals.html",
        {
            "form": form,
            "couple": couple,
            "partner": partner,
            "rituals": selectors.ritual_views(request.user, couple),
            "suggestions": selectors.unused_ritual_suggestions(couple),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rituals(request):
    if request.method == "GET":
        return _rituals_page(request, RitualForm())
    form = RitualForm(request.POST)
    if form.is_valid():
        try:
            services.add_ritual(
                user=request.user,
                title=form.cleaned_data["title"],
                rhythm=form.cleaned_data["rhythm"],
                times_per_period=form.cleaned_data["times_per_period"],
            )
        except PracticeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Added. Either of you can mark it done.")
            return redirect("practices:rituals")
    return _rituals_page(request, form, status=400)


@login_required
@require_POST
def ritual_suggested(request):
    form = SuggestionForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("Please pick one of the suggestions.")
        ritual = services.add_suggested_ritual(user=request.user, key=form.cleaned_data["key"])
    except PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Added “{ritual.title}”.")
    return redirect("practices:rituals")


def _ritual_step(request, step, ritual_id: int, done_message: str):
    couple, _ = couple_and_partner(request.user)
    if selectors.active_ritual(couple, ritual_id) is None:
        raise Http404("No such ritual")
    try:
        step(user=request.user, ritual_id=ritual_id)
    except PracticeError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("practices:rituals")


@login_required
@require_POST
def ritual_done(request, ritual_id: int):
    return _ritual_step(request, services.mark_ritual_done, ritual_id, "Marked as done.")


@login_required
@require_POST
def ritual_undo(request, ritual_id: int):
    return _ritual_step(request, services.undo_ritual_done, ritual_id, "Taken back.")


@login_required
@require_POST
def ritual_stop(request, ritual_id: int):
    return _ritual_step(
        request, services.stop_ritual, ritual_id, "Set aside. You can add it again at any time."
    )
