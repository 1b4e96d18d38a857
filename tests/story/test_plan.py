"""The document plan and the sentence plan: the climax is the decisive exchange, the
summaries cover the turns they replace, referring expressions never name the wrong
fighter, lists are right for any number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kessen.aftermath import play_scenario, run_aftermath
from kessen.narration import compose_story
from kessen.narration.people import Person
from kessen.narration.phrasebook import fill
from kessen.narration.plan import Role, decisive_clash, plan_battle
from kessen.scenario import load_scenario, parse_scenario

SCENARIOS = ("valley-of-the-end", "chunin-exam-finals", "gaara-vs-lee")


def _stories(pack, name: str, seeds: range):
    scenario = load_scenario(name)
    for seed in seeds:
        battle = play_scenario(scenario, pack, seed)
        after = run_aftermath(battle, scenario, pack)
        yield seed, battle, compose_story(battle, pack, scenario=scenario, aftermath=after)


def _fight(story):
    [fight] = [s for s in story.sections if s.kind == "battle"]
    return fight


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_climax_is_the_decisive_exchange(pack, name) -> None:
    """The climax is the turn the last of a side fell; its clash (if any) is told in slow
    motion there, once, and the falls that decided it come after the lunge."""
    for seed, battle, story in _stories(pack, name, range(40)):
        plan = plan_battle(battle)
        falls = [
            e.turn
            for e in battle.events
            if e.type in ("critical", "death") and battle.unit(e.unit).role == "fighter"
        ]
        if falls:
            assert plan.climax == max(falls), seed
        assert plan.role(plan.climax) is Role.CLIMAX
        lines = [line for p in _fight(story).paragraphs for line in p]
        lunges = [i for i, line in enumerate(lines) if line.beat == "climax_lunge"]
        clash = decisive_clash(battle, plan)
        if clash is None:
            assert not lunges, seed
            continue
        assert len(lunges) == 1, seed
        assert lines[lunges[0]].turn == plan.climax
        climax_falls = [
            i
            for i, line in enumerate(lines)
            if line.turn == plan.climax and line.beat in ("falls_critical", "death_blow")
        ]
        assert all(i > lunges[0] for i in climax_falls), seed
        memories = [line for line in lines if line.beat == "climax_memory"]
        assert all(line.turn == plan.climax for line in memories), seed


@pytest.mark.parametrize("name", SCENARIOS)
def test_summaries_cover_the_turns_they_replace(pack, name) -> None:
    """Every turn of the fight is told by lines of its own or by exactly one summary, and
    a summary covers a run of turns none of which is told otherwise."""
    for seed, battle, story in _stories(pack, name, range(40)):
        last = max(e.turn for e in battle.events if e.type == "turn_end")
        lines = [line for p in _fight(story).paragraphs for line in p]
        told = {line.turn for line in lines if line.turn is not None}
        covered: list[int] = []
        for line in lines:
            if line.beat.startswith("exchange_"):
                first, end = (int(x) for x in line.value.split("-"))
                run = list(range(first, end + 1))
                assert not set(run) & told, (seed, line)
                covered += run
        assert len(covered) == len(set(covered)), seed  # no turn summarised twice
        assert told | set(covered) >= set(range(1, last + 1)), seed


def test_a_summary_is_said_in_place_of_quiet_turns(pack) -> None:
    summaries = 0
    for _, _, story in _stories(pack, "valley-of-the-end", range(20)):
        summaries += sum(1 for line in story.lines() if line.beat.startswith("exchange_"))
    assert summaries >= 10  # routine exchanges are summarised, not told one by one


@pytest.mark.parametrize("name", SCENARIOS)
def test_referring_expressions_never_name_the_wrong_fighter(pack, name) -> None:
    """A line of the fight or the rescue names only the people it is about."""
    for seed, battle, story in _stories(pack, name, range(40)):
        fighters = {u.uid: u.spec.name.split()[0] for u in battle.units if u.role == "fighter"}
        maker = {u.uid: u.origin or u.uid for u in battle.units}
        for section in story.sections:
            if section.kind not in ("battle", "aftermath", "epilogue"):
                continue
            for paragraph in section.paragraphs:
                for line in paragraph:
                    if line.beat == "climax_memory":  # a memory may name anyone
                        continue
                    about = {maker.get(uid, uid) for uid in line.about}
                    for uid, first in fighters.items():
                        if re.search(rf"\b{first}\b", line.text):
                            assert uid in about, (seed, line)


def test_a_pronoun_that_could_point_at_the_other_becomes_a_name() -> None:
    naruto = Person("Naruto Uzumaki", "Naruto", "he")
    sasuke = Person("Sasuke Uchiha", "Sasuke", "he")
    sakura = Person("Sakura Haruno", "Sakura", "she")
    template = "{b} could not answer {a}; each trade cost {b.him} more than it cost {a.him}."
    assert fill(template, {"a": naruto, "b": sasuke}) == (
        "Sasuke could not answer Naruto; each trade cost Sasuke more than it cost him."
    )
    # With two pronouns that cannot be confused, both stay pronouns.
    assert fill(template, {"a": sakura, "b": sasuke}).endswith("cost him more than it cost her.")
    # A sentence opening on "He" reads as the last sentence's subject: else, a name.
    two = "{a} took {b} on {a.his} back. {b.He} groaned."
    assert fill(two, {"a": naruto, "b": sasuke}) == (
        "Naruto took Sasuke on his back. Sasuke groaned."
    )
    # "he" inside a sentence is its subject; "him" the other one.
    three = "{a} saw {b} lying there and feared {a.he} was too late. {a.He} lifted {b.him}."
    assert fill(three, {"a": naruto, "b": sasuke}) == (
        "Naruto saw Sasuke lying there and feared he was too late. He lifted him."
    )


@given(st.sampled_from(["he", "she", "they"]), st.sampled_from(["he", "she", "they"]))
def test_no_pronoun_is_left_pointing_two_ways(one: str, other: str) -> None:
    """Whatever the pronouns, a filled phrasing never has a pronoun of the same kind for
    two different people in one sentence."""
    a, b = Person("Aoi A", "Aoi", one), Person("Bo B", "Bo", other)
    template = "{a} hit {b} and {b.he} fell; {a.he} laughed at {b.him} and {a.his} luck."
    text = fill(template, {"a": a, "b": b})
    if one == other:
        assert text.count(" he ") + text.count(" she ") + text.count(" they ") <= 1


def test_lists_are_right_for_any_number_of_fighters(pack) -> None:
    text = """
[scenario]
title = "Three"
place = "a"
village = "b"
sides = [["naruto", "kakashi"], ["sasuke"]]
[places.a]
name = "the clearing"
[places.b]
name = "the camp"
[[roads]]
from = "a"
to = "b"
metres = 500
"""
    scenario = parse_scenario(text, "three.toml", "three")
    everyone = 0
    for seed in range(10):
        battle = play_scenario(scenario, pack, seed)
        fighters = {u.uid for u in battle.units if u.role == "fighter"}
        story = compose_story(battle, pack, scenario=scenario)
        assert "Naruto and Kakashi and" not in " ".join(line.text for line in story.lines())
        for line in story.lines():
            if line.about and set(line.about) != fighters:
                continue  # a line about two of them may say "neither" and "both"
            assert not re.search(r"\b[Nn]either\b|\b[Bb]oth\b", line.text), (seed, line)
            everyone += "Naruto, Kakashi and Sasuke" in line.text
    assert everyone  # the list of all three, said right, at least once
