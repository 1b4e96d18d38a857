"""``kessen sim``: a scripted session with every kind of bad line, and whole battles."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kessen.content import load_starter_pack
from kessen.engine.events import event_to_dict
from kessen.protocol import ERROR_CODES, GREETING, MAX_LINE, SimSession, serve
from kessen.replay import parse_record, verify_record

STARTER = load_starter_pack()


def parse(line: str) -> tuple[str, object]:
    """Every server line is a word, a space and one JSON value."""
    kind, _, payload = line.partition(" ")
    return kind, json.loads(payload)


def kinds(lines: list[str]) -> list[str]:
    return [parse(line)[0] for line in lines]


def only(lines: list[str], kind: str) -> list:
    return [data for k, data in map(parse, lines) if k == kind]


def refused(session: SimSession, line: str, code: str) -> str:
    """Send a line that must be refused; check nothing changed; the error's message."""
    battle = session.battle
    before = None if battle is None else (battle.snapshot(), len(battle.events))
    out = session.handle(line)
    assert len(out) == 1, out
    kind, data = parse(out[0])
    assert (kind, data["code"]) == ("error", code), data
    assert data["code"] in ERROR_CODES
    assert data["input"] == line.strip()[:200]
    after = None if battle is None else (battle.snapshot(), len(battle.events))
    assert session.battle is battle and after == before
    return data["message"]


def answer_all(session: SimSession, requests: list[dict], pick=lambda options: options[0]):
    """Answer each request with one legal choice per unit; the lines that came back."""
    out = []
    for request in requests:
        choices = [pick(options) for options in request["legal"].values()]
        out += session.handle(f"choose {request['id']} {'; '.join(choices)}")
    return out


