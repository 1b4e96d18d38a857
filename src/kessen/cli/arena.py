"""``kessen arena A B``: how much stronger one player is than another, measured.

Plays mirrored pairs of games (same sides, same seed, each player on each side) across
the roster, then reports A's win rate with a 95 % Wilson interval and the Elo difference
that A's score (draws as halves) implies.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kessen.arena import ArenaResult, check_player_spec, run_arena
from kessen.cli.common import PackOption, dump_json_line

__all__ = ["register"]


def arena(
    player_a: Annotated[
        str, typer.Argument(help="First player: heuristic, random, search, search:400 ...")
    ],
    player_b: Annotated[str, typer.Argument(help="Second player.")],
    games: Annotated[
        int, typer.Option("-n", "--games", help="Games to play (mirrored pairs).")
    ] = 400,
    seed: Annotated[
        int, typer.Option(help="Master seed; each pair's seed is derived from it.")
    ] = 1,
    roster: Annotated[
        str | None,
        typer.Option(
            help="Sides to draw from, comma-separated (a team is a+b); default: every fighter."
        ),
    ] = None,
    pairings: Annotated[
        str,
        typer.Option(help="mirror: each side against itself; all: every side against every side."),
    ] = "mirror",
    workers: Annotated[int, typer.Option("-j", "--workers", help="Processes to play on.")] = 1,
    turn_limit: Annotated[int, typer.Option(help="Turns before a battle is called a draw.")] = 40,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the result as one JSON object.")
    ] = False,
    pack: PackOption = None,
) -> None:
    """Play two players against each other on mirrored seeds and report who is stronger."""
    check_player_spec(player_a)
    check_player_spec(player_b)
    sides = [s.strip() for s in roster.split(",") if s.strip()] if roster else None
    progress = _progress(games) if sys.stderr.isatty() and not json_out else None
    try:
        result = run_arena(
            player_a,
            player_b,
            games,
            seed,
            pack_path=None if pack is None else str(pack),
            roster=sides,
            pairings=pairings,
            turn_limit=turn_limit,
            workers=max(1, workers),
            on_game=None if progress is None else progress[1],
        )
    finally:
        if progress is not None:
            progress[0].stop()
    if json_out:
        dump_json_line(result.to_dict())
        return
    _print(result)


def _progress(games: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),  # the report on stdout stays clean when redirected
    )
    task = bar.add_task("arena", total=games + games % 2)
    bar.start()
    return bar, lambda _result: bar.advance(task)


def _print(r: ArenaResult) -> None:
    low, high = r.interval
    out = sys.stdout
    out.write(
        f"Arena: {r.player_a} vs {r.player_b}, {r.games} games "
        f"({r.pairings} pairings of {len(r.roster)} sides, seed {r.seed})\n"
    )
    out.write(f"  {r.player_a} wins {r.wins_a}, {r.player_b} wins {r.wins_b}, draws {r.draws}\n")
    out.write(
        f"  {r.player_a} win rate {r.win_rate:.1%} (95% interval {low:.1%} to {high:.1%}), "
        f"score {r.score:.1%}\n"
    )
    elo_low, elo_high = r.elo_interval
    out.write(
        f"  Elo difference {_elo(r.elo)} (95% interval {_elo(elo_low)} to {_elo(elo_high)})\n"
    )


def _elo(value: float | None) -> str:
    return "unbounded" if value is None else f"{value:+.0f}"


def register(app: typer.Typer) -> None:
    app.command("arena")(arena)
