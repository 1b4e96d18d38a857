"""Narration: the events of a battle (and of its aftermath) told as prose.

Phrasings live in data (``kessen/narration/text/*.toml``); a narration stream seeded from
the battle's seed, but separate from it, chooses among them, so telling a battle never
changes it and the same battle is always told the same way.

>>> from kessen.content import load_starter_pack
>>> from kessen.scenario import load_scenario
>>> from kessen.aftermath import play_scenario, run_aftermath
>>> pack, scenario = load_starter_pack(), load_scenario("valley-of-the-end")
>>> battle = play_scenario(scenario, pack, seed=7)
>>> story = tell_battle(battle, pack, scenario=scenario,
...                     aftermath=run_aftermath(battle, scenario, pack))
>>> story.splitlines()[0]
'THE VALLEY OF THE END'
>>> story == tell_battle(battle, pack, scenario=scenario,
...                      aftermath=run_aftermath(battle, scenario, pack))
True
"""

from kessen.narration.tell import FORMATS, NARRATION_STREAM, compose_story, tell_battle

__all__ = ["FORMATS", "NARRATION_STREAM", "compose_story", "tell_battle"]
