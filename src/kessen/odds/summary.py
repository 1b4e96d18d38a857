"""What one finished battle comes to, read from its events: the few facts odds count.

A battle is over the turn its last standing fighter on a side falls (goes critical or
dies), so how it ended is written in its final turn: the blow that felled each fighter,
and whether that blow came out of a decisive clash, a mutual strike or a plain hit.  The
rest of the battle is scanned once, by event type only, for the moments worth counting
(a beast that kept its host alive, a death on the survival clock, ...).

**Endings** (exactly one per battle):

``decisive_clash``  the felling blow won a clash
``mutual_strike``   an even clash: both attacks landed at once
``direct_blow``     a blow that met no clash
``turn_limit``      nobody fell in time: a draw by the turn limit
``other``           anything else (no felling blow found)

**Moments** (any number per battle, each counted once per battle):

``beast_saved_host``     a sealed beast covered a blow and its host did not die of it
``left_critical``        a fighter ended the battle critical (alive, on a survival clock)
``killed_outright``      a blow killed a fighter
``survival_clock_death`` a critical fighter died when the clock ran out
``stabilised``           a critical fighter was healed in time
``both_fell``            both sides fell in the same turn (a draw)
"""

from __future__ import annotations

from typing import NamedTuple

from kessen.engine import Battle

__all__ = ["ENDINGS", "MOMENTS", "BattleSummary", "summarise"]

ENDINGS = ("decisive_clash", "mutual_strike", "direct_blow", "turn_limit", "other")
MOMENTS = (
    "beast_saved_host",
    "left_critical",
    "killed_outright",
    "survival_clock_death",
    "stabilised",
    "both_fell",
)
_ENDING_OF_VIA = {"clash": "decisive_clash", "mutual": "mutual_strike", "direct": "direct_blow"}


class BattleSummary(NamedTuple):
    """The facts of one battle that odds count."""

    winner: int | None
    turns: int
    ending: str
    moments: frozenset[str]
    finishers: tuple[str, ...]  # technique ids of the blows that felled fighters at the end


def summarise(battle: Battle) -> BattleSummary:
    """Summarise a finished battle from its event log.

    >>> from kessen.engine.model import Fighter, Technique
    >>> blow = Technique("blow", "Blow", kind="taijutsu", power=400)
    >>> a = Fighter("a", "A", health=10, chakra=0, speed=60, techniques=(blow,))
    >>> b = Fighter("b", "B", health=10, chakra=0, speed=40, techniques=(blow,))
    >>> battle = Battle([[a], [b]], seed=1)
    >>> _ = battle.play_turn(["p1.a blow p2.b", "p2.b rest"])
    >>> s = summarise(battle)
    >>> s.winner, s.turns, s.ending, sorted(s.moments), s.finishers
    (0, 1, 'direct_blow', ['killed_outright'], ('blow',))
    """
    if not battle.over:
        raise ValueError("only a finished battle can be summarised")
    events = battle.events
    final = battle.turn
    start = len(events)
    while start > 1 and events[start - 1].turn == final:
        start -= 1
    vias, finishers = _felling_blows(events, start)
    moments = _moments(battle, events, start)
    if battle.end_reason == "turn_limit":
        ending = "turn_limit"
    elif "mutual" in vias:
        ending = "mutual_strike"
    elif vias:
        ending = _ENDING_OF_VIA.get(vias[-1], "other")
    else:
        ending = "other"
    return BattleSummary(battle.winner, final, ending, moments, finishers)


def _felling_blows(events: list, start: int) -> tuple[list[str], tuple[str, ...]]:
    """For each fighter felled in the final turn, how the blow came and its technique."""
    last_hit: dict[str, object] = {}
    vias: list[str] = []
    finishers: list[str] = []
    for i in range(start, len(events)):
        e = events[i]
        kind = e.type
        if kind == "hit":
            last_hit[e.target] = e
        elif kind == "critical" or (kind == "death" and e.cause == "blow"):
            hit = last_hit.get(e.unit)
            if hit is not None:
                vias.append(hit.via)  # type: ignore[attr-defined]
                finishers.append(hit.technique)  # type: ignore[attr-defined]
    return vias, tuple(finishers)


def _moments(battle: Battle, events: list, final_start: int) -> frozenset[str]:
    found: set[str] = set()
    covered: set[str] = set()
    for e in events:
        kind = e.type
        if kind == "beast_intervention":
            covered.add(e.unit)
        elif kind == "death":
            found.add("killed_outright" if e.cause == "blow" else "survival_clock_death")
        elif kind == "stabilised":
            found.add("stabilised")
    for u in battle.units:
        if u.role != "fighter":
            continue
        if u.status == "critical":
            found.add("left_critical")
        if u.uid in covered and u.status != "dead":
            found.add("beast_saved_host")
    if battle.end_reason == "draw":
        found.add("both_fell")
    return frozenset(found)
