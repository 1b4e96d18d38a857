"""Unit rows packed straight into the observation buffer are the rows the list path
builds (the one the encoder falls back on for values beyond float32), for every kind of
unit: fighters with seals, beasts and resolve, clones, summons, units down."""

from __future__ import annotations

import numpy as np
import pytest

from kessen.engine import RandomStream
from kessen.env import encoding, parallel_env
from kessen.env.encoding import Encoder


def _list_path(encoder: Encoder, battle) -> tuple[np.ndarray, np.ndarray]:
    """The observation vectors built from the rows as lists, through numpy."""
    packing = encoding._pack_changing

    def overflow(*args: object) -> None:
        raise OverflowError

    encoding._pack_changing = overflow
    try:
        return encoder.observe(battle)[0]
    finally:
        encoding._pack_changing = packing


@pytest.mark.parametrize(
    "sides", [None, ("naruto+kakashi", "sasuke+neji"), ("gaara+naruto", "sasuke+itachi")]
)
def test_packed_rows_match_the_list_rows(sides) -> None:
    env = parallel_env(sides=sides)
    stream = RandomStream(7)
    observations, _ = env.reset(seed=3)
    packed, listed = Encoder(env.layout), Encoder(env.layout)
    kinds: set[tuple[str, str]] = set()

    def check(battle, observations) -> None:
        fast = packed.observe(battle)[0]
        slow = _list_path(listed, battle)
        for side, agent in enumerate(("p1", "p2")):
            assert fast[side].tobytes() == slow[side].tobytes()
            assert observations[agent]["observation"].tobytes() == fast[side].tobytes()
        kinds.update((u.role, u.status) for u in battle.units)

    check(env.current, observations)
    for _ in range(1500):
        actions = {}
        for agent in env.agents:
            legal = observations[agent]["action_mask"].nonzero()[0].tolist()
            actions[agent] = legal[stream.below(len(legal))]
        observations, *_ = env.step(actions)
        check(env.current, observations)  # the last observation of a battle too
        if not env.agents:
            observations, _ = env.reset()
            check(env.current, observations)
    # The play reached units of every role and fighters down.
    assert any(role == "fighter" and status != "ok" for role, status in kinds)
    assert any(role != "fighter" for role, _ in kinds)
