"""The example session in ``docs/protocol.md`` is a real one: played, it gives those lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kessen.content import load_starter_pack
from kessen.protocol import SimSession

DOC = Path(__file__).parents[2] / "docs" / "protocol.md"


def example_session(text: str) -> list[str]:
    """The lines of the fenced block that follows the ``## Example session`` heading."""
    section = text.split("## Example session", 1)[1]
    block = section.split("```\n", 2)[1]
    return block.splitlines()


def pattern(expected: str) -> re.Pattern[str]:
    """A documented line as a pattern: ``…`` stands for whatever was cut."""
    return re.compile(".*?".join(re.escape(part) for part in expected.split("…")))


def transcript(session: SimSession, lines: list[str]) -> list[tuple[str | None, str]]:
    """(what the client sent, one server line) for each line the server wrote."""
    out: list[tuple[str | None, str]] = [(None, line) for line in session.greeting()]
    for line in lines:
        if line.startswith("> "):
            out += [(line[2:], answer) for answer in session.handle(line[2:])]
    return out


def test_the_documented_session_is_what_the_server_says():
    lines = example_session(DOC.read_text("utf-8"))
    assert any(line.startswith("> start ") for line in lines)
    expected = [line for line in lines if not line.startswith("> ")]
    actual = transcript(SimSession(load_starter_pack()), lines)
    for n, (want, (sent, got)) in enumerate(zip(expected, actual, strict=False), 1):
        assert pattern(want).fullmatch(got), (
            f"docs/protocol.md's example session is out of date at server line {n} "
            f"(after {sent!r}):\n  documented: {want}\n  actual:     {got}"
        )
    assert len(actual) == len(expected), [got for _, got in actual[len(expected) :]]


@pytest.mark.parametrize(
    "documented,actual,matches",
    [
        ('ok {"id":1}', 'ok {"id":1}', True),
        ('ok {"id":1}', 'ok {"id":2}', False),
        ('battle {"hash":"…","seed":7}', 'battle {"hash":"f3019448","seed":7}', True),
        ('battle {"hash":"…","seed":7}', 'battle {"hash":"f3019448","seed":8}', False),
        ("units [1,…]", "units [1,2,3]", True),
        ("units [1,…]", "units [2,3]", False),
    ],
)
def test_the_checker_tells_cut_lines_from_wrong_ones(documented, actual, matches):
    assert bool(pattern(documented).fullmatch(actual)) is matches
