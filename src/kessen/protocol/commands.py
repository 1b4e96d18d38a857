"""Reading the lines a client sends to ``kessen sim``: data only, never code.

A line is a command word and its arguments.  ``start`` takes options as a JSON object or
as ``key=value`` words; ``choose`` takes a request id and choices separated by ``;`` (or
a JSON object).  Anything else is refused with :class:`~kessen.errors.KessenError`, whose
message says what is wrong.

>>> parse_line('start p1=naruto p2=sasuke seed=7')
Start(options={'p1': 'naruto', 'p2': 'sasuke', 'seed': 7})
>>> parse_line('start {"p1": "naruto", "p2": "sasuke", "stakes": ["naruto"]}').options["stakes"]
['naruto']
>>> parse_line("choose 3 naruto rasengan sasuke 40; naruto-clone1 guard")
Choose(request=3, choices=('naruto rasengan sasuke 40', 'naruto-clone1 guard'))
>>> parse_line("fight!")
Traceback (most recent call last):
...
kessen.errors.KessenError: unknown command 'fight!' (commands: start, choose, record, quit)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kessen.errors import KessenError

__all__ = ["COMMANDS", "Choose", "Command", "Simple", "Start", "parse_line"]

COMMANDS = ("start", "choose", "record", "quit")


@dataclass(frozen=True)
class Start:
    """Start a battle; options as sent (checked by the session)."""

    options: dict[str, Any]


@dataclass(frozen=True)
class Choose:
    """Answer request ``request`` with one choice per pending unit, in notation."""

    request: int
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Simple:
    """A command without arguments: ``record`` or ``quit``."""

    name: str


Command = Start | Choose | Simple


def parse_line(line: str) -> Command:
    """The command on one line (without its newline)."""
    word, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    if word == "start":
        return Start(_options(rest))
    if word == "choose":
        return _choose(rest)
    if word in ("record", "quit"):
        if rest:
            raise KessenError(f"{word} takes no arguments, got {rest[:40]!r}")
        return Simple(word)
    raise KessenError(f"unknown command {word[:40]!r} (commands: {', '.join(COMMANDS)})")


def _options(text: str) -> dict[str, Any]:
    if text.startswith(_JSON_OPENERS):
        return _json_object(text, "start")
    options: dict[str, Any] = {}
    for word in text.split():
        key, eq, value = word.partition("=")
        if not eq or not key or not value:
            raise KessenError(f"start: expected key=value, got {word[:40]!r}")
        if key in options:
            raise KessenError(f"start: {key} given twice")
        options[key] = _scalar(value)
    return options


def _scalar(value: str) -> int | str:
    """``7`` and ``-7`` are numbers; everything else stays text."""
    digits = value[1:] if value.startswith("-") else value
    return int(value) if _is_number(digits) and len(digits) < 40 else value


def _is_number(text: str) -> bool:
    """ASCII digits only (``str.isdigit`` also takes other scripts' digits and "²")."""
    return text.isascii() and text.isdigit()


def _choose(text: str) -> Choose:
    if text.startswith(_JSON_OPENERS):
        data = _json_object(text, "choose")
        request, choices = data.get("id"), data.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            raise KessenError('choose: "choices" must be a list of choice lines')
        return Choose(_request_id(request), tuple(c.strip() for c in choices))
    head, _, rest = text.partition(" ")
    if not head:
        raise KessenError("choose: expected 'choose ID CHOICE[; CHOICE...]'")
    choices = tuple(part.strip() for part in rest.split(";"))
    if not any(choices):
        raise KessenError(f"choose {head}: no choices given")
    if not all(choices):
        raise KessenError(f"choose {head}: an empty choice between ';'")
    return Choose(_request_id(head), choices)


def _request_id(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _is_number(value) and len(value) < 19:
        return int(value)
    raise KessenError(f"choose: the request id must be a number, not {str(value)[:40]!r}")


def _json_object(text: str, command: str) -> dict[str, Any]:
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as exc:
        raise KessenError(f"{command}: bad JSON ({_where(exc)})") from None
    except RecursionError:
        raise KessenError(f"{command}: JSON nested too deeply") from None
    except _Repeated as exc:
        raise KessenError(f"{command}: {str(exc)[:40]!r} given twice") from None
    if not isinstance(data, dict):
        got = _JSON_KINDS.get(type(data), type(data).__name__)
        raise KessenError(f"{command}: expected a JSON object, got {got}")
    return data


#: What JSON that is not an object starts with (a list, a string); a number reads as a
#: request id or a key=value word, so it is not among them.
_JSON_OPENERS = ("{", "[", '"')
_JSON_KINDS = {list: "a list", str: "a string", int: "a number", float: "a number"}


def _where(exc: json.JSONDecodeError) -> str:
    # Some of json's messages end in " at" ("Unterminated string starting at").
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


class _Repeated(Exception):
    """A key given twice in one JSON object."""


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _Repeated(key)
        data[key] = value
    return data
