"""Running a session over two text streams (stdin and stdout for ``kessen sim``)."""

from __future__ import annotations

import contextlib
from typing import TextIO

from kessen.content import Pack
from kessen.protocol.messages import error
from kessen.protocol.session import MAX_LINE, SimSession

__all__ = ["serve"]


def serve(pack: Pack, reader: TextIO, writer: TextIO) -> None:
    """Speak the protocol until ``quit``, the end of the input, or the client hanging up."""
    with contextlib.suppress(BrokenPipeError):  # the client went away: nobody to tell
        _serve(pack, reader, writer)


def _serve(pack: Pack, reader: TextIO, writer: TextIO) -> None:
    session = SimSession(pack)
    _send(writer, session.greeting())
    while not session.closed:
        line = reader.readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE and not line.endswith("\n"):
            _skip_rest(reader)
            _send(writer, [error("malformed", f"line longer than {MAX_LINE} characters", line)])
            continue
        _send(writer, session.handle(line))


def _skip_rest(reader: TextIO) -> None:
    while True:
        chunk = reader.readline(MAX_LINE)
        if not chunk or chunk.endswith("\n"):
            return


def _send(writer: TextIO, lines: list[str]) -> None:
    if lines:
        writer.write("".join(line + "\n" for line in lines))
        writer.flush()
