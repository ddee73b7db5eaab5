"""Who gets what from every URL the project defines.

Five people ask for each URL: an anonymous visitor, alice (who owns the objects in the
URL), bob (alice's partner), charlie (a stranger) and dana (alice's former partner).
Each row of ``MATRIX`` gives, for one URL name, the answer each of them gets to a GET
and, where the view takes POST, to a POST. Every answer is also searched for words
that only some of them may ever read.

Each JSON API route has an ``ApiRow`` instead: the answer to its one method for the same
five people, each with a token holding every scope, and for a sixth caller, alice's token
without the scope the route needs.

A URL name without a row fails ``test_every_url_has_a_row``: when you add a URL, add
its row here.
"""

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.test import Client
from django.test.client import MULTIPART_CONTENT
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tending.api.models import Scope
from tending.api.services import create_token
from tending.appreciations.services import send_appreciation
from tending.assessments import scoring
from tending.assessments.services import record_result
from tending.breathing.services import invite_to_breathe, log_breathing
from tending.checkins.models import Response
from tending.coach import services as coach_services
from tending.conversations.services import start_conversation
from tending.couples.models import Couple, Invite
from tending.couples.selectors import active_couple_for
from tending.learn.articles import load_articles
from tending.notifications.services import add_device
from tending.notifications.tokens import SNOOZE, make_token
from tending.questions.decks import all_questions, load_decks
from tending.reports import services as report_services
from tending.reports.models import Report, ShareLink
from tending.rituals.services import add_ritual
from tending.safety.models import SafetyPlan
from tending.security.models import Passkey, SignedInDevice
from tests.support.api import send, token_client
from tests.support.builders import make_checkin, make_response
from tests.support.people import client_for
from tests.support.queries import assert_query_count

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

ROLES = ("anonymous", "self", "partner", "stranger", "former")
PUSH_ENDPOINT = "https://fcm.googleapis.com/fcm/send/"
P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
AUTH = "tBHItJI5svbpez7KI4CCXg"
DEVICE = {"endpoint": PUSH_ENDPOINT + "new", "p256dh": P256DH, "auth": AUTH, "name": "Phone"}

# Words only some people may read, and who they are.
ALICE_PRIVATE_NOTE = "PRIVATE-NOTE-7f3a"
ALICE_NOTE_SHARED_WITH_BOB = "SHARED-NOTE-b21c"
ALICE_NOTE_SHARED_WITH_DANA = "FORMER-SHARED-NOTE-5d0e"
DANA_NOTE_SHARED_WITH_ALICE = "DANA-SHARED-NOTE-c9a1"
BOB_MESSAGE_TO_ALICE = "BOB-MESSAGE-83f2"
BOB_GENTLE_MESSAGE_TO_ALICE = "BOB-GENTLE-MESSAGE-4a7e"
READERS = {
    ALICE_PRIVATE_NOTE: {"self"},
    ALICE_NOTE_SHARED_WITH_BOB: {"self", "partner"},
    ALICE_NOTE_SHARED_WITH_DANA: {"self"},
    DANA_NOTE_SHARED_WITH_ALICE: {"former"},
    BOB_MESSAGE_TO_ALICE: {"self", "partner"},
    BOB_GENTLE_MESSAGE_TO_ALICE: {"self", "partner"},
}


@dataclass(frozen=True)
class Answer:
    status: int
    redirect_to: str = ""

    def __str__(self) -> str:
        return f"{self.status} to {self.redirect_to}" if self.redirect_to else str(self.status)


OK = Answer(200)
CREATED = Answer(201)
STOP_POLLING = Answer(286)
CONFLICT = Answer(409)
NO_CONTENT = Answer(204)
BAD = Answer(400)
UNAUTHORIZED = Answer(401)
FORBIDDEN = Answer(403)
GONE = Answer(404)
NO_METHOD = Answer(405)
LOGIN = Answer(302, "accounts:login")
HOME = Answer(302, "home:index")
PARTNER = Answer(302, "couples:partner")
JOIN = Answer(302, "couples:join")
ADMIN_LOGIN = Answer(302, "admin:login")
SET_PASSWORD = Answer(302, "accounts:password_reset_confirm")
INSIGHTS_WEEK = Answer(302, "insights:week")
RESULT = Answer(302, "assessments:result")
SAFETY_SCREEN = Answer(302, "safety:screen")
SAFETY_PLAN = Answer(302, "safety:plan")
TODAYS_QUESTION = Answer(302, "questions:today")
QUESTION = Answer(302, "questions:question")
DECKS = Answer(302, "questions:decks")
APPRECIATIONS = Answer(302, "appreciations:index")
CONVERSATION = Answer(302, "conversations:conversation")
CONVERSATIONS = Answer(302, "conversations:index")
PRACTICE_HISTORY = Answer(302, "practices:history")
BREATHE = Answer(302, "breathing:index")
RITUALS = Answer(302, "rituals:index")
ARTICLE = Answer(302, "learn:article")
GENTLE_MESSAGES = Answer(302, "coach:messages")
API_TOKENS = Answer(302, "api:tokens")
REPORTS = Answer(302, "reports:list")
REPORT = Answer(302, "reports:detail")
NOTIFICATION_SETTINGS = Answer(302, "notifications:settings")
SECURITY = Answer(302, "security:index")
API_ROLES = (*ROLES, "scopeless")


