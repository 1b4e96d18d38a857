"""How a battle ended, said in one line for people: the log, records and history share it.

A win says why the other side lost; a draw says which kind; a battle that stopped before
its end says so instead of passing for a draw.

>>> verdict(("naruto", "sasuke"), winner=0, reason="defeat")
'naruto wins: sasuke could no longer fight'
>>> verdict(("naruto+kakashi", "sasuke+haku"), winner=1, reason="defeat")
'sasuke and haku win: naruto and kakashi could no longer fight'
>>> verdict(("naruto", "sasuke"), winner=None, reason="draw")
'draw: both sides fell in the same turn'
>>> verdict(("naruto", "sasuke"), winner=None, reason=None)
'unfinished: the battle stopped before either side won'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["join_names", "side_names", "verdict"]


def join_names(names: Sequence[str]) -> str:
    """Names as a list is said: ``a``, ``a and b``, ``a, b and c``.

    >>> join_names(["Naruto", "Kakashi", "Sasuke"])
    'Naruto, Kakashi and Sasuke'
    >>> join_names([])
    'no one'
    """
    if not names:
        return "no one"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def side_names(label: str) -> list[str]:
    """The names in a side's label: ``naruto+kakashi`` -> ``['naruto', 'kakashi']``."""
    return [part for part in label.split("+") if part] or [label]


def verdict(
    sides: Sequence[str],
    winner: int | None,
    reason: str | None,
    fighters: Sequence[Sequence[str]] | None = None,
) -> str:
    """One line for the end of a battle between ``sides`` (labels or names).

    ``fighters`` gives the names to use per side (the log uses fighters' names); by default
    a side's label is split on ``+``.  ``reason`` is the engine's ``battle_end`` reason, or
    ``None`` for a battle that stopped before it ended.
    """
    names = [list(f) for f in fighters] if fighters is not None else [side_names(s) for s in sides]
    if reason is None:
        return "unfinished: the battle stopped before either side won"
    if winner is None:
        if reason == "draw":
            return "draw: both sides fell in the same turn"
        if reason == "turn_limit":
            return "draw: both sides were still standing at the turn limit"
        return f"draw ({reason.replace('_', ' ')})"
    won, lost = names[winner], names[1 - winner]
    verb = "wins" if len(won) == 1 else "win"
    if reason == "defeat":
        return f"{join_names(won)} {verb}: {join_names(lost)} could no longer fight"
    return f"{join_names(won)} {verb} ({reason.replace('_', ' ')})"
