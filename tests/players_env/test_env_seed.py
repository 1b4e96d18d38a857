"""Same seed, same trajectories; and the check is shown to catch an unseeded environment."""

from __future__ import annotations

import os

import pytest

from kessen.env import DuelEnv, KessenParallelEnv, parallel_env

from .seedcheck import assert_same_trajectories, trajectory


class UnseededEnv(KessenParallelEnv):
    """Deliberately broken: ignores the seed it is given and draws one from the OS."""

    def reset(self, seed=None, options=None):
        return super().reset(seed=int.from_bytes(os.urandom(8), "little"), options=options)


class _SingleAgent:
    """The Gymnasium env seen through the parallel env's shape, for :func:`trajectory`."""

    def __init__(self, env: DuelEnv) -> None:
        self.env = env
        self.agents: list[str] = []

    def reset(self, seed=None):
        observation, info = self.env.reset(seed=seed)
        self.agents = ["p1"]
        return {"p1": observation}, {"p1": info}

    def step(self, actions):
        observation, reward, terminated, truncated, info = self.env.step(actions["p1"])
        if terminated or truncated:
            self.agents = []
        return (
            {"p1": observation},
            {"p1": reward},
            {"p1": terminated},
            {"p1": truncated},
            {"p1": info},
        )


@pytest.mark.parametrize("sides", [("naruto", "sasuke"), None, ("kakashi+lee", "itachi")])
def test_same_seed_same_trajectories(sides) -> None:
    assert_same_trajectories(lambda: parallel_env(sides=sides), seed=2024)


def test_gym_env_same_seed_same_trajectories() -> None:
    assert_same_trajectories(lambda: _SingleAgent(DuelEnv(opponent="search:sims=8")), seed=5)


def test_different_seeds_give_different_trajectories() -> None:
    # Otherwise the check above would pass an environment that ignores its seed.
    assert trajectory(parallel_env(), 1) != trajectory(parallel_env(), 2)


def test_the_check_catches_an_unseeded_environment() -> None:
    with pytest.raises(AssertionError, match="trajectories differ"):
        assert_same_trajectories(lambda: UnseededEnv(), seed=2024)
