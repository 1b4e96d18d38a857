"""How fast odds run: battles and turns per second of ``kessen odds naruto sasuke``.

Runs the same seeded battles on one core and on every core and prints the machine, the
rates and the speed-up.  ``--profile`` also profiles a one-core run with cProfile and
prints the functions where the time goes.

    .venv/bin/python benchmarks/odds.py                     # 20,000 battles
    .venv/bin/python benchmarks/odds.py --battles 100000    # the target: < 60 s on 2 cores
    .venv/bin/python benchmarks/odds.py --profile --battles 5000

The counts of both runs are compared: different counts would be a determinism bug.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import sys
import time
from typing import Any

from kessen.odds import MatchSpec, run_odds
from kessen.odds.backends import cpu_count


def machine() -> dict[str, Any]:
    """CPU model, cores and Python: what a reader needs to compare figures."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "usable_cores": cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": f"{platform.system()} {platform.release()}",
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed_run(spec: MatchSpec, battles: int, workers: int) -> dict[str, Any]:
    """Wall-clock rates, and the CPU seconds spent: on a busy machine, battles per CPU
    second is the steadier measure of the code itself."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    cpu = _cpu_seconds()
    start = time.perf_counter()
    result = run_odds(spec, battles, workers=workers)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    tally = result.tally
    return {
        "workers": workers,
        "battles": tally.battles,
        "turns": tally.turns,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "load_before": load,
        "battles_per_s": round(tally.battles / seconds, 1),
        "turns_per_s": round(tally.turns / seconds, 1),
        "battles_per_cpu_s": round(tally.battles / cpu, 1) if cpu else None,
        "wins": tally.wins,
        "draws": tally.draws,
    }


def profile(spec: MatchSpec, battles: int, top: int) -> str:
    """cProfile of a one-core run: the ``top`` functions by their own time, then by total."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_odds(spec, battles, workers=1)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--battles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sides", nargs=2, default=["naruto", "sasuke"])
    parser.add_argument("--workers", type=int, default=cpu_count(), help="for the all-core run")
    parser.add_argument("--profile", action="store_true", help="also cProfile a one-core run")
    parser.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    spec = MatchSpec((args.sides[0], args.sides[1]), seed=args.seed)
    runs = [timed_run(spec, args.battles, 1)]
    if args.workers > 1:
        runs.append(timed_run(spec, args.battles, args.workers))
    same = all(
        (r["wins"], r["draws"], r["turns"]) == (runs[0]["wins"], runs[0]["draws"], runs[0]["turns"])
        for r in runs
    )
    report = {
        "machine": machine(),
        "sides": args.sides,
        "seed": args.seed,
        "runs": runs,
        "same_counts": same,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        m = report["machine"]
        print(
            f"machine: {m['cpu']}, {m['usable_cores']} usable of {m['cores']} cores, "
            f"{m['python']}, {m['system']}"
        )
        print(f"odds {' '.join(args.sides)}, seed {args.seed}, heuristic vs heuristic")
        for r in runs:
            print(
                f"  {r['workers']:>2} worker(s): {r['battles']:,} battles in {r['seconds']:.1f} s"
                f" = {r['battles_per_s']:,.0f} battles/s, {r['turns_per_s']:,.0f} turns/s"
                f" ({r['battles_per_cpu_s']:,.0f} per CPU second;"
                f" load average before: {r['load_before']:.1f})"
            )
        if len(runs) > 1:
            print(f"  speed-up: {runs[0]['seconds'] / runs[1]['seconds']:.2f}x")
            per_100k = 100_000 / runs[1]["battles_per_s"]
            print(f"  100,000 battles on {runs[1]['workers']} workers: about {per_100k:.0f} s")
        print(f"  same counts on every run: {same}")
    if args.profile:
        print(profile(spec, min(args.battles, 5_000), args.top))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