def test_scripted_session_with_bad_lines_and_a_whole_battle():
    session = SimSession(STARTER)
    assert session.greeting() == [GREETING] == ["kessen-sim 1"]

    refused(session, "choose 1 naruto rest", "no-battle")
    refused(session, "record", "no-battle")
    assert "unknown command" in refused(session, "hello there", "malformed")
    assert "bad JSON" in refused(session, "start {oops", "malformed")
    assert "key=value" in refused(session, "start naruto sasuke", "malformed")
    assert "missing p2" in refused(session, "start p1=naruto", "bad-start")
    assert "narto" in refused(session, "start p1=narto p2=sasuke", "bad-start")
    assert "unknown option" in refused(session, "start p1=naruto p2=sasuke speed=9", "bad-start")
    assert "this server has pack" in refused(session, "start pack=other p1=a p2=b", "bad-start")
    assert "p2_player" in refused(session, "start p1=naruto p2=sasuke p2_player=god", "bad-start")
    refused(session, "start p1=naruto p2=sasuke turn_limit=0", "bad-start")
    refused(session, "start p1=naruto p2=sasuke seed=x7", "bad-start")
    assert session.handle("") == [] and session.handle("# a comment") == []

    out = session.handle('start {"p1": "naruto", "p2": "sasuke", "seed": 7, "stakes": ["naruto"]}')
    assert kinds(out)[0] == "battle" and kinds(out)[-2:] == ["request", "request"]
    battle = session.battle
    assert [e["type"] for e in only(out, "event")] == [e.type for e in battle.events]
    first, second = only(out, "request")
    assert (first["id"], first["side"], first["turn"]) == (1, "p1", 1)
    assert (second["id"], second["side"]) == (2, "p2")
    assert list(first["legal"]) == ["p1.naruto"]
    assert {u["unit"] for u in first["units"]} == {"p1.naruto", "p2.sasuke"}

    refused(session, "start p1=naruto p2=sasuke", "busy")
    refused(session, "choose 99 naruto rest", "unknown-request")
    refused(session, "choose x naruto rest", "malformed")
    refused(session, "choose 1", "malformed")
    refused(session, "choose 1 naruto rest;", "malformed")
    assert "not p1's" in refused(session, "choose 1 p2.sasuke rest", "illegal")
    assert "cannot read" in refused(session, "choose 1 naruto", "syntax")
    assert "no unit called" in refused(session, "choose 1 nobody rest", "syntax")
    assert "not p1's" in refused(session, "choose 1 sasuke rest", "illegal")
    assert "is not allowed" in refused(
        session, "choose 1 naruto rasengan p2.sasuke 9999", "illegal"
    )
    assert "two choices" in refused(session, "choose 1 naruto rest; naruto guard", "illegal")

    assert kinds(session.handle("choose 1 naruto guard")) == ["ok"]
    assert "already answered" in refused(session, "choose 1 naruto rest", "answered")
    out = session.handle('choose {"id": 2, "choices": ["sasuke rest"]}')
    assert kinds(out)[0] == "ok" and only(out, "event")[0]["type"] == "choice"
    assert battle.turn == 1
    requests = only(out, "request")
    assert [r["id"] for r in requests] == [3, 4] and requests[0]["turn"] == 2
    message = refused(session, "choose 1 naruto rest", "stale")
    assert "earlier turn" in message and "request 3 (p1)" in message
    refused(session, "choose 2 sasuke rest", "stale")
    refused(session, "record", "not-over")

    while requests:
        out = answer_all(session, requests, pick=lambda options: options[len(options) // 2])
        assert "error" not in kinds(out)
        requests = only(out, "request")
    assert battle.over
    (end,) = only(out, "end")
    assert end["turns"] == battle.turn and end["reason"] == battle.end_reason
    assert end["winner"] == (None if battle.winner is None else ("p1", "p2")[battle.winner])
    refused(session, "choose 3 naruto rest", "over")

    record = parse_record("\n".join(line.split(" ", 1)[1] for line in session.handle("record")))
    assert record.players == ("client", "client") and record.stakes == ("naruto",)
    assert verify_record(record, STARTER).ok
    assert session.handle("quit") == ["bye {}"] and session.closed
    assert session.handle("start p1=naruto p2=sasuke") == []


def test_events_sent_are_the_battles_events_and_a_new_battle_can_follow():
    session = SimSession(STARTER)
    for seed in (1, 2):
        out = session.handle(f"start p1=kakashi p2=naruto+sasuke seed={seed} p1_player=heuristic")
        sent = list(out)
        requests = only(out, "request")
        assert all(r["side"] == "p2" for r in requests)
        while requests:
            out = answer_all(session, requests, pick=lambda options: options[-1])
            sent += out
            requests = only(out, "request")
        battle = session.battle
        assert only(sent, "event") == [event_to_dict(e) for e in battle.events]
        assert battle.over and only(sent, "end")


def test_a_bot_against_a_bot_plays_out_at_once():
    session = SimSession(STARTER)
    out = session.handle("start p1=naruto p2=sasuke seed=5 p1_player=heuristic p2_player=random")
    assert kinds(out)[-1] == "end" and "request" not in kinds(out)
    record = parse_record("\n".join(line.split(" ", 1)[1] for line in session.handle("record")))
    assert record.players == ("heuristic", "random")
    assert verify_record(record, STARTER).ok


def test_the_same_lines_give_the_same_answers():
    def transcript() -> list[str]:
        session = SimSession(STARTER)
        out = session.handle("start p1=naruto+kakashi p2=sasuke seed=42")
        lines = list(out)
        requests = only(out, "request")
        while requests:
            out = answer_all(session, requests)
            lines += out
            requests = only(out, "request")
        return lines

    assert transcript() == transcript()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["choose ", "start ", "record", "quit", "choose 1 ", "choose 2 ", "{", "="]
        ).flatmap(lambda head: st.text(max_size=30).map(lambda tail: head + tail)),
        max_size=6,
    )
)
def test_no_line_crashes_or_changes_a_running_battle(lines):
    session = SimSession(STARTER)
    session.handle("start p1=naruto p2=sasuke seed=3")
    battle = session.battle
    before = battle.snapshot()
    for line in lines:
        if line.strip().startswith("choose") or line.strip() == "quit":
            continue  # a valid choose or quit may change things; others must not
        for out in session.handle(line):
            kind, _ = parse(out)
            assert kind in ("error", "record")
    assert session.battle is battle and battle.snapshot() == before
    for line in lines:
        for out in session.handle(line):
            parse(out)  # whatever happens, every answer is a word and JSON


