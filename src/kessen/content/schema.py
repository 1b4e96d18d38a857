"""The schema of a content pack: what a TOML pack may say, checked field by field.

A pack is data only.  Every table and field is listed here; anything else is an error
that names its path (``fighters.naruto.techniques[2]``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kessen.engine.model import ALL_NATURES, EFFECT_TYPES, KINDS, RANGES, TARGETS

__all__ = [
    "BeastModel",
    "EffectModel",
    "FighterModel",
    "PackInfo",
    "PackModel",
    "SealModel",
    "TechniqueModel",
]

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Positive = Annotated[int, Field(ge=1, le=100_000)]
NonNegative = Annotated[int, Field(ge=0, le=100_000)]
Percent = Annotated[int, Field(ge=0, le=100)]
Stat = Annotated[int, Field(ge=0, le=200)]

Kind = Literal[KINDS]  # type: ignore[valid-type]
Nature = Literal[ALL_NATURES]  # type: ignore[valid-type]
Range = Literal[RANGES]  # type: ignore[valid-type]
Target = Literal[TARGETS]  # type: ignore[valid-type]
EffectType = Literal[EFFECT_TYPES]  # type: ignore[valid-type]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EffectModel(_Strict):
    type: EffectType
    amount: NonNegative = 0
    chance: Percent = 100
    turns: Annotated[int, Field(ge=0, le=50)] = 0
    share: Percent = 0
    summon: Identifier | None = None

    @model_validator(mode="after")
    def _summon_needs_id(self) -> EffectModel:
        if self.type == "summon" and self.summon is None:
            raise ValueError("a summon effect needs 'summon', the id of a summon")
        if self.type != "summon" and self.summon is not None:
            raise ValueError("only a summon effect takes 'summon'")
        return self


class TechniqueModel(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=60)]
    kind: Kind
    nature: Nature = "none"
    cost: NonNegative = 0
    power: NonNegative = 0
    range: Range = "melee"
    target: Target = "enemy"
    clashes: bool = False
    cooldown: Annotated[int, Field(ge=0, le=20)] = 0
    effects: list[EffectModel] = []
    needs: Literal["", "beast", "original"] = ""
    description: str = ""

    @model_validator(mode="after")
    def _coherent(self) -> TechniqueModel:
        if self.clashes and (self.power == 0 or self.target != "enemy"):
            raise ValueError("only an attack on an enemy (power > 0) can clash")
        if self.power > 0 and self.target != "enemy":
            raise ValueError("power > 0 needs target = 'enemy'")
        if self.target == "enemy" and self.power == 0 and not self.effects:
            raise ValueError("a technique aimed at an enemy needs power or an effect")
        types = [e.type for e in self.effects]
        twice = sorted({t for t in types if types.count(t) > 1})
        if twice:
            raise ValueError(f"effect {twice[0]!r} listed twice")
        # An effect the engine could never apply to this target is a content error, not a
        # technique that silently does less than it says (docs/content.md, Effects).
        for kind in types:
            allowed = _EFFECT_TARGETS.get(kind)
            if allowed is not None and self.target not in allowed:
                wanted = " or ".join(repr(t) for t in allowed)
                raise ValueError(f"a {kind!r} effect needs target = {wanted}")
        if "pierce" in types and self.power == 0:
            raise ValueError("a 'pierce' effect needs an attack (power > 0)")
        if self.target == "ally" and "heal" not in types:
            raise ValueError("target = 'ally' is for heals: it needs a 'heal' effect")
        return self


#: The targets each effect works on: defences, traits and calls act on the user, a heal on
#: the user or an ally, and the follow-ups of a blow on an enemy.
_EFFECT_TARGETS: dict[str, tuple[str, ...]] = {
    "guard": ("self",),
    "evade": ("self",),
    "substitute": ("self",),
    "create_clone": ("self",),
    "summon": ("self",),
    "activate_seal": ("self",),
    "heal": ("self", "ally"),
    "stun": ("enemy",),
    "drain_chakra": ("enemy",),
    "track": ("enemy",),
}


class BeastModel(_Strict):
    name: Annotated[str, Field(min_length=1)]
    pool: Positive
    per_turn: Positive
    heal: NonNegative
    divert: Percent


class SealStageModel(_Strict):
    boost: Annotated[int, Field(ge=0, le=300)]
    speed: Annotated[int, Field(ge=0, le=100)] = 0
    cost: NonNegative = 0


class SealModel(_Strict):
    name: Annotated[str, Field(min_length=1)]
    stages: Annotated[list[SealStageModel], Field(min_length=1, max_length=5)]


class FighterModel(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=60)]
    pronoun: Literal["he", "she", "they", "it"] = "they"
    title: str = ""
    village: str = ""
    health: Positive
    chakra: NonNegative
    regen: NonNegative = 5
    speed: Stat = 50
    taijutsu: Stat = 50
    ninjutsu: Stat = 50
    genjutsu: Stat = 50
    defence: Stat = 40
    resolve: Percent = 50
    affinity: Nature = "none"
    techniques: Annotated[list[Identifier], Field(min_length=1, max_length=12)]
    jinchuriki: BeastModel | None = None
    cursed_seal: SealModel | None = None
    motives: list[str] = []
    memories: list[str] = []
    abilities: list[Literal["tracking", "fast", "carry", "medic", "sensor"]] = []
    travel_speed: Annotated[int, Field(ge=0, le=1000)] = 0


class PackInfo(_Strict):
    name: Identifier
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    description: str = ""


class PackModel(_Strict):
    pack: PackInfo
    techniques: dict[Identifier, TechniqueModel] = {}
    fighters: dict[Identifier, FighterModel] = {}
    summons: dict[Identifier, FighterModel] = {}
