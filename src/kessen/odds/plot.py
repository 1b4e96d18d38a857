"""Pictures of odds: outcome shares with their intervals, and a tournament's heatmap.

Figures are built with matplotlib's object interface and the Agg renderer (no display,
no global pyplot state), and written as PNG.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kessen.errors import KessenError
from kessen.odds.odds import OddsResult
from kessen.odds.report import ENDING_LABELS
from kessen.odds.stats import wilson_interval
from kessen.odds.summary import ENDINGS
from kessen.odds.tournament import TournamentResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["HEATMAP_COLOURS", "NO_DATA", "heatmap_figure", "odds_figure", "save_png"]

#: The heatmap's colour map: red for a row that loses, blue for a row that wins.
HEATMAP_COLOURS = "RdBu"
#: Colour of the heatmap's empty diagonal.
NO_DATA = "#b0b0b0"
DPI = 100


def odds_figure(result: OddsResult) -> Figure:
    """Three panels: outcome shares with 95 % intervals, battle lengths, how battles ended."""
    from matplotlib.figure import Figure

    t = result.tally
    n = max(1, t.battles)
    fig = Figure(figsize=(11, 4), dpi=DPI)
    outcome, length, endings = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1, 1.3, 1.2]})
    labels = [f"{result.keys[0]}\nwins", "draws", f"{result.keys[1]}\nwins"]
    counts = [t.wins[0], t.draws, t.wins[1]]
    shares = [c / n for c in counts]
    bounds = [wilson_interval(c, t.battles) for c in counts]
    errors = [
        [s - lo for s, (lo, _) in zip(shares, bounds, strict=True)],
        [hi - s for s, (_, hi) in zip(shares, bounds, strict=True)],
    ]
    outcome.bar(labels, shares, yerr=errors, capsize=6, color=["#2b6cb0", "#a0aec0", "#c53030"])
    outcome.set_ylim(0, 1)
    outcome.set_ylabel("share of battles (95% Wilson interval)")
    outcome.set_title("Outcome")
    turns = [i for i, c in enumerate(t.lengths) if c]
    length.bar(turns, [t.lengths[i] / n for i in turns], width=0.85, color="#4a5568")
    length.set_xlabel("turns")
    length.set_ylabel("share of battles")
    length.set_title("Battle length")
    names = [e for e in ENDINGS if t.endings.get(e)]
    endings.barh(
        [ENDING_LABELS[e] for e in names], [t.endings[e] / n for e in names], color="#805ad5"
    )
    endings.invert_yaxis()
    endings.set_xlim(0, 1)
    endings.set_xlabel("share of battles")
    endings.set_title("How they ended")
    status = " (partial)" if result.partial else ""
    fig.suptitle(
        f"{result.spec.sides[0]} vs {result.spec.sides[1]}: {t.battles:,} battles, "
        f"seed {result.spec.seed}{status}"
    )
    fig.tight_layout()
    return fig


def heatmap_figure(result: TournamentResult) -> Figure:
    """The win-rate matrix as a heatmap: cell (row, column) is how often row beat column."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    names = result.entrants
    k = len(names)
    matrix = np.array(
        [[np.nan if v is None else v for v in row] for row in result.win_matrix()], dtype=float
    )
    size = max(4.0, 0.6 * k + 2.5)
    fig = Figure(figsize=(size + 1.2, size), dpi=DPI)
    ax = fig.subplots()
    # The diagonal (nobody fights themself) is grey, apart from every win rate's colour.
    cmap = colormaps[HEATMAP_COLOURS].with_extremes(bad=NO_DATA)
    image = ax.imshow(matrix, cmap=cmap, vmin=0, vmax=1)
    ax.set_xticks(range(k), labels=names, rotation=45, ha="right")
    ax.set_yticks(range(k), labels=names)
    ax.set_xlabel("against")
    ax.set_ylabel("win rate of")
    if k <= 16:
        for i in range(k):
            for j in range(k):
                value = matrix[i, j]
                if not np.isnan(value):
                    ink = "white" if abs(value - 0.5) > 0.3 else "black"
                    ax.text(
                        j, i, f"{100 * value:.0f}%", ha="center", va="center", fontsize=8, color=ink
                    )
    fig.colorbar(image, ax=ax, label="share of battles won")
    status = " (partial)" if result.partial else ""
    ax.set_title(f"Tournament: {result.battles:,} battles per pair, seed {result.seed}{status}")
    fig.tight_layout()
    return fig


def save_png(figure: Figure, path: str | Path) -> None:
    """Write ``figure`` as a PNG; a clear error if the file cannot be written."""
    try:
        figure.savefig(path, format="png", dpi=DPI)
    except OSError as exc:
        reason = exc.strerror or exc
        raise KessenError(f"cannot write the plot to {str(path)!r}: {reason}") from None
