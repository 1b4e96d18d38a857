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
    # Plain help: the rich panels of this Typer tag every flag with "<bool>".
    rich_markup_mode=None,
    context_settings={"max_content_width": 100},
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
        code = app(args=argv, standalone_mode=False)
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
    except Exception as exc:
        # Usage errors: Typer raises those of its own bundled copy of click, or click's,
        # so they are known by their shape.  Said in one line, as Kessen's own errors are.
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `kessen` or `kessen history`
            print(exc.format_message())  # type: ignore[attr-defined]
            return 2
        if callable(getattr(exc, "format_message", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            print(f"kessen: error: {exc.format_message()}{_help_hint(exc)}", file=sys.stderr)
            return int(exc.exit_code)
        raise
    return code if isinstance(code, int) else 0


def _help_hint(exc: Exception) -> str:
    context = getattr(exc, "ctx", None)
    path = getattr(context, "command_path", None)
    return f" (see '{path} --help')" if path else ""


if __name__ == "__main__":
    sys.exit(main())
