"""Running the command line in-process: exit code, stdout and stderr."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kessen.cli.main import main

GOLDEN_PACK = Path(__file__).resolve().parents[1] / "golden" / "golden_pack.toml"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def kessen(capsys, monkeypatch):
    """``kessen(*args)`` runs the command line and returns its code and output."""
    monkeypatch.setenv("COLUMNS", "1000")  # rich tables unwrapped, whatever the terminal

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def golden_pack_path() -> str:
    return str(GOLDEN_PACK)
