"""Which database: ``KESSEN_DATABASE_URL``, or a SQLite file under the user's data folder.

>>> database_url({"KESSEN_DATABASE_URL": "postgres://kessen@db/kessen"})
'postgresql+psycopg://kessen@db/kessen'
>>> database_url({"KESSEN_DATABASE_URL": "sqlite:///battles.db"})
'sqlite:///battles.db'
>>> database_url({}).startswith("sqlite:///") and database_url({}).endswith("kessen.db")
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

__all__ = ["ENV_VAR", "database_url", "default_database_path", "normalise_url"]

ENV_VAR = "KESSEN_DATABASE_URL"


def default_database_path() -> Path:
    """The SQLite file used when no URL is given."""
    return Path(platformdirs.user_data_dir("kessen")) / "kessen.db"


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """The URL of the database to use (the environment's, or the default SQLite file)."""
    env = os.environ if environ is None else environ
    given = env.get(ENV_VAR, "").strip()
    if given:
        return normalise_url(given)
    return f"sqlite:///{default_database_path()}"


def normalise_url(url: str) -> str:
    """Plain ``postgresql://`` URLs use psycopg 3, the driver Kessen installs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
