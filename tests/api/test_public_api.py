"""The public surface is small and pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import ast
from pathlib import Path

import kessen

SRC = Path(kessen.__file__).parent


def test_all_is_pinned() -> None:
    assert sorted(kessen.__all__) == [
        "Battle",
        "Choice",
        "ChoiceSyntaxError",
        "ContentError",
        "Fighter",
        "IllegalChoiceError",
        "KessenError",
        "Pack",
        "RecordError",
        "Technique",
        "UnknownNameError",
        "__version__",
        "load_pack",
        "load_starter_pack",
        "make_player",
        "play_out",
    ]
    for name in kessen.__all__:
        assert hasattr(kessen, name), name


def test_error_classes_share_one_base() -> None:
    for cls in (
        kessen.ChoiceSyntaxError,
        kessen.IllegalChoiceError,
        kessen.ContentError,
        kessen.UnknownNameError,
        kessen.RecordError,
    ):
        assert issubclass(cls, kessen.KessenError)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_engine_imports_nothing_around_it() -> None:
    offenders = []
    for path in sorted((SRC / "engine").glob("*.py")):
        for module in _imports(path):
            if module.startswith("kessen") and not (
                module.startswith("kessen.engine") or module == "kessen.errors"
            ):
                offenders.append(f"{path.name} imports {module}")
    assert offenders == []


def test_only_the_random_stream_is_a_source_of_chance() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        modules = _imports(path)
        if "random" in modules or "secrets" in modules:
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_the_import_check_sees_imports(tmp_path: Path) -> None:
    # The checks above are only as good as _imports: show it finds what it should.
    sample = tmp_path / "sample.py"
    sample.write_text("import random\nfrom kessen.cli import main\nfrom . import x\n")
    assert _imports(sample) == {"random", "kessen.cli"}


def test_errors_survive_pickling() -> None:
    # Odds workers are other processes: their errors must come back whole.
    import pickle

    from kessen.errors import ContentError, ContentProblem, UnknownNameError

    unknown = pickle.loads(pickle.dumps(UnknownNameError("fighter", "narto", ["naruto"])))
    assert (unknown.what, unknown.name, unknown.suggestions) == ("fighter", "narto", ("naruto",))
    assert str(unknown) == "unknown fighter 'narto'; did you mean naruto?"
    problems = [ContentProblem("a.toml", "fighters.x.health", "missing field")] * 2
    content = pickle.loads(pickle.dumps(ContentError(problems)))
    assert str(content) == str(ContentError(problems))
    assert [str(p) for p in content.problems] == [str(p) for p in problems]
