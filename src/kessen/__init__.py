"""Kessen: simulate ninja battles and their aftermath, and tell the story.

>>> import kessen
>>> pack = kessen.load_starter_pack()
>>> battle = kessen.Battle([[pack.fighter("naruto")], [pack.fighter("sasuke")]], seed=7)
>>> players = [kessen.make_player("heuristic", 7, side) for side in (0, 1)]
>>> kessen.play_out(battle, players).over
True
"""

from kessen.content import Pack, load_pack, load_starter_pack
from kessen.engine import Battle, Choice, Fighter, Technique
from kessen.errors import (
    ChoiceSyntaxError,
    ContentError,
    IllegalChoiceError,
    KessenError,
    RecordError,
    UnknownNameError,
)
from kessen.players import make_player, play_out

__version__ = "0.1.0"

__all__ = [
    "Battle",
    "Choice",
    "ChoiceSyntaxError",
    "ContentError",
    "Fighter",
    "IllegalChoiceError",
    "KessenError",
    "Pack",
    "RecordError",
    "Technique",
    "UnknownNameError",
    "__version__",
    "load_pack",
    "load_starter_pack",
    "make_player",
    "play_out",
]
