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

import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from kessen.engine import GUARD, REST, Battle, Choice, Fighter, Unit
from kessen.engine.legal import MAX_CLONES

__all__ = [
    "GLOBAL_FEATURES",
    "TECHNIQUE_FEATURES",
    "UNIT_FEATURES",
    "Encoder",
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
_pack_float = struct.Struct("=f").pack_into
#: Packs a unit row's changing columns, 4 ("lead") to 18 ("beast_pool"), at once.
_pack_changing = struct.Struct("=15f").pack_into
#: Entries an encoder's caches keep (action tables: a few kilobytes each) before they
#: start afresh.
CACHE_SIZE = 4096
#: Per technique id: the (column, cooldown + 1) pairs of a row its cooldown goes in.
_Columns = dict[str, tuple[tuple[int, int], ...]]
#: A unit row's fixed part, kept by spec and role: the spec (held), the values, the
#: cooldown columns, and the values packed (``None`` if one is beyond float32).
_Row = tuple[Fighter, list[float], _Columns, bytes | None]


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
    return _lead(battle.units, side, battle.over)


def _lead(units: Iterable[Unit], side: int, over: bool) -> Unit | None:
    first = None
    for u in units:
        if u.side == side and u.status == "ok" and not u.stun:
            if u.role == "fighter":
                return u
            if first is None:
                first = u
    return None if over else first


def _field(battle: Battle) -> tuple[tuple[list[Unit], list[Unit]], tuple[Unit | None, Unit | None]]:
    """:func:`on_field` and :func:`lead_of` of both sides, in one pass over the units."""
    fields: tuple[list[Unit], list[Unit]] = ([], [])
    for u in battle.units:
        if u.status != "gone":
            fields[u.side].append(u)
    over = battle.over
    # A lead is able to act, so never gone: it is found among its side's units on the field.
    return fields, (_lead(fields[0], 0, over), _lead(fields[1], 1, over))


def legal_actions(battle: Battle, side: int, layout: Layout) -> dict[int, Choice | None]:
    """Every legal action number of ``side``'s lead, with the choice it stands for."""
    fields = (on_field(battle, 0), on_field(battle, 1))
    return Encoder(layout).legal_actions(battle, side, fields, lead_of(battle, side))


def observe(battle: Battle, layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    """The observation vectors of side 0 and side 1 (see :meth:`Encoder.observe`)."""
    return Encoder(layout).observe(battle)[0]


class Encoder:
    """Observations and action tables for one layout, with what never changes cached.

    A unit's row is its spec's fixed part (role, maxima, offence, defence) with the
    changing part written over it; a lead's technique rows are fixed but for cooldowns.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        # Caches keyed by the id of a spec hold the spec too: while it is cached, no other
        # spec can be given its id (a battle's clone specs die with it).
        self._rows: dict[tuple[int, str], _Row] = {}
        self._techniques: dict[int, tuple[Fighter, list[float], _Columns]] = {}
        self._blank_row = [0.0] * layout.unit_size
        self._no_techniques = [0.0] * (layout.techniques * len(TECHNIQUE_FEATURES))
        self._slots = layout.slots
        self._size = layout.observation_size
        self._first = struct.Struct(f"={self._size}f")
        self._block = 4 * layout.slots * layout.unit_size  # bytes of one side's unit slots
        self._row_bytes = 4 * layout.unit_size
        self._pack_fixed_row = struct.Struct(f"={layout.unit_size}f").pack
        self._technique_packs: dict[tuple, tuple[Fighter, bytes]] = {}
        self._no_technique_bytes = bytes(4 * len(self._no_techniques))
        # The clip's bounds as float32 arrays the size of both observations: the same
        # elementwise minimum and maximum as with a scalar bound, but numpy then has no
        # scalar to convert and broadcast at every call (about half of the clip's cost).
        self._high = np.full(2 * self._size, HIGH, dtype=np.float32)
        self._zero = np.zeros(2 * self._size, dtype=np.float32)
        # Keyed by the ids of the lead's spec and legal choices (held, like the specs).
        self._tables: dict[tuple, tuple[dict[int, Choice | None], np.ndarray, tuple, Fighter]] = {}
        wait = np.zeros(layout.actions, dtype=np.int8)
        wait[layout.wait] = 1
        self._wait: tuple[dict[int, Choice | None], np.ndarray] = ({layout.wait: None}, wait)
        self._over: tuple[dict[int, Choice | None], np.ndarray] = (
            {},
            np.zeros(layout.actions, dtype=np.int8),
        )

    def observe(
        self, battle: Battle
    ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[Unit | None, Unit | None], tuple[list, list]]:
        """Both sides' observation vectors (own units first, then the enemy's), their
        leads and the units on the field.

        Layout: ``slots`` rows of :data:`UNIT_FEATURES` plus one cooldown column per
        technique slot for the observing side, the same for the enemy, then
        :data:`TECHNIQUE_FEATURES` for each technique slot of the observer's lead, then
        :data:`GLOBAL_FEATURES`.
        """
        fields, leads = _field(battle)
        return self._vectors(battle, fields, leads), leads, fields

    def arrays(
        self, battle: Battle
    ) -> tuple[
        tuple[np.ndarray, np.ndarray],
        tuple[
            tuple[dict[int, Choice | None], np.ndarray], tuple[dict[int, Choice | None], np.ndarray]
        ],
    ]:
        """Both observation vectors, and each side's :meth:`actions` (empty tables and
        masks once the battle is over): what an environment hands out after a turn."""
        fields, leads = _field(battle)
        vectors = self._vectors(battle, fields, leads)
        if battle.over:
            return vectors, (self._over, self._over)
        uids = (tuple([u.uid for u in fields[0]]), tuple([u.uid for u in fields[1]]))
        return vectors, (
            self._table(battle, 0, fields, leads[0], uids),
            self._table(battle, 1, fields, leads[1], uids),
        )

    def _vectors(
        self,
        battle: Battle,
        fields: tuple[list[Unit], list[Unit]],
        leads: tuple[Unit | None, Unit | None],
    ) -> tuple[np.ndarray, np.ndarray]:
        slots = self._slots
        turn = battle.turn / battle.turn_limit
        # Both observations go into one fresh buffer and through one clip: the numpy calls
        # cost more than the values.  The buffer starts as zeros, which is what empty slots
        # hold, so only the units there are get packed, each straight into its slot; side
        # 1's observation has the same unit rows in its own order, copied as bytes, and its
        # own lead's techniques.
        block = self._block
        start = self._first.size
        buffer = bytearray(2 * start)
        try:
            pack_unit = self._pack_unit
            row_bytes = self._row_bytes
            for side, offset in ((0, 0), (1, block)):
                lead = leads[side]
                for u in fields[side][:slots]:
                    pack_unit(buffer, offset, u, u is lead)
                    offset += row_bytes
            buffer[2 * block : start - 4] = self._technique_bytes(leads[0])
            buffer[start + 2 * block : 2 * start - 4] = self._technique_bytes(leads[1])
            _pack_float(buffer, start - 4, turn)
            _pack_float(buffer, 2 * start - 4, turn)
        except OverflowError:  # beyond float32: numpy makes it inf, which the clip bounds
            rows = []
            for side in (0, 1):
                values: list[float] = []
                lead = leads[side]
                for u in fields[side][:slots]:
                    values += self._unit_row(u, u is lead)
                rows.append(values)
            techniques = self._technique_rows(leads[0]), self._technique_rows(leads[1])
            blank = self._blank_row
            own = rows[0] + blank * (slots - len(rows[0]) // len(blank))
            enemy = rows[1] + blank * (slots - len(rows[1]) // len(blank))
            values = [*own, *enemy, *techniques[0], turn, *enemy, *own, *techniques[1], turn]
            both = np.array(values, dtype=np.float32)
        else:
            buffer[start : start + block] = buffer[block : 2 * block]
            buffer[start + block : start + 2 * block] = buffer[:block]
            both = np.frombuffer(buffer, dtype=np.float32)
        np.minimum(both, self._high, out=both)
        np.maximum(both, self._zero, out=both)
        size = self._size
        return both[:size], both[size:]

    def actions(
        self, battle: Battle, side: int, fields: tuple[list[Unit], list[Unit]], lead: Unit | None
    ) -> tuple[dict[int, Choice | None], np.ndarray]:
        """:meth:`legal_actions` and its action mask, both shared: copy the mask before
        handing it out, and change neither."""
        uids = (tuple([u.uid for u in fields[0]]), tuple([u.uid for u in fields[1]]))
        return self._table(battle, side, fields, lead, uids)

    def _table(
        self,
        battle: Battle,
        side: int,
        fields: tuple[list[Unit], list[Unit]],
        lead: Unit | None,
        uids: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> tuple[dict[int, Choice | None], np.ndarray]:
        # The table is a function of the lead's legal choices and the units on the field,
        # so it is kept for the next time they come back.  The engine hands out the same
        # tuple of legal choices for the same situation, so its id makes a cheap key.
        if lead is None:
            return self._wait
        legal = battle.legal_choices(lead.uid)
        spec = lead.spec
        key = (id(spec), id(legal), side, uids)
        found = self._tables.get(key)
        if found is None or found[2] is not legal or found[3] is not spec:
            if len(self._tables) >= CACHE_SIZE:
                self._tables.clear()
            table = self.legal_actions(battle, side, fields, lead)
            mask = np.zeros(self.layout.actions, dtype=np.int8)
            mask[list(table)] = 1
            found = self._tables[key] = (table, mask, legal, spec)
        return found[0], found[1]

    def legal_actions(
        self, battle: Battle, side: int, fields: tuple[list[Unit], list[Unit]], lead: Unit | None
    ) -> dict[int, Choice | None]:
        """Every legal action number of ``side``'s lead, with the choice it stands for."""
        layout = self.layout
        if lead is None:
            return {layout.wait: None}
        techniques = lead.spec.techniques
        slot_of_tech = {t.id: i for i, t in enumerate(techniques)}
        own = enemy = None
        out: dict[int, Choice | None] = {}
        for c in battle.legal_choices(lead.uid):
            if c.action == REST:
                out[layout.rest] = c
                continue
            if c.action == GUARD:
                out[layout.guard] = c
                continue
            t = slot_of_tech[c.action]
            tech = techniques[t]
            slot = 0
            if c.target is not None:
                if tech.target == "enemy":
                    if enemy is None:
                        enemy = {u.uid: i for i, u in enumerate(fields[1 - side])}
                    slot = enemy[c.target]
                else:
                    if own is None:
                        own = {u.uid: i for i, u in enumerate(fields[side])}
                    slot = own[c.target]
            tier = c.chakra // tech.cost if tech.cost else 1
            out[(t * layout.slots + slot) * 3 + tier - 1] = c
        return out

    def _row_of(self, u: Unit) -> _Row:
        """The fixed part of ``u``'s row, kept by its spec and role: the values, where its
        cooldowns go, and the values packed (``None`` if one is beyond float32)."""
        spec = u.spec
        cached = self._rows.get((id(spec), u.role))
        if cached is None:
            if len(self._rows) >= CACHE_SIZE:
                self._rows.clear()
            columns = self._cooldown_columns(spec, len(UNIT_FEATURES), 1)
            fixed = self._fixed_row(u)
            try:
                packed: bytes | None = self._pack_fixed_row(*fixed)
            except OverflowError:
                packed = None
            cached = self._rows[(id(spec), u.role)] = (spec, fixed, columns, packed)
        return cached

    def _pack_unit(self, buffer: bytearray, offset: int, u: Unit, is_lead: bool) -> None:
        """:meth:`_unit_row` packed into ``buffer`` at ``offset``, without the list: the
        fixed part's bytes, then the changing columns (4 to 18) in one pack, then the
        speed a seal adds and the cooldowns.  Raises ``OverflowError`` where a value is
        beyond float32, for :meth:`_vectors` to fall back on numpy's conversion."""
        spec = u.spec
        cached = self._rows.get((id(spec), u.role)) or self._row_of(u)
        fixed = cached[3]
        if fixed is None:
            raise OverflowError("a unit's fixed values are beyond float32")
        buffer[offset : offset + self._row_bytes] = fixed
        _pack_changing(buffer, offset + 16, *_changing_columns(u, is_lead, cached[1][6]))
        if u.seal_stage and spec.seal:
            _pack_float(buffer, offset + 76, u.speed / 100)
        if u.cooldowns:
            columns = cached[2]
            for tid, left in u.cooldowns.items():
                if left:
                    for column, divisor in columns.get(tid, ()):
                        _pack_float(buffer, offset + 4 * column, left / divisor)

    def _unit_row(self, u: Unit, is_lead: bool) -> list[float]:
        spec = u.spec
        cached = self._rows.get((id(spec), u.role)) or self._row_of(u)
        row = cached[1][:]
        row[4:19] = _changing_columns(u, is_lead, row[6])
        if u.seal_stage and spec.seal:
            row[19] = u.speed / 100
        if u.cooldowns:  # _write_cooldowns(), written out: most rows have some
            columns = cached[2]
            for tid, left in u.cooldowns.items():
                if left:
                    for column, divisor in columns.get(tid, ()):
                        row[column] = left / divisor
        return row

    def _cooldown_columns(self, spec: Fighter, start: int, step: int) -> _Columns:
        """For each technique id of ``spec`` (within the layout), where its cooldown goes
        in a row and what divides it."""
        columns: dict[str, list[tuple[int, int]]] = {}
        for i, tech in enumerate(spec.techniques[: self.layout.techniques]):
            columns.setdefault(tech.id, []).append((start + i * step, tech.cooldown + 1))
        return {tid: tuple(places) for tid, places in columns.items()}

    def _fixed_row(self, u: Unit) -> list[float]:
        spec = u.spec
        row = [0.0] * self.layout.unit_size
        row[0] = 1.0
        row[1 + ("fighter", "clone", "summon").index(u.role)] = 1.0
        row[6] = u.max_health / 300
        row[19] = spec.speed / 100
        row[20] = spec.taijutsu / 100
        row[21] = spec.ninjutsu / 100
        row[22] = spec.genjutsu / 100
        row[23] = spec.defence / 100
        return row

    def _technique_bytes(self, lead: Unit | None) -> bytes:
        """:meth:`_technique_rows` packed, kept by spec and cooldowns (which come back)."""
        if lead is None:
            return self._no_technique_bytes
        spec = lead.spec
        key = (id(spec), tuple(lead.cooldowns.items()))
        cached = self._technique_packs.get(key)
        if cached is None or cached[0] is not spec:
            if len(self._technique_packs) >= CACHE_SIZE:
                self._technique_packs.clear()
            values = self._technique_rows(lead)
            cached = self._technique_packs[key] = (spec, struct.pack(f"={len(values)}f", *values))
        return cached[1]

    def _technique_rows(self, lead: Unit | None) -> list[float]:
        if lead is None:
            return self._no_techniques
        size = len(TECHNIQUE_FEATURES)
        spec = lead.spec
        cached = self._techniques.get(id(spec))
        if cached is None:
            fixed = [0.0] * (self.layout.techniques * size)
            for i, t in enumerate(spec.techniques[: self.layout.techniques]):
                fixed[i * size : (i + 1) * size] = (
                    1.0,
                    t.power / 100,
                    t.cost / 100,
                    1.0 if t.is_attack else 0.0,
                    1.0 if t.clashes else 0.0,
                    1.0 if t.is_defence else 0.0,
                    0.0,
                )
            if len(self._techniques) >= CACHE_SIZE:
                self._techniques.clear()
            columns = self._cooldown_columns(spec, size - 1, size)
            cached = self._techniques[id(spec)] = (spec, fixed, columns)
        if not lead.cooldowns:
            return cached[1]
        rows = cached[1][:]
        _write_cooldowns(rows, lead.cooldowns, cached[2])
        return rows