def test_serve_refuses_an_overlong_line_and_carries_on():
    script = "x" * (MAX_LINE + 10) + "\nstart p1=naruto p2=sasuke\nquit\n"
    out = io.StringIO()
    serve(STARTER, io.StringIO(script), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == GREETING
    kind, data = parse(lines[1])
    assert (kind, data["code"]) == ("error", "malformed") and "longer than" in data["message"]
    assert parse(lines[2])[0] == "battle" and lines[-1] == "bye {}"


def test_kessen_sim_over_pipes():
    script = "start p1=naruto p2=sasuke seed=9 p2_player=heuristic\nchoose 1 naruto guard\nquit\n"
    done = subprocess.run(
        [sys.executable, "-m", "kessen.cli.main", "sim"],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == GREETING and lines[-1] == "bye {}"
    assert only(lines, "ok") == [{"id": 1}]
    assert only(lines, "event")[-1]["type"] in ("turn_end", "battle_end")


@pytest.mark.parametrize(
    "line",
    ["start p1=naruto p2=sasuke seed=-5", "start p1=naruto p2=sasuke seed=99999999999999999999"],
)
def test_any_whole_seed_is_accepted(line):
    out = SimSession(STARTER).handle(line)
    assert kinds(out)[0] == "battle"


def test_bad_options_and_json_that_is_not_an_object_are_refused():
    session = SimSession(STARTER)
    assert "got a list" in refused(session, "start [1, 2]", "malformed")
    assert "got a string" in refused(session, 'start "p1=naruto"', "malformed")
    assert "'p1' given twice" in refused(
        session, 'start {"p1": "naruto", "p2": "sasuke", "p1": "lee"}', "malformed"
    )
    assert "p1 given twice" in refused(session, "start p1=naruto p1=lee p2=sasuke", "malformed")
    message = refused(session, "start p1=naruto p2=sasuke stakes=naruto,lee", "bad-start")
    assert "'lee', who is not in this battle" in message
    # Digits of other scripts are digits to str.isdigit, not to the protocol.
    assert "whole number" in refused(session, "start p1=naruto p2=sasuke seed=\u0663", "bad-start")
    session.handle("start p1=naruto p2=sasuke seed=3 stakes=sasuke")
    assert session.battle is not None and session.battle.unit("p2.sasuke").stakes
    assert "got a list" in refused(session, "choose [1]", "malformed")
    assert "must be a number" in refused(session, "choose \u0661 naruto guard", "malformed")


def test_a_short_name_of_the_other_sides_unit_is_named_as_such():
    session = SimSession(STARTER)
    session.handle("start p1=naruto p2=sasuke seed=3")
    assert refused(session, "choose 2 naruto guard", "illegal") == (
        "p1.naruto is not p2's: request 2 is p2's"
    )
    assert "no unit called 'kakashi'" in refused(session, "choose 2 kakashi guard", "syntax")


def test_a_huge_choice_gets_a_short_error():
    session = SimSession(STARTER)
    session.handle("start p1=naruto p2=sasuke seed=3")
    line = "choose 1 naruto " + "y" * 60_000
    message = refused(session, line, "illegal")
    assert len(message) <= 1000 and message.endswith("…")


def test_a_line_that_is_not_utf8_is_refused_and_changes_nothing():
    session = SimSession(STARTER)
    session.handle("start p1=naruto p2=sasuke seed=3")
    battle = session.battle
    before = battle.snapshot()
    # What a surrogateescape reader makes of the bytes b"choose 1 \xff\xfe".
    (out,) = session.handle("choose 1 \udcff\udcfe")
    kind, data = parse(out)
    assert (kind, data["code"], data["input"]) == ("error", "malformed", "choose 1 \ufffd\ufffd")
    assert "not UTF-8" in data["message"]
    out.encode("utf-8")  # the answer itself is valid UTF-8
    assert session.battle is battle and battle.snapshot() == before
    assert kinds(session.handle("choose 1 naruto guard")) == ["ok"]


def test_kessen_sim_takes_any_bytes_whatever_the_locale():
    """Binary junk gets an error line, in UTF-8, even where Python would decode strictly."""
    junk = b"\x00\xff\xfe\x01\xc3(\n" + bytes(range(256)) + b"\n"
    script = (
        junk + b"start p1=naruto p2=sasuke seed=9 p2_player=heuristic\r\nchoose 1 naruto guard\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "kessen.cli.main", "sim"],
        input=script + b"quit\n",
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode(errors="replace")
    lines = done.stdout.decode("utf-8").splitlines()  # strict: the output is all UTF-8
    assert lines[0] == GREETING and lines[-1] == "bye {}"
    errors = only(lines, "error")
    assert [e["code"] for e in errors] == ["malformed"] * len(errors) and len(errors) >= 2
    assert only(lines, "ok") == [{"id": 1}] and only(lines, "battle")
