"""``kessen story``: the command, its formats, its errors, and its determinism."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from kessen.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["story", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_scenario(capsys) -> None:
    code, out, _ = run(capsys, "--list")
    assert code == 0
    for name in ("valley-of-the-end", "chunin-exam-finals", "gaara-vs-lee"):
        assert name in out
    assert "naruto vs sasuke" in out


def test_the_story_of_a_seed(capsys) -> None:
    code, out, _ = run(capsys, "valley-of-the-end", "--seed", "7")
    assert code == 0
    assert out.startswith("THE VALLEY OF THE END\n")
    for heading in ("mind", "Epilogue", "What came of it", "Afterwards"):
        if heading in out:
            break
    else:
        pytest.fail("no epilogue heading")
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["no-such-place"], "unknown scenario 'no-such-place'"),
        (["valley-of-the-edn"], "did you mean valley-of-the-end"),
        ([], "name a scenario"),
        (["valley-of-the-end", "--format", "pdf"], "unknown format 'pdf'"),
        (["valley-of-the-end", "--players", "nobody"], "unknown player 'nobody'"),
    ],
)
def test_bad_requests_exit_2_with_a_clear_message(capsys, args, needle) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert needle in err and out == ""


def test_a_bad_scenario_file_exits_2_naming_file_and_field(capsys, tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[scenario]\ntitle = "x"\nplace = 3\n', "utf-8")
    code, _, err = run(capsys, "--scenario-file", str(path))
    assert code == 2
    assert f"{path}: scenario.place:" in err and "places: missing field" in err
    path.write_text(
        (tmp_path / "bad.toml").read_text("utf-8").replace("place = 3", 'place = "a"')
        + 'village = "a"\nsides = [["naruto"], ["nobody"]]\n[places.a]\nname = "A"\n',
        "utf-8",
    )
    code, _, err = run(capsys, "--scenario-file", str(path))
    assert code == 2 and "scenario.sides[1][0]: unknown fighter 'nobody'" in err
    code, _, err = run(capsys, "--scenario-file", str(tmp_path / "none.toml"))
    assert code == 2 and "no such file" in err


def test_a_scenario_file_is_told(capsys, tmp_path) -> None:
    from importlib import resources

    shipped = resources.files("kessen.scenario").joinpath("scenarios", "gaara-vs-lee.toml")
    text = shipped.read_text("utf-8")
    path = tmp_path / "my-scenario.toml"
    path.write_text(text, "utf-8")
    code, out, _ = run(capsys, "--scenario-file", str(path), "--seed", "2")
    assert code == 0 and out.startswith("GAARA OF THE DESERT")


def test_json_prints_both_phases(capsys) -> None:
    code, out, _ = run(capsys, "valley-of-the-end", "--seed", "5", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [list(r)[:2] for r in rows[:1]] == [["type", "phase"]]
    phases = [r["phase"] for r in rows]
    assert phases[0] == "battle" and phases[-1] == "aftermath"
    assert phases == sorted(phases, key=["battle", "aftermath"].index)
    assert rows[-1]["type"] == "aftermath_end"
    assert any(r["type"] == "battle_end" for r in rows)


def test_formats_and_output_file(capsys, tmp_path) -> None:
    target = tmp_path / "story.html"
    code, out, err = run(capsys, "valley-of-the-end", "--format", "html", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    page = target.read_text("utf-8")
    assert "<svg" in page and "viewBox" in page  # the chart, as a vector drawing
    code, out, _ = run(capsys, "chunin-exam-finals", "--format", "markdown", "--seed", "3")
    assert code == 0 and out.startswith("# The Chunin Exam Finals")


def test_save_keeps_a_record_or_says_it_cannot(capsys, tmp_path) -> None:
    target = tmp_path / "record.jsonl"
    code, _, err = run(capsys, "valley-of-the-end", "--seed", "2", "--save", str(target))
    if importlib.util.find_spec("kessen.replay") is None:
        assert code == 2 and "kessen.replay" in err
    else:
        assert code == 0 and target.exists() and target.stat().st_size > 0


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_the_same_seed_tells_the_same_story_in_separate_processes(extra) -> None:
    command = [
        sys.executable,
        "-m",
        "kessen.cli.main",
        "story",
        "valley-of-the-end",
        "--seed",
        "11",
        *extra,
    ]
    first = subprocess.run(command, capture_output=True, check=True).stdout
    second = subprocess.run(command, capture_output=True, check=True).stdout
    assert first == second and len(first) > 1000


def test_a_terminal_gets_colour_and_headings() -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "kessen.cli.main", "story", "valley-of-the-end", "--seed", "7"],
        timeout=120,
        encoding="utf-8",
        dimensions=(40, 100),
    )
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    assert child.exitstatus == 0, out
    assert "\x1b[" in out  # colour
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "The Valley of the End" in plain and "THE VALLEY OF THE END" not in plain
    assert re.search(r"\x1b\[[0-9;]*m(Inside|What) Naruto", out)  # a heading, styled
    for heading in ("Aftermath", "After the battle", "The race home", "The way home"):
        if heading in plain:
            break
    else:
        pytest.fail("no aftermath heading")
    assert "Kakashi" in plain
