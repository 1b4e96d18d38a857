"""``kessen roster``: the fighters of a pack with their key stats and traits."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

from kessen.cli.battle_log import short_name
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
    console = Console()
    table = _table(content, compact=False)
    natural = Measurement.get(console, console.options.update_width(10_000), table).maximum
    if not console.is_terminal:
        # Through a pipe or into a file no terminal sets the width: print whole lines.
        console = Console(width=max(console.width, natural))
    elif natural > console.width:
        table = _table(content, compact=True)
    console.print(table)


def _table(content, compact: bool) -> Table:
    """The roster as a table; ``compact`` (a narrow terminal): tighter, first names only.

    The id is what a user types (``kessen duel ID ID``), so it is never cut short; the
    names and the traits wrap instead.
    """
    title = f"{content.name} {content.version}: {len(content.fighters)} fighters"
    table = Table(title=title, padding=(0, 0) if compact else (0, 1))
    widest = max((len(f) for f in content.fighters), default=2)
    table.add_column("id", no_wrap=True, min_width=widest)
    table.add_column("name", justify="right", min_width=6)
    for col in ("HP", "chakra", "spd", "tai", "nin", "gen", "def", "res"):
        table.add_column(
            "ch" if compact and col == "chakra" else col, justify="right", no_wrap=True
        )
    table.add_column("traits")
    for f in content.fighters.values():
        table.add_row(
            f.id,
            short_name(f) if compact else f.name,
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
    return table


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
