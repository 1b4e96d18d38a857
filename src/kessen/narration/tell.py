"""Putting a story together, and the one call other parts use: :func:`tell_battle`."""

from __future__ import annotations

from typing import Any

from kessen.content import Pack
from kessen.engine import Battle, RandomStream, derive_seed
from kessen.errors import KessenError
from kessen.narration.chart import chart_svg, fight_series
from kessen.narration.context import Narrator
from kessen.narration.epilogue import epilogue_section
from kessen.narration.fight import battle_section
from kessen.narration.phrasebook import Teller, load_phrasebook
from kessen.narration.render import render_html, render_markdown, render_text
from kessen.narration.rescue import aftermath_section
from kessen.narration.story import Story
from kessen.narration.thoughts import intro_section, side_person, thoughts_sections
from kessen.scenario import Scenario, load_scenario

__all__ = ["FORMATS", "NARRATION_STREAM", "compose_story", "tell_battle"]

#: The narration draws from ``derive_seed(battle seed, NARRATION_STREAM)``: its own stream.
NARRATION_STREAM = 0x57_0E1D
FORMATS = ("text", "markdown", "html")


def compose_story(
    battle: Battle,
    pack: Pack,
    *,
    scenario: Scenario | str | None = None,
    aftermath: Any = None,
) -> Story:
    """The story of a finished battle (and its aftermath, if given) as tagged sections."""
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    teller = Teller(load_phrasebook(), RandomStream(derive_seed(battle.seed, NARRATION_STREAM)))
    n = Narrator(teller, battle, pack, scenario, aftermath)
    if scenario is not None:
        title = scenario.title
    else:
        title = n.heading("title_duel", a=side_person(n, 0), b=side_person(n, 1))
    story = Story(title)
    story.sections.append(intro_section(n, title))
    story.sections.extend(thoughts_sections(n))
    fight = battle_section(n)
    if fight.paragraphs:
        story.sections.append(fight)
    if aftermath is not None:
        story.sections.append(aftermath_section(n))
    if battle.over:
        story.sections.append(epilogue_section(n))
    names = {uid: p.short for uid, p in n.people.items()}
    story.series = fight_series(battle, names)
    return story


def tell_battle(
    battle: Battle,
    pack: Pack,
    *,
    format: str = "text",
    scenario: Scenario | str | None = None,
    aftermath: Any = None,
) -> str:
    """Tell a battle as prose: ``format`` is ``text``, ``markdown`` or ``html``.

    ``scenario`` (a :class:`~kessen.scenario.Scenario` or its id) gives the place, the
    thoughts and the people in reach; ``aftermath`` (from
    :func:`kessen.aftermath.run_aftermath`) the rescue.  The narration tells what it is
    given: with no aftermath, the story ends with the fight.
    """
    if format not in FORMATS:
        raise KessenError(f"unknown format {format!r}: use {', '.join(FORMATS)}")
    story = compose_story(battle, pack, scenario=scenario, aftermath=aftermath)
    if format == "markdown":
        return render_markdown(story)
    if format == "html":
        footer = f"Kessen, seed {battle.seed}, pack {pack.name} {pack.version}"
        return render_html(story, chart_svg(story.series, story.title), footer)
    return render_text(story)
