"""The battle's place after the fight: who stays, who leaves, who carries, who comes.

* A fighter still standing does what the scenario says: ``carry`` the most urgent fallen
  fighter home (if strong enough: :data:`CARRY_STRENGTH`), ``stay`` by them, or ``leave``.
* A rescuer who comes to the field triages the fallen there, sends a messenger ahead,
  treats the dying if a medic, and carries them off, making shadow clones when there are
  more bodies than hands.  If a standing fighter already carried the fallen away, the
  rescuer follows the trail (at once with a tracker, later without) and takes the load
  over when faster with it.
"""

from __future__ import annotations

from collections.abc import Callable

from kessen.aftermath import events as ev
from kessen.aftermath.actions import Process, ensure_trip, release, start_carry, treat_process
from kessen.aftermath.cast import CastMember, RescueTeam
from kessen.aftermath.world import EPSILON, Patient, Runner, World, meet_delay
from kessen.engine import Unit
from kessen.scenario import Scenario

__all__ = ["CARRY_STRENGTH", "field_team_process", "release_stayers", "standing_fighters"]

#: Sends a team's messenger ahead: (team, who sends it from where, the fallen it saw).
Messenger = Callable[[RescueTeam, Runner, list[Patient]], None]

#: Percent of max health a standing fighter needs to carry someone home.
CARRY_STRENGTH = 35


def wounded_speed(unit: Unit, speed: float) -> float:
    """A standing fighter's speed, slowed by wounds: half of it at zero health."""
    return speed * (0.5 + 0.5 * unit.health / unit.max_health)


def standing_fighters(
    world: World, units: list[Unit], scenario: Scenario, cast: dict[str, CastMember]
) -> None:
    """What each fighter still on their feet does when the fight ends."""
    for u in units:
        notes = scenario.notes(u.spec.id)
        if notes.after_victory == "leave":
            world.emit(ev.Departs, u.uid, notes.leaves_for)
            continue
        runner = Runner(world, u.uid, wounded_speed(u, cast[u.uid].speed))
        fallen = world.fallen_at_field()
        strong = u.health * 100 >= u.max_health * CARRY_STRENGTH
        if notes.after_victory == "carry" and strong and fallen:
            start_carry(world, runner, fallen[0], None)
            continue
        why = "spent" if notes.after_victory == "carry" and fallen else "chose"
        world.emit(ev.Vigil, u.uid, fallen[0].uid if fallen else None, why)
        world.stayers.append(runner)


def release_stayers(world: World) -> None:
    """Those who stayed by the fallen walk home once no one is left lying at the field."""
    if any(p.at_field for p in world.patients.values()):
        return
    for runner in world.stayers:
        runner.head_home()
        ensure_trip(world, runner)
    world.stayers.clear()


def field_team_process(world: World, team: RescueTeam, send_messenger: Messenger) -> Process:
    """A rescuer (or team) reaching the battle's place ``arrives_after`` minutes on."""
    span = team.rescuer.arrives_after
    if span is None:  # a team waiting in the village: the relief, not this
        return
    arrived = world.env.event()
    if "medic" in team.team.abilities:
        world.medics_coming.append(arrived)
    yield world.env.timeout(world.draw(span))
    arrived.succeed()
    members = [Runner(world, m.id, m.speed) for m in team.members]
    world.emit(ev.RescuerArrives, team.team.id, world.route.waypoints[0].place)
    present = [p for p in world.by_urgency() if p.at_field]
    mine = [p for p in present if not p.claimed]
    for p in mine:
        p.claimed = True
    if present:
        yield from _triage(world, team, mine)
        send_messenger(team, members[0], present)
        yield from _treat(world, team, members, present)
        yield from _carry_off(world, team, members, mine)
    else:
        target = _carried_on_road(world, medic="medic" in team.team.abilities)
        if target is not None:
            yield from _pursue(world, team, members, target, send_messenger)
    _walk_home(world, members)
    release_stayers(world)


def _walk_home(world: World, members: list[Runner]) -> None:
    """Members with empty hands walk beside their team's slowest load, or home alone."""
    laden = [r.velocity for r in members if r.load is not None]
    for runner in members:
        if runner.load is None and not runner.home:
            if laden:
                runner.go(min(laden))
            else:
                runner.head_home()
            ensure_trip(world, runner)


