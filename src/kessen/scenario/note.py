"""What a scenario changes about a plain duel of its fighters, in one line (for ``odds``).

>>> from kessen.content import load_starter_pack
>>> note = scenario_note(load_scenario("valley-of-the-end"), load_starter_pack())
>>> note.startswith("The Valley of the End changes the plain duel: Naruto and Sasuke")
True
>>> "Naruto holds back for Rasengan and Sasuke for Chidori" in note
True
"""

from __future__ import annotations

from kessen.content import Pack
from kessen.scenario.loader import load_scenario
from kessen.scenario.model import Scenario

__all__ = ["scenario_note", "scenario_note_for"]


def scenario_note(scenario: Scenario, pack: Pack) -> str:
    """One line: who has everything at stake, and who holds back for which technique."""

    def name(fid: str) -> str:
        spec = pack.fighters.get(fid)
        return spec.name.split()[0] if spec is not None else fid

    parts = []
    if scenario.stakes:
        who = _and([name(f) for f in scenario.stakes])
        their = "their resolve starts" if len(scenario.stakes) > 1 else "resolve starts"
        verb = "have" if len(scenario.stakes) > 1 else "has"
        parts.append(f"{who} {verb} everything at stake ({their} awake)")
    saving = []
    for fid, tech_id in scenario.signatures().items():
        spec = pack.fighters.get(fid)
        tech = spec.technique(tech_id) if spec is not None else None
        saving.append((name(fid), tech.name if tech is not None else tech_id))
    if saving:
        first = f"{saving[0][0]} holds back for {saving[0][1]}"
        rest = [f"{who} for {tech}" for who, tech in saving[1:]]
        parts.append(
            f"in the story, {_and([first, *rest])}, to pour it all in at the end "
            "(odds here are played without that)"
        )
    if not parts:
        return f"{scenario.title} changes nothing about the plain duel."
    return f"{scenario.title} changes the plain duel: {'; '.join(parts)}."


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def scenario_note_for(name: str, pack: Pack) -> str:
    """:func:`scenario_note` for a shipped scenario's id or a scenario file's path."""
    from kessen.scenario.loader import load_scenario_file

    if name.endswith(".toml"):
        from pathlib import Path

        return scenario_note(load_scenario_file(Path(name)), pack)
    return scenario_note(load_scenario(name), pack)
