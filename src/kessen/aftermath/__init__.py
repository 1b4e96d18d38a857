"""The aftermath: a discrete-event simulation (SimPy, in minutes) of the rescue that
follows a battle, from the battle's final state and the scenario's map and people.

>>> from kessen.aftermath import run_aftermath, play_scenario, MINUTES_PER_TURN
>>> MINUTES_PER_TURN
12
"""

from kessen.aftermath.cast import CastMember
from kessen.aftermath.clock import HEAL_HOLDS, MINUTES_PER_TURN, Clock
from kessen.aftermath.events import AFTERMATH_EVENT_TYPES, Fate, event_from_dict, event_to_dict
from kessen.aftermath.run import AFTERMATH_STREAM, Aftermath, play_scenario, run_aftermath

__all__ = [
    "AFTERMATH_EVENT_TYPES",
    "AFTERMATH_STREAM",
    "HEAL_HOLDS",
    "MINUTES_PER_TURN",
    "Aftermath",
    "CastMember",
    "Clock",
    "Fate",
    "event_from_dict",
    "event_to_dict",
    "play_scenario",
    "run_aftermath",
]
