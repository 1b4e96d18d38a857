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
from typing import Annotated, Any

import typer

from kessen.cli.common import PackOption, dump_json_line, parse_players
from kessen.engine import DEFAULT_TURN_LIMIT
from kessen.errors import KessenError
from kessen.odds.match import MatchSpec, PackSource
from kessen.odds.runner import check_battles
from kessen.players import player_names

__all__ = [
    "check_plot_path",
    "odds",
    "parse_workers",
    "progress_columns",
    "register",
    "tournament",
]

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
        str | None,
        typer.Option("--scenario", help="Take the sides from a scenario (or give its name as A)."),
    ] = None,
    turn_limit: Annotated[
        int | None,
        typer.Option(
            "--turn-limit",
            help=f"Turns before a battle is called a draw (the scenario's, else "
            f"{DEFAULT_TURN_LIMIT}).",
        ),
    ] = None,
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
    check_plot_path(plot)
    source = PackSource.of(pack)
    if scenario is None and side_b is None and side_a is not None:
        from kessen.odds.scenario import is_scenario

        if is_scenario(side_a):  # `kessen odds valley-of-the-end`
            scenario, side_a = side_a, None
    sides, stakes, limit = _sides(side_a, side_b, scenario, source, turn_limit)
    spec = MatchSpec(sides, seed, chosen, source, limit, stakes)
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
        if scenario is not None:  # what the scenario changes, for a fan who wonders why
            from kessen.cli.common import get_pack
            from kessen.scenario.note import scenario_note_for

            sys.stdout.write(scenario_note_for(scenario, get_pack(pack)) + "\n")
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
    check_plot_path(plot)
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


def check_plot_path(plot: Path | None) -> None:
    """Refuse a plot file that cannot be written before any battle is played (a long run
    should not end in an error about its picture)."""
    if plot is None:
        return
    folder = plot.parent
    if not folder.is_dir():
        raise KessenError(f"cannot write the plot to {str(plot)!r}: no folder {str(folder)!r}")
    if plot.is_dir():
        raise KessenError(f"cannot write the plot to {str(plot)!r}: it is a folder")


def _sides(
    side_a: str | None,
    side_b: str | None,
    scenario: str | None,
    source: PackSource,
    turn_limit: int | None,
) -> tuple[tuple[str, str], tuple[str, ...], int]:
    """The two sides, the fighters with everything at stake, and the turn limit (the one
    asked for, else the scenario's, else the default)."""
    if scenario is not None:
        if side_a is not None or side_b is not None:
            raise KessenError("give either two sides (A B) or --scenario, not both")
        from kessen.odds.scenario import scenario_matchup

        matchup = scenario_matchup(scenario, source)
        if turn_limit is None:
            turn_limit = matchup.turn_limit or DEFAULT_TURN_LIMIT
        return matchup.sides, matchup.stakes, turn_limit
    if side_a is None or side_b is None:
        raise KessenError(
            "give two sides, e.g. 'kessen odds naruto sasuke', or a scenario "
            "('kessen odds valley-of-the-end')"
        )
    return (side_a, side_b), (), DEFAULT_TURN_LIMIT if turn_limit is None else turn_limit


def progress_columns() -> tuple[Any, ...]:
    """The progress bar's columns: label, bar, battles done of all, rate and time left.

    Rate and time left come from the whole run so far, not from rich's estimate over
    its last few updates: chunks finish in bursts (every worker at once), and a window
    that spans a burst reads as a hundred times the real rate.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        Task,
        TextColumn,
    )
    from rich.text import Text

    def rate(task: Task) -> float | None:
        elapsed = task.elapsed
        return task.completed / elapsed if task.completed and elapsed else None

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = rate(task)
            if speed is None:
                return Text("")
            return Text(f"{speed:,.{0 if speed >= 10 else 1}f} battles/s")

    class TimeLeftColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = rate(task)
            if speed is None or task.total is None:
                return Text("-:--:-- left", style="progress.remaining")
            seconds = round(max(0.0, task.total - task.completed) / speed)
            minutes, secs = divmod(seconds, 60)
            hours, minutes = divmod(minutes, 60)
            return Text(f"{hours}:{minutes:02d}:{secs:02d} left", style="progress.remaining")

    return (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeLeftColumn(),
    )


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on standard error when it is a terminal; else nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    columns = progress_columns()
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def register(app: typer.Typer) -> None:
    app.command("odds")(odds)
    app.command("tournament")(tournament)
