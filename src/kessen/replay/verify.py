"""Playing a record again and checking that every turn comes out the same.

Verification rebuilds the battle from the pack (same fighters, seed, turn limit and
stakes), plays each recorded turn's choices, and compares the hash of the events with the
recorded one.  The first turn that differs is named; turn 0 is the opening (the events
before the first choice).
"""

from __future__ import annotations

from dataclasses import dataclass

from kessen.content import Pack
from kessen.engine import Battle, Choice
from kessen.engine.events import event_to_dict
from kessen.errors import ChoiceSyntaxError, IllegalChoiceError, KessenError, RecordError
from kessen.replay.digest import canonical_json, dicts_hash, events_hash
from kessen.replay.files import pack_id
from kessen.replay.record import Record, TurnEntry, parse_record, record_of

__all__ = [
    "Verification",
    "pack_mismatch",
    "rebuild",
    "replay",
    "round_trip",
    "verify_record",
]


@dataclass(frozen=True)
class Verification:
    """The verdict on a record: ``ok``, or the first ``turn`` that differs and why."""

    ok: bool
    checked: int
    turn: int | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"ok: {self.checked} turns match"
        where = "the opening" if self.turn == 0 else f"turn {self.turn}"
        return f"MISMATCH at {where}: {self.reason}"


def pack_mismatch(record: Record, pack: Pack) -> str | None:
    """Why ``pack`` is not the content the record was made with (``None`` if it is)."""
    made, have = record.pack, pack_id(pack)
    if made == have:
        return None
    return (
        f"the record was made with pack {made}, but the pack given is {have}; "
        f"pass --pack PATH with the pack it was made with, or --force to check anyway"
    )


def rebuild(record: Record, pack: Pack) -> Battle:
    """A fresh battle, before turn 1, set up as the record says."""
    catalog = pack.catalog
    sides = []
    for side, ids in enumerate(record.fighters):
        missing = [f for f in ids if f not in catalog]
        if missing:
            raise RecordError(
                f"side {side + 1} ({record.sides[side]}): pack {pack.name} has no "
                f"{', '.join(repr(m) for m in missing)}"
            )
        sides.append([catalog[f] for f in ids])
    try:
        return Battle(
            sides,
            seed=record.seed,
            turn_limit=record.turn_limit,
            stakes=record.stakes,
            catalog=catalog,
        )
    except KessenError as exc:
        raise RecordError(f"cannot set up the recorded battle: {exc}") from None


def replay(record: Record, pack: Pack, *, force: bool = False) -> tuple[Battle, Verification]:
    """Play the record again; the battle as far as it agreed, and the verdict.

    Refuses (:class:`RecordError`) a record made with other content unless ``force``.
    """
    if not force and (why := pack_mismatch(record, pack)):
        raise RecordError(why)
    battle = rebuild(record, pack)
    start = battle.events[0]
    if tuple(tuple(s) for s in start.sides) != record.units:
        return battle, Verification(False, 0, 0, f"units differ: {start.sides} vs {record.units}")
    opening = events_hash(battle.events)
    if opening != record.opening:
        return battle, Verification(False, 0, 0, _hash_differs(record.opening, opening))
    for entry in record.turns:
        problem = _play(battle, entry)
        if problem:
            return battle, Verification(False, entry.turn - 1, entry.turn, problem)
    end = record.outcome
    if end.reason is None and not battle.over:  # the record of an unfinished battle
        return battle, Verification(True, len(record.turns))
    if not battle.over:
        why = f"the record ends after turn {end.turns}, but the battle goes on"
        return battle, Verification(False, end.turns, end.turns + 1, why)
    if (battle.winner, battle.end_reason) != (end.winner, end.reason):
        why = (
            f"the end line says winner {end.winner} ({end.reason}); the battle gives "
            f"{battle.winner} ({battle.end_reason})"
        )
        return battle, Verification(False, end.turns - 1, end.turns, why)
    return battle, Verification(True, len(record.turns))


def verify_record(record: Record, pack: Pack, *, force: bool = False) -> Verification:
    """Play the record again and compare every turn's events with the recorded hashes."""
    return replay(record, pack, force=force)[1]


def round_trip(battle: Battle, pack: Pack | None = None) -> Verification:
    """Record ``battle``, write it out, read it back and verify it: the determinism check.

    Without a pack, the battle's own fighters stand in for one, so any battle the engine
    plays (even of hand-made fighters) can be checked.

    >>> from kessen.engine.model import Fighter, Technique
    >>> punch = Technique("punch", "Punch", kind="taijutsu", power=30)
    >>> a = Fighter("a", "A", health=60, chakra=50, techniques=(punch,))
    >>> battle = Battle([[a], [a]], seed=5)
    >>> while not battle.over:
    ...     _ = battle.play_turn([battle.legal_choices(u)[0] for u in battle.pending()])
    >>> verdict = round_trip(battle)
    >>> verdict.ok, verdict.checked == battle.turn
    (True, True)
    """
    if pack is None:
        pack = Pack("battle", "0.0.0", "", "<battle>", fighters=dict(battle.catalog))
    record = record_of(battle, pack_id(pack), sides=("p1", "p2"), with_events=True)
    return verify_record(parse_record(record.text(), "<round trip>"), pack)


def _play(battle: Battle, entry: TurnEntry) -> str | None:
    """Play one recorded turn; what went wrong, or ``None`` when it matches."""
    if entry.events is not None and dicts_hash(entry.events) != entry.hash:
        return "the events written in the record do not match its own hash (edited by hand?)"
    try:
        choices = [Choice.parse(text) for text in entry.choices]
        events = battle.play_turn(choices)
    except (ChoiceSyntaxError, IllegalChoiceError) as exc:
        return f"the recorded choices cannot be played: {exc}"
    actual = events_hash(events)
    if actual == entry.hash:
        return None
    reason = _hash_differs(entry.hash, actual)
    if entry.events is not None:
        reason += _first_difference(entry.events, [event_to_dict(e) for e in events])
    return reason


def _hash_differs(recorded: str, actual: str) -> str:
    return f"events differ (recorded sha256 {recorded[:12]}, re-simulated {actual[:12]})"


def _first_difference(recorded, actual) -> str:
    for i, (want, got) in enumerate(zip(recorded, actual, strict=False)):
        if canonical_json(want) != canonical_json(got):
            return f"; event {i + 1}: recorded {canonical_json(want)}, got {canonical_json(got)}"
    return f"; recorded {len(recorded)} events, got {len(actual)}"
