"""Golden battles: recorded inputs and the events they must give, as JSON lines.

A golden file ``NAME.jsonl`` holds, one JSON object a line:

1. a header: ``{"golden": NAME, "description", "pack", "pack_hash", "sides", "seed",
   "turn_limit", "stakes", "made_by"}`` (``made_by`` says how the choices were first
   chosen: two player names, or ``"script"``);
2. one line per turn: ``{"turn": N, "choices": ["p1.fox spiral p2.hawk 20", ...]}``;
3. the expected events, each as :func:`kessen.engine.events.event_to_dict` writes it.

Replaying the choices on the same pack and seed must give exactly those events; any
difference is a change of the rules, intended (then regenerate with
``python tests/golden/regenerate.py``) or not (then it is a bug).

>>> [case.name for case in CASES][:2]
['fox_vs_hawk', 'team_sage_medic_vs_fox_hawk']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kessen.content import Pack, load_pack
from kessen.engine import Battle, Choice
from kessen.engine.events import event_to_dict
from kessen.players import Request, make_player

__all__ = [
    "CASES",
    "GOLDEN_DIR",
    "PACK_FILE",
    "Case",
    "Golden",
    "golden_pack",
    "play",
    "read",
    "write",
]

GOLDEN_DIR = Path(__file__).resolve().parent
PACK_FILE = "golden_pack.toml"


@dataclass(frozen=True)
class Case:
    """How a golden battle was first played: the sides, seed, and who chose."""

    name: str
    description: str
    sides: tuple[str, str]
    seed: int
    players: tuple[str, str] | None = ("heuristic", "heuristic")
    script: tuple[tuple[str, ...], ...] = ()
    stakes: tuple[str, ...] = ()
    turn_limit: int = 40


CASES = (
    Case(
        "fox_vs_hawk",
        "The rivals' duel: clashes, the beast, the seal, clones, evasion, resolve at stake.",
        ("fox", "hawk"),
        seed=6,
        stakes=("fox",),
    ),
    Case(
        "team_sage_medic_vs_fox_hawk",
        "Two against two: the summoned hound tracks and pins, the medic heals and drains.",
        ("sage+medic", "fox+hawk"),
        seed=1,
    ),
    Case(
        "sand_vs_fox_random",
        "Random choices until the turn limit: guard, area attacks and two beasts.",
        ("sand", "fox"),
        seed=0,
        players=("random", "random"),
        turn_limit=20,
    ),
    Case(
        "hawk_vs_fox_draw",
        "Both rivals fall in the same turn: a draw.",
        ("hawk", "fox"),
        seed=4,
    ),
    Case(
        "rescue_script",
        "Scripted: the hawk falls critical, the medic stabilises him, time runs out.",
        ("hawk+medic", "sage"),
        seed=1,
        players=None,
        turn_limit=7,
        script=(
            ("p1.hawk foresight 6", "p1.medic leech p2.sage", "p2.sage spark p1.hawk 60"),
            (
                "p1.hawk seal_release 8",
                "p1.medic needle p2.sage 6",
                "p2.sage water_whip p1.hawk 30",
            ),
            ("p1.hawk log_swap 5", "p1.medic shuriken p2.sage"),
            ("p1.hawk strike p2.sage", "p1.medic rest", "p2.sage spark p1.hawk 60"),
            ("p1.medic mend p1.hawk 15", "p2.sage hound_call 15"),
            (
                "p1.medic water_whip p2.sage 20",
                "p2.sage spark p1.medic 40",
                "p2.hound sniff p1.medic 3",
            ),
            ("p1.medic guard", "p2.sage foresight 6", "p2.hound bite p1.medic"),
        ),
    ),
)


def golden_pack() -> Pack:
    return load_pack(GOLDEN_DIR / PACK_FILE)


def _battle(pack: Pack, sides: Sequence[str], seed: int, stakes, turn_limit: int) -> Battle:
    return Battle(
        [pack.team(sides[0]), pack.team(sides[1])],
        seed=seed,
        turn_limit=turn_limit,
        stakes=stakes,
        catalog=pack.catalog,
    )


def play(case: Case, pack: Pack) -> Battle:
    """Play a case the way it was first made (players or script) to its end."""
    battle = _battle(pack, case.sides, case.seed, case.stakes, case.turn_limit)
    if case.players is None:
        for choices in case.script:
            battle.play_turn(choices)
        return battle
    players = [make_player(name, case.seed, side) for side, name in enumerate(case.players)]
    while not battle.over:
        choices: list[Choice] = []
        for side in (0, 1):
            request = Request.for_side(battle, side)
            if request.legal:
                choices.extend(players[side].choose(request))
        battle.play_turn(choices)
    return battle


@dataclass(frozen=True)
class Golden:
    """A golden file, read: its header, its turns' choices and its expected events."""

    header: dict[str, Any]
    turns: list[list[str]]
    events: list[dict[str, Any]]

    def replay(self, pack: Pack) -> Battle:
        """The battle the header and choices describe, played again on ``pack``."""
        h = self.header
        battle = _battle(pack, h["sides"], h["seed"], h["stakes"], h["turn_limit"])
        for choices in self.turns:
            battle.play_turn(choices)
        return battle


def write(case: Case, pack: Pack, directory: Path = GOLDEN_DIR) -> Path:
    """Play ``case`` and write its golden file; returns the path."""
    battle = play(case, pack)
    header = {
        "golden": case.name,
        "description": case.description,
        "pack": PACK_FILE,
        "pack_hash": pack.hash,
        "sides": list(case.sides),
        "seed": case.seed,
        "turn_limit": case.turn_limit,
        "stakes": list(case.stakes),
        "made_by": list(case.players) if case.players else "script",
    }
    lines = [header]
    lines += [
        {"turn": n, "choices": [c.notation() for c in turn]}
        for n, turn in enumerate(battle.inputs, start=1)
    ]
    lines += [event_to_dict(e) for e in battle.events]
    path = directory / f"{case.name}.jsonl"
    text = "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n" for x in lines)
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path) -> Golden:
    """Read a golden file back."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    header, rest = rows[0], rows[1:]
    turns = [row["choices"] for row in rest if "choices" in row]
    events = [row for row in rest if "type" in row]
    if "golden" not in header or len(turns) + len(events) != len(rest):
        raise ValueError(f"{path}: not a golden file (header, then turns, then events)")
    return Golden(header, turns, events)
