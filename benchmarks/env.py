"""How fast the environments step, on one core.

    python benchmarks/env.py                     # naruto vs sasuke, 20,000 steps each
    python benchmarks/env.py --steps 100000      # steadier figures
    python benchmarks/env.py --sides kakashi itachi --profile

Three measurements: the PettingZoo ``ParallelEnv`` with both agents choosing uniformly
among their legal actions (one step = one turn of the battle, both sides' arrays built),
and the Gymnasium ``kessen/Duel-v0`` env against the ``random`` and the ``heuristic``
player (one step includes the opponent's decision).  Actions are drawn from a
:class:`~kessen.engine.RandomStream`, so the runs are the same every time.  Steps per
second are per CPU second of this process; the issue's aim is 20,000 a second.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable

import numpy as np

from kessen.engine import RandomStream
from kessen.env import DuelEnv, parallel_env

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from duels import machine_info

__all__ = ["main", "run_gym", "run_parallel"]

TARGET = 20_000


def _pick(mask: np.ndarray, stream: RandomStream) -> int:
    # The mask's own nonzero() and a list: the same draw as np.flatnonzero's array, without
    # its Python wrappers (this choice is the benchmark's cost, not the environment's).
    legal = mask.nonzero()[0].tolist()
    return legal[stream.below(len(legal))]


def run_parallel(sides: tuple[str, str], steps: int) -> tuple[float, int, int]:
    """CPU seconds, steps and episodes of ``steps`` parallel-env steps."""
    env = parallel_env(sides=sides)
    stream = RandomStream(1)
    observations, _ = env.reset(seed=1)
    episodes = 1
    start = time.process_time()
    for _ in range(steps):
        actions = {a: _pick(observations[a]["action_mask"], stream) for a in env.agents}
        observations, *_ = env.step(actions)
        if not env.agents:
            observations, _ = env.reset()
            episodes += 1
    return time.process_time() - start, steps, episodes


def run_gym(sides: tuple[str, str], opponent: str, steps: int) -> tuple[float, int, int]:
    """CPU seconds, steps and episodes of ``steps`` Gymnasium-env steps."""
    env = DuelEnv(sides, opponent=opponent)
    stream = RandomStream(2)
    observation, _ = env.reset(seed=1)
    episodes = 1
    start = time.process_time()
    for _ in range(steps):
        observation, _, done, truncated, _ = env.step(_pick(observation["action_mask"], stream))
        if done or truncated:
            observation, _ = env.reset()
            episodes += 1
    return time.process_time() - start, steps, episodes


def _report(label: str, measure: Callable[[int], tuple[float, int, int]], steps: int) -> float:
    measure(max(100, steps // 20))  # warm-up
    cpu, done, episodes = measure(steps)
    rate = done / cpu
    mark = "meets" if rate >= TARGET else "below"
    print(
        f"{label:34} {rate:9,.0f} steps/s ({1e6 / rate:5.0f} us a step, "
        f"{done / episodes:4.1f} steps an episode) - {mark} the {TARGET:,}/s aim"
    )
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Environment steps per second on one core.")
    parser.add_argument("--steps", type=int, default=20_000, help="steps per measurement")
    parser.add_argument("--sides", nargs=2, default=("naruto", "sasuke"), metavar=("A", "B"))
    parser.add_argument("--profile", action="store_true", help="add a cProfile top 20")
    args = parser.parse_args(argv)
    if args.steps < 1:
        parser.error("--steps must be at least 1")
    sides = (args.sides[0], args.sides[1])
    print(f"machine: {machine_info()}")
    print(f"one core, one process; {sides[0]} vs {sides[1]}; CPU time of this process")
    _report("parallel env, random legal actions", lambda n: run_parallel(sides, n), args.steps)
    for opponent in ("random", "heuristic"):
        _report(
            f"kessen/Duel-v0 vs {opponent}", lambda n, o=opponent: run_gym(sides, o, n), args.steps
        )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_parallel(sides, args.steps)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue().split("\n", 4)[-1].rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
