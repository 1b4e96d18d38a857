"""The starter pack holds everyone the story and the design name, with their traits."""

from __future__ import annotations

import pytest

from kessen.content import Pack, parse_pack
from kessen.content.loader import check_pack
from kessen.engine import Fighter, Technique
from kessen.engine.model import EFFECT_TYPES

#: Everyone DESIGN.md section 3 and the Valley of the End story name, by id.
STORY_NAMES = (
    "naruto",
    "sasuke",
    "kakashi",
    "haku",
    "gaara",
    "zabuza",
    "chouji",
    "neji",
    "kiba",
    "shikamaru",
    "lee",
    "itachi",
)
ANBU_SQUAD = ("anbu_captain", "anbu_1", "anbu_2")


def _with_effect(fighter: Fighter, effect: str) -> list[Technique]:
    return [t for t in fighter.techniques if any(e.type == effect for e in t.effects)]


def test_starter_pack_validates(starter_text: str) -> None:
    assert check_pack(starter_text, "starter.toml") == []
    pack = parse_pack(starter_text, "starter.toml")
    assert (pack.name, pack.version) == ("starter", "1.0.0")


def test_the_hash_is_stable_and_changes_with_the_data(starter_text: str, pack: Pack) -> None:
    assert parse_pack(starter_text).hash == pack.hash
    changed = starter_text.replace('version = "1.0.0"', 'version = "1.0.1"', 1)
    assert parse_pack(changed).hash != pack.hash


@pytest.mark.parametrize("name", STORY_NAMES + ANBU_SQUAD + ("medic",))
def test_everyone_named_is_there_with_a_voice(pack: Pack, name: str) -> None:
    fighter = pack.fighter(name)
    assert fighter.role == "fighter"
    assert fighter.title and fighter.village
    assert fighter.pronoun in ("he", "she", "they", "it")
    assert fighter.motives, f"{name} has no motives for the narration"
    assert fighter.memories, f"{name} has no memories for the narration"
    assert fighter.travel_speed > 0, f"{name} has no travel speed for the aftermath"
    assert any(t.is_attack for t in fighter.techniques), f"{name} cannot attack"


def test_naruto_is_the_nine_tails_jinchuriki(pack: Pack) -> None:
    naruto = pack.fighter("naruto")
    assert naruto.beast is not None and naruto.beast.name == "Kyuubi"
    assert naruto.beast.pool > 10 * naruto.chakra  # "virtually unlimited chakra"
    assert naruto.beast.per_turn < naruto.beast.pool  # "weakened, a lot" by the seal
    assert naruto.beast.heal > 0 and naruto.beast.divert > 0
    ids = {t.id for t in naruto.techniques}
    assert {"rasengan", "kage_bunshin", "kyuubi_chakra"} <= ids
    assert pack.techniques["kyuubi_chakra"].needs == "beast"
    assert _with_effect(naruto, "create_clone")


def test_gaara_is_a_jinchuriki_with_sand_defence(pack: Pack) -> None:
    gaara = pack.fighter("gaara")
    assert gaara.beast is not None and gaara.beast.name == "Shukaku"
    assert any(t.guard for t in gaara.techniques), "no Shield of Sand"
    assert any(t.stun_chance for t in gaara.techniques), "no Sand Coffin"
    assert any(t.needs == "beast" for t in gaara.techniques)


def test_sasuke_bears_the_cursed_seal(pack: Pack) -> None:
    sasuke = pack.fighter("sasuke")
    assert sasuke.seal is not None and "Cursed Seal" in sasuke.seal.name
    assert len(sasuke.seal.stages) == 2
    first, second = sasuke.seal.stages
    assert second.boost > first.boost and second.cost > first.cost
    assert _with_effect(sasuke, "activate_seal")
    assert pack.fighter("sasuke").technique("chidori") is not None


def test_kakashi_summons_pakkun(pack: Pack) -> None:
    kakashi = pack.fighter("kakashi")
    summons = [t.summon.id for t in kakashi.techniques if t.summon is not None]
    assert summons == ["pakkun"]
    assert any(t.clones for t in kakashi.techniques), "no Kage Bunshin to carry Sasuke"
    assert "carry" in kakashi.abilities
    pakkun = pack.summons["pakkun"]
    assert pakkun.role == "summon"
    assert {"tracking", "fast"} <= set(pakkun.abilities)
    assert pakkun.travel_speed > 1.5 * kakashi.travel_speed  # "in a matter of minutes"


def test_kiba_fights_with_akamaru(pack: Pack) -> None:
    kiba = pack.fighter("kiba")
    assert [t.summon.id for t in kiba.techniques if t.summon is not None] == ["akamaru"]
    assert "tracking" in pack.summons["akamaru"].abilities


def test_the_medic_heals_allies(pack: Pack) -> None:
    medics = [f for f in pack.fighters.values() if "medic" in f.abilities]
    assert [f.id for f in medics] == ["medic"]
    heals = [t for t in medics[0].techniques if t.heal and t.target == "ally"]
    assert heals, "the medic has no technique that heals an ally"


def test_the_anbu_squad_can_carry_and_run(pack: Pack) -> None:
    for name in ANBU_SQUAD:
        anbu = pack.fighter(name)
        assert "ANBU" in anbu.title
        assert {"carry", "fast"} <= set(anbu.abilities)
    jonin = pack.fighter("kakashi").travel_speed
    assert all(pack.fighter(n).travel_speed >= jonin for n in ANBU_SQUAD)


@pytest.mark.parametrize(
    ("name", "effect"),
    [
        ("neji", "drain_chakra"),  # Eight Trigrams Sixty-Four Palms
        ("neji", "guard"),  # Rotation
        ("shikamaru", "stun"),  # Shadow Possession
        ("haku", "evade"),  # Demonic Ice Mirrors
        ("zabuza", "evade"),  # Hidden Mist
        ("itachi", "stun"),  # Tsukuyomi
        ("lee", "activate_seal"),  # the Eight Inner Gates
        ("chouji", "activate_seal"),  # the three pills
    ],
)
def test_signature_effects(pack: Pack, name: str, effect: str) -> None:
    assert _with_effect(pack.fighter(name), effect)


def test_itachi_has_tsukuyomi_and_no_later_techniques(pack: Pack) -> None:
    itachi = pack.fighter("itachi")
    tsukuyomi = itachi.technique("tsukuyomi")
    assert tsukuyomi is not None and tsukuyomi.kind == "genjutsu" and tsukuyomi.stun_chance
    # The end of the first series: Amaterasu and Susanoo come later.
    assert not any("amaterasu" in t.id or "susanoo" in t.id for t in pack.techniques.values())


def test_the_staged_power_ups_carry_their_own_names(pack: Pack) -> None:
    assert pack.fighter("lee").seal.name == "Eight Inner Gates"  # type: ignore[union-attr]
    assert len(pack.fighter("chouji").seal.stages) == 3  # type: ignore[union-attr]
    assert pack.fighter("lee").ninjutsu == 0  # no ninjutsu at all, only taijutsu


def test_every_technique_is_used_and_every_effect_is_known(pack: Pack) -> None:
    used = {t.id for f in pack.catalog.values() for t in f.techniques}
    assert set(pack.techniques) == used, "techniques nobody knows"
    for tech in pack.techniques.values():
        assert all(e.type in EFFECT_TYPES for e in tech.effects)
