"""Battles and the fighters who started them.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "battles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pack", sa.String(200), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("pack_hash", sa.String(64), nullable=False),
        sa.Column("seed", sa.String(40), nullable=False),
        sa.Column("side1", sa.String(500), nullable=False),
        sa.Column("side2", sa.String(500), nullable=False),
        sa.Column("player1", sa.String(100), nullable=False),
        sa.Column("player2", sa.String(100), nullable=False),
        sa.Column("winner", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(40), nullable=True),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("scenario", sa.String(200), nullable=True),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.UniqueConstraint("record_hash", name="uq_battles_record_hash"),
    )
    op.create_index("ix_battles_player1", "battles", ["player1"])
    op.create_index("ix_battles_player2", "battles", ["player2"])
    op.create_table(
        "battle_fighters",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "battle_id",
            sa.Integer(),
            sa.ForeignKey("battles.id", ondelete="CASCADE", name="fk_battle_fighters_battle"),
            nullable=False,
        ),
        sa.Column("side", sa.Integer(), nullable=False),
        sa.Column("fighter", sa.String(100), nullable=False),
    )
    op.create_index("ix_battle_fighters_battle_id", "battle_fighters", ["battle_id"])
    op.create_index("ix_battle_fighters_fighter", "battle_fighters", ["fighter"])


def downgrade() -> None:
    op.drop_table("battle_fighters")
    op.drop_table("battles")