def every(answer: Answer) -> tuple[Answer, ...]:
    return (answer,) * len(ROLES)


def members(anonymous: Answer, everyone_else: Answer) -> tuple[Answer, ...]:
    return (anonymous,) + (everyone_else,) * (len(ROLES) - 1)


@dataclass(frozen=True)
class Row:
    """Answers in the order of ``ROLES``; ``post`` is None where the view takes no POST."""

    get: tuple[Answer, ...]
    post: tuple[Answer, ...] | None = None
    args: object = field(default=lambda world: [])
    data: dict = field(default_factory=dict)
    content_type: str = MULTIPART_CONTENT


@dataclass(frozen=True)
class ApiRow:
    """One API route: its method and the answers in the order of ``API_ROLES``."""

    method: str
    answers: tuple[Answer, ...]
    scope: str = "read"
    args: object = field(default=lambda world: [])
    data: dict | None = None


def api(method, anonymous, self, partner, stranger, former, *, scope="read", **options):
    """A route's answers; a token without its scope is always refused with 403."""
    answers = (anonymous, self, partner, stranger, former, FORBIDDEN)
    return ApiRow(method, answers, scope=scope, **options)


def readable(**options):
    """A read everyone signed in gets."""
    return api("get", UNAUTHORIZED, OK, OK, OK, OK, **options)


def alice_checkin_today(world):
    return [world.alice_today.pk]


def alice_invite(world):
    return [world.alice_invite.pk]


def alice_invite_token(world):
    return [world.alice_invite.token]


def alice_reset_link(world):
    world.alice.refresh_from_db()
    token = default_token_generator.make_token(world.alice)
    return [urlsafe_base64_encode(force_bytes(world.alice.pk)), token]


def alice_phq9_result(world):
    instrument = scoring.get_instrument("phq9")
    return [record_result(user=world.alice, instrument=instrument, answers=[2] * 9).pk]


def phq9(world):
    return ["phq9"]


def alice_shares_her_safety_plan(world):
    SafetyPlan.objects.create(
        user=world.alice, reasons_for_living="Walks", shared_with_partner=True
    )
    return []


def a_question(world):
    return [all_questions()[0].id]


def a_deck(world):
    return [next(iter(load_decks()))]


def bob_appreciates_alice(world):
    return [send_appreciation(author=world.bob, text="your calm").pk]


def alice_starts_a_conversation(world):
    return [start_conversation(user=world.alice, kind="stress").pk]


def alice_starts_a_meeting(world):
    return [start_conversation(user=world.alice, kind="meeting").pk]


def alice_breathing_log(world):
    log = log_breathing(user=world.alice, pattern="slow", minutes=2, feeling=None)
    return [log.pk]


def alice_breathing_invite(world):
    return [invite_to_breathe(user=world.alice, pattern="box", minutes=3).pk]


def alice_ritual(world):
    return [
        add_ritual(user=world.alice, title="Evening walk", rhythm="weekly", times_per_period=2).pk
    ]


def an_article(world):
    return [load_articles()[0].slug]


def bob_sends_alice_a_gentle_message(world):
    message = coach_services.send_gentle_message(sender=world.bob, text=BOB_GENTLE_MESSAGE_TO_ALICE)
    return [message.pk]


def alice_token(world):
    return [create_token(user=world.alice, name="Alice's laptop")[0].pk]


def alice_device(world):
    device = add_device(
        user=world.alice, endpoint=PUSH_ENDPOINT + "alice", p256dh=P256DH, auth=AUTH, name="Phone"
    )
    return [device.pk]


def alice_passkey(world):
    passkey = Passkey.objects.create(
        user=world.alice,
        name="Alice's phone",
        credential_id="alice-credential",
        public_key=b"key",
        user_handle="alice-handle",
    )
    return [passkey.pk]


def alice_other_device(world):
    device = SignedInDevice.objects.create(
        user=world.alice, session_key="alice-other-session", browser="Firefox", system="Linux"
    )
    return [device.pk]


def alice_snooze_link(world):
    return [make_token(user_id=world.alice.pk, action=SNOOZE)]


def bob_starts_a_conversation(world):
    start_conversation(user=world.bob, kind="stress")
    return []


CHECK_IN = {"mood": 3, "stress": 2, "energy": 3, "connection": 4, "needs": ["talk"]}
PHQ9 = {"questionnaire": "phq9", "answers": {str(number): 1 for number in range(1, 10)}}
PLAN = {"reasons_for_living": "Walks", "shared_with_partner": False}
PREFERENCES = {
    "push_kinds": ["hard_time"],
    "email_kinds": {"appreciation": "digest"},
    "quiet_hours": {"start": "22:00", "end": "07:00"},
    "hard_time_through_quiet": True,
    "digest_time": "18:00",
    "reminder_time": "20:00",
    "checkin_reminder_days": [0, 3],
    "meeting_reminder_day": None,
    "questionnaire_reminders": False,
}


def alice_report(world):
    today = dt.date.today()
    report = report_services.create_report(
        owner=world.alice, start_date=today - dt.timedelta(days=30), end_date=today
    )
    return [report.pk]


def alice_report_link(world):
    (report_id,) = alice_report(world)
    report = Report.objects.get(pk=report_id)
    return [report_id, report_services.create_share_link(report=report, expires_in_days=7).pk]


def alice_report_token(world):
    (report_id, link_id) = alice_report_link(world)
    return [ShareLink.objects.get(pk=link_id).token]


