"""Tests of the ``duel`` and ``roster`` commands."""
