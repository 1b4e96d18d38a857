"""A battle record: what went in (content, seed, sides, choices) and a hash of what came out.

A record is JSON lines (layout in ``docs/records.md``): a header, one line per turn with the
choices made and the hash of the turn's events, and a last line with the outcome.  It holds
everything needed to play the battle again and check that it comes out the same.

>>> from kessen.engine.model import Fighter, Technique
>>> punch = Technique("punch", "Punch", kind="taijutsu", power=30)
>>> a = Fighter("a", "A", health=60, chakra=50, techniques=(punch,))
>>> b = Fighter("b", "B", health=60, chakra=50, techniques=(punch,))
>>> from kessen.engine import Battle
>>> battle = Battle([[a], [b]], seed=3)
>>> _ = battle.play_turn(["p1.a punch p2.b", "p2.b guard"])
>>> record = record_of(battle, PackId("test", "1", "0" * 64), sides=("a", "b"))
>>> record.turns[0].choices
('p1.a punch p2.b', 'p2.b guard')
>>> parse_record(record.text()) == record
True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kessen.engine import Battle
from kessen.engine.events import event_to_dict
from kessen.errors import RecordError
from kessen.replay.digest import canonical_json, events_hash
from kessen.replay.verdict import verdict

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "Outcome",
    "PackId",
    "Record",
    "TurnEntry",
    "parse_record",
    "record_of",
]

#: The header's first key; its value is the format version.
MAGIC = "kessen_record"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class PackId:
    """Which content a battle was fought with: name, version and SHA-256 of its data."""

    name: str
    version: str
    hash: str

    def __str__(self) -> str:
        return f"{self.name} {self.version} (sha256 {self.hash[:12]})"


@dataclass(frozen=True)
class TurnEntry:
    """One turn: the choices in notation, the hash of its events, maybe the events."""

    turn: int
    choices: tuple[str, ...]
    hash: str
    events: tuple[dict[str, Any], ...] | None = None


@dataclass(frozen=True)
class Outcome:
    """How the battle ended: ``winner`` is 0, 1 or ``None``; ``reason`` as in ``battle_end``."""

    turns: int
    winner: int | None
    reason: str | None


@dataclass(frozen=True)
class Record:
    """A whole record; :meth:`text` writes it, :func:`parse_record` reads it back."""

    pack: PackId
    seed: int
    sides: tuple[str, str]
    fighters: tuple[tuple[str, ...], tuple[str, ...]]
    units: tuple[tuple[str, ...], tuple[str, ...]]
    players: tuple[str, str]
    turn_limit: int
    stakes: tuple[str, ...]
    scenario: str | None
    opening: str
    turns: tuple[TurnEntry, ...]
    outcome: Outcome

    def header(self) -> dict[str, Any]:
        return {
            MAGIC: FORMAT_VERSION,
            "pack": {"name": self.pack.name, "version": self.pack.version, "hash": self.pack.hash},
            "seed": self.seed,
            "sides": list(self.sides),
            "fighters": [list(f) for f in self.fighters],
            "units": [list(u) for u in self.units],
            "players": list(self.players),
            "turn_limit": self.turn_limit,
            "stakes": list(self.stakes),
            "scenario": self.scenario,
            "opening": self.opening,
        }

    def lines(self) -> list[str]:
        """The record's lines (without newlines), header first."""
        out = [_dump(self.header())]
        for entry in self.turns:
            line: dict[str, Any] = {
                "turn": entry.turn,
                "choices": list(entry.choices),
                "hash": entry.hash,
            }
            if entry.events is not None:
                line["events"] = list(entry.events)
            out.append(_dump(line))
        end = self.outcome
        out.append(_dump({"end": {"turns": end.turns, "winner": end.winner, "reason": end.reason}}))
        return out

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines())

    def describe(self) -> str:
        """One line for people: who fought whom, and how it ended."""
        end = self.outcome
        turns = f"{end.turns} turn" + ("" if end.turns == 1 else "s")
        return (
            f"{self.sides[0]} vs {self.sides[1]}, seed {self.seed}, pack {self.pack.name} "
            f"{self.pack.version}: {verdict(self.sides, end.winner, end.reason)} after {turns}"
        )


def _dump(data: dict[str, Any]) -> str:
    # Insertion order (not sorted) keeps the header readable; hashes use canonical_json.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def record_of(
    battle: Battle,
    pack: PackId,
    *,
    players: Sequence[str] = ("heuristic", "heuristic"),
    sides: Sequence[str] = ("naruto", "sasuke"),
    scenario: str | None = None,
    with_events: bool = False,
) -> Record:
    """The record of ``battle`` (finished or not) fought with the content ``pack``."""
    if len(players) != 2 or len(sides) != 2:
        raise RecordError(f"a record needs two players and two sides, not {players}, {sides}")
    start = battle.events[0]
    units = (tuple(start.sides[0]), tuple(start.sides[1]))
    fighters = tuple(tuple(battle.unit(uid).spec.id for uid in side) for side in units)
    stakes = tuple(
        dict.fromkeys(
            battle.unit(uid).spec.id for side in units for uid in side if battle.unit(uid).stakes
        )
    )
    by_turn: list[list] = [[] for _ in range(battle.turn + 1)]
    for event in battle.events:
        by_turn[event.turn].append(event)
    turns = tuple(
        TurnEntry(
            n,
            tuple(c.notation() for c in battle.inputs[n - 1]),
            events_hash(by_turn[n]),
            tuple(event_to_dict(e) for e in by_turn[n]) if with_events else None,
        )
        for n in range(1, battle.turn + 1)
    )
    return Record(
        pack=pack,
        seed=battle.seed,
        sides=(str(sides[0]), str(sides[1])),
        fighters=(fighters[0], fighters[1]),
        units=units,
        players=(str(players[0]), str(players[1])),
        turn_limit=battle.turn_limit,
        stakes=stakes,
        scenario=scenario,
        opening=events_hash(by_turn[0]),
        turns=turns,
        outcome=Outcome(battle.turn, battle.winner, battle.end_reason),
    )


