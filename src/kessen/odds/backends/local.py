"""Processes on this machine: one worker per core by default.

Workers are started with ``spawn`` (a fresh interpreter each), which behaves the same on
Linux, macOS and Windows and never copies a parent's threads (the progress bar has one).
Workers ignore Ctrl-C: the interrupt reaches the parent, which stops handing out chunks
and keeps what has finished.  With one worker there is no pool at all: chunks run in
this process, one after another.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed

from kessen.errors import KessenError
from kessen.odds.match import MatchSpec
from kessen.odds.seeding import Chunk
from kessen.odds.tally import Tally
from kessen.odds.worker import play_chunk

__all__ = ["LocalBackend"]


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalBackend:
    """Run chunks in ``workers`` processes (in this process when ``workers`` is 1)."""

    name = "local"

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise KessenError(f"--workers must be at least 1, not {workers}")
        self.workers = workers

    def run(
        self, specs: Sequence[MatchSpec], chunks: Sequence[Chunk]
    ) -> Iterator[tuple[int, Tally]]:
        workers = min(self.workers, len(chunks))
        if workers <= 1:
            for index, chunk in enumerate(chunks):
                yield index, play_chunk(specs[chunk.job], chunk.start, chunk.stop)
            return
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_ignore_interrupts,
        )
        try:
            futures: dict[Future[Tally], int] = {
                pool.submit(play_chunk, specs[c.job], c.start, c.stop): i
                for i, c in enumerate(chunks)
            }
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            # Chunks not started are dropped; running ones end within a chunk's time.
            pool.shutdown(wait=True, cancel_futures=True)
