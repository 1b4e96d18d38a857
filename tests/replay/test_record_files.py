"""Record files: bad files are refused with the line and field; writes are all or nothing."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kessen.errors import RecordError
from kessen.replay import FORMAT_VERSION, load_record, pack_id, parse_record, record_of, save_record

GOLDEN = Path(__file__).parent / "data" / "golden.jsonl"


@pytest.fixture
def good_lines(play, small_pack) -> list[str]:
    battle = play(small_pack, "ao", "aka", 9)
    return record_of(battle, pack_id(small_pack), sides=("ao", "aka")).lines()


def _edit(lines: list[str], index: int, **changes) -> str:
    data = json.loads(lines[index])
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    edited = list(lines)
    edited[index] = json.dumps(data)
    return "\n".join(edited) + "\n"


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda lines: "", "not a Kessen record"),
        (lambda lines: "\n".join(lines[1:]), "line 1: not a Kessen record"),
        (lambda lines: lines[0] + "\n{oops\n" + lines[-1], "line 2: not JSON"),
        (lambda lines: lines[0] + "\n[1, 2]\n" + lines[-1], "line 2: expected a JSON object"),
        (
            lambda lines: _edit(lines, 0, kessen_record=FORMAT_VERSION + 1),
            "this Kessen reads format",
        ),
        (lambda lines: _edit(lines, 0, seed="seven"), "field 'seed' must be a whole number"),
        (lambda lines: _edit(lines, 0, seed=True), "field 'seed' must be a whole number"),
        (lambda lines: _edit(lines, 0, sides=["ao"]), "'sides' must hold two entries"),
        (lambda lines: _edit(lines, 0, fighters=[[], ["aka"]]), "fighters[0] must be a non-empty"),
        (lambda lines: _edit(lines, 0, opening=...), "line 1: missing field 'opening'"),
        (lambda lines: _edit(lines, 0, pack=[1]), "field 'pack' must be an object"),
        (lambda lines: _edit(lines, 2, turn=5), "line 3: expected turn 2, found turn 5"),
        (lambda lines: _edit(lines, 1, choices="p1.ao rest"), "field 'choices' must be a list"),
        (lambda lines: _edit(lines, 1, choices=[3]), "choices[0] must be text"),
        (lambda lines: "\n".join(lines[:-1]), "no end line after it (was the record cut short?)"),
        (lambda lines: "\n".join([*lines[:-1], lines[-1], lines[-1]]), "must be the last line"),
        (lambda lines: _edit(lines, -1, end={"turns": 1, "winner": 0}), "the end line says 1"),
        (lambda lines: _edit(lines, -1, end={"turns": len(lines) - 2, "winner": 3}), "end.winner"),
    ],
)
def test_bad_records_are_refused_with_where(tmp_path, good_lines, mangle, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(mangle(good_lines), "utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(RecordError, match="no such file"):
        load_record(tmp_path / "missing.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(RecordError, match="not UTF-8"):
        load_record(binary)


def test_a_byte_order_mark_is_no_harm(tmp_path, good_lines):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(good_lines).encode("utf-8") + b"\n")
    assert load_record(path) == parse_record("\n".join(good_lines))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.lists(st.text(max_size=40)).map("\n".join))
def test_any_text_is_a_record_or_a_record_error(text):
    with contextlib.suppress(RecordError):
        parse_record(text)


def test_an_interrupted_write_keeps_the_old_file(tmp_path, play, small_pack, monkeypatch):
    path = tmp_path / "battle.jsonl"
    first = play(small_pack, "ao", "aka", 1)
    save_record(path, first, small_pack, sides=("ao", "aka"))
    before = path.read_bytes()

    def power_cut(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", power_cut)
    second = play(small_pack, "aka", "ao", 2)
    with pytest.raises(RecordError, match="cannot write record"):
        save_record(path, second, small_pack, sides=("aka", "ao"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["battle.jsonl"]

    monkeypatch.undo()
    save_record(path, second, small_pack, sides=("aka", "ao"))
    assert load_record(path).sides == ("aka", "ao")


def test_a_write_to_a_missing_folder_is_a_record_error(tmp_path, play, small_pack):
    battle = play(small_pack, "ao", "aka", 1)
    with pytest.raises(RecordError, match="cannot write record"):
        save_record(tmp_path / "no" / "such" / "dir.jsonl", battle, small_pack)


def test_golden_record(tmp_path, small_pack):
    """A fixed input log on our own pack gives exactly the golden record, byte for byte.

    Rules changed on purpose?  Regenerate: KESSEN_REGENERATE_GOLDEN=1 pytest this test.
    """
    from kessen.engine import Battle

    battle = Battle(
        [small_pack.team("ao"), small_pack.team("aka")], seed=2024, catalog=small_pack.catalog
    )
    script = [
        ["p1.ao double 12", "p2.aka call_dog 8"],
        [
            "p1.ao blast p2.aka 10",
            "p1.ao-clone1 strike p2.dog",
            "p2.aka bolt p1.ao 10",
            "p2.dog bite p1.ao",
        ],
    ]
    for turn in script:
        battle.play_turn([c for c in turn if c.split()[0] in battle.pending()])
    while not battle.over:
        battle.play_turn([battle.legal_choices(uid)[0] for uid in battle.pending()])
    path = tmp_path / "golden.jsonl"
    save_record(
        path,
        battle,
        small_pack,
        sides=("ao", "aka"),
        players=("script", "script"),
        with_events=True,
    )
    if os.environ.get("KESSEN_REGENERATE_GOLDEN"):
        GOLDEN.write_bytes(path.read_bytes())
    assert path.read_text("utf-8") == GOLDEN.read_text("utf-8")
