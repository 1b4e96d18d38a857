"""Alembic migrations of Kessen's tables (a package so that they ship with Kessen)."""
