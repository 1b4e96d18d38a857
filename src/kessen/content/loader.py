"""Loading content packs: TOML in, validated engine values out.

>>> pack = load_starter_pack()
>>> pack.fighter("naruto").name
'Naruto Uzumaki'
>>> pack.fighter("narto")
Traceback (most recent call last):
...
kessen.errors.UnknownNameError: unknown fighter 'narto'; did you mean naruto?
"""

from __future__ import annotations

import difflib
import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kessen.content.schema import FighterModel, PackModel, TechniqueModel
from kessen.engine.model import (
    Beast,
    CursedSeal,
    Effect,
    Fighter,
    SealStage,
    Technique,
)
from kessen.errors import ContentError, ContentProblem, KessenError, UnknownNameError

__all__ = [
    "Pack",
    "check_pack",
    "load_pack",
    "load_starter_pack",
    "parse_pack",
    "read_content_file",
    "suggest",
    "validate_toml",
]

STARTER = "starter.toml"
#: A content file is text written by people: anything larger is a mistake (the starter
#: pack is about 50 KB).
MAX_CONTENT_BYTES = 8_000_000
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Pack:
    """A loaded pack: its identity (name, version, hash of its data) and its content."""

    name: str
    version: str
    hash: str
    source: str
    description: str = ""
    fighters: Mapping[str, Fighter] = field(default_factory=dict)
    summons: Mapping[str, Fighter] = field(default_factory=dict)
    techniques: Mapping[str, Technique] = field(default_factory=dict)

    @property
    def catalog(self) -> dict[str, Fighter]:
        """Every fighter and summon by id: what a battle needs to be restored."""
        return {**self.summons, **self.fighters}

    def fighter(self, name: str) -> Fighter:
        """The fighter called ``name`` (its id); close names in the error if there is none."""
        key = name.strip().lower()
        found = self.fighters.get(key)
        if found is None:
            raise UnknownNameError("fighter", name, suggest(key, self.fighters))
        return found

    def team(self, spec: str) -> list[Fighter]:
        """Fighters of a team written ``a+b+c``."""
        names = spec.split("+")
        if not all(n.strip() for n in names):
            raise KessenError(
                f"bad side {spec!r}: a side is a fighter id or a team written a+b, with no"
                " empty name (`kessen roster` lists the ids)"
            )
        return [self.fighter(n) for n in names]

    def __repr__(self) -> str:
        return f"<Pack {self.name} {self.version} ({len(self.fighters)} fighters)>"


def suggest(name: str, known: Mapping[str, Any] | list[str]) -> list[str]:
    """Up to three known names close to ``name``."""
    return difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)


def load_starter_pack() -> Pack:
    """The starter pack shipped with Kessen."""
    text = resources.files("kessen.content").joinpath("packs", STARTER).read_text("utf-8")
    return parse_pack(text, source=f"kessen:packs/{STARTER}")


def load_pack(path: str | Path) -> Pack:
    """A pack from a TOML file; :class:`ContentError` lists every problem with its path."""
    return parse_pack(read_content_file(path), source=str(path))


def read_content_file(path: str | Path) -> str:
    """The text of a content file (pack or scenario), or a :class:`ContentError` naming it."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            # a directory, a device (/dev/zero) or a pipe: never read without end
            raise ContentError([ContentProblem(str(path), "", "not a regular file")])
        if path.stat().st_size > MAX_CONTENT_BYTES:
            too_big = f"larger than {MAX_CONTENT_BYTES:,} bytes"
            raise ContentError([ContentProblem(str(path), "", too_big)])
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise ContentError([ContentProblem(str(path), "", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([ContentProblem(str(path), "", f"cannot read: {exc}")]) from None


def validate_toml(text: str, source: str, schema: type[M]) -> tuple[M, dict[str, Any]]:
    """Parse TOML text and validate it against a schema: the model and the raw data.

    Every schema problem comes back at once in one :class:`ContentError`, each with the
    dotted path of its field.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([ContentProblem(source, "", f"bad TOML: {exc}")]) from None
    try:
        return schema.model_validate(raw), raw
    except ValidationError as exc:
        raise ContentError([_problem(source, err) for err in exc.errors()]) from None


def check_pack(text: str, source: str = "<pack>") -> list[ContentProblem]:
    """Every problem in a pack's text (empty when it is good): validation as data."""
    try:
        parse_pack(text, source)
    except ContentError as exc:
        return list(exc.problems)
    return []


def parse_pack(text: str, source: str = "<pack>") -> Pack:
    """Validate a pack's TOML text and build its fighters."""
    model, raw = validate_toml(text, source, PackModel)
    problems = _cross_check(model, source)
    if problems:
        raise ContentError(problems)
    digest = hashlib.sha256(
        json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()
    summons = {key: _fighter(key, f, model, {}, role="summon") for key, f in model.summons.items()}
    fighters = {key: _fighter(key, f, model, summons) for key, f in model.fighters.items()}
    techniques = {key: _technique(key, t, summons) for key, t in model.techniques.items()}
    return Pack(
        name=model.pack.name,
        version=model.pack.version,
        hash=digest,
        source=source,
        description=model.pack.description,
        fighters=fighters,
        summons=summons,
        techniques=techniques,
    )


def _problem(source: str, err: Any) -> ContentProblem:
    path = ""
    for part in err["loc"]:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).startswith("function-") or part in ("literal_error", "[key]"):
            continue  # "[key]": the problem is the id itself, already the last part
        else:
            path += f".{part}" if path else str(part)
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        message = "missing field"
    elif err["type"] == "extra_forbidden":
        message = "unknown field"
    elif "input" in err and err["type"] not in ("model_type", "value_error"):
        message = f"{message} (got {err['input']!r})"
    return ContentProblem(source, path, message)


