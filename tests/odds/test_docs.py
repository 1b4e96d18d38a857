"""docs/odds.md's Python examples run as written, and its JSON table names every field."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from kessen.odds import MatchSpec, run_odds

DOC = Path(__file__).resolve().parents[2] / "docs" / "odds.md"


def test_the_python_examples_run():
    blocks = "\n\n".join(re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), flags=re.S))
    test = doctest.DocTestParser().get_doctest(blocks, {}, "odds.md", str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.attempted > 8 and summary.failed == 0


def test_the_json_table_documents_every_field():
    documented = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", DOC.read_text("utf-8"), flags=re.M):
        documented.update(re.findall(r"`(\w+)`", row))
    fields = set(run_odds(MatchSpec(("naruto", "sasuke"), seed=1), 2, workers=1).to_dict())
    assert fields <= documented, fields - documented
