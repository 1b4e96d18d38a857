"""The aftermath, told from its events: the silence, the rescuers, the race, the road.

Every line here answers to an event of the aftermath: no rescue is told that the events
do not hold, and the dead are never treated as alive.
"""

from __future__ import annotations

from typing import Any

from kessen.narration.context import Narrator
from kessen.narration.people import Person, join_words, number_word
from kessen.narration.story import Line, Section

__all__ = ["aftermath_section", "distance_words", "time_words"]

#: Events that open a new paragraph of the aftermath.
_BREAKS = ("rescuer_arrives", "catch_up", "messenger_arrives", "meet", "arrive_village")


def time_words(n: Narrator, minutes: float) -> str:
    """A span of minutes as a person would say it (phrasings from the phrasebook)."""
    tiers = (
        (2, "time_minute"),
        (7, "time_few"),
        (13, "time_ten"),
        (22, "time_quarter"),
        (40, "time_half"),
        (55, "time_most"),
        (80, "time_hour"),
    )
    beat = next((b for limit, b in tiers if minutes < limit), "time_hours")
    hours = number_word(max(2, round(minutes / 60)))
    return n.words(beat, n=hours)


def distance_words(n: Narrator, metres: float) -> str:
    """A distance as a person would say it."""
    if metres < 700:
        return n.words("distance_near")
    km = max(1, round(metres / 1000))
    return n.words("distance_km" if km > 1 else "distance_one", n=number_word(km))


class _Rescue:
    """What the telling has learnt from the events so far."""

    def __init__(self, n: Narrator) -> None:
        self.n = n
        self.after = n.aftermath
        self.cast = n.aftermath.cast
        self.dead: set[str] = {u.uid for u in n.battle.units if u.status == "dead"}
        self.carries: dict[str, Any] = {}
        self.in_care: set[str] = set()
        self.alive: list[str] = []  # found alive at triage, most urgent first
        self.saved: set[str] = set()
        self.stayed = False
        #: Who keeps vigil by whom at the battle's place: patient -> the one beside them.
        self.watchers: dict[str, str] = {}
        #: Rescuers who have come to the battle's place so far.
        self.arrived: set[str] = set()
        #: Fallen fighters whose beast sustains them after the fight: uid -> beast's name.
        self.beasts: dict[str, str] = {
            e.unit: e.beast for e in self.after.events if e.type == "beast_sustains"
        }

    def p(self, uid: str | None) -> Person:
        return self.n.person(uid)

    def role(self, uid: str | None) -> str:
        member = self.cast.get(uid or "")
        return member.role if member is not None else ""

    def load(self, uid: str) -> str:
        """A patient as something carried: their name, or their body."""
        if uid in self.dead:
            return self.n.words("body_of", b=self.p(uid))
        return self.p(uid).short


def aftermath_section(n: Narrator) -> Section:
    r = _Rescue(n)
    section = Section(n.heading("heading_aftermath", place=n.place_name()), "aftermath")
    events = [e for e in n.aftermath.events if e.type not in ("aftermath_start", "aftermath_end")]
    paragraph: list[Line | None] = [n.line("after_silence", (), place=n.place_name())]
    i = 0
    while i < len(events):
        e = events[i]
        if e.type in _BREAKS and _breaks(paragraph, e):
            section.add(paragraph)
            paragraph = []
        if e.type == "carry_start":
            pair = _pair(r, events, i)
            if pair is not None:
                paragraph.append(pair)
                i += 2
                continue
        paragraph.extend(_tell(r, e))
        i += 1
    section.add(paragraph)
    return section


def _breaks(paragraph: list[Line | None], e: Any) -> bool:
    """A new paragraph at each new stage; arrivals in the village share one."""
    said = [line for line in paragraph if line is not None]
    if not said:
        return False
    if e.type == "arrive_village":
        return not said[-1].beat.startswith(("arrive_", "walks_in", "teacher_", "stabilised"))
    return True


def _pair(r: _Rescue, events: list[Any], i: int) -> Line | None:
    """A rescuer and their clone lifting two bodies at once: one sentence."""
    first, second = events[i], events[i + 1] if i + 1 < len(events) else None
    if second is None or second.type != "carry_start" or second.minute != first.minute:
        return None
    if first.took_from or second.took_from or r.role(second.carrier) != "clone":
        return None
    for e in (first, second):
        r.carries[e.carrier] = e
    return r.n.line(
        "carry_pair",
        (first.carrier, first.patient, second.patient),
        a=r.p(first.carrier),
        load_b=r.load(first.patient),
        load_c=r.load(second.patient),
    )


