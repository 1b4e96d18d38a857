"""A seed of any length: ``battles.seed`` becomes TEXT (it was VARCHAR(40)).

A record's seed is any whole number (``kessen duel --seed`` takes one of any size), but
PostgreSQL refused to store one of more than 40 characters.  On SQLite, which does not
enforce the length, the table is rebuilt (Alembic's batch mode) with its rows; Kessen
turns foreign keys off around migrations there, so rebuilding ``battles`` does not
cascade into ``battle_fighters``.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("battles") as batch:
        batch.alter_column(
            "seed", type_=sa.Text(), existing_type=sa.String(40), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("battles") as batch:
        batch.alter_column(
            "seed", type_=sa.String(40), existing_type=sa.Text(), existing_nullable=False
        )
