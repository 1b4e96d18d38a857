"""Invariants over random fighters, packs and choices (Hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kessen.content import parse_pack
from kessen.engine import Battle, Choice
from kessen.engine.events import event_from_dict, event_to_dict
from kessen.errors import ChoiceSyntaxError

from .harness import event_lines, play_twice, players_chooser, replay
from .strategies import Roster, pack_toml, rosters, sides

STATUSES = {"ok", "critical", "stable", "dead", "gone"}
#: Events whose ``unit`` field is a unit doing something (not something done to it).
ACTING = {
    "choice",
    "hit",
    "heal",
    "clone_made",
    "summon",
    "guard",
    "seal_stage",
    "tracked",
    "chakra_drained",
}
PLAYERS = st.sampled_from(("random", "random", "heuristic"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def battles(draw: st.DrawFn) -> tuple[Roster, Battle, object]:
    roster = draw(rosters())
    fighting = draw(sides(roster))
    seed = draw(st.integers(0, 2**64 - 1))
    limit = draw(st.integers(1, 30))
    stakes = draw(st.sets(st.sampled_from([f.id for f in roster.fighters]), max_size=1))
    players = (draw(PLAYERS), draw(PLAYERS))

    def build() -> Battle:
        return Battle(fighting, seed=seed, turn_limit=limit, stakes=stakes, catalog=roster.catalog)

    return roster, build, players_chooser(draw(st.integers(0, 2**32)), players)


def check_bounds(battle: Battle) -> None:
    for u in battle.units:
        assert 0 <= u.health <= u.max_health, u
        assert 0 <= u.chakra <= u.max_chakra, u
        assert u.status in STATUSES, u
        assert u.stun >= 0 and u.tracked >= 0 and u.clock >= 0, u
        assert all(left >= 1 for left in u.cooldowns.values()), u
        if u.status == "ok":
            assert u.health >= 1, u
        if u.spec.beast is not None:
            assert 0 <= u.beast_pool <= u.spec.beast.pool, u
        if u.spec.seal is not None:
            assert 0 <= u.seal_stage <= len(u.spec.seal.stages), u
        else:
            assert u.seal_stage == 0, u


def check_the_fallen_never_act(events: list) -> None:
    """No unit acts, or is struck, after its fall (critical, death, dispelled, stabilised).

    The one exception is a mutual strike: both blows land at once, so the second lands
    from a unit the first has just felled, in the same turn.
    """
    down: dict[str, int] = {}
    for e in events:
        if e.type in ACTING and e.unit in down:
            assert e.type == "hit" and e.via == "mutual" and down[e.unit] == e.turn, e
        if e.type == "stun":
            assert e.by not in down or down[e.by] == e.turn, e
        if e.type == "hit":
            assert e.target not in down, e
        if e.type in ("critical", "death", "dispelled", "stabilised"):
            down.setdefault(e.unit, e.turn)


def play_checked(build, choose) -> Battle:
    battle = build()
    check_bounds(battle)
    while not battle.over:
        assert battle.turn < battle.turn_limit
        start = {u.uid: u.status for u in battle.units}
        events = battle.play_turn(choose(battle))
        check_bounds(battle)
        for e in events:
            if e.type == "choice":
                assert start[e.unit] == "ok", e  # only standing units choose
        (end_of_turn,) = [e for e in events if e.type == "turn_end"]
        assert [tuple(s) for s in end_of_turn.units] == [
            (u.uid, u.health, u.chakra, u.status) for u in battle.units
        ]
    assert battle.turn <= battle.turn_limit
    ends = [e for e in battle.events if e.type == "battle_end"]
    assert len(ends) == 1 and battle.events[-1] == ends[0]
    assert battle.end_reason in ("defeat", "draw", "turn_limit")
    if battle.end_reason == "defeat":
        standing = {u.side for u in battle.units if u.role == "fighter" and u.status == "ok"}
        assert standing == {battle.winner}
    check_the_fallen_never_act(battle.events)
    return battle


@SETTINGS
@given(battles())
def test_invariants_hold_in_random_battles(case):
    _, build, choose = case
    play_checked(build, choose)


@SETTINGS
@given(battles())
def test_same_seed_and_choices_give_the_same_event_stream(case):
    _, build, choose = case
    battle = play_checked(build, choose)
    assert event_lines(replay(build, battle.inputs).events) == event_lines(battle.events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(battles(), st.integers(0, 30))
def test_saving_and_restoring_mid_battle_changes_nothing(case, middle):
    roster, build, choose = case
    assert play_twice(build, choose, roster.catalog, restore_at={middle}) is None


@SETTINGS
@given(battles())
def test_every_event_round_trips_through_json(case):
    _, build, choose = case
    battle = play_checked(build, choose)
    for e in battle.events:
        data = json.loads(json.dumps(event_to_dict(e)))
        assert next(iter(data)) == "type" and data["type"] == e.type
        assert event_from_dict(data) == e


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(battles(), st.data())
def test_every_listed_choice_is_accepted(case, data):
    _, build, choose = case
    battle = build()
    stop = data.draw(st.integers(0, 10))
    while not battle.over and battle.turn < stop:
        battle.play_turn(choose(battle))
    if battle.over:
        return
    pending = battle.pending()
    defaults = {uid: battle.legal_choices(uid)[-1] for uid in pending}
    for uid in pending:
        for choice in battle.legal_choices(uid):
            assert choice.unit == uid
            assert Choice.parse(choice.notation()) == choice
            battle.validate({**defaults, uid: choice}.values())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_reading_any_text_gives_a_choice_or_a_syntax_error(text):
    try:
        choice = Choice.parse(text)
    except ChoiceSyntaxError as exc:
        assert repr(text) in str(exc) or "must be text" in str(exc)
        return
    assert Choice.parse(choice.notation()) == choice


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rosters(), st.integers(0, 2**32), PLAYERS)
def test_random_packs_load_and_fight(roster, seed, player):
    pack = parse_pack(pack_toml(roster), source="<drawn>")
    assert set(pack.fighters) == {f.id for f in roster.fighters}
    for f in roster.fighters:
        assert pack.fighter(f.id) == f  # the text says exactly what was drawn
    ids = list(pack.fighters)
    sides_ = [[pack.fighter(ids[0])], [pack.fighter(ids[-1])]]

    def build() -> Battle:
        return Battle(sides_, seed=seed, turn_limit=25, catalog=pack.catalog)

    play_checked(build, players_chooser(seed, (player, player)))


# -- the checkers themselves must be able to fail -------------------------------------------


def test_the_fallen_checker_catches_a_blow_from_the_dead():
    from kessen.engine import events as ev

    dead = [ev.Death(1, "p1.a", "blow", "p2.b"), ev.Hit(2, "p1.a", "p2.b", "jab", 5, 95, "direct")]
    mutual = [ev.Death(1, "p1.a", "blow", "p2.b"), ev.Hit(1, "p1.a", "p2.b", "jab", 5, 0, "mutual")]
    late = [ev.Critical(1, "p1.a", 3), ev.ChoiceRevealed(2, "p1.a", "rest", None, 0)]
    struck = [ev.Critical(1, "p1.a", 3), ev.Hit(1, "p2.b", "p1.a", "jab", 5, 0, "direct")]
    check_the_fallen_never_act(mutual)
    for broken in (dead, late, struck):
        try:
            check_the_fallen_never_act(broken)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {broken}")


def test_the_bounds_checker_catches_health_out_of_bounds():
    from .scenarios import duel, fighter, tech

    battle = duel(fighter("a", tech("jab", power=5)), fighter("b"))
    check_bounds(battle)
    for field, value in (("health", 101), ("chakra", -1), ("status", "zombie")):
        broken = duel(fighter("a", tech("jab", power=5)), fighter("b"))
        setattr(broken.units[0], field, value)
        try:
            check_bounds(broken)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {field}={value}")
