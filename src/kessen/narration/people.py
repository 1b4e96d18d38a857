"""People in a story: names, short names and pronouns, with the verbs that agree with them.

>>> naruto = Person("Naruto Uzumaki", "Naruto", "he")
>>> naruto.form("his"), naruto.form("He"), naruto.form("was")
('his', 'He', 'was')
>>> team = Person("the medical ninja", "the medics", "they")
>>> team.form("was"), team.form("himself")
('were', 'themselves')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMS", "Person", "join_words", "number_word"]

_PRONOUNS = {
    "he": {"he": "he", "him": "him", "his": "his", "himself": "himself"},
    "she": {"he": "she", "him": "her", "his": "her", "himself": "herself"},
    "they": {"he": "they", "him": "them", "his": "their", "himself": "themselves"},
    "it": {"he": "it", "him": "it", "his": "its", "himself": "itself"},
}
#: Verbs that agree with the pronoun ("he was", "they were").
_VERBS = {
    "was": ("was", "were"),
    "is": ("is", "are"),
    "has": ("has", "have"),
    "does": ("does", "do"),
    "s": ("s", ""),  # a verb ending: "{a.he} run{a.s}" -> "he runs", "they run"
}
#: Every form a template may ask of a person: ``{a.his}``, ``{a.He}``, ``{a.full}`` ...
FORMS = frozenset(
    {"name", "full", "title", "relation", *_PRONOUNS["he"], *_VERBS}
    | {f.capitalize() for f in _PRONOUNS["he"]}
    | {"Name"}
)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a sentence can name: ``name`` in full, ``short`` in prose, a pronoun."""

    name: str
    short: str
    pronoun: str = "they"
    title: str = ""
    relation: str = ""
    #: Another way of naming them ("the Uchiha"), for a second mention in one sentence.
    epithet: str = ""

    def form(self, key: str) -> str:
        """The word a template's ``{a.key}`` stands for."""
        if key == "name":
            return self.short
        if key == "Name":
            return self.short[:1].upper() + self.short[1:]
        if key == "full":
            return self.name
        if key == "title":
            return self.title
        if key == "relation":
            return self.relation
        if key in _VERBS:
            singular, plural = _VERBS[key]
            return plural if self.pronoun == "they" else singular
        table = _PRONOUNS.get(self.pronoun, _PRONOUNS["they"])
        word = table.get(key.lower())
        if word is None:
            raise KeyError(key)
        return word.capitalize() if key[0].isupper() else word

    def __str__(self) -> str:
        return self.short


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """A small number in words.

    >>> number_word(3), number_word(12)
    ('three', '12')
    """
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def join_words(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> join_words(["Haku", "Gaara", "the race"])
    'Haku, Gaara and the race'
    """
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
