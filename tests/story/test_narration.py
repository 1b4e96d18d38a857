"""The story holds to its events: every beat that happened is told, none that did not."""

from __future__ import annotations

import inspect
import re

import pytest

from kessen.aftermath import play_scenario, run_aftermath
from kessen.engine import RandomStream
from kessen.narration import FORMATS, compose_story, tell_battle
from kessen.narration.people import FORMS, Person
from kessen.narration.phrasebook import Teller, fill, load_phrasebook, placeholders, sentences
from kessen.scenario import load_scenario, parse_scenario

from .conftest import make_scenario

DEATH_BEATS = (
    "death_blow",
    "death_clock",
    "death_carried",
    "death_alone",
    "death_watched",
    "death_in_care",
    "death_beside",
)
#: Which beats may tell each kind of battle event, and of aftermath event.
BATTLE_TOLD_BY = {
    "clash": ("clash_even", "clash_decisive"),
    "critical": ("falls_critical",),
    "beast_intervention": ("beast_withdraws", "beast_shields"),
    "seal_stage": ("seal_first", "seal_higher"),
    "clone_made": ("clones_made", "clone_made_one"),
    "death": DEATH_BEATS,
}
AFTER_TOLD_BY = {
    "beast_sustains": ("beast_sustains_reverses", "beast_sustains_holds", "beast_sustains_slows"),
    "departs": ("departs", "departs_plain"),
    "rescuer_arrives": ("rescuer_arrives", "rescuer_arrives_related", "team_arrives"),
    "triage": ("triage_alive", "triage_beast", "triage_dead", "triage_stable"),
    "clone_made": ("rescue_clone",),
    "messenger_arrives": ("messenger_arrives",),
    "medics_depart": ("relief_departs", "relief_search", "relief_arrival"),
    "meet": ("meet", "meet_dead", "meet_field"),
    "stabilised": ("stabilised_medic", "stabilised_hospital", "stabilised_beast"),
    "death": DEATH_BEATS,
}
CARRY_BEATS = (
    "carry_living",
    "carry_dead",
    "carry_pair",
    "victor_carries",
    "victor_carries_dead",
    "take_over",
    "take_over_dead",
    "handover",
    "handover_dead",
)


def subject(event) -> str | None:
    if event.type in ("triage", "meet"):
        return event.patient
    if event.type == "medics_depart":
        return event.units[0]
    return getattr(event, "unit", None)


def check_story(battle, after, story, pack) -> None:
    """The story tells each event's beat, and tells nothing the events do not hold."""
    lines = list(story.lines())
    fought = [e for e in battle.events if getattr(e, "unit", None) in _fighters(battle)]
    later = list(after.events) if after is not None else []
    events = fought + later
    for e in events:
        beats = (BATTLE_TOLD_BY if e in fought else AFTER_TOLD_BY).get(e.type)
        if beats is None:
            continue
        who = subject(e)
        assert any(_told(line.beat, beats) and who in line.about for line in lines), e
    for e in after.events if after is not None else ():
        if e.type == "carry_start":
            assert any(line.beat in CARRY_BEATS and e.patient in line.about for line in lines), e
    happened = {(e.type, subject(e)) for e in events}
    for line in lines:
        who = line.about[0] if line.about else None
        if line.beat.startswith("stabilised_"):
            assert ("stabilised", who) in happened or ("stabilised", line.about[-1]) in happened
        if line.beat.startswith("death_"):
            assert ("death", who) in happened, line
        if line.beat.startswith("beast_"):
            assert battle.unit(who).spec.beast is not None, line
        if line.beat == "rescue_clone":
            assert ("clone_made", who) in happened
        if line.beat.startswith("messenger_"):
            assert after is not None and any(e.type == "messenger_sent" for e in after.events)
    fates = after.fates if after is not None else {}
    for line in lines:  # no rescue of the dead, no living carried in after dying
        if line.beat in ("arrive_living", "carry_living", "handover", "meet"):
            patient = line.about[1] if len(line.about) > 1 else line.about[0]
            if patient in fates and fates[patient].fate == "died":
                died = fates[patient].minute
                arrive = [
                    e
                    for e in after.events
                    if e.type in ("arrive_village", "carry_start", "meet")
                    and patient in (getattr(e, "carrying", None), getattr(e, "patient", None))
                ]
                assert died is None or any(e.minute <= died for e in arrive), line
    text = " ".join(line.text for line in lines)
    for unit in battle.units:
        beast = unit.spec.beast
        if beast is not None and unit.role == "fighter":
            acted = any(
                e.type.startswith("beast_") and getattr(e, "unit", None) == unit.uid for e in events
            )
            assert acted or beast.name not in text, f"{beast.name} told but never acted"


