"""Shadow clones and summons: units on the maker's side that act on their own."""

from __future__ import annotations

from kessen.engine import Battle
from kessen.engine.legal import MAX_CLONES
from kessen.engine.unit import CLONE_OFFENCE

from .scenarios import beast, duel, effect, fighter, of_type, seal, spread_bounds, tech

JAB = tech("jab", power=40)
CLONES = tech("clones", effect("create_clone", amount=2, share=40), target="self", cost=10)
FOX = tech("fox", power=80, needs="beast")
RELEASE = tech("release", effect("activate_seal", amount=1), target="self", cost=5)
CRUSH = tech("crush", power=300)


def _with_clones(**kw: object):
    maker = fighter("a", CLONES, JAB, FOX, RELEASE, beast=beast(), seal=seal((50, 0, 0)), **kw)
    battle = duel(maker, fighter("b", JAB, CRUSH, health=900), seed=3)
    events = battle.play_turn(["p1.a clones 10", "p2.b rest"])
    return battle, events


def test_clones_take_a_share_of_the_makers_chakra():
    battle, events = _with_clones()
    made = of_type(events, "clone_made")
    # 100 - 10 paid = 90; 40 % of it is 36, split between two clones
    assert [(e.unit, e.clone, e.chakra) for e in made] == [
        ("p1.a", "p1.a-clone1", 18),
        ("p1.a", "p1.a-clone2", 18),
    ]
    assert battle.unit("p1.a").chakra == 54
    for uid in ("p1.a-clone1", "p1.a-clone2"):
        clone = battle.unit(uid)
        assert (clone.role, clone.origin, clone.side) == ("clone", "p1.a", 0)
        assert (clone.chakra, clone.max_chakra, clone.health) == (18, 18, 1)


def test_clones_act_on_their_own_with_a_share_of_the_force():
    battle, _ = _with_clones()
    assert battle.pending() == ["p1.a", "p2.b", "p1.a-clone1", "p1.a-clone2"]
    events = battle.play_turn(
        ["p1.a rest", "p2.b rest", "p1.a-clone1 jab p2.b", "p1.a-clone2 guard"]
    )
    (hit,) = of_type(events, "hit")
    assert hit.unit == "p1.a-clone1"
    low, high = spread_bounds(40 * CLONE_OFFENCE / 100)
    assert low <= hit.damage <= high


def test_clones_have_no_traits_and_no_beast_clone_or_seal_techniques():
    battle, _ = _with_clones()
    clone = battle.unit("p1.a-clone1")
    assert clone.spec.beast is None and clone.spec.seal is None
    assert [t.id for t in clone.spec.techniques] == ["jab"]
    assert {c.action for c in battle.legal_choices("p1.a-clone1")} == {"jab", "rest", "guard"}
    assert clone.beast_pool == 0


def test_a_clone_vanishes_when_hit():
    battle, _ = _with_clones()
    tap = battle.legal_choices("p2.b")
    assert "p1.a-clone1" in {c.target for c in tap}
    events = battle.play_turn(
        ["p1.a rest", "p2.b jab p1.a-clone1", "p1.a-clone1 rest", "p1.a-clone2 rest"]
    )
    (gone,) = of_type(events, "dispelled")
    assert (gone.unit, gone.role, gone.by) == ("p1.a-clone1", "clone", "p2.b")
    assert battle.unit("p1.a-clone1").status == "gone"
    assert "p1.a-clone1" not in battle.pending()


def test_clones_vanish_when_their_maker_falls():
    battle, _ = _with_clones()
    events = battle.play_turn(
        ["p1.a rest", "p2.b crush p1.a", "p1.a-clone1 jab p2.b", "p1.a-clone2 jab p2.b"]
    )
    # the clones still strike this turn (they chose before the blow), then vanish
    assert {h.unit for h in of_type(events, "hit")} >= {"p1.a-clone1", "p1.a-clone2"}
    gone = of_type(events, "dispelled")
    assert {(e.unit, e.by) for e in gone} == {("p1.a-clone1", None), ("p1.a-clone2", None)}
    assert of_type(events, "battle_end")[0].winner == 1  # clones do not keep a side standing


def test_no_more_than_the_clone_limit():
    battle, _ = _with_clones()
    assert MAX_CLONES < 2 + 2
    battle.play_turn(["p1.a rest", "p2.b rest", "p1.a-clone1 rest", "p1.a-clone2 rest"])
    battle.play_turn(["p1.a rest", "p2.b rest", "p1.a-clone1 rest", "p1.a-clone2 rest"])
    assert "p1.a" in battle.pending() and "clones" not in {
        c.action for c in battle.legal_choices("p1.a")
    }


