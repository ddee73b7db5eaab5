"""Tests for crisis-language detection in notes."""

import tomllib

import pytest

from tending.safety.crisis_language import (
    MAX_TEXT_LENGTH,
    CrisisMatch,
    contains_crisis_language,
    find_crisis_language,
    is_benign,
    read_crisis_language,
    read_phrases,
)
from tending.safety.crisis_phrases import PHRASES_PATH, expand_phrase, phrase_examples

CRISIS_SENTENCES = [
    "I want to kill myself.",
    "i want to kill myself tonight",
    "Honestly I keep thinking about killing myself.",
    "I'm going to kill myself if this doesn't stop.",
    "Sometimes I think I should just kill my self",
    "i could just kms",
    "kms",
    "I feel suicidal again.",
    "Been really suicidal this week",
    "having suicidal thoughts again",
    "I'm so sucidal today",
    "Feeling suicidel",
    "I've been thinking about suicide a lot.",
    "I keep researching suicide methods.",
    "I thought about committing suicide last night.",
    "I want to commit suicide.",
    "I want to die.",
    "i just wanna die",
    "I wanna diiiie",
    "I want 2 die",
    "i want too die",
    "Some days I just want to be dead.",
    "I wish I was dead.",
    "I wish I were dead, honestly.",
    "I wish I could just die in my sleep.",
    "I wish I'd never been born.",
    "Everyone would be better off without me.",
    "They'd all be better off without me",
    "I'd be better off dead.",
    "i would be better of dead",
    "I'd rather be dead than feel like this.",
    "I'd rather die than keep living like this.",
    "I don't want to live anymore.",
    "I dont want to live anymore",
    "I don’t want to live any more",
    "I do not want to be alive.",
    "I don't want to be here anymore.",
    "i dont want to exist",
    "I no longer want to live.",
    "I'm tired of living.",
    "I'm so tired of being alive",
    "I'm done with life.",
    "There's no reason to live.",
    "I have nothing left to live for.",
    "There's no point in living.",
    "What's the point of living anymore?",
    "Life isn't worth living.",
    "My life is not worth living.",
    "I can't go on like this.",
    "I cannot go on.",
    "I can't keep living like this.",
    "I don't want to go on.",
    "I want to go to sleep and not wake up.",
    "I hope I don't wake up tomorrow.",
    "I wish I wouldn't wake up.",
    "I want to fall asleep and never wake up again.",
    "I don't want to wake up anymore.",
    "I just want to disappear.",
    "I wish I could disappear forever.",
    "I wish I didn't exist.",
    "Nobody would miss me.",
    "No one would care if I died.",
    "I'm just a burden to everyone.",
    "I want to end my life.",
    "I'm thinking of ending my life.",
    "I want to take my own life.",
    "I want to end it all.",
    "I keep thinking about ending it all.",
    "I want to hurt myself.",
    "I hurt myself again last night.",
    "I've been cutting myself.",
    "I cut myself again.",
    "I started cutting again.",
    "I want to self-harm.",
    "I relapsed on self harm",
    "I keep burning myself with cigarettes.",
    "I've been hitting myself when I get angry at myself.",
    "I've been saving up my pills.",
    "I'm going to take all my pills.",
    "I took an overdose last year and I'm thinking of doing it again.",
    "I'm thinking about an overdose.",
    "I looked up how many pills would it take.",
    "I want to hang myself.",
    "I bought a rope.",
    "I want to jump off a bridge.",
    "I thought about jumping in front of a train.",
    "I want to slit my wrists.",
    "I keep thinking about a gun to my head.",
    "I want to drive off a cliff.",
    "This is goodbye.",
    "Goodbye forever, I love you all.",
    "By the time you read this I'll be gone.",
    "I won't be here tomorrow.",
    "You won't have to worry about me anymore.",
    "This is my last message.",
    "I'm not okay. I want to die.",
    "I'm not suicidal, I just want to die.",
    "I've never wanted to die more than now.",
    "I've never been so suicidal.",
    "Why not end it all?",
    "Whether or not I kill myself is up to me.",
    "I can not go on.",
    "Not gonna lie, I'm suicidal.",
    "I KILL MYSELF IN MY HEAD EVERY DAY",
    "want_to_die",
    "I want to un-alive myself",
    "i dont see the point in living anymore",
    "I feel like ending it",
    "i just want it all to end",
    "I feel like a burden to everyone",
    "I want to go to sleep forever",
    "I'm not sure I want to live anymore",
    "I don't know if I want to live",
    "Goodbye everyone. I love you.",
    "I didn't cut myself today but I wanted to cut myself so badly",
]

