"""``kessen sim``: speak the battle protocol on stdin and stdout (``docs/protocol.md``)."""

from __future__ import annotations

import contextlib
import io
import sys
from typing import TextIO

import typer

from kessen.cli.common import PackOption, get_pack
from kessen.protocol import serve

__all__ = ["register"]


def sim(pack: PackOption = None) -> None:
    """Run battles for another program over a line protocol on stdin and stdout."""
    content = get_pack(pack)
    reader, writer = _utf8(sys.stdin, "r"), _utf8(sys.stdout, "w")
    try:
        serve(content, reader, writer)
    finally:
        for stream, original in ((reader, sys.stdin), (writer, sys.stdout)):
            if stream is not original and isinstance(stream, io.TextIOWrapper):
                with contextlib.suppress(BrokenPipeError, ValueError):
                    stream.detach()  # flushes, and leaves the real stream open


def _utf8(stream: TextIO, mode: str) -> TextIO:
    """The stream as UTF-8 text whatever the locale says (the protocol is UTF-8).

    Input bytes that are not UTF-8 arrive as lone surrogates, never as a decoding error,
    and the session refuses such a line.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # already text (a test's StringIO, say)
        return stream
    if mode == "r":
        return io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape")
    return io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")


def register(app: typer.Typer) -> None:
    app.command("sim")(sim)
