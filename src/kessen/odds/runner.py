"""Running many battles of one or more matchups on a backend, interruptibly.

The runner cuts each matchup's ``battles`` into chunks, hands them to a backend, and
merges the tallies that come back in chunk order.  Counts depend only on the matchups,
their seeds and ``battles``: not on the chunk size, the number of workers or the backend.

Interrupting a run (Ctrl-C, or a ``KeyboardInterrupt`` raised by the progress callback)
stops it cleanly: the chunks that finished are kept and the run is marked partial.

>>> spec = MatchSpec(("naruto", "sasuke"), seed=7)
>>> run = run_matches([spec], battles=4, workers=1)
>>> run.battles, run.partial, run.tallies[0].battles
(4, False, 4)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kessen.errors import KessenError
from kessen.odds.backends import cpu_count, make_backend
from kessen.odds.match import MatchSpec
from kessen.odds.seeding import chunk_size_for, plan_chunks
from kessen.odds.tally import Tally

__all__ = ["Progress", "Run", "check_battles", "run_matches"]

#: Called with (battles done, battles in the whole run): with 0 when the run starts (so
#: a progress bar knows its length at once), then after each finished chunk.
Progress = Callable[[int, int], None]


@dataclass
class Run:
    """What came back: one merged tally per matchup, and whether the run was cut short."""

    tallies: list[Tally]
    requested: int
    partial: bool

    @property
    def battles(self) -> int:
        return sum(t.battles for t in self.tallies)


def check_battles(battles: int) -> None:
    """A clear error for a battle count that is not a positive whole number."""
    if isinstance(battles, bool) or not isinstance(battles, int) or battles <= 0:
        raise KessenError(f"the number of battles (-n) must be at least 1, not {battles}")


def run_matches(
    specs: Sequence[MatchSpec],
    battles: int,
    *,
    workers: int | None = None,
    backend: str = "local",
    ray_address: str | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> Run:
    """Play ``battles`` battles of each matchup in ``specs`` and tally them.

    ``workers=None`` uses every core (or the whole Ray cluster).  ``chunk_size`` only
    changes how often progress is reported and how much an interruption loses.
    """
    check_battles(battles)
    if not specs:
        raise KessenError("nothing to play: no matchups given")
    runner = make_backend(backend, workers, ray_address)
    size = chunk_size or chunk_size_for(battles * len(specs), workers or cpu_count())
    chunks = [c for job in range(len(specs)) for c in plan_chunks(battles, size, job)]
    total = battles * len(specs)
    finished: dict[int, Tally] = {}
    done = 0
    partial = False
    stream = runner.run(specs, chunks)
    try:
        if progress is not None:
            progress(0, total)
        for index, tally in stream:
            finished[index] = tally
            done += tally.battles
            if progress is not None:
                progress(done, total)
    except KeyboardInterrupt:
        partial = True
    finally:
        stream.close()
    merged = [Tally() for _ in specs]
    for index in sorted(finished):
        merged[chunks[index].job].merge(finished[index])
    return Run(merged, total, partial or done < total)
