"""A unit's state in a battle: the mutable side of a :class:`~kessen.engine.model.Fighter`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kessen.engine.model import Fighter

__all__ = ["CRITICAL", "DEAD", "GONE", "OK", "STABLE", "Unit", "clone_of"]

OK = "ok"  # able to act
CRITICAL = "critical"  # at zero health, unconscious, dying unless healed in time
STABLE = "stable"  # was critical, healed in time: out of the fight, out of danger
DEAD = "dead"
GONE = "gone"  # a clone dispelled or a summon sent back


#: Percent of its maker's offence a shadow clone strikes with: a share of the chakra, a
#: share of the force.
CLONE_OFFENCE = 60


def clone_of(spec: Fighter) -> Fighter:
    """The spec of a shadow clone of ``spec``: one hit dispels it; no traits, no clones."""
    kept = tuple(
        t for t in spec.techniques if not (t.clones or t.summon or t.seal_steps or t.needs)
    )
    return replace(
        spec,
        health=1,
        regen=0,
        taijutsu=spec.taijutsu * CLONE_OFFENCE // 100,
        ninjutsu=spec.ninjutsu * CLONE_OFFENCE // 100,
        genjutsu=spec.genjutsu * CLONE_OFFENCE // 100,
        techniques=kept,
        beast=None,
        seal=None,
    )


class Unit:
    """One unit on the field: a fighter, a shadow clone or a summon."""

    __slots__ = (
        "acted",
        "beast_budget",
        "beast_pool",
        "chakra",
        "clock",
        "cooldowns",
        "critical_since",
        "evade",
        "guard",
        "health",
        "max_chakra",
        "max_health",
        "origin",
        "resolve_bonus",
        "role",
        "seal_stage",
        "side",
        "spec",
        "stakes",
        "status",
        "stun",
        "substitute",
        "summon_turns",
        "tracked",
        "uid",
    )

    def __init__(
        self,
        uid: str,
        side: int,
        spec: Fighter,
        role: str = "fighter",
        origin: str | None = None,
        chakra: int | None = None,
    ) -> None:
        self.uid = uid
        self.side = side
        self.spec = spec
        self.role = role
        self.origin = origin
        self.max_health = spec.health
        self.health = spec.health
        self.max_chakra = spec.chakra if chakra is None else chakra
        self.chakra = self.max_chakra
        self.status = OK
        self.clock = 0
        self.critical_since = 0
        self.cooldowns: dict[str, int] = {}
        self.stun = 0
        self.tracked = 0
        self.seal_stage = 0
        self.beast_pool = spec.beast.pool if spec.beast else 0
        self.resolve_bonus = 0
        self.stakes = False
        self.summon_turns = 0
        self.guard = 0
        self.evade = 0
        self.substitute = False
        self.beast_budget = 0
        self.acted = False

    @property
    def speed(self) -> int:
        """Speed now: the spec's, plus what the cursed seal's stage adds."""
        if self.seal_stage and self.spec.seal:
            return self.spec.speed + self.spec.seal.stages[self.seal_stage - 1].speed
        return self.spec.speed

    @property
    def resolve_on(self) -> bool:
        """Whether resolve is lifting this unit's power (by ``resolve_bonus`` percent)."""
        return self.resolve_bonus > 0

    @property
    def can_act(self) -> bool:
        return self.status == OK

    @property
    def is_fighter(self) -> bool:
        return self.role == "fighter"

    def to_dict(self) -> dict[str, Any]:
        """Everything that changes during a battle, as JSON-ready data."""
        return {name: getattr(self, name) for name in _STATE_FIELDS} | {
            "spec": self.spec.id,
            "cooldowns": dict(sorted(self.cooldowns.items())),
        }

    def load_state(self, data: dict[str, Any]) -> None:
        for name in _STATE_FIELDS:
            setattr(self, name, data[name])
        self.cooldowns = dict(data["cooldowns"])

    def __repr__(self) -> str:
        return (
            f"<Unit {self.uid} {self.status} hp={self.health}/{self.max_health} "
            f"chakra={self.chakra}/{self.max_chakra}>"
        )


_STATE_FIELDS = (
    "uid",
    "side",
    "role",
    "origin",
    "max_health",
    "health",
    "max_chakra",
    "chakra",
    "status",
    "clock",
    "critical_since",
    "stun",
    "tracked",
    "seal_stage",
    "beast_pool",
    "resolve_bonus",
    "stakes",
    "summon_turns",
)