# fmt: off
#                                        anonymous    self       partner    stranger   former
MATRIX = {
    "home:index":                    Row(get=every(OK)),
    "home:live":                     Row(get=members(STOP_POLLING, OK)),
    "home:manifest":                 Row(get=every(OK)),
    "home:service_worker":           Row(get=every(OK)),
    "home:offline":                  Row(get=every(OK)),
    "notifications:settings":        Row(get=members(LOGIN, OK),
                                         post=members(LOGIN, NOTIFICATION_SETTINGS),
                                         data={"digest_time": "18:00", "reminder_time": "20:00",
                                               "push_kinds": ["response"]}),
    "notifications:add_device":      Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, CREATED), data=DEVICE),
    "notifications:forget_device":   Row(get=members(LOGIN, NO_METHOD), post=members(LOGIN, OK),
                                         data={"endpoint": DEVICE["endpoint"]}),
    "notifications:remove_device":   Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      NOTIFICATION_SETTINGS, GONE, GONE, GONE),
                                         args=alice_device),
    "notifications:test":            Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, NOTIFICATION_SETTINGS)),
    "notifications:act":             Row(get=every(OK), post=every(OK), args=alice_snooze_link),
    "accounts:signup":               Row(get=members(OK, HOME), post=members(OK, HOME)),
    "accounts:login":                Row(get=members(OK, HOME), post=members(OK, HOME)),
    "accounts:logout":               Row(get=every(NO_METHOD), post=every(LOGIN)),
    "accounts:profile":              Row(get=members(LOGIN, OK), post=members(LOGIN, OK)),
    "accounts:delete":               Row(get=members(LOGIN, OK), post=members(LOGIN, OK)),
    "accounts:password_change":      Row(get=members(LOGIN, OK), post=members(LOGIN, OK)),
    "accounts:password_change_done": Row(get=members(LOGIN, OK)),
    "accounts:password_reset":       Row(get=every(OK), post=every(OK)),
    "accounts:password_reset_sent":  Row(get=every(OK)),
    "accounts:password_reset_confirm": Row(get=every(SET_PASSWORD), args=alice_reset_link),
    "accounts:password_reset_complete": Row(get=every(OK)),
    "couples:partner":               Row(get=members(LOGIN, OK)),
    "couples:create_invite":         Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, PARTNER)),
    "couples:revoke_invite":         Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      PARTNER,   GONE,      GONE,      GONE),
                                         args=alice_invite),
    "couples:join":                  Row(get=every(OK),
                                         post=members(LOGIN, JOIN),
                                         args=alice_invite_token),
    "couples:unpair":                Row(get=(LOGIN,       OK,        OK,        PARTNER, PARTNER),
                                         post=(LOGIN,      HOME,      HOME,      PARTNER, PARTNER)),
    "checkins:checkin":              Row(get=members(LOGIN, OK), post=members(LOGIN, BAD)),
    "checkins:history":              Row(get=members(LOGIN, OK)),
    "checkins:respond":              Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      GONE,      HOME,      GONE,      GONE),
                                         args=alice_checkin_today,
                                         data={"kind": "hug"}),
    "insights:overview":             Row(get=members(LOGIN, OK)),
    "insights:week":                 Row(get=members(LOGIN, OK)),
    "insights:preferences":          Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, INSIGHTS_WEEK)),
    "reports:list":                  Row(get=members(LOGIN, OK), post=members(LOGIN, BAD)),
    "reports:consent":               Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, REPORTS)),
    "reports:detail":                Row(get=(LOGIN,       OK,        GONE,      GONE,      GONE),
                                         args=alice_report),
    "reports:pdf":                   Row(get=(LOGIN,       OK,        GONE,      GONE,      GONE),
                                         args=alice_report),
    "reports:delete":                Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      REPORTS,   GONE,      GONE,      GONE),
                                         args=alice_report),
    "reports:share_create":          Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      REPORT,    GONE,      GONE,      GONE),
                                         args=alice_report, data={"expires_in_days": "7"}),
    "reports:share_revoke":          Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      REPORT,    GONE,      GONE,      GONE),
                                         args=alice_report_link),
    "reports:shared":                Row(get=every(OK), args=alice_report_token),
    "reports:shared_pdf":            Row(get=every(OK), args=alice_report_token),
    "yourdata:index":                Row(get=members(LOGIN, OK), post=members(LOGIN, NO_METHOD)),
    "yourdata:download":             Row(get=members(LOGIN, OK), post=members(LOGIN, NO_METHOD)),
    "assessments:index":             Row(get=members(LOGIN, OK)),
    "assessments:schedule":          Row(get=members(LOGIN, OK), post=members(LOGIN, BAD)),
    "assessments:partner":           Row(get=members(LOGIN, OK)),
    "assessments:introduction":      Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, HOME), data={"choice": "remind"}),
    "assessments:take":              Row(get=members(LOGIN, OK), post=members(LOGIN, BAD),
                                         args=phq9),
    "assessments:trend":             Row(get=members(LOGIN, OK), args=phq9),
    "assessments:result":            Row(get=(LOGIN,       OK,        GONE,      GONE,      GONE),
                                         args=alice_phq9_result),
    "assessments:share":             Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      RESULT,    GONE,      GONE,      GONE),
                                         args=alice_phq9_result,
                                         data={"sharing": "band"}),
    "assessments:dismiss_nudge":     Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      HOME,      GONE,      GONE,      GONE),
                                         args=alice_phq9_result),
    "safety:get_help":               Row(get=every(OK)),
    "safety:screen":                 Row(get=members(LOGIN, OK)),
    "safety:tell_partner":           Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, SAFETY_SCREEN)),
    "safety:withdraw_notice":        Row(get=members(LOGIN, NO_METHOD), post=members(LOGIN, HOME)),
    "safety:plan":                   Row(get=members(LOGIN, OK), post=members(LOGIN, SAFETY_PLAN)),
    "safety:plan_print":             Row(get=members(LOGIN, OK)),
    "safety:partner_plan":           Row(get=(LOGIN,       GONE,      OK,        GONE,      GONE),
                                         args=alice_shares_her_safety_plan),
    "safety:when_to_seek_help":      Row(get=every(OK)),
    "safety:worried":                Row(get=every(OK)),
    "safety_admin:crisis_lines":     Row(get=every(ADMIN_LOGIN)),
    "practices:index":               Row(get=members(LOGIN, OK)),
    "questions:today":               Row(get=members(LOGIN, OK)),
    "questions:decks":               Row(get=members(LOGIN, OK)),
    "questions:deck":                Row(get=members(LOGIN, OK), args=a_deck),
    "questions:pick":                Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      TODAYS_QUESTION, TODAYS_QUESTION,
                                               DECKS,      DECKS),
                                         data={"question_id": all_questions()[1].id}),
    "questions:skip":                Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, TODAYS_QUESTION)),
    "questions:question":            Row(get=(LOGIN,       OK,        OK,        GONE,      GONE),
                                         args=a_question),
    "questions:state":               Row(get=(LOGIN,       OK,        OK,        GONE,      GONE),
                                         args=a_question),
    "questions:thread":              Row(get=(LOGIN,       NO_CONTENT, NO_CONTENT, GONE,    GONE),
                                         args=a_question),
    "questions:answer":              Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      QUESTION,  QUESTION,  GONE,      GONE),
                                         args=a_question, data={"text": "A quiet morning"}),
    "questions:message":             Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      BAD,       BAD,       GONE,      GONE),
                                         args=a_question, data={"text": "Hello"}),
    "questions:favourite":           Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, QUESTION), args=a_question),
    "appreciations:index":           Row(get=members(LOGIN, OK),
                                         post=(LOGIN,      APPRECIATIONS, APPRECIATIONS, BAD, BAD),
                                         data={"text": "the tea"}),
    "appreciations:react":           Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      APPRECIATIONS, GONE,  GONE,      GONE),
                                         args=bob_appreciates_alice, data={"reaction": "heart"}),
    "conversations:index":           Row(get=members(LOGIN, OK),
                                         post=(LOGIN,      CONVERSATION, CONVERSATION, OK,  OK),
                                         data={"kind": "stress", "turn_seconds": "600",
                                               "first_speaker": "me"}),
    "conversations:conversation":    Row(get=(LOGIN,       OK,        OK,        GONE,      GONE),
                                         args=alice_starts_a_conversation),
    "conversations:state":           Row(get=(LOGIN,       OK,        OK,        GONE,      GONE),
                                         args=alice_starts_a_conversation),
    "conversations:begin":           Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      CONVERSATION, CONVERSATION, GONE, GONE),
                                         args=alice_starts_a_conversation),
    "conversations:advance":         Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      CONVERSATION, CONVERSATION, GONE, GONE),
                                         args=alice_starts_a_conversation, data={"from_turn": 0}),
    "conversations:finish":          Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      CONVERSATIONS, CONVERSATIONS,
                                               GONE,       GONE),
                                         args=alice_starts_a_conversation),
    "conversations:meeting_notes":   Row(get=(LOGIN,       OK,        OK,        GONE,      GONE),
                                         post=(LOGIN,      CONVERSATION, CONVERSATION, GONE, GONE),
                                         args=alice_starts_a_meeting,
                                         data={"field": "went_well_notes", "text": "A walk"}),
    "practices:history":             Row(get=members(LOGIN, OK)),
    "practices:rate":                Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      PRACTICE_HISTORY, GONE, GONE,    GONE),
                                         args=alice_breathing_log, data={"feeling": "4"}),
    "breathing:index":               Row(get=members(LOGIN, OK)),
    "breathing:invite":              Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, BREATHE),
                                         data={"pattern": "box", "minutes": "3"}),
    "breathing:invite_status":       Row(get=(LOGIN,     OK,        GONE,      GONE,      GONE),
                                         args=alice_breathing_invite),
    "breathing:join":                Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      GONE,      BREATHE,   GONE,      GONE),
                                         args=alice_breathing_invite),
    "breathing:log":                 Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, PRACTICE_HISTORY),
                                         data={"pattern": "slow", "minutes": "2"}),
    "rituals:index":                 Row(get=members(LOGIN, OK),
                                         post=(LOGIN,      RITUALS,   RITUALS,   BAD,       BAD),
                                         data={"title": "Walk", "rhythm": "weekly",
                                               "times_per_period": "1"}),
    "rituals:suggested":             Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, RITUALS),
                                         data={"key": "six-second-kiss"}),
    "rituals:done":                  Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      RITUALS,   RITUALS,   GONE,      GONE),
                                         args=alice_ritual),
    "rituals:undo":                  Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      RITUALS,   RITUALS,   GONE,      GONE),
                                         args=alice_ritual),
    "rituals:stop":                  Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      RITUALS,   RITUALS,   GONE,      GONE),
                                         args=alice_ritual),
    "learn:articles":                Row(get=members(LOGIN, OK)),
    "learn:article":                 Row(get=members(LOGIN, OK), args=an_article),
    "learn:reflect":                 Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, ARTICLE), args=an_article,
                                         data={"text": "It made me think of us"}),
    "coach:index":                   Row(get=members(LOGIN, OK), post=members(LOGIN, BAD)),
    "coach:i_statement":             Row(get=members(LOGIN, OK), post=members(LOGIN, OK),
                                         data={"feeling": "lonely", "need": "time together"}),
    "coach:send":                    Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      GENTLE_MESSAGES, GENTLE_MESSAGES,
                                               BAD,        BAD),
                                         data={"statement": "I need a walk with you"}),
    "coach:hint":                    Row(get=every(NO_METHOD), post=members(FORBIDDEN, OK),
                                         data={"note": "you never listen"}),
    "coach:messages":                Row(get=members(LOGIN, OK)),
    "coach:mark_read":               Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      GENTLE_MESSAGES, GONE, GONE,     GONE),
                                         args=bob_sends_alice_a_gentle_message),
    "api:tokens":                    Row(get=members(LOGIN, OK), post=members(LOGIN, OK),
                                         data={"name": "Phone", "scopes": ["read"]}),
    "api:revoke":                    Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      API_TOKENS, GONE,     GONE,      GONE),
                                         args=alice_token),
    "api-v1:api-root":               Row(get=every(GONE)),
    "api-v1:openapi-json":           Row(get=every(OK)),
    "api-v1:openapi-view":           Row(get=every(OK)),
    "security:index":                Row(get=members(LOGIN, OK)),
    "security:authenticator":        Row(get=members(LOGIN, OK), post=members(LOGIN, BAD),
                                         data={"code": "not a code"}),
    "security:remove_authenticator": Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, SECURITY), data={"code": "123456"}),
    "security:renew_codes":          Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, SECURITY), data={"code": "123456"}),
    "security:new_codes":            Row(get=members(LOGIN, SECURITY)),
    "security:passkey_options":      Row(get=members(LOGIN, NO_METHOD), post=members(LOGIN, OK)),
    "security:add_passkey":          Row(get=members(LOGIN, NO_METHOD), post=members(LOGIN, BAD),
                                         data={}, content_type="application/json"),
    "security:remove_passkey":       Row(get=members(LOGIN, NO_METHOD),
                                         post=(LOGIN,      SECURITY,  GONE,      GONE,      GONE),
                                         args=alice_passkey, data={"code": "123456"}),
    "security:sign_out_device":      Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, SECURITY), args=alice_other_device),
    "security:sign_out_others":      Row(get=members(LOGIN, NO_METHOD),
                                         post=members(LOGIN, SECURITY)),
    "security:activity":             Row(get=members(LOGIN, OK)),
    "security:verify":               Row(get=every(LOGIN), post=every(LOGIN)),
    "security:sign_in_options":      Row(get=every(NO_METHOD), post=every(OK)),
    "security:sign_in_with_passkey": Row(get=every(NO_METHOD), post=every(BAD), data={},
                                         content_type="application/json"),
    # The JSON API: the answer to the route's own method; the last column is alice's token
    # without the route's scope.
    #                                    anonymous     self       partner    stranger   former
    "api-v1:analyse_message":        api("post", UNAUTHORIZED, OK,     OK,        OK,        OK,
                                         data={"text": "you never listen"}),
    "api-v1:analyse_message_v1":     api("post", UNAUTHORIZED, OK,     OK,        OK,        OK,
                                         data={"text": "you never listen"}),
    "api-v1:read_me":                readable(),
    "api-v1:download_export":        readable(scope="export"),
    "api-v1:read_todays_checkin":    api("get",  UNAUTHORIZED, OK,     GONE,      GONE,      GONE),
    "api-v1:create_todays_checkin":  api("post", UNAUTHORIZED, CONFLICT, CREATED, CREATED, CREATED,
                                         scope="write", data=CHECK_IN),
    "api-v1:edit_todays_checkin":    api("patch", UNAUTHORIZED, OK,    GONE,      GONE,      GONE,
                                         scope="write", data={"mood": 4}),
    "api-v1:list_checkins":          readable(),
    "api-v1:read_partners_day":      api("get",  UNAUTHORIZED, GONE,   OK,        GONE,      GONE),
    "api-v1:send_response":          api("post", UNAUTHORIZED, GONE,   CREATED,   GONE,      GONE,
                                         scope="write", args=alice_checkin_today,
                                         data={"kind": "hug"}),
    "api-v1:list_responses":         readable(),
    "api-v1:read_turned_toward":     readable(),
    "api-v1:list_questionnaires":    readable(),
    "api-v1:submit_questionnaire":   api("post", UNAUTHORIZED, CREATED, CREATED, CREATED, CREATED,
                                         scope="write", data=PHQ9),
    "api-v1:list_results":           readable(),
    "api-v1:read_result":            api("get",  UNAUTHORIZED, OK,     GONE,      GONE,      GONE,
                                         args=alice_phq9_result),
    "api-v1:share_result":           api("put",  UNAUTHORIZED, OK,     GONE,      GONE,      GONE,
                                         scope="write", args=alice_phq9_result,
                                         data={"sharing": "band"}),
    "api-v1:list_partners_results":  readable(),
    "api-v1:read_safety_plan":       readable(),
    "api-v1:write_safety_plan":      api("put",  UNAUTHORIZED, OK,     OK,        OK,        OK,
                                         scope="write", data=PLAN),
    "api-v1:edit_safety_plan":       api("patch", UNAUTHORIZED, OK,    OK,        OK,        OK,
                                         scope="write", data={"shared_with_partner": True}),
    "api-v1:read_partners_safety_plan": api("get", UNAUTHORIZED, GONE, OK,        GONE,      GONE,
                                         args=alice_shares_her_safety_plan),
    # Preferences and devices are each person's own: everyone signed in gets theirs.
    "api-v1:read_notification_preferences": readable(),
    "api-v1:write_notification_preferences": api("put", UNAUTHORIZED, OK, OK,     OK,        OK,
                                         scope="write", data=PREFERENCES),
    "api-v1:edit_notification_preferences": api("patch", UNAUTHORIZED, OK, OK,    OK,        OK,
                                         scope="write", data={"snoozed": True}),
    "api-v1:list_notification_devices": readable(),
    "api-v1:read_todays_question":   api("get",  UNAUTHORIZED, OK,     OK,        GONE,      GONE),
    "api-v1:read_question":          api("get",  UNAUTHORIZED, OK,     OK,        GONE,      GONE,
                                         args=a_question),
    "api-v1:answer_question":        api("put",  UNAUTHORIZED, OK,     OK,        GONE,      GONE,
                                         scope="write", args=a_question,
                                         data={"text": "A quiet morning"}),
    "api-v1:list_thread":            api("get",  UNAUTHORIZED, OK,     OK,        GONE,      GONE,
                                         args=a_question),
    "api-v1:post_to_thread":         api("post", UNAUTHORIZED, CONFLICT, CONFLICT, GONE,     GONE,
                                         scope="write", args=a_question, data={"text": "Hello"}),
    "api-v1:list_appreciations":     readable(),
    "api-v1:send_appreciation":      api("post", UNAUTHORIZED, CREATED, CREATED, CONFLICT, CONFLICT,
                                         scope="write", data={"text": "the tea"}),
    "api-v1:react_to_appreciation":  api("put",  UNAUTHORIZED, OK,     GONE,      GONE,      GONE,
                                         scope="write", args=bob_appreciates_alice,
                                         data={"reaction": "heart"}),
    "api-v1:list_rituals":           readable(),
    "api-v1:add_ritual":             api("post", UNAUTHORIZED, CREATED, CREATED, CONFLICT, CONFLICT,
                                         scope="write",
                                         data={"title": "Walk", "rhythm": "weekly"}),
    "api-v1:mark_ritual_done":       api("post", UNAUTHORIZED, OK,     OK,        GONE,      GONE,
                                         scope="write", args=alice_ritual),
    "api-v1:undo_ritual_done":       api("delete", UNAUTHORIZED, CONFLICT, CONFLICT, GONE,   GONE,
                                         scope="write", args=alice_ritual),
    "api-v1:stop_ritual":            api("delete", UNAUTHORIZED, NO_CONTENT, NO_CONTENT, GONE, GONE,
                                         scope="write", args=alice_ritual),
    "api-v1:read_current_conversation": api("get", UNAUTHORIZED, OK,   OK,        GONE,      GONE,
                                         args=bob_starts_a_conversation),
    "api-v1:read_series":            readable(),
    "admin:index":                   Row(get=every(ADMIN_LOGIN)),
    "admin:checkins_checkin_changelist": Row(get=every(ADMIN_LOGIN)),
}
# fmt: on

