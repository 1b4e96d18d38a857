"""The schema of a scenario file: what a scenario TOML may say, checked field by field.

A scenario is data only, like a pack.  It names the two sides (fighter ids of a pack), the
place of the fight, the map of places with the roads between them, who is in reach after
the fight and when, the rules of the rescue, and what each fighter thinks about.  Anything
not listed here is an error that names its path (``rescuers[0].arives_after``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "AftermathModel",
    "FighterNotesModel",
    "PlaceModel",
    "RescuerModel",
    "RoadModel",
    "ScenarioInfo",
    "ScenarioModel",
]

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=400)]
Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
#: A span of minutes ``[low, high]``; the aftermath draws a whole number inside it.
Span = Annotated[list[Minutes], Field(min_length=2, max_length=2)]
Ability = Literal["tracking", "fast", "carry", "medic", "sensor"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _ordered(span: list[int] | None, name: str) -> None:
    if span is not None and span[0] > span[1]:
        raise ValueError(f"{name} must be [low, high] with low <= high, not {span}")


class ScenarioInfo(_Strict):
    title: Text
    summary: str = ""
    place: Identifier
    village: Identifier
    sides: Annotated[
        list[Annotated[list[Identifier], Field(min_length=1, max_length=4)]],
        Field(min_length=2, max_length=2),
    ]
    stakes: list[Identifier] = []
    turn_limit: Annotated[int, Field(ge=1, le=200)] = 40
    #: What kind of fight it is: a fight to the death, or an exam match with a proctor
    #: who calls it (the story's tone follows: no death-match lines at an exam).
    tone: Literal["death_match", "exam"] = "death_match"


class PlaceModel(_Strict):
    name: Text
    description: str = ""


class RoadModel(_Strict):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    from_: Identifier = Field(alias="from")
    to: Identifier
    metres: Annotated[int, Field(ge=1, le=500_000)]


class FighterNotesModel(_Strict):
    motives: list[Text] = []
    memories: list[Text] = []
    #: ``true``: these motives and memories replace the fighter's own instead of adding.
    replace: bool = False
    #: What the fighter does if still standing when the fight ends.
    after_victory: Literal["carry", "stay", "leave"] = "stay"
    leaves_for: str = ""
    last_words: list[Text] = []
    #: The technique the fighter saves chakra for and stakes everything on at the end
    #: (one of its own; the players read it, see ``kessen.players.intent``).
    signature: Identifier | None = None


class RescuerModel(_Strict):
    #: A fighter or summon id of the pack, or a new id when ``name`` defines it here.
    id: Identifier
    name: str = ""
    pronoun: Literal["he", "she", "they", "it"] | None = None
    title: str = ""
    relation: str = ""
    count: Annotated[int, Field(ge=1, le=12)] = 1
    #: Comes to the battle's place this many minutes after the fight ends ...
    arrives_after: Span | None = None
    #: ... or waits in the village until word (or worry) sends it out.
    in_village: bool = False
    messenger: Identifier | None = None
    clones: Annotated[int, Field(ge=0, le=4)] | None = None
    travel_speed: Annotated[int, Field(ge=1, le=2000)] | None = None
    abilities: list[Ability] | None = None

    @model_validator(mode="after")
    def _one_way_in(self) -> RescuerModel:
        if (self.arrives_after is None) == (not self.in_village):
            raise ValueError("a rescuer needs either 'arrives_after' or 'in_village = true'")
        _ordered(self.arrives_after, "arrives_after")
        if self.in_village and (self.messenger or self.clones):
            raise ValueError("only a rescuer who comes to the field sends a messenger or clones")
        return self


class AftermathModel(_Strict):
    #: A runner carrying a body moves at this fraction of their own speed.
    carry_factor: Annotated[float, Field(gt=0, le=1)] = 0.7
    #: A shadow clone runs at this fraction of its maker's speed: it holds a share of the
    #: maker's chakra and tires sooner.
    clone_pace: Annotated[float, Field(gt=0, le=1)] = 0.85
    triage_minutes: Span = [1, 3]
    stabilise_minutes: Span = [3, 6]
    hospital_minutes: Minutes = 2
    #: Minutes after the fight before the village sends its team unasked; omit for never.
    search_after: Span | None = None
    #: Extra minutes to find a trail when no one in the party can track.
    trail_minutes: Span = [6, 14]

    @model_validator(mode="after")
    def _spans(self) -> AftermathModel:
        for name in ("triage_minutes", "stabilise_minutes", "search_after", "trail_minutes"):
            _ordered(getattr(self, name), name)
        return self


class ScenarioModel(_Strict):
    scenario: ScenarioInfo
    places: Annotated[dict[Identifier, PlaceModel], Field(min_length=1)]
    roads: list[RoadModel] = []
    fighters: dict[Identifier, FighterNotesModel] = {}
    rescuers: list[RescuerModel] = []
    aftermath: AftermathModel = AftermathModel()
