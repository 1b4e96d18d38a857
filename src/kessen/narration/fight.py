"""The fight, told from its events as the document plan (:mod:`.plan`) shapes it.

Routine turns with something worth telling (a clash, a seal, clones, a beast, a heavy
blow) become a short paragraph; runs of quiet turns become one summary line.  The climax,
the decisive exchange, is told in slow motion: the lunge, a memory of each fighter
called back, the clash, and the slogans of the seed story there and only there (and
only for the pairing they are about).  After the last turn come the last words of those
left dying (:mod:`.last_words`).
"""

from __future__ import annotations

from typing import Any

from kessen.narration.context import Narrator
from kessen.narration.last_words import broken, last_words, stammer
from kessen.narration.people import Person, number_word
from kessen.narration.phrasebook import sentences
from kessen.narration.plan import Plan, plan_battle
from kessen.narration.story import Line, Section
from kessen.narration.thoughts import side_person

__all__ = ["HEAVY_PERCENT", "battle_section", "broken", "margin_beat", "stammer"]

#: A blow taking at least this percent of the target's health is told on its own.
HEAVY_PERCENT = 18
#: A blow under this percent is only ever told as part of a flurry.
LIGHT_PERCENT = 8


def margin_beat(power: int, other: int) -> str:
    """The phrasebook beat naming how far a clash's winner outweighed the loser.

    >>> margin_beat(120, 100), margin_beat(146, 108), margin_beat(300, 90)
    ('margin_slight', 'margin_clear', 'margin_crushing')
    """
    hi, lo = max(power, other), max(1, min(power, other))
    ratio = hi / lo
    if ratio < 1.3:
        return "margin_slight"
    if ratio < 1.7:
        return "margin_clear"
    if ratio < 2.5:
        return "margin_double"
    return "margin_crushing"


class _Fight:
    """State carried across turns while telling the fight."""

    def __init__(self, n: Narrator) -> None:
        self.n = n
        self.units = {u.uid: u for u in n.battle.units}
        self.seal_on: set[str] = set()
        self.resolve_on: set[str] = set()
        self.beast_told: set[str] = set()
        self.down: set[str] = set()
        #: Each unit's technique in the turn's clash (the one a beast may draw power from).
        self.clashing: dict[str, str] = {}
        self.quiet = 0
        self.plan: Plan = plan_battle(n.battle)
        #: Whether the turn being told is the climax (slogans and memories belong there).
        self.at_climax = False
        #: Who has been told making clones already (later clones are routine).
        self.cloned: set[str] = set()
        #: The quiet turns the next summary covers, and the damage each side dealt in them.
        self.quiet_turns: list[int] = []
        self.dealt: dict[int, int] = {}

    def p(self, uid: str | None) -> Person:
        return self.n.person(uid)

    def is_fighter(self, uid: str | None) -> bool:
        unit = self.units.get(uid or "")
        return unit is not None and unit.role == "fighter"

    def tech(self, uid: str, tech_id: str) -> str:
        return self.n.technique(uid, tech_id)


def battle_section(n: Narrator) -> Section:
    fight = _Fight(n)
    section = Section(n.heading("heading_battle", place=n.place_name()), "battle")
    turns = _turns(n.battle.events)
    for e in n.battle.events:
        if e.type == "resolve" and e.turn == 0:
            fight.resolve_on.add(e.unit)
    for events in turns:
        turn = events[0].turn if events else 0
        fight.at_climax = turn == fight.plan.climax
        lines = _tell_turn(fight, events)
        if fight.at_climax:
            lines = _climax_open(fight, events) + lines
        elif turn != fight.plan.turning:
            lines = _selected(fight, lines)
        lines = _joined([Line(x.text, x.beat, x.about, x.value, turn) for x in lines], n)
        if lines:
            if fight.quiet:
                section.add([_exchange(fight)])
            last = section.paragraphs[-1] if section.paragraphs else []
            if len(lines) == 1 and 0 < len(last) < 3:
                last.extend(lines)  # a turn of one line joins a short paragraph
            else:
                section.add(lines)
        else:
            fight.quiet += 1
            _tally(fight, events)
    if fight.quiet:
        section.add([_exchange(fight)])
    end = next((e for e in reversed(n.battle.events) if e.type == "battle_end"), None)
    if end is not None:
        section.add([_ending(fight, end), *last_words(n)])
    return section


