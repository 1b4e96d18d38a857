"""The state of a rescue: who is on the road where, who is dying, and the event log.

Everyone moves along one route, from the battle's place (0 m) to the village
(``route.length``).  A :class:`Runner` moves at a constant velocity between changes, so its
position is a line in time and meetings can be solved exactly instead of stepped.  Every
change of motion or of a patient's state triggers :attr:`World.changed`, so that a process
waiting for a meeting wakes up and solves again.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import simpy

from kessen.aftermath.clock import Clock
from kessen.engine import RandomStream, Unit
from kessen.scenario import AftermathRules, Route

__all__ = ["EPSILON", "Patient", "Runner", "World", "meet_delay"]

#: Metres within which two runners have met: a millimetre, for floating point, not a rule.
EPSILON = 1e-3


class World:
    """The simulation's shared state: environment, random stream, route, log."""

    def __init__(self, rng: RandomStream, route: Route, rules: AftermathRules) -> None:
        self.env = simpy.Environment()
        self.rng = rng
        self.route = route
        self.rules = rules
        self.length = float(route.length)
        self.events: list[Any] = []
        self.patients: dict[str, Patient] = {}
        self.runners: dict[str, Runner] = {}
        self.stayers: list[Runner] = []
        self.fighters: set[str] = set()
        #: Field teams of medics still on their way: an event each, fired on arrival.
        self.medics_coming: list[Any] = []
        self.changed = self.env.event()
        self.alerted = False
        self.dispatch: Callable[[str], None] = lambda why: None

    @property
    def now(self) -> float:
        return self.env.now

    def emit(self, cls: type, *fields: Any) -> None:
        """Log an event at the current minute (to a tenth)."""
        self.events.append(cls(round(float(self.now), 1), *fields))

    def touch(self) -> None:
        """Something moved or changed: wake every process waiting on :attr:`changed`."""
        old, self.changed = self.changed, self.env.event()
        old.succeed()

    def draw(self, span: tuple[int, int]) -> float:
        """Minutes drawn evenly from ``[low, high]``, to a tenth."""
        return self.rng.between(span[0] * 10, span[1] * 10) / 10

    def spot(self, metres: float) -> tuple[str, int]:
        """The id of the place nearest ``metres`` along the route, and the metres."""
        return self.route.where(metres).place, round(metres)

    def fallen_at_field(self) -> list[Patient]:
        """Fallen fighters lying at the battle's place that no one has taken charge of."""
        return [p for p in self.by_urgency() if p.at_field and not p.claimed]

    def by_urgency(self) -> list[Patient]:
        """Patients, the most urgent first: dying (least time left first), stable, dead."""
        now = self.now

        def key(p: Patient) -> tuple[int, float, str]:
            if p.status == "critical":
                return (0, p.clock.death_time() - now if p.clock else math.inf, p.uid)
            return (1 if p.status == "stable" else 2, 0.0, p.uid)

        return sorted(self.patients.values(), key=key)


class Runner:
    """Someone on the road.  ``unladen`` is their speed in metres a minute without a load."""

    def __init__(self, world: World, uid: str, unladen: float, pos: float = 0.0) -> None:
        self.world = world
        self.uid = uid
        self.unladen = unladen
        self.pos0 = pos
        self.t0 = world.now
        self.velocity = 0.0
        self.load: Patient | None = None
        self.home = False
        self.clone = False
        self.trip: Any = None
        world.runners[uid] = self

    def position(self, t: float | None = None) -> float:
        t = self.world.now if t is None else t
        return min(self.world.length, max(0.0, self.pos0 + self.velocity * (t - self.t0)))

    def laden_speed(self) -> float:
        return self.unladen * self.world.rules.carry_factor

    def go(self, velocity: float) -> None:
        """Move at ``velocity`` from now on (positive: toward the village)."""
        self.pos0 = self.position()
        self.t0 = self.world.now
        self.velocity = velocity
        self.world.touch()

    def head_home(self) -> None:
        self.go(self.laden_speed() if self.load is not None else self.unladen)

    def __repr__(self) -> str:
        return f"<Runner {self.uid} at {self.position():.0f} m, {self.velocity:.0f} m/min>"


class Patient:
    """A fighter who fell: critical (on a clock), stable, or dead."""

    def __init__(self, world: World, unit: Unit, clock: Clock | None) -> None:
        self.world = world
        self.unit = unit
        self.uid = unit.uid
        self.status = unit.status
        self.clock = clock
        self.carrier: Runner | None = None
        self.pos = 0.0
        self.claimed = False
        self.met = False
        self.saved = world.env.event()
        #: Set while a medic works on the patient: no one carries them off meanwhile.
        self.care: Any = None
        world.patients[self.uid] = self

    @property
    def alive(self) -> bool:
        return self.status != "dead"

    @property
    def at_field(self) -> bool:
        return self.carrier is None and self.pos <= EPSILON

    @property
    def home(self) -> bool:
        return self.carrier is None and self.pos >= self.world.length - EPSILON

    def position(self) -> float:
        return self.carrier.position() if self.carrier is not None else self.pos

    def minutes_left(self) -> float | None:
        if self.status != "critical" or self.clock is None:
            return None
        return round(self.clock.life_at(self.world.now), 1)

    def beast_at_work(self) -> bool:
        clock = self.clock
        return bool(
            self.status == "critical"
            and clock
            and clock.beast_active
            and clock.beast_until > self.world.now
        )

    def __repr__(self) -> str:
        return f"<Patient {self.uid} {self.status} at {self.position():.0f} m>"


def meet_delay(a: float, va: float, b: float, vb: float) -> float | None:
    """Minutes until two runners at ``a`` and ``b`` with velocities ``va``, ``vb`` meet.

    >>> meet_delay(0.0, 100.0, 1000.0, -150.0)
    4.0
    >>> meet_delay(0.0, 100.0, 1000.0, 100.0) is None
    True
    >>> meet_delay(500.0, 0.0, 500.0, 10.0)
    0.0
    """
    gap = b - a
    if abs(gap) <= EPSILON:
        return 0.0
    closing = va - vb if gap > 0 else vb - va
    if closing <= 0:
        return None
    return abs(gap) / closing
