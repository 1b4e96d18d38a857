"""What a battle is made of: fighters, techniques and their traits, as frozen values.

These are the engine's own types.  The content loader (``kessen.content``) builds them from
TOML packs; the engine never reads files.  Effects come from a closed vocabulary
(:data:`EFFECT_TYPES`) that the engine interprets: a pack cannot run code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "EFFECT_TYPES",
    "KINDS",
    "NATURES",
    "RANGES",
    "ROLES",
    "TARGETS",
    "Beast",
    "CursedSeal",
    "Effect",
    "Fighter",
    "SealStage",
    "Technique",
    "nature_multiplier",
]

KINDS = ("taijutsu", "ninjutsu", "genjutsu")
#: Each nature overpowers the next one in the cycle: fire > wind > lightning > earth > water > fire.
NATURES = ("fire", "wind", "lightning", "earth", "water")
ALL_NATURES = (*NATURES, "none")
#: ``melee`` can be dodged by substitution; ``ranged`` is easier to evade; ``area`` hits every
#: enemy at reduced power, cannot clash and cannot be evaded.
RANGES = ("melee", "ranged", "area")
TARGETS = ("enemy", "self", "ally")
ROLES = ("fighter", "summon")
EFFECT_TYPES = (
    "pierce",  # amount: percent of the target's defence and guard ignored
    "heal",  # amount: health restored; stabilises a critical ally
    "drain_chakra",  # amount: chakra taken from the target, half of it to the user
    "stun",  # chance, turns: the target loses its next action(s)
    "guard",  # amount: percent of incoming damage blocked this turn
    "evade",  # chance: each single-target attack this turn misses with this chance
    "substitute",  # the first melee attack this turn strikes a log instead
    "create_clone",  # amount: clones made; share: percent of the user's chakra they take
    "summon",  # summon: id of the summoned unit; turns: how long it stays (0 = until beaten)
    "activate_seal",  # amount: cursed seal stages gained
    "track",  # turns: the target cannot evade or substitute
)

_ADVANTAGE = {NATURES[i]: NATURES[(i + 1) % len(NATURES)] for i in range(len(NATURES))}


def nature_multiplier(attacker: str, defender: str) -> float:
    """1.25 when ``attacker`` overpowers ``defender`` in the cycle, 0.8 the other way, else 1.

    >>> nature_multiplier("lightning", "earth"), nature_multiplier("earth", "lightning")
    (1.25, 0.8)
    >>> nature_multiplier("none", "fire")
    1.0
    """
    if _ADVANTAGE.get(attacker) == defender:
        return 1.25
    if _ADVANTAGE.get(defender) == attacker:
        return 0.8
    return 1.0


@dataclass(frozen=True, slots=True)
class Effect:
    """One effect of a technique, from :data:`EFFECT_TYPES`."""

    type: str
    amount: int = 0
    chance: int = 100
    turns: int = 0
    share: int = 0
    summon: Fighter | None = None


@dataclass(frozen=True, slots=True)
class Technique:
    """A technique. ``power`` > 0 makes it an attack; effects add the rest."""

    id: str
    name: str
    kind: str = "ninjutsu"
    nature: str = "none"
    cost: int = 0
    power: int = 0
    range: str = "melee"
    target: str = "enemy"
    clashes: bool = False
    cooldown: int = 0
    effects: tuple[Effect, ...] = ()
    #: ``"beast"``: drawn from a sealed beast, only its host can use it; ``"original"``: a
    #: shadow clone cannot copy it (an eye technique, a bloodline).  Clones copy neither.
    needs: str = ""
    # Flattened view of ``effects``, computed once so the turn loop does no searching.
    pierce: int = field(init=False, default=0)
    heal: int = field(init=False, default=0)
    drain: int = field(init=False, default=0)
    stun_chance: int = field(init=False, default=0)
    stun_turns: int = field(init=False, default=0)
    guard: int = field(init=False, default=0)
    evade: int = field(init=False, default=0)
    substitute: bool = field(init=False, default=False)
    clones: int = field(init=False, default=0)
    clone_share: int = field(init=False, default=0)
    summon: Fighter | None = field(init=False, default=None)
    summon_turns: int = field(init=False, default=0)
    seal_steps: int = field(init=False, default=0)
    track_turns: int = field(init=False, default=0)
    is_attack: bool = field(init=False, default=False)
    is_defence: bool = field(init=False, default=False)
    max_tier: int = field(init=False, default=1)
    #: The chakra amounts a choice may pour in: the cost times each tier.
    pours: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        values: dict[str, object] = {}
        for e in self.effects:
            if e.type == "pierce":
                values["pierce"] = e.amount
            elif e.type == "heal":
                values["heal"] = e.amount
            elif e.type == "drain_chakra":
                values["drain"] = e.amount
            elif e.type == "stun":
                values["stun_chance"] = e.chance
                values["stun_turns"] = max(1, e.turns)
            elif e.type == "guard":
                values["guard"] = e.amount
            elif e.type == "evade":
                values["evade"] = e.chance
            elif e.type == "substitute":
                values["substitute"] = True
            elif e.type == "create_clone":
                values["clones"] = max(1, e.amount)
                values["clone_share"] = e.share
            elif e.type == "summon":
                values["summon"] = e.summon
                values["summon_turns"] = e.turns
            elif e.type == "activate_seal":
                values["seal_steps"] = max(1, e.amount)
            elif e.type == "track":
                values["track_turns"] = max(1, e.turns)
        values["is_attack"] = self.power > 0 and self.target == "enemy"
        values["is_defence"] = self.target == "self" and bool(
            values.get("guard") or values.get("evade") or values.get("substitute")
        )
        # Only attacks that cost chakra can be charged: 1x, 2x or 3x the cost.
        max_tier = 3 if values["is_attack"] and self.cost > 0 else 1
        values["max_tier"] = max_tier
        values["pours"] = tuple(self.cost * tier for tier in range(1, max_tier + 1))
        for name, value in values.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True)
class Beast:
    """A tailed beast sealed in its host (the jinchuriki trait).

    ``pool`` is the beast's own chakra, huge; ``per_turn`` is what the seal lets through in
    one turn; ``heal`` is the health it restores to its host each turn, paid from the pool;
    ``divert`` is the percent of the host's own attack it may withdraw to save the host.
    """

    name: str
    pool: int
    per_turn: int
    heal: int
    divert: int


@dataclass(frozen=True, slots=True)
class SealStage:
    """One stage of a cursed seal: power boost (percent), speed gained, health lost a turn."""

    boost: int
    speed: int
    cost: int


@dataclass(frozen=True, slots=True)
class CursedSeal:
    """A cursed seal: stages reached one at a time, each stronger and costlier."""

    name: str
    stages: tuple[SealStage, ...]


@dataclass(frozen=True, slots=True)
class Fighter:
    """A fighter or a summon, as content describes it (not its state in a battle)."""

    id: str
    name: str
    health: int
    chakra: int
    regen: int = 5
    speed: int = 50
    taijutsu: int = 50
    ninjutsu: int = 50
    genjutsu: int = 50
    defence: int = 40
    resolve: int = 50
    affinity: str = "none"
    pronoun: str = "they"
    role: str = "fighter"
    techniques: tuple[Technique, ...] = ()
    beast: Beast | None = None
    seal: CursedSeal | None = None
    title: str = ""
    village: str = ""
    motives: tuple[str, ...] = ()
    memories: tuple[str, ...] = ()
    abilities: tuple[str, ...] = ()
    travel_speed: int = 0

    def offence(self, kind: str) -> int:
        """The fighter's offence for a kind of technique."""
        if kind == "taijutsu":
            return self.taijutsu
        if kind == "genjutsu":
            return self.genjutsu
        return self.ninjutsu

    def technique(self, technique_id: str) -> Technique | None:
        """The technique with that id, if the fighter knows it."""
        for t in self.techniques:
            if t.id == technique_id:
                return t
        return None
