"""Content: packs of fighters, techniques and summons, loaded from TOML and validated."""

from kessen.content.loader import Pack, check_pack, load_pack, load_starter_pack, parse_pack

__all__ = ["Pack", "check_pack", "load_pack", "load_starter_pack", "parse_pack"]
