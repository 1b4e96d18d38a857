"""Keeping records in a database and finding them again.

Each record is stored in one transaction (the battle and its fighters together), so a
write interrupted half way leaves the database as it was: earlier records are never
touched.  The tables are created or upgraded by the shipped migrations on first use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine, and_, create_engine, event, exists, false, func, or_, select, true
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from kessen.errors import KessenError
from kessen.replay.record import Record, parse_record
from kessen.replay.verdict import verdict
from kessen.storage.migrate import WRITE_LOCK, current_revision, head_revision, upgrade
from kessen.storage.models import BattleRow, FighterRow
from kessen.storage.url import database_url, normalise_url

__all__ = ["OUTCOMES", "Added", "Store", "StoredBattle", "open_store"]

OUTCOMES = ("win", "loss", "draw")


class Added(NamedTuple):
    """The id a record is stored under, and whether it was new."""

    id: int
    new: bool


@dataclass(frozen=True)
class StoredBattle:
    """One stored battle, as ``kessen history`` lists it."""

    id: int
    created: datetime
    pack: str
    version: str
    seed: int
    sides: tuple[str, str]
    fighters: tuple[tuple[str, ...], tuple[str, ...]]
    players: tuple[str, str]
    winner: int | None
    reason: str | None
    turns: int
    scenario: str | None

    def verdict(self) -> str:
        return verdict(self.sides, self.winner, self.reason)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "created": self.created.isoformat(),
            "pack": self.pack,
            "version": self.version,
            "seed": self.seed,
            "sides": list(self.sides),
            "fighters": [list(f) for f in self.fighters],
            "players": list(self.players),
            "winner": self.winner,
            "reason": self.reason,
            "turns": self.turns,
            "scenario": self.scenario,
        }


def open_store(url: str | None = None) -> Store:
    """The store at ``url``, ``KESSEN_DATABASE_URL`` or the default SQLite file."""
    return Store(normalise_url(url) if url else database_url())


class Store:
    """A database of battle records (SQLite or PostgreSQL, through SQLAlchemy)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    def __repr__(self) -> str:
        return f"Store({self.shown_url!r})"

    @property
    def shown_url(self) -> str:
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return self.url

    @property
    def engine(self) -> Engine:
        """The engine, with the tables migrated to the latest revision on first use."""
        if self._engine is None:
            engine = self._connect()
            try:
                upgrade(engine)
            except SQLAlchemyError as exc:
                if not _up_to_date(engine):  # else another process migrated it meanwhile
                    engine.dispose()
                    raise self._error("cannot prepare the database", exc) from None
            self._engine = engine
        return self._engine

    def _connect(self) -> Engine:
        try:
            url = make_url(self.url)
            if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
        except (ArgumentError, ImportError, ValueError, OSError) as exc:
            raise KessenError(f"cannot use database {self.shown_url!r}: {exc}") from None
        if engine.dialect.name == "sqlite":
            _sqlite_transactions(engine)
        return engine

    def _error(self, what: str, exc: Exception) -> KessenError:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return KessenError(f"{what} ({self.shown_url}): {detail}")

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- writing ------------------------------------------------------------------------

    def add(self, record: Record) -> Added:
        """Store a record (once: the same record again gives the id it already has)."""
        text = record.text()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        existing = self._find(digest)
        if existing is not None:
            return Added(existing, False)
        row = _row_of(record, text, digest)
        try:
            with Session(self.engine) as session, session.begin():
                session.add(row)
                session.flush()
                new_id = row.id
        except IntegrityError:
            # Stored meanwhile by another process: the record is there, under its id.
            found = self._find(digest)
            if found is None:
                raise
            return Added(found, False)
        except SQLAlchemyError as exc:
            raise self._error("cannot store the record", exc) from None
        return Added(new_id, True)

    def add_text(self, text: str, source: str = "<record>") -> Added:
        """Read a record's text (checking its layout) and store it."""
        return self.add(parse_record(text, source))

    def _find(self, digest: str) -> int | None:
        with Session(self.engine) as session:
            return session.scalar(select(BattleRow.id).where(BattleRow.record_hash == digest))

    # -- reading ------------------------------------------------------------------------

    def count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(BattleRow)) or 0

    def record_text(self, battle_id: int) -> str:
        """The stored record of battle ``battle_id``."""
        with Session(self.engine) as session:
            text = session.scalar(select(BattleRow.record).where(BattleRow.id == battle_id))
        if text is None:
            raise KessenError(f"no stored battle #{battle_id} in {self.shown_url}")
        return text

    def battles(
        self,
        *,
        fighter: str | None = None,
        player: str | None = None,
        outcome: str | None = None,
        limit: int = 20,
    ) -> list[StoredBattle]:
        """Stored battles, newest first, filtered by fighter, player and outcome.

        The outcome is seen from the side of the fighter (and/or player) asked about:
        ``win`` lists battles that side won.  Without either, only ``draw`` makes sense.
        """
        query = select(BattleRow).options(selectinload(BattleRow.fighters))
        query = query.where(_filter(fighter, player, outcome))
        query = query.order_by(BattleRow.id.desc()).limit(max(0, limit))
        try:
            with Session(self.engine) as session:
                return [_stored(row) for row in session.scalars(query)]
        except SQLAlchemyError as exc:
            raise self._error("cannot read the stored battles", exc) from None


