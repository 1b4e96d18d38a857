"""Where the battles run: processes on this machine, or a Ray cluster.

Every backend takes the same list of matchups and chunks and yields ``(chunk number,
tally)`` as chunks finish, in whatever order they finish; the runner puts them back in
order.  Backends differ in where a chunk runs, never in what it computes.
"""

from kessen.odds.backends.base import BACKENDS, Backend, cpu_count, make_backend

__all__ = ["BACKENDS", "Backend", "cpu_count", "make_backend"]
