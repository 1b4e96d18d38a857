"""The environments pass the field's own conformance tests."""

from __future__ import annotations

import warnings

import gymnasium
import pytest
from gymnasium.utils.env_checker import check_env
from pettingzoo.test import parallel_api_test, parallel_seed_test

from kessen.env import ENV_ID, DuelEnv, parallel_env
from kessen.errors import IllegalChoiceError, KessenError


@pytest.mark.parametrize(
    "sides", [("naruto", "sasuke"), ("kakashi", "kakashi"), None, ("naruto+sasuke", "kakashi")]
)
def test_parallel_api(sides) -> None:
    parallel_api_test(parallel_env(sides=sides), num_cycles=200)


def test_pettingzoo_seed_test() -> None:
    parallel_seed_test(lambda: parallel_env(sides=None), num_cycles=50)


def test_gymnasium_check_env() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the checker only warns: make its warnings count
        check_env(DuelEnv(), skip_render_check=True)


def test_registered_with_gymnasium() -> None:
    env = gymnasium.make(ENV_ID, opponent="random", sides=("lee", "neji"))
    check_env(env.unwrapped)
    observation, info = env.reset(seed=3)
    assert observation["observation"].shape == env.observation_space["observation"].shape
    assert info["seed"] == 3


def test_a_gym_episode_ends_with_the_battle_and_a_reward() -> None:
    env = DuelEnv(opponent="random")
    observation, _ = env.reset(seed=11)
    total, done, steps = 0.0, False, 0
    while not done:
        legal = [i for i, bit in enumerate(observation["action_mask"]) if bit]
        observation, reward, done, truncated, info = env.step(legal[0])
        assert not truncated
        total += reward
        steps += 1
    assert info["end_reason"] in ("defeat", "draw", "turn_limit")
    expected = 0.0 if info["winner"] is None else (1.0 if info["winner"] == "p1" else -1.0)
    assert total == expected
    assert steps == env.parallel.current.turn


def test_illegal_action_forfeits_or_raises() -> None:
    env = parallel_env()
    observations, _ = env.reset(seed=1)
    bad = next(i for i, bit in enumerate(observations["p1"]["action_mask"]) if not bit)
    good = next(i for i, bit in enumerate(observations["p2"]["action_mask"]) if bit)
    _, rewards, terminated, _, infos = env.step({"p1": bad, "p2": good})
    assert rewards == {"p1": -1.0, "p2": 1.0}
    assert terminated == {"p1": True, "p2": True}
    assert infos["p1"]["illegal_action"] and not infos["p2"]["illegal_action"]
    assert env.agents == []

    strict = parallel_env(illegal="raise")
    strict.reset(seed=1)
    with pytest.raises(IllegalChoiceError, match="not legal"):
        strict.step({"p1": bad, "p2": good})
    with pytest.raises(IllegalChoiceError):
        strict.step({"p1": "rasengan", "p2": good})


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(KessenError):
        parallel_env(illegal="ignore")
    with pytest.raises(KessenError):
        parallel_env(sides=("naruto", "nobody"))
    with pytest.raises(KessenError):
        DuelEnv(opponent="nobody")
    with pytest.raises(KessenError):
        parallel_env().step({"p1": 0, "p2": 0})
