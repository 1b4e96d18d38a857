"""Hypothesis strategies: random fighters, techniques and small packs from the closed vocabulary.

Everything drawn is something a valid pack could say (the schema's ranges), so a failure
found here is a failure a content author could meet.  :func:`pack_toml` writes a drawn
roster as pack text, for the loader to read back.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from kessen.engine import Beast, CursedSeal, Effect, Fighter, SealStage, Technique
from kessen.engine.model import ALL_NATURES, KINDS

__all__ = ["Roster", "fighters", "pack_toml", "rosters", "techniques"]

_COSTS = st.integers(0, 40)
_COOLDOWNS = st.integers(0, 3)
_PERCENT = st.integers(0, 100)


def _tech(tid: str, *effects: Effect, **kw: object) -> Technique:
    return Technique(tid, tid.upper(), effects=tuple(effects), **kw)  # type: ignore[arg-type]


@st.composite
def _attack(draw: st.DrawFn, tid: str, beast: bool) -> Technique:
    extra: list[Effect] = []
    if draw(st.booleans()):
        extra.append(Effect("pierce", amount=draw(_PERCENT)))
    if draw(st.integers(0, 3)) == 0:
        extra.append(Effect("stun", chance=draw(_PERCENT), turns=draw(st.integers(1, 2))))
    if draw(st.integers(0, 3)) == 0:
        extra.append(Effect("drain_chakra", amount=draw(st.integers(1, 40))))
    if draw(st.integers(0, 4)) == 0:
        extra.append(Effect("track", turns=draw(st.integers(1, 3))))
    return _tech(
        tid,
        *extra,
        kind=draw(st.sampled_from(KINDS)),
        nature=draw(st.sampled_from(ALL_NATURES)),
        cost=draw(_COSTS),
        power=draw(st.integers(1, 120)),
        range=draw(st.sampled_from(("melee", "melee", "ranged", "area"))),
        clashes=draw(st.booleans()),
        cooldown=draw(_COOLDOWNS),
        needs="beast" if beast and draw(st.booleans()) else "",
    )


@st.composite
def _hex(draw: st.DrawFn, tid: str) -> Technique:
    """An enemy-aimed technique with no power: stun, drain or track only."""
    kind = draw(st.sampled_from(("stun", "drain_chakra", "track")))
    effect = {
        "stun": Effect("stun", chance=draw(_PERCENT), turns=draw(st.integers(1, 2))),
        "drain_chakra": Effect("drain_chakra", amount=draw(st.integers(1, 40))),
        "track": Effect("track", turns=draw(st.integers(1, 3))),
    }[kind]
    return _tech(tid, effect, cost=draw(st.integers(0, 10)), cooldown=draw(_COOLDOWNS))


@st.composite
def _defence(draw: st.DrawFn, tid: str) -> Technique:
    effects = []
    if draw(st.booleans()):
        effects.append(Effect("guard", amount=draw(st.integers(1, 100))))
    if draw(st.booleans()):
        effects.append(Effect("evade", chance=draw(_PERCENT)))
    if not effects or draw(st.booleans()):
        effects.append(Effect("substitute"))
    return _tech(
        tid, *effects, target="self", cost=draw(st.integers(0, 20)), cooldown=draw(_COOLDOWNS)
    )


@st.composite
def _support(draw: st.DrawFn, tid: str, summon: Fighter | None, sealed: bool) -> Technique:
    choices = ["heal_self", "heal_ally", "clone"]
    if summon is not None:
        choices.append("summon")
    if sealed:
        choices.append("seal")
    what = draw(st.sampled_from(choices))
    cost = draw(st.integers(0, 30))
    cooldown = draw(_COOLDOWNS)
    if what.startswith("heal"):
        effect = Effect("heal", amount=draw(st.integers(1, 60)))
        target = "self" if what == "heal_self" else "ally"
        return _tech(tid, effect, target=target, cost=cost, cooldown=cooldown)
    if what == "clone":
        effect = Effect(
            "create_clone", amount=draw(st.integers(1, 3)), share=draw(st.integers(0, 60))
        )
    elif what == "summon":
        effect = Effect("summon", summon=summon, turns=draw(st.integers(0, 4)))
    else:
        effect = Effect("activate_seal", amount=draw(st.integers(1, 2)))
    return _tech(tid, effect, target="self", cost=cost, cooldown=cooldown)


@st.composite
def techniques(
    draw: st.DrawFn,
    tid: str,
    *,
    summon: Fighter | None = None,
    beast: bool = False,
    sealed: bool = False,
    support: bool = True,
) -> Technique:
    """One technique: mostly attacks, some defences, hexes and (if ``support``) support."""
    kinds = ["attack", "attack", "attack", "defence", "hex"] + (["support"] * 2 if support else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "attack":
        return draw(_attack(tid, beast))
    if kind == "defence":
        return draw(_defence(tid))
    if kind == "hex":
        return draw(_hex(tid))
    return draw(_support(tid, summon, sealed))


def _stats(draw: st.DrawFn, techs: tuple[Technique, ...]) -> dict[str, object]:
    stat = st.integers(0, 200)
    # a pack may not give a fighter a technique it could never pay for
    least = max(t.cost for t in techs)
    return {
        "health": draw(st.integers(1, 300)),
        "chakra": max(least, draw(st.integers(0, 200))),
        "regen": draw(st.integers(0, 15)),
        "speed": draw(stat),
        "taijutsu": draw(stat),
        "ninjutsu": draw(stat),
        "genjutsu": draw(stat),
        "defence": draw(stat),
        "resolve": draw(_PERCENT),
        "affinity": draw(st.sampled_from(ALL_NATURES)),
    }


@st.composite
def summons(draw: st.DrawFn, sid: str) -> Fighter:
    """An animal unit: attacks, defences and hexes, no summons or clones of its own."""
    count = draw(st.integers(1, 3))
    techs = tuple(draw(techniques(f"{sid}_t{i}", support=False)) for i in range(count))
    return Fighter(sid, sid.upper(), role="summon", techniques=techs, **_stats(draw, techs))  # type: ignore[arg-type]


@st.composite
def fighters(draw: st.DrawFn, fid: str, summon: Fighter | None = None) -> Fighter:
    """A fighter with 1-6 techniques and, sometimes, a beast or a cursed seal."""
    beast = None
    if draw(st.integers(0, 2)) == 0:
        beast = Beast(
            "Beast",
            pool=draw(st.integers(1, 2000)),
            per_turn=draw(st.integers(1, 100)),
            heal=draw(st.integers(0, 30)),
            divert=draw(_PERCENT),
        )
    seal = None
    if draw(st.integers(0, 2)) == 0:
        stages = draw(
            st.lists(
                st.builds(SealStage, st.integers(0, 150), st.integers(0, 50), st.integers(0, 20)),
                min_size=1,
                max_size=3,
            )
        )
        seal = CursedSeal("Seal", tuple(stages))
    count = draw(st.integers(1, 6))
    techs = tuple(
        draw(
            techniques(
                f"{fid}_t{i}", summon=summon, beast=beast is not None, sealed=seal is not None
            )
        )
        for i in range(count)
    )
    stats = _stats(draw, techs)
    return Fighter(fid, fid.upper(), techniques=techs, beast=beast, seal=seal, **stats)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Roster:
    """A small pack: fighters, the summons they may call, and the catalog of both."""

    fighters: tuple[Fighter, ...]
    summons: tuple[Fighter, ...]

    @property
    def catalog(self) -> dict[str, Fighter]:
        return {f.id: f for f in (*self.summons, *self.fighters)}


@st.composite
def rosters(draw: st.DrawFn, size: tuple[int, int] = (2, 4)) -> Roster:
    """2-4 fighters and one summon some of them may call."""
    summon = draw(summons("s0"))
    count = draw(st.integers(*size))
    return Roster(tuple(draw(fighters(f"f{i}", summon)) for i in range(count)), (summon,))


@st.composite
def sides(draw: st.DrawFn, roster: Roster) -> list[list[Fighter]]:
    """Two sides of one or two fighters from the roster (the same fighter may fight itself)."""
    pick = st.sampled_from(roster.fighters)
    return [draw(st.lists(pick, min_size=1, max_size=2)) for _ in range(2)]


# -- pack text ------------------------------------------------------------------------------


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _effect_toml(e: Effect) -> str:
    parts = [f"type = {_value(e.type)}"]
    for name in ("amount", "chance", "turns", "share"):
        default = 100 if name == "chance" else 0
        if getattr(e, name) != default:
            parts.append(f"{name} = {getattr(e, name)}")
    if e.summon is not None:
        parts.append(f"summon = {_value(e.summon.id)}")
    return "{ " + ", ".join(parts) + " }"


def _fighter_toml(table: str, f: Fighter) -> list[str]:
    lines = [f"[{table}.{f.id}]", f"name = {_value(f.name)}"]
    for name in (
        "health",
        "chakra",
        "regen",
        "speed",
        "taijutsu",
        "ninjutsu",
        "genjutsu",
        "defence",
        "resolve",
        "affinity",
    ):
        lines.append(f"{name} = {_value(getattr(f, name))}")
    lines.append("techniques = [" + ", ".join(_value(t.id) for t in f.techniques) + "]")
    if f.beast is not None:
        b = f.beast
        lines += [
            f"[{table}.{f.id}.jinchuriki]",
            f"name = {_value(b.name)}",
            f"pool = {b.pool}",
            f"per_turn = {b.per_turn}",
            f"heal = {b.heal}",
            f"divert = {b.divert}",
        ]
    if f.seal is not None:
        stages = ", ".join(
            f"{{ boost = {s.boost}, speed = {s.speed}, cost = {s.cost} }}" for s in f.seal.stages
        )
        lines += [
            f"[{table}.{f.id}.cursed_seal]",
            f"name = {_value(f.seal.name)}",
            f"stages = [{stages}]",
        ]
    return lines


def pack_toml(roster: Roster, name: str = "drawn") -> str:
    """The roster as the text of a pack the loader accepts."""
    lines = ["[pack]", f"name = {_value(name)}", 'version = "0.0.1"', ""]
    techs = {t.id: t for f in (*roster.fighters, *roster.summons) for t in f.techniques}
    for t in techs.values():
        lines += [f"[techniques.{t.id}]", f"name = {_value(t.name)}"]
        for field in (
            "kind",
            "nature",
            "cost",
            "power",
            "range",
            "target",
            "clashes",
            "cooldown",
            "needs",
        ):
            lines.append(f"{field} = {_value(getattr(t, field))}")
        lines.append("effects = [" + ", ".join(_effect_toml(e) for e in t.effects) + "]")
        lines.append("")
    for f in roster.fighters:
        lines += [*_fighter_toml("fighters", f), ""]
    for s in roster.summons:
        lines += [*_fighter_toml("summons", s), ""]
    return "\n".join(lines)
