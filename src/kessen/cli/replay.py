"""``kessen replay verify|show FILE``: check a battle record, or tell the battle it holds.

``verify`` exits 0 when every turn matches, 1 when a turn differs (naming the first), and
2 when the file cannot be read or was made with other content (without ``--force``).
"""

from __future__ import annotations

import html
import sys
from typing import Annotated

import typer

from kessen.cli.common import PackOption, dump_json_line, get_pack
from kessen.content import Pack
from kessen.engine import Battle
from kessen.errors import KessenError, RecordError
from kessen.replay import Record, load_record, pack_mismatch, replay

__all__ = ["register"]

replay_app = typer.Typer(
    help="Check battle records and tell the battles they hold.", no_args_is_help=True
)

ForceOption = Annotated[
    bool, typer.Option("--force", help="Go on even if the record was made with other content.")
]
FileArgument = Annotated[str, typer.Argument(help="A battle record (JSON lines).")]
FORMATS = ("text", "markdown", "html")


def _open(file: str, pack_path, force: bool) -> tuple[Record, Pack]:
    record = load_record(file)
    pack = get_pack(pack_path)
    why = pack_mismatch(record, pack)
    if why and not force:
        raise RecordError(f"{file}: {why}")
    if why:
        print(f"kessen: warning: {file}: {why}", file=sys.stderr)
    return record, pack


@replay_app.command("verify")
def verify(
    file: FileArgument,
    force: ForceOption = False,
    pack: PackOption = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="The verdict as one JSON object.")
    ] = False,
) -> None:
    """Play the record again and check every turn's events (exit 1 at the first difference)."""
    record, content = _open(file, pack, force)
    verdict = replay(record, content, force=True)[1]
    if json_out:
        dump_json_line(
            {
                "file": file,
                "ok": verdict.ok,
                "turns": verdict.checked,
                "turn": verdict.turn,
                "reason": verdict.reason,
            }
        )
    elif verdict.ok:
        typer.echo(f"{file}: {verdict} ({record.describe()})")
    else:
        typer.echo(f"{file}: {verdict}")
    if not verdict.ok:
        raise typer.Exit(1)


@replay_app.command("show")
def show(
    file: FileArgument,
    format: Annotated[str, typer.Option("--format", help="text, markdown or html.")] = "text",
    force: ForceOption = False,
    pack: PackOption = None,
) -> None:
    """Tell the recorded battle, as kessen story would."""
    if format not in FORMATS:
        raise KessenError(f"--format must be text, markdown or html, not {format!r}")
    record, content = _open(file, pack, force)
    battle, verdict = replay(record, content, force=True)
    if not verdict.ok:
        if not force:
            raise RecordError(f"{file}: does not verify: {verdict} (--force tells it anyway)")
        print(f"kessen: warning: {file}: {verdict}", file=sys.stderr)
    sys.stdout.write(_tell(battle, content, record, format).rstrip("\n") + "\n")


def _tell(battle: Battle, pack: Pack, record: Record, format: str) -> str:
    try:
        from kessen.narration import tell_battle
    except ImportError as exc:
        if not (exc.name or "").startswith("kessen.narration"):
            raise
        return _referee_log(battle, record, format)
    scenario = _scenario(record)
    aftermath = None
    if scenario is not None and battle.over:  # narration tells only what it is given
        from kessen.aftermath import run_aftermath

        aftermath = run_aftermath(battle, scenario, pack)
    return tell_battle(battle, pack, format=format, scenario=scenario, aftermath=aftermath)


def _scenario(record: Record):
    """The scenario the record names, when Kessen knows it (its story needs it)."""
    if record.scenario is None:
        return None
    try:
        from kessen.scenario import load_scenario

        return load_scenario(record.scenario)
    except (ImportError, KessenError):
        print(f"kessen: warning: unknown scenario {record.scenario!r}", file=sys.stderr)
        return None


def _referee_log(battle: Battle, record: Record, format: str) -> str:
    """The turn-by-turn log of ``duel``, for when narration is not available."""
    from kessen.cli.battle_log import render_turn

    by_turn: list[list] = [[] for _ in range(battle.turn + 1)]
    for event in battle.events:
        by_turn[event.turn].append(event)
    lines = [record.describe()]
    for events in by_turn[1:]:
        lines += render_turn(battle, events, record.sides)
    text = "\n".join(lines)
    if format == "markdown":
        return f"## {record.sides[0]} vs {record.sides[1]}\n\n```\n{text}\n```"
    if format == "html":
        return f"<pre>\n{html.escape(text)}\n</pre>"
    return text


def register(app: typer.Typer) -> None:
    app.add_typer(replay_app, name="replay")
