"""The jinchuriki trait: a sealed beast that saves, heals and holds on, within its seal."""

from __future__ import annotations

from .scenarios import beast, duel, fighter, find_seed, of_type, tech

SLAM = tech("slam", power=150)  # 135-165 damage through defence 0
CLAW = tech("claw", power=100, clashes=True)
JAB = tech("jab", power=40)


def test_beast_saves_its_host_from_a_lethal_blow():
    host = fighter("a", JAB, beast=beast(pool=1000, per_turn=40))
    plain = fighter("a", JAB)
    saved = duel(host, fighter("b", SLAM, health=500), seed=4)
    events = saved.play_turn(["p1.a rest", "p2.b slam p1.a"])
    doomed = duel(plain, fighter("b", SLAM, health=500), seed=4)
    assert of_type(doomed.play_turn(["p1.a rest", "p2.b slam p1.a"]), "death")
    (hit,) = of_type(events, "hit")
    (save,) = of_type(events, "beast_intervention")
    excess = hit.damage - 100
    assert (save.unit, save.beast, save.withdrawn) == ("p1.a", "Beast", 0)
    assert save.chakra == min(excess, 40)
    assert not of_type(events, "death")
    assert of_type(events, "critical")[0].unit == "p1.a"
    assert saved.unit("p1.a").status == "critical"


def test_beast_budget_per_turn_limits_the_rescue():
    host = fighter("a", JAB, beast=beast(pool=1000, per_turn=10))
    battle = duel(host, fighter("b", tech("crush", power=200), health=500), seed=4)
    events = battle.play_turn(["p1.a rest", "p2.b crush p1.a"])
    (save,) = of_type(events, "beast_intervention")
    assert save.chakra == 10
    assert battle.unit("p1.a").beast_pool == 990
    assert of_type(events, "death")[0].unit == "p1.a"


def test_beast_cannot_give_more_than_its_pool():
    host = fighter("a", JAB, beast=beast(pool=3, per_turn=40, heal=0))
    battle = duel(host, fighter("b", SLAM, health=500), seed=4)
    events = battle.play_turn(["p1.a rest", "p2.b slam p1.a"])
    assert of_type(events, "beast_intervention")[0].chakra == 3
    assert battle.unit("p1.a").beast_pool == 0


def _mutual(divert: int, seed: int | None = None):
    def build(s: int):
        host = fighter("a", CLAW, health=60, beast=beast(per_turn=1, heal=0, divert=divert))
        return duel(host, fighter("b", CLAW, health=300), seed=s)

    def even(_, events) -> bool:
        return of_type(events, "clash")[0].verdict == "even"

    if seed is None:
        return find_seed(build, lambda _: ["p1.a claw p2.b", "p2.b claw p1.a"], even)
    battle = build(seed)
    return battle, battle.play_turn(["p1.a claw p2.b", "p2.b claw p1.a"])


def test_in_a_mutual_strike_the_beast_withdraws_power_from_its_hosts_own_attack():
    battle, events = _mutual(divert=50)
    # the same seed with a beast that may not divert: the same rolls, the full blow
    _, undiverted = _mutual(divert=0, seed=battle.seed)
    full = next(h.damage for h in of_type(undiverted, "hit") if h.unit == "p1.a")
    save = of_type(events, "beast_intervention")[0]
    own = next(h for h in of_type(events, "hit") if h.unit == "p1.a")
    incoming = next(h for h in of_type(events, "hit") if h.unit == "p2.b")
    assert save.withdrawn > 0
    assert save.withdrawn <= full * 50 // 100  # at most ``divert`` percent of the blow
    assert save.withdrawn + save.chakra <= incoming.damage - 60  # no more than the excess
    assert own.damage == full - save.withdrawn  # the host's blow is weaker by what it took
    assert battle.unit("p2.b").health == 300 - own.damage
    assert battle.unit("p1.a").status == "critical"
    assert of_type(undiverted, "death")  # without the withdrawal the host dies


def test_two_beasts_in_a_mutual_strike_each_withdraw_only_from_their_own_blow():
    def build(divert: int, s: int):
        a = fighter("a", CLAW, health=60, beast=beast(per_turn=1, heal=0, divert=divert))
        b = fighter("b", CLAW, health=60, beast=beast(per_turn=1, heal=0, divert=divert))
        return duel(a, b, seed=s)

    def turn(_):
        return ["p1.a claw p2.b", "p2.b claw p1.a"]

    battle, events = find_seed(
        lambda s: build(50, s), turn, lambda _, ev: of_type(ev, "clash")[0].verdict == "even"
    )
    plain = build(0, battle.seed).play_turn(turn(None))
    for uid in ("p1.a", "p2.b"):
        full = next(h.damage for h in of_type(plain, "hit") if h.unit == uid)
        own = next(h.damage for h in of_type(events, "hit") if h.unit == uid)
        taken = sum(e.withdrawn for e in of_type(events, "beast_intervention") if e.unit == uid)
        assert own == full - taken, uid


