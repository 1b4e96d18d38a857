"""The aftermath on its own: clocks, beasts, messengers, carrying, clones, catching up."""

from __future__ import annotations

import json
import math

import pytest

from kessen.aftermath import (
    MINUTES_PER_TURN,
    Clock,
    event_from_dict,
    event_to_dict,
    run_aftermath,
)
from kessen.errors import KessenError

from .conftest import make_scenario

TEACHER_WITH_DOG = """
[[rescuers]]
id = "teacher"
relation = "her teacher"
arrives_after = [5, 5]
messenger = "dog"
clones = 1
"""
TEACHER_ALONE = """
[[rescuers]]
id = "teacher"
arrives_after = [5, 5]
clones = 0
"""
VILLAGE_TEAM = """
[[rescuers]]
id = "healer"
in_village = true

[[rescuers]]
id = "porter"
in_village = true
"""
FAST_RULES = """
carry_factor = 0.5
triage_minutes = [1, 1]
stabilise_minutes = [2, 2]
hospital_minutes = 2
"""


def types(after) -> list[str]:
    return [e.type for e in after.events]


def of(after, kind: str) -> list:
    return [e for e in after.events if e.type == kind]


def test_a_patient_with_no_beast_far_from_help_dies_when_the_clock_runs_out(
    battle_of, test_pack
) -> None:
    scenario = make_scenario(
        metres=30000, rules="search_after = [300, 300]\n" + FAST_RULES, rescuers=VILLAGE_TEAM
    )
    battle = battle_of(hero=("ok", 150, 0), rival=("critical", 0, 2))
    after = run_aftermath(battle, scenario, test_pack)
    [death] = of(after, "death")
    assert death.unit == "p2.rival"
    assert death.minute == 2 * MINUTES_PER_TURN
    assert after.fates["p2.rival"].fate == "died"
    assert not [e for e in of(after, "stabilised") if e.unit == "p2.rival"]
    # The village's team still comes in the end, for the body.
    assert [e.why for e in of(after, "medics_depart")] == ["search"]


def test_a_beast_keeps_its_host_alive_where_another_would_die(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES)
    plain = run_aftermath(
        battle_of(hero=("ok", 150, 0), rival=("critical", 0, 1)), scenario, test_pack
    )
    held = run_aftermath(
        battle_of(hero=("critical", 0, 1), rival=("ok", 150, 0)), scenario, test_pack
    )
    assert plain.fates["p2.rival"].fate == "died"
    assert held.fates["p1.hero"].fate == "survived"
    [sustains] = of(held, "beast_sustains")
    assert (sustains.unit, sustains.beast, sustains.effect) == ("p1.hero", "Tanuki", "reverses")
    # Saved after the clock alone would have run out: the beast made the difference.
    [saved] = of(held, "stabilised")
    assert saved.minute > 1 * MINUTES_PER_TURN


def test_a_beast_whose_pool_is_dry_does_nothing(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES)
    battle = battle_of(hero=("critical", 0, 1), rival=("ok", 150, 0))
    battle.units[0].beast_pool = 0
    after = run_aftermath(battle, scenario, test_pack)
    assert "beast_sustains" not in types(after)
    assert after.fates["p1.hero"].fate == "died"


def test_the_messenger_running_ahead_saves_a_life(battle_of, test_pack) -> None:
    turns = min(5, math.ceil(40 / MINUTES_PER_TURN))  # at least 40 minutes to live
    battle = battle_of(hero=("ok", 150, 0), rival=("critical", 0, turns))
    with_dog = run_aftermath(
        battle, make_scenario(rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES), test_pack
    )
    alone = run_aftermath(
        battle, make_scenario(rescuers=TEACHER_ALONE + VILLAGE_TEAM, rules=FAST_RULES), test_pack
    )
    assert with_dog.fates["p2.rival"].fate == "survived"
    assert alone.fates["p2.rival"].fate == "died"
    order = types(with_dog)
    assert order.index("messenger_sent") < order.index("messenger_arrives")
    assert order.index("messenger_arrives") < order.index("medics_depart") < order.index("meet")
    [saved] = of(with_dog, "stabilised")
    assert saved.by == "healer"
    assert "messenger_sent" not in types(alone)


def test_carrying_slows_the_carrier_by_the_declared_factor(battle_of, test_pack) -> None:
    for factor in (0.5, 0.8):
        scenario = make_scenario(
            rescuers=TEACHER_ALONE, rules=f"carry_factor = {factor}\ntriage_minutes = [1, 1]\n"
        )
        after = run_aftermath(
            battle_of(hero=("ok", 150, 0), rival=("dead", 0, 0)), scenario, test_pack
        )
        [carry] = of(after, "carry_start")
        assert carry.carrier == "teacher"
        assert carry.unladen == 350
        assert carry.speed == pytest.approx(350 * factor)
        [home] = [e for e in of(after, "arrive_village") if e.unit == "teacher"]
        assert home.carrying == "p2.rival"
        assert home.minute == pytest.approx(carry.minute + 12000 / (350 * factor), abs=0.1)