SAFE_SENTENCES = [
    "I'd kill for a coffee right now.",
    "I could kill for a pizza.",
    "This traffic is killing me.",
    "My back is killing me.",
    "You're killing it at work!",
    "We killed it at the pub quiz.",
    "I'm dying to see the new film.",
    "Dying to try that new ramen place.",
    "I'm dead tired after the night shift.",
    "That chocolate cake was to die for.",
    "I laughed so hard I died.",
    "My phone died halfway through the call.",
    "The battery died on the way home.",
    "I nearly killed myself laughing at his joke.",
    "I was killing myself laughing.",
    "That would be career suicide.",
    "It was political suicide for him.",
    "We watched Suicide Squad last night.",
    "Coach made us run suicide sprints.",
    "I'm not suicidal, just exhausted.",
    "I am not suicidal.",
    "I'm not feeling suicidal today.",
    "I have no suicidal thoughts.",
    "No thoughts of suicide this week.",
    "I would never kill myself.",
    "I'm not going to kill myself, I promise.",
    "I don't want to kill myself.",
    "I don't want to die, I want things to get better.",
    "I would never hurt myself.",
    "I won't hurt myself.",
    "I don't want to hurt myself.",
    "I cut myself shaving this morning.",
    "I cut myself chopping onions.",
    "Accidentally cut myself on a broken glass.",
    "I burnt myself cooking dinner.",
    "I hurt myself at the gym.",
    "I hurt myself playing football.",
    "I had a sugar overdose at the party.",
    "I overdosed on chocolate over Easter.",
    "We walked 12 kms today.",
    "It's about 5 kms away.",
    "The hike was 8.5 kms long.",
    "We cycled a few kms along the river.",
    "I can't go on holiday this year.",
    "We can't go on the trip in June.",
    "I can't go online at work.",
    "I want to disappear for the weekend to a cabin with you.",
    "I don't want to wake up early tomorrow.",
    "When I'm gone for the conference, please water the plants.",
    "The baby did not wake up once last night!",
    "I want to live a long life with you.",
    "I want to live by the sea one day.",
    "I love my life.",
    "Life is good today.",
    "We had a lovely dinner together.",
    "I feel anxious about the presentation tomorrow.",
    "I'm stressed but managing.",
    "I'm sad that my grandmother passed away.",
    "My grandfather died last year and I still miss him.",
    "The plants died while we were away.",
    "The ending of the film killed me.",
    "I'm so tired of this weather.",
    "I'm sick of doing the dishes every night.",
    "I'm done with this job.",
    "I'm done with living out of boxes, let's unpack.",
    "We should talk about how we divide the chores.",
    "I felt ignored at dinner.",
    "Can we have a quiet evening?",
    "The dog ate my sock again.",
    "I want to go to sleep early tonight.",
    "I need a hug.",
    "I'm proud of us for talking it through.",
    "Work was brutal but I'm okay.",
    "Goodbye for now, see you at dinner!",
    "We said goodbye to our old flat.",
    "I'm sorry I snapped at you.",
    "That was an odd one.",
    "It looked odd on him.",
    "The pills for my headache worked.",
    "I took my meds this morning.",
    "I need to pick up my prescription.",
    "I hung my coat on the hook.",
    "My friend's presentation was deadly boring.",
    "I could eat a horse.",
    "Let's not wake the kids.",
    "He was hurt by what I said.",
    "I'd rather die than eat olives.",
    "I want to die of embarrassment after that meeting.",
    "This cheese is dead good.",
    "",
]


@pytest.mark.parametrize("sentence", CRISIS_SENTENCES)
def test_crisis_sentences_are_flagged(sentence):
    assert contains_crisis_language(sentence), sentence
    assert find_crisis_language(sentence)


@pytest.mark.parametrize("sentence", SAFE_SENTENCES)
def test_everyday_sentences_are_not_flagged(sentence):
    assert not contains_crisis_language(sentence), find_crisis_language(sentence)


def test_there_are_enough_examples():
    assert len(CRISIS_SENTENCES) >= 80
    assert len(SAFE_SENTENCES) >= 80


