"""Arrays from battles: the observation layout and the action numbering.

Everything here is a pure function of the battle's public state: health, chakra, states,
cooldowns (what both sides see on the field).  A side's secret choice for the coming turn
is not part of a battle's state until it is revealed, so it cannot appear here.

**Unit slots.**  Each side's units that are still on the field (fighters in any state,
clones and summons until they vanish), in field order, fill that side's ``slots`` rows.
:func:`side_slots` bounds how many there can be.

**Actions.**  An agent controls its side's *lead*: its first fighter able to act (else its
first unit able to act).  Action ``((t * slots) + k) * 3 + (tier - 1)`` is the lead's
technique number ``t`` (in the order its spec lists them), aimed at slot ``k`` (an enemy
slot for techniques aimed at enemies, an own slot for heals; 0 for techniques aimed at
oneself and for area techniques), charged at ``tier`` times its cost (1 for techniques that
cannot be charged).  Then come ``rest``, ``guard`` and ``wait``; ``wait`` is the only legal
action when the side has no unit able to act (all stunned, say).

>>> from kessen.content import load_starter_pack
>>> from kessen.engine import Battle
>>> pack = load_starter_pack()
>>> battle = Battle([[pack.fighter("naruto")], [pack.fighter("sasuke")]], seed=1)
>>> layout = Layout.for_fighters([pack.fighter("naruto"), pack.fighter("sasuke")])
>>> table = legal_actions(battle, 0, layout)
>>> sorted(table.values()) == sorted(battle.legal_choices("p1.naruto"))
True
>>> table[layout.rest].notation()
'p1.naruto rest'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from kessen.engine import GUARD, REST, Battle, Choice, Fighter, Unit
from kessen.engine.legal import MAX_CLONES

__all__ = [
    "GLOBAL_FEATURES",
    "TECHNIQUE_FEATURES",
    "UNIT_FEATURES",
    "Layout",
    "lead_of",
    "legal_actions",
    "observe",
    "side_slots",
]

#: Per unit row, before one cooldown column per technique slot.
UNIT_FEATURES = (
    "present", "fighter", "clone", "summon", "lead",
    "health", "max_health", "chakra", "max_chakra",
    "ok", "critical", "stable", "dead",
    "clock", "stun", "tracked", "seal_stage", "resolve", "beast_pool",
    "speed", "taijutsu", "ninjutsu", "genjutsu", "defence",
)  # fmt: skip
#: Per technique slot of the observing side's lead.
TECHNIQUE_FEATURES = ("present", "power", "cost", "attack", "clashes", "defence", "cooldown")
GLOBAL_FEATURES = ("turn",)
#: Features are scaled to about [0, 1] for ordinary content; the space allows up to this.
HIGH = 8.0
_STATUS = {"ok": 9, "critical": 10, "stable": 11, "dead": 12}


def side_slots(fighter: Fighter, depth: int = 0) -> int:
    """Most units ``fighter`` can have on the field at once: itself, clones and a summon.

    >>> from kessen.content import load_starter_pack
    >>> side_slots(load_starter_pack().fighter("kakashi"))
    5
    """
    clones = MAX_CLONES if any(t.clones for t in fighter.techniques) else 0
    summons = [t.summon for t in fighter.techniques if t.summon is not None]
    summoned = max((side_slots(s, depth + 1) for s in summons), default=0) if depth < 3 else 1
    return 1 + clones + summoned


def _leaders(fighter: Fighter, depth: int = 0) -> list[Fighter]:
    """The fighter and every summon it can bring: the units that may lead a side."""
    out = [fighter]
    if depth < 3:
        for t in fighter.techniques:
            if t.summon is not None:
                out.extend(_leaders(t.summon, depth + 1))
    return out


@dataclass(frozen=True, slots=True)
class Layout:
    """Sizes of the arrays: technique slots and unit slots per side."""

    techniques: int
    slots: int

    @classmethod
    def for_fighters(cls, fighters: Iterable[Fighter], team_size: int = 1) -> Layout:
        """A layout that fits any side of ``team_size`` fighters drawn from ``fighters``."""
        fighters = list(fighters)
        leaders = [u for f in fighters for u in _leaders(f)]
        slots = sorted((side_slots(f) for f in fighters), reverse=True)[:team_size]
        return cls(max(len(u.techniques) for u in leaders), sum(slots))

    @property
    def unit_size(self) -> int:
        return len(UNIT_FEATURES) + self.techniques

    @property
    def observation_size(self) -> int:
        return (
            2 * self.slots * self.unit_size
            + self.techniques * len(TECHNIQUE_FEATURES)
            + len(GLOBAL_FEATURES)
        )

    @property
    def rest(self) -> int:
        return self.techniques * self.slots * 3

    @property
    def guard(self) -> int:
        return self.rest + 1

    @property
    def wait(self) -> int:
        return self.rest + 2

    @property
    def actions(self) -> int:
        return self.rest + 3

    def describe(self, action: int) -> str:
        """What an action number means, in words.

        >>> Layout(6, 4).describe(5)
        'technique 0, slot 1, tier 3'
        >>> Layout(6, 4).describe(Layout(6, 4).guard)
        'guard'
        """
        if action >= self.rest:
            return ("rest", "guard", "wait")[action - self.rest]
        tech, rest = divmod(action, self.slots * 3)
        slot, tier = divmod(rest, 3)
        return f"technique {tech}, slot {slot}, tier {tier + 1}"


def on_field(battle: Battle, side: int) -> list[Unit]:
    """The units of ``side`` that fill its slots, in field order."""
    return [u for u in battle.units if u.side == side and u.status != "gone"]


def lead_of(battle: Battle, side: int) -> Unit | None:
    """The unit an agent controls this turn, or ``None`` if no unit of its side can act."""
    pending = battle.pending(side)
    for uid in pending:
        unit = battle.unit(uid)
        if unit.role == "fighter":
            return unit
    return battle.unit(pending[0]) if pending else None


def legal_actions(battle: Battle, side: int, layout: Layout) -> dict[int, Choice]:
    """Every legal action number of ``side``'s lead, with the choice it stands for."""
    lead = lead_of(battle, side)
    if lead is None:
        return {layout.wait: None}  # type: ignore[dict-item]
    slot_of_tech = {t.id: i for i, t in enumerate(lead.spec.techniques)}
    own = {u.uid: i for i, u in enumerate(on_field(battle, side))}
    enemy = {u.uid: i for i, u in enumerate(on_field(battle, 1 - side))}
    out: dict[int, Choice] = {}
    for c in battle.legal_choices(lead.uid):
        if c.action == REST:
            out[layout.rest] = c
            continue
        if c.action == GUARD:
            out[layout.guard] = c
            continue
        tech = lead.spec.techniques[slot_of_tech[c.action]]
        slot = 0
        if c.target is not None:
            slot = (enemy if tech.target == "enemy" else own)[c.target]
        tier = c.chakra // tech.cost if tech.cost else 1
        out[(slot_of_tech[c.action] * layout.slots + slot) * 3 + tier - 1] = c
    return out