def _cross_check(model: PackModel, source: str) -> list[ContentProblem]:
    problems = []
    for key, tech in model.techniques.items():
        for i, effect in enumerate(tech.effects):
            if effect.summon is not None and effect.summon not in model.summons:
                hint = suggest(effect.summon, model.summons)
                problems.append(
                    ContentProblem(
                        source,
                        f"techniques.{key}.effects[{i}].summon",
                        f"unknown summon {effect.summon!r}"
                        + (f"; did you mean {', '.join(hint)}?" if hint else ""),
                    )
                )
    for table, entries in (("fighters", model.fighters), ("summons", model.summons)):
        for key, fighter in entries.items():
            seen = set()
            for i, tech_id in enumerate(fighter.techniques):
                where = f"{table}.{key}.techniques[{i}]"
                if tech_id not in model.techniques:
                    hint = suggest(tech_id, model.techniques)
                    more = f"; did you mean {', '.join(hint)}?" if hint else ""
                    problems.append(
                        ContentProblem(source, where, f"unknown technique {tech_id!r}{more}")
                    )
                elif tech_id in seen:
                    problems.append(ContentProblem(source, where, f"{tech_id!r} listed twice"))
                seen.add(tech_id)
                known = model.techniques.get(tech_id)
                if known is None:
                    continue
                tech = known
                if tech.cost > fighter.chakra:
                    problems.append(
                        ContentProblem(
                            source,
                            where,
                            f"{tech_id!r} costs {tech.cost}, more than the fighter's "
                            f"{fighter.chakra} chakra",
                        )
                    )
                if tech is not None and tech.needs == "beast" and fighter.jinchuriki is None:
                    problems.append(
                        ContentProblem(source, where, f"{tech_id!r} needs a sealed beast")
                    )
                if fighter.cursed_seal is None and any(
                    e.type == "activate_seal" for e in tech.effects
                ):
                    problems.append(
                        ContentProblem(
                            source, where, f"{tech_id!r} releases a seal: it needs a cursed_seal"
                        )
                    )
                if (
                    tech is not None
                    and table == "summons"
                    and any(e.type in ("summon", "create_clone") for e in tech.effects)
                ):
                    problems.append(
                        ContentProblem(source, where, "a summon cannot summon or make clones")
                    )
            if key in model.fighters and key in model.summons:
                problems.append(
                    ContentProblem(source, f"summons.{key}", "id used by a fighter too")
                )
    if not model.fighters:
        problems.append(ContentProblem(source, "fighters", "a pack needs at least one fighter"))
    return problems


def _technique(key: str, t: TechniqueModel, summons: Mapping[str, Fighter]) -> Technique:
    effects = tuple(
        Effect(
            type=e.type,
            amount=e.amount,
            chance=e.chance,
            turns=e.turns,
            share=e.share,
            summon=summons.get(e.summon) if e.summon else None,
        )
        for e in t.effects
    )
    return Technique(
        id=key,
        name=t.name,
        kind=t.kind,
        nature=t.nature,
        cost=t.cost,
        power=t.power,
        range=t.range,
        target=t.target,
        clashes=t.clashes,
        cooldown=t.cooldown,
        effects=effects,
        needs=t.needs,
    )


def _fighter(
    key: str,
    f: FighterModel,
    model: PackModel,
    summons: Mapping[str, Fighter],
    role: str = "fighter",
) -> Fighter:
    beast = seal = None
    if f.jinchuriki is not None:
        j = f.jinchuriki
        beast = Beast(j.name, j.pool, j.per_turn, j.heal, j.divert)
    if f.cursed_seal is not None:
        seal = CursedSeal(
            f.cursed_seal.name,
            tuple(SealStage(s.boost, s.speed, s.cost) for s in f.cursed_seal.stages),
        )
    return Fighter(
        id=key,
        name=f.name,
        health=f.health,
        chakra=f.chakra,
        regen=f.regen,
        speed=f.speed,
        taijutsu=f.taijutsu,
        ninjutsu=f.ninjutsu,
        genjutsu=f.genjutsu,
        defence=f.defence,
        resolve=f.resolve,
        affinity=f.affinity,
        pronoun=f.pronoun,
        role=role,
        techniques=tuple(_technique(t, model.techniques[t], summons) for t in f.techniques),
        beast=beast,
        seal=seal,
        title=f.title,
        village=f.village,
        motives=tuple(f.motives),
        memories=tuple(f.memories),
        abilities=tuple(f.abilities),
        travel_speed=f.travel_speed,
    )
