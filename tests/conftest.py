"""Fixtures shared by every part of the suite."""

from __future__ import annotations

import pytest

from kessen.content import Pack, load_starter_pack


@pytest.fixture(scope="session")
def pack() -> Pack:
    """The starter pack shipped with Kessen."""
    return load_starter_pack()