def _up_to_date(engine: Engine) -> bool:
    try:
        return current_revision(engine) == head_revision()
    except SQLAlchemyError:
        return False


def _sqlite_transactions(engine: Engine) -> None:
    """Real SQLite transactions, schema changes included (Python's driver leaves them out).

    Migrations then apply whole or not at all, and take the write lock from the start
    (``BEGIN IMMEDIATE``), so two processes opening a new database do not both migrate it.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN: we say it ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        lock = connection.get_execution_options().get(WRITE_LOCK)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if lock else "BEGIN")


def _row_of(record: Record, text: str, digest: str) -> BattleRow:
    row = BattleRow(
        created=datetime.now(UTC),
        pack=record.pack.name,
        version=record.pack.version,
        pack_hash=record.pack.hash,
        seed=str(record.seed),
        side1=record.sides[0],
        side2=record.sides[1],
        player1=record.players[0],
        player2=record.players[1],
        winner=record.outcome.winner,
        reason=record.outcome.reason,
        turns=record.outcome.turns,
        scenario=record.scenario,
        record_hash=digest,
        record=text,
    )
    row.fighters = [
        FighterRow(side=side, fighter=fighter)
        for side, ids in enumerate(record.fighters)
        for fighter in ids
    ]
    return row


def _filter(fighter: str | None, player: str | None, outcome: str | None):
    if outcome is not None and outcome not in OUTCOMES:
        raise KessenError(f"unknown outcome {outcome!r}: use win, loss or draw")
    if fighter is None and player is None:
        if outcome in ("win", "loss"):
            raise KessenError(f"--outcome {outcome} needs --fighter or --player (whose {outcome}?)")
        return BattleRow.winner.is_(None) if outcome == "draw" else true()
    involved = [_side_is(side, fighter, player) for side in (0, 1)]
    if outcome is None:
        return or_(*involved)
    if outcome == "draw":
        return and_(BattleRow.winner.is_(None), or_(*involved))
    won = [
        and_(involved[s], BattleRow.winner == (s if outcome == "win" else 1 - s)) for s in (0, 1)
    ]
    return or_(*won, false())


def _side_is(side: int, fighter: str | None, player: str | None):
    conditions: list[ColumnElement[bool]] = []
    if fighter is not None:
        conditions.append(
            exists().where(
                FighterRow.battle_id == BattleRow.id,
                FighterRow.side == side,
                FighterRow.fighter == fighter.strip().lower(),
            )
        )
    if player is not None:
        conditions.append((BattleRow.player1 if side == 0 else BattleRow.player2) == player)
    return and_(*conditions)


def _stored(row: BattleRow) -> StoredBattle:
    created = row.created if row.created.tzinfo else row.created.replace(tzinfo=UTC)
    return StoredBattle(
        id=row.id,
        created=created,
        pack=row.pack,
        version=row.version,
        seed=int(row.seed),
        sides=(row.side1, row.side2),
        fighters=(
            tuple(f.fighter for f in row.fighters if f.side == 0),
            tuple(f.fighter for f in row.fighters if f.side == 1),
        ),
        players=(row.player1, row.player2),
        winner=row.winner,
        reason=row.reason,
        turns=row.turns,
        scenario=row.scenario,
    )
