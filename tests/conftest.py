"""Fixtures shared by every part of the suite.

Every finished battle a test plays is also recorded, written, read back and verified by
replaying it (``kessen.replay.round_trip``): determinism is checked on everything the
suite does, not only on the tests written for it.  A test that breaks determinism on
purpose is marked ``no_round_trip``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kessen.content import Pack, load_starter_pack
from kessen.engine import Battle

#: Battles checked per test at most: enough to catch a problem, cheap for big loops.
ROUND_TRIPS_PER_TEST = 50


@pytest.fixture(scope="session")
def pack() -> Pack:
    """The starter pack shipped with Kessen."""
    return load_starter_pack()


@pytest.fixture(autouse=True)
def every_battle_round_trips(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("no_round_trip"):
        yield
        return
    finished: list[Battle] = []
    seen: set[int] = set()
    real_play_turn = Battle.play_turn

    def play_turn(self: Battle, choices):  # type: ignore[no-untyped-def]
        events = real_play_turn(self, choices)
        if (
            self.over
            and id(self) not in seen
            and len(finished) < ROUND_TRIPS_PER_TEST
            and self.events
            and self.events[0].type == "battle_start"
        ):
            seen.add(id(self))
            finished.append(self)
        return events

    Battle.play_turn = play_turn  # type: ignore[method-assign]
    try:
        yield
    finally:
        Battle.play_turn = real_play_turn  # type: ignore[method-assign]
    from kessen.replay import round_trip

    for battle in finished:
        verdict = round_trip(battle)
        assert verdict.ok, f"battle (seed {battle.seed}) does not replay: {verdict}"