# -- reading -------------------------------------------------------------------------------


def parse_record(text: str, source: str = "<record>") -> Record:
    """Read a record's text; :class:`RecordError` names the line and field that are wrong."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    objects = [(n, _load_line(line, source, n)) for n, line in lines]
    if len(objects) < 2:
        raise RecordError(f"{source}: not a Kessen record (needs a header and an end line)")
    n, head = objects[0]
    header = _Fields(head, f"{source} line {n}")
    version = head.get(MAGIC)
    if version is None:
        raise RecordError(f"{source} line {n}: not a Kessen record (no {MAGIC!r} header)")
    if version != FORMAT_VERSION:
        raise RecordError(
            f"{source}: record format {version!r}; this Kessen reads format {FORMAT_VERSION}"
        )
    pack = _Fields(header.get("pack", dict), f"{source} line {n}: pack")
    turns = tuple(
        _turn(obj, f"{source} line {n}", i) for i, (n, obj) in enumerate(objects[1:-1], 1)
    )
    n_end, last = objects[-1]
    if "end" not in last:
        raise RecordError(
            f"{source} line {n_end}: no end line after it (was the record cut short?)"
        )
    end = _Fields(
        _Fields(last, f"{source} line {n_end}").get("end", dict), f"{source} line {n_end}: end"
    )
    winner = end.get("winner", int, optional=True)
    if winner not in (None, 0, 1):
        raise RecordError(f"{source} line {n_end}: end.winner must be 0, 1 or null, not {winner!r}")
    outcome = Outcome(end.get("turns", int), winner, end.get("reason", str, optional=True))
    if outcome.turns != len(turns):
        raise RecordError(
            f"{source} line {n_end}: the end line says {outcome.turns} turns, "
            f"but the record holds {len(turns)}"
        )
    return Record(
        pack=PackId(pack.get("name", str), pack.get("version", str), pack.get("hash", str)),
        seed=header.get("seed", int),
        sides=header.pair("sides", str),
        fighters=header.pair("fighters", list, of=str),
        units=header.pair("units", list, of=str),
        players=header.pair("players", str),
        turn_limit=header.get("turn_limit", int),
        stakes=tuple(header.items("stakes", str)),
        scenario=header.get("scenario", str, optional=True),
        opening=header.get("opening", str),
        turns=turns,
        outcome=outcome,
    )


def _load_line(line: str, source: str, n: int) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"{source} line {n}: not JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise RecordError(f"{source} line {n}: expected a JSON object, got {type(data).__name__}")
    return data


def _turn(obj: dict[str, Any], where: str, expected: int) -> TurnEntry:
    fields = _Fields(obj, where)
    if "end" in obj:
        raise RecordError(f"{where}: the end line must be the last line")
    number = fields.get("turn", int)
    if number != expected:
        raise RecordError(f"{where}: expected turn {expected}, found turn {number}")
    events = None
    if "events" in obj:
        events = tuple(fields.items("events", dict))
    return TurnEntry(number, tuple(fields.items("choices", str)), fields.get("hash", str), events)


class _Fields:
    """Typed access to one JSON object, with errors that say where."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise RecordError(f"{where}: expected an object, got {json.dumps(data)[:40]}")
        self.data = data
        self.where = where

    def get(self, key: str, kind: type, *, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise RecordError(f"{self.where}: missing field {key!r}")
        value = self.data[key]
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            shown = canonical_json(value)[:40]
            raise RecordError(
                f"{self.where}: field {key!r} must be {_KIND_NAMES[kind]}, not {shown}"
            )
        return value

    def items(self, key: str, kind: type) -> list[Any]:
        values = self.get(key, list)
        for i, value in enumerate(values):
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise RecordError(f"{self.where}: {key}[{i}] must be {_KIND_NAMES[kind]}")
        return values

    def pair(self, key: str, kind: type, *, of: type | None = None) -> tuple[Any, Any]:
        values = self.items(key, kind)
        if len(values) != 2:
            raise RecordError(f"{self.where}: field {key!r} must hold two entries, one per side")
        if of is not None:
            for i, inner in enumerate(values):
                if not inner or not all(isinstance(v, of) for v in inner):
                    raise RecordError(f"{self.where}: {key}[{i}] must be a non-empty list of text")
            return tuple(values[0]), tuple(values[1])
        return values[0], values[1]


_KIND_NAMES = {int: "a whole number", str: "text", list: "a list", dict: "an object"}
