"""``kessen sim``: a versioned line protocol any program can speak to fight battles.

The client starts a battle, receives a request (with an id) per side listing its legal
choices, answers with choices naming the request, and receives each turn's events.  Bad
lines get an ``error`` line and change nothing.  Described in ``docs/protocol.md``.
"""

from kessen.protocol.commands import parse_line
from kessen.protocol.messages import ERROR_CODES
from kessen.protocol.server import serve
from kessen.protocol.session import GREETING, MAX_LINE, PROTOCOL_VERSION, SimSession
from kessen.protocol.setup import CLIENT, OPTIONS

__all__ = [
    "CLIENT",
    "ERROR_CODES",
    "GREETING",
    "MAX_LINE",
    "OPTIONS",
    "PROTOCOL_VERSION",
    "SimSession",
    "parse_line",
    "serve",
]
