"""The phrasebook: every phrasing of every story beat, read from the TOML files in ``text/``.

A phrasing is a template: ``{a}`` names a person, ``{a.his}`` asks a form of one (see
:data:`~kessen.narration.people.FORMS`), ``{tech}`` inserts a plain value, and
``{~slot}`` one of the words listed for that slot in ``text/slots.toml`` (so that a
phrasing varies inside the sentence too).  Nothing else is interpreted: the phrasebook
is data, like a pack.

A :class:`Teller` picks phrasings with its own random stream and never says the same
sentence twice in one story.

>>> book = load_phrasebook()
>>> "clash_even" in book.beats
True
>>> from kessen.engine import RandomStream
>>> from kessen.narration.people import Person
>>> teller = Teller(Phrasebook({"fall": ("{a} fell.", "{a.He} went down.")}), RandomStream(1))
>>> a = Person("Naruto Uzumaki", "Naruto", "he")
>>> sorted([teller.say("fall", a=a), teller.say("fall", a=a)])
['He went down.', 'Naruto fell.']
>>> teller.say("fall", a=a) is None
True
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kessen.engine import RandomStream
from kessen.errors import ContentError, ContentProblem
from kessen.narration.people import FORMS, Person

__all__ = ["Phrasebook", "Teller", "load_phrasebook", "placeholders", "sentences"]

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\.([A-Za-z]+))?\}")
_SLOT = re.compile(r"\{~([a-z_][a-z0-9_]*)\}")
# A sentence ends at . ! ? or an ellipsis followed by a capital, a quote or the end: the
# trailing words of a dying man ("Thank... you... baka.") are one sentence.
_SENTENCE = re.compile(r"""\s*.+?[.!?…]+["'”’)]*(?=\s+["'“‘(]?[A-Z]|\s*$)|\s*.+$""", re.S)


#: How quoted words end when the sentence goes on to say who said them.
_SAID = ('..."', '?"', '!"', ',"', "...”", "?”", "!”")


def placeholders(template: str) -> list[tuple[str, str | None]]:
    """The ``(name, form)`` pairs a template asks for.

    >>> placeholders("{a} drove {a.his} {tech} home.")
    [('a', None), ('a', 'his'), ('tech', None)]
    """
    return [(m.group(1), m.group(2)) for m in _PLACEHOLDER.finditer(template)]


def sentences(text: str) -> list[str]:
    """Split prose into sentences (for the no-repeat rule).

    >>> sentences('He fell. "Get help, now." It was over!')
    ['He fell.', '"Get help, now."', 'It was over!']
    >>> sentences('"Thank... you... baka." It was the last thing he said.')
    ['"Thank... you... baka."', 'It was the last thing he said.']
    >>> sentences('"Na-Naruto..." Sasuke coughed up blood. He fell.')
    ['"Na-Naruto..." Sasuke coughed up blood.', 'He fell.']
    """
    pieces = [m.group(0).strip() for m in _SENTENCE.finditer(text.strip()) if m.group(0).strip()]
    out: list[str] = []
    for piece in pieces:
        # Words said and who said them are one sentence: '"Na-Naruto..." he whispered.'
        last = out[-1] if out else ""
        open_quote = last.count('"') % 2 == 1  # a quotation the splitter cut in two
        if last and (open_quote or (last.startswith(('"', "“")) and last.endswith(_SAID))):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


@dataclass(frozen=True)
class Phrasebook:
    """Phrasings by beat name."""

    beats: Mapping[str, tuple[str, ...]]
    #: Words for the ``{~slot}`` placeholders, by slot name.
    slots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def phrasings(self, beat: str) -> tuple[str, ...]:
        try:
            return self.beats[beat]
        except KeyError:
            raise KeyError(f"the phrasebook has no beat {beat!r}") from None


@lru_cache(maxsize=1)
def load_phrasebook() -> Phrasebook:
    """The phrasebook shipped in ``kessen/narration/text/*.toml`` (validated)."""
    folder = resources.files("kessen.narration").joinpath("text")
    beats: dict[str, tuple[str, ...]] = {}
    problems: list[ContentProblem] = []
    slots_text = folder.joinpath("slots.toml").read_text("utf-8")
    slots = {k: tuple(str(w) for w in v) for k, v in tomllib.loads(slots_text).items()}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml") or entry.name in ("names.toml", "slots.toml"):
            continue
        source = f"kessen:narration/text/{entry.name}"
        data = tomllib.loads(entry.read_text("utf-8"))
        for beat, phrasings in data.items():
            if not isinstance(phrasings, list) or not phrasings:
                problems.append(ContentProblem(source, beat, "needs a list of phrasings"))
                continue
            for i, text in enumerate(phrasings):
                for name, form in placeholders(str(text)):
                    if form is not None and form not in FORMS:
                        problems.append(
                            ContentProblem(
                                source, f"{beat}[{i}]", f"unknown form {{{name}.{form}}}"
                            )
                        )
                for slot in _SLOT.findall(str(text)):
                    if slot not in slots:
                        problems.append(
                            ContentProblem(source, f"{beat}[{i}]", f"unknown slot {{~{slot}}}")
                        )
            if beat in beats:
                problems.append(ContentProblem(source, beat, "beat defined twice"))
            beats[beat] = tuple(str(t) for t in phrasings)
    if problems:
        raise ContentError(problems)
    return Phrasebook(beats, slots)


class Teller:
    """Chooses and fills phrasings; remembers every sentence it said."""

    def __init__(self, book: Phrasebook, rng: RandomStream) -> None:
        self.book = book
        self.rng = rng
        self.said: set[str] = set()
        self.used: set[tuple[str, int]] = set()

    def pick(self, options: list[str] | tuple[str, ...]) -> str | None:
        """One of ``options`` at random, or ``None`` if there are none."""
        if not options:
            return None
        return options[self.rng.below(len(options))]

    def say(self, beat: str, **values: object) -> str | None:
        """A fresh sentence for ``beat`` with ``values`` filled in, or ``None`` if every
        phrasing would repeat something already said."""
        phrasings = self.book.phrasings(beat)
        # Phrasings not used yet come first, in random order; then the used ones.
        fresh = [i for i in range(len(phrasings)) if (beat, i) not in self.used]
        stale = [i for i in range(len(phrasings)) if (beat, i) in self.used]
        for group in (fresh, stale):
            while group:
                index = group.pop(self.rng.below(len(group)))
                text = fill(self.expand(phrasings[index]), values)
                if self.fresh(text):
                    self.remember(text)
                    self.used.add((beat, index))
                    return text
        return None

    def expand(self, template: str) -> str:
        """Each ``{~slot}`` of ``template`` replaced by one of its words, at random."""
        return _SLOT.sub(lambda m: self.pick(self.book.slots[m.group(1)]) or "", template)

    def fresh(self, text: str) -> bool:
        return not any(s in self.said for s in sentences(text))

    def remember(self, text: str) -> None:
        self.said.update(sentences(text))


def fill(template: str, values: Mapping[str, object], capital: bool = True) -> str:
    """Fill a template.  A value that starts a sentence of the template gets a capital
    letter, and so does the text's very first letter (unless ``capital`` is false: a
    fragment for inside a sentence).

    >>> fill("He was alive. {left}, he thought.", {"left": "half an hour"})
    'He was alive. Half an hour, he thought.'
    """
    out: list[str] = []
    end = 0
    last: Person | None = None  # the person named or pointed at most recently
    subject: Person | None = None  # the first person of the current sentence
    previous: Person | None = None  # the first person of the sentence before
    named: list[Person] = []  # those named so far in this sentence, by name
    for m in _PLACEHOLDER.finditer(template):
        before = template[end : m.start()]
        out.append(before)
        if _SENTENCE_END.search(before):
            previous, subject = subject, None
            named = []
        value = values[m.group(1)]
        form = m.group(2)
        opening = subject is None
        if isinstance(value, Person) and subject is None:
            subject = value
        if (
            isinstance(value, Person)
            and form is not None
            and _ambiguous(value, form, subject, last, previous, opening)
        ):
            form = _NAMED.get(form.lower())  # "he" could mean the other one: say the name
            if form is None:
                form = "possessive"
        if (
            isinstance(value, Person)
            and value.epithet
            and value in named
            and form in (None, "name", "possessive")
        ):
            # Named again in one sentence: by another name ("Sasuke ... the Uchiha").
            word = f"{value.epithet}'s" if form == "possessive" else value.epithet
        else:
            word = _value(values, m.group(1), form)
        if isinstance(value, Person) and form in (None, "name", "Name", "possessive"):
            named.append(value)
        if isinstance(value, Person) and (form is None or form in _REFERS):
            last = value
        so_far = "".join(out).rstrip().rstrip("\"'“‘")
        if (capital and not so_far) or so_far.endswith((".", "!", "?")):
            word = _capitalised(word)
        out.append(word)
        end = m.end()
    out.append(template[end:])
    text = "".join(out)
    return _capitalised(text) if capital else text


#: Forms that point at a person (a name or a pronoun), and the name standing in for each
#: pronoun when the pronoun could point at someone else.
_REFERS = frozenset({"name", "Name", "full", "he", "He", "him", "Him", "his", "His", "possessive"})
_NAMED = {"he": "name", "him": "name"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _ambiguous(
    person: Person,
    form: str,
    subject: Person | None,
    last: Person | None,
    previous: Person | None,
    opening: bool,
) -> bool:
    """Whether a pronoun for ``person`` could be read as someone else of the same pronoun.

    A pronoun opening a sentence reads as the last sentence's subject. Inside a sentence,
    "he" and "his" read as its subject; "him" as someone other than the subject, the last
    one named ("Kakashi lifted Naruto and ran with him"). Anything else is said by name.
    """
    key = form.lower()
    if key not in ("he", "him", "his"):
        return False

    def other(p: Person | None) -> bool:
        return p is not None and p != person and p.pronoun == person.pronoun

    if opening:
        return other(previous) if previous is not None else other(last)
    if key in ("he", "his"):
        return person != subject and (other(subject) or other(last))
    if person == subject:  # "him" for the subject: only if no one else could be meant
        return other(last)
    return other(last) and last != subject


def _value(values: Mapping[str, object], name: str, form: str | None) -> str:
    value = values[name]
    if isinstance(value, Person):
        if form == "possessive":
            return f"{value.short}'s"
        return value.form(form or "name")
    if form is not None:
        raise KeyError(f"{{{name}.{form}}}: {name} is not a person")
    return str(value)


def _capitalised(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text
