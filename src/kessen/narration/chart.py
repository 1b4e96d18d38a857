"""The chart of a fight: each fighter's health and chakra, turn by turn, as a PNG.

Drawn with matplotlib's Agg backend (no display needed) and returned as bytes, so an
HTML page can embed it as base64.
"""

from __future__ import annotations

import io
from typing import Any

__all__ = ["chart_png", "fight_series"]

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
    """Health and chakra of each fighter over the turns, as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5, 4.2), dpi=100)
    FigureCanvasAgg(fig)  # the Agg canvas: no display, no global pyplot state
    health_ax, chakra_ax = fig.subplots(1, 2, sharex=True)
    for i, (name, points) in enumerate(series.items()):
        turns = [p[0] for p in points]
        colour = _COLOURS[i % len(_COLOURS)]
        health_ax.plot(turns, [p[1] for p in points], marker="o", color=colour, label=name)
        chakra_ax.plot(
            turns, [p[2] for p in points], marker="s", linestyle="--", color=colour, label=name
        )
    health_ax.set_title("Health")
    chakra_ax.set_title("Chakra")
    from matplotlib.ticker import MaxNLocator

    for ax in (health_ax, chakra_ax):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("turn")
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    health_ax.legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
