"""How it ended for each fighter, as the events say, and a closing line.

Each fate line is tagged with the fate it states, so that a test can hold the story to
the simulation: the epilogue's outcome is the aftermath's (or, with no aftermath, the
battle's).
"""

from __future__ import annotations

from kessen.narration.context import Narrator
from kessen.narration.rescue import time_words
from kessen.narration.story import Line, Section

__all__ = ["epilogue_section", "fates_of"]


def fates_of(n: Narrator) -> dict[str, tuple[str, float | None]]:
    """Each fighter's fate and its minute: from the aftermath, else from the battle
    (``standing``, ``critical`` or ``died``)."""
    if n.aftermath is not None:
        return {uid: (f.fate, f.minute) for uid, f in n.aftermath.fates.items()}
    out: dict[str, tuple[str, float | None]] = {}
    for u in n.battle.units:
        if u.role == "fighter":
            fate = {"ok": "standing", "dead": "died"}.get(u.status, u.status)
            out[u.uid] = (fate, None)
    return out


def epilogue_section(n: Narrator) -> Section:
    section = Section(n.heading("heading_epilogue"), "epilogue")
    fates = fates_of(n)
    units = {u.uid: u for u in n.battle.units}
    lines: list[Line | None] = []
    for uid, (fate, minute) in fates.items():
        unit = units[uid]
        a = n.person(uid)
        beat = _fate_beat(fate, unit.status, minute)
        when = time_words(n, minute) if minute is not None else ""
        line = n.line(
            beat, (uid,), value=fate, a=a, when=when, village=n.village, place=n.place_name()
        )
        if line is None:  # every phrasing said already: the fate must still be stated
            line = Line(f"{a.short}: {fate}.", beat, (uid,), fate)
        lines.append(line)
    died = [uid for uid, (fate, _) in fates.items() if fate == "died"]
    closing = (
        "closing_none_died"
        if not died
        else ("closing_all_died" if len(died) == len(fates) else "closing_some_died")
    )
    lines.append(n.line(closing, tuple(died), place=n.place_name(), village=n.village))
    section.add(lines)
    return section


def _fate_beat(fate: str, status: str, minute: float | None) -> str:
    if fate == "died":
        return "fate_died_battle" if status == "dead" else "fate_died_after"
    if fate == "survived":
        return "fate_survived_stood" if status == "ok" else "fate_survived_saved"
    return f"fate_{fate}"
