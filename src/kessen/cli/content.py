"""``kessen content check FILE``: validate a pack and list every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    techniques = len(pack.techniques)
    typer.echo(
        f"{file}: ok: pack {pack.name} {pack.version}, {len(pack.fighters)} fighters, "
        f"{len(pack.summons)} summons, {techniques} techniques (sha256 {pack.hash[:12]})"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
