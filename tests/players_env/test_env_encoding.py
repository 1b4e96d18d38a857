"""The encoder's caches change nothing: a long-lived environment's arrays are those of a
fresh encoder, and every array handed out is the caller's own."""

from __future__ import annotations

import gc

import numpy as np
import pytest

from kessen.engine import RandomStream
from kessen.env import parallel_env
from kessen.env.encoding import Encoder


def _play(env, steps: int, check) -> None:
    stream = RandomStream(11)
    observations, _ = env.reset(seed=5)
    for _ in range(steps):
        check(env, observations)
        actions = {}
        for agent in env.agents:
            legal = np.flatnonzero(observations[agent]["action_mask"])
            actions[agent] = int(legal[stream.below(len(legal))])
        observations, *_ = env.step(actions)
        if not env.agents:
            gc.collect()  # the battle's clone specs die: their ids may come back
            observations, _ = env.reset()


def test_cached_arrays_match_a_fresh_encoder() -> None:
    # Two clone makers a side: a battle's clone specs are new objects every episode.
    env = parallel_env(sides=("naruto+kakashi", "sasuke+neji"))

    def check(env, observations) -> None:
        fresh = Encoder(env.layout)
        battle = env.current
        vectors, leads, fields = fresh.observe(battle)
        for side, agent in enumerate(("p1", "p2")):
            got = observations[agent]
            assert got["observation"].dtype == np.float32
            assert np.array_equal(got["observation"], vectors[side])
            if not battle.over:
                table = fresh.legal_actions(battle, side, fields, leads[side])
                assert env._legal[side] == table
                assert sorted(np.flatnonzero(got["action_mask"])) == sorted(table)

    _play(env, 600, check)


def test_arrays_are_fresh_and_writable() -> None:
    env = parallel_env(sides=("naruto", "sasuke"))
    kept: list[dict[str, np.ndarray]] = []

    def check(env, observations) -> None:
        for agent in ("p1", "p2"):
            arrays = observations[agent]
            assert arrays["observation"].flags.writeable
            assert arrays["action_mask"].flags.writeable
            kept.append({k: v.copy() for k, v in arrays.items()})
            # Scribbling on what was handed out must not reach the next step's arrays.
            arrays["observation"][:] = -1.0
            arrays["action_mask"][:] = 7

    _play(env, 200, check)
    for arrays in kept:
        assert arrays["observation"].min() >= 0.0
        assert set(np.unique(arrays["action_mask"])) <= {0, 1}


@pytest.mark.filterwarnings("ignore:overflow encountered in cast:RuntimeWarning")
def test_values_beyond_float32_are_clipped_like_any_other(pack) -> None:
    # Packed as bytes, a value beyond float32 cannot be written: the encoder falls back to
    # numpy, which makes it inf, and the clip bounds it like any value above HIGH.
    import dataclasses

    from kessen.engine import Battle
    from kessen.env.encoding import HIGH, Layout

    naruto, sasuke = pack.fighter("naruto"), pack.fighter("sasuke")
    observed = []
    for speed in (int(HIGH * 100), 10**42):
        fast = dataclasses.replace(sasuke, speed=speed)
        battle = Battle([[naruto], [fast]], seed=3)
        battle.play_turn([battle.legal_choices(uid)[0] for uid in battle.pending()])
        vectors = Encoder(Layout.for_fighters([naruto, fast])).observe(battle)[0]
        observed.append(np.concatenate(vectors))
    assert observed[0].max() == HIGH
    assert np.array_equal(observed[0], observed[1])
