"""How strong the players are, and how long ``search`` takes to decide.

    python benchmarks/arena.py                        # 400 games a line, 2 processes
    python benchmarks/arena.py --games 100 --pairings mirror
    python benchmarks/arena.py --timing-only          # only the decision times

Strength: ``kessen arena`` for search vs heuristic, search vs random and heuristic vs
random, on mirrored seeds, with ``mirror`` pairings (each fighter against itself: no game
is decided by the matchup) and ``all`` pairings (every fighter against every fighter).
The results depend only on the seeds and the budgets, not on the machine; the table is
printed in Markdown for ``benchmarks/RESULTS.md``.

Time: CPU milliseconds ``search`` (default budget) takes per decision, on one core,
against the heuristic player, over one-on-one duels and team battles (where clones and
summons crowd the field).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from kessen.arena import run_arena
from kessen.content import load_starter_pack
from kessen.engine import Battle
from kessen.players import Request, make_player

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from duels import machine_info  # a sibling script, not a package

__all__ = ["decision_times", "main"]

MATCHES = (("search", "heuristic"), ("search", "random"), ("heuristic", "random"))
TIMING_BATTLES = (
    ("naruto", "sasuke"),
    ("kakashi", "itachi"),
    ("zabuza", "haku"),
    ("naruto+kakashi", "itachi+zabuza"),
    ("kakashi+kiba", "naruto+gaara"),
)


def decision_times(player: str = "search", rounds: int = 2) -> list[float]:
    """CPU seconds of each decision ``player`` makes against the heuristic player."""
    pack = load_starter_pack()
    times: list[float] = []
    for seed in range(rounds):
        for a, b in TIMING_BATTLES:
            battle = Battle([pack.team(a), pack.team(b)], seed=seed, catalog=pack.catalog)
            players = [make_player(player, seed, 0), make_player("heuristic", seed, 1)]
            while not battle.over:
                choices = []
                for side in (0, 1):
                    request = Request.for_side(battle, side)
                    if not request.legal:
                        continue
                    start = time.process_time()
                    choices.extend(players[side].choose(request))
                    if side == 0:
                        times.append(time.process_time() - start)
                battle.play_turn(choices)
    return times


def _timing() -> None:
    times = sorted(decision_times())
    ms = [1000 * t for t in times]
    print(
        f"search decision time (CPU ms, {len(ms)} decisions): mean {statistics.mean(ms):.0f}, "
        f"median {ms[len(ms) // 2]:.0f}, 95th percentile {ms[int(len(ms) * 0.95)]:.0f}, "
        f"max {ms[-1]:.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Player strength and search decision time.")
    parser.add_argument("--games", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pairings", choices=("mirror", "all", "both"), default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timing-only", action="store_true")
    args = parser.parse_args(argv)
    print(f"machine: {machine_info()}")
    _timing()
    if args.timing_only:
        return 0
    kinds = ("mirror", "all") if args.pairings == "both" else (args.pairings,)
    print(
        "\n| A vs B | pairings | games | A wins | B wins | draws "
        "| A win rate (95% CI) | Elo A-B (95% CI) | wall |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for a, b in MATCHES:
        for kind in kinds:
            start = time.perf_counter()
            r = run_arena(a, b, args.games, args.seed, pairings=kind, workers=args.workers)
            low, high = r.interval
            elo = "unbounded" if r.elo is None else f"{r.elo:+.0f}"
            low_elo, high_elo = r.elo_interval
            elo_low = "-inf" if low_elo is None else f"{low_elo:+.0f}"
            elo_high = "+inf" if high_elo is None else f"{high_elo:+.0f}"
            print(
                f"| {a} vs {b} | {kind} | {r.games} | {r.wins_a} | {r.wins_b} | {r.draws} "
                f"| {r.win_rate:.1%} ({low:.1%}-{high:.1%}) | {elo} ({elo_low} to {elo_high}) "
                f"| {time.perf_counter() - start:.1f} s |"
            )
    print(
        f"\ncommand: kessen arena A B -n {args.games} --seed {args.seed} --pairings KIND "
        f"-j {args.workers}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
