"""Hidden information stays hidden: nothing of a side's coming choice reaches the other."""

from __future__ import annotations

import numpy as np

from kessen.engine import Choice, RandomStream
from kessen.env import DuelEnv, parallel_env
from kessen.players import Request

REVEAL_TURN = 3


class Scripted:
    """Guards until :data:`REVEAL_TURN`, then rests or attacks, as told."""

    name = "scripted"

    def __init__(self, attack_on_reveal: bool) -> None:
        self.attack_on_reveal = attack_on_reveal
        self.asked_for: list[int] = []

    def choose(self, request: Request) -> list[Choice]:
        self.asked_for.append(request.turn)
        out = []
        for uid, options in request.legal.items():
            if request.turn == REVEAL_TURN and self.attack_on_reveal:
                out.append(next(c for c in options if c.target is not None))
            elif request.turn == REVEAL_TURN:
                out.append(Choice(uid, "rest"))
            else:
                out.append(Choice(uid, "guard"))
        return out


def _seen_by_learner(attack_on_reveal: bool) -> list[tuple]:
    """What the learner is shown before each of its decisions (and after the reveal)."""
    opponent = Scripted(attack_on_reveal)
    env = DuelEnv(("naruto", "sasuke"), opponent=lambda seed, side: opponent)
    observation, info = env.reset(seed=9)
    seen = [(observation["observation"].tobytes(), observation["action_mask"].tobytes(), info)]
    guard = env.parallel.layout.guard
    for _turn in range(1, REVEAL_TURN + 1):
        observation, _, _, _, info = env.step(guard)
        seen.append(
            (observation["observation"].tobytes(), observation["action_mask"].tobytes(), info)
        )
    # The opponent is asked only when the learner's action is in, once per turn.
    assert opponent.asked_for == list(range(1, REVEAL_TURN + 1))
    return seen


def test_the_opponents_coming_choice_never_shows() -> None:
    rests, attacks = _seen_by_learner(False), _seen_by_learner(True)
    # Up to the learner's decision for the reveal turn, nothing differs ...
    assert rests[:REVEAL_TURN] == attacks[:REVEAL_TURN]
    # ... and once the turn is played, the choice is revealed (so the check can fail).
    assert rests[REVEAL_TURN] != attacks[REVEAL_TURN]


def test_parallel_observations_are_public_state_only() -> None:
    env = parallel_env(sides=("kakashi", "naruto"))
    observations, infos = env.reset(seed=4)
    pick = RandomStream(0)
    while env.agents:
        for agent in env.agents:
            assert set(infos[agent]) == {"turn", "seed"}
        # The two sides see the same field, each from its own side: own rows first.
        layout = env.layout
        rows = layout.slots * layout.unit_size
        p1, p2 = observations["p1"]["observation"], observations["p2"]["observation"]
        assert np.array_equal(p1[:rows], p2[rows : 2 * rows])
        assert np.array_equal(p1[rows : 2 * rows], p2[:rows])
        actions = {}
        for agent in env.agents:
            legal = np.flatnonzero(observations[agent]["action_mask"])
            actions[agent] = int(legal[pick.below(len(legal))])
        observations, _, _, _, infos = env.step(actions)
    assert {"winner", "end_reason"} <= set(infos["p1"])
