"""The heuristic player keeps its estimates and threats by what they depend on: with its
caches warm or emptied before every decision, it makes the same choices and the same
draws."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kessen.engine import Battle
from kessen.players import Request, make_player

from .strategies import rosters, sides


def _forget() -> None:
    # Imported here, once make_player has loaded every built-in player: importing the
    # module first would register the heuristic alone.
    from kessen.players import heuristic

    for cache in (
        heuristic._THREATS,
        heuristic._ESTIMATES,
        heuristic._GROUPS,
        heuristic._THRESHOLDS,
    ):
        cache.clear()


def _play(battle: Battle, seed: int, forget: bool) -> tuple[list, list[int]]:
    players = [make_player("heuristic", seed, side) for side in (0, 1)]
    choices = []
    while not battle.over:
        turn = []
        for side in (0, 1):
            request = Request.for_side(battle, side)
            if request.legal:
                if forget:
                    _forget()
                turn.extend(players[side].choose(request))
        choices.append(turn)
        battle.play_turn(turn)
    return choices, [p.stream.state for p in players]  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(0, 2**32))
def test_warm_caches_change_no_choice(data, seed):
    roster = data.draw(rosters())
    fighting = data.draw(sides(roster))

    def build() -> Battle:
        return Battle(fighting, seed=seed, catalog=roster.catalog)

    assert _play(build(), seed, forget=False) == _play(build(), seed, forget=True)


STARTER_SIDES = [
    ("naruto", "sasuke"),
    ("naruto+kakashi", "sasuke+neji"),
    ("medic+gaara", "kiba"),
    ("itachi", "haku+zabuza"),
    ("shikamaru+chouji", "lee"),
]


def test_warm_caches_change_no_choice_in_starter_battles(pack):
    for seed, (a, b) in enumerate(STARTER_SIDES * 4):
        teams = [pack.team(a), pack.team(b)]
        kept = _play(Battle(teams, seed=seed, catalog=pack.catalog), seed, forget=False)
        afresh = _play(Battle(teams, seed=seed, catalog=pack.catalog), seed, forget=True)
        assert kept == afresh
