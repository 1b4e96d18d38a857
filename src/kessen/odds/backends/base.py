"""The backend interface and the factory the runner and the command line use.

>>> make_backend("local", workers=1).name
'local'
>>> make_backend("Local", workers=1).name
'local'
>>> make_backend("rya", workers=1)
Traceback (most recent call last):
...
kessen.errors.UnknownNameError: unknown backend 'rya'; did you mean ray?
>>> make_backend("cloud", workers=1)
Traceback (most recent call last):
...
kessen.errors.KessenError: unknown backend 'cloud'; backends: local, ray
"""

from __future__ import annotations

import os
from collections.abc import Generator, Sequence
from typing import Protocol

from kessen.errors import KessenError, UnknownNameError
from kessen.odds.match import MatchSpec
from kessen.odds.seeding import Chunk
from kessen.odds.tally import Tally

__all__ = ["BACKENDS", "Backend", "cpu_count", "make_backend"]

BACKENDS = ("local", "ray")


class Backend(Protocol):
    """Runs chunks of battles somewhere and yields their tallies as they finish."""

    name: str

    def run(
        self, specs: Sequence[MatchSpec], chunks: Sequence[Chunk]
    ) -> Generator[tuple[int, Tally], None, None]:
        """Yield ``(index into chunks, tally)`` for each chunk, in any order.

        Closing the iterator early (an interrupted run) must stop or cancel the rest.
        """
        ...


def cpu_count() -> int:
    """Cores this process may use (its CPU affinity where the system reports it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def make_backend(name: str, workers: int | None, ray_address: str | None = None) -> Backend:
    """The backend called ``name``; ``workers=None`` means every core (or the whole cluster)."""
    name = name.strip().lower()
    if name == "local":
        from kessen.odds.backends.local import LocalBackend

        return LocalBackend(workers or cpu_count())
    if name == "ray":
        from kessen.odds.backends.ray_cluster import RayBackend

        return RayBackend(workers, ray_address)
    from kessen.content.loader import suggest

    close = suggest(name, list(BACKENDS))
    if close:
        raise UnknownNameError("backend", name, close)
    raise KessenError(f"unknown backend {name!r}; backends: {', '.join(BACKENDS)}")
