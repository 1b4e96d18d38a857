"""A unit's choice for one turn, and its notation.

A choice is written ``UNIT ACTION [TARGET] [CHAKRA]``: the unit that acts, a technique id
(or ``rest`` / ``guard``), the unit it is aimed at, and the chakra poured in.

>>> c = Choice.parse("p1.naruto rasengan p2.sasuke 60")
>>> c
Choice(unit='p1.naruto', action='rasengan', target='p2.sasuke', chakra=60)
>>> c.notation()
'p1.naruto rasengan p2.sasuke 60'
>>> Choice.parse(c.notation()) == c
True
>>> Choice.parse("p1.naruto rest").notation()
'p1.naruto rest'
"""

from __future__ import annotations

from typing import NamedTuple

from kessen.errors import ChoiceSyntaxError

__all__ = ["GUARD", "REST", "Choice"]

REST = "rest"
GUARD = "guard"


class Choice(NamedTuple):
    """What one unit does this turn. A named tuple: cheap to build and compare."""

    unit: str
    action: str
    target: str | None = None
    chakra: int = 0

    @classmethod
    def parse(cls, text: str) -> Choice:
        """Read a choice from its notation; :class:`ChoiceSyntaxError` names what is wrong."""
        if not isinstance(text, str):
            raise ChoiceSyntaxError(f"a choice must be text, not {type(text).__name__}")
        words = text.split()
        if len(words) < 2:
            raise ChoiceSyntaxError(
                f"cannot read choice {text!r}: expected 'UNIT ACTION [TARGET] [CHAKRA]'"
            )
        if len(words) > 4:
            raise ChoiceSyntaxError(f"cannot read choice {text!r}: too many words")
        unit, action, *rest = words
        target: str | None = None
        chakra = 0
        for word in rest:
            if word.isascii() and word.isdigit():
                if chakra:
                    raise ChoiceSyntaxError(f"cannot read choice {text!r}: two chakra amounts")
                chakra = int(word)
            elif target is None and not chakra:
                target = word
            else:
                raise ChoiceSyntaxError(f"cannot read choice {text!r}: unexpected {word!r}")
        return cls(unit, action, target, chakra)

    def notation(self) -> str:
        """The choice as a line that :meth:`parse` reads back."""
        parts = [self.unit, self.action]
        if self.target is not None:
            parts.append(self.target)
        if self.chakra:
            parts.append(str(self.chakra))
        return " ".join(parts)