def _triage(world: World, team: RescueTeam, fallen: list[Patient]) -> Process:
    if not fallen:
        return
    yield world.env.timeout(world.draw(world.rules.triage_minutes))
    for p in fallen:
        finding = "alive" if p.status == "critical" else p.status
        world.emit(ev.Triage, team.team.id, p.uid, finding, p.minutes_left(), p.beast_at_work())


def _treat(world: World, team: RescueTeam, members: list[Runner], fallen: list[Patient]):
    """A medic team treats the dying at once, one member to a patient."""
    if "medic" not in team.team.abilities:
        return
    dying = [p for p in fallen if p.status == "critical" and p.care is None]
    work = []
    for medic, patient in zip(members, dying, strict=False):
        patient.care = world.env.process(treat_process(world, medic.uid, patient))
        work.append(patient.care)
    if work:
        yield world.env.all_of(work)
        for patient in dying:
            patient.care = None


def _carry_off(world: World, team: RescueTeam, members: list[Runner], mine: list[Patient]):
    """The most urgent load to the fastest carrier; clones when there are more loads.

    No one lifts the dying while medics are on their way to the field: they wait.
    """
    coming = [e for e in world.medics_coming if not e.triggered]
    if coming and any(p.status == "critical" for p in mine):
        yield world.env.all_of(coming)
    busy = [p.care for p in mine if p.care is not None]
    if busy:
        yield world.env.all_of(busy)  # a medic is still at work: wait before lifting them
    loads = [p for p in world.by_urgency() if p in mine and p.at_field]
    carriers = list(members)
    for i in range(min(team.clones, len(loads) - len(carriers))):
        cid = f"{team.team.id}-clone" if team.clones == 1 else f"{team.team.id}-clone{i + 1}"
        clone = Runner(world, cid, team.team.speed * world.rules.clone_pace)
        clone.clone = True
        world.emit(ev.CloneMade, team.team.id, cid)
        carriers.append(clone)
    for runner, patient in zip(carriers, loads, strict=False):
        start_carry(world, runner, patient, None)
    for patient in loads[len(carriers) :]:
        patient.claimed = False  # left for the village's team to fetch
    world.touch()


def _carried_on_road(world: World, medic: bool) -> Runner | None:
    """Whom a team reaching an empty field follows: a fighter carrying the fallen home, or
    (for medics) anyone carrying someone still dying."""
    for p in world.by_urgency():
        carrier = p.carrier
        if carrier is None or p.met:
            continue
        if carrier.uid in world.fighters or (medic and p.status == "critical"):
            return carrier
    return None


def _pursue(
    world: World, team: RescueTeam, members: list[Runner], target: Runner, send_messenger: Messenger
) -> Process:
    """Follow the trail of someone carrying the fallen; catch up; treat; take over the
    load when faster with it."""
    lead = members[0]
    tracker = team.messenger if team.messenger is not None else team.team
    if "tracking" not in team.team.abilities and "tracking" not in tracker.abilities:
        yield world.env.timeout(world.draw(world.rules.trail_minutes))
    for runner in members:
        runner.go(runner.unladen)
    while True:
        patient = target.load
        if patient is None or patient.met:
            return
        delay = meet_delay(lead.position(), lead.velocity, target.position(), target.velocity)
        if delay is None:
            return
        yield world.env.any_of([world.env.timeout(delay), world.changed])
        if abs(lead.position() - target.position()) <= EPSILON and target.load is patient:
            break
    for runner in (*members, target):
        runner.go(0.0)
    world.emit(ev.CatchUp, team.team.id, target.uid, patient.uid, *world.spot(lead.position()))
    yield from _triage(world, team, [patient])
    send_messenger(team, lead, [patient])
    yield from _treat(world, team, members, [patient])
    if patient.met or target.load is not patient:
        target.head_home()
        return
    if target.uid in world.fighters and lead.laden_speed() > target.laden_speed():
        release(world, target)
        target.head_home()
        start_carry(world, lead, patient, target.uid)
        return
    target.head_home()
    for runner in members:
        runner.go(target.velocity)  # they walk beside the carrier
        ensure_trip(world, runner)
