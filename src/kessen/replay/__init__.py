"""Battle records: keep a battle as its inputs and a hash of its events, and check it.

A battle is a pure function of (content, seed, choices).  A record keeps those three and,
per turn, a hash of the events; :func:`verify_record` plays it again and names the first
turn that comes out different.  Layout: ``docs/records.md``.
"""

from kessen.replay.digest import canonical_json, events_hash
from kessen.replay.files import load_record, pack_id, save_record, write_atomic
from kessen.replay.record import (
    FORMAT_VERSION,
    Outcome,
    PackId,
    Record,
    TurnEntry,
    parse_record,
    record_of,
)
from kessen.replay.verify import (
    Verification,
    pack_mismatch,
    rebuild,
    replay,
    round_trip,
    verify_record,
)

__all__ = [
    "FORMAT_VERSION",
    "Outcome",
    "PackId",
    "Record",
    "TurnEntry",
    "Verification",
    "canonical_json",
    "events_hash",
    "load_record",
    "pack_id",
    "pack_mismatch",
    "parse_record",
    "rebuild",
    "record_of",
    "replay",
    "round_trip",
    "save_record",
    "verify_record",
    "write_atomic",
]
