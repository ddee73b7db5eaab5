"""Behaviour of the gentle start-up coach's analysis on representative and tricky messages."""

import dataclasses
import time

import pytest

from tending.coach.analysis import KINDS, Analysis, Finding, analyse


def kinds_in(text: str) -> set[str]:
    return {finding.kind for finding in analyse(text).findings}


def spans_of(text: str, kind: str) -> list[str]:
    return [finding.text for finding in analyse(text).findings if finding.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("you're so selfish, honestly", "criticism", "you're so selfish"),
        ("What kind of person forgets their own kid's play?", "criticism", "What kind of person"),
        ("what is wrong with you", "criticism", "what is wrong with you"),
        ("oh great, more laundry", "contempt", "oh great"),
        ("the bins are still full, thanks a lot.", "contempt", "thanks a lot"),
        ("wow, genius, you washed my jumper on hot", "contempt", "wow, genius"),
        ("Fine, genius", "contempt", "genius"),
        ("*rolls eyes* sure you will", "contempt", "*rolls eyes*"),
        ("how pathetic is that", "contempt", "how pathetic"),
        ("whatever you say, dear", "contempt", "whatever you say"),
        ("well you didn't call either", "defensiveness", "well you"),
        ("yes, but you left the gate open", "defensiveness", "yes, but"),
        ("it's not my fault the bus was late", "defensiveness", "not my fault"),
        ("I was only trying to help", "defensiveness", "I was only trying"),
        ("you never listen to me", "absolutes", "you never"),
        ("You always leave the lights on", "absolutes", "You always"),
        ("every single time we visit", "absolutes", "every single time"),
        ("nothing you do is ever finished", "absolutes", "nothing you do"),
        ("you make me feel invisible", "blame", "you make me"),
        ("it's your fault we missed it", "blame", "your fault"),
        ("because of you I was late", "blame", "because of you"),
        ("I'm done talking.", "stonewalling", "I'm done talking"),
        ("Leave me alone", "stonewalling", "Leave me alone"),
        ("forget it. I'll do it myself", "stonewalling", "forget it"),
        ("I don't care anymore", "stonewalling", "I don't care anymore"),
        ("whatever.", "stonewalling", "whatever"),
    ],
)
def test_finds_each_kind_with_its_span(text, kind, span):
    findings = [finding for finding in analyse(text).findings if finding.kind == kind]
    assert [finding.text for finding in findings] == [span]
    finding = findings[0]
    assert text[finding.start : finding.end] == span
    assert finding.explanation.endswith(".")
    assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "you always make me laugh",
        "I never want to lose you",
        "You never have to apologise for crying",
        "you never fail to cheer me up",
        "I'm not blaming you, I just need to talk",
        "it's not your fault the boiler broke",
        "I'm not saying it's your fault",
        "No one is saying it's your fault.",
        "I don't think you're selfish at all",
        "I'd kill for a coffee",
        "this traffic is killing me",
        "Whatever you choose is fine with me",
        "whatever happens, we'll figure it out",
        "I'm done with the hoovering, want a tea?",
        "don't forget it's bin day",
        "You made me breakfast in bed",
        "You make me feel so loved",
        "my boss is such an idiot",
        "please don't leave me alone tonight",
        "I'm going to take twenty minutes and come back, I'm not leaving",
    ],
)
def test_hard_negatives_have_no_harsh_finding(text):
    assert kinds_in(text) <= {"positive"}


@pytest.mark.parametrize(
    "text",
    [
        'she said "you never listen" and I laughed',
        "My sister texted \u201cyou\u2019re so selfish\u201d to the group chat",
        "he always says 'it's your fault' when he loses at cards",
    ],
)
def test_quoted_speech_is_not_the_writers_own(text):
    assert kinds_in(text) <= {"positive"}


def test_reported_words_are_not_the_writers_own():
    assert "absolutes" not in kinds_in("I'm sorry I said you never listen")


def test_curly_apostrophes_behave_like_straight_ones():
    straight = analyse("you're so lazy and it's your fault")
    curly = analyse("you\u2019re so lazy and it\u2019s your fault")
    assert [(f.kind, f.start, f.end) for f in straight.findings] == [
        (f.kind, f.start, f.end) for f in curly.findings
    ]
    assert curly.findings[0].text == "you\u2019re so lazy"


def test_spans_index_the_original_text_whatever_its_case():
    text = "Honestly?? YOU NEVER help. You’re SO selfish."
    for finding in analyse(text).findings:
        assert text[finding.start : finding.end] == finding.text
    assert kinds_in(text) == {"absolutes", "criticism"}


def test_gentle_start_up_is_positive_and_gentle():
    text = "I feel lonely when we both scroll in bed. I'd love some time to talk before sleep."
    result = analyse(text)
    assert result.tone == "gentle"
    assert [(f.kind, f.text) for f in result.findings] == [
        ("positive", "I feel lonely"),
        ("positive", "I'd love"),
    ]
    assert result.emotions == ["lonely"]
    assert "understanding" in result.needs


def test_appreciation_is_positive():
    assert spans_of("Thank you for doing the school run", "positive") == ["Thank you for"]
    assert spans_of("I really appreciate you", "positive") == ["I really appreciate"]


def test_sarcastic_thanks_is_not_appreciation():
    assert kinds_in("thanks for nothing") == {"contempt"}


def test_i_feel_like_you_is_not_an_i_statement():
    assert "positive" not in kinds_in("I feel like you don't care")


def test_tone_rules():
    assert analyse("Could we go for a walk later?").tone == "gentle"
    assert analyse("you never text back").tone == "mixed"
    assert analyse("I feel hurt, you never text back").tone == "mixed"
    assert analyse("you never text back and every time I ask you shrug").tone == "harsh"
    assert analyse("you're so selfish").tone == "harsh"
    assert analyse("I feel sad. Leave me alone").tone == "harsh"


def test_emotions_and_needs_are_recognised():
    result = analyse("I'm tired and a bit anxious. I need a hug and some sleep, please.")
    assert result.emotions == ["tired", "anxious"]
    assert result.needs == ["affection", "rest"]


def test_emotion_words_in_other_senses_are_not_emotions():
    assert analyse("Sit down and close the door").emotions == []


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text(text):
    assert analyse(text) == Analysis(findings=[], tone="gentle", emotions=[], needs=[])


def test_very_long_text_is_analysed_quickly_and_completely():
    text = "I feel sad when the dishes pile up. " * 2000 + "You never help."
    started = time.perf_counter()
    result = analyse(text)
    assert time.perf_counter() - started < 2
    assert result.findings[-1].kind == "absolutes"
    assert result.findings[-1].text == "You never"


def test_results_are_frozen():
    result = analyse("you never listen")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.tone = "gentle"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.findings[0].kind = "positive"
    assert isinstance(result.findings[0], Finding)


def test_findings_are_ordered_and_of_known_kinds():
    result = analyse("Well you started it. You always do this. I'm done. Thank you for nothing.")
    starts = [finding.start for finding in result.findings]
    assert starts == sorted(starts)
    assert {finding.kind for finding in result.findings} <= set(KINDS)


def test_suggestion_quotes_the_flagged_words():
    (finding,) = analyse("you always forget").findings
    assert "'you always'" in finding.suggestion
