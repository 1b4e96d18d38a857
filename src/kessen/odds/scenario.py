"""The fight of a scenario as a matchup: its two sides, who has everything at stake, and
its turn limit.  Only the fight: odds do not run the aftermath.

>>> m = scenario_matchup("valley-of-the-end", PackSource())
>>> m.sides
('naruto', 'sasuke')
>>> is_scenario("valley-of-the-end"), is_scenario("naruto")
(True, False)
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kessen.errors import KessenError
from kessen.odds.match import PackSource

__all__ = ["ScenarioMatchup", "is_scenario", "scenario_matchup"]


class ScenarioMatchup(NamedTuple):
    sides: tuple[str, str]
    stakes: tuple[str, ...]
    turn_limit: int | None


def is_scenario(name: str) -> bool:
    """Whether ``name`` is a shipped scenario's id or a scenario file (``.toml``)."""
    if name.endswith(".toml"):
        return True
    try:
        from kessen.scenario import scenario_ids
    except ModuleNotFoundError:
        return False
    return name in scenario_ids()


def scenario_matchup(name: str, pack: PackSource) -> ScenarioMatchup:
    """The matchup of the scenario called ``name`` (a shipped id, or a TOML file's path)."""
    try:
        from kessen.scenario import check_against_pack, load_scenario, load_scenario_file
    except ModuleNotFoundError as exc:  # scenarios are their own part; odds work without them
        if not (exc.name or "").startswith("kessen.scenario"):
            raise
        raise KessenError("--scenario needs kessen.scenario, which is not installed") from None
    looks_like_file = name.endswith(".toml") or Path(name).is_file()
    scenario = load_scenario_file(name) if looks_like_file else load_scenario(name)
    check_against_pack(scenario, pack.load())
    first, second = ("+".join(side) for side in scenario.sides)
    return ScenarioMatchup((first, second), tuple(scenario.stakes), scenario.turn_limit)
