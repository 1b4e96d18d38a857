"""Every error Kessen raises on purpose.

::

    KessenError                 base of everything below
    ├── ChoiceSyntaxError       a choice line that cannot be read
    ├── IllegalChoiceError      a readable choice the rules forbid right now
    ├── ContentError            a pack or scenario that is wrong (file + field path)
    ├── UnknownNameError        a fighter, scenario or player name that does not exist
    └── RecordError             a battle record that cannot be read or does not verify

Each message names the input and where it went wrong, so a command line can print it as
it is and exit with code 2.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ChoiceSyntaxError",
    "ContentError",
    "ContentProblem",
    "IllegalChoiceError",
    "KessenError",
    "RecordError",
    "UnknownNameError",
]


class KessenError(Exception):
    """Base class of every error Kessen raises on purpose."""


class ChoiceSyntaxError(KessenError, ValueError):
    """A choice written in notation that cannot be parsed."""


class IllegalChoiceError(KessenError, ValueError):
    """A well-formed choice that the rules do not allow in the current state."""


class UnknownNameError(KessenError, LookupError):
    """A name (fighter, scenario, player) that does not exist; carries close matches."""

    def __init__(self, what: str, name: str, suggestions: Sequence[str] = ()) -> None:
        self.what = what
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {what} {name!r}{hint}")

    def __reduce__(self) -> tuple[type, tuple]:
        # Rebuilt from its own arguments, so it crosses process boundaries (odds workers).
        return (type(self), (self.what, self.name, self.suggestions))


class ContentProblem:
    """One problem in a pack: the file, the dotted path of the field, and what is wrong."""

    __slots__ = ("message", "path", "source")

    def __init__(self, source: str, path: str, message: str) -> None:
        self.source = source
        self.path = path
        self.message = message

    def __str__(self) -> str:
        where = f"{self.source}: {self.path}" if self.path else self.source
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"ContentProblem({self.source!r}, {self.path!r}, {self.message!r})"

    def __reduce__(self) -> tuple[type, tuple]:
        return (type(self), (self.source, self.path, self.message))


class ContentError(KessenError, ValueError):
    """Bad content: every problem found, each with the file and the field's path."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = tuple(problems)
        lines = [str(p) for p in self.problems]
        head = lines[0] if len(lines) == 1 else f"{len(lines)} problems:\n  " + "\n  ".join(lines)
        super().__init__(head)

    def __reduce__(self) -> tuple[type, tuple]:
        return (type(self), (self.problems,))


class RecordError(KessenError, ValueError):
    """A battle record that is unreadable, made with other content, or does not verify."""
