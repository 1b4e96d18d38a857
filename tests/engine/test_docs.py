"""docs/events.md and docs/rules.md say what the code does: checked, so they cannot drift."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from kessen.engine.events import EVENT_TYPES, event_from_dict, event_to_dict

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _event_sections() -> dict[str, list[str]]:
    text = (DOCS / "events.md").read_text("utf-8")
    sections = re.split(r"^### `(\w+)`$", text, flags=re.M)[1:]
    out = {}
    for name, body in zip(sections[::2], sections[1::2], strict=True):
        out[name] = re.findall(r"```json\n(.*?)\n```", body, flags=re.S)
    return out


def test_every_event_type_is_documented_once():
    assert list(_event_sections()) == list(EVENT_TYPES)


@pytest.mark.parametrize("kind", list(EVENT_TYPES))
def test_each_example_line_is_a_real_event_of_its_kind(kind):
    (line,) = _event_sections()[kind]
    data = json.loads(line)
    fields = [f for f in EVENT_TYPES[kind]._fields if f != "type"]
    assert list(data) == ["type", *fields]
    assert data["type"] == kind
    event = event_from_dict(data)
    assert json.dumps(event_to_dict(event), separators=(",", ":"), ensure_ascii=False) == line


def _constants() -> list[tuple[str, str, str]]:
    text = (DOCS / "rules.md").read_text("utf-8")
    table = text.split("## Constants", 1)[1]
    return re.findall(r"^\| `(\w+)` \| (\d+) \| `([\w.]+)` \|", table, flags=re.M)


def test_the_constants_in_the_rules_are_the_codes():
    rows = _constants()
    assert len(rows) >= 8
    for name, value, module in rows:
        assert getattr(importlib.import_module(module), name) == int(value), name


def test_the_doc_checks_can_fail(monkeypatch):
    import kessen.engine.combat as combat

    monkeypatch.setattr(combat, "TOUGHNESS", 31)
    with pytest.raises(AssertionError, match="TOUGHNESS"):
        test_the_constants_in_the_rules_are_the_codes()
