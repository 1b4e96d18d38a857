"""Storage: battle records kept in a database (SQLite by default, PostgreSQL by URL).

``KESSEN_DATABASE_URL`` chooses the database (``sqlite:///path`` or
``postgresql+psycopg://user@host/db``); without it, a SQLite file under the user's data
folder is used.  Tables are made and upgraded by Alembic migrations on first use.
Layout and examples: ``docs/storage.md``.
"""

from kessen.storage.store import OUTCOMES, Added, Store, StoredBattle, open_store
from kessen.storage.url import ENV_VAR, database_url, default_database_path

__all__ = [
    "ENV_VAR",
    "OUTCOMES",
    "Added",
    "Store",
    "StoredBattle",
    "database_url",
    "default_database_path",
    "open_store",
]