def _told(beat: str, beats: tuple[str, ...]) -> bool:
    """A beat, or a named variant of it (``seal_first_eight_inner_gates``)."""
    return any(beat == b or beat.startswith(b + "_") for b in beats)


def _fighters(battle) -> set[str]:
    return {u.uid for u in battle.units if u.role == "fighter"}


@pytest.mark.parametrize("name", ["valley-of-the-end", "chunin-exam-finals", "gaara-vs-lee"])
def test_each_beat_that_happened_is_told_and_none_that_did_not(pack, name) -> None:
    scenario = load_scenario(name)
    for seed in range(12):
        for players in (("heuristic", "heuristic"), ("random", "heuristic")):
            battle = play_scenario(scenario, pack, seed, players)
            after = run_aftermath(battle, scenario, pack)
            story = compose_story(battle, pack, scenario=scenario, aftermath=after)
            check_story(battle, after, story, pack)


def test_the_checker_catches_a_story_that_invents_a_rescue(pack) -> None:
    scenario = load_scenario("valley-of-the-end")
    for seed in range(40):
        battle = play_scenario(scenario, pack, seed)
        after = run_aftermath(battle, scenario, pack)
        dead = [uid for uid, f in after.fates.items() if f.fate == "died"]
        if dead:
            break
    else:
        pytest.skip("no death in 40 seeds of this pack")
    story = compose_story(battle, pack, scenario=scenario, aftermath=after)
    from kessen.narration.story import Line

    story.sections[-1].paragraphs.append([Line("Saved!", "stabilised_medic", (dead[0],))])
    with pytest.raises(AssertionError):
        check_story(battle, after, story, pack)


def test_a_beast_is_never_told_for_a_fighter_without_one(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers='[[rescuers]]\nid = "teacher"\narrives_after = [2, 3]\n')
    battle = battle_of(hero=("ok", 150, 0), rival=("critical", 0, 3))
    after = run_aftermath(battle, scenario, test_pack)
    text = tell_battle(battle, test_pack, scenario=scenario, aftermath=after)
    assert "Tanuki" not in text
    held = battle_of(hero=("critical", 0, 3), rival=("ok", 150, 0))
    held_after = run_aftermath(held, scenario, test_pack)
    assert "Tanuki" in tell_battle(held, test_pack, scenario=scenario, aftermath=held_after)


def test_names_and_pronouns(pack) -> None:
    text = """
[scenario]
title = "Two medics"
place = "a"
village = "b"
sides = [["medic"], ["anbu_2"]]
[places.a]
name = "the clearing"
[places.b]
name = "the camp"
[[roads]]
from = "a"
to = "b"
metres = 500
"""
    scenario = parse_scenario(text, "two-women.toml", "two-women")
    for seed in range(6):
        battle = play_scenario(scenario, pack, seed)
        story = tell_battle(battle, pack, scenario=scenario)
        words = set(re.findall(r"[A-Za-z]+", story.lower()))
        assert not words & {"he", "him", "his", "himself"}, seed
        # The pack's name for the medic ("Medic-nin") is not prose: names.toml's is.
        assert "Medic-nin" not in story and "medic" in story.lower(), seed


def test_no_sentence_is_said_twice(pack) -> None:
    for name in ("valley-of-the-end", "gaara-vs-lee"):
        scenario = load_scenario(name)
        for seed in range(15):
            battle = play_scenario(scenario, pack, seed, ("random", "random"))
            story = compose_story(battle, pack, scenario=scenario)
            said = [s for line in story.lines() for s in sentences(line.text)]
            assert len(said) == len(set(said)), (name, seed)


def test_narrating_does_not_touch_the_battle(pack) -> None:
    scenario = load_scenario("valley-of-the-end")
    battle = play_scenario(scenario, pack, 3)
    before = (battle.rng.state, list(battle.events), battle.snapshot())
    first = tell_battle(battle, pack, scenario=scenario)
    assert tell_battle(battle, pack, scenario="valley-of-the-end") == first
    assert (battle.rng.state, list(battle.events), battle.snapshot()) == before