def test_new_clones_get_new_ids():
    battle, _ = _with_clones()
    battle.play_turn(["p1.a rest", "p2.b jab p1.a-clone1", "p1.a-clone1 rest", "p1.a-clone2 rest"])
    battle.play_turn(["p1.a rest", "p2.b jab p1.a-clone2", "p1.a-clone2 rest"])
    events = battle.play_turn(["p1.a clones 10", "p2.b rest"])
    assert [e.clone for e in of_type(events, "clone_made")] == ["p1.a-clone3", "p1.a-clone4"]


# -- summons --------------------------------------------------------------------------------

BITE = tech("bite", power=20, kind="taijutsu")
SNIFF = tech("sniff", effect("track", turns=2), cost=2)
HOUND = fighter("hound", BITE, SNIFF, role="summon", health=50, chakra=20, speed=120)


def _summoner(turns: int = 0) -> Battle:
    call = tech("call", effect("summon", summon=HOUND, turns=turns), target="self", cost=10)
    log = tech("log", effect("substitute"), target="self", cost=1)
    dodge = tech("dodge", effect("evade", chance=95), target="self", cost=1)
    target = fighter("b", log, dodge, JAB, CRUSH, health=900, chakra=900, speed=10)
    battle = duel(fighter("a", call, JAB), target, seed=5, catalog={"hound": HOUND})
    events = battle.play_turn(["p1.a call 10", "p2.b rest"])
    (summoned,) = of_type(events, "summon")
    assert (summoned.unit, summoned.summon, summoned.name) == ("p1.a", "p1.hound", "Hound")
    return battle


def test_a_summon_joins_the_side_and_acts_on_its_own():
    battle = _summoner()
    hound = battle.unit("p1.hound")
    assert (hound.role, hound.origin, hound.side, hound.health) == ("summon", "p1.a", 0, 50)
    assert "p1.hound" in battle.pending()
    events = battle.play_turn(["p1.a rest", "p2.b rest", "p1.hound bite p2.b"])
    assert of_type(events, "hit")[0].unit == "p1.hound"
    assert "call" not in {c.action for c in battle.legal_choices("p1.a")}  # one at a time


def test_tracking_stops_evasion_and_substitution():
    battle = _summoner()
    events = battle.play_turn(["p1.a rest", "p2.b rest", "p1.hound sniff p2.b 2"])
    (tracked,) = of_type(events, "tracked")
    assert (tracked.unit, tracked.target, tracked.turns) == ("p1.hound", "p2.b", 2)
    for defence in ("log 1", "dodge 1"):
        events = battle.play_turn(["p1.a jab p2.b", f"p2.b {defence}", "p1.hound bite p2.b"])
        assert not of_type(events, "substitute") and not of_type(events, "evade")
        assert len(of_type(events, "hit")) == 2
    # the scent fades after its turns
    events = battle.play_turn(["p1.a jab p2.b", "p2.b log 1", "p1.hound rest"])
    assert of_type(events, "substitute")


def test_a_summon_with_a_duration_goes_home():
    battle = _summoner(turns=2)
    events = battle.play_turn(["p1.a rest", "p2.b rest", "p1.hound rest"])
    assert not of_type(events, "dispelled")
    events = battle.play_turn(["p1.a rest", "p2.b rest", "p1.hound rest"])
    (gone,) = of_type(events, "dispelled")
    assert (gone.unit, gone.role, gone.by, gone.turn) == ("p1.hound", "summon", None, 3)


def test_a_summon_beaten_is_sent_back_not_killed():
    battle = _summoner()
    events = battle.play_turn(["p1.a rest", "p2.b crush p1.hound", "p1.hound rest"])
    (gone,) = of_type(events, "dispelled")
    assert (gone.unit, gone.role, gone.by) == ("p1.hound", "summon", "p2.b")
    assert not of_type(events, "death") and not of_type(events, "critical")
    assert "call" in {c.action for c in battle.legal_choices("p1.a")}  # may call again later


def test_a_summon_goes_when_its_maker_falls():
    battle = _summoner()
    events = battle.play_turn(["p1.a rest", "p2.b crush p1.a", "p1.hound rest"])
    assert ("p1.hound", "summon", None) in {
        (e.unit, e.role, e.by) for e in of_type(events, "dispelled")
    }


def test_a_battle_with_a_summon_restores_from_the_pack_catalog():
    battle = _summoner()
    copy = Battle.restore(battle.snapshot(), {"hound": HOUND, **battle.catalog})
    assert copy.snapshot() == battle.snapshot()


def test_a_battle_restores_from_its_own_catalog():
    call = tech("call", effect("summon", summon=HOUND), target="self", cost=10)
    battle = duel(fighter("a", call, JAB), fighter("b", JAB, health=900))
    battle.play_turn(["p1.a call 10", "p2.b rest"])
    assert Battle.restore(battle.snapshot(), battle.catalog).snapshot() == battle.snapshot()
