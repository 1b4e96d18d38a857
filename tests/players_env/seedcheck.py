"""A seed test that compares whole trajectories, not a first observation.

PettingZoo's ``parallel_seed_test`` plays one episode with actions sampled without the
mask, which under the forfeit rule usually ends at the first step, before the seed has
mattered (with fixed sides the first observation does not depend on it).
:func:`assert_same_trajectories` plays several whole episodes (the seeded one and the
unseeded resets after it) with legal actions from a fixed stream and compares every
array, reward, flag and info.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from kessen.engine import RandomStream


def trajectory(env: Any, seed: int, episodes: int = 3, max_steps: int = 400) -> list[tuple]:
    """Everything ``env`` returns over ``episodes`` episodes, the first reset with ``seed``."""
    pick = RandomStream(seed ^ 0x5A5A)
    record: list[tuple] = []
    for episode in range(episodes):
        observations, infos = env.reset(seed=seed if episode == 0 else None)
        record.append(("reset", _plain(observations), _plain(infos)))
        for _ in range(max_steps):
            if not env.agents:
                break
            actions = {}
            for agent in env.agents:
                legal = np.flatnonzero(observations[agent]["action_mask"])
                actions[agent] = int(legal[pick.below(len(legal))])
            observations, rewards, terminated, truncated, infos = env.step(actions)
            record.append(
                (
                    "step",
                    actions,
                    _plain(observations),
                    rewards,
                    terminated,
                    truncated,
                    _plain(infos),
                )
            )
    return record


def assert_same_trajectories(make_env: Callable[[], Any], seed: int, episodes: int = 3) -> None:
    """Two environments from ``make_env``, the same seed: the same trajectories, exactly."""
    first = trajectory(make_env(), seed, episodes)
    second = trajectory(make_env(), seed, episodes)
    assert len(first) == len(second), (
        f"trajectories differ in length: {len(first)} != {len(second)}"
    )
    for step, (a, b) in enumerate(zip(first, second, strict=True)):
        assert a == b, f"trajectories differ at record {step}:\n{a}\n!=\n{b}"


def _plain(data: Any) -> Any:
    """Arrays as tuples, so that records compare with ``==``, exactly."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, np.ndarray):
        return (str(data.dtype), data.shape, data.tobytes())
    return data
