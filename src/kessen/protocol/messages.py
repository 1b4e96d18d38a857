"""The lines ``kessen sim`` writes: a word, a space, one JSON object.

>>> message("ok", {"id": 3})
'ok {"id":3}'
>>> error("stale", "request 1 is from an earlier turn", "choose 1 x")
'error {"code":"stale","message":"request 1 is from an earlier turn","input":"choose 1 x"}'
"""

from __future__ import annotations

import json
from typing import Any

from kessen.engine import Battle
from kessen.engine.unit import Unit

__all__ = [
    "ERROR_CODES",
    "SIDE_NAMES",
    "battle_payload",
    "end_payload",
    "error",
    "message",
    "not_utf8",
    "printable",
    "request_payload",
]

SIDE_NAMES = ("p1", "p2")
#: Every ``code`` an error line can carry (documented in ``docs/protocol.md``).
ERROR_CODES = (
    "malformed",
    "bad-start",
    "busy",
    "no-battle",
    "not-over",
    "over",
    "unknown-request",
    "stale",
    "answered",
    "syntax",
    "illegal",
)
#: How much of an offending line an error line echoes.
ECHO = 200
#: The longest message an error line carries (a message quoting a huge line is cut).
MESSAGE_LIMIT = 1000


def message(kind: str, payload: Any) -> str:
    return f"{kind} {json.dumps(payload, ensure_ascii=False, separators=(',', ':'))}"


def error(code: str, text: str, line: str) -> str:
    if len(text) > MESSAGE_LIMIT:
        text = text[: MESSAGE_LIMIT - 1] + "…"
    return message("error", {"code": code, "message": text, "input": printable(line[:ECHO])})


def printable(text: str) -> str:
    r"""``text`` with every byte that was not UTF-8 (a lone surrogate) shown as U+FFFD.

    >>> printable("ok \udcff!")
    'ok �!'
    """
    return "".join("\ufffd" if _SURROGATES[0] <= ch <= _SURROGATES[1] else ch for ch in text)


def not_utf8(text: str) -> bool:
    """Whether ``text`` came from bytes that were not UTF-8 (it holds lone surrogates)."""
    return any(_SURROGATES[0] <= ch <= _SURROGATES[1] for ch in text)


_SURROGATES = ("\ud800", "\udfff")


def battle_payload(battle: Battle, pack, sides, players) -> dict[str, Any]:
    start = battle.events[0]
    return {
        "pack": {"name": pack.name, "version": pack.version, "hash": pack.hash},
        "seed": battle.seed,
        "turn_limit": battle.turn_limit,
        "sides": list(sides),
        "units": [list(s) for s in start.sides],
        "players": list(players),
    }


def request_payload(battle: Battle, request_id: int, side: int) -> dict[str, Any]:
    return {
        "id": request_id,
        "side": SIDE_NAMES[side],
        "turn": battle.turn + 1,
        "legal": {
            uid: [c.notation() for c in battle.legal_choices(uid)] for uid in battle.pending(side)
        },
        "units": [_unit(u) for u in battle.units],
    }


def _unit(u: Unit) -> dict[str, Any]:
    return {
        "unit": u.uid,
        "side": SIDE_NAMES[u.side],
        "fighter": u.spec.id,
        "role": u.role,
        "status": u.status,
        "health": u.health,
        "max_health": u.max_health,
        "chakra": u.chakra,
        "max_chakra": u.max_chakra,
        "stun": u.stun,
        "cooldowns": {k: v for k, v in u.cooldowns.items() if v},
    }


def end_payload(battle: Battle, sides) -> dict[str, Any]:
    winner = battle.winner
    return {
        "winner": None if winner is None else SIDE_NAMES[winner],
        "side": None if winner is None else sides[winner],
        "reason": battle.end_reason,
        "turns": battle.turn,
    }
