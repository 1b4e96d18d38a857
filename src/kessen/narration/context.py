"""What every part of the narration shares: the teller, the people, the places.

Short names and group words live in ``text/names.toml`` (data, like the phrasings); a
name the file does not know is shortened to its first word.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from kessen.content import Pack
from kessen.engine import Battle
from kessen.narration.people import Person, join_words, number_word
from kessen.narration.phrasebook import Teller, fill
from kessen.narration.story import Line
from kessen.scenario import Scenario, Tone

__all__ = ["Narrator", "load_names"]


@lru_cache(maxsize=1)
def load_names() -> dict[str, dict[str, Any]]:
    """``text/names.toml``: per id, ``short`` (name in prose), ``one`` and ``many``."""
    text = resources.files("kessen.narration").joinpath("text", "names.toml").read_text("utf-8")
    return tomllib.loads(text)


class Narrator:
    """The teller plus everything needed to name people and places."""

    def __init__(
        self,
        teller: Teller,
        battle: Battle,
        pack: Pack,
        scenario: Scenario | None,
        aftermath: Any = None,
    ) -> None:
        self.teller = teller
        self.battle = battle
        self.pack = pack
        self.scenario = scenario
        self.aftermath = aftermath
        self.names = load_names()
        self.people: dict[str, Person] = {}
        for u in battle.units:
            self.people[u.uid] = self._unit_person(u)
        if aftermath is not None:
            for member in aftermath.cast.values():
                if member.id not in self.people:
                    self.people[member.id] = self._cast_person(member)

    # -- people --------------------------------------------------------------------------

    def person(self, uid: str | None) -> Person:
        if uid is None:
            return Person("someone", "someone")
        found = self.people.get(uid)
        return found if found is not None else Person(uid, uid)

    def short_of(self, key: str, name: str) -> str:
        entry = self.names.get(key, {})
        return entry.get("short") or name.split()[0]

    def group_word(self, key: str, name: str, count: int) -> str:
        """``a medical ninja`` / ``two medical ninja`` for ``count`` of kind ``key``."""
        entry = self.names.get(key, {})
        if count == 1:
            return entry.get("one") or self.short_of(key, name)
        return f"{number_word(count)} {entry.get('many') or self.short_of(key, name)}"

    def _unit_person(self, unit: Any) -> Person:
        spec = unit.spec
        short = self.short_of(spec.id, spec.name)
        if unit.role == "clone":
            maker = self.short_of(spec.id, spec.name)
            return Person(f"a shadow clone of {spec.name}", f"{maker}'s clone", spec.pronoun)
        # One epithet a story, picked once, so that "the Uchiha" stays the Uchiha.
        epithets = self.names.get(spec.id, {}).get("epithets") or []
        epithet = self.teller.pick(list(epithets)) or ""
        return Person(spec.name, short, spec.pronoun, spec.title, epithet=epithet)

    def _cast_person(self, member: Any) -> Person:
        if member.role == "clone":
            maker = self.people.get(member.of or "") or self._cast_person_plain(member)
            return Person(
                f"a shadow clone of {maker.name}",
                f"{maker.short}'s clone",
                member.pronoun,
                relation=maker.relation,
            )
        if member.role == "member":
            key = member.of or member.id
            one = self.names.get(key, {}).get("one") or f"one of the {member.name}"
            return Person(member.name, one, member.pronoun, member.title)
        if member.role == "team":
            return Person(
                member.name,
                self.group_word(member.id, member.name, member.count),
                "they",
                member.title,
                member.relation,
            )
        return self._cast_person_plain(member)

    def _cast_person_plain(self, member: Any) -> Person:
        return Person(
            member.name,
            self.short_of(member.id, member.name),
            member.pronoun,
            member.title,
            member.relation,
        )

    # -- places --------------------------------------------------------------------------

    def place_name(self, place: str | None = None) -> str:
        """A place's name (the battle's place when ``place`` is ``None``)."""
        if self.scenario is None:
            return "the battlefield"
        key = place or self.scenario.place
        found = self.scenario.places.get(key)
        return found.name if found is not None else key

    def where(self, metres: float) -> str:
        """``at the river crossing`` / ``near the forest road``, for a point of the route."""
        if self.scenario is None:
            return "on the road"
        spot = self.scenario.route.where(metres)
        return f"{'at' if spot.relation == 'at' else 'near'} {spot.name}"

    @property
    def village(self) -> str:
        return self.place_name(self.scenario.village) if self.scenario else "the village"

    # -- telling -------------------------------------------------------------------------

    def line(
        self, beat: str, about: tuple[str, ...] = (), value: str | None = None, **values: Any
    ) -> Line | None:
        """A line for ``beat``, or ``None`` when every phrasing would repeat itself."""
        if "beast" in values:
            entry = self.names.get(str(values["beast"]).lower(), {})
            values.setdefault("colour", entry.get("colour", "strange"))
        beat = self.variant(beat)
        values.setdefault("everyone", self.everyone)
        values.setdefault("proctor", self.proctor)
        text = self.teller.say(beat, **values)
        return None if text is None else Line(text, beat, about, value)

    def variant(self, beat: str) -> str:
        """The beat as this story needs it: ``<beat>_exam`` for an exam match (no
        death-match lines there), ``<beat>_crowd`` when more than two fight ("Naruto,
        Kakashi and Sasuke", "none of them"), when the phrasebook has them."""
        beats = self.teller.book.beats
        if self.tone is Tone.EXAM and f"{beat}_exam" in beats:
            return f"{beat}_exam"
        if self.crowd and f"{beat}_crowd" in beats:
            return f"{beat}_crowd"
        return beat

    @property
    def tone(self) -> Tone:
        return self.scenario.tone if self.scenario is not None else Tone.DEATH_MATCH

    @property
    def crowd(self) -> bool:
        """Whether more than two fighters take part."""
        return sum(1 for u in self.battle.units if u.role == "fighter") > 2

    @property
    def everyone(self) -> Person:
        """All the fighters as one group: ``Naruto, Kakashi and Sasuke``."""
        names = [self.person(u.uid).short for u in self.battle.units if u.role == "fighter"]
        return Person(join_words(names), join_words(names), "they")

    @property
    def proctor(self) -> Person:
        """Whoever calls the match: a rescuer of the scenario who is its proctor."""
        if self.scenario is not None:
            for r in self.scenario.rescuers:
                if "proctor" in r.relation and r.id in self.people:
                    return self.people[r.id]
                if "proctor" in r.relation and r.name:
                    return Person(r.name, self.short_of(r.id, r.name), r.pronoun or "they")
        return Person("the proctor", "the proctor", "they")

    def heading(self, beat: str, **values: Any) -> str:
        """A heading: picked at random, filled in, allowed to repeat (it is not prose)."""
        return fill(self.teller.pick(self.teller.book.phrasings(beat)) or beat, values)

    def words(self, beat: str, **values: Any) -> str:
        """A fragment for inside a sentence ("half an hour"): as written, no capital."""
        return fill(self.teller.pick(self.teller.book.phrasings(beat)) or beat, values, False)

    def verbatim(self, text: str, beat: str, about: tuple[str, ...] = ()) -> Line | None:
        """A line of the data said as written (a motive), unless it was said already."""
        text = text.strip()
        if not text or not self.teller.fresh(text):
            return None
        self.teller.remember(text)
        return Line(text, beat, about)

    def technique(self, uid: str, tech_id: str) -> str:
        """A technique's name as the pack writes it."""
        unit = self.battle.unit(uid) if uid in {u.uid for u in self.battle.units} else None
        plain = self.names.get("techniques", {}).get(tech_id)
        if plain:
            return plain
        tech = unit.spec.technique(tech_id) if unit is not None else None
        if tech is None:
            tech = self.pack.techniques.get(tech_id)
        return tech.name if tech is not None else tech_id.replace("_", " ")