def _turns(events: list[Any]) -> list[list[Any]]:
    turns: list[list[Any]] = []
    current: list[Any] = []
    for e in events:
        if e.type in ("battle_start", "battle_end") or (e.type == "resolve" and e.turn == 0):
            continue
        current.append(e)
        if e.type == "turn_end":
            turns.append(current)
            current = []
    if current:
        turns.append(current)
    return turns


def _tell_turn(f: _Fight, events: list[Any]) -> list[Line]:
    n = f.n
    out: list[Line | None] = []
    clones: dict[str, int] = {}
    flurry: dict[str, int] = {}  # maker -> index in ``out`` where its clones' blows go
    dispelled: dict[str, int] = {}
    told_hits = 0
    last_attacker: dict[str, str] = {}
    fallen: set[str] = set()
    for e in _mutual_first(events):
        t = e.type
        if t in ("critical", "death"):
            fallen.add(e.unit)
        if t == "hit":
            last_attacker[e.target] = e.unit
            if not f.is_fighter(e.target):
                if e.target in f.units and f.units[e.target].role == "clone":
                    maker = f.units[e.target].origin or e.target
                    dispelled[maker] = dispelled.get(maker, 0) + 1
                continue
            if not f.is_fighter(e.unit):
                maker = (f.units[e.unit].origin if e.unit in f.units else None) or e.unit
                if e.health == 0 and f.is_fighter(maker):  # a clone's blow felled them
                    out.append(
                        n.line("clone_finishes", (maker, e.target), a=f.p(maker), b=f.p(e.target))
                    )
                elif maker not in flurry and f.is_fighter(maker) and maker not in fallen:
                    # (Clones still swinging after their maker fell go untold: the fall
                    # is the news, and they are gone by the end of the turn.)
                    flurry[maker] = len(out)
                    out.append(n.line("clones_strike", (maker,), a=f.p(maker)))
                continue
            out.append(_hit(f, e, told_hits))
            told_hits += 1
        elif t == "clash":
            out.extend(_clash(f, e))
        elif t == "clone_made":
            clones[e.unit] = clones.get(e.unit, 0) + 1
        else:
            out.append(_other(f, e, last_attacker))
    for maker, count in clones.items():
        beat = "clone_made_one" if count == 1 else "clones_made"
        out.insert(0, n.line(beat, (maker,), a=f.p(maker), count=number_word(count)))
    for maker, count in dispelled.items():
        out.append(n.line("clones_dispelled", (maker,), a=f.p(maker), count=number_word(count)))
    return [line for line in out if line is not None]


#: What follows from blows: told after both blows of a mutual strike have landed.
_AFTERMATH_OF_BLOWS = ("critical", "death", "beast_intervention")


#: A blow, and the fall it caused: said in one sentence when both are short.
_BLOWS = ("hit_heavy", "clash_hit", "mutual_hit")
_FALLS = ("falls_critical", "death_blow")
#: Sentences joined stay under this many words.
JOINED_WORDS = 34


