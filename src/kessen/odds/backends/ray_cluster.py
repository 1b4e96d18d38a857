"""A Ray cluster: the same chunks as Ray tasks, on as many machines as the cluster has.

Install the extra (``pip install 'kessen[ray]'``) here and on every node.  Where the
cluster is:

* ``--ray-address ray://head:10001`` (or ``auto`` for a cluster started on this machine
  with ``ray start --head``), else
* the ``RAY_ADDRESS`` environment variable, else
* a Ray instance started on this machine for the run and stopped after it, with
  ``--workers`` CPUs (all cores by default).

A Ray session that is already running in this process (``ray.init()`` called by the
caller, as tests do) is used as it is and left running.  Ctrl-C while Ray starts or
stops takes effect once it has (an interrupted ``ray.init`` or ``ray.shutdown`` can
crash the interpreter and leave Ray's processes behind); while tasks run, it cancels
them at once.  The matchups travel once
through Ray's object store; a pack given as a file is sent as its text, so nodes need
no shared file system.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from kessen.errors import KessenError
from kessen.odds.match import MatchSpec
from kessen.odds.seeding import Chunk
from kessen.odds.tally import Tally
from kessen.odds.worker import play_chunks

__all__ = ["RayBackend", "import_ray"]


def import_ray() -> Any:
    """The ``ray`` module, or a clear error saying how to install it."""
    try:
        import ray
    except ImportError:
        raise KessenError(
            "--backend ray needs Ray: pip install 'kessen[ray]' (on every node of the cluster)"
        ) from None
    return ray


@contextmanager
def _interrupt_deferred(reraise: bool = True) -> Iterator[None]:
    """Hold a Ctrl-C that arrives inside the block; raise it when the block is done, or
    (``reraise=False``, for a run that is ending anyway) let it go.

    Only the main thread receives signals and may change their handlers; elsewhere, and
    when Ctrl-C is not the usual ``KeyboardInterrupt``, the block runs as it is.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held and reraise:
        raise KeyboardInterrupt


class RayBackend:
    """Run chunks as Ray tasks on a cluster (or a Ray instance started on this machine)."""

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        if workers is not None and workers < 1:
            raise KessenError(f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self.address = address

    def _connect(self, ray: Any) -> bool:
        """Join or start Ray; True when this run started it (and must stop it)."""
        if ray.is_initialized():
            return False
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.ERROR,
        }
        if self.address:
            options["address"] = self.address
        elif not os.environ.get("RAY_ADDRESS"):
            options["num_cpus"] = self.workers  # None: every core
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = self.address or os.environ.get("RAY_ADDRESS") or "a local Ray instance"
            raise KessenError(f"cannot start or reach Ray at {where}: {exc}") from None
        return True

    def run(
        self, specs: Sequence[MatchSpec], chunks: Sequence[Chunk]
    ) -> Generator[tuple[int, Tally], None, None]:
        ray = import_ray()
        started = False
        pending: dict[Any, int] = {}
        try:
            with _interrupt_deferred():
                started = self._connect(ray)
            shared = ray.put([replace(s, pack=s.pack.portable()) for s in specs])
            task = ray.remote(num_cpus=1)(play_chunks)
            for i, c in enumerate(chunks):
                pending[task.remote(shared, c.job, c.start, c.stop)] = i
            while pending:
                ready, _ = ray.wait(list(pending), num_returns=1)
                for ref in ready:
                    yield pending.pop(ref), ray.get(ref)
        finally:
            with _interrupt_deferred(reraise=False):
                for ref in pending:
                    ray.cancel(ref)
                if started:
                    ray.shutdown()
