"""Scenarios: who fights where, who is in reach afterwards, and what each fighter carries in
mind.  Data only (TOML), validated like packs.

>>> s = load_scenario("valley-of-the-end")
>>> s.sides
(('naruto',), ('sasuke',))
"""

from kessen.scenario.loader import (
    check_against_pack,
    list_scenarios,
    load_scenario,
    load_scenario_file,
    parse_scenario,
    scenario_ids,
)
from kessen.scenario.model import (
    AftermathRules,
    FighterNotes,
    Place,
    Rescuer,
    Route,
    Scenario,
    Spot,
    Tone,
    Waypoint,
)

__all__ = [
    "AftermathRules",
    "FighterNotes",
    "Place",
    "Rescuer",
    "Route",
    "Scenario",
    "Spot",
    "Tone",
    "Waypoint",
    "check_against_pack",
    "list_scenarios",
    "load_scenario",
    "load_scenario_file",
    "parse_scenario",
    "scenario_ids",
]
