"""``kessen history``: battles kept in the database, and adding records to it.

``kessen history`` lists stored battles (newest first), ``kessen history add FILE...``
stores records, ``kessen history record ID`` prints a stored record (for ``replay``).
The database is ``KESSEN_DATABASE_URL`` or a SQLite file under the user's data folder.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from kessen.cli.common import dump_json_line
from kessen.errors import KessenError
from kessen.replay import load_record

if TYPE_CHECKING:  # storage pulls in SQLAlchemy and Alembic: only the history commands pay
    from kessen.storage import Store, StoredBattle

__all__ = ["register"]

history_app = typer.Typer(
    help="Battles kept in the database (KESSEN_DATABASE_URL, or SQLite in your data folder)."
)

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="Database URL (default: KESSEN_DATABASE_URL or SQLite)."),
]


@history_app.callback(invoke_without_command=True)
def history(
    ctx: typer.Context,
    fighter: Annotated[
        str | None, typer.Option(help="Only battles this fighter started in.")
    ] = None,
    player: Annotated[str | None, typer.Option(help="Only battles this player played.")] = None,
    outcome: Annotated[
        str | None,
        typer.Option(help="win, loss or draw, for the fighter's or player's side."),
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many battles.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per battle.")] = False,
    database: DatabaseOption = None,
) -> None:
    """List stored battles, newest first."""
    ctx.obj = database
    if ctx.invoked_subcommand is not None:
        return
    from kessen.storage import OUTCOMES

    if outcome is not None and outcome not in OUTCOMES:
        raise KessenError(f"--outcome must be win, loss or draw, not {outcome!r}")
    store = _open_store(database)
    try:
        found = store.battles(fighter=fighter, player=player, outcome=outcome, limit=limit)
    finally:
        store.close()
    if json_out:
        for battle in found:
            dump_json_line(battle.as_dict())
        return
    if not found:
        typer.echo(f"no stored battles match (database {store.shown_url})")
    for battle in found:
        typer.echo(_line(battle))


def _open_store(url: str | None) -> Store:
    """The store to use; an in-memory SQLite one is refused (it would keep nothing)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from kessen.storage import open_store

    store = open_store(url)
    try:
        parsed = make_url(store.url)
    except ArgumentError:
        return store  # the store says what is wrong with it, on first use
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise KessenError(
            f"database {store.url!r} is in memory and would keep nothing: "
            "name a file (sqlite:///path/to/kessen.db)"
        )
    return store


def _line(b: StoredBattle) -> str:
    when = b.created.strftime("%Y-%m-%d %H:%M")
    return (
        f"#{b.id:<5} {when}  {b.sides[0]} vs {b.sides[1]}  {b.verdict()} "
        f"({b.turns} turn{'' if b.turns == 1 else 's'})  "
        f"[{b.players[0]} vs {b.players[1]}, seed {b.seed}, {b.pack} {b.version}]"
    )


@history_app.command("add")
def add(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Battle records (JSON lines).")],
) -> None:
    """Store battle records in the database."""
    store = _open_store(ctx.obj)
    try:
        for file in files:
            added = store.add(load_record(file))
            state = "stored" if added.new else "already stored"
            typer.echo(f"{file}: {state} as #{added.id}")
    finally:
        store.close()


@history_app.command("record")
def record(
    ctx: typer.Context,
    battle_id: Annotated[int, typer.Argument(help="The battle's number in the list.")],
) -> None:
    """Print a stored battle's record (to save, then check with kessen replay verify)."""
    store = _open_store(ctx.obj)
    try:
        sys.stdout.write(store.record_text(battle_id))
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    app.add_typer(history_app, name="history")
