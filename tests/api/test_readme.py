"""The README's Python examples run as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def python_blocks(text: str) -> str:
    """The README's ```python blocks, joined, for doctest to run."""
    return "\n\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.S))


def test_readme_examples_run() -> None:
    source = python_blocks(README.read_text("utf-8"))
    test = doctest.DocTestParser().get_doctest(source, {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).attempted > 5
    assert runner.summarize(verbose=False).failed == 0


def test_block_extraction_finds_examples() -> None:
    text = "intro\n```python\n>>> 1 + 1\n2\n```\n```sh\nmake\n```\n"
    assert python_blocks(text).strip() == ">>> 1 + 1\n2"
