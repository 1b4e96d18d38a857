"""Hashes of events: what a record keeps so that a replay can be checked.

A turn's hash is the SHA-256 of its events, each written as canonical JSON (the layout of
:func:`~kessen.engine.events.event_to_dict`, keys sorted, no spaces, UTF-8) on a line of
its own.  Any program can compute it, in any language, from the events alone.

>>> from kessen.engine.events import Stunned
>>> canonical_json({"b": 1, "a": [1, "é"]})
'{"a":[1,"é"],"b":1}'
>>> events_hash([]) == events_hash([])
True
>>> events_hash([Stunned(1, "p1.naruto")]) != events_hash([Stunned(2, "p1.naruto")])
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from kessen.engine.events import event_to_dict

__all__ = ["canonical_json", "dicts_hash", "events_hash"]


def canonical_json(data: Any) -> str:
    """One compact line of JSON with sorted keys: the same text for the same data."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dicts_hash(events: Iterable[dict[str, Any]]) -> str:
    """SHA-256 (hex) of events already in their JSON layout."""
    digest = hashlib.sha256()
    for data in events:
        digest.update(canonical_json(data).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def events_hash(events: Iterable) -> str:
    """SHA-256 (hex) of engine events: the hash a record keeps for each turn."""
    return dicts_hash(event_to_dict(e) for e in events)
