"""A compact, readable log of a battle's events (for ``duel`` and ``play``).

This is a referee's log, not a story: one short line per event, then everyone's health
and chakra at the end of each turn.  The prose belongs to ``kessen.narration``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from kessen.engine import Battle
from kessen.replay.verdict import verdict

__all__ = ["describe_event", "render_turn", "short_name", "unit_names"]


def unit_names(battle: Battle) -> dict[str, str]:
    """Display name per unit id (clones and duplicates told apart)."""
    names = {}
    for u in battle.units:
        base = short_name(u.spec)
        if u.role == "clone":
            base = f"{base}'s clone {u.uid.rsplit('clone', 1)[1] or ''}".rstrip()
        names[u.uid] = base
    # A mirror match has two of everyone: the side's tag tells them apart.
    taken = list(names.values())
    return {
        uid: f"{n} ({uid.split('.', 1)[0]})" if taken.count(n) > 1 else n
        for uid, n in names.items()
    }


def short_name(spec) -> str:
    """The name a log calls a fighter by: the word of its name that is its id ("Rock Lee"
    is Lee), else the first word."""
    words = spec.name.split() or [spec.id]
    return next((w for w in words if w.lower() == spec.id), words[0])


def describe_event(
    e,
    name: Callable[[str], str],
    side_names: tuple[str, str],
    seals: Mapping[str, str] | None = None,
    *,
    fighters: Sequence[Sequence[str]] | None = None,
    technique: Callable[[str], str] = str,
) -> str | None:
    """One line for an event; ``None`` for those shown elsewhere (turn end).

    ``seals`` names each bearer's staged power-up (Lee's gates are no cursed seal);
    ``fighters`` names each side's fighters for the ending; ``technique`` turns a
    technique's id into its name.
    """
    t = e.type
    seal = (seals or {}).get(getattr(e, "unit", ""), "cursed seal")
    if t == "choice":
        what = {"rest": "rests", "guard": "guards"}.get(e.technique)
        if what:
            return f"{name(e.unit)} {what}"
        target = f" at {name(e.target)}" if e.target else ""
        pour = f" ({e.chakra} chakra)" if e.chakra else ""
        return f"{name(e.unit)} uses {technique(e.technique)}{target}{pour}"
    if t == "clash":
        verdict_ = "EVEN: mutual strike!" if e.verdict == "even" else f"{name(e.winner)} overpowers"
        return (
            f"CLASH {technique(e.technique)} ({e.power}) vs "
            f"{technique(e.other_technique)} ({e.other_power}): {verdict_}"
        )
    if t == "hit":
        how = {"mutual": " (mutual strike)", "clash": " (clash won)"}.get(e.via, "")
        return f"{name(e.unit)} hits {name(e.target)} for {e.damage}{how} -> {e.health} HP"
    simple = {
        "guard": lambda: f"{name(e.unit)} braces ({e.percent}% guarded)",
        "evade": lambda: f"{name(e.unit)} evades {name(e.attacker)}'s {technique(e.technique)}",
        "substitute": lambda: (
            f"{name(e.unit)} swaps with a log; {technique(e.technique)} hits wood"
        ),
        "fizzle": lambda: (
            f"{name(e.unit)}'s {technique(e.technique)} fizzles ({e.reason.replace('_', ' ')})"
        ),
        "beast_intervention": lambda: (
            f"{e.beast} keeps {name(e.unit)} alive: withdrew {e.withdrawn} power"
            f" and spent {e.chakra} chakra"
        ),
        "beast_heal": lambda: f"{e.beast} mends {name(e.unit)} (+{e.amount}, pool {e.pool})",
        "heal": lambda: f"{name(e.unit)} heals {name(e.target)} (+{e.amount})",
        "critical": lambda: f"{name(e.unit)} falls: CRITICAL, {e.clock} turns to live",
        "stabilised": lambda: f"{name(e.unit)} is stabilised by {name(e.by)}",
        "death": lambda: (
            f"{name(e.unit)} DIES" + (" (survival clock)" if e.cause == "clock" else "")
        ),
        "clone_made": lambda: f"{name(e.unit)} makes {name(e.clone)} ({e.chakra} chakra)",
        "dispelled": lambda: f"{name(e.unit)} vanishes in smoke",
        "summon": lambda: f"{name(e.unit)} summons {e.name}",
        "seal_stage": lambda: f"{name(e.unit)}'s {seal}: stage {e.stage} (+{e.boost}% power)",
        "seal_cost": lambda: f"{name(e.unit)}'s {seal} takes its toll (-{e.health_lost} HP)",
        "resolve": lambda: f"{name(e.unit)}'s resolve burns (+{e.bonus}% power, {e.reason})",
        "stun": lambda: f"{name(e.unit)} is stunned by {name(e.by)} for {e.turns} turn(s)",
        "stunned": lambda: f"{name(e.unit)} cannot move (stunned)",
        "tracked": lambda: f"{name(e.unit)} has {name(e.target)}'s scent",
        "chakra_drained": lambda: f"{name(e.unit)} drains {e.amount} chakra from {name(e.target)}",
        "battle_end": lambda: f"== {verdict(side_names, e.winner, e.reason, fighters)}",
    }
    render = simple.get(t)
    return render() if render else None


def render_turn(battle: Battle, events: Iterable, side_names: tuple[str, str]) -> list[str]:
    """The lines of one turn: header, events, standings."""
    names = unit_names(battle)
    seals = {u.uid: u.spec.seal.name for u in battle.units if u.spec.seal is not None}
    techniques = {t.id: t.name for u in battle.units for t in u.spec.techniques}
    fighters = [
        [names[u.uid] for u in battle.units if u.side == side and u.role == "fighter"]
        for side in (0, 1)
    ]

    def name(uid: str | None) -> str:
        return names.get(uid or "", uid or "?")

    def technique(technique_id: str) -> str:
        return techniques.get(technique_id, technique_id)

    lines: list[str] = []
    for e in events:
        if e.type == "turn_end":
            if not lines:
                lines.append(f"-- Turn {e.turn}")
            else:
                lines.insert(0, f"-- Turn {e.turn}")
            standing = [
                f"{name(s.unit)} {s.health} HP {s.chakra} ch"
                + ("" if s.status == "ok" else f" [{s.status}]")
                for s in e.units
                if s.status != "gone"
            ]
            lines.append("   | " + " | ".join(standing))
            continue
        line = describe_event(e, name, side_names, seals, fighters=fighters, technique=technique)
        if line is not None:
            lines.append(("   " if e.type != "battle_end" else "") + line)
    return lines
