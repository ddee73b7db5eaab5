import pytest
from django.urls import reverse

from tending.insights.patterns import (
    MIN_PAIRED_DAYS,
    MODERATE,
    NO_VARIATION,
    STRONG,
    TOO_FEW,
    WEAK,
    find_pattern,
    pearson,
    ranks,
    spearman,
    strength_words,
)
from tests.support.builders import backdate_couple, make_checkin
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


def test_pearson_of_a_perfect_line_is_one():
    assert pearson([1, 2, 3, 4], [2, 4, 6, 8]) == pytest.approx(1.0)
    assert pearson([1, 2, 3, 4], [8, 6, 4, 2]) == pytest.approx(-1.0)


def test_pearson_matches_a_hand_computed_value():
    # x mean 3, y mean 3.2; sum dxdy = 6, sum dx2 = 10, sum dy2 = 4.8
    assert pearson([1, 2, 3, 4, 5], [2, 3, 3, 3, 5]) == pytest.approx(6 / (10 * 4.8) ** 0.5)


def test_pearson_is_none_without_variation_or_pairs():
    assert pearson([3, 3, 3], [1, 2, 3]) is None
    assert pearson([1], [2]) is None


def test_unequal_lengths_are_refused():
    with pytest.raises(ValueError):
        pearson([1, 2], [1])


def test_ties_share_their_average_rank():
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]


def test_spearman_sees_any_rising_relation_as_perfect():
    assert spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25]) == pytest.approx(1.0)


def test_spearman_with_ties_matches_the_reference_value():
    # scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) gives 0.9486832980505138
    assert spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(0.9486832980505138)


@pytest.mark.parametrize(
    ("coefficient", "days", "words"),
    [
        (0.9, MIN_PAIRED_DAYS - 1, TOO_FEW),
        (None, MIN_PAIRED_DAYS, NO_VARIATION),
        (0.29, MIN_PAIRED_DAYS, WEAK),
        (-0.1, 100, WEAK),
        (0.3, MIN_PAIRED_DAYS, MODERATE),
        (-0.49, 40, MODERATE),
        (0.5, MIN_PAIRED_DAYS, STRONG),
        (-0.8, 40, STRONG),
    ],
)
def test_strength_words_follow_the_thresholds(coefficient, days, words):
    assert strength_words(coefficient, days) == words


def test_a_short_history_says_too_few_days():
    pattern = find_pattern(
        key="k", title="t", first="sleep", second="mood", pairs=[(7, 3), (8, 4), (6, 2)]
    )
    assert pattern.strength == TOO_FEW
    assert pattern.sentence.startswith("Too few days to say: 3 days")


def test_a_strong_pattern_is_described_without_causal_words():
    pairs = [(hours, hours - 3) for hours in (5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8, 6, 7)]
    pattern = find_pattern(key="k", title="t", first="your sleep", second="your mood", pairs=pairs)
    assert pattern.strength == STRONG
    assert pattern.paired_days == 14
    assert "tended to be higher too" in pattern.sentence
    assert "not that one caused the other" in pattern.sentence
    for causal in ("because", "causes", "leads to", "makes you"):
        assert causal not in pattern.sentence


def test_an_opposite_pattern_says_lower():
    pairs = [(s, 6 - s) for s in (1, 2, 3, 4, 5) * 3]
    pattern = find_pattern(key="k", title="t", first="stress", second="connection", pairs=pairs)
    assert "tended to be lower" in pattern.sentence


def test_a_weak_pattern_says_it_may_be_chance():
    scattered = [3, 1, 4, 1, 5, 2, 6, 5, 3, 5, 1, 4, 3, 2, 3, 1, 2, 5, 3, 4]
    pairs = list(enumerate(scattered))
    pattern = find_pattern(key="k", title="t", first="a", second="b", pairs=pairs)
    assert pattern.strength == WEAK
    assert "may be chance" in pattern.sentence


def test_the_statistics_sit_behind_details_in_plain_words(alice, bob):
    backdate_couple(alice, days=120)
    for days_ago in range(30):
        make_checkin(alice, days_ago=days_ago, stress=1 + days_ago % 3, connection=1 + days_ago % 5)
    page = client_for(alice).get(reverse("insights:overview")).content.decode()
    patterns = page[page.index('id="patterns-heading"') :]
    assert "Spearman" in patterns
    for item in patterns.split('<li class="pattern">')[1:]:
        if "Spearman" in item:
            assert item.index("<summary>Details</summary>") < item.index("Spearman")
    assert "Pearson's r 0" not in page
