"""Processes on this machine: one worker per core by default.

Workers are started with ``spawn`` (a fresh interpreter each), which behaves the same on
Linux, macOS and Windows and never copies a parent's threads (the progress bar has one).
Workers ignore Ctrl-C: the interrupt reaches the parent, which stops handing out chunks
and keeps what has finished.  A worker whose parent is gone (killed outright) exits
instead of playing on.  Only a few chunks per worker are in flight at a time, so a run
of millions of battles holds no more than that in memory.  With one worker there is no
pool at all: chunks run in this process, one after another.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from kessen.errors import KessenError
from kessen.odds.match import MatchSpec
from kessen.odds.seeding import Chunk
from kessen.odds.tally import Tally
from kessen.odds.worker import play_chunk

__all__ = ["LocalBackend"]

#: Chunks queued per worker beyond the one it is playing: enough to never leave it idle.
IN_FLIGHT_PER_WORKER = 2
#: Seconds between a worker's checks that its parent is still there.
ORPHAN_CHECK = 1.0


def _start_worker(parent: int) -> None:
    """Set up a worker: ignore Ctrl-C, and exit if the parent process disappears."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        pause = threading.Event()  # never set: a sleep that needs no clock
        while os.getppid() == parent:
            pause.wait(ORPHAN_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="kessen-orphan-watch", daemon=True).start()


@contextmanager
def _children_born_deaf() -> Iterator[None]:
    """Ignore Ctrl-C while worker processes start, so they are born ignoring it too (an
    ignored signal stays ignored across exec); else a Ctrl-C during their start-up would
    print their tracebacks.  Only the main thread may change signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class LocalBackend:
    """Run chunks in ``workers`` processes (in this process when ``workers`` is 1)."""

    name = "local"

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise KessenError(f"--workers must be at least 1, not {workers}")
        self.workers = workers

    def run(
        self, specs: Sequence[MatchSpec], chunks: Sequence[Chunk]
    ) -> Generator[tuple[int, Tally], None, None]:
        workers = min(self.workers, len(chunks))
        if workers <= 1:
            for index, chunk in enumerate(chunks):
                yield index, play_chunk(specs[chunk.job], chunk.start, chunk.stop)
            return
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        waiting = iter(enumerate(chunks))
        running: dict[Future[Tally], int] = {}

        def submit(count: int) -> None:
            for index, c in waiting:
                running[pool.submit(play_chunk, specs[c.job], c.start, c.stop)] = index
                count -= 1
                if count == 0:
                    return

        try:
            with _children_born_deaf():
                submit(workers * (1 + IN_FLIGHT_PER_WORKER))  # starts the workers
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    index = running.pop(future)
                    yield index, future.result()
                submit(len(done))
        finally:
            # Queued chunks are dropped; running ones end within a chunk's time.
            pool.shutdown(wait=True, cancel_futures=True)
