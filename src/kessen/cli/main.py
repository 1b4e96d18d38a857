"""The ``kessen`` command: one Typer app, one module per command group.

Each module in :data:`COMMAND_MODULES` has a ``register(app)`` function.  Errors Kessen
raises on purpose are printed as one line and exit with code 2.
"""

from __future__ import annotations

import importlib
import sys

import typer

from kessen.errors import KessenError

__all__ = ["app", "main"]

COMMAND_MODULES = (
    "duel",
    "roster",
    "content",
    "story",
    "odds",
    "arena",
    "play",
    "replay",
    "sim",
    "history",
)

app = typer.Typer(
    name="kessen",
    help="Kessen: simulate ninja battles and their aftermath, and tell the story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        qualified = f"kessen.cli.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name == qualified:
                continue  # a command group not built yet
            raise
        module.register(app)


_register_all()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (2 for bad input)."""
    try:
        app(args=argv, standalone_mode=False)
    except KessenError as exc:
        print(f"kessen: error: {exc}", file=sys.stderr)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("kessen: aborted", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # click's usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return 2
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
