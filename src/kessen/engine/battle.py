"""A battle: the state, the legal choices, and a turn at a time.

>>> from kessen.engine.model import Fighter, Technique
>>> punch = Technique("punch", "Punch", kind="taijutsu", power=30)
>>> a = Fighter("a", "A", health=100, chakra=50, techniques=(punch,))
>>> b = Fighter("b", "B", health=100, chakra=50, techniques=(punch,))
>>> battle = Battle([[a], [b]], seed=1)
>>> [c.notation() for c in battle.legal_choices("p1.a")]
['p1.a punch p2.b', 'p1.a rest', 'p1.a guard']
>>> events = battle.play_turn(["p1.a punch p2.b", "p2.b guard"])
>>> [e.type for e in events][:3]
['choice', 'choice', 'guard']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kessen.engine import events as ev
from kessen.engine.choice import Choice
from kessen.engine.legal import legal_choices
from kessen.engine.model import Fighter
from kessen.engine.rng import RandomStream
from kessen.engine.turn import resolve_turn, stakes_bonus
from kessen.engine.unit import OK, Unit, clone_of
from kessen.errors import ChoiceSyntaxError, IllegalChoiceError, KessenError

__all__ = ["DEFAULT_TURN_LIMIT", "Battle"]

DEFAULT_TURN_LIMIT = 40
SIDE_NAMES = ("p1", "p2")

# A spec's clone spec, by the id of the spec (held, so that no other spec can be given
# its id while it is here).  Specs are frozen, so every battle can share one clone spec:
# then the engine's, the environment's and the players' caches keyed by a clone's spec
# carry over from one battle to the next instead of starting afresh with every battle.
_CLONE_SPECS: dict[int, tuple[Fighter, Fighter]] = {}
_CLONE_SPECS_SIZE = 4096


class Battle:
    """Two sides of units, one seeded random stream, and the turns played so far.

    ``sides`` holds, for each of the two sides, the fighters that start on it.  ``stakes``
    names fighter ids whose resolve burns from the first turn (friends counting on them),
    at half the strength it reaches in desperation.
    Same sides, seed and choices: the same events, on any machine.
    """

    def __init__(
        self,
        sides: Sequence[Sequence[Fighter]],
        seed: int,
        *,
        turn_limit: int = DEFAULT_TURN_LIMIT,
        stakes: Iterable[str] = (),
        catalog: Mapping[str, Fighter] | None = None,
    ) -> None:
        if len(sides) != 2 or not all(sides):
            raise KessenError("a battle needs two sides of at least one fighter each")
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise KessenError(f"the seed must be a whole number, not {seed!r}")
        if turn_limit < 1:
            raise KessenError(f"the turn limit must be at least 1, not {turn_limit}")
        self.seed = seed
        self.turn_limit = turn_limit
        self.rng = RandomStream(seed)
        self.turn = 0
        self.units: list[Unit] = []
        self._by_uid: dict[str, Unit] = {}
        self._clone_specs: dict[str, Fighter] = {}
        self.catalog: dict[str, Fighter] = dict(catalog or {})
        self.winner: int | None = None
        self.end_reason: str | None = None
        self.inputs: list[tuple[Choice, ...]] = []
        self._legal: dict[str, tuple[Choice, ...]] = {}
        self._legal_turn = -1
        stakes = set(stakes)
        for side, fighters in enumerate(sides):
            for spec in fighters:
                self.catalog.setdefault(spec.id, spec)
                for tech in spec.techniques:
                    if tech.summon is not None:
                        self.catalog.setdefault(tech.summon.id, tech.summon)
                unit = self.add_unit(spec, side, "fighter", None)
                unit.stakes = spec.id in stakes
        self.events: list = [
            ev.BattleStart(0, seed, tuple(tuple(u.uid for u in self.side(s)) for s in (0, 1)))
        ]
        for u in self.units:
            if u.stakes and u.spec.resolve:
                u.resolve_bonus = stakes_bonus(u.spec.resolve)
                self.events.append(ev.Resolve(0, u.uid, u.resolve_bonus, "stakes"))

    # -- reading the state ---------------------------------------------------------------

    @property
    def over(self) -> bool:
        return self.end_reason is not None

    def unit(self, uid: str) -> Unit:
        """The unit with id ``uid``; :class:`IllegalChoiceError` if there is none."""
        try:
            return self._by_uid[uid]
        except KeyError:
            known = ", ".join(self._by_uid)
            raise IllegalChoiceError(f"no unit {uid!r} in this battle (units: {known})") from None

    def side(self, side: int) -> list[Unit]:
        """The units of side 0 or 1, in field order."""
        return [u for u in self.units if u.side == side]

    def pending(self, side: int | None = None) -> list[str]:
        """Ids of the units that must choose this turn (of one side, or of both)."""
        if self.over:
            return []
        return [
            u.uid
            for u in self.units
            if u.status == OK and u.stun == 0 and (side is None or u.side == side)
        ]

    def legal_choices(self, uid: str) -> tuple[Choice, ...]:
        """Every choice unit ``uid`` may make this turn (empty if it cannot act)."""
        if self._legal_turn != self.turn:
            self._legal.clear()
            self._legal_turn = self.turn
        cached = self._legal.get(uid)
        if cached is None:
            unit = self._by_uid.get(uid) or self.unit(uid)  # self.unit() raises the error
            cached = () if self.end_reason is not None else legal_choices(unit, self.units)
            self._legal[uid] = cached
        return cached

    # -- playing -------------------------------------------------------------------------

    def parse_choice(self, text: str, side: int | None = None) -> Choice:
        """Read a choice, accepting short unit names (``naruto`` for ``p1.naruto``).

        A technique written without chakra pours in its cost (no charge).
        """
        choice = Choice.parse(text)
        unit = self._resolve_name(choice.unit, side, text)
        target = choice.target
        if target is not None:
            target = self._resolve_name(target, None, text)
        chakra = choice.chakra
        if not chakra:
            # Left out, the chakra is the technique's cost: the plain, uncharged use.
            tech = self._by_uid[unit].spec.technique(choice.action)
            if tech is not None:
                chakra = tech.cost
        return Choice(unit, choice.action, target, chakra)

    def _resolve_name(self, name: str, side: int | None, text: str) -> str:
        if name in self._by_uid:
            return name
        found = [
            u.uid
            for u in self.units
            if u.uid.split(".", 1)[1] == name and (side is None or u.side == side)
        ]
        if len(found) == 1:
            return found[0]
        if not found:
            raise ChoiceSyntaxError(f"in {text!r}: no unit called {name!r}")
        raise ChoiceSyntaxError(f"in {text!r}: {name!r} could be {' or '.join(found)}")

    def validate(self, choices: Iterable[Choice | str]) -> dict[str, Choice]:
        """Check a whole turn's choices without changing anything; returns them by unit."""
        if self.over:
            raise IllegalChoiceError(f"the battle is over (turn {self.turn})")
        by_unit: dict[str, Choice] = {}
        for item in choices:
            if isinstance(item, str):
                choice = self.parse_choice(item)
            elif (
                isinstance(item, Choice)
                and isinstance(item.unit, str)
                and isinstance(item.action, str)
                and (item.target is None or isinstance(item.target, str))
                and type(item.chakra) is int
            ):
                choice = item
            else:
                raise ChoiceSyntaxError(
                    f"turn {self.turn + 1}: a choice is a Choice or its notation, not {item!r}"
                )
            if choice.unit in by_unit:
                raise IllegalChoiceError(f"two choices for {choice.unit} in one turn")
            if choice not in self.legal_choices(choice.unit):
                raise IllegalChoiceError(self._why_illegal(choice))
            by_unit[choice.unit] = choice
        missing = [
            u.uid for u in self.units if u.status == OK and u.stun == 0 and u.uid not in by_unit
        ]  # self.pending(), less the chosen, in one pass
        if missing:
            raise IllegalChoiceError(f"turn {self.turn + 1}: no choice for {', '.join(missing)}")
        return by_unit

    def _why_illegal(self, choice: Choice) -> str:
        unit = self.unit(choice.unit)
        head = f"turn {self.turn + 1}: {choice.notation()!r} is not allowed"
        if unit.status != OK:
            return f"{head}: {unit.uid} is {unit.status} and cannot act"
        if unit.stun:
            return f"{head}: {unit.uid} is stunned"
        if choice.action not in ("rest", "guard"):
            tech = unit.spec.technique(choice.action)
            if tech is None:
                return f"{head}: {unit.uid} knows no technique {choice.action!r}"
            if unit.cooldowns.get(tech.id):
                return f"{head}: {tech.name} is cooling down ({unit.cooldowns[tech.id]} turns)"
            if unit.chakra < choice.chakra or unit.chakra < tech.cost:
                return f"{head}: {unit.uid} has {unit.chakra} chakra"
            options = [c.notation() for c in self.legal_choices(unit.uid) if c.action == tech.id]
            if options:
                return f"{head}: allowed with {tech.name}: {'; '.join(options[:6])}"
            return f"{head}: {tech.name} cannot be used now"
        return f"{head}: check the target and chakra"

    def play_turn(self, choices: Iterable[Choice | str] | Mapping[str, Choice]) -> list:
        """Play one turn with a choice for every pending unit; returns the turn's events.

        Raises :class:`IllegalChoiceError` or :class:`ChoiceSyntaxError` and changes nothing
        if any choice is wrong.
        """
        items = choices.values() if isinstance(choices, Mapping) else choices
        by_unit = self.validate(items)
        # In field order: every unit chosen for is on the field (validate checked).
        self.inputs.append(tuple([by_unit[u.uid] for u in self.units if u.uid in by_unit]))
        events = resolve_turn(self, by_unit)
        self.events.extend(events)
        return events

    # -- used by the rules ---------------------------------------------------------------

    def add_unit(
        self,
        spec: Fighter,
        side: int,
        role: str,
        origin: str | None,
        chakra: int | None = None,
    ) -> Unit:
        """Put a new unit on the field with a fresh, readable id."""
        base = f"{SIDE_NAMES[side]}.{spec.id}"
        if role == "clone":
            base = f"{origin}-clone"
        uid, n = base, 1
        while uid in self._by_uid or (role == "clone" and uid == base):
            n += 1
            uid = f"{base}{n - 1}" if role == "clone" else f"{base}{n}"
        unit = Unit(uid, side, spec, role, origin, chakra)
        self.units.append(unit)
        self._by_uid[uid] = unit
        self._legal_turn = -1
        return unit

    def clone_spec(self, spec: Fighter) -> Fighter:
        cached = self._clone_specs.get(spec.id)
        if cached is None:
            cached = self._clone_specs[spec.id] = _shared_clone_of(spec)
        return cached

    def check_end(self, out: list) -> None:
        standing = [False, False]
        for u in self.units:
            if u.role == "fighter" and u.status == OK:
                standing[u.side] = True
        if standing[0] and standing[1]:
            if self.turn >= self.turn_limit:
                self._end(None, "turn_limit", out)
            return
        if not standing[0] and not standing[1]:
            self._end(None, "draw", out)
        else:
            self._end(0 if standing[0] else 1, "defeat", out)

    def _end(self, winner: int | None, reason: str, out: list) -> None:
        self.winner = winner
        self.end_reason = reason
        out.append(ev.BattleEnd(self.turn, winner, reason))

    # -- saving and restoring ------------------------------------------------------------

    def copy(self) -> Battle:
        """An independent copy of the whole state (for players that look ahead).

        The copy's event log starts empty; its random stream continues from the same state.
        """
        other = Battle.__new__(Battle)
        other.seed = self.seed
        other.turn_limit = self.turn_limit
        other.rng = RandomStream(0)
        other.rng.state = self.rng.state
        other.turn = self.turn
        other.catalog = self.catalog
        other._clone_specs = self._clone_specs
        other.winner = self.winner
        other.end_reason = self.end_reason
        other.inputs = list(self.inputs)
        other.events = []
        other._legal = {}
        other._legal_turn = -1
        other.units = []
        other._by_uid = {}
        for u in self.units:
            c = Unit.__new__(Unit)
            for name in Unit.__slots__:
                setattr(c, name, getattr(u, name))
            c.cooldowns = dict(u.cooldowns)
            other.units.append(c)
            other._by_uid[c.uid] = c
        return other

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-ready data; :meth:`restore` brings it back."""
        return {
            "seed": self.seed,
            "rng": self.rng.state,
            "turn": self.turn,
            "turn_limit": self.turn_limit,
            "winner": self.winner,
            "end_reason": self.end_reason,
            "units": [u.to_dict() for u in self.units],
            "inputs": [[c.notation() for c in turn] for turn in self.inputs],
        }

    @classmethod
    def restore(cls, data: Mapping[str, Any], catalog: Mapping[str, Fighter]) -> Battle:
        """Rebuild a battle from :meth:`snapshot`; ``catalog`` maps spec ids to fighters."""
        battle = cls.__new__(cls)
        battle.seed = data["seed"]
        battle.turn_limit = data["turn_limit"]
        battle.rng = RandomStream(0)
        battle.rng.state = data["rng"]
        battle.turn = data["turn"]
        battle.units = []
        battle._by_uid = {}
        battle._clone_specs = {}
        battle.catalog = dict(catalog)
        battle.winner = data["winner"]
        battle.end_reason = data["end_reason"]
        battle.inputs = [tuple(Choice.parse(c) for c in turn) for turn in data["inputs"]]
        battle._legal = {}
        battle._legal_turn = -1
        battle.events = []
        for item in data["units"]:
            try:
                spec = catalog[item["spec"]]
            except KeyError:
                raise KessenError(f"cannot restore: no fighter {item['spec']!r}") from None
            if item["role"] == "clone":
                spec = battle.clone_spec(spec)
            unit = Unit(item["uid"], item["side"], spec, item["role"], item["origin"])
            unit.load_state(item)
            unit.cooldowns = dict(item["cooldowns"])
            battle.units.append(unit)
            battle._by_uid[unit.uid] = unit
        return battle


def _shared_clone_of(spec: Fighter) -> Fighter:
    """:func:`~kessen.engine.unit.clone_of`, the same object for the same spec."""
    known = _CLONE_SPECS.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    if len(_CLONE_SPECS) >= _CLONE_SPECS_SIZE:
        _CLONE_SPECS.clear()
    clone = clone_of(spec)
    _CLONE_SPECS[id(spec)] = (spec, clone)
    return clone
