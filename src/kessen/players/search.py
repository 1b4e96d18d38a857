"""The ``search`` player: regret matching over sampled futures, for hidden simultaneous moves.

Both sides choose in secret, so there is no "best reply to the move just made" to find
by minimax.  Each decision is a small matrix game instead:

1. **Prune.** For the lead unit of each side (its first fighter able to act), keep a few
   sensible choices: the best blows by expected damage, each at its cheapest and its
   fullest charge, defences, power-ups, a heal, guard and, when chakra runs low, rest
   (:func:`candidates`).  The other side also gets the column :data:`ANYTHING`: a legal
   choice drawn at random in each future.  Other units (clones, summons, a second
   fighter) are played by the :class:`RolloutPolicy`.
2. **Sample futures.** A cell (my choice, their choice) is valued by playing that turn
   on :meth:`Battle.copy`, with fresh dice from the player's own stream (the search never
   peeks at the battle's own stream), then a few turns by the rollout policy, and
   scoring the end (:func:`evaluate`: +1 won, -1 lost, in between a race: the turns each
   side needs to take the other down).
   A round plays every one of my choices against one of theirs on the same dice (common
   random numbers); after one round per column, rounds go where the solution puts the
   weight.  The :data:`ANYTHING` column deals the other lead's legal choices from a
   shuffled deck, so that they come up evenly.  A close call near the end (the two best
   choices within :data:`CLOSE_CALL` of each other, and futures short, as the battle
   ends in most of them) gets twice the futures: that is where a wrong choice loses the
   game, and short futures cost little.
3. **Model the opponent.** An :class:`OpponentModel` learns from the choices the other
   side reveals whether it plays like the rollout policy or anyhow.  The column player
   is held to that model ``model`` percent of the time (a restricted Nash response):
   the search exploits a predictable opponent and stays safe against a clever one.
4. **Solve.** Regret matching (RM+, linear averaging) on the estimated matrix gives a
   mixed strategy (:func:`solve_matrix`).  The player samples its choice from it, after
   dropping choices below 5 %: pure when one choice is best, mixed when it pays to be
   unpredictable.

The budget is a number of sampled futures per decision (and a cap on the unit-turns they
play, for big battles), so a seed gives the same game on any machine.  ``search`` (200
futures of 3 turns, 400 in a close call near the end) decides in about 40 ms on a 2-core
machine, under 100 ms at worst; ``search-strong`` uses 600 futures of 4 turns.  Options
are written ``search:SIMS`` or ``search:sims=400,depth=6,width=7,model=80``
(:func:`parse_options`); ``ms=80`` adds a time limit, which makes games depend on the
machine's speed (not deterministic).

>>> from kessen.engine.model import Fighter, Technique
>>> punch = Technique("punch", "Punch", kind="taijutsu", power=30)
>>> a = Fighter("a", "A", health=60, chakra=20, techniques=(punch,))
>>> b = Fighter("b", "B", health=60, chakra=20, techniques=(punch,))
>>> battle = Battle([[a], [b]], seed=3)
>>> player = SearchPlayer(RandomStream(5), SearchSettings(simulations=20))
>>> [c.notation() for c in player.choose(Request.for_side(battle, 0))]
['p1.a punch p2.b']
>>> parse_options("sims=300,depth=4")
SearchSettings(simulations=300, depth=4, width=6, millis=0, model=80)
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from operator import mul

from kessen.engine import (
    GUARD,
    REST,
    Battle,
    Choice,
    Fighter,
    RandomStream,
    Unit,
    estimate_damage,
)
from kessen.errors import KessenError
from kessen.players import heuristic, random_player  # noqa: F401  (see below)
from kessen.players.base import Request, register_player

__all__ = [
    "RolloutPolicy",
    "SearchPlayer",
    "SearchSettings",
    "candidates",
    "damage_rate",
    "evaluate",
    "parse_options",
    "solve_matrix",
]

#: A choice kept in the mixed strategy needs at least this probability (percent).
MIN_SUPPORT = 5
#: Unit-turns a sampled future may cost on average before the work cap stops a decision
#: early: a duel costs 2 a turn, so only bigger battles are held back.
WORK_PER_FUTURE = 3
#: The column of "any legal choice at all", drawn afresh in each rollout.
ANYTHING = "anything"
#: Turns over which a fighter's chakra is spread when its damage a turn is reckoned: chakra
#: beyond what the strongest blows can use in that time adds nothing.
RACE_HORIZON = 10
#: Entries the damage-rate cache keeps before it starts afresh.
RATE_CACHE_SIZE = 50_000
#: Rounds between the updates of the column strategy that steers the sampling (solving
#: the matrix after every round took a quarter of a decision's time).
SOLVE_EVERY = 2
#: A decision whose two best choices are closer than this (in value, against the column
#: strategy) is a close call.  Near the end, where futures cost on average at most half
#: :data:`WORK_PER_FUTURE` a turn (a duel's futures cost 2 a turn until the battle ends in
#: them), it gets :data:`CLOSE_CALL_FACTOR` times the budget.
CLOSE_CALL = 0.1
CLOSE_CALL_FACTOR = 2
#: Times the rollout policy is asked what the other lead would do (the opponent model).
MODEL_SAMPLES = 12


@dataclass(frozen=True, slots=True)
class SearchSettings:
    """How the player thinks: sampled futures per decision, turns each is played, choices
    kept per lead, percent of the time the other side is held to the opponent model, and
    an optional time limit in milliseconds (0: none).  Written ``sims``, ``depth``,
    ``width``, ``model`` and ``ms`` in options."""

    simulations: int = 200
    depth: int = 3
    width: int = 6
    millis: int = 0
    model: int = 80


_OPTION_NAMES = {
    "sims": "simulations",
    "depth": "depth",
    "width": "width",
    "model": "model",
    "ms": "millis",
}


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
            known = ", ".join(_OPTION_NAMES)
            raise KessenError(f"search option {item!r}: unknown option (known: {known})")
        if not raw.strip().isdigit():
            raise KessenError(f"search option {item!r}: the value must be a whole number")
        values[field] = int(raw)
    settings = replace(base, **values)
    if settings.simulations < 1 or settings.width < 2 or settings.depth < 1 or settings.model > 100:
        raise KessenError(
            f"search options {text!r}: need sims >= 1, width >= 2, depth >= 1, model <= 100"
        )
    return settings


class SearchPlayer:
    """Regret matching at the root over sampled futures (see the module's docstring)."""

    name = "search"

    def __init__(self, stream: RandomStream, settings: SearchSettings = SearchSettings()) -> None:
        self.stream = stream
        self.settings = settings
        self._policy = RolloutPolicy(RandomStream(stream.next64()))
        self.model = OpponentModel()
        self._work = 0

    def choose(self, request: Request) -> list[Choice]:
        battle, side = request.battle, request.side
        self.model.learn(battle)
        lead = _lead(battle, list(request.legal))
        if lead is None:
            return []
        mine = candidates(battle, battle.unit(lead), request.legal[lead], self.settings.width)
        chosen = mine[0]
        if len(mine) > 1:
            chosen = self._search(battle, side, mine)
        policy = self._policy
        return [
            chosen if uid == lead else policy.pick(battle, battle.unit(uid), options)
            for uid, options in request.legal.items()
        ]

    # -- the search ------------------------------------------------------------------------

    def _search(self, battle: Battle, side: int, mine: list[Choice]) -> Choice:
        theirs, prior, foe_legal = self._their_options(battle, 1 - side)
        rows, cols = len(mine), len(theirs)
        total = [[0.0] * cols for _ in range(rows)]
        count = [[0] * cols for _ in range(rows)]
        budget = max(self.settings.simulations, rows * cols)
        # Big battles (teams, clones, summons) cost more a turn: the work a decision may
        # do is capped in unit-turns too, so that its time stays about the same.
        self._work = 0
        work_cap = WORK_PER_FUTURE * self.settings.depth * budget
        limit = self.settings.millis / 1000
        started = time.perf_counter() if limit else 0.0
        weight = self.settings.model / 100

        # A round plays every one of my choices against one of theirs, on the same dice and
        # the same rollout draws: the rows are compared on common random numbers.
        done, round_ = 0, 0
        col_strategy = [1.0 / cols] * cols
        deck = _Deck(self.stream.next64(), len(foe_legal))
        close_call_checked = False
        while True:
            if done >= budget:
                # A close call gets more futures, once, if they are cheap: short, because
                # the battle ends in most of them.
                if close_call_checked or self._work * 2 > work_cap:
                    break
                close_call_checked = True
                if _gap(_means(total, count), col_strategy) >= CLOSE_CALL:
                    break
                budget *= CLOSE_CALL_FACTOR
                work_cap *= CLOSE_CALL_FACTOR
            c = round_ if round_ < cols else self._pick(col_strategy, explore=25)
            dice, draws = self.stream.next64(), self.stream.next64()
            # "Anything" rounds deal the foe's legal choices from a shuffled deck: over a
            # decision they come up evenly, not by the luck of independent draws.
            column = theirs[c]
            foe_choice = foe_legal[deck.deal()] if isinstance(column, str) else column  # ANYTHING
            for r in range(rows):
                total[r][c] += self._rollout(battle, side, mine[r], foe_choice, dice, draws)
                count[r][c] += 1
            done += rows
            round_ += 1
            if self._work > work_cap and round_ >= cols:
                break
            if round_ >= cols and (round_ - cols) % SOLVE_EVERY == 0:
                _, col_strategy = solve_matrix(_means(total, count), 25, prior, weight)
            if limit and time.perf_counter() - started > limit:
                break
        row_strategy, _ = solve_matrix(_means(total, count), 200, prior, weight)
        return mine[self._pick(_purified(row_strategy), explore=0)]

    def _their_options(
        self, battle: Battle, foe_side: int
    ) -> tuple[list[Choice | str | None], list[float], tuple[Choice, ...]]:
        """The other lead's candidate choices, the opponent model's weights on them, and
        all its legal choices (none if no unit of that side can act).

        Besides the pruned candidates there is :data:`ANYTHING`, a column whose rollouts
        start with a choice drawn uniformly from all the legal ones.  The model mixes two
        guesses by :attr:`OpponentModel.trust`: what the rollout policy would do (asked
        a few times; its favourites join the candidates if pruning left them out), and
        anything at all.
        """
        foe_lead = _lead(battle, battle.pending(foe_side))
        if foe_lead is None:
            return [None], [1.0], ()
        foe = battle.unit(foe_lead)
        legal = battle.legal_choices(foe_lead)
        theirs: list[Choice | str | None] = list(
            candidates(battle, foe, legal, self.settings.width)
        )
        guesses: dict[Choice, int] = {}
        for _ in range(MODEL_SAMPLES):
            guess = self._policy.pick(battle, foe, legal)
            guesses[guess] = guesses.get(guess, 0) + 1
        for guess, _n in sorted(guesses.items(), key=lambda item: -item[1])[:2]:
            if guess not in theirs:
                theirs.append(guess)
        theirs.append(ANYTHING)
        self.model.expect(battle, foe_lead, guesses, len(legal))
        trust = self.model.trust
        prior = [
            trust * guesses.get(c, 0) / MODEL_SAMPLES if isinstance(c, Choice) else 1 - trust
            for c in theirs
        ]
        return theirs, _normalised(prior), legal

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

    def _rollout(
        self,
        battle: Battle,
        side: int,
        mine: Choice,
        theirs: Choice | None,
        dice: int,
        draws: int,
    ) -> float:
        """One sampled future of the cell (``mine``, ``theirs``), valued for ``side``."""
        sim = battle.copy()
        sim.rng.state = dice  # fresh dice: the search never peeks at the battle's own stream
        policy = self._policy
        policy.stream.state = draws
        fixed = {mine.unit: mine}
        if theirs is not None:
            fixed[theirs.unit] = theirs
        # Later turns: the other side plays like the policy as far as the model trusts it,
        # and anything at all otherwise.
        noise = (policy.NOISE, max(policy.NOISE, round(100 * (1 - self.model.trust))))
        for _ in range(self.settings.depth):
            choices = list(fixed.values())
            for uid in sim.pending():
                if uid not in fixed:
                    unit = sim.unit(uid)
                    noisy = noise[unit.side != side]
                    choices.append(policy.pick(sim, unit, sim.legal_choices(uid), noisy))
            sim.play_turn(choices)
            self._work += len(choices)
            if sim.over:
                break
            fixed = {}
        return evaluate(sim, side)


class OpponentModel:
    """How much the other side plays like the rollout policy, learned from what it shows.

    Before a turn the search records what the policy expected of the other lead; once the
    turn is played its choice is revealed (``battle.inputs``) and the odds between two
    explanations move: "plays like the policy" and "plays anything".  :attr:`trust` is
    the probability of the first (1/2 before any evidence).
    """

    #: The policy's guesses, smoothed: no choice is ever taken as impossible.
    SMOOTHING = 0.2
    LIMIT = 6.0

    def __init__(self) -> None:
        self.log_odds = 0.0
        self._expected: tuple[int, int, str, dict[Choice, int], int] | None = None

    @property
    def trust(self) -> float:
        return 1.0 / (1.0 + math.exp(-self.log_odds))

    def expect(self, battle: Battle, uid: str, guesses: dict[Choice, int], legal: int) -> None:
        self._expected = (battle.seed, battle.turn + 1, uid, dict(guesses), legal)

    def learn(self, battle: Battle) -> None:
        if self._expected is None:
            return
        seed, turn, uid, guesses, legal = self._expected
        if battle.seed != seed or battle.turn < turn:
            return  # that turn is not played yet (or this is another battle)
        self._expected = None
        actual = next((c for c in battle.inputs[turn - 1] if c.unit == uid), None)
        if actual is None:
            return
        share = guesses.get(actual, 0) / max(1, sum(guesses.values()))
        likely = (1 - self.SMOOTHING) * share + self.SMOOTHING / legal
        self.log_odds += math.log(likely * legal)  # against 1 / legal for "anything"
        self.log_odds = max(-self.LIMIT, min(self.LIMIT, self.log_odds))


class RolloutPolicy:
    """A quick, slightly noisy fighter for sampled futures: the heuristic's ideas, cheaper.

    It takes the best blow by expected damage (finishing blows first), sometimes defends or
    powers up, and rests when nothing is affordable.  Damage estimates are remembered, so a
    rollout costs little more than the turns it plays.
    """

    #: Percent of choices made at random (so that futures vary), then percent spent on a
    #: defence or a power-up when one is available.
    NOISE = 8
    SUPPORT = 22

    def __init__(self, stream: RandomStream) -> None:
        self.stream = stream
        self._damage: dict[tuple, int] = {}

    def pick(
        self, battle: Battle, unit: Unit, legal: tuple[Choice, ...], noise: int = NOISE
    ) -> Choice:
        """A choice for ``unit``: at random ``noise`` percent of the time, else a good one."""
        roll = self.stream.below(100)
        if roll < noise:
            return legal[self.stream.below(len(legal))]
        best: Choice | None = None
        best_score = 0.0
        support: list[Choice] = []
        technique = unit.spec.technique
        for c in legal:
            if c.action == REST or c.action == GUARD:
                continue
            tech = technique(c.action)
            if tech is None:
                continue
            if tech.is_attack and tech.range != "area":
                target = battle.unit(c.target or "")
                damage = self._estimate(unit, tech, c.chakra, target)
                if target.role == "clone":
                    score = 12.0
                elif damage >= target.health:
                    score = target.health + (60.0 if target.role == "fighter" else 0.0)
                else:
                    score = damage * (1.6 if target.role == "fighter" else 0.6)
                    if c.chakra > tech.cost:
                        score *= 0.6
                score -= c.chakra * 0.08
            elif tech.is_attack:
                score = tech.power * 0.6
            elif tech.target == "enemy":
                score = 8.0
            else:
                support.append(c)
                continue
            if score > best_score:
                best, best_score = c, score
        if support and (roll < noise + self.SUPPORT or best is None):
            return support[self.stream.below(len(support))]
        if best is not None:
            return best
        return legal[-2] if unit.chakra * 2 < unit.max_chakra else legal[-1]  # rest, guard

    def _estimate(self, unit: Unit, tech, chakra: int, target: Unit) -> int:
        key = (id(unit.spec), tech.id, chakra, id(target.spec), unit.seal_stage, unit.resolve_on)
        damage = self._damage.get(key)
        if damage is None:
            damage = self._damage[key] = estimate_damage(unit, tech, chakra, target)
        return damage


# -- pieces that stand alone ---------------------------------------------------------------


def _lead(battle: Battle, pending: list[str]) -> str | None:
    """The unit whose choice is searched: the first pending fighter, else the first unit."""
    for uid in pending:
        if battle.unit(uid).role == "fighter":
            return uid
    return pending[0] if pending else None


def candidates(battle: Battle, unit: Unit, legal: tuple[Choice, ...], width: int) -> list[Choice]:
    """At most ``width`` sensible choices for ``unit`` (never empty if ``legal`` is not).

    Kept first: the best blows by expected damage (finishing blows first), each at the
    cheapest charge and the fullest one; then defences and power-ups; then guard, and rest when
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
                score = float(
                    sum(min(estimate_damage(unit, tech, c.chakra, f), f.health) for f in foes)
                )
            else:
                target = battle.unit(c.target or "")
                damage = estimate_damage(unit, tech, c.chakra, target)
                score = min(damage, target.health) * (1.0 if target.role == "fighter" else 0.3)
                score = float(score)
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
        # The same blow at its cheapest and at its fullest charge: the one to keep
        # chakra, the one to win a clash or finish.
        charges = [d for d in legal if d.action == c.action and d.target == c.target]
        out.append(min(charges, key=lambda d: d.chakra))
        if len(out) < 3:
            out.append(max(charges, key=lambda d: d.chakra))
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

    Before the end, a race: the turns each side needs to take the other's fighters down,
    at the damage a turn its units can keep up (:func:`damage_rate`) against the other's
    lead.  The side that needs fewer turns is ahead, by the difference over the sum.  So
    health, power, defence and chakra all count by what they do to the race: chakra is
    worth the stronger blows it pays for, most when it runs low and nothing past what
    those blows can use.  A race neither side can finish before the turn limit is worth
    less, as it is heading for a draw.  No position is worth as much as a win (0.8 at most).

    The previous evaluation (health and a chakra bonus, side by side) was blind to what
    the chakra buys: a medic hoarded hers and guarded into draws, a fighter with a full bar
    poured it into charges.  This one won about 2.5 points more against ``random`` on the
    hardest mirror matches (``benchmarks/RESULTS.md``).
    """
    if battle.over:
        if battle.winner is None:
            return 0.0
        return 1.0 if battle.winner == side else -1.0
    health = [0, 0]
    lead: list[Unit | None] = [None, None]
    for u in battle.units:
        if u.status == "ok" and u.role == "fighter":
            health[u.side] += u.health
            if lead[u.side] is None:
                lead[u.side] = u
    first, second = lead
    if first is None or second is None:
        return 0.0  # not reached: a side with no fighter able to act has lost
    rate = [0.0, 0.0]
    for u in battle.units:
        if u.status == "ok":
            rate[u.side] += damage_rate(u, second if u.side == 0 else first)
    mine = health[1 - side] / max(1.0, rate[side])  # turns I need
    theirs = health[side] / max(1.0, rate[1 - side])
    value = (theirs - mine) / (theirs + mine)
    left = battle.turn_limit - battle.turn
    sooner = min(mine, theirs)
    if sooner > left:
        value *= left / sooner
    return 0.8 * value


_rates: dict[tuple, tuple[Fighter, Fighter, float]] = {}


def damage_rate(unit: Unit, target: Unit) -> float:
    """Expected damage a turn ``unit`` can keep up against ``target`` (at its base charge).

    The turns of the race go to the strongest blows first, as far as their cooldowns and
    the chakra allow (what ``unit`` has, spread over :data:`RACE_HORIZON` turns, plus what
    it regenerates), and the rest to its best free blow.  Estimates are cached by all they
    depend on (the cache holds the specs, so that no other spec takes their ids).
    """
    spec = unit.spec
    key = (
        id(spec),
        id(target.spec),
        unit.chakra,
        unit.seal_stage,
        unit.resolve_bonus,
        target.guard,
    )
    found = _rates.get(key)
    if found is not None:
        return found[2]
    free = 0.0
    paid: list[tuple[float, int, int]] = []
    for tech in spec.techniques:
        if tech.is_attack:
            damage = float(estimate_damage(unit, tech, tech.cost, target))
            if tech.cost:
                paid.append((damage, tech.cost, tech.cooldown))
            else:
                free = max(free, damage / (1 + tech.cooldown))
    rate, turns = 0.0, 1.0
    budget = unit.chakra / RACE_HORIZON + spec.regen
    for damage, cost, cooldown in sorted(paid, reverse=True):
        if damage <= free or turns <= 0 or budget <= 0:
            break
        share = min(1.0 / (1 + cooldown), budget / cost, turns)
        rate += damage * share
        turns -= share
        budget -= share * cost
    rate += free * turns
    if len(_rates) >= RATE_CACHE_SIZE:
        _rates.clear()
    _rates[key] = (spec, target.spec, rate)
    return rate


def solve_matrix(
    payoff: list[list[float]],
    iterations: int = 200,
    prior: list[float] | None = None,
    weight: float = 0.0,
) -> tuple[list[float], list[float]]:
    """Average strategies of regret matching+ on a zero-sum matrix game (row maximises).

    Later iterations weigh more (linear averaging), which forgets the poor early guesses.
    With a ``prior`` over the columns and a ``weight`` in [0, 1], the column player is
    held to playing the prior that share of the time (a *restricted Nash response*): the
    rows then exploit a column player that looks like the prior, while staying safe
    against one that does not.  The returned column strategy is the mixed one.

    >>> rows, cols = solve_matrix([[1.0, -1.0], [-1.0, 1.0]], iterations=500)
    >>> [round(p, 2) for p in rows], [round(p, 2) for p in cols]
    ([0.5, 0.5], [0.5, 0.5])
    >>> [round(p, 3) for p in solve_matrix([[0.2, 0.3], [0.5, 0.9]])[0]]
    [0.0, 1.0]
    >>> [round(p, 2) for p in solve_matrix([[1.0, -1.0], [-1.0, 1.0]], 500, [1.0, 0.0], 0.8)[0]]
    [1.0, 0.0]
    """
    n, m = len(payoff), len(payoff[0])
    columns = [[-payoff[i][j] for i in range(n)] for j in range(m)]
    fixed = [weight * q for q in prior] if prior and weight > 0 else [0.0] * m
    free = 1.0 - sum(fixed)
    row_regret, col_regret = [1.0] * n, [1.0] * m
    row_sum, col_sum = [0.0] * n, [0.0] * m
    for t in range(1, iterations + 1):
        x = _normalised(row_regret)
        y = [free * q + f for q, f in zip(_normalised(col_regret), fixed, strict=True)]
        row_values = [sum(map(mul, line, y)) for line in payoff]
        value = sum(map(mul, x, row_values))
        row_regret = [max(0.0, r + v - value) for r, v in zip(row_regret, row_values, strict=True)]
        col_values = [sum(map(mul, line, x)) for line in columns]
        col_value = sum(map(mul, _normalised(col_regret), col_values))
        col_regret = [
            max(0.0, r + v - col_value) for r, v in zip(col_regret, col_values, strict=True)
        ]
        row_sum = [s + t * p for s, p in zip(row_sum, x, strict=True)]
        col_sum = [s + t * q for s, q in zip(col_sum, y, strict=True)]
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
    return [
        [t / n if n else 0.0 for t, n in zip(tr, nr, strict=True)]
        for tr, nr in zip(total, count, strict=True)
    ]


def _gap(payoff: list[list[float]], col_strategy: list[float]) -> float:
    """How far the best row is ahead of the second best, against ``col_strategy``."""
    values = sorted((sum(map(mul, line, col_strategy)) for line in payoff), reverse=True)
    return values[0] - values[1] if len(values) > 1 else 1.0


class _Deck:
    """Numbers ``0 .. n-1`` dealt in a random order, reshuffled when all are dealt.

    >>> deck = _Deck(seed=1, n=4)
    >>> sorted(deck.deal() for _ in range(4)), sorted(deck.deal() for _ in range(4))
    ([0, 1, 2, 3], [0, 1, 2, 3])
    """

    def __init__(self, seed: int, n: int) -> None:
        self.stream = RandomStream(seed)
        self.n = n
        self.cards: list[int] = []

    def deal(self) -> int:
        if not self.cards:
            self.cards = list(range(self.n))
            for i in range(self.n - 1, 0, -1):  # Fisher-Yates
                j = self.stream.below(i + 1)
                self.cards[i], self.cards[j] = self.cards[j], self.cards[i]
        return self.cards.pop()


# ``make_player`` loads the built-in players only while its registry is empty; importing
# this module first would register ``search`` alone.  The imports above register the rest.


def _factory(settings: SearchSettings):
    def make(stream: RandomStream) -> SearchPlayer:
        return SearchPlayer(stream, settings)

    return make


register_player("search", _factory(SearchSettings()))
register_player("search-strong", _factory(SearchSettings(simulations=600, depth=4, width=7)))
