"""Running the aftermath of a finished battle, and what came of it.

>>> from kessen.content import load_starter_pack
>>> from kessen.scenario import load_scenario
>>> pack, scenario = load_starter_pack(), load_scenario("valley-of-the-end")
>>> battle = play_scenario(scenario, pack, seed=7)
>>> after = run_aftermath(battle, scenario, pack)
>>> after.events[0].type, after.events[-1].type
('aftermath_start', 'aftermath_end')
>>> sorted(after.fates) == sorted(u.uid for u in battle.units if u.role == "fighter")
True
>>> run_aftermath(battle, scenario, pack).events == after.events
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from kessen.aftermath import events as ev
from kessen.aftermath.actions import beast_process, dying_process
from kessen.aftermath.cast import CastMember, build_cast
from kessen.aftermath.clock import HEAL_HOLDS, MINUTES_PER_TURN, Clock
from kessen.aftermath.field import field_team_process, release_stayers, standing_fighters
from kessen.aftermath.village import Village
from kessen.aftermath.world import Patient, World
from kessen.content import Pack
from kessen.engine import Battle, RandomStream, Unit, derive_seed
from kessen.errors import KessenError
from kessen.players import make_player, play_out
from kessen.players.intent import IntentPlayer
from kessen.scenario import Scenario, check_against_pack

__all__ = [
    "AFTERMATH_STREAM",
    "BEAST_MENDS_PERCENT",
    "HORIZON_MINUTES",
    "Aftermath",
    "play_scenario",
    "run_aftermath",
]

#: The aftermath draws from its own stream, ``derive_seed(battle seed, AFTERMATH_STREAM)``,
#: so that it never moves the battle's (or the players') streams.
AFTERMATH_STREAM = 0xAF7E_0001
#: The simulation stops two days after the fight, whatever is still going on.
HORIZON_MINUTES = 2 * 24 * 60
#: A beast that winds its host's clock back mends the host by itself once it has healed
#: this percent of the host's health.
BEAST_MENDS_PERCENT = 25


@dataclass(frozen=True)
class Aftermath:
    """What happened after the fight: the events, who is who, and each fighter's fate."""

    seed: int
    scenario: str
    events: tuple[Any, ...]
    cast: dict[str, CastMember]
    fates: dict[str, ev.Fate]

    def outcome(self) -> tuple[tuple[str, str], ...]:
        """Each fighter's fate, sorted: a value to compare outcomes by."""
        return tuple(sorted((uid, f.fate) for uid, f in self.fates.items()))


def play_scenario(
    scenario: Scenario,
    pack: Pack,
    seed: int,
    players: tuple[str, str] = ("heuristic", "heuristic"),
    turn_limit: int | None = None,
) -> Battle:
    """Play the scenario's battle to its end with the given players."""
    check_against_pack(scenario, pack)
    sides = [[pack.fighter(f) for f in side] for side in scenario.sides]
    battle = Battle(
        sides,
        seed=seed,
        turn_limit=turn_limit or scenario.turn_limit,
        stakes=scenario.stakes,
        catalog=pack.catalog,
    )
    bots = [make_player(players[s], seed, s) for s in (0, 1)]
    signatures = scenario.signatures()
    if signatures:  # the scenario's fighters save themselves for their signatures
        bots = [IntentPlayer(bot, signatures) for bot in bots]
    return play_out(battle, bots)


def run_aftermath(battle: Battle, scenario: Scenario, pack: Pack) -> Aftermath:
    """Simulate the rescue that follows ``battle`` (which must be over), in minutes."""
    if not battle.over:
        raise KessenError(f"the battle is still going (turn {battle.turn}): no aftermath yet")
    check_against_pack(scenario, pack)
    cast, teams = build_cast(battle, scenario, pack)
    world = World(
        RandomStream(derive_seed(battle.seed, AFTERMATH_STREAM)), scenario.route, scenario.rules
    )
    fighters = [u for u in battle.units if u.role == "fighter"]
    world.fighters = {u.uid for u in fighters}
    world.emit(ev.AftermathStart, scenario.place, scenario.village, scenario.route.length)
    for u in fighters:
        if u.status in ("critical", "stable", "dead"):
            _fall(world, u)
    standing_fighters(world, [u for u in fighters if u.status == "ok"], scenario, cast)
    village = Village(world, teams)
    for team in teams:
        if team.rescuer.arrives_after is not None:
            world.env.process(field_team_process(world, team, village.send_messenger))
    if not any(t.rescuer.arrives_after is not None for t in teams):
        release_stayers(world)
    world.env.process(village.search_process())
    world.env.run(until=HORIZON_MINUTES)
    fates = _fates(world, fighters)
    end = max((e.minute for e in world.events), default=0.0)
    world.events.append(ev.AftermathEnd(end, tuple(fates.values())))
    return Aftermath(battle.seed, scenario.id, tuple(world.events), cast, fates)


def _fall(world: World, unit: Unit) -> None:
    """A fallen fighter becomes a patient; the dying get a clock and their beast's help."""
    clock = None
    beast = unit.spec.beast
    if unit.status == "critical":
        life = float(max(1, unit.clock) * MINUTES_PER_TURN)
        if beast is not None:
            clock = Clock.for_patient(life, 0.0, beast.heal, beast.per_turn, unit.beast_pool)
        else:
            clock = Clock(life, 0.0)
    patient = Patient(world, unit, clock)
    if clock is None:
        return
    world.env.process(dying_process(world, patient))
    if beast is not None and clock.beast_active:
        effect = "reverses" if clock.rate < 0 else "holds" if clock.rate == 0 else "slows"
        lasts = clock.beast_until - clock.since
        world.emit(
            ev.BeastSustains,
            unit.uid,
            beast.name,
            effect,
            None if math.isinf(lasts) else round(lasts, 1),
        )
        mend_at = None
        given = min(beast.heal, beast.per_turn)
        if given > HEAL_HOLDS:
            mend_at = unit.max_health * BEAST_MENDS_PERCENT / 100 / given * MINUTES_PER_TURN
        world.env.process(beast_process(world, patient, beast.name, mend_at))


def _fates(world: World, fighters: list[Unit]) -> dict[str, ev.Fate]:
    departed = {e.unit for e in world.events if e.type == "departs"}
    when = {}
    for e in world.events:
        if e.type in ("death", "stabilised"):
            when[e.unit] = e.minute
    fates = {}
    for u in fighters:
        p = world.patients.get(u.uid)
        status = p.status if p is not None else u.status
        if u.uid in departed:
            fate = "departed"
        elif status == "dead":
            fate = "died"
        elif status == "critical":
            fate = "critical"
        else:
            fate = "survived"
        fates[u.uid] = ev.Fate(u.uid, fate, when.get(u.uid))
    return fates
