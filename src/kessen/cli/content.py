"""``kessen content check FILE``: validate a pack and list every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kessen.cli.common import counted
from kessen.content import load_pack
from kessen.errors import ContentError

__all__ = ["register"]

content_app = typer.Typer(help="Work with content packs.", no_args_is_help=True)


@content_app.command("check")
def check(file: Annotated[Path, typer.Argument(help="The pack's TOML file.")]) -> None:
    """Validate a pack: exit 0 with a summary, or exit 2 listing every problem."""
    try:
        pack = load_pack(file)
    except ContentError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(2) from None
    counts = ", ".join(
        counted(len(table), word)
        for table, word in (
            (pack.fighters, "fighter"),
            (pack.summons, "summon"),
            (pack.techniques, "technique"),
        )
    )
    typer.echo(f"{file}: ok: pack {pack.name} {pack.version}, {counts} (sha256 {pack.hash[:12]})")


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
