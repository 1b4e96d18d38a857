"""Options and helpers the commands share: the pack, the sides, JSON lines."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import typer

from kessen.content import Pack, load_pack, load_starter_pack
from kessen.content.loader import suggest
from kessen.engine import Fighter
from kessen.errors import KessenError, UnknownNameError

__all__ = [
    "PackOption",
    "SaveOption",
    "SeedOption",
    "counted",
    "dump_json_line",
    "get_pack",
    "parse_players",
    "parse_side",
    "record_path",
    "say_written",
]

#: Endings of files that hold a story or a page, never a battle record.
_STORY_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".png", ".svg")

PackOption = Annotated[
    Path | None,
    typer.Option("--pack", help="A content pack (TOML) to use instead of the starter pack."),
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the battle's random stream.")]
SaveOption = Annotated[
    str | None,
    typer.Option(
        "--save",
        metavar="RECORD.jsonl",
        help="Keep the battle's record (JSON lines, for `kessen replay`) in this file.",
    ),
]


@lru_cache(maxsize=8)
def _load(path: str | None) -> Pack:
    return load_starter_pack() if path is None else load_pack(path)


def get_pack(path: Path | None) -> Pack:
    """The starter pack, or the pack at ``path``."""
    return _load(None if path is None else str(path))


def parse_side(pack: Pack, spec: str) -> list[Fighter]:
    """A side written ``naruto`` or ``naruto+sasuke``."""
    return pack.team(spec)


def parse_players(text: str, known: list[str]) -> tuple[str, str]:
    """``heuristic`` or ``heuristic,random`` -> one player name per side."""
    names = [p.strip().lower() for p in text.split(",")]
    if len(names) == 1:
        names = names * 2
    if len(names) != 2 or not all(names):
        raise KessenError(
            f"--players takes one or two names (P or P,Q), not {text!r}; "
            f"players: {', '.join(known)}"
        )
    for name in names:
        if name not in known:
            close = suggest(name, known)
            if close:
                raise UnknownNameError("player", name, close)
            raise KessenError(f"unknown player {name!r}; players: {', '.join(known)}")
    return names[0], names[1]


def dump_json_line(data: Any, stream=None) -> None:
    """One compact JSON object on one line (stable key order, UTF-8)."""
    out = stream or sys.stdout
    out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def record_path(path: str | None, *, story_option: str | None = None) -> str | None:
    """``--save``'s file, refused when its name says it is meant for a story or a picture.

    A record is JSON lines; ``--save v.html`` would put one where a page was wanted.
    ``story_option`` names the option that writes the story, for the hint.
    """
    if path is None or not path.lower().endswith(_STORY_SUFFIXES):
        return path
    hint = f"; to write the story there use {story_option} {path}" if story_option else ""
    raise KessenError(
        f"--save keeps the battle's record (JSON lines), not a story or a picture: "
        f"{path!r} is named like one{hint}"
    )


def say_written(path: object, what: str) -> None:
    """Tell (on stderr, so a pipe stays clean) where a file was written."""
    typer.echo(f"wrote {what} to {path}", err=True)


def counted(n: int, word: str) -> str:
    """``n`` things, the word in the plural when it is not one.

    >>> counted(1, "summon"), counted(2, "summon"), counted(0, "fighter")
    ('1 summon', '2 summons', '0 fighters')
    """
    return f"{n:,} {word}" + ("" if n == 1 else "s")
