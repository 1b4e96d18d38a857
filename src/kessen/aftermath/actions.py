"""What anyone can do in the rescue: carry, hand over, stabilise, die, run home.

Each function changes the :class:`~kessen.aftermath.world.World` and logs the event; the
functions ending in ``_process`` are SimPy processes (generators).
"""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import Any

from kessen.aftermath import events as ev
from kessen.aftermath.world import EPSILON, Patient, Runner, World

__all__ = [
    "beast_process",
    "dying_process",
    "ensure_trip",
    "release",
    "stabilise",
    "start_carry",
    "treat_process",
]

Process = Generator[Any, Any, None]


def start_carry(world: World, runner: Runner, patient: Patient, took_from: str | None) -> None:
    """``runner`` takes up ``patient`` and heads for the village."""
    runner.load = patient
    patient.carrier = runner
    patient.claimed = True
    world.emit(
        ev.CarryStart,
        runner.uid,
        patient.uid,
        round(runner.laden_speed(), 1),
        round(runner.unladen, 1),
        took_from,
        *world.spot(runner.position()),
    )
    runner.head_home()
    ensure_trip(world, runner)


def release(world: World, runner: Runner) -> Patient | None:
    """``runner`` puts down its load where it stands; returns the load."""
    patient = runner.load
    if patient is not None:
        patient.pos = runner.position()
        patient.carrier = None
        runner.load = None
        world.touch()
    return patient


def stabilise(world: World, patient: Patient, by: str) -> bool:
    """Stabilise a critical patient now; false if they are no longer critical."""
    if patient.status != "critical":
        return False
    patient.status = "stable"
    patient.saved.succeed()
    world.emit(ev.Stabilised, patient.uid, by, *world.spot(patient.position()))
    world.touch()
    return True


def treat_process(world: World, medic: str, patient: Patient) -> Process:
    """A medic works on a patient for a drawn number of minutes, then stabilises them."""
    yield world.env.timeout(world.draw(world.rules.stabilise_minutes))
    stabilise(world, patient, medic)


def dying_process(world: World, patient: Patient) -> Process:
    """The survival clock: death when it runs out, unless the patient is saved first."""
    clock = patient.clock
    if clock is None:
        return
    end = clock.death_time()
    if math.isinf(end):
        yield patient.saved
        return
    yield world.env.any_of([world.env.timeout(max(0.0, end - world.now)), patient.saved])
    if patient.status == "critical":
        patient.status = "dead"
        carrier = patient.carrier.uid if patient.carrier is not None else None
        world.emit(ev.Death, patient.uid, carrier, *world.spot(patient.position()))
        world.touch()


def beast_process(world: World, patient: Patient, beast: str, mend_at: float | None) -> Process:
    """A beast that winds the clock back mends its host by itself at minute ``mend_at``
    (if its pool lasts that long); any beast whose pool runs dry first says so."""
    clock = patient.clock
    if clock is None or not clock.beast_active:
        return
    env = world.env
    if mend_at is not None and mend_at < clock.beast_until:
        yield env.any_of([env.timeout(mend_at - world.now), patient.saved])
        stabilise(world, patient, beast)
        return
    if math.isinf(clock.beast_until):
        return
    yield env.any_of([env.timeout(clock.beast_until - world.now), patient.saved])
    if patient.status == "critical":
        world.emit(ev.BeastSpent, patient.uid, beast)


def ensure_trip(world: World, runner: Runner) -> None:
    """Make sure a process walks ``runner`` to the village whenever it is moving there."""
    if runner.trip is None or not runner.trip.is_alive:
        runner.trip = world.env.process(_trip_process(world, runner))


def _trip_process(world: World, runner: Runner) -> Process:
    while True:
        pos, velocity = runner.position(), runner.velocity
        if pos >= world.length - EPSILON:
            _arrive(world, runner)
            return
        if runner.home or (runner.clone and runner.load is None):
            return
        if velocity <= 0:
            yield world.changed
            continue
        yield world.env.any_of([world.env.timeout((world.length - pos) / velocity), world.changed])


def _arrive(world: World, runner: Runner) -> None:
    runner.pos0, runner.t0, runner.velocity = world.length, world.now, 0.0
    runner.home = True
    patient = runner.load
    village = world.route.waypoints[-1].place
    world.emit(ev.ArriveVillage, runner.uid, patient.uid if patient else None, village)
    if patient is not None:
        release(world, runner)
        if patient.status == "critical":
            world.env.process(_hospital_process(world, patient))
        if any(not p.home and not p.met for p in world.patients.values()):
            world.dispatch("arrival")
    world.touch()


def _hospital_process(world: World, patient: Patient) -> Process:
    yield world.env.timeout(world.rules.hospital_minutes)
    stabilise(world, patient, "hospital")
