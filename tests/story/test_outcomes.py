"""Over 200 seeds of the Valley of the End: more than one ending, and each story's ending
is the one in its events."""

from __future__ import annotations

from kessen.aftermath import play_scenario, run_aftermath
from kessen.narration import compose_story
from kessen.scenario import load_scenario

SEEDS = range(200)


def fates_from_events(battle, after) -> dict[str, str]:
    """Each fighter's fate read straight off the events of both phases."""
    events = [*battle.events, *after.events]
    fates = {}
    for unit in battle.units:
        if unit.role != "fighter":
            continue
        mine = [e for e in events if getattr(e, "unit", None) == unit.uid]
        if any(e.type == "death" for e in mine):
            fates[unit.uid] = "died"
        elif any(e.type == "departs" for e in mine):
            fates[unit.uid] = "departed"
        elif unit.status == "critical" and not any(e.type == "stabilised" for e in mine):
            fates[unit.uid] = "critical"
        else:
            fates[unit.uid] = "survived"
    return fates


def test_two_hundred_valleys_end_more_than_one_way_and_each_story_says_how(pack) -> None:
    scenario = load_scenario("valley-of-the-end")
    endings = set()
    for seed in SEEDS:
        battle = play_scenario(scenario, pack, seed)
        after = run_aftermath(battle, scenario, pack)
        story = compose_story(battle, pack, scenario=scenario, aftermath=after)
        expected = fates_from_events(battle, after)
        assert story.fates() == expected, seed
        for line in story.lines():
            if line.beat.startswith("fate_"):
                name = battle.unit(line.about[0]).spec.name.split()[0]
                assert name in line.text, (seed, line)
        endings.add(tuple(sorted(expected.items())))
    assert len(endings) > 1, endings
