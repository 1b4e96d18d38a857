"""``kessen odds A B`` and ``kessen tournament``: who would win, over many seeded battles.

The result goes to standard output and nothing else does; a progress bar (rate and time
left) is drawn on standard error only when it is a terminal.  Ctrl-C stops the run and
prints what finished so far, marked partial (exit code 130).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from kessen.cli.common import PackOption, dump_json_line, parse_players
from kessen.engine import DEFAULT_TURN_LIMIT
from kessen.errors import KessenError
from kessen.odds.match import MatchSpec, PackSource
from kessen.odds.runner import check_battles
from kessen.players import player_names

__all__ = ["odds", "parse_workers", "register", "tournament"]

#: Exit code of a run cut short by Ctrl-C (128 + SIGINT), after printing what it has.
INTERRUPTED = 130

Workers = Annotated[
    str, typer.Option("--workers", help="Worker processes: auto (every core) or a number.")
]
Seed = Annotated[int, typer.Option("--seed", help="Master seed: battle i gets derive_seed(S, i).")]
Players = Annotated[
    str, typer.Option("--players", help="Who chooses for each side: P or P,Q (heuristic, ...).")
]
Backend = Annotated[
    str, typer.Option("--backend", help="Where battles run: local (processes) or ray.")
]
RayAddress = Annotated[
    str | None,
    typer.Option("--ray-address", help="Ray cluster to use (else RAY_ADDRESS, else local Ray)."),
]
TurnLimit = Annotated[
    int, typer.Option("--turn-limit", help="Turns before a battle is called a draw.")
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print one JSON object (see docs/odds.md).")]


def parse_workers(text: str) -> int | None:
    """``auto`` -> None (every core); a whole number >= 1 -> itself.

    >>> parse_workers("auto"), parse_workers("3")
    (None, 3)
    """
    if text.strip().lower() == "auto":
        return None
    try:
        workers = int(text)
    except ValueError:
        workers = 0
    if workers < 1:
        raise KessenError(f"--workers takes 'auto' or a whole number >= 1, not {text!r}")
    return workers


def odds(
    side_a: Annotated[
        str | None, typer.Argument(help="First side: a fighter, or a team a+b.")
    ] = None,
    side_b: Annotated[str | None, typer.Argument(help="Second side.")] = None,
    battles: Annotated[int, typer.Option("-n", "--battles", help="Battles to play.")] = 100_000,
    seed: Seed = 7,
    workers: Workers = "auto",
    players: Players = "heuristic",
    backend: Backend = "local",
    ray_address: RayAddress = None,
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="Take the sides from a scenario.")
    ] = None,
    turn_limit: TurnLimit = DEFAULT_TURN_LIMIT,
    json_out: JsonOut = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw the odds as a PNG.")
    ] = None,
    pack: PackOption = None,
) -> None:
    """Play many battles between two sides and report who wins, how often and how."""
    from kessen.odds.odds import run_odds

    check_battles(battles)
    chosen = parse_players(players, player_names())
    count = parse_workers(workers)
    source = PackSource.of(pack)
    sides, stakes, turn_limit = _sides(side_a, side_b, scenario, source, turn_limit)
    spec = MatchSpec(sides, seed, chosen, source, turn_limit, stakes)
    spec.check()
    with _progress_bar(f"{sides[0]} vs {sides[1]}") as progress:
        result = run_odds(
            spec,
            battles,
            workers=count,
            backend=backend,
            ray_address=ray_address,
            progress=progress,
            scenario=scenario,
        )
    if plot is not None:
        from kessen.odds.plot import odds_figure, save_png

        save_png(odds_figure(result), plot)
    if json_out:
        dump_json_line(result.to_dict())
    else:
        from kessen.odds.report import odds_text

        sys.stdout.write(odds_text(result) + "\n")
    if result.partial:
        raise typer.Exit(INTERRUPTED)


def tournament(
    entrants: Annotated[
        list[str] | None,
        typer.Argument(help="Fighters or teams a+b (default: every fighter of the pack)."),
    ] = None,
    battles: Annotated[int, typer.Option("-n", "--battles", help="Battles per pair.")] = 1000,
    seed: Seed = 7,
    workers: Workers = "auto",
    players: Players = "heuristic",
    backend: Backend = "local",
    ray_address: RayAddress = None,
    turn_limit: TurnLimit = DEFAULT_TURN_LIMIT,
    json_out: JsonOut = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Draw the win-rate matrix as a heatmap PNG.")
    ] = None,
    pack: PackOption = None,
) -> None:
    """Every pair plays n battles: the win-rate matrix and a rating for each entrant."""
    from kessen.odds.tournament import run_tournament

    check_battles(battles)
    chosen = parse_players(players, player_names())
    count = parse_workers(workers)
    with _progress_bar("tournament") as progress:
        result = run_tournament(
            entrants,
            battles,
            seed,
            players=chosen,
            pack=PackSource.of(pack),
            turn_limit=turn_limit,
            workers=count,
            backend=backend,
            ray_address=ray_address,
            progress=progress,
        )
    if plot is not None:
        from kessen.odds.plot import heatmap_figure, save_png

        save_png(heatmap_figure(result), plot)
    if json_out:
        dump_json_line(result.to_dict())
    else:
        from kessen.odds.report import tournament_text

        sys.stdout.write(tournament_text(result) + "\n")
    if result.partial:
        raise typer.Exit(INTERRUPTED)


def _sides(
    side_a: str | None,
    side_b: str | None,
    scenario: str | None,
    source: PackSource,
    turn_limit: int,
) -> tuple[tuple[str, str], tuple[str, ...], int]:
    """The two sides, the fighters with everything at stake, and the turn limit."""
    if scenario is not None:
        if side_a is not None or side_b is not None:
            raise KessenError("give either two sides (A B) or --scenario, not both")
        from kessen.odds.scenario import scenario_matchup

        matchup = scenario_matchup(scenario, source)
        return matchup.sides, matchup.stakes, matchup.turn_limit or turn_limit
    if side_a is None or side_b is None:
        raise KessenError("give two sides, e.g. 'kessen odds naruto sasuke', or --scenario NAME")
    return (side_a, side_b), (), turn_limit


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on standard error when it is a terminal; else nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f} battles/s")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def register(app: typer.Typer) -> None:
    app.command("odds")(odds)
    app.command("tournament")(tournament)