def _joined(lines: list[Line], n: Narrator) -> list[Line]:
    """Sentence planning's aggregation: a blow and the fall of the one it struck, when
    each is one sentence, become one ("... hit Naruto squarely, and Naruto fell.")."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if (
            before is not None
            and before.beat in _BLOWS
            and line.beat in _FALLS
            and len(before.about) > 1
            and line.about[:1] == before.about[1:2]
            and len(sentences(before.text)) == 1
            and len(sentences(line.text)) == 1
            and before.text.endswith(".")
            and line.text.startswith(n.person(line.about[0]).short)
            and len((before.text + line.text).split()) <= JOINED_WORDS
        ):
            text = f"{before.text[:-1]}, and {line.text}"
            about = (*line.about, *[u for u in before.about if u not in line.about])
            out[-1] = Line(text, line.beat, about, line.value, line.turn)
            continue
        out.append(line)
    return out


def _mutual_first(events: list[Any]) -> list[Any]:
    """The turn's events with both blows of a mutual strike told before what they did.

    The engine lands the two blows one after the other; the story has them land together
    ("Naruto shoved his Rasengan into Sasuke's chest. Sasuke shoved his Chidori into
    Naruto's chest. But there was a difference in the outcome."), so that no one is told
    dead before their own blow lands.
    """
    out: list[Any] = []
    held: list[Any] = []
    mutual_left = 0
    for e in events:
        if e.type == "clash" and e.verdict == "even":
            mutual_left = 2
        elif mutual_left and e.type == "hit" and e.via == "mutual":
            mutual_left -= 1
            out.append(e)
            if not mutual_left:
                out.extend(held)
                held = []
            continue
        elif mutual_left and e.type in _AFTERMATH_OF_BLOWS:
            held.append(e)
            continue
        out.append(e)
    return out + held


def _hit(f: _Fight, e: Any, told: int) -> Line | None:
    n = f.n
    target = f.units[e.target]
    percent = e.damage * 100 // max(1, target.max_health)
    a, b = f.p(e.unit), f.p(e.target)
    values: dict[str, Any] = {"a": a, "b": b, "tech": f.tech(e.unit, e.technique)}
    about = (e.unit, e.target)
    if e.via == "mutual":
        return n.line("mutual_hit", about, **values)
    if e.via == "clash":
        return n.line("clash_hit", about, **values)
    if percent >= HEAVY_PERCENT or e.health == 0:  # a blow that fells is always told
        return n.line("hit_heavy", about, **values)
    if percent >= LIGHT_PERCENT and told == 0:
        return n.line("hit", about, **values)
    return None


def _clash(f: _Fight, e: Any) -> list[Line | None]:
    n = f.n
    out: list[Line | None] = []
    f.clashing[e.unit] = f.tech(e.unit, e.technique)
    f.clashing[e.other] = f.tech(e.other, e.other_technique)
    if e.verdict == "even":
        a, b = f.p(e.unit), f.p(e.other)
        out.append(
            n.line(
                "clash_even",
                (e.unit, e.other),
                a=a,
                b=b,
                tech_a=f.tech(e.unit, e.technique),
                tech_b=f.tech(e.other, e.other_technique),
            )
        )
    else:
        win, lose = (e.unit, e.other) if e.winner == e.unit else (e.other, e.unit)
        win_tech, lose_tech = (
            (e.technique, e.other_technique) if win == e.unit else (e.other_technique, e.technique)
        )
        margin = n.words(margin_beat(e.power, e.other_power))
        out.append(
            n.line(
                "clash_decisive",
                (win, lose),
                a=f.p(win),
                b=f.p(lose),
                tech_a=f.tech(win, win_tech),
                tech_b=f.tech(lose, lose_tech),
                margin=margin,
            )
        )
    if not f.at_climax:  # the seed's slogans belong to the decisive exchange only
        return out
    out.append(_seal_meets_beast(f, e.unit, e.other))
    both = {e.unit, e.other}
    willing = sorted(u for u in both & f.resolve_on if e.verdict == "even" or u == e.winner)
    if willing:
        out.append(n.line("flourish_resolve", tuple(willing), a=f.p(willing[0])))
    return out


def _seal_meets_beast(f: _Fight, one: str, other: str) -> Line | None:
    """A clash where an open seal meets a sealed beast ("Cursed seal met sealed curse").

    The line names the seal it is about, so that the Eight Inner Gates are never called a
    cursed seal: ``flourish_seal_beast_<seal>`` when the phrasebook has it, else the
    general beat.
    """
    for holder, host in ((one, other), (other, one)):
        seal = f.units[holder].spec.seal
        beast = f.units[host].spec.beast
        if holder in f.seal_on and seal is not None and beast is not None:
            beat = f"flourish_seal_beast_{'_'.join(seal.name.lower().split())}"
            if beat not in f.n.teller.book.beats:
                beat = "flourish_seal_beast"
            return f.n.line(
                beat, (holder, host), a=f.p(holder), b=f.p(host), seal=seal.name, beast=beast.name
            )
    return None


def _other(f: _Fight, e: Any, last_attacker: dict[str, str]) -> Line | None:
    n = f.n
    t = e.type
    if not hasattr(e, "unit"):  # turn_end: the standings are the chart's, not the prose's
        return None
    a = f.p(e.unit)
    about = (e.unit,)
    if t == "seal_stage":
        f.seal_on.add(e.unit)
        seal = f.units[e.unit].spec.seal
        name = seal.name if seal else "seal"
        beat = "seal_first" if e.stage == 1 else "seal_higher"
        named = f"{beat}_{'_'.join(name.lower().split())}"
        if named in n.teller.book.beats:
            beat = named
        return n.line(beat, about, a=a, seal=name)
    if t == "beast_intervention":
        beast = e.beast
        if e.withdrawn:
            tech = f.clashing.get(e.unit, "attack")
            return n.line("beast_withdraws", about, a=a, beast=beast, tech=tech)
        return n.line("beast_shields", about, a=a, beast=beast)
    if t == "beast_heal":
        if e.unit in f.beast_told:
            return None
        f.beast_told.add(e.unit)
        beat = "beast_holds" if e.unit in f.down else "beast_mends"
        return n.line(beat, about, a=a, beast=e.beast)
    if t == "critical":
        f.down.add(e.unit)
        by = last_attacker.get(e.unit)
        return n.line("falls_critical", (e.unit, by or e.unit), a=a, b=f.p(by))
    if t == "death":
        if e.cause == "clock":
            return n.line("death_clock", about, a=a)
        return n.line("death_blow", (e.unit, e.by or e.unit), a=a, b=f.p(e.by))
    if t == "stabilised":
        return n.line("stabilised_battle", (e.unit, e.by), a=a, b=f.p(e.by))
    if t == "resolve" and f.is_fighter(e.unit):
        f.resolve_on.add(e.unit)
        if f.at_climax:  # the fight is decided: a will rising now would be told too late
            return None
        return n.line(f"resolve_{e.reason}", about, a=a)
    return _minor(f, e, a, about)


def _minor(f: _Fight, e: Any, a: Person, about: tuple[str, ...]) -> Line | None:
    """Defences, stuns, summons: told for fighters only, the phrasebook permitting."""
    n = f.n
    t = e.type
    if not f.is_fighter(e.unit):
        return None
    if t == "summon":
        return n.line("summon", about, a=a, summon=e.name)
    if t == "evade":
        return n.line(
            "evade",
            (e.unit, e.attacker),
            a=a,
            b=f.p(e.attacker),
            tech=f.tech(e.attacker, e.technique),
        )
    if t == "substitute":
        return n.line(
            "substitute",
            (e.unit, e.attacker),
            a=a,
            b=f.p(e.attacker),
            tech=f.tech(e.attacker, e.technique),
        )
    if t == "stun" and f.is_fighter(e.by):
        return n.line("stun", (e.by, e.unit), a=f.p(e.by), b=a)
    if t == "chakra_drained" and f.is_fighter(e.target) and e.amount >= 10:
        return n.line("drain", (e.unit, e.target), a=a, b=f.p(e.target))
    if t == "heal" and e.amount > 0:
        return n.line("heal", (e.unit, e.target), a=a, b=f.p(e.target))
    return None


#: Beats a routine turn's telling leaves to the summary of the exchanges.
ROUTINE_BEATS = frozenset({"hit", "clones_strike", "clones_dispelled", "evade", "stun"})
#: Beats of clones being made, told the first time only in routine turns.
CLONES_MADE = ("clones_made", "clone_made_one")


def _selected(f: _Fight, lines: list[Line]) -> list[Line]:
    """Content selection for a routine turn: firsts and falls stay, small blows go.

    Clones made a second time are routine too.
    """
    kept = []
    for line in lines:
        if line.beat in ROUTINE_BEATS:
            continue
        if line.beat in CLONES_MADE:
            if line.about[0] in f.cloned:
                continue
            f.cloned.add(line.about[0])
        kept.append(line)
    return kept


def _tally(f: _Fight, events: list[Any]) -> None:
    """Count a quiet turn into the summary: its damage, by side."""
    f.quiet_turns.append(events[0].turn if events else 0)
    for e in events:
        if e.type == "hit" and e.unit in f.units:
            side = f.units[e.unit].side
            f.dealt[side] = f.dealt.get(side, 0) + e.damage


def _climax_open(f: _Fight, events: list[Any]) -> list[Line]:
    """Slow motion before the decisive exchange: the lunge, and what each one saw."""
    n = f.n
    clash = next(
        (e for e in events if e.type == "clash" and f.is_fighter(e.unit) and f.is_fighter(e.other)),
        None,
    )
    if clash is None:
        return []
    a, b = f.p(clash.unit), f.p(clash.other)
    out: list[Line | None] = [
        n.line(
            "climax_lunge",
            (clash.unit, clash.other),
            a=a,
            b=b,
            tech_a=f.tech(clash.unit, clash.technique),
            tech_b=f.tech(clash.other, clash.other_technique),
        )
    ]
    for uid in (clash.unit, clash.other):
        memory = _memory(f, uid)
        if memory:
            out.append(n.line("climax_memory", (uid,), a=f.p(uid), memory=memory))
    return [line for line in out if line is not None]


def _memory(f: _Fight, uid: str) -> str:
    """One of the fighter's memories (the scenario's, else its own), picked at random."""
    spec = f.units[uid].spec
    memories = spec.memories
    if f.n.scenario is not None:
        memories = f.n.scenario.memories(spec.id, spec.memories)
    return f.n.teller.pick(list(memories)) or ""


def _exchange(f: _Fight) -> Line | None:
    """One summary sentence for a run of routine turns: who had the better of them.

    The line's value names the turns it covers (``"3-5"``), for the tests.
    """
    n = f.n
    turns, f.quiet = f.quiet, 0
    covered, f.quiet_turns = f.quiet_turns, []
    dealt, f.dealt = f.dealt, {}
    value = f"{covered[0]}-{covered[-1]}" if covered else None
    a, b = side_person(n, 0), side_person(n, 1)
    hi = max(dealt.values(), default=0)
    lo = min(dealt.get(0, 0), dealt.get(1, 0))
    if hi > 0 and hi > lo * 3 // 2:
        ahead = max(dealt, key=lambda s: dealt[s])
        a, b = side_person(n, ahead), side_person(n, 1 - ahead)
        beat = "exchange_ahead"
    else:
        beat = "exchange_one" if turns == 1 else "exchange_many"
    line = n.line(beat, _fighters(n), a=a, b=b, turns=number_word(turns))
    return Line(line.text, line.beat, line.about, value) if line is not None else None


def _ending(f: _Fight, end: Any) -> Line | None:
    n = f.n
    p, everyone = n.proctor, _fighters(n)
    if end.reason == "turn_limit":
        a, b = side_person(n, 0), side_person(n, 1)
        return n.line("end_turn_limit", everyone, a=a, b=b, proctor=p)
    if end.winner is None:
        return n.line("end_draw", everyone, a=side_person(n, 0), b=side_person(n, 1), proctor=p)
    a, b = side_person(n, end.winner), side_person(n, 1 - end.winner)
    return n.line("end_defeat", everyone, a=a, b=b, proctor=p)


def _fighters(n: Narrator) -> tuple[str, ...]:
    return tuple(u.uid for u in n.battle.units if u.role == "fighter")