def _tell(r: _Rescue, e: Any) -> list[Line | None]:
    n = r.n
    t = e.type
    if t == "beast_sustains":
        return [n.line(f"beast_sustains_{e.effect}", (e.unit,), a=r.p(e.unit), beast=e.beast)]
    if t == "beast_spent":
        return [n.line("beast_spent", (e.unit,), a=r.p(e.unit), beast=e.beast)]
    if t == "vigil":
        r.stayed = True
        if e.patient is None:
            return [n.line("vigil_alone", (e.unit,), a=r.p(e.unit))]
        r.watchers[e.patient] = e.unit
        beat = "vigil_dead" if e.patient in r.dead else f"vigil_{e.why}"
        return [n.line(beat, (e.unit, e.patient), a=r.p(e.unit), b=r.p(e.patient))]
    if t == "departs":
        beat = "departs" if e.toward else "departs_plain"
        return [n.line(beat, (e.unit,), a=r.p(e.unit), toward=e.toward)]
    if t == "rescuer_arrives":
        return _arrives(r, e)
    if t == "catch_up":
        return [
            n.line(
                "catch_up",
                (e.unit, e.carrier, e.patient),
                a=r.p(e.unit),
                b=r.p(e.carrier),
                c=r.p(e.patient),
                where=n.where(e.metres),
            )
        ]
    if t == "triage":
        return [_triage(r, e)]
    if t == "clone_made":
        return [n.line("rescue_clone", (e.unit,), a=r.p(e.unit))]
    if t == "carry_start":
        return [_carry(r, e)]
    if t in ("messenger_sent", "messenger_arrives", "medics_depart"):
        return _word(r, e)
    if t == "meet":
        return [_meet(r, e)]
    if t == "stabilised":
        return [_stabilised(r, e)]
    if t == "death":
        return [_death(r, e)]
    if t == "arrive_village":
        return [_arrive(r, e)]
    return []


def _arrives(r: _Rescue, e: Any) -> list[Line | None]:
    n = r.n
    a = r.p(e.unit)
    member = r.cast.get(e.unit)
    out: list[Line | None] = []
    first = not r.arrived
    r.arrived.add(e.unit)
    for host in _sustained(r, e.minute) if first and _one_of_theirs(r, e.unit) else []:
        # "Soon, he felt the presence of Kakashi and felt relieved."
        beast = r.beasts[host]
        out.append(n.line("beast_senses", (host, e.unit), a=a, b=r.p(host), beast=beast))
    if member is not None and member.role == "team":
        out.append(n.line("team_arrives", (e.unit,), a=a, place=n.place_name()))
    elif a.relation:
        out.append(n.line("rescuer_arrives_related", (e.unit,), a=a, place=n.place_name()))
    else:
        out.append(n.line("rescuer_arrives", (e.unit,), a=a, place=n.place_name()))
    fallen = [u.uid for u in n.battle.units if u.role == "fighter" and u.status != "ok"]
    if a.relation and fallen and not r.stayed and not any(r.carries.values()):
        beat = "first_look_two" if len(fallen) == 2 else "first_look"
        out.append(n.line(beat, (e.unit, *fallen), a=a, b=r.p(fallen[0])))
    if a.relation:  # the teacher looks at every one of them, the one standing too
        for uid in _still_here(r, e.minute):
            out.append(n.line("checks_standing", (e.unit, uid), a=a, b=r.p(uid)))
    return out


def _one_of_theirs(r: _Rescue, rescuer: str) -> bool:
    """Whether the rescuer comes from the village of the fighters whose beast waits for
    them (the fox is glad of Kakashi; Shukaku has no reason to be glad of Guy)."""
    spec = r.n.pack.fighters.get(rescuer)
    hosts = [r.n.battle.unit(uid).spec for uid in r.beasts]
    return spec is not None and any(h.village == spec.village for h in hosts)


def _sustained(r: _Rescue, minute: float) -> list[str]:
    """Fighters whose beast is keeping them alive when someone first comes."""
    dead = {e.unit for e in r.after.events if e.type == "death" and e.minute <= minute}
    return [uid for uid in r.beasts if uid not in dead]


