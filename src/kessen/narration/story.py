"""A told story as data: sections of paragraphs of lines, each line tagged with its beat.

The tags are what the renderers ignore and the tests read: which beat a sentence tells,
whom it is about, (for the epilogue) the fate it states, (for a summary of routine
exchanges) the turns it covers, and (for the fight) the turn it tells.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

__all__ = ["Line", "Section", "Story"]


@dataclass(frozen=True, slots=True)
class Line:
    """One piece of prose (a sentence or a few) telling one beat."""

    text: str
    beat: str
    about: tuple[str, ...] = ()
    value: str | None = None
    #: The turn of the fight the line tells, for lines of the fight that tell one turn.
    turn: int | None = None


@dataclass
class Section:
    """A headed part of the story: ``kind`` is intro, thoughts, battle, aftermath or
    epilogue."""

    heading: str
    kind: str
    paragraphs: list[list[Line]] = field(default_factory=list)

    def add(self, paragraph: Sequence[Line | None]) -> None:
        """Add a paragraph, dropping the lines that could not be said."""
        lines = [line for line in paragraph if line is not None]
        if lines:
            self.paragraphs.append(lines)


@dataclass
class Story:
    """The whole story, plus the chart data an HTML page can draw."""

    title: str
    sections: list[Section] = field(default_factory=list)
    #: Per fighter (display name): ``(turn, health, chakra)`` points of the fight.
    series: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def lines(self) -> Iterator[Line]:
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield from paragraph

    def told(self, beat: str) -> list[Line]:
        """Every line that tells ``beat``."""
        return [line for line in self.lines() if line.beat == beat]

    def fates(self) -> dict[str, str]:
        """The fate the epilogue states for each fighter (uid -> fate)."""
        return {
            line.about[0]: line.value
            for line in self.lines()
            if line.beat.startswith("fate_") and line.value
        }