def _write_cooldowns(row: list[float], cooldowns: dict[str, int], columns: _Columns) -> None:
    """Turns left / (cooldown + 1) for each technique cooling down, in its columns."""
    for tid, left in cooldowns.items():
        if left:
            for column, divisor in columns.get(tid, ()):
                row[column] = left / divisor


def _changing_columns(u: Unit, is_lead: bool, fixed_column_6: float) -> tuple[float, ...]:
    """A unit row's columns 4 ("lead") to 18 ("beast_pool"), which change from turn to turn
    (column 6 is fixed, passed through): one source for the packed and the list rows."""
    max_health = u.max_health
    max_chakra = u.max_chakra
    status = u.status
    spec = u.spec
    seal = spec.seal
    beast = spec.beast
    return (
        1.0 if is_lead else 0.0,
        u.health / max_health if max_health else 0.0,
        fixed_column_6,
        u.chakra / max_chakra if max_chakra else 0.0,
        max_chakra / 300,
        1.0 if status == "ok" else 0.0,
        1.0 if status == "critical" else 0.0,
        1.0 if status == "stable" else 0.0,
        1.0 if status == "dead" else 0.0,
        u.clock / 5 if u.clock else 0.0,
        u.stun / 2 if u.stun else 0.0,
        u.tracked / 3 if u.tracked else 0.0,
        u.seal_stage / len(seal.stages) if u.seal_stage and seal else 0.0,
        1.0 if u.resolve_bonus > 0 else 0.0,  # resolve_on, without the property's call
        u.beast_pool / beast.pool if beast and beast.pool else 0.0,
    )
