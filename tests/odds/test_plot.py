"""The --plot files are real PNGs that show what they claim."""

from __future__ import annotations

import json

import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_rgb

from kessen.cli.main import main
from kessen.odds import run_odds, run_tournament
from kessen.odds.plot import HEATMAP_COLOURS, NO_DATA, heatmap_figure, odds_figure, save_png

Image = pytest.importorskip("PIL.Image")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def open_png(path) -> np.ndarray:
    assert path.read_bytes()[:8] == PNG_SIGNATURE
    with Image.open(path) as image:
        assert image.format == "PNG"
        return np.asarray(image.convert("RGB")).astype(int)


def test_the_odds_plot_draws_the_outcome_shares_and_lengths(tmp_path, known_odds):
    result = run_odds(known_odds, 300, workers=1)
    t = result.tally
    figure = odds_figure(result)
    outcome, length, endings = figure.axes
    heights = [bar.get_height() for bar in outcome.patches]
    assert heights == pytest.approx([t.wins[0] / 300, t.draws / 300, t.wins[1] / 300])
    assert sum(bar.get_height() for bar in length.patches) == pytest.approx(1.0)
    assert [label.get_text() for label in endings.get_yticklabels()] == ["direct blow (no clash)"]
    path = tmp_path / "odds.png"
    save_png(figure, path)
    pixels = open_png(path)
    assert pixels.shape == (400, 1100, 3)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20  # drawn, not blank


def test_the_heatmap_cells_have_the_colours_of_the_win_rates(tmp_path, coinflip):
    result = run_tournament(
        ["quick", "even", "slow"],
        200,
        seed=2,
        players=("random", "random"),
        pack=coinflip,
        workers=1,
    )
    figure = heatmap_figure(result)
    path = tmp_path / "heat.png"
    save_png(figure, path)
    pixels = open_png(path)
    width, height = figure.canvas.get_width_height()
    assert pixels.shape == (height, width, 3)
    ax = figure.axes[0]
    cmap = colormaps[HEATMAP_COLOURS]
    matrix = result.win_matrix()
    seen = set()
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            # a point inside the cell, away from the number written at its centre
            x, y = ax.transData.transform((j + 0.3, i + 0.3))
            pixel = pixels[height - int(y + 0.5), int(x + 0.5)]
            colour = to_rgb(NO_DATA) if value is None else cmap(value)[:3]
            expected = np.array(colour) * 255
            assert np.abs(pixel - expected).max() <= 6, (i, j, value, pixel, expected)
            seen.add(tuple(pixel))
    assert len(seen) > 2  # grey diagonal; the faster fighter's row bluer than the slower's


def test_the_commands_write_their_plots(tmp_path, capsys):
    odds_png, heat_png = tmp_path / "odds.png", tmp_path / "heat.png"
    assert (
        main(
            [
                "odds",
                "naruto",
                "sasuke",
                "-n",
                "10",
                "--workers",
                "1",
                "--json",
                "--plot",
                str(odds_png),
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["n"] == 10
    assert open_png(odds_png).std() > 10
    assert (
        main(
            [
                "tournament",
                "naruto",
                "sasuke",
                "neji",
                "-n",
                "5",
                "--workers",
                "1",
                "--plot",
                str(heat_png),
            ]
        )
        == 0
    )
    assert open_png(heat_png).std() > 10


def test_an_unwritable_plot_path_exits_2_before_any_battle(tmp_path, capsys, monkeypatch):
    import kessen.odds.odds
    import kessen.odds.tournament

    def no_battles(*args, **kwargs):
        raise AssertionError("battles were played for a plot that cannot be written")

    monkeypatch.setattr(kessen.odds.odds, "run_odds", no_battles)
    monkeypatch.setattr(kessen.odds.tournament, "run_tournament", no_battles)
    missing = tmp_path / "missing-folder" / "odds.png"
    for command in (["odds", "naruto", "sasuke"], ["tournament", "naruto", "sasuke"]):
        for target, reason in ((missing, "no folder"), (tmp_path, "it is a folder")):
            assert main([*command, "-n", "3", "--plot", str(target)]) == 2
            captured = capsys.readouterr()
            assert f"cannot write the plot to {str(target)!r}: {reason}" in captured.err
            assert captured.out == ""


def test_a_plot_that_cannot_be_saved_is_a_clear_error(tmp_path, known_odds):
    from kessen.errors import KessenError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    figure = odds_figure(run_odds(known_odds, 5, workers=1))
    with pytest.raises(KessenError, match=r"cannot write the plot to .*a-file/odds\.png"):
        save_png(figure, blocker / "odds.png")
