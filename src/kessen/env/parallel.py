"""The PettingZoo environment: two agents, one per side, choosing at the same time.

Each step is one turn of a :class:`~kessen.engine.Battle`.  Agent ``p1`` plays side 1
and ``p2`` side 2; each controls its side's lead (see :mod:`kessen.env.encoding`), and
a built-in player (``heuristic`` unless told otherwise) chooses for the side's other
units (a second fighter, clones, summons), from a stream derived from the battle's seed.

* **Observations**: ``{"observation": float32 vector, "action_mask": int8 vector}``
  (layout in :func:`kessen.env.encoding.observe`).  Both are public state: the other
  side's choice for the turn is only given to :meth:`step`, after which it is revealed.
* **Rewards**: +1 for the winner and -1 for the loser when the battle ends, 0 for a draw
  (both down, or the turn limit) and on every other step.
* **Ends**: every end of the battle *terminates* (the turn limit is one of its rules and
  the turn is in the observation); nothing is truncated.
* **Illegal actions** (not in the mask): with ``illegal="forfeit"`` (the default, as in
  PettingZoo's classic games) the side that made one loses at once (reward -1,
  ``info["illegal_action"] = True``; both: a draw); with ``illegal="raise"``
  :class:`~kessen.errors.IllegalChoiceError` is raised.
* **Seeding**: ``reset(seed=s)`` plays the battle with seed ``s``; later ``reset()``
  calls play seeds derived from ``s`` (:func:`kessen.engine.derive_seed`).  An
  environment never seeded behaves as if seeded with its ``seed`` argument (0).
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from gymnasium import spaces
from pettingzoo import ParallelEnv

from kessen.content import Pack, load_starter_pack
from kessen.engine import DEFAULT_TURN_LIMIT, Battle, Choice, RandomStream, derive_seed
from kessen.engine.unit import OK
from kessen.env.encoding import HIGH, Encoder, Layout
from kessen.errors import IllegalChoiceError, KessenError
from kessen.players import Player, Request, make_player

__all__ = ["AGENTS", "KessenParallelEnv", "parallel_env"]

AGENTS = ("p1", "p2")
P1, P2 = AGENTS
_NOT_DONE = {P1: False, P2: False}
ILLEGAL_MODES = ("forfeit", "raise")


def parallel_env(**kwargs: Any) -> KessenParallelEnv:
    """A new :class:`KessenParallelEnv` (the PettingZoo convention's constructor)."""
    return KessenParallelEnv(**kwargs)


class KessenParallelEnv(ParallelEnv):
    """A Kessen battle as a PettingZoo ``ParallelEnv`` (see the module's docstring).

    ``sides`` are two team specs (``"naruto"``, ``"naruto+kakashi"``); ``None`` draws a
    fresh one-on-one pairing from the pack's fighters at every reset.
    """

    metadata: ClassVar[dict[str, Any]] = {
        "name": "kessen_duel_v0",
        "render_modes": ["ansi"],
        "render_fps": 4,
        "is_parallelizable": True,
    }

    def __init__(
        self,
        sides: tuple[str, str] | None = ("naruto", "sasuke"),
        *,
        pack: Pack | None = None,
        turn_limit: int = DEFAULT_TURN_LIMIT,
        support: str = "heuristic",
        illegal: str = "forfeit",
        seed: int = 0,
        render_mode: str | None = None,
    ) -> None:
        if illegal not in ILLEGAL_MODES:
            raise KessenError(f"illegal={illegal!r}: expected one of {', '.join(ILLEGAL_MODES)}")
        if render_mode not in (None, "ansi"):
            raise KessenError(f"render_mode={render_mode!r}: only 'ansi' is offered")
        self.pack = pack or load_starter_pack()
        self.sides = sides
        self.turn_limit = turn_limit
        self.support = support
        self.illegal = illegal
        self.render_mode = render_mode
        make_player(support, 0, 0)  # an unknown name fails here, not at the first reset
        if sides is None:
            self.layout = Layout.for_fighters(self.pack.fighters.values())
        else:
            teams = [self.pack.team(spec) for spec in sides]
            self.layout = Layout.for_fighters(
                [f for team in teams for f in team], max(len(t) for t in teams)
            )
        self._encoder = Encoder(self.layout)
        self.possible_agents = list(AGENTS)
        self.agents: list[str] = []
        self.battle: Battle | None = None
        self._base_seed = seed
        self._episode = 0
        self._helpers: list[Player] = []
        self._legal: list[dict[int, Choice | None]] = [{}, {}]
        self._observation_space = spaces.Dict(
            {
                "observation": spaces.Box(
                    0.0, HIGH, (self.layout.observation_size,), dtype=np.float32
                ),
                "action_mask": spaces.Box(0, 1, (self.layout.actions,), dtype=np.int8),
            }
        )
        self._action_space = spaces.Discrete(self.layout.actions)

    # Both agents share one space object each: PettingZoo wants the same object every call.
    def observation_space(self, agent: str) -> spaces.Space:
        return self._observation_space

    def action_space(self, agent: str) -> spaces.Space:
        return self._action_space

    @property
    def current(self) -> Battle:
        """The battle being played; :class:`KessenError` before the first reset."""
        if self.battle is None:
            raise KessenError("the environment needs reset() first")
        return self.battle

    # -- episodes ----------------------------------------------------------------------------

    def reset(
        self, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, dict[str, np.ndarray]], dict[str, dict[str, Any]]]:
        if seed is not None:
            self._base_seed, self._episode = int(seed), 0
            battle_seed = self._base_seed
        else:
            self._episode += 1
            battle_seed = derive_seed(self._base_seed, self._episode)
        names = self.sides or self._draw_pairing(battle_seed)
        teams = [self.pack.team(name) for name in names]
        self.battle = battle = Battle(
            teams, seed=battle_seed, turn_limit=self.turn_limit, catalog=self.pack.catalog
        )
        self.agents = list(AGENTS)
        self._helpers = [make_player(self.support, battle_seed, side) for side in (0, 1)]
        return self._observations(battle), self._infos(battle)

    def _draw_pairing(self, battle_seed: int) -> tuple[str, str]:
        ids = list(self.pack.fighters)
        stream = RandomStream(derive_seed(battle_seed, 0x5EED))
        return ids[stream.below(len(ids))], ids[stream.below(len(ids))]

    def step(self, actions: dict[str, Any]):
        """One turn: each live agent's action for its lead; returns the PettingZoo 5-tuple."""
        return self.play_turn(actions)

    def play_turn(self, actions: dict[str, Any], scripted: dict[int, list[Choice]] | None = None):
        """Like :meth:`step`; a side listed in ``scripted`` plays those choices for all its
        units instead (how the single-agent wrapper lets a built-in player fight)."""
        battle = self.current
        if not self.agents:
            raise KessenError("the battle is over: call reset() before step()")
        choices: list[Choice] = []
        illegal = [False, False]
        for side, agent in enumerate(AGENTS):
            if scripted and side in scripted:
                choices.extend(scripted[side])
                continue
            index = self._decode(side, actions.get(agent))
            if index is None:
                illegal[side] = True
                continue
            self._add_support_choices(battle, side, self._legal[side][index], choices)
        if illegal[0] or illegal[1]:
            return self._forfeit(illegal)
        battle.play_turn(choices)
        return self._after_turn(battle)

    def _decode(self, side: int, action: Any) -> int | None:
        """``action`` as a legal action number, or ``None`` if it is not one."""
        table = self._legal[side]
        if type(action) is int and action in table:  # the common case, without the casts
            return action
        try:
            index = int(action)
        except (TypeError, ValueError):
            index = -1
        if index not in table:
            if self.illegal == "raise":
                allowed = sorted(table)
                raise IllegalChoiceError(
                    f"turn {self.current.turn + 1}: action {action!r} of {AGENTS[side]} is not "
                    f"legal (legal: {allowed})"
                )
            return None
        return index

    def _add_support_choices(
        self, battle: Battle, side: int, lead: Choice | None, out: list[Choice]
    ) -> None:
        """Add the lead's choice and the built-in player's for the side's other units."""
        if lead is not None:
            out.append(lead)
        skip = None if lead is None else lead.unit
        # Battle.pending(side), in the same order, without the list of every unit's id.
        legal = {
            u.uid: battle.legal_choices(u.uid)
            for u in battle.units
            if u.side == side and u.status == OK and u.stun == 0 and u.uid != skip
        }
        if legal and not battle.over:
            out.extend(self._helpers[side].choose(Request(battle, side, battle.turn + 1, legal)))

    def _forfeit(self, illegal: list[bool]):
        agents = list(self.agents)
        rewards = {}
        for side, agent in enumerate(AGENTS):
            if illegal[0] and illegal[1]:
                rewards[agent] = 0.0
            else:
                rewards[agent] = -1.0 if illegal[side] else 1.0
        infos = {}
        for side, agent in enumerate(AGENTS):
            info = self._info(side)
            info["illegal_action"] = illegal[side]
            info["winner"] = None if all(illegal) else AGENTS[illegal.index(False)]
            info["end_reason"] = "illegal_action"
            infos[agent] = info
        observations = self._observations(self.current)
        self.agents = []
        done = dict.fromkeys(agents, True)
        return observations, rewards, done, dict.fromkeys(agents, False), infos

    def _after_turn(self, battle: Battle):
        observations = self._observations(battle)
        infos = self._infos(battle)
        if not battle.over:
            return observations, {P1: 0.0, P2: 0.0}, _NOT_DONE.copy(), _NOT_DONE.copy(), infos
        agents = self.agents
        rewards = dict.fromkeys(agents, 0.0)
        for side, agent in enumerate(AGENTS):
            if battle.winner is not None:
                rewards[agent] = 1.0 if battle.winner == side else -1.0
            infos[agent]["winner"] = None if battle.winner is None else AGENTS[battle.winner]
            infos[agent]["end_reason"] = battle.end_reason
        self.agents = []
        return (
            observations,
            rewards,
            dict.fromkeys(agents, True),
            dict.fromkeys(agents, False),
            infos,
        )

    def _observations(self, battle: Battle) -> dict[str, dict[str, np.ndarray]]:
        vectors, actions = self._encoder.arrays(battle)
        (table0, mask0), (table1, mask1) = actions
        self._legal = [table0, table1]
        return {
            P1: {"observation": vectors[0], "action_mask": mask0.copy()},
            P2: {"observation": vectors[1], "action_mask": mask1.copy()},
        }

    def _info(self, side: int) -> dict[str, Any]:
        battle = self.current
        return {"turn": battle.turn, "seed": battle.seed}

    def _infos(self, battle: Battle) -> dict[str, dict[str, Any]]:
        turn, seed = battle.turn, battle.seed
        return {P1: {"turn": turn, "seed": seed}, P2: {"turn": turn, "seed": seed}}

    # -- looking ------------------------------------------------------------------------------

    def action_meaning(self, agent: str, action: int) -> str:
        """The notation of ``action`` for ``agent`` now, or why it is not legal."""
        table = self._legal[AGENTS.index(agent)]
        if action not in table:
            return f"illegal ({self.layout.describe(action)})"
        choice = table[action]
        return "wait" if choice is None else choice.notation()

    def render(self) -> str | None:
        if self.render_mode != "ansi" or self.battle is None:
            return None
        lines = [f"turn {self.battle.turn}/{self.battle.turn_limit}"]
        for u in self.battle.units:
            if u.status != "gone":
                lines.append(
                    f"{u.uid:24} {u.health:>4}/{u.max_health} HP {u.chakra:>4} ch {u.status}"
                )
        return "\n".join(lines)

    def close(self) -> None:
        pass
