"""The starter pack's strengths are true to the end of the first series.

Statistical tests over seeded heuristic-vs-heuristic duels (sides swapped every other
battle).  The seeds are fixed, so the results are reproducible; the bounds keep a wide
margin around the measured figures (docs/content.md, "The strength scale") so that small
retuning passes, while an upside-down world (a genin beating Itachi, Naruto crushing
Sasuke) fails.
"""

from __future__ import annotations

import pytest

GENIN = ("naruto", "sasuke", "gaara", "neji", "lee", "shikamaru", "chouji", "kiba")
BATTLES = 200


@pytest.mark.parametrize("elite", ["kakashi", "itachi"])
@pytest.mark.parametrize("genin", [*GENIN, "haku"])
def test_the_elite_jonin_beat_every_genin_clearly(duels, elite: str, genin: str) -> None:
    record = duels(elite, genin, BATTLES)
    assert record.rate_a >= 0.80, record


def test_itachi_stands_slightly_above_kakashi(duels) -> None:
    record = duels("itachi", "kakashi", BATTLES)
    decided = record.wins_a + record.wins_b
    assert decided >= 0.9 * record.battles, record
    assert 0.45 <= record.wins_a / decided <= 0.85, record


def test_naruto_and_sasuke_are_true_rivals(duels) -> None:
    record = duels("naruto", "sasuke", BATTLES)
    assert 0.28 <= record.rate_a <= 0.62, record
    assert 0.28 <= record.rate_b <= 0.62, record


def test_between_the_rivals_mutual_strikes_and_the_beast_matter(duels) -> None:
    record = duels("naruto", "sasuke", BATTLES)
    assert record.seen.get("mutual_strike", 0) >= 0.25 * record.battles, record
    assert record.seen.get("beast_intervention", 0) >= 0.15 * record.battles, record
    assert record.draws >= 0.03 * record.battles, record  # "Neither had much time to live"


@pytest.mark.parametrize("other", ["neji", "lee", "shikamaru", "chouji", "kiba"])
def test_gaara_is_strong_among_the_genin(duels, other: str) -> None:
    assert duels("gaara", other, BATTLES).rate_a >= 0.60


@pytest.mark.parametrize("jonin", ["zabuza", "anbu_captain"])
@pytest.mark.parametrize("genin", ["shikamaru", "chouji", "kiba"])
def test_jonin_level_fighters_beat_the_weaker_genin(duels, jonin: str, genin: str) -> None:
    assert duels(jonin, genin, BATTLES).rate_a >= 0.70


@pytest.mark.parametrize("genin", ["naruto", "sasuke", "gaara"])
def test_the_medic_is_no_match_for_the_strongest_genin(duels, genin: str) -> None:
    assert duels(genin, "medic", BATTLES).rate_a >= 0.85


GENIN_PAIRS = [
    ("naruto", "sasuke"),
    ("gaara", "lee"),
    ("neji", "lee"),
    ("kiba", "chouji"),
    ("naruto", "neji"),
]


@pytest.mark.parametrize(("a", "b"), GENIN_PAIRS)
def test_genin_duels_last_a_few_turns(duels, a: str, b: str) -> None:
    assert 4 <= duels(a, b, BATTLES).mean_turns <= 10