# The admin is Django's own; its index and one model's list stand for all of its pages.
NAMESPACES_COVERED_AS_A_WHOLE = {"admin": ("admin:index", "admin:checkins_checkin_changelist")}


def url_names(patterns=None, namespace: str = "") -> list[str]:
    """Every URL pattern's full name; unnamed ones as ``namespace:<unnamed: route>``."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name or f'<unnamed: {pattern.pattern}>'}")
    return names


def test_every_url_has_a_row():
    covered = set(MATRIX)
    for namespace, rows in NAMESPACES_COVERED_AS_A_WHOLE.items():
        assert set(rows) <= covered, f"the {namespace} namespace needs rows for {rows}"
    missing = [
        name
        for name in url_names()
        if name not in covered and name.split(":")[0] not in NAMESPACES_COVERED_AS_A_WHOLE
    ]
    assert not missing, (
        f"These URLs have no row in the authorization matrix: {missing}. "
        "Add one row per URL name to MATRIX in tests/test_authorization_matrix.py."
    )


def test_every_row_is_a_url_that_exists():
    existing = set(url_names())
    assert not [name for name in MATRIX if name not in existing]


@pytest.fixture
def world(people):
    """alice and bob paired ten days ago; alice and dana were a couple before that."""
    alice, bob, dana = people["alice"], people["bob"], people["dana"]
    now = timezone.now()
    former = Couple.objects.filter(memberships__user=dana).get()
    Couple.objects.filter(pk=former.pk).update(
        started_at=now - dt.timedelta(days=40), ended_at=now - dt.timedelta(days=20)
    )
    current = active_couple_for(alice)
    Couple.objects.filter(pk=current.pk).update(started_at=now - dt.timedelta(days=10))

    make_checkin(alice, days_ago=30, note=ALICE_NOTE_SHARED_WITH_DANA, share_note=True)
    make_checkin(dana, days_ago=30, note=DANA_NOTE_SHARED_WITH_ALICE, share_note=True)
    make_checkin(alice, days_ago=2, note=ALICE_NOTE_SHARED_WITH_BOB, share_note=True)
    alice_today = make_checkin(alice, needs=["hug"], note=ALICE_PRIVATE_NOTE, share_note=False)
    make_response(alice_today, bob, kind=Response.Kind.MESSAGE, message=BOB_MESSAGE_TO_ALICE)
    alice_invite = Invite.objects.create(inviter=alice, expires_at=now + dt.timedelta(days=7))
    return SimpleNamespace(
        **people,
        alice_today=alice_today,
        alice_invite=alice_invite,
    )


def person_for(role: str, world):
    return {
        "anonymous": None,
        "self": world.alice,
        "partner": world.bob,
        "stranger": world.charlie,
        "former": world.dana,
    }[role]


def body_of(response) -> str:
    """The response text, with a zip download's files read out."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"\n".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", errors="replace")