def test_the_contract_and_the_formats(pack) -> None:
    params = inspect.signature(tell_battle).parameters
    assert list(params) == ["battle", "pack", "format", "scenario", "aftermath"]
    assert all(
        params[p].kind is inspect.Parameter.KEYWORD_ONLY
        for p in ("format", "scenario", "aftermath")
    )
    scenario = load_scenario("valley-of-the-end")
    battle = play_scenario(scenario, pack, 7)
    after = run_aftermath(battle, scenario, pack)
    text = tell_battle(battle, pack, scenario=scenario, aftermath=after)
    assert text.startswith("THE VALLEY OF THE END\n")
    headings = [
        fill(h, {"a": Person("", "Naruto", "he")})
        for h in load_phrasebook().phrasings("heading_thoughts")
    ]
    assert any(f"\n{h}\n" in text for h in headings)  # a thoughts section for Naruto
    markdown = tell_battle(battle, pack, format="markdown", scenario=scenario, aftermath=after)
    assert markdown.startswith("# The Valley of the End\n") and "\n## " in markdown
    page = tell_battle(battle, pack, format="html", scenario=scenario, aftermath=after)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert 'name="viewport"' in page  # laid out for a phone's width
    # The chart is a vector drawing with no fixed size, folded away after the epilogue.
    epilogue = page.index('<h2 class="epilogue">')
    chart = page.index("<details>")
    assert epilogue < chart and page.index("<svg", chart) < page.index("</details>")
    svg_head = page[page.index("<svg") : page.index(">", page.index("<svg"))]
    assert "viewBox" in svg_head and "width=" not in svg_head
    assert set(FORMATS) == {"text", "markdown", "html"}


def test_a_plain_duel_is_told_without_a_scenario(pack) -> None:
    from kessen.engine import Battle
    from kessen.players import make_player, play_out

    battle = Battle(
        [[pack.fighter("kakashi")], [pack.fighter("itachi")]], seed=4, catalog=pack.catalog
    )
    play_out(battle, [make_player("heuristic", 4, s) for s in (0, 1)])
    story = compose_story(battle, pack)
    assert story.title in {
        "Kakashi against Itachi",
        "Kakashi and Itachi",
        "The fight of Kakashi and Itachi",
    }
    assert not [s for s in story.sections if s.kind == "aftermath"]
    fates = story.fates()
    assert set(fates) == {"p1.kakashi", "p2.itachi"}
    status = {u.uid: u.status for u in battle.units}
    for uid, fate in fates.items():
        assert fate == {"ok": "standing", "dead": "died"}.get(status[uid], status[uid])


def test_every_phrasing_fills_with_the_values_the_narrator_gives() -> None:
    book = load_phrasebook()
    person = Person("Naruto Uzumaki", "Naruto", "he", "the jinchuriki", "his friend")
    values = {name: person for name in ("a", "b", "c", "m", "everyone", "proctor")}
    values |= {
        name: "x"
        for name in [
            "group",
            "village",
            "place",
            "tech",
            "tech_a",
            "tech_b",
            "margin",
            "seal",
            "beast",
            "colour",
            "summon",
            "count",
            "turns",
            "call",
            "words",
            "memory",
            "memories",
            "fragments",
            "left",
            "took",
            "gap",
            "load",
            "load_b",
            "load_c",
            "where",
            "toward",
            "students",
            "when",
            "n",
            "thought",
        ]
    }
    teller = Teller(book, RandomStream(5))
    for beat, phrasings in book.beats.items():
        assert phrasings, beat
        for text in phrasings:
            for _name, form in placeholders(text):
                assert form is None or form in FORMS, (beat, text)
            for _ in range(3):  # slots filled at random: each time, nothing left unfilled
                assert "{" not in fill(teller.expand(text), values), (beat, text)


def test_the_teller_never_repeats_and_says_when_it_has_nothing_new() -> None:
    from kessen.narration.phrasebook import Phrasebook

    teller = Teller(Phrasebook({"x": ("{a} fell.", "{a} dropped.")}), RandomStream(3))
    a = Person("A", "A", "he")
    said = {teller.say("x", a=a), teller.say("x", a=a)}
    assert said == {"A fell.", "A dropped."}
    assert teller.say("x", a=a) is None
    assert teller.say("x", a=Person("B", "B", "she")) in {"B fell.", "B dropped."}


