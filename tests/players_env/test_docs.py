"""docs/env.md and docs/play.md say what the code does: checked, so they cannot drift."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from kessen.arena import run_arena
from kessen.env.encoding import TECHNIQUE_FEATURES, UNIT_FEATURES

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("name", ["env.md", "play.md"])
def test_python_examples_run(name: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    source = "\n\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.S))
    test = doctest.DocTestParser().get_doctest(source, {}, name, str(DOCS / name), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    if name == "env.md":
        assert runner.summarize(verbose=False).attempted > 5


def _table_names(text: str, header: str) -> list[str]:
    table = text.split(f"| {header} | value |", 1)[1].split("\n\n", 1)[0]
    names: list[str] = []
    for row in table.splitlines()[2:]:
        names.extend(re.findall(r"`(\w+)`", row.split("|")[1]))
    return names


def test_observation_tables_list_every_feature_in_order() -> None:
    text = (DOCS / "env.md").read_text("utf-8")
    assert _table_names(text, "unit feature") == list(UNIT_FEATURES)
    assert _table_names(text, "technique feature") == list(TECHNIQUE_FEATURES)


def test_arena_json_example_has_the_real_keys() -> None:
    text = (DOCS / "play.md").read_text("utf-8")
    (example,) = re.findall(r"```json\n(.*?)\n```", text, flags=re.S)
    shown = json.loads(example)
    real = run_arena("heuristic", "random", 2, roster=["lee"]).to_dict()
    assert list(shown) == list(real)
