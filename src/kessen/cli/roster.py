"""``kessen roster``: the fighters of a pack with their key stats and traits."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kessen.cli.common import PackOption, dump_json_line, get_pack

__all__ = ["register"]


def roster(
    pack: PackOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per fighter.")] = False,
) -> None:
    """List the fighters with their key stats and traits."""
    content = get_pack(pack)
    if json_out:
        for f in content.fighters.values():
            dump_json_line(
                {
                    "id": f.id,
                    "name": f.name,
                    "health": f.health,
                    "chakra": f.chakra,
                    "speed": f.speed,
                    "taijutsu": f.taijutsu,
                    "ninjutsu": f.ninjutsu,
                    "genjutsu": f.genjutsu,
                    "defence": f.defence,
                    "resolve": f.resolve,
                    "traits": _traits(f),
                    "techniques": [t.id for t in f.techniques],
                }
            )
        return
    table = Table(title=f"{content.name} {content.version}: {len(content.fighters)} fighters")
    for col in ("id", "name", "HP", "chakra", "spd", "tai", "nin", "gen", "def", "res"):
        table.add_column(col, justify="right" if len(col) <= 6 and col != "id" else "left")
    table.add_column("traits")
    for f in content.fighters.values():
        table.add_row(
            f.id,
            f.name,
            *(
                str(v)
                for v in (
                    f.health,
                    f.chakra,
                    f.speed,
                    f.taijutsu,
                    f.ninjutsu,
                    f.genjutsu,
                    f.defence,
                    f.resolve,
                )
            ),
            ", ".join(_traits(f)),
        )
    Console().print(table)


def _traits(f) -> list[str]:
    traits = []
    if f.beast:
        traits.append(f"jinchuriki ({f.beast.name})")
    if f.seal:
        traits.append(f"{f.seal.name} ({len(f.seal.stages)} stages)")
    for t in f.techniques:
        if t.summon is not None:
            traits.append(f"summons {t.summon.name}")
        if t.clones:
            traits.append("shadow clones")
        if t.heal:
            traits.append("medic")
    return list(dict.fromkeys(traits))


def register(app: typer.Typer) -> None:
    app.command("roster")(roster)
