"""Every command the README and docs/ show runs as shown, and exits as they say.

Shell blocks (```sh, ```console) are read line by line.  A ``kessen`` (or ``node``) line runs
in bash, in a folder of its own per document, with small battle counts; lines of a block run
in order, so a ``--save`` feeds the ``replay verify`` below it.  A block written right after
``<!-- file: NAME -->`` is that file, there for every document's commands.  In a console
block, a command is expected to exit 2 when its output starts with an error line, or with
the code an ``echo $?`` below it prints; every other command must exit 0.

Not run: ``make``, ``pip`` and other set-up lines (CI runs the quick start itself), and Ray
lines (tests/odds runs odds against a real Ray cluster).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent

#: The most battles a command of the docs plays here, per command.
SMALL = {"odds": 200, "tournament": 10, "arena": 4}

_FENCE = re.compile(r"^```(\w*)\s*$")
_FILE_MARK = re.compile(r"^<!--\s*file:\s*(\S+)\s*-->\s*$")


@dataclass(frozen=True)
class Command:
    document: str
    line: int
    text: str
    exit_code: int


def _strip_comment(line: str) -> str:
    # A comment starts at a '#' after white space, outside quotes ('#1' is not one).
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line.rstrip()


def _runnable(text: str) -> bool:
    words = re.sub(r"^(\w+=\S+\s+)+", "", text).split()
    if not words or words[0] not in ("kessen", "node"):
        return False
    if "ray" in words or any(w.startswith("ray://") for w in words):
        return False
    return not ("jq" in words and shutil.which("jq") is None)


def blocks(path: Path) -> list[tuple[str, int, list[str], str | None]]:
    """The fenced blocks of a document: (language, first line, lines, file it is)."""
    found: list[tuple[str, int, list[str], str | None]] = []
    lines = path.read_text("utf-8").splitlines()
    i, mark = 0, None
    while i < len(lines):
        file_mark = _FILE_MARK.match(lines[i])
        fence = _FENCE.match(lines[i])
        if file_mark:
            mark = file_mark.group(1)
        elif fence:
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            found.append((fence.group(1), start + 1, body, mark))
            mark = None
        elif lines[i].strip():
            mark = None
        i += 1
    return found


def commands(path: Path) -> list[Command]:
    out: list[Command] = []
    for language, first, body, _ in blocks(path):
        if language in ("sh", "bash", "shell"):
            for n, raw in enumerate(body):
                text = _strip_comment(raw)
                if _runnable(text):
                    out.append(Command(path.name, first + n, text, 0))
        elif language == "console":
            for n, raw in enumerate(body):
                if not raw.startswith("$ "):
                    continue
                text = _strip_comment(raw[2:])
                if not _runnable(text):
                    continue
                following = body[n + 1] if n + 1 < len(body) else ""
                code = 2 if re.match(r"(kessen: )?error", following) else 0
                echo = [j for j in range(n + 1, len(body)) if body[j].startswith("$ ")]
                if echo and body[echo[0]].strip() == "$ echo $?" and echo[0] + 1 < len(body):
                    code = int(body[echo[0] + 1].strip())
                out.append(Command(path.name, first + n, text, code))
    return out


def small(text: str) -> str:
    """The command with battle counts cut down to :data:`SMALL`."""
    parts = text.split(" | ")
    words = parts[0].split()
    if "kessen" not in words:
        return text
    k = words.index("kessen")
    command = words[k + 1] if k + 1 < len(words) else ""
    if command in SMALL:
        limit = SMALL[command]
        if "-n" in words:
            i = words.index("-n")
            words[i + 1] = str(min(int(words[i + 1].replace(",", "")), limit))
        else:
            words += ["-n", str(limit)]
    return " | ".join([" ".join(words), *parts[1:]])


def files() -> dict[str, str]:
    """Every file the docs write out (``<!-- file: NAME -->`` before a block)."""
    out = {}
    for path in DOCUMENTS:
        for _, _, body, name in blocks(path):
            if name:
                out[name] = "\n".join(body) + "\n"
    return out


def test_reading_finds_commands_comments_and_expected_codes(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(
        "<!-- file: a.toml -->\n```toml\nx = 1\n```\n"
        "```sh\nmake story\nkessen history add b.jsonl   # stored as #1\n"
        "kessen odds a b --backend ray\n```\n"
        "```console\n$ kessen duel a b\nkessen: error: unknown\n$ kessen content check c\n"
        "c: ok\n$ echo $?\n3\n```\n",
        "utf-8",
    )
    found = commands(doc)
    assert [(c.text, c.exit_code) for c in found] == [
        ("kessen history add b.jsonl", 0),
        ("kessen duel a b", 2),
        ("kessen content check c", 3),
    ]
    cut = small("kessen odds a b -n 100,000 --json | jq .n")
    assert cut == "kessen odds a b -n 200 --json | jq .n"
    assert small("kessen arena p q") == "kessen arena p q -n 4"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'kessen.db'}"


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if commands(d)], ids=lambda p: p.name)
def test_every_command_shown_runs_as_shown(document: Path, tmp_path: Path, database: str) -> None:
    shown = commands(document)
    for name, text in files().items():
        (tmp_path / name).write_text(text, "utf-8")
    for folder in ("examples", "src"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "KESSEN_DATABASE_URL": database,
        "COLUMNS": "120",
    }
    failures = []
    for command in shown:
        run = subprocess.run(
            ["bash", "-o", "pipefail", "-c", small(command.text)],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if run.returncode != command.exit_code:
            failures.append(
                f"{command.document}:{command.line}: {command.text!r} exited {run.returncode}, "
                f"not {command.exit_code}: {(run.stderr or run.stdout).strip()[-300:]}"
            )
    assert not failures, "\n".join(failures)
