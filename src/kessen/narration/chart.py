"""The chart of a fight: each fighter's health and chakra, turn by turn.

Drawn with matplotlib without a display: as SVG text for the HTML page (vector, so it
stays sharp on any screen and scales to a phone's width), or as PNG bytes.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

__all__ = ["chart_png", "chart_svg", "fight_series"]

_COLOURS = ("#e8731a", "#2a5db0", "#2e9e5b", "#b03a2e", "#7d4fb0", "#8a6d3b")


def fight_series(battle: Any, names: dict[str, str]) -> dict[str, list[tuple[int, int, int]]]:
    """Per fighter (by display name, made unique): ``(turn, health, chakra)`` from the start
    to the end."""
    label: dict[str, str] = {}
    for u in battle.units:
        if u.role == "fighter":
            name = names[u.uid]
            label[u.uid] = name if name not in label.values() else f"{name} ({u.uid})"
    series = {
        label[u.uid]: [(0, u.max_health, u.max_chakra)] for u in battle.units if u.uid in label
    }
    for e in battle.events:
        if e.type == "turn_end":
            for s in e.units:
                if s.unit in label:
                    series[label[s.unit]].append((e.turn, s.health, s.chakra))
    return series


def chart_png(series: dict[str, list[tuple[int, int, int]]], title: str) -> bytes:
    """Health and chakra of each fighter over the turns, as PNG bytes (drawn at twice
    the size, for high-resolution screens)."""
    fig = _figure(series, title)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=200, metadata={"Software": None})
    return out.getvalue()


def chart_svg(series: dict[str, list[tuple[int, int, int]]], title: str) -> str:
    """The same chart as an SVG element that scales to its container (no fixed size),
    the same bytes for the same series."""
    import matplotlib

    fig = _figure(series, title)
    out = io.StringIO()
    # A fixed salt for the element ids and no date: the same story, the same page.
    with matplotlib.rc_context({"svg.hashsalt": "kessen", "svg.fonttype": "none"}):
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    start = text.index("<svg")
    svg = text[start:]
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    label = html.escape(f"{title}: health and chakra, turn by turn")
    return f'{head} role="img" aria-label="{label}">{rest}'


def _figure(series: dict[str, list[tuple[int, int, int]]], title: str) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # One above the other: as readable at a phone's width as on a desktop.
    fig = Figure(figsize=(6.4, 6.4), dpi=100)
    FigureCanvasAgg(fig)  # the Agg canvas: no display, no global pyplot state
    health_ax, chakra_ax = fig.subplots(2, 1, sharex=True)
    for i, (name, points) in enumerate(series.items()):
        turns = [p[0] for p in points]
        colour = _COLOURS[i % len(_COLOURS)]
        health_ax.plot(turns, [p[1] for p in points], marker="o", color=colour, label=name)
        chakra_ax.plot(
            turns, [p[2] for p in points], marker="s", linestyle="--", color=colour, label=name
        )
    health_ax.set_title("Health", fontsize=13)
    chakra_ax.set_title("Chakra", fontsize=13)
    from matplotlib.ticker import MaxNLocator

    chakra_ax.set_xlabel("turn", fontsize=12)
    for ax in (health_ax, chakra_ax):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(labelsize=11)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    health_ax.legend(fontsize=11)
    fig.suptitle(title, fontsize=14)
    fig.tight_layout()
    return fig
