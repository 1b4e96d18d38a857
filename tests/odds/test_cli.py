"""``kessen odds`` and ``kessen tournament`` from the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from kessen.cli.main import main
from kessen.engine import derive_seed

from .conftest import COINFLIP

KESSEN = [sys.executable, "-m", "kessen.cli.main"]


def run_json(capsys, *args: str) -> dict:
    assert main(list(args)) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # one object, nothing else
    return json.loads(out)


def test_json_holds_counts_keyed_by_side_and_every_rate_with_its_interval(capsys):
    data = run_json(
        capsys, "odds", "naruto", "sasuke", "-n", "30", "--seed", "3", "--workers", "1", "--json"
    )
    assert (data["n"], data["seed"], data["partial"]) == (30, 3, False)
    assert set(data["wins"]) == {"naruto", "sasuke"}
    assert sum(data["wins"].values()) + data["draws"] == 30
    for entry in [*data["win_rate"].values(), data["draw_rate"]]:
        assert 0 <= entry["low"] <= entry["rate"] <= entry["high"] <= 1
    assert data["win_rate"]["naruto"]["count"] == data["wins"]["naruto"]
    assert sum(data["endings"].values()) == 30
    assert sum(int(k) * v for k, v in data["length"]["histogram"].items()) / 30 == (
        pytest.approx(data["length"]["mean"], abs=1e-3)
    )


def test_the_same_seed_gives_the_same_answer_on_any_number_of_workers(capsys):
    args = ["odds", "naruto", "sasuke", "-n", "40", "--seed", "8", "--json"]
    one = run_json(capsys, *args, "--workers", "1")
    two = run_json(capsys, *args, "--workers", "2")
    assert one == two


def test_teams_and_the_text_report(capsys):
    assert main(["odds", "naruto+kakashi", "sasuke+neji", "-n", "8", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("naruto+kakashi vs sasuke+neji: 8 battles")
    assert "naruto+kakashi wins" in out and "95% interval" in out and "Battle length" in out


def test_a_scenario_gives_the_sides(capsys):
    pytest.importorskip("kessen.scenario")
    data = run_json(
        capsys, "odds", "--scenario", "valley-of-the-end", "-n", "6", "--workers", "1", "--json"
    )
    assert data["sides"] == ["naruto", "sasuke"] and data["scenario"] == "valley-of-the-end"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["odds", "naruto", "sasuk"], "unknown fighter 'sasuk'; did you mean sasuke"),
        (["odds", "naruto", "sasuke", "-n", "0"], "at least 1, not 0"),
        (["odds", "naruto", "sasuke", "-n", "-3"], "at least 1, not -3"),
        (["odds", "naruto", "sasuke", "--workers", "none"], "--workers"),
        (["odds", "naruto", "sasuke", "--players", "genius"], "unknown player"),
        (["odds", "naruto", "sasuke", "--backend", "cloud"], "unknown backend"),
        (["odds", "naruto"], "give two sides"),
        (["odds", "naruto", "sasuke", "--scenario", "valley-of-the-end"], "not both"),
        (["tournament", "naruto"], "at least two entrants"),
        (["tournament", "naruto", "naruto"], "listed twice"),
        (["tournament", "naruto", "itachii", "-n", "5"], "unknown fighter 'itachii'"),
        (["tournament", "naruto", "sasuke", "-n", "0"], "at least 1"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(capsys, args, message):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_asking_for_ray_without_ray_installed_says_how_to_get_it(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    assert main(["odds", "naruto", "sasuke", "-n", "4", "--backend", "ray"]) == 2
    assert "pip install 'kessen[ray]'" in capsys.readouterr().err


def test_tournament_pairs_are_odds_runs_with_derived_seeds(capsys):
    data = run_json(
        capsys,
        "tournament",
        "naruto",
        "sasuke",
        "neji",
        "-n",
        "12",
        "--seed",
        "4",
        "--workers",
        "1",
        "--json",
    )
    assert data["entrants"] == ["naruto", "sasuke", "neji"]
    assert [p["sides"] for p in data["pairs"]] == [
        ["naruto", "sasuke"],
        ["naruto", "neji"],
        ["sasuke", "neji"],
    ]
    assert [p["seed"] for p in data["pairs"]] == [derive_seed(4, k) for k in range(3)]
    second = data["pairs"][1]
    alone = run_json(
        capsys,
        "odds",
        "naruto",
        "neji",
        "-n",
        "12",
        "--seed",
        str(second["seed"]),
        "--workers",
        "1",
        "--json",
    )
    assert second["wins"] == [alone["wins"]["naruto"], alone["wins"]["neji"]]
    matrix = data["win_matrix"]
    assert matrix[0][1] == pytest.approx(second_rate(data, 0), abs=1e-6)
    assert [row[i] for i, row in enumerate(matrix)] == [None, None, None]
    assert sorted(r["rank"] for r in data["ratings"]) == [1, 2, 3]
    for r in data["ratings"]:
        assert r["low"] < r["rating"] < r["high"]


def second_rate(data: dict, pair: int) -> float:
    p = data["pairs"][pair]
    return p["wins"][0] / p["n"]


def test_tournament_text_shows_the_matrix_and_ratings(capsys):
    assert main(["tournament", "naruto", "sasuke", "-n", "6", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "Win rate of each row" in out and "Ratings" in out and " 1. naruto" in out


def test_piped_output_is_only_the_result():
    done = subprocess.run(
        [*KESSEN, "odds", "naruto", "sasuke", "-n", "20", "--workers", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout)["n"] == 20
    assert done.stderr == ""


def test_ctrl_c_prints_what_finished_marked_partial():
    # Tiny one-blow battles, so that chunks finish soon after the workers are up.
    proc = subprocess.Popen(
        [
            *KESSEN,
            "odds",
            "quick",
            "slow",
            "--pack",
            str(COINFLIP),
            "--players",
            "random",
            "-n",
            "100000000",
            "--workers",
            "2",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(6)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err == ""  # workers ignore the interrupt: no tracebacks
    data = json.loads(out)
    assert data["partial"] is True and data["requested"] == 100_000_000
    assert 0 < data["n"] < 100_000_000
    assert sum(data["wins"].values()) + data["draws"] == data["n"]


def test_a_terminal_gets_a_progress_bar_with_the_rate():
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        KESSEN[0],
        [*KESSEN[1:], "odds", "naruto", "sasuke", "-n", "3000", "--workers", "1"],
        timeout=90,
        encoding="utf-8",
        dimensions=(24, 120),
    )
    child.expect("battles/s")
    child.expect("naruto vs sasuke: 3,000 battles")
    child.expect(pexpect.EOF)


def test_the_progress_rate_and_time_left_are_those_of_the_whole_run_so_far():
    from rich.progress import Progress

    from kessen.cli.odds import progress_columns

    now = [100.0]
    bar = Progress(*progress_columns(), get_time=lambda: now[0], disable=True)
    task_id = bar.add_task("naruto vs sasuke", total=None)
    task = bar.tasks[0]
    *_, rate_column, left_column = bar.columns

    def shown() -> tuple[str, str]:
        return rate_column.render(task).plain, left_column.render(task).plain

    assert shown() == ("", "-:--:-- left")  # nothing done yet: no rate, no estimate
    now[0] = 102.0
    bar.update(task_id, completed=0, total=1000)
    assert shown() == ("", "-:--:-- left")
    # Two workers' chunks arrive a millisecond apart: the rate is 200 battles in 4 s,
    # not 100 battles in a millisecond.
    now[0] = 103.999
    bar.update(task_id, completed=100)
    now[0] = 104.0
    bar.update(task_id, completed=200)
    assert shown() == ("50 battles/s", "0:00:16 left")
    now[0] = 3700.0  # an hour in, slow battles: 600 in 3,600 s, 400 to go
    bar.update(task_id, completed=600)
    assert shown() == ("0.2 battles/s", "0:40:00 left")


def test_a_scenario_can_be_named_in_place_of_the_sides(capsys):
    pytest.importorskip("kessen.scenario")
    args = ["-n", "6", "--seed", "5", "--workers", "1", "--json"]
    named = run_json(capsys, "odds", "valley-of-the-end", *args)
    option = run_json(capsys, "odds", "--scenario", "valley-of-the-end", *args)
    assert named == option
    assert named["scenario"] == "valley-of-the-end" and named["sides"] == ["naruto", "sasuke"]


def test_a_turn_limit_asked_for_overrides_the_scenarios(capsys):
    pytest.importorskip("kessen.scenario")
    args = ["odds", "--scenario", "valley-of-the-end", "-n", "20", "--workers", "1", "--json"]
    assert run_json(capsys, *args)["turn_limit"] == 40  # the scenario's own
    short = run_json(capsys, *args, "--turn-limit", "2")
    assert short["turn_limit"] == 2
    assert short["endings"]["turn_limit"] > 0  # nobody falls in two turns, every time
    assert short["draws"] >= short["endings"]["turn_limit"]
