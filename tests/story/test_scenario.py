"""Scenarios as data: the shipped ones load and fit the starter pack; bad ones are named."""

from __future__ import annotations

import pytest

from kessen.errors import ContentError, UnknownNameError
from kessen.scenario import (
    check_against_pack,
    list_scenarios,
    load_scenario,
    load_scenario_file,
    parse_scenario,
    scenario_ids,
)

from .conftest import make_scenario

GOOD = """
[scenario]
title = "A test"
place = "a"
village = "c"
sides = [["naruto"], ["sasuke"]]

[places.a]
name = "A"
[places.b]
name = "B"
[places.c]
name = "C"

[[roads]]
from = "a"
to = "b"
metres = 1000
[[roads]]
from = "b"
to = "c"
metres = 2000
[[roads]]
from = "a"
to = "c"
metres = 5000
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_scenario(text, source="s.toml")
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def test_at_least_three_scenarios_ship_and_all_fit_the_starter_pack(pack) -> None:
    ids = scenario_ids()
    assert "valley-of-the-end" in ids and len(ids) >= 3
    for scenario in list_scenarios():
        check_against_pack(scenario, pack)
        assert scenario.route.length > 0
        assert scenario.route.waypoints[0].place == scenario.place
        assert scenario.route.waypoints[-1].place == scenario.village


def test_the_valley_has_what_the_seed_story_needs() -> None:
    valley = load_scenario("valley-of-the-end")
    assert valley.sides == (("naruto",), ("sasuke",))
    assert "naruto" in valley.stakes
    teacher = next(r for r in valley.rescuers if r.arrives_after is not None)
    assert teacher.id == "kakashi" and teacher.messenger == "pakkun"
    assert any(r.in_village for r in valley.rescuers)


def test_the_route_is_the_shortest_way_over_the_roads() -> None:
    scenario = parse_scenario(GOOD, "s.toml")
    assert [w.place for w in scenario.route.waypoints] == ["a", "b", "c"]
    assert [w.metres for w in scenario.route.waypoints] == [0, 1000, 3000]


def test_an_unknown_scenario_suggests_close_names() -> None:
    with pytest.raises(UnknownNameError, match="valley-of-the-end"):
        load_scenario("valley-of-the-ned")


def test_problems_name_the_field(tmp_path) -> None:
    assert "scenario.sides: missing field" in problems(
        GOOD.replace('sides = [["naruto"], ["sasuke"]]', "")
    )
    assert "scenario.sid: unknown field" in problems(GOOD.replace("place =", "sid = 1\nplace ="))
    assert any(
        p.startswith("scenario.village: unknown place 'd'")
        for p in problems(GOOD.replace('village = "c"', 'village = "d"'))
    )
    assert any(
        p.startswith("roads[0].to: unknown place")
        for p in problems(GOOD.replace('to = "b"', 'to = "x"', 1))
    )
    assert any("no road leads from 'a' to 'c'" in p for p in problems(GOOD.split("[[roads]]")[0]))
    assert any(
        p.startswith("scenario.stakes[0]")
        for p in problems(GOOD.replace("place =", 'stakes = ["gaara"]\nplace ='))
    )
    assert any(
        "on the field twice" in p
        for p in problems(GOOD.replace('[["naruto"], ["sasuke"]]', '[["naruto"], ["naruto"]]'))
    )
    bad = GOOD + '[[rescuers]]\nid = "kakashi"\narrives_after = [9, 3]\n'
    assert any(p.startswith("rescuers[0]") and "low <= high" in p for p in problems(bad))
    neither = GOOD + '[[rescuers]]\nid = "kakashi"\n'
    assert any("arrives_after" in p for p in problems(neither))
    path = tmp_path / "broken.toml"
    path.write_text("[scenario\n", "utf-8")
    with pytest.raises(ContentError, match=r"broken\.toml.*bad TOML"):
        load_scenario_file(path)
    with pytest.raises(ContentError, match="no such file"):
        load_scenario_file(tmp_path / "missing.toml")


def test_names_are_checked_against_the_pack(pack) -> None:
    scenario = parse_scenario(GOOD.replace('["sasuke"]', '["sasgke"]'), "s.toml")
    with pytest.raises(ContentError) as caught:
        check_against_pack(scenario, pack)
    [problem] = caught.value.problems
    assert problem.path == "scenario.sides[1][0]" and "sasuke" in problem.message
    fighting = parse_scenario(GOOD + '[[rescuers]]\nid = "naruto"\narrives_after = [1, 2]\n')
    with pytest.raises(ContentError, match="fights in this scenario"):
        check_against_pack(fighting, pack)


def test_motives_and_memories_add_to_the_fighters_own_or_replace_them() -> None:
    added = make_scenario(fighters='[fighters.hero]\nmotives = ["New."]\nmemories = ["x"]\n')
    assert added.motives("hero", ("Old.",)) == ("New.", "Old.")
    assert added.memories("hero", ("x", "y")) == ("x", "y")
    replaced = make_scenario(fighters='[fighters.hero]\nreplace = true\nmotives = ["New."]\n')
    assert replaced.motives("hero", ("Old.",)) == ("New.",)
    assert replaced.memories("hero", ("y",)) == ()
