"""Counts of many battles that add up: what a worker sends back for a chunk of battles.

A tally holds only integers, so adding the tallies of chunks in any order gives the same
numbers; the runner still merges them in chunk order so that anything built from them
(key order in dictionaries, for one) is the same on every run.

>>> t = Tally()
>>> t.battles, t.wins
(0, [0, 0])
>>> u = Tally(battles=2, wins=[1, 0], draws=1, lengths=[0, 1, 1])
>>> (t + u).battles, (t + u).lengths
(2, [0, 1, 1])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kessen.odds.summary import BattleSummary

__all__ = ["Tally"]


@dataclass
class Tally:
    """Outcomes, lengths, endings, moments and finishing techniques of some battles."""

    battles: int = 0
    wins: list[int] = field(default_factory=lambda: [0, 0])
    draws: int = 0
    turns: int = 0
    #: ``lengths[t]`` battles lasted ``t`` turns (grown as needed).
    lengths: list[int] = field(default_factory=list)
    endings: Counter[str] = field(default_factory=Counter)
    moments: Counter[str] = field(default_factory=Counter)
    finishers: Counter[str] = field(default_factory=Counter)

    def add(self, summary: BattleSummary) -> None:
        """Count one battle."""
        self.battles += 1
        if summary.winner is None:
            self.draws += 1
        else:
            self.wins[summary.winner] += 1
        turns = summary.turns
        self.turns += turns
        lengths = self.lengths
        if turns >= len(lengths):
            lengths.extend([0] * (turns + 1 - len(lengths)))
        lengths[turns] += 1
        self.endings[summary.ending] += 1
        for moment in summary.moments:
            self.moments[moment] += 1
        for technique in summary.finishers:
            self.finishers[technique] += 1

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts to this tally."""
        self.battles += other.battles
        self.wins = [a + b for a, b in zip(self.wins, other.wins, strict=True)]
        self.draws += other.draws
        self.turns += other.turns
        if len(other.lengths) > len(self.lengths):
            self.lengths.extend([0] * (len(other.lengths) - len(self.lengths)))
        for t, count in enumerate(other.lengths):
            self.lengths[t] += count
        self.endings.update(other.endings)
        self.moments.update(other.moments)
        self.finishers.update(other.finishers)

    def __add__(self, other: Tally) -> Tally:
        total = Tally()
        total.merge(self)
        total.merge(other)
        return total
