"""Rewrite the golden battles after an intended change of the rules or of the golden pack.

    python tests/golden/regenerate.py            # rewrite every golden file
    python tests/golden/regenerate.py --check    # only say which would change (exit 1 if any)

Each case in ``goldens.CASES`` is played again the way it was first made (its players with
their seeds, or its script) and written as ``tests/golden/NAME.jsonl``.  Read the diff
(``git diff tests/golden``) before committing: every changed line is a changed rule.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``goldens`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from goldens import CASES, GOLDEN_DIR, golden_pack, write  # type: ignore[no-redef]
else:
    from .goldens import CASES, GOLDEN_DIR, golden_pack, write

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on change")
    args = parser.parse_args(argv)
    pack = golden_pack()
    changed = []
    with tempfile.TemporaryDirectory() as scratch:
        for case in CASES:
            fresh = write(case, pack, Path(scratch))
            target = GOLDEN_DIR / fresh.name
            old = target.read_text("utf-8") if target.exists() else None
            if old != fresh.read_text("utf-8"):
                changed.append(case.name)
                if not args.check:
                    target.write_text(fresh.read_text("utf-8"), "utf-8")
    verb = "would change" if args.check else "rewritten"
    for name in changed:
        print(f"{name}: {verb}")
    print(
        f"{len(CASES)} goldens, {len(changed)} {verb}"
        if changed
        else f"{len(CASES)} goldens, all unchanged"
    )
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
