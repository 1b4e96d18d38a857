"""The opening of a story: the place, the stakes, and what each fighter has in mind.

Motives are said as the data writes them; memories become a line of their own ("Haku.
Gaara. The mission to the Snow Country.") or a list, as the phrasebook chooses.
"""

from __future__ import annotations

from kessen.narration.context import Narrator
from kessen.narration.people import Person, join_words
from kessen.narration.phrasebook import fill, sentences
from kessen.narration.story import Line, Section

__all__ = ["intro_section", "side_person", "thoughts_sections"]


def side_person(n: Narrator, side: int) -> Person:
    """A side as one person (a fighter, or ``Naruto and Sasuke``)."""
    fighters = [u for u in n.battle.units if u.side == side and u.role == "fighter"]
    if len(fighters) == 1:
        return n.person(fighters[0].uid)
    names = [n.person(u.uid).short for u in fighters]
    return Person(join_words(names), join_words(names), "they")


def intro_section(n: Narrator, title: str) -> Section:
    section = Section(title, "intro")
    a, b = side_person(n, 0), side_person(n, 1)
    place = n.place_name()
    summary = []
    if n.scenario is not None:
        summary.append(n.verbatim(n.scenario.summary, "summary"))
        described = n.scenario.places.get(n.scenario.place)
        if described is not None and described.description:
            summary.append(n.verbatim(described.description, "place"))
    section.add(summary)
    section.add(
        [
            n.line("opening", (), a=a, b=b, place=place),
            n.line("opening_stakes", (), a=a, b=b),
            n.line("opening_past", (), a=a, b=b),
        ]
    )
    return section


def thoughts_sections(n: Narrator) -> list[Section]:
    """One "Inside X's mind" section per fighter; those with the most at stake last."""
    fighters = [u for u in n.battle.units if u.role == "fighter"]
    fighters.sort(key=lambda u: (u.stakes, n.battle.units.index(u)))
    # One way of heading these for the whole story: "Inside X's mind", "Inside Y's mind".
    heading = n.teller.pick(n.teller.book.phrasings("heading_thoughts")) or "{a}"
    sections = []
    for u in fighters:
        spec = u.spec
        motives, memories = spec.motives, spec.memories
        if n.scenario is not None:
            motives = n.scenario.motives(spec.id, spec.motives)
            memories = n.scenario.memories(spec.id, spec.memories)
        if not motives and not memories:
            continue
        a = n.person(u.uid)
        section = Section(fill(heading, {"a": a}), "thoughts")
        about = (u.uid,)
        told = _some(n, list(motives), MOTIVES_TOLD)
        lines: list[Line | None] = [n.line("thoughts_open", about, a=a)]
        if told:
            lines.extend(_motive(n, a, about, told[0]))
        flash = len(memories) >= FLASH_FROM
        # Of a few memories, fewer are called up, so that tellings differ.
        count = MEMORIES_TOLD if len(memories) > MEMORIES_TOLD else len(memories) - 1
        lines.append(_memories(n, a, about, _some(n, list(memories), max(1, count)), flash))
        for motive in told[1:]:
            lines.extend(_motive(n, a, about, motive))
        if u.stakes:
            lines.append(n.line("thoughts_stakes", about, a=a))
        if n.teller.rng.chance(50):  # a closing line now and then, not a refrain
            lines.append(n.line("thoughts_close", about, a=a))
        section.add(lines)
        sections.append(section)
    return sections


#: How many of a fighter's motives, and of its memories, one telling calls up: a story
#: selects, and another telling of the same mind selects differently.
MOTIVES_TOLD = 2
MEMORIES_TOLD = 3
#: Percent of motive sentences said inside a frame ("..., he told himself.").
FRAMED_PERCENT = 90


def _some(n: Narrator, items: list[str], count: int) -> list[str]:
    """``count`` of ``items`` picked at random, kept in their order."""
    if len(items) <= count:
        return items
    keep: set[int] = set()
    while len(keep) < count:
        keep.add(n.teller.rng.below(len(items)))
    return [item for i, item in enumerate(items) if i in keep]


#: Memories come back in flashes ("Haku. Gaara. The race.") only for a fighter with at
#: least this many, so that the flashes are not the same ones every time.
FLASH_FROM = 4


def _motive(n: Narrator, a: Person, about: tuple[str, ...], motive: str) -> list[Line | None]:
    """A motive as the data writes it, its sentences said plain or inside a frame."""
    out: list[Line | None] = []
    for sentence in sentences(motive):
        if n.teller.rng.chance(FRAMED_PERCENT):
            thought = sentence.rstrip(".!")
            beat = "motive_after" if ":" in thought or ";" in thought else "motive_framed"
            if beat == "motive_framed" and not _starts_with_name(n, thought):
                thought = thought[:1].lower() + thought[1:]
            line = n.line(beat, about, a=a, thought=thought)
            if line is not None:
                out.append(Line(line.text, "motive", about))
                continue
        out.append(n.verbatim(sentence, "motive", about))
    return out


def _starts_with_name(n: Narrator, text: str) -> bool:
    """Whether ``text`` opens with someone's name (which keeps its capital)."""
    first = text.split(maxsplit=1)[0].strip(",;:'\"") if text.strip() else ""
    names = {p.short.split()[0] for p in n.people.values() if p.short}
    names |= {w for entry in n.names.values() for w in str(entry.get("short", "")).split()}
    names |= {w for f in n.pack.fighters.values() for w in f.name.split()}
    return first in names or first == "I"


def _memories(
    n: Narrator, a: Person, about: tuple[str, ...], memories: list[str], flash: bool
) -> Line | None:
    if not memories:
        return None
    if len(memories) == 1:
        return n.line("memory_one", about, a=a, memory=memories[0])
    if flash and n.teller.rng.chance(10):
        fragments = " ".join(m[:1].upper() + m[1:].rstrip(".") + "." for m in memories)
        return n.line("memories_flash", about, a=a, fragments=fragments)
    return n.line("memories_list", about, a=a, memories=list_of(memories))


def list_of(items: list[str]) -> str:
    """Memories as one list: commas, or semicolons when a memory has commas of its own.

    >>> list_of(["Haku", "Gaara", "the race"])
    'Haku, Gaara and the race'
    >>> list_of(["the exam, when it began", "Lee and Neji", "the roof"])
    'the exam, when it began; Lee and Neji; and the roof'
    """
    if not any("," in m or " and " in m for m in items):
        return join_words(items)
    return "; ".join(items[:-1]) + "; and " + items[-1]
