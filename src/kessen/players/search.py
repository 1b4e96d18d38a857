"""The ``search`` player: regret matching over sampled futures, for hidden simultaneous moves.

Both sides choose in secret, so there is no "best reply to the move just made" to find
by minimax.  Each decision is a small matrix game instead:

1. **Prune.** For the lead unit of each side (its first fighter able to act), keep a few
   sensible choices: the strongest blows by expected damage (at the cheapest and the
   fullest charge), every defence, power-ups, a heal, guard and, when chakra runs low,
   rest (:func:`candidates`).  Other units (clones, summons, a second fighter) are played
   by the rollout policy.
2. **Sample futures.** A cell (my choice, their choice) is valued by playing that turn
   on :meth:`Battle.copy`, with fresh dice from the player's own stream (the search never
   peeks at the battle's own stream), then a few turns by the rollout policy, and
   scoring the end (:func:`evaluate`: +1 won, -1 lost, health and chakra in between).
   Every cell is sampled once; further samples go where the current equilibrium puts
   its weight.
3. **Solve.** Regret matching (RM+, linear averaging) on the estimated matrix gives a
   mixed strategy for each side.  The player samples its choice from its own average
   strategy, after dropping choices below 5 %: pure when a pure choice is best, mixed
   when it pays to be unpredictable.

The budget is a number of sampled futures per decision, so a seed gives the same game on
any machine.  ``search`` (120 futures) keeps a decision under 100 ms on a 2-core laptop;
``search-strong`` uses 600.  Options are written ``search:SIMS`` or
``search:sims=400,depth=8,width=7`` (:func:`parse_options`); ``ms=80`` adds a time limit
(which makes games depend on the machine's speed: not deterministic).

>>> from kessen.engine.model import Fighter, Technique
>>> punch = Technique("punch", "Punch", kind="taijutsu", power=30)
>>> a = Fighter("a", "A", health=60, chakra=20, techniques=(punch,))
>>> b = Fighter("b", "B", health=60, chakra=20, techniques=(punch,))
>>> battle = Battle([[a], [b]], seed=3)
>>> player = SearchPlayer(RandomStream(5), SearchSettings(simulations=20))
>>> [c.notation() for c in player.choose(Request.for_side(battle, 0))]
['p1.a punch p2.b']
>>> parse_options("sims=300,depth=4")
SearchSettings(simulations=300, depth=4, width=6, millis=0)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from kessen.engine import GUARD, REST, Battle, Choice, RandomStream, Unit, estimate_damage
from kessen.errors import KessenError
from kessen.players.base import Request, register_player
from kessen.players.heuristic import HeuristicPlayer

__all__ = [
    "SearchPlayer",
    "SearchSettings",
    "candidates",
    "evaluate",
    "parse_options",
    "solve_matrix",
]

#: A choice kept in the mixed strategy needs at least this probability (percent).
MIN_SUPPORT = 5


@dataclass(frozen=True, slots=True)
class SearchSettings:
    """How hard the player thinks: sampled futures per decision, rollout depth in turns,
    choices kept per lead unit, and an optional time limit in milliseconds (0: none)."""

    simulations: int = 120
    depth: int = 5
    width: int = 6
    millis: int = 0


_OPTION_NAMES = {"sims": "simulations", "simulations": "simulations", "depth": "depth",
                 "width": "width", "ms": "millis", "millis": "millis"}


def parse_options(text: str, base: SearchSettings = SearchSettings()) -> SearchSettings:
    """Settings from ``"400"`` or ``"sims=400,depth=6,width=7,ms=80"``.

    >>> parse_options("400").simulations
    400
    >>> parse_options("depth=x")
    Traceback (most recent call last):
    ...
    kessen.errors.KessenError: search option 'depth=x': the value must be a whole number
    """
    values: dict[str, int] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key, sep, raw = item.partition("=")
        if not sep:
            key, raw = "sims", key
        field = _OPTION_NAMES.get(key.strip())
        if field is None:
            known = ", ".join(sorted(set(_OPTION_NAMES) - {"simulations", "millis"}))
            raise KessenError(f"search option {item!r}: unknown option (known: {known})")
        if not raw.strip().isdigit():
            raise KessenError(f"search option {item!r}: the value must be a whole number")
        values[field] = int(raw)
    settings = replace(base, **values)
    if settings.simulations < 1 or settings.width < 2 or settings.depth < 1:
        raise KessenError(f"search options {text!r}: need sims >= 1, width >= 2, depth >= 1")
    return settings


class SearchPlayer:
    """Regret matching at the root over sampled futures (see the module's docstring)."""

    name = "search"

    def __init__(self, stream: RandomStream, settings: SearchSettings = SearchSettings()) -> None:
        self.stream = stream
        self.settings = settings
        # The rollout policy draws from a stream of its own, derived from ours.
        self._policy = HeuristicPlayer(RandomStream(stream.next64()))

    def choose(self, request: Request) -> list[Choice]:
        battle, side = request.battle, request.side
        lead = _lead(battle, list(request.legal))
        if lead is None:
            return []
        mine = candidates(battle, battle.unit(lead), request.legal[lead], self.settings.width)
        chosen = mine[0]
        if len(mine) > 1:
            chosen = self._search(battle, side, lead, mine)
        others = {uid: opts for uid, opts in request.legal.items() if uid != lead}
        rest = self._policy.choose(Request(battle, side, request.turn, others)) if others else []
        by_uid = {c.unit: c for c in rest}
        by_uid[lead] = chosen
        return [by_uid[uid] for uid in request.legal]

    # -- the search ------------------------------------------------------------------------

    def _search(self, battle: Battle, side: int, lead: str, mine: list[Choice]) -> Choice:
        foe_pending = battle.pending(1 - side)
        foe_lead = _lead(battle, foe_pending)
        theirs: list[Choice | None] = [None]
        if foe_lead is not None:
            foe = battle.unit(foe_lead)
            theirs = list(candidates(battle, foe, battle.legal_choices(foe_lead), self.settings.width))
        rows, cols = len(mine), len(theirs)
        total = [[0.0] * cols for _ in range(rows)]
        count = [[0] * cols for _ in range(rows)]
        budget = max(self.settings.simulations, rows * cols)
        deadline = time.perf_counter() + self.settings.millis / 1000 if self.settings.millis else 0.0

        def sample(r: int, c: int) -> None:
            total[r][c] += self._rollout(battle, side, mine[r], theirs[c])
            count[r][c] += 1

        for r in range(rows):
            for c in range(cols):
                sample(r, c)
        done = rows * cols
        while done < budget:
            means = _means(total, count)
            row_strategy, col_strategy = solve_matrix(means, iterations=40)
            for _ in range(min(16, budget - done)):
                r = self._pick(row_strategy, explore=50)
                c = self._pick(col_strategy, explore=30)
                sample(r, c)
                done += 1
            if deadline and time.perf_counter() > deadline:
                break
        row_strategy, _ = solve_matrix(_means(total, count), iterations=300)
        return mine[self._pick(_purified(row_strategy), explore=0)]

    def _pick(self, strategy: list[float], explore: int) -> int:
        """An index drawn from ``strategy``, or uniformly ``explore`` percent of the time."""
        if explore and self.stream.chance(explore):
            return self.stream.below(len(strategy))
        point = self.stream.below(1 << 30) / (1 << 30)
        for i, p in enumerate(strategy):
            point -= p
            if point < 0:
                return i
        return max(range(len(strategy)), key=strategy.__getitem__)

    def _rollout(self, battle: Battle, side: int, mine: Choice, theirs: Choice | None) -> float:
        """One sampled future of the cell (``mine``, ``theirs``), valued for ``side``."""
        sim = battle.copy()
        sim.rng.state = self.stream.next64()  # fresh dice: no peeking at the battle's own
        fixed = {mine.unit: mine}
        if theirs is not None:
            fixed[theirs.unit] = theirs
        sim.play_turn(self._turn_choices(sim, fixed))
        for _ in range(self.settings.depth - 1):
            if sim.over:
                break
            sim.play_turn(self._turn_choices(sim, {}))
        return evaluate(sim, side)

    def _turn_choices(self, sim: Battle, fixed: dict[str, Choice]) -> list[Choice]:
        choices = list(fixed.values())
        for s in (0, 1):
            legal = {uid: sim.legal_choices(uid) for uid in sim.pending(s) if uid not in fixed}
            if legal:
                choices.extend(self._policy.choose(Request(sim, s, sim.turn + 1, legal)))
        return choices


# -- pieces that stand alone ---------------------------------------------------------------


def _lead(battle: Battle, pending: list[str]) -> str | None:
    """The unit whose choice is searched: the first pending fighter, else the first unit."""
    for uid in pending:
        if battle.unit(uid).role == "fighter":
            return uid
    return pending[0] if pending else None


def candidates(battle: Battle, unit: Unit, legal: tuple[Choice, ...], width: int) -> list[Choice]:
    """At most ``width`` sensible choices for ``unit`` (never empty if ``legal`` is not).

    Kept first: the best blows by expected damage (finishing blows first), at the cheapest
    charge and the fullest one; then defences and power-ups; then guard, and rest when
    chakra is low.  Only choices from ``legal`` are returned.
    """
    blows: list[tuple[float, int, Choice]] = []
    support: list[Choice] = []
    for i, c in enumerate(legal):
        if c.action in (REST, GUARD):
            continue
        tech = unit.spec.technique(c.action)
        if tech is None:
            continue
        if tech.is_attack:
            if tech.range == "area":
                foes = [u for u in battle.units if u.side != unit.side and u.status == "ok"]
                score = sum(min(estimate_damage(unit, tech, c.chakra, f), f.health) for f in foes)
            else:
                target = battle.unit(c.target or "")
                damage = estimate_damage(unit, tech, c.chakra, target)
                score = min(damage, target.health) * (1.0 if target.role == "fighter" else 0.3)
                if target.role == "clone":
                    score = 8.0
                elif damage >= target.health and target.role == "fighter":
                    score += 100
            blows.append((score - c.chakra * 0.05, i, c))
        elif tech.target == "enemy":
            blows.append((10.0, i, c))  # stun, drain, track: worth a look, not first
        else:
            support.append(c)
    blows.sort(key=lambda item: (-item[0], item[1]))
    out: list[Choice] = []
    seen_blows: set[tuple[str, str | None]] = set()
    for _, _, c in blows:
        key = (c.action, c.target)
        if key in seen_blows:
            continue
        seen_blows.add(key)
        out.append(c)
        strongest = max(
            (d for d in legal if d.action == c.action and d.target == c.target),
            key=lambda d: d.chakra,
        )
        if strongest != c and len(out) < 3:
            out.append(strongest)
        if len(out) >= 3:
            break
    out.extend(support)
    out.append(Choice(unit.uid, GUARD))
    if unit.chakra * 2 < unit.max_chakra or not blows:
        out.append(Choice(unit.uid, REST))
    kept = [c for c in dict.fromkeys(out) if c in legal]
    return kept[:width] if kept else list(legal[:1])


def evaluate(battle: Battle, side: int) -> float:
    """How good ``battle`` looks for ``side``, in [-1, 1]: 1 won, -1 lost, 0 a draw.

    Before the end: the difference of the sides' standing (health counts most, then
    chakra, then extra units), over their sum, scaled so that no position is as good as
    a win.
    """
    if battle.over:
        if battle.winner is None:
            return 0.0
        return 1.0 if battle.winner == side else -1.0
    standing = [0.0, 0.0]
    for u in battle.units:
        if u.status == "ok":
            if u.role == "fighter":
                standing[u.side] += (
                    0.3 + 0.6 * u.health / u.max_health + 0.1 * u.chakra / max(1, u.max_chakra)
                )
            else:
                standing[u.side] += 0.05
        elif u.status == "critical":
            standing[u.side] += 0.05
    mine, theirs = standing[side], standing[1 - side]
    return 0.8 * (mine - theirs) / max(1e-9, mine + theirs)


def solve_matrix(
    payoff: list[list[float]], iterations: int = 200
) -> tuple[list[float], list[float]]:
    """Average strategies of regret matching+ on a zero-sum matrix game (row maximises).

    >>> rows, cols = solve_matrix([[1.0, -1.0], [-1.0, 1.0]], iterations=500)
    >>> [round(p, 1) for p in rows], [round(p, 1) for p in cols]
    ([0.5, 0.5], [0.5, 0.5])
    >>> solve_matrix([[0.2, 0.3], [0.5, 0.9]])[0]
    [0.0, 1.0]
    """
    n, m = len(payoff), len(payoff[0])
    row_regret, col_regret = [0.0] * n, [0.0] * m
    row_sum, col_sum = [0.0] * n, [0.0] * m
    for t in range(1, iterations + 1):
        x = _normalised(row_regret)
        y = _normalised(col_regret)
        row_values = [sum(p * q for p, q in zip(line, y, strict=True)) for line in payoff]
        value = sum(p * v for p, v in zip(x, row_values, strict=True))
        for i in range(n):
            row_regret[i] = max(0.0, row_regret[i] + row_values[i] - value)
        col_values = [-sum(payoff[i][j] * x[i] for i in range(n)) for j in range(m)]
        col_value = sum(q * v for q, v in zip(y, col_values, strict=True))
        for j in range(m):
            col_regret[j] = max(0.0, col_regret[j] + col_values[j] - col_value)
        for i in range(n):
            row_sum[i] += t * x[i]
        for j in range(m):
            col_sum[j] += t * y[j]
    return _normalised(row_sum), _normalised(col_sum)


def _normalised(weights: list[float]) -> list[float]:
    total = sum(weights)
    if total <= 0:
        return [1.0 / len(weights)] * len(weights)
    return [w / total for w in weights]


def _purified(strategy: list[float]) -> list[float]:
    kept = [p if p * 100 >= MIN_SUPPORT else 0.0 for p in strategy]
    return _normalised(kept) if any(kept) else strategy


def _means(total: list[list[float]], count: list[list[int]]) -> list[list[float]]:
    return [[t / n for t, n in zip(tr, nr, strict=True)] for tr, nr in zip(total, count, strict=True)]


def _factory(settings: SearchSettings):
    def make(stream: RandomStream) -> SearchPlayer:
        return SearchPlayer(stream, settings)

    return make


register_player("search", _factory(SearchSettings()))
register_player("search-strong", _factory(SearchSettings(simulations=600, width=7)))
