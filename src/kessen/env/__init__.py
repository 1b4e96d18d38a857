"""Kessen for reinforcement learning: a PettingZoo ``ParallelEnv`` and a Gymnasium env.

>>> from kessen.env import parallel_env
>>> env = parallel_env(sides=("naruto", "sasuke"))
>>> observations, infos = env.reset(seed=7)
>>> sorted(observations), int(observations["p1"]["action_mask"].sum()) > 0
(['p1', 'p2'], True)

Importing this package registers ``kessen/Duel-v0`` with Gymnasium:

>>> import gymnasium
>>> gymnasium.make("kessen/Duel-v0").unwrapped.opponent_spec
'heuristic'
"""

from __future__ import annotations

import gymnasium

from kessen.env.encoding import Layout, legal_actions, observe
from kessen.env.gym_env import DuelEnv
from kessen.env.parallel import AGENTS, KessenParallelEnv, parallel_env

__all__ = [
    "AGENTS",
    "ENV_ID",
    "DuelEnv",
    "KessenParallelEnv",
    "Layout",
    "legal_actions",
    "observe",
    "parallel_env",
]

ENV_ID = "kessen/Duel-v0"

if ENV_ID not in gymnasium.registry:
    gymnasium.register(id=ENV_ID, entry_point="kessen.env.gym_env:DuelEnv")
