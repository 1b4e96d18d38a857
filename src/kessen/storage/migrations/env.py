"""Alembic's environment for Kessen's tables.

Kessen runs migrations itself (:func:`kessen.storage.migrate.upgrade`), handing over an
open connection in ``config.attributes["connection"]``.  Run by hand, with
``alembic -c src/kessen/storage/alembic.ini upgrade head``, it connects to
``KESSEN_DATABASE_URL`` or the default database.
"""

from alembic import context
from sqlalchemy import create_engine, pool

from kessen.storage.models import Base

target_metadata = Base.metadata


def _url() -> str:
    from kessen.storage.url import database_url

    return context.config.get_main_option("sqlalchemy.url") or database_url()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    elif (given := context.config.attributes.get("connection")) is not None:
        _run(given)
    else:
        with create_engine(_url(), poolclass=pool.NullPool).connect() as connection:
            _run(connection)


# Alembic sets ``context.config`` before it runs this file; anything else that imports it
# (a doctest collector, say) finds no context and nothing runs.
if getattr(context, "config", None) is not None:
    main()
