from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tending.conversations import selectors, services
from tending.conversations.access import conversation_for_couple
from tending.conversations.forms import AdvanceForm, ConversationStartForm, NotesForm
from tending.conversations.models import Conversation
from tending.core.http import form_problem, is_htmx
from tending.couples.selectors import couple_and_partner
from tending.practices.forms import FeelingForm
from tending.practices.services import PracticeError


def _start(request, form) -> Conversation | None:
    """Start the conversation chosen in ``form``; None with the form's errors if it cannot."""
    if not form.is_valid():
        return None
    try:
        return services.start_conversation(
            user=request.user,
            kind=form.cleaned_data["kind"],
            turn_seconds=form.cleaned_data["turn_seconds"],
            i_speak_first=form.cleaned_data["first_speaker"] == "me",
        )
    except PracticeError as error:
        form.add_error(None, str(error))
        return None


@login_required
@require_http_methods(["GET", "POST"])
def conversation_list(request):
    couple, partner = couple_and_partner(request.user)
    form = ConversationStartForm(
        request.POST or None,
        initial={"kind": request.GET.get("kind")},
        partner_name=partner.display_name if partner else "",
    )
    status = 200
    if request.method == "POST" and couple is not None:
        started = _start(request, form)
        if started is not None:
            return redirect("conversations:conversation", conversation_id=started.pk)
        status = 400
    context = {
        "form": form,
        "couple": couple,
        "partner": partner,
        "open_conversation": selectors.open_conversation_card(couple),
    }
    return render(request, "conversations/conversations.html", context, status=status)


def _conversation_context(request, conversation: Conversation) -> dict:
    now = timezone.now()
    view = selectors.conversation_view(conversation, request.user, now=now)
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
    found = conversation_for_couple(request.user, conversation_id)
    context = _conversation_context(request, found)
    return render(request, "conversations/conversation.html", context)


@login_required
@require_GET
def conversation_state(request, conversation_id: int):
    """Polled by both devices; answers 204 while nothing has changed.

    When the partner set the conversation aside before it began, the polling page is told
    so instead of polling on."""
    try:
        found = conversation_for_couple(request.user, conversation_id)
    except Http404:
        couple, _ = couple_and_partner(request.user)
        if couple is None or not is_htmx(request):
            raise
        return render(request, "conversations/_conversation_gone.html")
    if request.GET.get("v") == str(found.version):
        return HttpResponse(status=204)
    context = _conversation_context(request, found)
    return render(request, "conversations/_conversation_state.html", context)


def _after_step(request, conversation_id: int):
    found = conversation_for_couple(request.user, conversation_id)
    if is_htmx(request):
        context = _conversation_context(request, found)
        return render(request, "conversations/_conversation_state.html", context)
    return redirect("conversations:conversation", conversation_id=conversation_id)


@login_required
@require_POST
def conversation_begin(request, conversation_id: int):
    conversation_for_couple(request.user, conversation_id)
    services.begin_conversation(user=request.user, conversation_id=conversation_id)
    return _after_step(request, conversation_id)


@login_required
@require_POST
def conversation_advance(request, conversation_id: int):
    conversation_for_couple(request.user, conversation_id)
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
    conversation_for_couple(request.user, conversation_id)
    finished = services.finish_conversation(user=request.user, conversation_id=conversation_id)
    if finished is None:
        messages.info(request, "That conversation was not begun, so it has been set aside.")
        if is_htmx(request):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("conversations:index")
            return response
        return redirect("conversations:index")
    return _after_step(request, conversation_id)


def _save_notes(request, conversation_id: int) -> str:
    """Save one agenda item from the posted form; the problem in words, or ""."""
    form = NotesForm(request.POST)
    if not form.is_valid():
        return form_problem(form)
    try:
        services.save_meeting_notes(
            user=request.user,
            conversation_id=conversation_id,
            field=form.cleaned_data["field"],
            text=form.cleaned_data["text"],
        )
    except PracticeError as error:
        return str(error)
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def meeting_notes(request, conversation_id: int):
    """GET: the shared notes, polled (204 while unchanged). POST: save one agenda item."""
    found = conversation_for_couple(request.user, conversation_id)
    if found.kind != Conversation.Kind.MEETING:
        raise Http404("No notes")
    if request.method == "GET":
        if request.GET.get("v") == str(found.notes_version):
            return HttpResponse(status=204)
        context = {"conversation": found, "agenda": selectors.agenda_items(found)}
        return render(request, "conversations/_meeting_notes.html", context)
    problem = _save_notes(request, conversation_id)
    if is_htmx(request):
        context = {"problem": problem, "saved_at": timezone.now()}
        return render(request, "conversations/_notes_status.html", context)
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, "Notes saved.")
    return redirect("conversations:conversation", conversation_id=conversation_id)
