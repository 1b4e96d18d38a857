"""Bringing a database's tables up to date with the migrations shipped in the package."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

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


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks, in one transaction where it can."""
    if current_revision(engine) == head_revision():
        return
    config = alembic_config()
    with engine.connect() as connection:
        connection = connection.execution_options(**{WRITE_LOCK: True})
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
