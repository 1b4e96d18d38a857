"""The action mask lists exactly the engine's legal choices, one action for each."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kessen.engine import RandomStream
from kessen.env import parallel_env
from kessen.env.encoding import lead_of

TEAMS = ["naruto", "sasuke", "kakashi", "itachi", "gaara", "neji", "lee", "haku", "medic+kiba"]


def _check_masks(env, observations) -> None:
    battle = env.current
    for side, agent in enumerate(("p1", "p2")):
        mask = observations[agent]["action_mask"]
        lead = lead_of(battle, side)
        table = env._legal[side]
        assert sorted(np.flatnonzero(mask)) == sorted(table)
        if lead is None:
            assert list(table) == [env.layout.wait]
            continue
        legal = battle.legal_choices(lead.uid)
        # A bijection: every legal choice has exactly one action, every action one choice.
        assert len(table) == len(legal)
        assert set(table.values()) == set(legal)
        for action, choice in table.items():
            assert env.action_meaning(agent, action) == choice.notation()


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    a=st.sampled_from(TEAMS),
    b=st.sampled_from(TEAMS),
)
def test_masks_are_the_legal_choices(seed: int, a: str, b: str) -> None:
    env = parallel_env(sides=(a, b))
    observations, _ = env.reset(seed=seed)
    pick = RandomStream(seed)
    while env.agents:
        _check_masks(env, observations)
        actions = {}
        for agent in env.agents:
            legal = np.flatnonzero(observations[agent]["action_mask"])
            actions[agent] = int(legal[pick.below(len(legal))])
        observations, *_ = env.step(actions)


def test_a_stunned_side_can_only_wait() -> None:
    env = parallel_env(sides=("zabuza", "naruto"))
    pick = RandomStream(5)
    seen_wait = False
    for seed in range(40):
        if seen_wait:
            break
        observations, _ = env.reset(seed=seed)
        while env.agents:
            _check_masks(env, observations)
            actions = {}
            for side, agent in enumerate(env.agents):
                legal = np.flatnonzero(observations[agent]["action_mask"])
                if lead_of(env.current, side) is None:
                    seen_wait = True
                    assert list(legal) == [env.layout.wait]
                actions[agent] = int(legal[pick.below(len(legal))])
            observations, *_ = env.step(actions)
    assert seen_wait
