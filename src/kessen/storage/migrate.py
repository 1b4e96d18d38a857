"""Bringing a database's tables up to date with the migrations shipped in the package."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

__all__ = ["WRITE_LOCK", "alembic_config", "current_revision", "head_revision", "upgrade"]

#: Execution option asking for the database's write lock when the transaction begins.
WRITE_LOCK = "kessen_write_lock"


def alembic_config() -> Config:
    """An Alembic configuration pointing at ``kessen/storage/migrations`` (no ini file)."""
    config = Config()
    location = resources.files("kessen.storage").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration the database lacks (up to ``revision``), in one transaction.

    On SQLite, foreign keys are off while migrations run, as SQLite asks for changes that
    rebuild a table (else rebuilding ``battles`` would delete every fighter row through
    ``ON DELETE CASCADE``); before the transaction commits, ``PRAGMA foreign_key_check``
    must find nothing broken.
    """
    if revision == "head" and current_revision(engine) == head_revision():
        return
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(connection, on=False)
        try:
            locked = connection.execution_options(**{WRITE_LOCK: True})
            with locked.begin():
                config.attributes["connection"] = locked
                command.upgrade(config, revision)
                if sqlite and (broken := locked.exec_driver_sql("PRAGMA foreign_key_check").all()):
                    raise RuntimeError(f"a migration broke foreign keys: {broken[:3]}")
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    # Straight to the driver: a PRAGMA foreign_keys inside a transaction does nothing, and
    # SQLAlchemy would begin one.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    finally:
        cursor.close()
