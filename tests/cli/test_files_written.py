"""Every file a command writes is named on stderr; a record is never written where a story
or a picture was meant."""

from __future__ import annotations

import json

import pytest


def test_duel_says_where_it_kept_the_record(kessen, tmp_path):
    path = tmp_path / "battle.jsonl"
    run = kessen("duel", "naruto", "sasuke", "--seed", "3", "--save", str(path))
    assert run.code == 0
    assert f"wrote the battle's record to {path}" in run.err
    assert json.loads(path.read_text("utf-8").splitlines()[0])["seed"] == 3
    assert str(path) not in run.out  # the log on stdout stays clean for a pipe


def test_story_says_where_it_wrote_the_story_and_the_record(kessen, tmp_path):
    page, record = tmp_path / "v.html", tmp_path / "v.jsonl"
    run = kessen(
        "story", "valley-of-the-end", "--format", "html", "-o", str(page), "--save", str(record)
    )
    assert run.code == 0
    assert f"wrote the story to {page}" in run.err
    assert f"wrote the battle's record to {record}" in run.err
    assert page.read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    assert record.read_text("utf-8").startswith('{"kessen_record"')


@pytest.mark.parametrize("name", ["v.html", "story.md", "odds.png", "tale.TXT"])
def test_save_refuses_a_name_meant_for_a_story_or_a_picture(kessen, tmp_path, name):
    path = tmp_path / name
    run = kessen("story", "valley-of-the-end", "--save", str(path))
    assert run.code == 2
    assert "--save keeps the battle's record" in run.err and f"-o {path}" in run.err
    assert not path.exists()
    duel = kessen("duel", "naruto", "sasuke", "--save", str(path))
    assert duel.code == 2 and not path.exists()
