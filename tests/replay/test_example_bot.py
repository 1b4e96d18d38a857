"""The example bot in JavaScript plays a whole battle through ``kessen sim``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kessen.content import load_starter_pack
from kessen.replay import parse_record, verify_record

BOT = Path(__file__).parents[2] / "examples" / "bot.js"


def test_the_node_bot_plays_a_battle_that_verifies():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the JavaScript example bot cannot run")
    done = subprocess.run(
        [node, str(BOT), sys.executable, "-m", "kessen.cli.main", "sim"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    record = parse_record(done.stdout, "bot output")
    assert record.players == ("client", "heuristic")
    assert record.outcome.reason in ("defeat", "draw", "turn_limit")
    assert verify_record(record, load_starter_pack()).ok
    assert "bot: " in done.stderr and "turns" in done.stderr