def _unit_row(u: Unit, lead: Unit | None, layout: Layout) -> list[float]:
    spec = u.spec
    row = [0.0] * layout.unit_size
    row[0] = 1.0
    row[1 + ("fighter", "clone", "summon").index(u.role)] = 1.0
    row[4] = 1.0 if u is lead else 0.0
    row[5] = u.health / u.max_health if u.max_health else 0.0
    row[6] = u.max_health / 300
    row[7] = u.chakra / u.max_chakra if u.max_chakra else 0.0
    row[8] = u.max_chakra / 300
    row[_STATUS[u.status]] = 1.0
    row[13] = u.clock / 5
    row[14] = u.stun / 2
    row[15] = u.tracked / 3
    row[16] = u.seal_stage / len(spec.seal.stages) if spec.seal else 0.0
    row[17] = 1.0 if u.resolve_on else 0.0
    row[18] = u.beast_pool / spec.beast.pool if spec.beast and spec.beast.pool else 0.0
    row[19] = u.speed / 100
    row[20] = spec.taijutsu / 100
    row[21] = spec.ninjutsu / 100
    row[22] = spec.genjutsu / 100
    row[23] = spec.defence / 100
    if u.cooldowns:
        base = len(UNIT_FEATURES)
        for i, tech in enumerate(spec.techniques[: layout.techniques]):
            left = u.cooldowns.get(tech.id)
            if left:
                row[base + i] = left / (tech.cooldown + 1)
    return row


def observe(battle: Battle, layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    """The observation vectors of side 0 and side 1 (own units first, then the enemy's).

    Layout: ``slots`` rows of :data:`UNIT_FEATURES` plus one cooldown column per technique
    slot for the observing side, the same for the enemy, then :data:`TECHNIQUE_FEATURES`
    for each technique slot of the observer's lead, then :data:`GLOBAL_FEATURES`.
    """
    width = layout.unit_size
    leads = (lead_of(battle, 0), lead_of(battle, 1))
    blocks = []
    for side in (0, 1):
        rows = [_unit_row(u, leads[side], layout) for u in on_field(battle, side)[: layout.slots]]
        rows.extend([[0.0] * width] * (layout.slots - len(rows)))
        blocks.append([x for row in rows for x in row])
    tail = [battle.turn / battle.turn_limit]
    out = []
    for side in (0, 1):
        techs = _technique_rows(leads[side], layout)
        vector = np.array(blocks[side] + blocks[1 - side] + techs + tail, dtype=np.float32)
        np.clip(vector, 0.0, HIGH, out=vector)
        out.append(vector)
    return out[0], out[1]


def _technique_rows(lead: Unit | None, layout: Layout) -> list[float]:
    size = len(TECHNIQUE_FEATURES)
    rows = [0.0] * (layout.techniques * size)
    if lead is None:
        return rows
    for i, t in enumerate(lead.spec.techniques[: layout.techniques]):
        left = lead.cooldowns.get(t.id, 0)
        rows[i * size : (i + 1) * size] = (
            1.0,
            t.power / 100,
            t.cost / 100,
            1.0 if t.is_attack else 0.0,
            1.0 if t.clashes else 0.0,
            1.0 if t.is_defence else 0.0,
            left / (t.cooldown + 1),
        )
    return rows