def test_a_shadow_clone_carries_the_second_body(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES)
    after = run_aftermath(
        battle_of(hero=("critical", 0, 3), rival=("dead", 0, 0)), scenario, test_pack
    )
    [clone] = of(after, "clone_made")
    assert (clone.unit, clone.clone) == ("teacher", "teacher-clone")
    first, second = of(after, "carry_start")[:2]
    # The living (and most urgent) go with the teacher; the dead with the clone, slower.
    assert (first.carrier, first.patient) == ("teacher", "p1.hero")
    assert (second.carrier, second.patient) == ("teacher-clone", "p2.rival")
    assert second.unladen == pytest.approx(350 * scenario.rules.clone_pace)
    assert second.speed < first.speed
    # The dead are carried, never stabilised.
    assert all(e.unit != "p2.rival" for e in of(after, "stabilised"))


def test_a_standing_victor_carries_and_the_teacher_catches_up(battle_of, test_pack) -> None:
    carry = '[fighters.hero]\nafter_victory = "carry"\n'
    scenario = make_scenario(
        rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES, fighters=carry
    )
    after = run_aftermath(
        battle_of(hero=("ok", 180, 0), rival=("critical", 0, 5)), scenario, test_pack
    )
    carries = of(after, "carry_start")
    assert (carries[0].minute, carries[0].carrier) == (0.0, "p1.hero")
    [caught] = of(after, "catch_up")
    assert (caught.unit, caught.carrier) == ("teacher", "p1.hero")
    assert caught.metres > 0
    assert carries[1].took_from == "p1.hero" and carries[1].carrier == "teacher"


def test_a_victor_who_leaves_is_gone(battle_of, test_pack) -> None:
    leave = '[fighters.rival]\nafter_victory = "leave"\nleaves_for = "the hills"\n'
    scenario = make_scenario(
        rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES, fighters=leave
    )
    after = run_aftermath(
        battle_of(hero=("critical", 0, 2), rival=("ok", 120, 0)), scenario, test_pack
    )
    [gone] = of(after, "departs")
    assert (gone.unit, gone.toward) == ("p2.rival", "the hills")
    assert after.fates["p2.rival"].fate == "departed"


def test_medics_at_the_field_treat_before_anyone_lifts_the_dying(battle_of, test_pack) -> None:
    rescuers = """
[[rescuers]]
id = "porter"
arrives_after = [0, 0]

[[rescuers]]
id = "healer"
count = 2
arrives_after = [3, 3]
"""
    scenario = make_scenario(metres=2000, rescuers=rescuers, rules=FAST_RULES)
    after = run_aftermath(
        battle_of(hero=("ok", 150, 0), rival=("critical", 0, 2)), scenario, test_pack
    )
    [saved] = of(after, "stabilised")
    assert saved.by.startswith("healer-") and saved.place == "field"
    [carry] = of(after, "carry_start")
    assert carry.minute >= saved.minute


def test_the_aftermath_is_deterministic_and_leaves_the_battle_alone(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers=TEACHER_WITH_DOG.replace("[5, 5]", "[1, 30]") + VILLAGE_TEAM)
    battle = battle_of(hero=("critical", 0, 3), rival=("critical", 0, 4))
    before = (battle.rng.state, list(battle.events))
    first = run_aftermath(battle, scenario, test_pack)
    assert run_aftermath(battle, scenario, test_pack).events == first.events
    assert (battle.rng.state, list(battle.events)) == before
    arrivals = {
        of(
            run_aftermath(
                battle_of(seed, hero=("critical", 0, 3), rival=("critical", 0, 4)),
                scenario,
                test_pack,
            ),
            "rescuer_arrives",
        )[0].minute
        for seed in range(8)
    }
    assert len(arrivals) > 1  # the arrival is drawn, from a stream the seed decides


def test_events_are_json_and_round_trip(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers=TEACHER_WITH_DOG + VILLAGE_TEAM, rules=FAST_RULES)
    after = run_aftermath(
        battle_of(hero=("critical", 0, 3), rival=("dead", 0, 0)), scenario, test_pack
    )
    for e in after.events:
        data = json.loads(json.dumps(event_to_dict(e)))
        assert data["phase"] == "aftermath"
        assert event_from_dict(data) == e
    assert after.events[-1].type == "aftermath_end"


def test_an_unfinished_battle_has_no_aftermath(battle_of, test_pack) -> None:
    battle = battle_of(hero=("ok", 150, 0), rival=("ok", 150, 0))
    battle.end_reason = None
    with pytest.raises(KessenError, match="still going"):
        run_aftermath(battle, make_scenario(), test_pack)


@pytest.mark.parametrize(("heal", "effect"), [(12, "reverses"), (6, "holds"), (3, "slows")])
def test_the_clock_is_reversed_held_or_slowed_by_the_beast(heal: int, effect: str) -> None:
    clock = Clock.for_patient(life=20.0, since=0.0, heal=heal, per_turn=50, pool=100_000)
    later = clock.life_at(30.0)
    assert {"reverses": later > 20.0, "holds": later == 20.0, "slows": 0 < later < 20.0}[effect]
    plain = Clock(20.0, 0.0)
    assert plain.death_time() == 20.0 and plain.life_at(25.0) == 0.0