def _phrase_file():
    with PHRASES_PATH.open("rb") as handle:
        return tomllib.load(handle)


def _listed_crisis_phrases():
    return [
        (group, phrase)
        for group, section in _phrase_file()["crisis"].items()
        for key in ("phrases", "about_someone_else", "possible")
        for entry in section.get(key, [])
        for phrase in phrase_examples(entry)
    ]


def _listed_hints():
    return [
        (kind, entry, example)
        for kind, section in _phrase_file()["hints"].items()
        for entry in section["phrases"]
        for example in phrase_examples(entry)
    ]


LISTED_PHRASES = _listed_crisis_phrases()
LISTED_HINTS = _listed_hints()


@pytest.mark.parametrize("group, phrase", LISTED_PHRASES)
def test_every_listed_phrase_is_detected_on_its_own(group, phrase):
    assert find_crisis_language(phrase) or is_benign(phrase), phrase


@pytest.mark.parametrize("group, phrase", LISTED_PHRASES)
def test_every_listed_phrase_is_detected_in_a_sentence(group, phrase):
    if is_benign(phrase):
        return
    assert contains_crisis_language(f"Honestly, lately {phrase}. I don't know what to do.")
    assert contains_crisis_language(f"I told you: {phrase.upper()}!")


def test_every_group_has_phrases():
    groups = {group for group, _ in LISTED_PHRASES}
    assert groups == {
        "suicidal_thoughts",
        "wish_not_to_be_here",
        "hopelessness",
        "burden",
        "goodbyes",
        "means",
        "plans",
        "self_harm",
    }


def test_phrase_file_lists_negations_and_benign_idioms():
    with PHRASES_PATH.open("rb") as handle:
        data = tomllib.load(handle)
    assert "not" in data["negation"]["cues"]
    assert any("kill" in phrase for phrase in data["benign"]["phrases"])


