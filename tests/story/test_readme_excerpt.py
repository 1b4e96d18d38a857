"""The README's excerpt of ``make story`` is real output of ``make story`` (seed 7)."""

from __future__ import annotations

import re
from pathlib import Path

from kessen.aftermath import play_scenario, run_aftermath
from kessen.narration import tell_battle
from kessen.scenario import load_scenario

README = Path(__file__).resolve().parents[2] / "README.md"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_readme_excerpt_is_what_make_story_tells(pack) -> None:
    readme = README.read_text("utf-8")
    start = readme.index("An excerpt of `make story`")
    opening = readme.index("```text\n", start) + len("```text\n")
    block = readme[opening : readme.index("\n```", opening)]
    valley = load_scenario("valley-of-the-end")
    battle = play_scenario(valley, pack, 7)  # the Makefile's SEED
    told = _flat(
        tell_battle(battle, pack, scenario=valley, aftermath=run_aftermath(battle, valley, pack))
    )
    chunks = [_flat(c) for c in block.split("\n...\n")]
    assert len(chunks) >= 2 and all(chunks)
    for chunk in chunks:
        assert chunk in told, chunk[:80]


def test_the_story_doc_examples_run() -> None:
    import doctest

    doc = Path(__file__).resolve().parents[2] / "docs" / "story.md"
    result = doctest.testfile(str(doc), module_relative=False)
    assert result.attempted and not result.failed
