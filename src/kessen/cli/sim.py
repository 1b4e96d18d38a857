"""``kessen sim``: speak the battle protocol on stdin and stdout (``docs/protocol.md``)."""

from __future__ import annotations

import sys

import typer

from kessen.cli.common import PackOption, get_pack
from kessen.protocol import serve

__all__ = ["register"]


def sim(pack: PackOption = None) -> None:
    """Run battles for another program over a line protocol on stdin and stdout."""
    serve(get_pack(pack), sys.stdin, sys.stdout)


def register(app: typer.Typer) -> None:
    app.command("sim")(sim)
