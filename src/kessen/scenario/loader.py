"""Loading scenarios: TOML in, a validated :class:`Scenario` out.

Scenarios ship with Kessen under ``kessen/scenario/scenarios/<id>.toml``; any other file
can be loaded by path.  Problems are reported like a pack's: the file, the field's path,
what is wrong.

>>> [s.id for s in list_scenarios()][:1]
['chunin-exam-finals']
>>> load_scenario("valley-of-the-end").route.waypoints[0].name
'the Valley of the End'
>>> load_scenario("valley-of-the-edn")
Traceback (most recent call last):
...
kessen.errors.UnknownNameError: unknown scenario 'valley-of-the-edn'; did you mean ...?
"""

from __future__ import annotations

import heapq
from importlib import resources
from pathlib import Path
from typing import Any

from kessen.content import Pack
from kessen.content.loader import read_content_file, suggest, validate_toml
from kessen.errors import ContentError, ContentProblem, UnknownNameError
from kessen.scenario.model import (
    AftermathRules,
    FighterNotes,
    Place,
    Rescuer,
    Route,
    Scenario,
    Tone,
    Waypoint,
)
from kessen.scenario.schema import ScenarioModel

__all__ = [
    "check_against_pack",
    "list_scenarios",
    "load_scenario",
    "load_scenario_file",
    "parse_scenario",
    "scenario_ids",
]


def scenario_ids() -> list[str]:
    """Ids of the scenarios shipped with Kessen, sorted."""
    folder = resources.files("kessen.scenario").joinpath("scenarios")
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))


def list_scenarios() -> list[Scenario]:
    """Every shipped scenario, sorted by id."""
    return [load_scenario(i) for i in scenario_ids()]


def load_scenario(name: str) -> Scenario:
    """The shipped scenario called ``name``; close names in the error if there is none."""
    key = name.strip().lower()
    known = scenario_ids()
    if key not in known:
        raise UnknownNameError("scenario", name, suggest(key, known))
    text = resources.files("kessen.scenario").joinpath("scenarios", f"{key}.toml")
    return parse_scenario(text.read_text("utf-8"), source=f"kessen:scenarios/{key}.toml", id=key)


def load_scenario_file(path: str | Path) -> Scenario:
    """A scenario from any TOML file; its id is the file's stem."""
    return parse_scenario(read_content_file(path), source=str(path), id=Path(path).stem)


def parse_scenario(text: str, source: str = "<scenario>", id: str = "scenario") -> Scenario:
    """Validate a scenario's TOML text and build it (without a pack: see
    :func:`check_against_pack`)."""
    model, _ = validate_toml(text, source, ScenarioModel)
    problems = _cross_check(model, source)
    route = _route(model, source, problems)
    if problems or route is None:
        raise ContentError(problems)
    return _build(model, source, id, route)


def check_against_pack(scenario: Scenario, pack: Pack) -> None:
    """Raise :class:`ContentError` if the scenario names anyone the pack does not hold."""
    problems = []
    src = scenario.source

    def unknown(path: str, name: str, known: Any, what: str) -> None:
        hint = suggest(name, known)
        more = f"; did you mean {', '.join(hint)}?" if hint else ""
        problems.append(
            ContentProblem(src, path, f"unknown {what} {name!r} in pack {pack.name}{more}")
        )

    for s, side in enumerate(scenario.sides):
        for i, fid in enumerate(side):
            if fid not in pack.fighters:
                unknown(f"scenario.sides[{s}][{i}]", fid, pack.fighters, "fighter")
    fighting = {f for side in scenario.sides for f in side}
    catalog = pack.catalog
    for i, r in enumerate(scenario.rescuers):
        if r.id in fighting:
            problems.append(
                ContentProblem(src, f"rescuers[{i}].id", f"{r.id!r} fights in this scenario")
            )
        elif not r.name and r.id not in catalog:
            unknown(f"rescuers[{i}].id", r.id, catalog, "fighter")
        if r.messenger is not None and r.messenger not in catalog:
            unknown(f"rescuers[{i}].messenger", r.messenger, catalog, "summon")
    for fid, notes in scenario.fighters.items():
        spec = pack.fighters.get(fid)
        if notes.signature is None or spec is None:
            continue
        if notes.signature not in {t.id for t in spec.techniques}:
            problems.append(
                ContentProblem(
                    src,
                    f"fighters.{fid}.signature",
                    f"{spec.name} has no technique {notes.signature!r}",
                )
            )
    if problems:
        raise ContentError(problems)


