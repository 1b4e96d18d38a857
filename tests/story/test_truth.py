"""Every story is held to its own events: the fates it tells are the fates simulated, no
line contradicts a fate, nobody acts after dying, no technique is named that was not used.

For every scenario, 200 seeds; the checks are small per story, so this runs in seconds.
"""

from __future__ import annotations

import re

import pytest

from kessen.aftermath import play_scenario, run_aftermath
from kessen.narration import compose_story
from kessen.narration.story import Line
from kessen.scenario import load_scenario

SCENARIOS = ("valley-of-the-end", "chunin-exam-finals", "gaara-vs-lee")
SEEDS = range(200)

#: Beats that say of ``about[i]`` that they end up dead (i, beat).
SAYS_DEAD = {
    "fate_died_battle": 0,
    "fate_died_after": 0,
    "death_blow": 0,
    "death_clock": 0,
    "death_carried": 0,
    "death_alone": 0,
    "death_watched": 0,
    "death_in_care": 0,
    "death_beside": 0,
    "triage_dead": 1,
    "vigil_dead": 1,
    "carry_dead": 1,
    "arrive_dead": 1,
    "meet_dead": 1,
    "victor_carries_dead": 1,
    "take_over_dead": 1,
    "handover_dead": 1,
    "last_words": 0,
}
#: Beats that say of ``about[i]`` that they live.
SAYS_LIVES = {
    "fate_survived_stood": 0,
    "fate_survived_saved": 0,
    "stabilised_medic": 1,
    "stabilised_hospital": 0,
    "stabilised_beast": 0,
    "arrive_living": 1,
    "passes_out": 0,
    "walks_in": 0,
    "checks_standing": 1,
}
#: Beats that say of ``about[0]`` that they left.
SAYS_LEFT = ("departs", "departs_plain", "fate_departed", "victor_leaves_fallen")
#: What a teacher's walk home says of the fates of all of them.
TEACHER = {
    "teacher_returns": lambda died, left: not died and not left,
    "teacher_returns_grief": lambda died, left: bool(died),
    "teacher_returns_departed": lambda died, left: bool(left) and not died,
    "teacher_returns_worry": lambda died, left: not died and not left,
    "teacher_returns_worry_two": lambda died, left: not died and not left,
    "closing_none_died": lambda died, left: not died,
    "closing_some_died": lambda died, left: bool(died),
    "closing_all_died": lambda died, left: bool(died),
}
#: Beats a dead fighter may still be the first subject of: being told dead, or carried.
AFTER_DEATH = frozenset(SAYS_DEAD) | {"closing_some_died", "closing_all_died"}


def _base(beat: str) -> str:
    """``closing_none_died_exam`` -> ``closing_none_died``: a tone's variant says the same."""
    for suffix in ("_exam", "_crowd"):
        if beat.endswith(suffix):
            return beat[: -len(suffix)]
    return beat


def check_truth(battle, after, story) -> None:
    """Raise AssertionError at the first line that does not hold to the events."""
    fates = {uid: f.fate for uid, f in after.fates.items()}
    died = {uid for uid, fate in fates.items() if fate == "died"}
    left = {uid for uid, fate in fates.items() if fate == "departed"}
    told = story.fates()
    assert told == fates, (told, fates)
    dead_from: dict[str, int] = {}
    lines = list(story.lines())
    for i, line in enumerate(lines):
        beat = _base(line.beat)
        if beat in SAYS_DEAD and len(line.about) > SAYS_DEAD[beat]:
            who = line.about[SAYS_DEAD[beat]]
            assert who in died, (line, fates)
            if beat.startswith("death_") or beat == "triage_dead":
                dead_from.setdefault(who, i)
        if beat in SAYS_LIVES and len(line.about) > SAYS_LIVES[beat]:
            who = line.about[SAYS_LIVES[beat]]
            assert fates.get(who, "survived") != "died", (line, fates)
        if beat in SAYS_LEFT:
            assert line.about[0] in left, (line, fates)
        if beat in TEACHER:
            assert TEACHER[beat](died, left), (line, fates)
        everyone = set(line.about) >= set(fates)  # a line about all of them, not a deed
        subject = line.about[0] if line.about and not everyone else None
        if subject in dead_from and i > dead_from[subject]:
            assert beat in AFTER_DEATH, f"{subject} acts after dying: {line}"
    fight = [s for s in story.sections if s.kind == "battle"]
    _only_used_techniques(battle, " ".join(x.text for s in fight for p in s.paragraphs for x in p))


