"""The ``random`` player: uniform over the legal choices, from its own stream."""

from __future__ import annotations

from kessen.engine import Choice, RandomStream
from kessen.players.base import Request, register_player

__all__ = ["RandomPlayer"]


class RandomPlayer:
    name = "random"

    def __init__(self, stream: RandomStream) -> None:
        self.stream = stream

    def choose(self, request: Request) -> list[Choice]:
        below = self.stream.below
        return [options[below(len(options))] for options in request.legal.values()]


register_player("random", RandomPlayer)
