"""How fast the engine plays whole duels, on one core.

    python benchmarks/duels.py                   # heuristic and random naruto-vs-sasuke
    python benchmarks/duels.py --battles 5000    # more battles, steadier figures
    python benchmarks/duels.py --profile         # plus a cProfile top 20 of the heuristic run
    python benchmarks/duels.py --sides kakashi naruto+sasuke --players heuristic

Each battle is built from the starter pack and played to its end by two players, as
``kessen duel`` does (without printing).  Battles per second and turns per second are
measured over the whole run after a short warm-up; 100,000 battles of odds in a minute on
two cores need about 850 naruto-vs-sasuke battles a second on one core.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import sys
import time

from kessen.content import load_starter_pack
from kessen.engine import Battle, derive_seed
from kessen.players import make_player, play_out

__all__ = ["machine_info", "main", "run"]

#: What 100,000 battles of odds in a minute on two cores need of one core.
TARGET_PER_CORE = 850


def machine_info() -> str:
    """One line about the machine and the interpreter the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}; {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"{platform.python_implementation()} {platform.python_version()}"
    )


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def run(
    sides: tuple[str, str], players: str, battles: int, master_seed: int = 2024
) -> tuple[float, float, int, list[int]]:
    """Play ``battles`` duels.

    Returns wall-clock seconds, CPU seconds of this process (the fairer figure on a busy
    machine), turns played, and the outcomes (side 0 wins, side 1 wins, no winner).
    """
    pack = load_starter_pack()
    teams = [pack.team(sides[0]), pack.team(sides[1])]
    catalog = pack.catalog
    turns = 0
    outcomes = [0, 0, 0]
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(battles):
        seed = derive_seed(master_seed, i)
        battle = Battle(teams, seed=seed, catalog=catalog)
        play_out(battle, [make_player(players, seed, 0), make_player(players, seed, 1)])
        turns += battle.turn
        outcomes[2 if battle.winner is None else battle.winner] += 1
    return time.perf_counter() - start, time.process_time() - cpu, turns, outcomes


def _report(sides: tuple[str, str], players: str, battles: int) -> float:
    run(sides, players, max(10, battles // 20), master_seed=1)  # warm-up
    wall, cpu, turns, outcomes = run(sides, players, battles)
    print(
        f"{players} vs {players}, {sides[0]} vs {sides[1]}: {battles} battles, "
        f"{turns / battles:.1f} turns a battle; wins {outcomes[0]}/{outcomes[1]}, "
        f"no winner {outcomes[2]}\n"
        f"  cpu  {cpu:6.2f} s: {battles / cpu:7,.0f} battles/s {turns / cpu:8,.0f} turns/s "
        f"({1e6 * cpu / turns:.0f} us a turn)\n"
        f"  wall {wall:6.2f} s: {battles / wall:7,.0f} battles/s {turns / wall:8,.0f} turns/s"
    )
    return battles / cpu


def _profile(sides: tuple[str, str], players: str, battles: int, top: int = 20) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    run(sides, players, battles)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
        print(f"\n-- cProfile, {players} players, {battles} battles, top {top} by {order}")
        print(out.getvalue().split("\n", 4)[-1].rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Engine speed: whole duels on one core.")
    parser.add_argument("--battles", type=int, default=2000, help="battles per measurement")
    parser.add_argument("--sides", nargs=2, default=("naruto", "sasuke"), metavar=("A", "B"))
    parser.add_argument(
        "--players",
        action="append",
        help="player kind to measure (repeatable; default: heuristic and random)",
    )
    parser.add_argument("--profile", action="store_true", help="add a cProfile top 20")
    args = parser.parse_args(argv)
    if args.battles < 1:
        parser.error("--battles must be at least 1")
    sides = (args.sides[0], args.sides[1])
    kinds = args.players or ["heuristic", "random"]
    print(f"machine: {machine_info()}; load average {_load()}")
    print(
        f"one core, one process; target {TARGET_PER_CORE} battles/s a core"
        " (100,000 odds battles a minute on 2 cores)"
    )
    for players in kinds:
        _report(sides, players, args.battles)
    if args.profile:
        _profile(sides, kinds[0], max(200, args.battles // 4))
    return 0


if __name__ == "__main__":
    sys.exit(main())