def _only_used_techniques(battle, text: str) -> None:
    used = {e.technique for e in battle.events if e.type == "choice"}
    for unit in battle.units:
        if unit.role != "fighter":
            continue
        for tech in unit.spec.techniques:
            if tech.id not in used and len(tech.name) > 4:
                assert not re.search(rf"\b{re.escape(tech.name)}\b", text), (
                    f"{tech.name} told but never used"
                )


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_story_holds_to_its_events(pack, name) -> None:
    scenario = load_scenario(name)
    for seed in SEEDS:
        battle = play_scenario(scenario, pack, seed)
        after = run_aftermath(battle, scenario, pack)
        check_truth(battle, after, compose_story(battle, pack, scenario=scenario, aftermath=after))


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("players", [("random", "heuristic"), ("heuristic", "random")])
def test_stories_of_odd_battles_hold_too(pack, name, players) -> None:
    """Random players make battles no heuristic would (deaths at an exam, unused clones)."""
    scenario = load_scenario(name)
    for seed in range(60):
        battle = play_scenario(scenario, pack, seed, players)
        after = run_aftermath(battle, scenario, pack)
        check_truth(battle, after, compose_story(battle, pack, scenario=scenario, aftermath=after))


@pytest.mark.parametrize(
    "broken",
    [
        "a fate told wrong",
        "a rescue of the dead",
        "a teacher at ease after a death",
        "the dead acting",
        "an unused technique",
    ],
)
def test_the_truth_check_catches_a_broken_story(pack, broken) -> None:
    """The checker is not a test helper nobody tested: each kind of lie is caught."""
    scenario = load_scenario("valley-of-the-end")
    for seed in range(60):
        battle = play_scenario(scenario, pack, seed)
        after = run_aftermath(battle, scenario, pack)
        dead = [uid for uid, f in after.fates.items() if f.fate == "died"]
        if dead and any(e.type == "death" for e in after.events):
            break
    else:
        pytest.skip("no death after the fight in 60 seeds")
    story = compose_story(battle, pack, scenario=scenario, aftermath=after)
    check_truth(battle, after, story)  # as told, it holds
    last = story.sections[-1].paragraphs[-1]
    victim = dead[0]
    if broken == "a fate told wrong":
        for section in story.sections:
            for paragraph in section.paragraphs:
                for i, line in enumerate(paragraph):
                    if line.beat.startswith("fate_") and line.about[0] == victim:
                        paragraph[i] = Line(line.text, "fate_survived_saved", (victim,), "survived")
    elif broken == "a rescue of the dead":
        last.append(Line("Saved!", "stabilised_medic", ("medic", victim)))
    elif broken == "a teacher at ease after a death":
        last.append(Line("Nothing to fear.", "teacher_returns", ("kakashi",)))
    elif broken == "the dead acting":
        last.append(Line("He ran.", "carry_living", (victim,)))
    else:
        unused = next(
            t.name
            for u in battle.units
            if u.role == "fighter"
            for t in u.spec.techniques
            if t.id not in {e.technique for e in battle.events if e.type == "choice"}
            and len(t.name) > 4
        )
        [fight] = [s for s in story.sections if s.kind == "battle"]
        fight.paragraphs[-1].append(Line(f"{unused}!", "hit", ()))
    with pytest.raises(AssertionError):
        check_truth(battle, after, story)
