"""The village's side of the rescue: the messenger's run, the team sent out, the hospital.

The village's team (every rescuer ``in_village``) sets out when a messenger arrives, when
no word has come for ``search_after`` minutes, or when a carrier walks in with others still
out there.  It moves at the pace of its slowest member and meets the carriers on the road
nearest the village first.  At each meeting a medic stays to stabilise the dying, and a
member who can carry takes the load the rest of the way; the rest go on.
"""

from __future__ import annotations

from kessen.aftermath import events as ev
from kessen.aftermath.actions import Process, ensure_trip, release, stabilise, start_carry
from kessen.aftermath.cast import RescueTeam
from kessen.aftermath.field import release_stayers
from kessen.aftermath.world import EPSILON, Patient, Runner, World, meet_delay

__all__ = ["RELIEVED_PACE", "Village"]

#: A carrier relieved of the load walks the rest of the way at this fraction of their
#: speed: the run is over, and the body knows it ("Kakashi slowly walked back").
RELIEVED_PACE = 0.5


class Village:
    """The village's teams and the processes that send them out."""

    def __init__(self, world: World, teams: list[RescueTeam]) -> None:
        self.world = world
        self.teams = [t for t in teams if t.rescuer.in_village]
        self.place = world.route.waypoints[-1].place
        world.dispatch = self.dispatch

    def send_messenger(self, team: RescueTeam, sender: Runner, fallen: list[Patient]) -> None:
        """The team's messenger (if it has one and no word has gone yet) runs ahead."""
        world = self.world
        m = team.messenger
        if m is None or world.alerted or m.id in world.runners:
            return
        runner = Runner(world, m.id, m.speed, sender.position())
        alive = any(p.status != "dead" for p in fallen)
        world.emit(ev.MessengerSent, m.id, team.team.id, self.place, alive)
        world.env.process(self._messenger_process(runner))

    def _messenger_process(self, runner: Runner) -> Process:
        world = self.world
        runner.go(runner.unladen)
        yield world.env.timeout((world.length - runner.position()) / runner.unladen)
        runner.go(0.0)
        runner.home = True
        world.emit(ev.MessengerArrives, runner.uid, self.place)
        self.dispatch("word")

    def search_process(self) -> Process:
        """With no word for long enough, the village sends its team anyway."""
        world = self.world
        span = world.rules.search_after
        if span is None:
            return
        yield world.env.timeout(world.draw(span))
        if any(not p.home and not p.met for p in world.patients.values()):
            self.dispatch("search")

    def dispatch(self, why: str) -> None:
        world = self.world
        if world.alerted:
            return
        world.alerted = True
        if self.teams:
            world.env.process(self._relief_process(why))

    def _relief_process(self, why: str) -> Process:
        world = self.world
        people = [m for t in self.teams for m in t.members]
        members = [Runner(world, m.id, m.speed, world.length) for m in people]
        abilities = {m.id: m.abilities for m in people}
        world.emit(ev.MedicsDepart, tuple(r.uid for r in members), self.place, why)
        group = Runner(world, "village-team", min(r.unladen for r in members), world.length)
        group.home = True  # the group itself never "arrives" anywhere
        group.go(-group.unladen)
        while members:
            target = self._next_patient()
            if target is None:
                if any(p.at_field and p.claimed and not p.met for p in world.patients.values()):
                    yield world.changed  # a field team is still deciding what to carry
                    continue
                return
            carrier = target.carrier
            velocity = carrier.velocity if carrier is not None else 0.0
            delay = meet_delay(group.position(), group.velocity, target.position(), velocity)
            if delay is None:
                yield world.changed
                continue
            yield world.env.any_of([world.env.timeout(delay), world.changed])
            if abs(group.position() - target.position()) > EPSILON or target.met:
                continue
            yield from self._meet(group, members, abilities, target)
            if members:
                group.unladen = min(r.unladen for r in members)
                group.go(-group.unladen)

    def _next_patient(self) -> Patient | None:
        """The fallen fighter out on the road (or at the field) nearest the village."""
        world = self.world
        waiting = [
            p
            for p in world.by_urgency()
            if not p.met and not p.home and not (p.at_field and p.claimed)
        ]
        return max(waiting, key=lambda p: p.position(), default=None)

    def _meet(self, group: Runner, members: list[Runner], abilities: dict, target: Patient):
        world = self.world
        where = group.position()
        group.go(0.0)
        carrier = target.carrier
        if carrier is not None:
            carrier.go(0.0)
        target.met = target.claimed = True
        world.emit(
            ev.Meet,
            tuple(r.uid for r in members),
            carrier.uid if carrier else None,
            target.uid,
            *world.spot(where),
        )
        medic = None
        if target.status == "critical":
            medic = next((r for r in members if "medic" in abilities[r.uid]), None)
        if medic is not None:
            members.remove(medic)
            yield world.env.timeout(world.draw(world.rules.stabilise_minutes))
            stabilise(world, target, medic.uid)
        porter = next((r for r in members if "carry" in abilities[r.uid]), None)
        porter = porter or next((r for r in members if "medic" not in abilities[r.uid]), None)
        if porter is None and medic is not None:
            porter, medic = medic, None
        elif porter is not None:
            members.remove(porter)
        if porter is None:
            if carrier is not None:
                carrier.head_home()
            return
        for r in (porter, medic):
            if r is not None:
                r.pos0, r.t0 = where, world.now
        if carrier is not None:
            release(world, carrier)
            carrier.go(carrier.unladen * RELIEVED_PACE)
            ensure_trip(world, carrier)
        start_carry(world, porter, target, carrier.uid if carrier is not None else None)
        if medic is not None:
            medic.go(porter.velocity)  # walks beside the stretcher
            ensure_trip(world, medic)
        release_stayers(world)