def check(response, expected: Answer, role: str, what: str) -> None:
    assert response.status_code == expected.status, f"{what} as {role}"
    if expected.redirect_to:
        landed = resolve(urlsplit(response.url).path).view_name
        assert landed == expected.redirect_to, f"{what} as {role} went to {response.url}"
    body = body_of(response)
    for words, readers in READERS.items():
        if role not in readers:
            assert words not in body, f"{what} as {role} showed {words}"


def api_client(role: str, world, row: ApiRow) -> Client:
    if role == "anonymous":
        return Client()
    if role == "scopeless":
        return token_client(world.alice, [s for s in Scope.values if s != row.scope])
    return token_client(person_for(role, world), Scope.values)


def api_request(client: Client, row: ApiRow, url: str):
    return send(client, row.method, url, row.data)


def check_api_row(world, name: str, row: ApiRow) -> None:
    for index, role in enumerate(API_ROLES):
        with transaction.atomic():
            url = reverse(name, args=row.args(world))
            response = api_request(api_client(role, world, row), row, url)
            check(response, row.answers[index], role, f"{row.method.upper()} {name}")
            if response.status_code >= 400:
                assert response.json()["detail"], f"{name} as {role} answered no detail"
            transaction.set_rollback(True)


@pytest.mark.parametrize("name", MATRIX)
def test_who_gets_what(world, name):
    row = MATRIX[name]
    if isinstance(row, ApiRow):
        check_api_row(world, name, row)
        return
    for index, role in enumerate(ROLES):
        with transaction.atomic():
            client = client_for(person_for(role, world))
            url = reverse(name, args=row.args(world))
            check(client.get(url), row.get[index], role, f"GET {name}")
            if row.post is not None:
                response = client.post(url, row.data, content_type=row.content_type)
                check(response, row.post[index], role, f"POST {name}")
            transaction.set_rollback(True)


