"""The one source of chance in a battle: a small, portable, seeded stream.

Kessen does not use :mod:`random`: its algorithms are not promised to stay the same across
Python versions, and its state is 2.5 KB.  SplitMix64 is a few integer operations, its
whole state is one 64-bit integer (so a battle's state serialises trivially), and it gives
the same numbers on every machine and every Python.

Odds are integers, never floats: ``chance(30)`` is true for 30 of every 100 draws.

>>> stream = RandomStream(7)
>>> [stream.below(6) for _ in range(5)]
[2, 0, 5, 3, 2]

The stream is the reference SplitMix64 (these are its published outputs for seed 1234567):

>>> reference = RandomStream(1234567)
>>> [reference.next64() for _ in range(3)]
[6457827717110365317, 3203168211198807973, 9817491932198370423]
>>> RandomStream(7).below(6) == RandomStream(7).below(6)
True
>>> derive_seed(42, 0) != derive_seed(42, 1)
True
"""

from __future__ import annotations

__all__ = ["RandomStream", "derive_seed"]

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def derive_seed(master: int, index: int) -> int:
    """The seed of battle ``index`` in a run whose master seed is ``master``.

    Depends only on the two numbers, so any worker on any machine derives the same seed.
    """
    return _mix((_mix((master & _MASK) ^ _GOLDEN) + (index & _MASK) * _GOLDEN) & _MASK)


class RandomStream:
    """SplitMix64: ``state`` is the whole state; copy it to rewind."""

    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next64(self) -> int:
        """The next 64-bit unsigned integer."""
        s = (self.state + _GOLDEN) & _MASK
        self.state = s
        s = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        s = ((s ^ (s >> 27)) * 0x94D049BB133111EB) & _MASK
        return s ^ (s >> 31)

    def below(self, n: int) -> int:
        """A whole number in ``[0, n)``, by multiply-shift (no modulo bias worth naming)."""
        return (self.next64() * n) >> 64

    def chance(self, percent: int) -> bool:
        """True ``percent`` times in 100."""
        if percent >= 100:
            return True
        if percent <= 0:
            return False
        return self.below(100) < percent

    def between(self, low: int, high: int) -> int:
        """A whole number in ``[low, high]``."""
        return low + self.below(high - low + 1)