def _cross_check(model: ScenarioModel, source: str) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    info = model.scenario

    def add(path: str, message: str) -> None:
        problems.append(ContentProblem(source, path, message))

    for key in ("place", "village"):
        name = getattr(info, key)
        if name not in model.places:
            hint = suggest(name, model.places)
            add(
                f"scenario.{key}",
                f"unknown place {name!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""),
            )
    for i, road in enumerate(model.roads):
        for end in ("from", "to"):
            name = road.from_ if end == "from" else road.to
            if name not in model.places:
                add(f"roads[{i}].{end}", f"unknown place {name!r}")
    fighting = [f for side in info.sides for f in side]
    for f in sorted({f for f in fighting if fighting.count(f) > 1}):
        add("scenario.sides", f"{f!r} is on the field twice")
    for i, f in enumerate(info.stakes):
        if f not in fighting:
            add(f"scenario.stakes[{i}]", f"{f!r} does not fight in this scenario")
    for f in model.fighters:
        if f not in fighting:
            add(f"fighters.{f}", f"{f!r} does not fight in this scenario")
    seen: set[str] = set()
    for i, r in enumerate(model.rescuers):
        if r.id in seen:
            add(f"rescuers[{i}].id", f"{r.id!r} listed twice (use 'count')")
        seen.add(r.id)
        if r.name and r.travel_speed is None:
            add(f"rescuers[{i}].travel_speed", "a rescuer defined here needs a travel speed")
    return problems


def _route(model: ScenarioModel, source: str, problems: list) -> Route | None:
    """The shortest way from the battle's place to the village over the roads."""
    start, goal = model.scenario.place, model.scenario.village
    if start not in model.places or goal not in model.places:
        return None
    links: dict[str, list[tuple[str, int]]] = {}
    for road in model.roads:
        links.setdefault(road.from_, []).append((road.to, road.metres))
        links.setdefault(road.to, []).append((road.from_, road.metres))
    best = {start: 0}
    previous: dict[str, str] = {}
    queue = [(0, start)]
    while queue:
        dist, here = heapq.heappop(queue)
        if dist > best[here]:
            continue
        for there, metres in sorted(links.get(here, [])):
            if dist + metres < best.get(there, 1 << 60):
                best[there] = dist + metres
                previous[there] = here
                heapq.heappush(queue, (dist + metres, there))
    if goal not in best:
        problems.append(
            ContentProblem(source, "roads", f"no road leads from {start!r} to {goal!r}")
        )
        return None
    path = [goal]
    while path[-1] != start:
        path.append(previous[path[-1]])
    path.reverse()
    return Route(tuple(Waypoint(p, model.places[p].name, best[p]) for p in path))


def _build(model: ScenarioModel, source: str, id: str, route: Route) -> Scenario:
    info, rules = model.scenario, model.aftermath
    side_a, side_b = (tuple(side) for side in info.sides)
    return Scenario(
        id=id,
        title=info.title,
        source=source,
        place=info.place,
        village=info.village,
        sides=(side_a, side_b),
        places={k: Place(k, p.name, p.description) for k, p in model.places.items()},
        route=route,
        summary=info.summary,
        stakes=tuple(info.stakes),
        turn_limit=info.turn_limit,
        tone=Tone(info.tone),
        fighters={
            k: FighterNotes(
                k,
                tuple(f.motives),
                tuple(f.memories),
                f.replace,
                f.after_victory,
                f.leaves_for,
                tuple(f.last_words),
                f.signature,
            )
            for k, f in model.fighters.items()
        },
        rescuers=tuple(
            Rescuer(
                id=r.id,
                name=r.name,
                pronoun=r.pronoun,
                title=r.title,
                relation=r.relation,
                count=r.count,
                arrives_after=tuple(r.arrives_after) if r.arrives_after else None,  # type: ignore[arg-type]
                in_village=r.in_village,
                messenger=r.messenger,
                clones=r.clones,
                travel_speed=r.travel_speed,
                abilities=tuple(r.abilities) if r.abilities is not None else None,
            )
            for r in model.rescuers
        ),
        rules=AftermathRules(
            carry_factor=rules.carry_factor,
            clone_pace=rules.clone_pace,
            triage_minutes=(rules.triage_minutes[0], rules.triage_minutes[1]),
            stabilise_minutes=(rules.stabilise_minutes[0], rules.stabilise_minutes[1]),
            hospital_minutes=rules.hospital_minutes,
            search_after=(
                (rules.search_after[0], rules.search_after[1]) if rules.search_after else None
            ),
            trail_minutes=(rules.trail_minutes[0], rules.trail_minutes[1]),
        ),
    )
