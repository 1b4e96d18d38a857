"""Which seed each battle gets, and how a run is cut into chunks of battle indices.

Battle ``i`` of a run with master seed ``S`` is seeded ``derive_seed(S, i)``; its players
are made from that battle seed.  A battle therefore depends only on ``(S, i)``, never on
which worker played it or which chunk it fell in, which is why a run gives the same
counts with 1 worker, 16 workers or a Ray cluster.

>>> battle_seed(7, 0) == battle_seed(7, 0) != battle_seed(7, 1)
True
>>> [(c.start, c.stop) for c in plan_chunks(10, chunk_size=4)]
[(0, 4), (4, 8), (8, 10)]
"""

from __future__ import annotations

from typing import NamedTuple

from kessen.engine import derive_seed

__all__ = ["Chunk", "battle_seed", "chunk_size_for", "pair_seed", "plan_chunks"]

#: Largest chunk: well under a second of work, so progress moves and Ctrl-C stops at once.
MAX_CHUNK = 250
#: Chunks per worker to aim for, so that uneven chunks still keep every worker busy.
CHUNKS_PER_WORKER = 8


class Chunk(NamedTuple):
    """Battles ``start`` (included) to ``stop`` (excluded) of job ``job``."""

    job: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start


def battle_seed(master: int, index: int) -> int:
    """The seed of battle ``index`` of a run with master seed ``master``."""
    return derive_seed(master, index)


def pair_seed(master: int, pair: int) -> int:
    """The master seed of pair number ``pair`` in a tournament seeded ``master``.

    A pair's battles are then exactly ``kessen odds A B --seed <pair seed>``.
    """
    return derive_seed(master, pair)


def chunk_size_for(battles: int, workers: int) -> int:
    """A chunk size that gives each worker several chunks, capped at :data:`MAX_CHUNK`.

    >>> chunk_size_for(100_000, 2), chunk_size_for(10, 4), chunk_size_for(1, 1)
    (250, 1, 1)
    """
    return max(1, min(MAX_CHUNK, battles // (max(1, workers) * CHUNKS_PER_WORKER)))


def plan_chunks(battles: int, chunk_size: int, job: int = 0) -> list[Chunk]:
    """Cut battles ``0 .. battles-1`` of ``job`` into consecutive chunks."""
    if chunk_size < 1:
        raise ValueError(f"chunk size must be at least 1, not {chunk_size}")
    return [
        Chunk(job, start, min(battles, start + chunk_size))
        for start in range(0, battles, chunk_size)
    ]
