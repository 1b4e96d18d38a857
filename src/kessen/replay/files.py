"""Records on disk: written whole or not at all, read back with errors that say where."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kessen.content import Pack
from kessen.engine import Battle
from kessen.errors import RecordError
from kessen.replay.record import PackId, Record, parse_record, record_of

__all__ = ["load_record", "pack_id", "save_record", "write_atomic"]


def pack_id(pack: Pack) -> PackId:
    """The identity of a loaded pack, as a record keeps it."""
    return PackId(pack.name, pack.version, pack.hash)


def save_record(
    path: str | os.PathLike[str],
    battle: Battle,
    pack: Pack,
    *,
    players: Sequence[str] = ("heuristic", "heuristic"),
    sides: Sequence[str] = ("naruto", "sasuke"),
    scenario: Any = None,
    with_events: bool = False,
    store: bool | str = False,
) -> None:
    """Write ``battle``'s record to ``path`` (JSON lines), replacing the file atomically.

    ``scenario`` is a scenario's name (or a scenario, whose ``id`` is kept).
    ``with_events`` also writes every event, not only each turn's hash.  ``store`` also
    keeps the record in the database: ``True`` for the default one, or a database URL.
    """
    _check_content(battle, pack)
    record = record_of(
        battle,
        pack_id(pack),
        players=players,
        sides=sides,
        scenario=scenario if scenario is None or isinstance(scenario, str) else scenario.id,
        with_events=with_events,
    )
    write_atomic(path, record.text())
    if store:
        from kessen.storage import open_store

        open_store(None if store is True else store).add(record)


def _check_content(battle: Battle, pack: Pack) -> None:
    # A record names fighters by id; replaying it takes them from the pack.  A fighter that
    # is not the pack's own (changed by a scenario, say) could not be replayed faithfully.
    catalog = pack.catalog
    for uid in (uid for side in battle.events[0].sides for uid in side):
        spec = battle.unit(uid).spec
        if catalog.get(spec.id) != spec:
            raise RecordError(
                f"cannot record this battle: fighter {spec.id!r} ({uid}) is not pack "
                f"{pack.name}'s {spec.id!r}, so the record could not be replayed"
            )


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: whole or not at all."""
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise RecordError(f"cannot write record {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise RecordError(f"cannot write record {target}: {exc.strerror or exc}") from None
        raise


def load_record(path: str | os.PathLike[str]) -> Record:
    """Read and check the layout of the record at ``path``."""
    source = str(path)
    try:
        text = Path(path).read_text("utf-8-sig")  # a byte-order mark (Windows) is no harm
    except FileNotFoundError:
        raise RecordError(f"{source}: no such file") from None
    except UnicodeDecodeError:
        raise RecordError(f"{source}: not a Kessen record (not UTF-8 text)") from None
    except OSError as exc:
        raise RecordError(f"{source}: cannot read: {exc.strerror or exc}") from None
    return parse_record(text, source)
