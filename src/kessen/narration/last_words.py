"""After the last blow: the victor over the fallen, the dying calling each other's names,
and the last words of whoever (by the aftermath's events) will not wake.

"Na-Naruto..." Sasuke coughed up blood. "Sas- ke?" The blond tried to answer.
"""

from __future__ import annotations

from typing import Any

from kessen.narration.context import Narrator
from kessen.narration.story import Line

__all__ = ["broken", "brokens", "last_words", "stammer", "stammers"]


def stammer(name: str) -> str:
    """A name called out by someone with a hole in their chest.

    >>> stammer("Naruto"), stammer("Lee")
    ('Na-Naruto...', 'L-Lee...')
    """
    head = name[:2] if len(name) > 3 else name[:1]
    return f"{head}-{name}..."


def stammers(name: str) -> list[str]:
    """Ways a dying fighter calls out a name, the seed's first.

    >>> stammers("Naruto")[:3]
    ['Na-Naruto...', 'N-Naruto...', 'Nar... uto...']
    """
    half = max(1, (len(name) + 1) // 2)
    return [
        stammer(name),
        f"{name[:1]}-{name}...",
        f"{name[:half]}... {name[half:].lower()}...",
        f"{name}...",
        f"{name[:2]}... {name}...",
        f"...{name}...",
    ]


def brokens(name: str) -> list[str]:
    """Ways of not quite getting a name out, the seed's first.

    >>> brokens("Sasuke")[:2]
    ['Sas- ke?', 'S... Sasuke?']
    """
    return [broken(name), f"{name[:1]}... {name}?", f"{name[:2]}...?", f"{name}...", f"...{name}?"]


def broken(name: str) -> str:
    """A name that does not quite make it out.

    >>> broken("Sasuke"), broken("Neji")
    ('Sas- ke?', 'Neji...?')
    """
    if len(name) >= 6:
        return f"{name[:3]}- {name[4:]}?"
    return f"{name}...?"


def last_words(n: Narrator) -> list[Line | None]:
    """Those left dying speak, if they can; whoever will not wake says their last words.

    The one who will die (by the aftermath's events) speaks first, calling the other's
    name; the other tries to answer; then the last words, and darkness.
    """
    fates = n.aftermath.fates if n.aftermath is not None else {}
    fighters = [u for u in n.battle.units if u.role == "fighter"]
    dying = [u for u in fighters if u.status == "critical"]
    standing = [u for u in fighters if u.status == "ok"]
    dead = [u for u in fighters if u.status == "dead"]

    def will_die(u: Any) -> bool:
        return u.uid in fates and fates[u.uid].fate == "died"

    out: list[Line | None] = []
    for u in standing:
        fallen = dying or dead
        leaves = n.scenario is not None and n.scenario.notes(u.spec.id).after_victory == "leave"
        if fallen:
            beat = "victor_over_dying" if dying else "victor_over_dead"
            beat = "victor_leaves_fallen" if leaves else beat
            a, b = n.person(u.uid), n.person(fallen[0].uid)
            out.append(n.line(beat, (u.uid, fallen[0].uid), a=a, b=b))
    if len(dying) >= 2:
        out.append(n.line("both_dying", tuple(u.uid for u in dying)))
    dying.sort(key=lambda u: not will_die(u))
    listeners = dying + standing
    for i, u in enumerate(dying):
        a = n.person(u.uid)
        other = next((v for v in listeners if v is not u and v.side != u.side), None)
        other = other or next((v for v in listeners if v is not u), None)
        name = n.person(other.uid).short if other is not None else ""
        if i == 0:
            call = n.teller.pick(stammers(name)) if name else "..."
            called = (u.uid, other.uid) if other is not None else (u.uid,)
            out.append(n.line("call_first", called, a=a, call=call))
        else:
            call = n.teller.pick(brokens(name)) if name else "..."
            called = (u.uid, other.uid) if other is not None else (u.uid,)
            out.append(n.line("call_answer", called, a=a, call=call))
    for u in dying:
        a = n.person(u.uid)
        words = n.scenario.notes(u.spec.id).last_words if n.scenario else ()
        if will_die(u) and words:
            out.append(n.line("last_words", (u.uid,), a=a, words=n.teller.pick(list(words))))
        elif not will_die(u):
            out.append(n.line("passes_out", (u.uid,), a=a))
    return out
