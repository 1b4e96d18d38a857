"""docs/content.md is true: its Python examples run and its example pack loads."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from kessen.content import parse_pack

DOC = Path(__file__).resolve().parents[2] / "docs" / "content.md"


def test_the_python_examples_run() -> None:
    text = DOC.read_text("utf-8")
    source = "\n\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.S))
    test = doctest.DocTestParser().get_doctest(source, {}, "content.md", str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 10
    assert result.failed == 0


def test_the_example_pack_loads() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text("utf-8"), flags=re.S)
    packs = [b for b in blocks if b.startswith('[pack]\nname = "academy"')]
    assert len(packs) == 1
    academy = parse_pack(packs[0], "content.md")
    assert set(academy.fighters) == {"hero", "rival"}
    assert academy.fighter("hero").technique("call_dog").summon.id == "dog"  # type: ignore[union-attr]
