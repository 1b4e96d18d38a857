"""``kessen duel A B``: run one battle between two sides and print it turn by turn."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kessen.cli.battle_log import render_turn
from kessen.cli.common import (
    PackOption,
    SaveOption,
    dump_json_line,
    get_pack,
    parse_players,
    parse_side,
    record_path,
    say_written,
)
from kessen.engine import Battle
from kessen.engine.events import event_to_dict
from kessen.players import make_player, play_out, player_names

__all__ = ["register", "run_duel"]


def run_duel(
    side_a: str,
    side_b: str,
    seed: int,
    players: tuple[str, str],
    pack=None,
    turn_limit: int = 40,
) -> Battle:
    """Set up and play a whole battle; the battle holds its events and inputs."""
    content = get_pack(pack)
    sides = [parse_side(content, side_a), parse_side(content, side_b)]
    battle = Battle(sides, seed=seed, turn_limit=turn_limit, catalog=content.catalog)
    bots = [make_player(players[s], seed, s) for s in (0, 1)]
    return play_out(battle, bots)


def duel(
    side_a: Annotated[str, typer.Argument(help="First side: a fighter id, or a team a+b.")],
    side_b: Annotated[str, typer.Argument(help="Second side.")],
    seed: Annotated[int, typer.Option(help="Seed of the battle.")] = 7,
    players: Annotated[
        str, typer.Option(help="Who chooses for each side: P or P,Q (heuristic, random, ...).")
    ] = "heuristic",
    turn_limit: Annotated[int, typer.Option(help="Turns before the battle is called a draw.")] = 40,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per event per line.")
    ] = False,
    save: SaveOption = None,
    pack: PackOption = None,
) -> None:
    """Run a duel (or a team battle) and tell it turn by turn."""
    save = record_path(save)
    chosen = parse_players(players, player_names())
    battle = run_duel(side_a, side_b, seed, chosen, pack, turn_limit)
    if save:
        _save(battle, save, pack, chosen, (side_a, side_b))
    if json_out:
        for e in battle.events:
            dump_json_line(event_to_dict(e))
        return
    out = sys.stdout
    names = (side_a, side_b)
    out.write(f"Kessen duel: {side_a} vs {side_b} (seed {seed}, {chosen[0]} vs {chosen[1]})\n")
    turn: list = []
    for e in battle.events[1:]:
        turn.append(e)
        if e.type in ("turn_end", "battle_end") and not (
            e.type == "turn_end" and battle.over and e.turn == battle.turn
        ):
            for line in render_turn(battle, turn, names):
                out.write(line + "\n")
            turn = []
    if turn:
        for line in render_turn(battle, turn, names):
            out.write(line + "\n")


def _save(battle: Battle, path: str, pack, players, sides) -> None:
    try:
        from kessen.replay import save_record
    except ImportError:
        raise typer.BadParameter("--save needs kessen.replay, which is not built yet") from None
    save_record(path, battle, get_pack(pack), players=players, sides=sides)
    say_written(path, "the battle's record")


def register(app: typer.Typer) -> None:
    app.command("duel")(duel)
