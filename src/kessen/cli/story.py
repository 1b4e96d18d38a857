"""``kessen story SCENARIO``: play a scenario's battle, simulate its aftermath, tell it all.

``kessen story --list`` lists the scenarios; ``--scenario-file`` tells one from any TOML
file.  ``--json`` prints the events of both phases, one JSON object per line, each with
a ``phase`` field (``battle`` or ``aftermath``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kessen.aftermath import event_to_dict as aftermath_event_to_dict
from kessen.aftermath import play_scenario, run_aftermath
from kessen.cli.common import (
    PackOption,
    SaveOption,
    dump_json_line,
    get_pack,
    parse_players,
    record_path,
    say_written,
)
from kessen.engine.events import event_to_dict
from kessen.errors import KessenError
from kessen.narration import FORMATS, compose_story, tell_battle
from kessen.narration.render import render_rich
from kessen.players import player_names
from kessen.scenario import Scenario, list_scenarios, load_scenario, load_scenario_file

__all__ = ["register", "story"]


def story(
    scenario: Annotated[
        str | None, typer.Argument(help="A scenario id (see --list), e.g. valley-of-the-end.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the battle (and of its telling).")] = 7,
    format: Annotated[
        str, typer.Option("--format", help="text, markdown or html (a page with a chart).")
    ] = "text",
    json_out: Annotated[
        bool, typer.Option("--json", help="The events of both phases, one JSON per line.")
    ] = False,
    save: SaveOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the story (in --format) to this file."
        ),
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", help="List the scenarios.")] = False,
    scenario_file: Annotated[
        Path | None, typer.Option("--scenario-file", help="A scenario TOML file to tell.")
    ] = None,
    players: Annotated[
        str, typer.Option(help="Who chooses for each side: P or P,Q (heuristic, random, ...).")
    ] = "heuristic",
    pack: PackOption = None,
) -> None:
    """Play a scenario, simulate the rescue that follows, and tell the whole story."""
    if list_all:
        _list()
        return
    save = record_path(save, story_option="-o")
    chosen = _scenario(scenario, scenario_file)
    if format not in FORMATS:
        raise KessenError(f"unknown format {format!r}: use {', '.join(FORMATS)}")
    content = get_pack(pack)
    who = parse_players(players, player_names())
    battle = play_scenario(chosen, content, seed, who)
    aftermath = run_aftermath(battle, chosen, content)
    if save:
        _save(battle, content, save, who, chosen)
    if json_out:
        _json(battle, aftermath, output)
        return
    if output is None and format == "text" and sys.stdout.isatty():
        from rich.console import Console

        render_rich(compose_story(battle, content, scenario=chosen, aftermath=aftermath), Console())
        return
    text = tell_battle(battle, content, format=format, scenario=chosen, aftermath=aftermath)
    if output is not None:
        output.write_text(text, "utf-8")
        say_written(output, "the story")
    else:
        sys.stdout.write(text)


def _scenario(name: str | None, path: Path | None) -> Scenario:
    if path is not None:
        if name is not None:
            raise KessenError("name a scenario or give --scenario-file, not both")
        return load_scenario_file(path)
    if name is None:
        raise KessenError("name a scenario (kessen story --list shows them)")
    return load_scenario(name)


def _list() -> None:
    for s in list_scenarios():
        sides = " vs ".join("+".join(side) for side in s.sides)
        typer.echo(f"{s.id:<22} {s.title:<28} {sides}")


def _json(battle, aftermath, output: Path | None) -> None:
    out = output.open("w", encoding="utf-8") if output is not None else sys.stdout
    try:
        for e in battle.events:
            data = event_to_dict(e)
            dump_json_line({"type": data.pop("type"), "phase": "battle", **data}, out)
        for e in aftermath.events:
            dump_json_line(aftermath_event_to_dict(e), out)
    finally:
        if output is not None:
            out.close()


def _save(battle, pack, path: str, players, scenario: Scenario) -> None:
    try:
        from kessen.replay import save_record
    except ImportError:
        raise KessenError("--save needs kessen.replay, which is not built yet") from None
    sides = tuple("+".join(side) for side in scenario.sides)
    save_record(path, battle, pack, players=players, sides=sides, scenario=scenario.id)
    say_written(path, "the battle's record")


def register(app: typer.Typer) -> None:
    app.command("story")(story)