def test_a_seal_is_told_by_its_own_name_when_it_meets_a_beast(pack) -> None:
    """The Eight Inner Gates meeting Shukaku is not "cursed seal met sealed curse"."""
    from kessen.narration.context import Narrator
    from kessen.narration.fight import _Fight, _seal_meets_beast
    from kessen.narration.phrasebook import load_phrasebook

    beats = {}
    for name, holder, host in (
        ("gaara-vs-lee", "p1.lee", "p2.gaara"),
        ("valley-of-the-end", "p2.sasuke", "p1.naruto"),
    ):
        scenario = load_scenario(name)
        battle = play_scenario(scenario, pack, 1)
        teller = Teller(load_phrasebook(), RandomStream(1))
        fight = _Fight(Narrator(teller, battle, pack, scenario))
        assert _seal_meets_beast(fight, holder, host) is None  # the seal is shut
        fight.seal_on.add(holder)
        line = _seal_meets_beast(fight, holder, host)
        assert line is not None
        beats[name] = line
    assert beats["gaara-vs-lee"].beat == "flourish_seal_beast"
    assert "curse" not in beats["gaara-vs-lee"].text.lower()
    assert beats["valley-of-the-end"].beat == "flourish_seal_beast_cursed_seal_of_heaven"


def test_slogans_are_said_at_the_climax_only(pack) -> None:
    """The seed's slogans belong to the decisive exchange, never to an earlier clash."""
    from kessen.narration.plan import plan_battle

    scenario = load_scenario("valley-of-the-end")
    for seed in range(30):
        battle = play_scenario(scenario, pack, seed)
        story = compose_story(battle, pack, scenario=scenario)
        [fight] = [s for s in story.sections if s.kind == "battle"]
        climax = plan_battle(battle).climax
        clashes_before = [e for e in battle.events if e.type == "clash" and e.turn < climax]
        slogans = [
            i
            for i, paragraph in enumerate(fight.paragraphs)
            for line in paragraph
            if line.beat.startswith("flourish_")
        ]
        lunges = [
            i
            for i, paragraph in enumerate(fight.paragraphs)
            for line in paragraph
            if line.beat == "climax_lunge"
        ]
        assert all(i in lunges for i in slogans), (seed, clashes_before)


def test_memories_with_commas_of_their_own_are_listed_with_semicolons(pack) -> None:
    scenario = load_scenario("valley-of-the-end")
    listed = 0
    for seed in range(16):
        battle = play_scenario(scenario, pack, seed)
        story = compose_story(battle, pack, scenario=scenario)
        [naruto] = [s for s in story.sections if s.kind == "thoughts" and "Naruto" in s.heading]
        text = " ".join(line.text for p in naruto.paragraphs for line in p)
        assert "friendship and Chouji" not in text, seed
        listed += "a friendship; and Chouji, Neji" in text
    assert listed  # the list form was chosen at least once, and read right


def test_one_who_dies_beside_a_watcher_does_not_die_alone(battle_of, test_pack) -> None:
    scenario = make_scenario(rescuers='[[rescuers]]\nid = "teacher"\narrives_after = [40, 40]\n')
    battle = battle_of(hero=("ok", 150, 0), rival=("critical", 0, 1))
    after = run_aftermath(battle, scenario, test_pack)
    [death] = [e for e in after.events if e.type == "death"]
    assert (death.unit, death.carrier, death.metres) == ("p2.rival", None, 0)
    story = compose_story(battle, test_pack, scenario=scenario, aftermath=after)
    [line] = [line for line in story.lines() if line.beat.startswith("death_")]
    assert line.beat == "death_watched" and line.about == ("p2.rival", "p1.hero")
    assert "Hero" in line.text and "alone" not in line.text
    check_story(battle, after, story, test_pack)
    # With no one beside them, they do die alone.
    leave = '[fighters.hero]\nafter_victory = "leave"\n'
    alone_scenario = make_scenario(
        rescuers='[[rescuers]]\nid = "teacher"\narrives_after = [40, 40]\n', fighters=leave
    )
    alone_after = run_aftermath(battle, alone_scenario, test_pack)
    alone = compose_story(battle, test_pack, scenario=alone_scenario, aftermath=alone_after)
    assert [line.beat for line in alone.lines() if line.beat.startswith("death_")] == [
        "death_alone"
    ]