@pytest.mark.parametrize(
    "sentence",
    [
        "I want to kil myself",
        "I want to killl myselff",
        "I feel suicdal",
        "i'm suiiiicidal",
        "thinking about sucide",
        "i want to dieee",
        "i want to die",
        "I'd be better off deaaad",
        "goodbye foreverrr",
        "i wanna unalive myself",
        "sewerslide",
    ],
)
def test_misspellings_and_stretched_letters(sentence):
    assert contains_crisis_language(sentence)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc", "`", ""])
def test_any_apostrophe_style(apostrophe):
    assert contains_crisis_language(f"I don{apostrophe}t want to live anymore")
    assert contains_crisis_language(f"I{apostrophe}d be better off dead")
    assert not contains_crisis_language(f"I{apostrophe}m not suicidal")


def test_phrases_that_contain_a_negation_are_still_matched():
    for sentence in [
        "I don't want to live",
        "I do not want to be here anymore",
        "I can't go on",
        "I hope I never wake up",
        "I won't be around much longer",
    ]:
        assert contains_crisis_language(sentence), sentence


def test_a_negation_in_another_sentence_does_not_cancel():
    assert contains_crisis_language("No.\nI want to die.")
    assert contains_crisis_language("I'm not fine. suicidal again")
    assert contains_crisis_language("Don't worry. I want to kill myself.")


def test_a_denial_followed_by_a_real_message_is_flagged():
    matches = find_crisis_language("I'm not suicidal. But I wish I was dead.")
    assert [match.text for match in matches] == ["wish I was dead"]


def test_match_reports_phrase_group_and_span():
    text = "Today was hard and I might end my life."
    (match,) = find_crisis_language(text)
    assert isinstance(match, CrisisMatch)
    assert match.group == "suicidal_thoughts"
    assert match.group_label == "Thoughts of suicide"
    assert (
        match.phrase == "(end|ending|ended|ends|take|taking|took|takes) {my} (life|own life|lives)"
    )
    assert match.about == "self"
    assert text[match.start : match.end] == match.text == "end my life"


def test_spans_point_into_the_original_text_with_unicode():
    text = "Ça va pas… je suis épuisée, I don’t want to live"
    (match,) = find_crisis_language(text)
    assert text[match.start : match.end] == "don’t want to live"


def test_words_inside_other_words_are_not_matched():
    assert not contains_crisis_language("the skms project")
    assert not contains_crisis_language("noosed")
    assert not contains_crisis_language("overdosages")


def test_empty_and_missing_text():
    assert find_crisis_language("") == []
    assert find_crisis_language(None) == []
    assert not contains_crisis_language(None)


def test_several_matches_in_reading_order():
    text = "I want to die. I have been cutting myself. This is goodbye."
    groups = [match.group for match in find_crisis_language(text)]
    assert groups == ["suicidal_thoughts", "self_harm", "goodbyes"]


def test_long_notes_are_handled():
    note = "We had a calm day and cooked together. " * 500
    assert not contains_crisis_language(note)
    assert contains_crisis_language(note + "I want to die.")


def test_expand_phrase():
    assert expand_phrase("(want to|wanna) die") == ["want to die", "wanna die"]
    assert expand_phrase("# kms") == ["7 kms"]
    assert expand_phrase("suicide") == ["suicide"]


# Each warning sign, said by the writer about themselves and by a partner about someone
# close: (text, group, about).
BY_CATEGORY = [
    ("i cant do this anymore", "suicidal_thoughts", "self"),
    ("i want to end things", "suicidal_thoughts", "self"),
    ("i keep wishing i was dead", "suicidal_thoughts", "self"),
    ("sam said last night he wants to die", "suicidal_thoughts", "other"),
    ("my partner is suicidal and i dont know what to do", "suicidal_thoughts", "other"),
    ("i wish i didnt exist", "wish_not_to_be_here", "self"),
    ("tired of life", "wish_not_to_be_here", "self"),
    ("she said she wishes she could go to sleep and never wake up", "wish_not_to_be_here", "other"),
    ("i see no way out", "hopelessness", "self"),
    ("there is no future for me", "hopelessness", "self"),
    ("he keeps saying there's no way out", "hopelessness", "other"),
    ("everyone would be better off without me", "burden", "self"),
    ("he said we'd be better off without him", "burden", "other"),
    ("i've written letters to everyone, just in case", "goodbyes", "self"),
    ("i've made my peace", "goodbyes", "self"),
    ("i found a goodbye note in his bag", "goodbyes", "other"),
    ("he's been giving away his stuff", "goodbyes", "other"),
    ("i have pills saved up", "means", "self"),
    ("i keep looking at the rope in the garage", "means", "self"),
    ("thought about stepping in front of the train this morning", "means", "self"),
    ("i found a rope in his car", "means", "other"),
    ("i have a plan and a date", "plans", "self"),
    ("tonight's the night", "plans", "self"),
    ("she told me she's picked a date", "plans", "other"),
    ("i cut myself again last night", "self_harm", "self"),
    ("my girlfriend has been cutting herself again", "self_harm", "other"),
    ("i saw fresh cuts on her wrist", "self_harm", "other"),
    # Possible signs and pairs of hints: words that can also mean something everyday.
    ("i'll be gone by morning. love you", "goodbyes", "self"),
    ("she said she'll be gone by morning and hung up", "goodbyes", "other"),
    ("this is the last time ull hear from me", "goodbyes", "self"),
    ("i've sorted my funeral songs", "goodbyes", "self"),
    ("tell the kids daddy loved them", "goodbyes", "self"),
    ("thank you for everything. goodbye", "goodbyes", "self"),
    ("he's been saying sorry for everything and thanking everyone", "goodbyes", "other"),
    ("doing it friday when hes at work", "plans", "self"),
    ("he said he'd do it when i'm at work", "plans", "other"),
    ("its tonight. i'm sorry", "plans", "self"),
    ("i have the pills and i know when", "means", "self"),
    ("ive been saving my sertraline for weeks", "means", "self"),
    ("sat in the car in the garage with the engine running", "means", "self"),
    ("i keep a blade in my purse now", "means", "self"),
    ("my partner was sitting in the garage with the car running", "means", "other"),
    ("she's been buying paracetamol from different shops", "means", "other"),
    ("i've been thinking a lot about how i'd do it", "suicidal_thoughts", "self"),
    ("i wish i had the guts to end it", "suicidal_thoughts", "self"),
    ("i just want everything to go quiet forever", "wish_not_to_be_here", "self"),
    ("i'm out of hope", "hopelessness", "self"),
    ("you'd be free without me", "burden", "self"),
    ("im scared of what i might do to myself", "self_harm", "self"),
]


@pytest.mark.parametrize("text, group, about", BY_CATEGORY)
def test_each_warning_sign_and_whom_it_is_about(text, group, about):
    matches = find_crisis_language(text)
    assert matches, text
    assert (matches[0].group, matches[0].about) == (group, about)


@pytest.mark.parametrize(
    "text",
    [
        "my uncle died by suicide when i was 12 and today i keep thinking about him",
        "years ago i was suicidal, im glad i got help",
        "i used to self harm as a teenager, it's been 10 years now",
        "the character kills himself at the end, i cried",
        "the article about suicide rates in farmers was heartbreaking",
        "i bought a rope for the tent",
        "i have a plan for the weekend, lets go hiking",
        "i want to end things on a good note with my boss",
        "i can't do this commute anymore, we need to move",
        "took my meds this morning",
        "she's not suicidal, just stressed",
        "i hope grandma doesn't die",
        "ill be gone by morning, taxi to the airport at 5",
        "its all planned, she has no idea!! 🎉",
        "the movers are coming tomorrow at 8, i'll be gone by lunch",
        "sharpened all the knives tonight, they were useless",
        "standing on the platform for 40 mins, trains are a mess",
        "counted my tablets, i've got enough till the refill",
        "mum left letters for each of us before she passed, i read mine today",
        "mondays make me want to disappear",
        "we can talk tonight once the kids are asleep",
        "i'm going to do it when everyone is asleep - wrap the presents i mean",
        "the brunch was so good i could die",
        "radio said theres been a rise in suicides among farmers",
        "some singer died of an overdose in LA, the kids were talking about it",
        "need to cut dads toenails tonight, where are the clippers",
        "signed the goodbye card for Sandra, her retirement do is friday",
        "scars on my arm are pale now, i told her i was very sick once and got help",
        "cut myself on the glass recycling, plaster please",
    ],
)
def test_hard_negatives_are_set_aside(text):
    assert not find_crisis_language(text), find_crisis_language(text)


# Each warning sign told in everyday words rather than its usual ones, by the writer
# ("self") and about someone close ("other"): (sign, text, about).
IN_EVERYDAY_WORDS = [
    ("suicidal_thoughts", "been thinkin about killin myself again", "self"),
    ("suicidal_thoughts", "honestly wondering whether its worth staying alive", "self"),
    ("suicidal_thoughts", "the dog is the only reason im still alive", "self"),
    (
        "suicidal_thoughts",
        "she said if it wasnt for the kids shed have killed herself by now",
        "other",
    ),
    ("wish_not_to_be_here", "i keep praying i dont wake up", "self"),
    ("wish_not_to_be_here", "there's no reason for me to stick around", "self"),
    ("wish_not_to_be_here", "i don't want to do life anymore", "self"),
    ("wish_not_to_be_here", "he asked me whats the point of him even being here", "other"),
    ("wish_not_to_be_here", "my husband says he wants to just disappear", "other"),
    ("hopelessness", "nothing is ever going to change", "self"),
    ("hopelessness", "i cant see myself at 40", "self"),
    ("hopelessness", "i keep trying to picture the future and theres just nothing", "self"),
    ("hopelessness", "i can't find a reason to keep going", "self"),
    ("hopelessness", "my son keeps saying his life is over", "other"),
    ("burden", "nobody would really miss me", "self"),
    ("burden", "without me there would be peace in this house", "self"),
    ("burden", "you would have a lighter life without me", "self"),
    ("burden", "he keeps apologising for existing", "other"),
    ("goodbyes", "this is my last check in", "self"),
    ("goodbyes", "ive written letters for you and the kids", "self"),
    ("goodbyes", "i want you to have my ring", "self"),
    (
        "goodbyes",
        "my best friend texted me thank you for everything and now her phone is off",
        "other",
    ),
    ("means", "looked up how many of my tablets it would take", "self"),
    ("means", "kept all the old prescriptions instead of taking them back", "self"),
    ("means", "i've been counting my tablets. there's enough now", "self"),
    ("means", "got a new pack of blades and hid them", "self"),
    ("means", "found a massive stash of pills in his drawer", "other"),
    ("plans", "i've set a date to end it", "self"),
    ("plans", "picked the spot picked the day", "self"),
    ("plans", "not making it to 25", "self"),
    ("plans", "my wife said she will do it once her mums funeral is over", "other"),
    ("plans", "my gf said 'after my exams its over'", "other"),
    ("self_harm", "cut deeper than usual last night", "self"),
    ("self_harm", "wearing long sleeves in this heat so you dont see", "self"),
    ("self_harm", "relapsed last night. the blade again", "self"),
    ("self_harm", "he punches his own face when hes upset", "other"),
    ("self_harm", "noticed fresh cuts on my boyfriends thighs", "other"),
]


@pytest.mark.parametrize("sign, text, about", IN_EVERYDAY_WORDS)
def test_each_warning_sign_in_everyday_words(sign, text, about):
    reading = read_crisis_language(text)
    chosen = reading.about_self if about == "self" else reading.about_someone_else
    assert sign in {match.group for match in chosen}, (text, reading.matches)


# Hard negatives of each kind that share words with the phrases above.
EVERYDAY_LOOKALIKES = [
    ("idiom", "taking 5 modules this term is academic suicide lol"),
    ("idiom", "i need to sleep forever after that shift lol"),
    ("grief", "since grandad passed nothing feels the same, i miss him"),
    ("medication", "counting my tablets into the dosette for the week"),
    ("recovery", "2 years today since i last self harmed. proud of myself"),
    ("recovery", "500 days without self harm!! thank you for sticking by me"),
    ("fiction", "the villain leaves a goodbye letter and vanishes, huge twist"),
    ("news", "the article about the tallest buildings in dubai was wild"),
    ("denial", "i'm not suicidal, just exhausted"),
    ("worry", "my wife keeps skipping lunch, gonna pack her something"),
    ("travel", "left the passwords and the bank card for you while i'm away"),
    ("moving", "packed the last box, writing a goodbye letter to the old house lol"),
    ("moving", "so i guess this is goodbye to the flat, gonna miss the balcony"),
    ("party", "picked the day for the wedding!"),
    ("sport", "bungee jump off the bridge finally done"),
    ("cooking", "cut deeper into the roast to check it was done"),
    ("commute", "stopped on the bridge for ages, traffic was a nightmare"),
    ("everyday", "i'm a lost cause at maths lol"),
    ("everyday", "last day at work today, saying goodbye to everyone"),
]


@pytest.mark.parametrize("kind, text", EVERYDAY_LOOKALIKES)
def test_everyday_lookalikes_open_nothing(kind, text):
    assert not find_crisis_language(text), (kind, find_crisis_language(text))


def test_one_softening_word_may_stand_inside_a_phrase():
    assert contains_crisis_language("i want to just die")
    assert contains_crisis_language("i want to really die")
    assert not read_phrases("i want to justify it")


def test_a_long_ing_word_also_matches_without_its_g():
    assert contains_crisis_language("been thinkin about killin myself")
    assert contains_crisis_language("i keep thinking about killing myself")


def test_a_quotation_in_single_marks_belongs_to_the_one_who_said_it():
    reading = read_crisis_language("my wife said 'some days i want to kill myself' in the car")
    assert reading.concerns_someone_else and not reading.concerns_self
    assert read_crisis_language("i don't want to kill myself, i want to die").concerns_self


def test_a_cut_on_the_body_is_not_an_accident_with_a_thing():
    assert read_crisis_language("i cut myself on the arm again tonight").concerns_self
    assert not contains_crisis_language("i cut myself on the tin opening the beans")


def test_something_long_past_counts_again_when_it_is_back():
    assert not contains_crisis_language("when i was 16 i wanted to die every day")
    assert contains_crisis_language("when i was 16 i wanted to die every day. lately it's back")


@pytest.mark.parametrize(
    "text",
    [
        "the gp asked if i'd had any thoughts of harming myself and i said no",
        "counsellor asked me whether i wanted to end it all. honestly, no. just tired",
        "filled in the questionnaire about harming myself and scored zero",
        "i said i want to disappear but i meant from the group chat",
        "when i said i cant do this anymore i was joking, the flatpack wardrobe won",
        "nurse asked if i think about killing myself, i said no and i meant it. just anxiety",
        "the intake form asked if i think about ending it. i dont. just stressed about moving",
        "my sister asked if i was thinking of ending it. no! just sold the house, of course im sad",
        "gp asked if id ever want to end my life. said no and meant it. i do want more help tho",
        "said i wanted to disappear but i meant like, to a cabin with no wifi for a week",
    ],
)
def test_a_question_answered_no_or_words_explained_after_are_set_aside(text):
    assert not contains_crisis_language(text), find_crisis_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "the gp asked if i wanted to kill myself and i said yes",
        "the nurse asked if i had thoughts of suicide, i said no but i lied",
        "counsellor asked if i want to die. i said no. i do though",
        "therapist asked if i had a plan to kill myself. i said no. i do have one",
        "they asked if i wanted to kill myself and i said no, which isnt true",
        "the gp asked about thoughts of ending my life. said no. truth is they never stop",
        "the nurse asked whether i self harm, i said no. i couldnt tell her about last night",
        "i said i want to die and i mean it",
        "when i said i cant go on i wasnt joking",
        "the gp asked if i still want to kill myself. i said no but i have a plan",
        "she asked if i want to die. i do.",
        "the gp asked if i want to end my life. i said no and meant it. but i lied",
    ],
)
def test_a_question_answered_yes_or_words_meant_still_count(text):
    assert read_crisis_language(text).concerns_self, text


@pytest.mark.parametrize(
    "text",
    [
        "3 years self harm free today, celebrating with a takeaway",
        "back in year 10 i tried to kill myself. im glad im still here",
        "when i was teenager i cut myself, now i have a good life",
        "the old me wanted to die, i want to hug her",
        "three years clear of self harm today. went fishing to celebrate",
    ],
)
def test_recovery_told_as_past_is_set_aside(text):
    assert not contains_crisis_language(text), find_crisis_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "i remember the winter i wanted to die. that's not me anymore",
        "told the new gp about my old overdose. no drama, just history",
        "a decade since my suicide attempt. pancakes with the people who held on",
        "5 years since i last cut. the scars on my arms are all faded now",
        "I thought about killing myself for most of 2015. Life's been good since.",
        "wrote goodbye letters back when i was really ill. tore one up today, long past",
        "the scars on my arm are pale now. havent cut in 4 years, short sleeves at work",
        "told my new partner about the overdose on our third date. its ancient history",
        "that winter i wanted to die? found my old safety plan. so far from that person now",
        "when i was first diagnosed i didnt want to live. now ive got a reason to get up",
    ],
)
def test_a_hard_time_told_as_past_by_someone_well_now_is_set_aside(text):
    assert not read_phrases(text), read_phrases(text).matches


def test_a_hard_time_told_as_past_counts_when_it_is_back():
    text = "i remember the winter i wanted to die. that's not me anymore, but lately it's back"
    assert read_phrases(text).concerns_self


# The same words about the writer, with everyday words denied right before the everyday
# words ("not for the flight"): the denied words explain nothing.
@pytest.mark.parametrize(
    "explained, denied",
    [
        (
            "set an alarm for 4am for the flight. im going to do it then",
            "set an alarm for 4am. not for the flight. im going to do it then",
        ),
        (
            "i'll be gone by morning, moving day",
            "i'll be gone by morning. im not moving, they just think i am",
        ),
    ],
)
def test_everyday_words_denied_explain_nothing(explained, denied):
    assert not read_phrases(explained), read_phrases(explained).matches
    assert read_phrases(denied).concerns_self, denied


# Signs the phrases find on their own: (sign, text).
READ_BY_THE_PHRASES = [
    ("plans", "cancelled the dentist bc i wont be alive by then"),
    ("plans", "this weekend is when im doing it"),
    ("plans", "nobody at work knows it's my actual goodbye"),
    ("plans", "they dont know it was goodbye but i do"),
    ("plans", "by monday it'll be over"),
    ("plans", "i've decided on tonight"),
    ("plans", "i'm not going to be here in the morning"),
    ("self_harm", "lost my 2 year clean streak from cutting tonight"),
    ("self_harm", "relapsed on the cutting last week"),
    ("self_harm", "skipped my insulin on purpose to punish myself"),
    ("self_harm", "sorry i was quiet. id cut right before and couldnt talk"),
    ("self_harm", "used a blade for the first time since rehab. needed to feel something"),
    ("means", "bought paracetamol from three different shops and have the gabapentin saved"),
]


@pytest.mark.parametrize("sign, text", READ_BY_THE_PHRASES)
def test_the_phrases_read_each_sign(sign, text):
    reading = read_phrases(text)
    assert sign in {match.group for match in reading.about_self}, (text, reading.matches)


def test_a_quoted_first_person_message_belongs_to_the_one_who_said_it():
    (match,) = find_crisis_language('she said "i want to die" and then laughed it off')
    assert match.about == "other"


def test_the_reading_splits_matches_by_whom_they_are_about():
    reading = read_crisis_language("i want to die. and my husband says he wants to kill himself")
    assert reading.concerns_self and reading.concerns_someone_else
    assert [match.text for match in reading.about_self] == ["want to die"]
    assert [match.text for match in reading.about_someone_else] == ["wants to kill himself"]


def test_texts_are_read_up_to_the_limit():
    padding = "a calm day. " * (MAX_TEXT_LENGTH // 12 + 10)
    assert not contains_crisis_language(padding + "i want to die")
    assert contains_crisis_language("i want to die " + padding)


# Possible signs open a page unless everyday words near them explain them:
# (worrying text, the same words explained).
POSSIBLE = [
    ("i'll be gone by morning. love you", "i'll be gone by morning, early flight to rome"),
    ("its all planned.", "its all planned, she has no idea!! 🎉"),
    (
        "this is the last time ull hear from me",
        "this is the last time you'll hear from me till monday, no signal at the cabin",
    ),
    ("im doing it tomorrow", "im doing it tomorrow, the dentist finally"),
    ("i stood on the bridge for an hour", "i stood on the bridge and watched the sunset"),
    ("bought what i need.", "bought what i need for the cake"),
    ("please tell mum i love her", "tell mum i love her when u call her, i'll ring sunday"),
    ("i keep a knife under my pillow", "i keep a knife under my pillow lol, camping is scary"),
]


@pytest.mark.parametrize("worrying, everyday", POSSIBLE)
def test_a_possible_sign_counts_unless_everyday_words_explain_it(worrying, everyday):
    matches = find_crisis_language(worrying)
    assert matches and all(match.possible for match in matches), worrying
    assert not find_crisis_language(everyday), find_crisis_language(everyday)


# Hints count only beside a hint of another kind: (text, words noticed).
HINTS = [
    ("i have the pills and i know when", ["have the pills", "i know when"]),
    ("after the kids are asleep i'm doing it", ["after the kids are asleep", "i'm doing it"]),
    ("thank you for everything. goodbye", ["thank you for everything", "goodbye"]),
    ("the passwords are in the drawer, just in case", ["passwords", "just in case"]),
    ("after the kids are asleep tonight. i've decided", None),
]


@pytest.mark.parametrize("text, words", HINTS)
def test_hints_of_two_kinds_count_together(text, words):
    matches = find_crisis_language(text)
    assert matches and all(match.possible for match in matches), text
    if words is not None:
        assert [match.text for match in matches] == words


@pytest.mark.parametrize(
    "text",
    [
        "tonight",
        "the pills are in the cupboard",
        "see you friday, tomorrow works too",
        "sorry for everything i said, thank you for everything you do",
        "the pills are in the cupboard. " + "we had a calm day. " * 30 + "see you tonight",
        "i'll take the pills tonight with dinner",
        "goodbye to my 20s tomorrow 😭",
        "gave my pills to my partner to hold. thank you",
    ],
)
def test_a_hint_alone_or_explained_counts_for_nothing_in_the_phrases(text):
    assert not read_phrases(text), read_phrases(text).matches


@pytest.mark.parametrize("kind, entry, example", LISTED_HINTS)
def test_every_hint_alone_opens_nothing_and_counts_beside_another_kind(kind, entry, example):
    assert not any(match.phrase == entry for match in find_crisis_language(example)), example
    other = "i've decided." if kind in ("time", "alone") else "tonight."
    assert is_benign(example) or find_crisis_language(f"{example}. {other}"), example


def test_hints_about_someone_else_count_for_the_worried_page():
    reading = read_crisis_language("she said its all sorted, tonight")
    assert reading.concerns_someone_else and not reading.concerns_self


def test_a_clear_sign_wins_over_an_overlapping_possible_one():
    (match,) = find_crisis_language("i thought about jumping off the bridge on my way home")
    assert match.text == "jumping off the bridge" and not match.possible


def test_someone_who_left_the_writer_something_is_whom_it_is_about():
    (match,) = find_crisis_language("she left me a letter that says for after")
    assert match.about == "other"
    (match,) = find_crisis_language("that film made me want to die")
    assert match.about == "self"


def test_a_run_of_one_letter_is_read_in_linear_time():
    import time

    timings = []
    for length in (2_000, 20_000):
        started = time.process_time()
        read_crisis_language("a" * length)
        timings.append(time.process_time() - started)
    assert timings[1] < 1.0
