"""``kessen play``: a person at a terminal, through a pseudo-terminal and in-process."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from kessen.cli.play import PlaySession, read_choice
from kessen.engine import Battle, Effect, Fighter, Technique
from kessen.errors import ChoiceSyntaxError, IllegalChoiceError
from kessen.players import make_player

PROMPT = r"(\S+)> $"
ENDINGS = ["You win!", "You lose.", "The battle ends in a draw"]


def _spawn(*args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kessen.cli.main", "play", *args],
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 160),
        env={"PYTHONUNBUFFERED": "1", "TERM": "dumb", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    return child


def test_play_to_the_end_through_a_terminal(tmp_path: Path) -> None:
    record = tmp_path / "game.jsonl"
    child = _spawn("naruto", "sasuke", "--opponent", "random", "--seed", "3", "--save", str(record))
    child.expect("Choices for Naruto")
    child.expect(PROMPT)
    # Unreadable, then illegal, then a number out of range: each refused with a reason.
    child.sendline("fly away")
    child.expect("Not accepted: .*knows no 'fly'")
    child.expect(PROMPT)
    child.sendline("rasengan x9")
    child.expect("Not accepted: rasengan takes [0-9, ]+ chakra here, not")
    child.expect(PROMPT)
    child.sendline("99")
    child.expect("Not accepted: there is no choice 99")
    child.expect(PROMPT)
    child.sendline("rasengan sasuke 48")  # by name, target and chakra
    child.expect("Naruto uses Rasengan at Sasuke \\(48 chakra\\)")
    turns = 1
    while True:
        found = child.expect([PROMPT, *ENDINGS])
        if found:
            break
        child.sendline("1")  # the first listed choice, whatever it is
        turns += 1
        assert turns < 400
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    if importlib.util.find_spec("kessen.replay") is not None:
        lines = record.read_text("utf-8").splitlines()
        assert json.loads(lines[0]) and len(lines) > 1


def test_end_of_input_leaves_cleanly_and_keeps_the_unfinished_record(tmp_path: Path) -> None:
    record = tmp_path / "left.jsonl"
    child = _spawn(
        "kakashi", "itachi", "--opponent", "heuristic", "--side", "2", "--save", str(record)
    )
    child.expect("Choices for Itachi")
    child.expect(PROMPT)
    child.sendline("guard")
    child.expect(PROMPT)
    child.sendeof()
    child.expect("You leave the battle at turn 2")
    child.expect("Saved the record \\(unfinished\\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    from kessen.content import load_starter_pack
    from kessen.replay import load_record, verify_record

    kept = load_record(record)
    assert kept.players == ("heuristic", "human")
    assert len(kept.turns) == 1 and verify_record(kept, load_starter_pack()).ok


def test_a_whole_battle_in_process(pack) -> None:
    battle = Battle([pack.team("naruto"), pack.team("kakashi")], seed=5, catalog=pack.catalog)
    answers = iter(["", "help", "kawarimi", "auto"] + ["auto"] * 400)
    asked: list[str] = []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    out = io.StringIO()
    session = PlaySession(
        battle, 0, make_player("heuristic", 5, 1), "heuristic", read,
        Console(file=out, width=120, highlight=False),
    )  # fmt: skip
    assert session.run() is True
    text = out.getvalue()
    assert "Not accepted: type a number or a choice" in text
    assert "'auto' lets the heuristic choose" in text
    assert "Naruto uses Substitution" in text
    assert battle.over and asked[0] == "Naruto> "
    assert ("You win!" in text) == (battle.winner == 0)


def _duel() -> Battle:
    """A small duel of made-up fighters, so that exact numbers do not hang on the pack."""
    blast = Technique("blast", "Spiral Blast", cost=10, power=40, clashes=True, cooldown=1)
    clone = Technique(
        "split", "Clone Art", cost=8, target="self", effects=(Effect("create_clone", 1, share=20),)
    )
    swap = Technique("swap", "Swap", cost=4, target="self", effects=(Effect("substitute"),))
    jab = Technique("jab", "Jab", kind="taijutsu", power=20)
    hero = Fighter("hero", "Hero Person", 200, 100, regen=0, techniques=(blast, clone, swap, jab))
    foe = Fighter("foe", "Foe", 200, 100, techniques=(jab,))
    return Battle([[hero], [foe]], seed=1)


@pytest.mark.parametrize(
    ("text", "notation"),
    [
        ("1", "p1.hero blast p2.foe 10"),
        ("blast", "p1.hero blast p2.foe 10"),
        ("Blast foe", "p1.hero blast p2.foe 10"),
        ("blast x3", "p1.hero blast p2.foe 30"),
        ("hero blast p2.foe 20", "p1.hero blast p2.foe 20"),
        ("spiral blast 20", "p1.hero blast p2.foe 20"),
        ("spl", "p1.hero split 8"),
        ("clone art", "p1.hero split 8"),
        ("jab", "p1.hero jab p2.foe"),
        ("guard", "p1.hero guard"),
        ("re", "p1.hero rest"),
    ],
)
def test_choices_are_read_forgivingly(text: str, notation: str) -> None:
    battle = _duel()
    unit = battle.unit("p1.hero")
    assert read_choice(battle, unit, battle.legal_choices(unit.uid), text).notation() == notation


@pytest.mark.parametrize(
    ("text", "error", "match"),
    [
        ("", ChoiceSyntaxError, "type a number"),
        ("0", ChoiceSyntaxError, "no choice 0"),
        ("chidori", ChoiceSyntaxError, "knows no 'chidori'"),
        ("blast gaara", ChoiceSyntaxError, "no unit called 'gaara'"),
        ("blast hero", IllegalChoiceError, "cannot be aimed at p1.hero"),
        ("blast 15", IllegalChoiceError, "takes 10, 20, 30 chakra here, not 15"),
        ("blast foe foe", ChoiceSyntaxError, "unexpected 'foe'"),
        ("s", ChoiceSyntaxError, "could be split or swap"),
    ],
)
def test_bad_choices_say_why(text: str, error: type, match: str) -> None:
    battle = _duel()
    unit = battle.unit("p1.hero")
    with pytest.raises(error, match=match):
        read_choice(battle, unit, battle.legal_choices(unit.uid), text)


def test_cooldown_and_chakra_are_explained() -> None:
    battle = _duel()
    battle.play_turn(["p1.hero blast p2.foe 10", "p2.foe guard"])
    unit = battle.unit("p1.hero")
    with pytest.raises(IllegalChoiceError, match="Spiral Blast is cooling down"):
        read_choice(battle, unit, battle.legal_choices(unit.uid), "blast")
    while unit.chakra >= 10:  # no regeneration: spend it all, a blast every other turn
        battle.play_turn(["p1.hero jab p2.foe", "p2.foe guard"])
        battle.play_turn(["p1.hero blast p2.foe 30", "p2.foe guard"])
    battle.play_turn(["p1.hero jab p2.foe", "p2.foe guard"])
    with pytest.raises(IllegalChoiceError, match="costs 10 chakra; Hero Person has 0"):
        read_choice(battle, unit, battle.legal_choices(unit.uid), "blast")
