"""The surfaces of kessen.replay, kessen.protocol and kessen.storage are pinned."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kessen.protocol
import kessen.replay
import kessen.storage

PINNED = {
    kessen.replay: [
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
    ],
    kessen.protocol: [
        "CLIENT",
        "ERROR_CODES",
        "GREETING",
        "MAX_LINE",
        "OPTIONS",
        "PROTOCOL_VERSION",
        "SimSession",
        "parse_line",
        "serve",
    ],
    kessen.storage: [
        "ENV_VAR",
        "OUTCOMES",
        "Added",
        "Store",
        "StoredBattle",
        "database_url",
        "default_database_path",
        "open_store",
    ],
}


@pytest.mark.parametrize("module", list(PINNED), ids=lambda m: m.__name__)
def test_all_is_pinned(module):
    assert sorted(module.__all__) == sorted(PINNED[module])
    for name in module.__all__:
        assert hasattr(module, name), name


@pytest.mark.parametrize("package", ["replay", "protocol", "storage"])
def test_no_part_reaches_into_the_command_line(package):
    folder = Path(kessen.replay.__file__).parents[1] / package
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("kessen.cli"), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("kessen.cli") for a in node.names), path
