"""Small words a new user reads: counts in the right number, offers that mean something."""

from __future__ import annotations

from pathlib import Path

from kessen.cli.battle_log import unit_names
from kessen.cli.play import _describe
from kessen.content import load_starter_pack
from kessen.engine import Battle
from kessen.engine.choice import REST

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_content_check_counts_one_summon_in_the_singular(kessen, tmp_path):
    text = (DOCS / "content.md").read_text("utf-8")
    start = text.index('[pack]\nname = "academy"')
    (tmp_path / "academy.toml").write_text(text[start : text.index("```", start)], "utf-8")
    run = kessen("content", "check", str(tmp_path / "academy.toml"))
    assert run.code == 0
    assert "2 fighters, 1 summon, 4 techniques" in run.out


def test_resting_is_offered_for_what_it_recovers():
    pack = load_starter_pack()
    battle = Battle([[pack.fighter("naruto")], [pack.fighter("sasuke")]], seed=1)
    clone_maker = next(c for c in battle.legal_choices("p1.naruto") if c.action == "kage_bunshin")
    battle.play_turn([clone_maker, battle.legal_choices("p2.sasuke")[-1]])
    names = unit_names(battle)
    naruto = battle.unit("p1.naruto")
    clone = next(u for u in battle.units if u.role == "clone")
    rest = next(c for c in battle.legal_choices(clone.uid) if c.action == REST)
    assert _describe(battle, clone, rest, names) == "rest (no chakra to recover)"
    own_rest = next(c for c in battle.legal_choices(naruto.uid) if c.action == REST)
    assert _describe(battle, naruto, own_rest, names) == (
        f"rest (recover {naruto.spec.regen * 3} chakra)"
    )
