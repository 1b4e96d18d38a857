"""The tables: one row per stored battle, one row per fighter who started in it.

The fighters have a table of their own so that ``kessen history --fighter X`` is a plain
indexed query.  The schema is changed only through migrations (``migrations/versions``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["Base", "BattleRow", "FighterRow"]


class Base(DeclarativeBase):
    pass


class BattleRow(Base):
    """A stored battle: its identity, its result, and the whole record as text."""

    __tablename__ = "battles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    pack: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    pack_hash: Mapped[str] = mapped_column(String(64))
    # Text, because a seed may be any whole number (SQL integers stop at 2**63); of any
    # length since migration 0002.
    seed: Mapped[str] = mapped_column(Text)
    side1: Mapped[str] = mapped_column(String(500))
    side2: Mapped[str] = mapped_column(String(500))
    player1: Mapped[str] = mapped_column(String(100), index=True)
    player2: Mapped[str] = mapped_column(String(100), index=True)
    winner: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    turns: Mapped[int] = mapped_column(Integer)
    scenario: Mapped[str | None] = mapped_column(String(200), nullable=True)
    record_hash: Mapped[str] = mapped_column(String(64), unique=True)
    record: Mapped[str] = mapped_column(Text)

    fighters: Mapped[list[FighterRow]] = relationship(
        back_populates="battle", cascade="all, delete-orphan", order_by="FighterRow.id"
    )


class FighterRow(Base):
    """A fighter who started a stored battle, on side 0 or 1."""

    __tablename__ = "battle_fighters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    battle_id: Mapped[int] = mapped_column(ForeignKey("battles.id", ondelete="CASCADE"), index=True)
    side: Mapped[int] = mapped_column(Integer)
    fighter: Mapped[str] = mapped_column(String(100), index=True)

    battle: Mapped[BattleRow] = relationship(back_populates="fighters")
