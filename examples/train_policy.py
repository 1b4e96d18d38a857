"""Train a small policy on ``kessen/Duel-v0`` and evaluate it, in under a minute.

    python examples/train_policy.py                  # 2,000 episodes vs the heuristic player
    python examples/train_policy.py --episodes 5000 --opponent search:40

The policy is linear: one score per action from the observation vector, softmax over the
legal actions only (the ``action_mask``), trained by REINFORCE with a running baseline.
It is evaluated greedily (its favourite legal action) before and after training, on
fixed seeds, against the opponent it trained with and against ``random``.  As Naruto
against the heuristic player's Sasuke it goes from about a quarter of the games won to
nearly all of them (it finds a pattern the heuristic does not answer).  Actions
are sampled from a :class:`kessen.engine.RandomStream`, so a run is the same every time.
"""

from __future__ import annotations

import argparse
import sys

import gymnasium
import numpy as np

import kessen.env  # noqa: F401  (registers kessen/Duel-v0)
from kessen.engine import RandomStream


class LinearPolicy:
    """Softmax over legal actions of ``weights @ observation``."""

    def __init__(self, observation_size: int, actions: int) -> None:
        self.weights = np.zeros((actions, observation_size + 1), dtype=np.float64)

    def _features(self, observation: dict) -> np.ndarray:
        return np.append(observation["observation"].astype(np.float64), 1.0)

    def probabilities(self, observation: dict) -> np.ndarray:
        mask = observation["action_mask"].astype(bool)
        logits = self.weights @ self._features(observation)
        logits = np.where(mask, logits, -np.inf)
        logits -= logits[mask].max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def sample(self, observation: dict, stream: RandomStream) -> int:
        point = stream.below(1 << 30) / (1 << 30)
        cumulative = np.cumsum(self.probabilities(observation))
        return int(min(np.searchsorted(cumulative, point, side="right"), len(cumulative) - 1))

    def greedy(self, observation: dict) -> int:
        return int(np.argmax(self.probabilities(observation)))

    def update(self, episode: list[tuple[dict, int]], advantage: float, rate: float) -> None:
        for observation, action in episode:
            probabilities = self.probabilities(observation)
            grad = -probabilities
            grad[action] += 1.0
            self.weights += rate * advantage * np.outer(grad, self._features(observation))


def evaluate(policy: LinearPolicy, opponent: str, games: int, seed: int) -> float:
    """Share of ``games`` won by the greedy policy (seeds ``seed``, ``seed + 1``, ...)."""
    env = gymnasium.make("kessen/Duel-v0", opponent=opponent)
    wins = 0
    for game in range(games):
        observation, _ = env.reset(seed=seed + game)
        done = False
        while not done:
            observation, reward, done, truncated, _ = env.step(policy.greedy(observation))
            done = done or truncated
        wins += reward > 0
    env.close()
    return wins / games


def train(policy: LinearPolicy, opponent: str, episodes: int, rate: float) -> None:
    env = gymnasium.make("kessen/Duel-v0", opponent=opponent)
    stream = RandomStream(12345)
    baseline = 0.0
    observation, _ = env.reset(seed=1)
    for n in range(1, episodes + 1):
        episode: list[tuple[dict, int]] = []
        done = False
        while not done:
            action = policy.sample(observation, stream)
            episode.append((observation, action))
            observation, reward, done, truncated, _ = env.step(action)
            done = done or truncated
        policy.update(episode, float(reward) - baseline, rate)
        baseline += 0.05 * (float(reward) - baseline)
        if n % 500 == 0:
            print(f"  episode {n:5}: running mean reward {baseline:+.2f}")
        observation, _ = env.reset()
    env.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="REINFORCE on kessen/Duel-v0.")
    parser.add_argument("--episodes", type=int, default=2000)
    parser.add_argument("--opponent", default="heuristic")
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--games", type=int, default=100, help="evaluation games")
    args = parser.parse_args(argv)
    env = gymnasium.make("kessen/Duel-v0")
    policy = LinearPolicy(env.observation_space["observation"].shape[0], env.action_space.n)
    env.close()
    before = evaluate(policy, args.opponent, args.games, seed=10_000)
    print(f"before training: wins {before:.0%} of {args.games} against {args.opponent}")
    train(policy, args.opponent, args.episodes, args.rate)
    after = evaluate(policy, args.opponent, args.games, seed=10_000)
    versus = evaluate(policy, "random", args.games, seed=20_000)
    print(f"after training:  wins {after:.0%} against {args.opponent}, {versus:.0%} against random")
    return 0


if __name__ == "__main__":
    sys.exit(main())
