"""The ``kessen`` command line: thin adapters over the engine and the parts around it."""
