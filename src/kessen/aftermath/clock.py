"""The survival clock after the fight, in minutes, and what a sealed beast does to it.

In a battle a critical fighter's clock counts turns (``unit.clock``).  Once the fight is
over the clock runs in minutes: each turn left is :data:`MINUTES_PER_TURN` minutes of life.

A jinchuriki's beast keeps paying from its pool while its host lies critical.  It heals
``h`` health a turn (its ``heal``, within what the seal lets through, ``per_turn``); a beast
healing :data:`HEAL_HOLDS` a turn holds the clock still, less slows it, more winds it
back, up to the longest clock there is.  The pool pays ``h`` every
:data:`MINUTES_PER_TURN` minutes; when it runs dry the clock runs at full speed again.

>>> plain = Clock(life=30.0, since=0.0)
>>> plain.death_time()
30.0
>>> plain.life_at(12.0)
18.0
>>> kyuubi = Clock.for_patient(life=20.0, since=0.0, heal=8, per_turn=45, pool=6000)
>>> kyuubi.rate < 0, kyuubi.life_at(30.0), kyuubi.death_time()
(True, 30.0, 9060.0)
>>> weak = Clock.for_patient(life=20.0, since=0.0, heal=3, per_turn=45, pool=6000)
>>> weak.rate, weak.death_time()
(0.5, 40.0)
>>> dry = Clock.for_patient(life=20.0, since=0.0, heal=6, per_turn=45, pool=12)
>>> dry.beast_until, dry.death_time()
(24.0, 44.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["HEAL_HOLDS", "MAX_LIFE", "MINUTES_PER_TURN", "Clock"]

#: One turn of a survival clock is this many minutes of life once the fight is over.  A
#: turn of battle is a few seconds; a turn of dying is the time a body can hold on.  Set so
#: that the longest clock (five turns, an hour) outlasts a jonin's run from the Valley of
#: the End to the medics, and a short one does not.
MINUTES_PER_TURN = 12
#: Health a turn that a beast must heal to hold its host's clock still.
HEAL_HOLDS = 6
#: The longest clock in the engine is five turns; a beast winds the clock back to this.
MAX_LIFE = 5 * MINUTES_PER_TURN


@dataclass(frozen=True, slots=True)
class Clock:
    """``life`` minutes left at minute ``since``; while the beast pays (until
    ``beast_until``) life drains at ``rate`` minutes a minute, then at 1."""

    life: float
    since: float
    rate: float = 1.0
    beast_until: float = 0.0

    @classmethod
    def for_patient(
        cls, life: float, since: float, heal: int = 0, per_turn: int = 0, pool: int = 0
    ) -> Clock:
        """The clock of a patient whose beast (if any) heals ``heal`` a turn from ``pool``."""
        given = min(heal, per_turn) if per_turn else heal
        if given <= 0 or pool <= 0:
            return cls(life, since)
        lasts = pool * MINUTES_PER_TURN / given
        return cls(life, since, 1.0 - given / HEAL_HOLDS, since + lasts)

    @property
    def beast_active(self) -> bool:
        return self.beast_until > self.since

    def life_at(self, t: float) -> float:
        """Minutes of life left at minute ``t`` (never above :data:`MAX_LIFE`)."""
        cap = max(MAX_LIFE, self.life)
        held = max(0.0, min(t, self.beast_until) - self.since)
        life = min(cap, self.life - self.rate * held)
        if life <= 0:
            return 0.0
        return max(0.0, life - max(0.0, t - max(self.since, self.beast_until)))

    def death_time(self) -> float:
        """The minute the clock runs out (``inf`` if the beast never lets it)."""
        if self.beast_active:
            if self.rate > 0:
                end = self.since + self.life / self.rate
                if end <= self.beast_until:
                    return end
            if math.isinf(self.beast_until):
                return math.inf
            return self.beast_until + self.life_at(self.beast_until)
        return self.since + self.life