def _still_here(r: _Rescue, minute: float) -> list[str]:
    """Fighters standing at the end who are still at the battle's place at ``minute``."""
    gone = {
        e.unit
        for e in r.after.events
        if e.type in ("departs", "arrive_village") and e.minute <= minute
    }
    return [
        u.uid
        for u in r.n.battle.units
        if u.role == "fighter" and u.status == "ok" and u.uid not in gone
    ]


def _triage(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    about = (e.unit, e.patient)
    a, b = r.p(e.unit), r.p(e.patient)
    if e.finding == "dead":
        r.dead.add(e.patient)
        return n.line("triage_dead", about, a=a, b=b)
    if e.finding == "stable":
        return n.line("triage_stable", about, a=a, b=b)
    r.alive.append(e.patient)
    beast = r.n.battle.unit(e.patient).spec.beast
    if e.beast and beast is not None:
        return n.line("triage_beast", about, a=a, b=b, beast=beast.name)
    left = time_words(n, e.minutes_left or 0.0)
    return n.line("triage_alive", about, a=a, b=b, left=left)


def _carry(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    r.carries[e.carrier] = e
    prior = r.carries.pop(e.took_from, None) if e.took_from else None
    a, c = r.p(e.carrier), r.p(e.patient)
    dead = e.patient in r.dead
    about = (e.carrier, e.patient)
    if e.took_from is None:
        if r.role(e.carrier) == "fighter":
            beat = "victor_carries_dead" if dead else "victor_carries"
        else:
            beat = "carry_dead" if dead else "carry_living"
        return n.line(beat, about, a=a, b=c)
    b = r.p(e.took_from)
    if prior is not None and r.role(e.took_from) == "fighter":
        beat = "take_over_dead" if dead else "take_over"
        return n.line(beat, (*about, e.took_from), a=a, b=b, c=c)
    beat = "handover_dead" if dead else "handover"
    return n.line(beat, (*about, e.took_from), a=a, b=b, c=c, load=r.load(e.patient))


def _word(r: _Rescue, e: Any) -> list[Line | None]:
    n = r.n
    if e.type == "messenger_sent":
        living = [p for p in r.alive if p not in r.dead]
        if e.alive and living:
            names = [r.p(uid).short for uid in living]
            b = (
                r.p(living[0])
                if len(living) == 1
                else Person(join_words(names), join_words(names), "they")
            )
            return [
                n.line(
                    "messenger_alive",
                    (e.by, e.unit, *living),
                    a=r.p(e.by),
                    m=r.p(e.unit),
                    b=b,
                    village=n.village,
                )
            ]
        return [
            n.line("messenger_dead", (e.by, e.unit), a=r.p(e.by), m=r.p(e.unit), village=n.village)
        ]
    if e.type == "messenger_arrives":
        sent = next(x for x in r.after.events if x.type == "messenger_sent" and x.unit == e.unit)
        took = time_words(n, e.minute - sent.minute)
        return [
            n.line("messenger_arrives", (e.unit,), m=r.p(e.unit), village=n.village, took=took),
            _race(r, e),
        ]
    group = _group(r, e.units)
    beat = {"word": "relief_departs", "search": "relief_search"}.get(e.why, "relief_arrival")
    return [n.line(beat, tuple(e.units), group=group, village=n.village)]


def _race(r: _Rescue, e: Any) -> Line | None:
    """Where the carriers were on the road when the messenger got there."""
    n = r.n
    length = n.scenario.route.length if n.scenario else 0
    carrying = []
    for carrier, start in r.carries.items():
        pos = min(length, start.metres + start.speed * (e.minute - start.minute))
        carrying.append((length - pos, carrier, start.patient))
    if not carrying:
        return None
    carrying.sort()
    left, lead, load = carrying[0]
    values: dict[str, Any] = {
        "a": r.p(lead),
        "m": r.p(e.unit),
        "load": r.load(load),
        "gap": distance_words(n, left),
    }
    if len(carrying) == 1:
        return n.line("race_one", (lead, e.unit, load), **values)
    _, second, second_load = carrying[1]
    about = (lead, second, e.unit, load, second_load)
    return n.line("race_two", about, b=r.p(second), load_b=r.load(second_load), **values)


def _meet(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    group = _group(r, e.units)
    b = r.p(e.patient)
    r.in_care.add(e.patient)
    if e.carrier is None:
        return n.line("meet_field", (e.patient,), group=group, b=b, load=r.load(e.patient))
    beat = "meet_dead" if e.patient in r.dead else "meet"
    return n.line(
        beat,
        (e.carrier, e.patient),
        group=group,
        a=r.p(e.carrier),
        b=b,
        where=n.where(e.metres),
        load=r.load(e.patient),
    )


def _stabilised(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    b = r.p(e.unit)
    r.saved.add(e.unit)
    if e.by == "hospital":
        return n.line("stabilised_hospital", (e.unit,), b=b, village=n.village)
    if r.role(e.by) in ("member", "rescuer", "team"):
        return n.line("stabilised_medic", (e.by, e.unit), a=r.p(e.by), b=b)
    return n.line("stabilised_beast", (e.unit,), b=b, beast=e.by)


def _death(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    r.dead.add(e.unit)
    a = r.p(e.unit)
    if e.unit in r.in_care:
        return n.line("death_in_care", (e.unit,), a=a, where=n.where(e.metres))
    if e.carrier is not None:
        return n.line(
            "death_carried", (e.unit, e.carrier), a=a, b=r.p(e.carrier), where=n.where(e.metres)
        )
    watcher = r.watchers.get(e.unit)
    if watcher is not None and e.metres == 0:  # died where they fell, someone beside them
        return n.line(
            "death_watched", (e.unit, watcher), a=a, b=r.p(watcher), where=n.where(e.metres)
        )
    beside = _lying_beside(r, e.unit) if e.metres == 0 else None
    if beside is not None:  # "looking to be at peace", the two of them on the ground
        about = (e.unit, beside)
        return n.line("death_beside", about, a=a, b=r.p(beside), where=n.where(e.metres))
    return n.line("death_alone", (e.unit,), a=a, where=n.where(e.metres))


def _lying_beside(r: _Rescue, uid: str) -> str | None:
    """Another fallen fighter still lying at the battle's place, unconscious."""
    for u in r.n.battle.units:
        if u.role != "fighter" or u.uid == uid or u.status == "ok" or u.uid in r.dead:
            continue
        if any(c.patient == u.uid for c in r.carries.values()):
            continue
        return u.uid
    return None


def _arrive(r: _Rescue, e: Any) -> Line | None:
    n = r.n
    a = r.p(e.unit)
    role = r.role(e.unit)
    if e.carrying is not None:
        r.carries.pop(e.unit, None)
        beat = "arrive_dead" if e.carrying in r.dead else "arrive_living"
        return n.line(
            beat,
            (e.unit, e.carrying),
            a=a,
            b=r.p(e.carrying),
            village=n.village,
            load=r.load(e.carrying),
        )
    if role == "fighter":
        return n.line("walks_in", (e.unit,), a=a, village=n.village)
    if role == "rescuer" and a.relation:
        fallen = _fallen(r)
        students = join_words([r.p(uid).short for uid in fallen])
        left = [uid for uid, f in n.aftermath.fates.items() if f.fate == "departed"]
        if any(uid in r.dead for uid in fallen):
            beat = "teacher_returns_grief"
        elif left:  # one of them chose to go: nothing to be easy about
            students = join_words([r.p(uid).short for uid in left])
            beat = "teacher_returns_departed"
        elif any(uid not in r.saved for uid in fallen):
            beat = "teacher_returns_worry_two" if len(fallen) == 2 else "teacher_returns_worry"
        else:
            beat = "teacher_returns"
        about = (e.unit, *fallen, *[uid for uid in left if uid not in fallen])
        return n.line(beat, about, a=a, village=n.village, students=students)
    return None


def _fallen(r: _Rescue) -> list[str]:
    """Fallen fighters, the dying first."""
    units = [u for u in r.n.battle.units if u.role == "fighter" and u.status != "ok"]
    units.sort(key=lambda u: u.uid in r.dead)
    return [u.uid for u in units]


def _group(r: _Rescue, units: tuple[str, ...]) -> str:
    """``three ANBU and two medical ninja``, for the members of the village's team."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for uid in units:
        member = r.cast.get(uid)
        key = (member.of or member.id) if member is not None else uid
        word = r.n.names.get(key, {}).get("many") or key
        counts[word] = counts.get(word, 0) + 1
        names[word] = key
    parts = [r.n.group_word(names[w], w, c) for w, c in counts.items()]
    return join_words(parts)