def test_alice_sees_her_own_private_note(world):
    client = client_for(world.alice)
    assert ALICE_PRIVATE_NOTE in client.get(reverse("home:index")).content.decode()
    assert ALICE_NOTE_SHARED_WITH_DANA in client.get(reverse("checkins:history")).content.decode()


def test_bob_sees_what_alice_shared_with_him(world):
    client = client_for(world.bob)
    history = client.get(reverse("checkins:history")).content.decode()
    assert ALICE_NOTE_SHARED_WITH_BOB in history
    assert (
        BOB_MESSAGE_TO_ALICE in client_for(world.alice).get(reverse("home:index")).content.decode()
    )


# Exact queries of alice's own request to each URL: her GET, or her POST where the view
# answers only POST. A page that starts costing more (or less) fails with its SQL listed.
QUERIES: dict[str, int] = {
    "home:index": 8,
    "home:live": 3,
    "home:manifest": 2,
    "home:service_worker": 2,
    "home:offline": 2,
    "notifications:settings": 6,
    "notifications:add_device": 9,
    "notifications:forget_device": 3,
    "notifications:remove_device": 3,
    "notifications:test": 3,
    "notifications:act": 3,
    "accounts:signup": 2,
    "accounts:login": 2,
    "accounts:logout": 7,
    "accounts:profile": 4,
    "accounts:delete": 2,
    "accounts:password_change": 2,
    "accounts:password_change_done": 2,
    "accounts:password_reset": 2,
    "accounts:password_reset_sent": 2,
    "accounts:password_reset_confirm": 3,
    "accounts:password_reset_complete": 2,
    "couples:partner": 3,
    "couples:create_invite": 6,
    "couples:revoke_invite": 4,
    "couples:join": 3,
    "couples:unpair": 3,
    "checkins:checkin": 3,
    "checkins:history": 8,
    "checkins:respond": 4,
    "insights:overview": 5,
    "insights:week": 6,
    "insights:preferences": 8,
    "reports:list": 5,
    "reports:consent": 8,
    "reports:detail": 5,
    "reports:pdf": 4,
    "reports:delete": 5,
    "reports:share_create": 6,
    "reports:share_revoke": 5,
    "reports:shared": 7,
    "reports:shared_pdf": 7,
    "yourdata:index": 2,
    "yourdata:download": 37,
    "assessments:index": 6,
    "assessments:schedule": 4,
    "assessments:partner": 4,
    "assessments:introduction": 3,
    "assessments:take": 2,
    "assessments:trend": 3,
    "assessments:result": 4,
    "assessments:share": 4,
    "assessments:dismiss_nudge": 4,
    "safety:get_help": 2,
    "safety:screen": 5,
    "safety:tell_partner": 9,
    "safety:withdraw_notice": 3,
    "safety:plan": 3,
    "safety:plan_print": 3,
    "safety:partner_plan": 4,
    "safety:when_to_seek_help": 2,
    "safety:worried": 4,
    "safety_admin:crisis_lines": 2,
    "practices:index": 7,
    "questions:today": 7,
    "questions:decks": 3,
    "questions:deck": 4,
    "questions:pick": 12,
    "questions:skip": 8,
    "questions:question": 7,
    "questions:state": 4,
    "questions:thread": 4,
    "questions:answer": 10,
    "questions:message": 12,
    "questions:favourite": 7,
    "appreciations:index": 6,
    "appreciations:react": 10,
    "conversations:index": 4,
    "conversations:conversation": 4,
    "conversations:state": 4,
    "conversations:begin": 11,
    "conversations:advance": 10,
    "conversations:finish": 10,
    "conversations:meeting_notes": 4,
    "practices:history": 5,
    "practices:rate": 5,
    "breathing:index": 3,
    "breathing:invite": 9,
    "breathing:invite_status": 5,
    "breathing:join": 4,
    "breathing:log": 4,
    "rituals:index": 5,
    "rituals:suggested": 5,
    "rituals:done": 10,
    "rituals:undo": 10,
    "rituals:stop": 9,
    "learn:articles": 2,
    "learn:article": 4,
    "learn:reflect": 4,
    "coach:index": 2,
    "coach:i_statement": 3,
    "coach:send": 8,
    "coach:hint": 2,
    "coach:messages": 4,
    "coach:mark_read": 4,
    "api:tokens": 3,
    "api:revoke": 6,
    "api-v1:api-root": 2,
    "api-v1:openapi-json": 2,
    "api-v1:openapi-view": 2,
    "api-v1:analyse_message": 7,
    "admin:index": 2,
    "admin:checkins_checkin_changelist": 2,
    "security:index": 6,
    "security:authenticator": 5,
    "security:remove_authenticator": 6,
    "security:renew_codes": 4,
    "security:new_codes": 2,
    "security:passkey_options": 7,
    "security:add_passkey": 5,
    "security:remove_passkey": 10,
    "security:sign_out_device": 9,
    "security:sign_out_others": 7,
    "security:activity": 4,
    "security:verify": 2,
    "security:sign_in_options": 12,
    "security:sign_in_with_passkey": 5,
    "api-v1:analyse_message_v1": 7,
    "api-v1:read_me": 8,
    "api-v1:download_export": 42,
    "api-v1:read_todays_checkin": 10,
    "api-v1:create_todays_checkin": 8,
    "api-v1:edit_todays_checkin": 18,
    "api-v1:list_checkins": 10,
    "api-v1:read_partners_day": 9,
    "api-v1:send_response": 9,
    "api-v1:list_responses": 9,
    "api-v1:read_turned_toward": 10,
    "api-v1:list_questionnaires": 7,
    "api-v1:submit_questionnaire": 8,
    "api-v1:list_results": 8,
    "api-v1:read_result": 8,
    "api-v1:share_result": 9,
    "api-v1:list_partners_results": 9,
    "api-v1:read_safety_plan": 8,
    "api-v1:write_safety_plan": 16,
    "api-v1:edit_safety_plan": 20,
    "api-v1:read_partners_safety_plan": 9,
    "api-v1:read_notification_preferences": 8,
    "api-v1:write_notification_preferences": 12,
    "api-v1:edit_notification_preferences": 13,
    "api-v1:list_notification_devices": 8,
    "api-v1:read_todays_question": 11,
    "api-v1:read_question": 10,
    "api-v1:answer_question": 17,
    "api-v1:list_thread": 9,
    "api-v1:post_to_thread": 13,
    "api-v1:list_appreciations": 9,
    "api-v1:send_appreciation": 13,
    "api-v1:react_to_appreciation": 15,
    "api-v1:list_rituals": 9,
    "api-v1:add_ritual": 13,
    "api-v1:mark_ritual_done": 18,
    "api-v1:undo_ritual_done": 15,
    "api-v1:stop_ritual": 14,
    "api-v1:read_current_conversation": 11,
    "api-v1:read_series": 9,
}


def own_request(world, name: str):
    """What alice's request to ``name`` is: the method, the URL and the client to send it."""
    row = MATRIX[name]
    if isinstance(row, ApiRow):
        return row.method, reverse(name, args=row.args(world)), api_client("self", world, row)
    self_index = ROLES.index("self")
    method = "post" if row.get[self_index] == NO_METHOD and row.post is not None else "get"
    return method, reverse(name, args=row.args(world)), client_for(world.alice)


def test_every_url_has_a_query_count():
    assert set(QUERIES) == set(MATRIX)


@pytest.mark.parametrize("name", MATRIX)
def test_queries_of_each_url(world, name):
    row = MATRIX[name]
    method, url, client = own_request(world, name)
    with assert_query_count(QUERIES[name], f"{method.upper()} {name} as alice"):
        if isinstance(row, ApiRow):
            api_request(client, row, url)
        elif method == "post":
            client.post(url, row.data, content_type=row.content_type)
        else:
            client.get(url)
