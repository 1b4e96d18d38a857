"""What a run plays, written small enough to send to any worker on any machine.

A worker receives a :class:`MatchSpec` (a few strings and numbers) and a range of battle
indices, never fighters or battles: it loads the pack itself, once per process, and
builds everything from names.

>>> spec = MatchSpec(("naruto", "sasuke"), seed=7)
>>> spec.players, spec.pack.describe()
(('heuristic', 'heuristic'), 'the starter pack')
>>> spec.check().name
'starter'
>>> MatchSpec(("naruto", "sasuk"), seed=7).check()
Traceback (most recent call last):
...
kessen.errors.UnknownNameError: unknown fighter 'sasuk'; did you mean sasuke?
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from kessen.content import Pack, load_pack, load_starter_pack, parse_pack
from kessen.engine import DEFAULT_TURN_LIMIT, Battle
from kessen.errors import KessenError, UnknownNameError
from kessen.players import make_player, play_out, player_names

__all__ = ["MatchSpec", "PackSource", "pack_info", "play_battle"]


@dataclass(frozen=True)
class PackSource:
    """Where a worker finds the pack: the starter pack, a file, or the TOML text itself.

    The text form is for machines that do not share a file system with the caller (a Ray
    cluster): :meth:`portable` turns a file into its text before the work is sent.
    """

    path: str | None = None
    text: str | None = field(default=None, repr=False)

    def load(self) -> Pack:
        if self.text is not None:
            return parse_pack(self.text, source=self.path or "<pack>")
        if self.path is not None:
            return load_pack(self.path)
        return load_starter_pack()

    def portable(self) -> PackSource:
        """The same pack, carried as text so that it loads where the file is not."""
        if self.path is None or self.text is not None:
            return self
        try:
            return PackSource(self.path, Path(self.path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            return self  # load() will report the problem with the file's name

    def describe(self) -> str:
        return "the starter pack" if self.path is None and self.text is None else str(self.path)

    @classmethod
    def of(cls, path: str | Path | None) -> PackSource:
        """The starter pack for ``None``, else the file at ``path`` (made absolute)."""
        return cls() if path is None else cls(str(Path(path).resolve()))


@dataclass(frozen=True)
class MatchSpec:
    """A matchup and how to play it: sides (``naruto`` or ``naruto+kakashi``), players,
    master seed, pack, turn limit and the fighters with everything at stake."""

    sides: tuple[str, str]
    seed: int
    players: tuple[str, str] = ("heuristic", "heuristic")
    pack: PackSource = PackSource()
    turn_limit: int = DEFAULT_TURN_LIMIT
    stakes: tuple[str, ...] = ()
    #: The pack's hash as the caller loaded it; workers refuse to play another version.
    pack_hash: str | None = None

    def check(self, pack: Pack | None = None) -> Pack:
        """Load the pack (unless given) and check every name, so that bad input fails
        before any work starts; returns the pack."""
        pack = pack or self.pack.load()
        for side in self.sides:
            pack.team(side)
        known = player_names()
        for name in self.players:
            if name not in known:
                from kessen.content.loader import suggest

                raise UnknownNameError("player", name, suggest(name, known))
        if self.turn_limit < 1:
            raise KessenError(f"the turn limit must be at least 1, not {self.turn_limit}")
        return pack

    def pinned(self, pack: Pack) -> MatchSpec:
        """This spec, bound to the exact pack the caller checked (by its hash)."""
        return replace(self, pack_hash=pack.hash)


def play_battle(spec: MatchSpec, seed: int, pack: Pack | None = None) -> Battle:
    """Play one whole battle of ``spec`` with battle seed ``seed``: what ``kessen duel``
    plays for the same sides, players and seed."""
    pack = pack or spec.pack.load()
    sides = [pack.team(spec.sides[0]), pack.team(spec.sides[1])]
    battle = Battle(
        sides, seed=seed, turn_limit=spec.turn_limit, stakes=spec.stakes, catalog=pack.catalog
    )
    players = [make_player(spec.players[side], seed, side) for side in (0, 1)]
    return play_out(battle, players)


def pack_info(pack: Pack | None) -> dict[str, str] | None:
    """The pack's identity as results record it: name, version and hash of its data."""
    if pack is None:
        return None
    return {"name": pack.name, "version": pack.version, "hash": pack.hash}
