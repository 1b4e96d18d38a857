"""The Gymnasium environment ``kessen/Duel-v0``: one side against a built-in player.

The learner plays side ``side`` (0: ``p1``, 1: ``p2``) of a
:class:`~kessen.env.parallel.KessenParallelEnv`, with the same observations, action
numbering, rewards and seeding; the other side is played, all of its units, by a
built-in player (``heuristic`` unless told otherwise; ``search:40`` and the like work),
or by any player a factory ``opponent(battle_seed, side)`` returns.
The opponent chooses when the learner's action arrives, from the same public state the
learner saw: it never sees the learner's action, and nothing of its choice reaches the
learner before the turn is played.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym

from kessen.arena.players import player_from_spec
from kessen.env.parallel import AGENTS, KessenParallelEnv
from kessen.errors import KessenError
from kessen.players import Player, Request

__all__ = ["DuelEnv"]


class DuelEnv(gym.Env):
    """A single-agent Kessen battle (see the module's docstring)."""

    metadata: dict[str, Any] = {"render_modes": ["ansi"], "render_fps": 4}  # noqa: RUF012

    def __init__(
        self,
        sides: tuple[str, str] | None = ("naruto", "sasuke"),
        *,
        opponent: str | Callable[[int, int], Player] = "heuristic",
        side: int = 0,
        render_mode: str | None = None,
        **kwargs: Any,
    ) -> None:
        if side not in (0, 1):
            raise KessenError(f"side={side!r}: the learner plays side 0 or 1")
        if isinstance(opponent, str):
            player_from_spec(opponent, 0, 1 - side)  # fail now on an unknown opponent
        self.parallel = KessenParallelEnv(sides, render_mode=render_mode, **kwargs)
        self.opponent_spec = opponent
        self.side = side
        self.agent = AGENTS[side]
        self.render_mode = render_mode
        self.observation_space = self.parallel.observation_space(self.agent)
        self.action_space = self.parallel.action_space(self.agent)
        self._opponent: Player | None = None

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        super().reset(seed=seed)  # keeps Gymnasium's own generator in step with the seed
        observations, infos = self.parallel.reset(seed=seed, options=options)
        battle = self.parallel.current
        make = self.opponent_spec
        if isinstance(make, str):
            self._opponent = player_from_spec(make, battle.seed, 1 - self.side)
        else:
            self._opponent = make(battle.seed, 1 - self.side)
        return observations[self.agent], infos[self.agent]

    def step(self, action: Any):
        battle = self.parallel.current
        if self._opponent is None:
            raise KessenError("the environment needs reset() first")
        other = 1 - self.side
        request = Request.for_side(battle, other) if self.parallel.agents else None
        scripted = {other: self._opponent.choose(request) if request and request.legal else []}
        observations, rewards, terms, truncs, infos = self.parallel.play_turn(
            {self.agent: action}, scripted
        )
        a = self.agent
        return observations[a], rewards[a], terms[a], truncs[a], infos[a]

    def action_meaning(self, action: int) -> str:
        """The notation of ``action`` now (``p1.naruto rasengan p2.sasuke 48``)."""
        return self.parallel.action_meaning(self.agent, action)

    def render(self) -> str | None:
        return self.parallel.render()

    def close(self) -> None:
        self.parallel.close()
