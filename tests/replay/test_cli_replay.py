"""``kessen duel --save``, ``kessen replay verify`` and ``kessen replay show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kessen.cli.main import main
from kessen.replay import load_record

SMALL_PACK = Path(__file__).parent / "data" / "small.toml"


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # a command that exits on its own
        return int(exc.code or 0)


@pytest.fixture
def saved(tmp_path, capsys) -> str:
    path = str(tmp_path / "duel.jsonl")
    assert (
        run(["duel", "ao+aka", "aka", "--seed", "3", "--pack", str(SMALL_PACK), "--save", path])
        == 0
    )
    capsys.readouterr()
    return path


def test_duel_save_then_verify(tmp_path, capsys):
    for seed, sides in enumerate([("naruto", "sasuke"), ("kakashi", "naruto+sasuke")]):
        path = str(tmp_path / f"{seed}.jsonl")
        assert (
            run(
                [
                    "duel",
                    *sides,
                    "--seed",
                    str(seed),
                    "--players",
                    "heuristic,random",
                    "--save",
                    path,
                ]
            )
            == 0
        )
        capsys.readouterr()
        assert run(["replay", "verify", path]) == 0
        out = capsys.readouterr().out
        assert f"{path}: ok: " in out and "turns match" in out
        assert load_record(path).players == ("heuristic", "random")


def test_verify_names_the_turn_that_differs(saved, capsys):
    lines = Path(saved).read_text("utf-8").splitlines()
    turn = json.loads(lines[2])
    turn["choices"][0] = turn["choices"][0].split()[0] + " rest"
    lines[2] = json.dumps(turn)
    Path(saved).write_text("\n".join(lines) + "\n", "utf-8")
    assert run(["replay", "verify", saved, "--pack", str(SMALL_PACK)]) == 1
    assert "MISMATCH at turn 2" in capsys.readouterr().out
    assert run(["replay", "verify", saved, "--pack", str(SMALL_PACK), "--json"]) == 1
    verdict = json.loads(capsys.readouterr().out)
    assert (verdict["ok"], verdict["turn"], verdict["turns"]) == (False, 2, 1)


def test_verify_refuses_other_content_unless_forced(saved, capsys):
    assert run(["replay", "verify", saved]) == 2  # the starter pack, not the one it was made with
    err = capsys.readouterr().err
    assert "replay_test 1.0.0" in err and "--force" in err and "--pack" in err
    assert run(["replay", "verify", saved, "--pack", str(SMALL_PACK)]) == 0


def test_verify_a_bad_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not a record\n", "utf-8")
    assert run(["replay", "verify", str(bad)]) == 2
    assert "line 1: not JSON" in capsys.readouterr().err
    assert run(["replay", "verify", str(tmp_path / "none.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_show_tells_the_recorded_battle(saved, capsys, fmt):
    assert run(["replay", "show", saved, "--pack", str(SMALL_PACK), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Ao" in out and "Aka" in out
    if fmt == "html":
        assert "<" in out


def test_show_refuses_a_record_that_does_not_verify(saved, capsys):
    lines = Path(saved).read_text("utf-8").splitlines()
    turn = json.loads(lines[1])
    turn["hash"] = "0" * 64
    lines[1] = json.dumps(turn)
    Path(saved).write_text("\n".join(lines) + "\n", "utf-8")
    assert run(["replay", "show", saved, "--pack", str(SMALL_PACK)]) == 2
    assert "does not verify" in capsys.readouterr().err
    assert run(["replay", "show", saved, "--pack", str(SMALL_PACK), "--force"]) == 0
    assert "Ao" in capsys.readouterr().out


def test_show_rejects_an_unknown_format(saved, capsys):
    assert run(["replay", "show", saved, "--format", "pdf"]) == 2


def test_show_tells_a_story_record_as_story_told_it(tmp_path, capsys):
    import importlib.util

    if importlib.util.find_spec("kessen.cli.story") is None:
        pytest.skip("kessen story is not built yet")
    path = str(tmp_path / "story.jsonl")
    assert run(["story", "valley-of-the-end", "--seed", "3", "--save", path]) == 0
    told = capsys.readouterr().out
    assert load_record(path).scenario == "valley-of-the-end"
    assert run(["replay", "verify", path]) == 0
    capsys.readouterr()
    assert run(["replay", "show", path]) == 0
    assert capsys.readouterr().out == told