def test_beast_heals_its_host_over_time_from_its_pool():
    host = fighter("a", JAB, beast=beast(pool=1000, per_turn=40, heal=5))
    battle = duel(host, fighter("b", JAB, health=500), seed=1)
    events = battle.play_turn(["p1.a rest", "p2.b jab p1.a"])
    after_hit = of_type(events, "hit")[0].health
    (heal,) = of_type(events, "beast_heal")
    assert (heal.unit, heal.amount, heal.pool) == ("p1.a", 5, 995)
    assert battle.unit("p1.a").health == after_hit + 5
    healed = []
    while battle.unit("p1.a").health < 100:
        healed.append(of_type(battle.play_turn(["p1.a rest", "p2.b rest"]), "beast_heal")[0].amount)
    assert sum(healed) + after_hit + 5 == 100
    assert battle.unit("p1.a").beast_pool == 1000 - 100 + after_hit
    assert not of_type(battle.play_turn(["p1.a rest", "p2.b rest"]), "beast_heal")  # full


def test_beast_healing_is_limited_by_the_seal():
    host = fighter("a", JAB, beast=beast(pool=1000, per_turn=3, heal=5))
    battle = duel(host, fighter("b", JAB, health=500), seed=1)
    events = battle.play_turn(["p1.a rest", "p2.b jab p1.a"])
    assert of_type(events, "beast_heal")[0].amount == 3


def _crit_host(beast_value):
    # a hit of 99-121 on 100 health: at most 21 past zero, within toughness (30): critical
    host = fighter("a", JAB, beast=beast_value)
    ally = fighter("c", JAB, health=500)
    battle = duel([host, ally], fighter("b", tech("blow", power=110), health=900), seed=2)
    battle.play_turn(["p1.a rest", "p1.c rest", "p2.b blow p1.a"])
    assert battle.unit("p1.a").status == "critical"
    return battle


def _until_dead(battle) -> list[tuple[int, int, int]]:
    """(turn, clock, pool) at each end of turn until the host dies."""
    host = battle.unit("p1.a")
    seen = [(battle.turn, host.clock, host.beast_pool)]
    while host.status == "critical":
        battle.play_turn(["p1.c rest", "p2.b rest"])
        seen.append((battle.turn, host.clock, host.beast_pool))
    assert of_type(battle.events, "death")[0].cause == "clock"
    return seen


def test_without_a_beast_the_clock_runs_from_the_turn_after_the_fall():
    battle = _crit_host(None)
    clock = of_type(battle.events, "critical")[0].clock
    seen = _until_dead(battle)
    assert [c for _, c, _ in seen] == list(range(clock, -1, -1))
    assert seen[-1][0] == 1 + clock


def test_beast_holds_the_survival_clock_of_a_critical_host():
    battle = _crit_host(beast(pool=30, per_turn=40, heal=5))
    clock = of_type(battle.events, "critical")[0].clock
    seen = _until_dead(battle)
    holds = of_type(battle.events, "beast_heal")
    held_turns = [e.turn for e in holds]
    # each end of turn from the one after the fall while the pool lasts, the beast pays up
    # to ``heal`` and the clock stands still; once the pool is dry the clock runs out
    fell = of_type(battle.events, "critical")[0].turn
    assert held_turns == list(range(fell + 1, fell + 1 + len(holds)))
    assert all(e.amount == min(5, e.pool + e.amount) for e in holds)
    assert holds[-1].pool == 0
    assert all(c == clock for t, c, _ in seen if t <= held_turns[-1])
    assert seen[-1][0] == held_turns[-1] + clock
    assert all(
        s.health == 0
        for t in of_type(battle.events, "turn_end")
        for s in t.units
        if s.unit == "p1.a"
    )  # holding the clock does not heal


def test_a_beast_never_gives_more_than_its_seal_lets_through_in_a_turn():
    host = fighter("a", JAB, beast=beast(pool=1000, per_turn=10, heal=8))
    ally = fighter("c", JAB, health=500)
    battle = duel([host, ally], fighter("b", tech("blow", power=125), health=900), seed=2)
    battle.play_turn(["p1.a rest", "p1.c rest", "p2.b blow p1.a"])
    assert battle.unit("p1.a").status == "critical"
    assert 1000 - battle.unit("p1.a").beast_pool <= 10


def test_beast_techniques_belong_to_the_host_only():
    fox = tech("fox", power=80, needs="beast")
    host = duel(fighter("a", fox, beast=beast()), fighter("b"))
    plain = duel(fighter("a", fox), fighter("b"))
    assert "fox" in {c.action for c in host.legal_choices("p1.a")}
    assert "fox" not in {c.action for c in plain.legal_choices("p1.a")}
