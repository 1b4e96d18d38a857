"""Fixtures for the replay, protocol and storage tests."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from kessen.content import Pack, load_pack
from kessen.engine import Battle
from kessen.players import make_player, play_out

DATA = Path(__file__).parent / "data"
SMALL_PACK = DATA / "small.toml"
POSTGRES_ENV = "KESSEN_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def small_pack() -> Pack:
    """A pack of our own (two fighters, a clone technique, a summon)."""
    return load_pack(SMALL_PACK)


def _play(
    pack: Pack,
    side_a: str,
    side_b: str,
    seed: int,
    players: tuple[str, str] = ("heuristic", "random"),
    stakes: tuple[str, ...] = (),
    turn_limit: int = 40,
) -> Battle:
    """A whole battle between two sides written ``a`` or ``a+b``."""
    battle = Battle(
        [pack.team(side_a), pack.team(side_b)],
        seed=seed,
        turn_limit=turn_limit,
        stakes=stakes,
        catalog=pack.catalog,
    )
    return play_out(battle, [make_player(players[s], seed, s) for s in (0, 1)])


@pytest.fixture(scope="session")
def play():
    """``play(pack, "a", "b+c", seed, players=..., stakes=..., turn_limit=...)``: a battle."""
    return _play


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kessen.db'}"


@pytest.fixture
def postgresql_url():
    """A fresh, empty PostgreSQL database on the test server; dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(
            f"{POSTGRES_ENV} is not set: run scripts/postgres-for-tests.sh (make test does) "
            "to test storage on PostgreSQL"
        )
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"kessen_t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")
