"""Storage on SQLite and PostgreSQL: migrations, filters, and writes that are all or nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from kessen.errors import KessenError
from kessen.replay import pack_id, parse_record, record_of, save_record, verify_record
from kessen.storage import ENV_VAR, database_url, default_database_path, open_store
from kessen.storage.migrate import current_revision, head_revision

SMALL_PACK = Path(__file__).parent / "data" / "small.toml"


@pytest.fixture
def records(play, small_pack):
    """Four battles of the small pack with known sides and players."""
    setups = [
        ("ao", "aka", 1, ("heuristic", "random")),
        ("aka", "ao", 2, ("random", "heuristic")),
        ("ao+aka", "aka", 3, ("heuristic", "heuristic")),
        ("ao", "aka", 4, ("random", "random")),
    ]
    out = []
    for a, b, seed, players in setups:
        battle = play(small_pack, a, b, seed, players, turn_limit=4 if seed == 4 else 40)
        out.append(record_of(battle, pack_id(small_pack), players=players, sides=(a, b)))
    return out


def _expected(records, fighter=None, player=None, outcome=None) -> list[int]:
    """Which records (1-based, newest first) a filter should give, worked out in Python."""
    ids = []
    for number, r in enumerate(records, 1):
        sides = [
            s
            for s in (0, 1)
            if (fighter is None or fighter in r.fighters[s])
            and (player is None or r.players[s] == player)
        ]
        if not sides:
            continue
        winner = r.outcome.winner
        if outcome == "draw" and winner is not None:
            continue
        if outcome == "win" and winner not in sides:
            continue
        if outcome == "loss" and (winner is None or all(winner == s for s in sides)):
            continue
        ids.append(number)
    return ids[::-1]


def test_store_list_filter_and_read_back(store_url, records, small_pack):
    store = open_store(store_url)
    assert current_revision(store.engine) == head_revision()
    added = [store.add(r) for r in records]
    assert [a.new for a in added] == [True] * 4
    assert [a.id for a in added] == [1, 2, 3, 4]
    assert store.add(records[0]) == (1, False)
    assert store.count() == 4

    listed = store.battles()
    assert [b.id for b in listed] == [4, 3, 2, 1]
    assert listed[1].fighters == (("ao", "aka"), ("aka",))
    assert listed[0].players == ("random", "random") and listed[0].turns == records[3].outcome.turns
    assert store.battles(limit=2)[-1].id == 3
    for fighter in (None, "ao", "aka"):
        for player in (None, "heuristic", "random"):
            for outcome in (None, "win", "loss", "draw"):
                if fighter is None and player is None and outcome in ("win", "loss"):
                    continue
                found = store.battles(fighter=fighter, player=player, outcome=outcome)
                assert [b.id for b in found] == _expected(records, fighter, player, outcome), (
                    fighter,
                    player,
                    outcome,
                )
    assert store.battles(outcome="draw") == [b for b in listed if b.winner is None]
    with pytest.raises(KessenError, match="needs --fighter or --player"):
        store.battles(outcome="win")

    for number, record in enumerate(records, 1):
        again = parse_record(store.record_text(number))
        assert again == record
        assert verify_record(again, small_pack).ok
    with pytest.raises(KessenError, match="no stored battle #99"):
        store.record_text(99)
    store.close()


def test_migrations_and_models_agree(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from kessen.storage.models import Base

    store = open_store(store_url)
    with store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diffs == []
    store.close()


def test_an_interrupted_write_loses_no_earlier_record(store_url, records):
    store = open_store(store_url)
    for record in records[:2]:
        store.add(record)
    seen = []

    def power_cut(conn, cursor, statement, params, context, executemany):
        seen.append(" ".join(statement.split()[:3]).replace('"', "").upper())
        if statement.lstrip().upper().startswith("INSERT INTO BATTLE_FIGHTERS"):
            raise RuntimeError("power cut half way through the write")

    event.listen(store.engine, "before_cursor_execute", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        store.add(records[2])
    event.remove(store.engine, "before_cursor_execute", power_cut)
    assert "INSERT INTO BATTLES" in seen  # the battle's row was written before the cut ...
    assert store.count() == 2  # ... and undone with the rest
    assert [parse_record(store.record_text(n)) for n in (1, 2)] == records[:2]
    assert store.add(records[2]).new
    assert [b.id for b in store.battles(fighter="ao")][:1] == [store.battles()[0].id]
    store.close()


def test_a_killed_writer_loses_no_earlier_record(store_url):
    """Kill a process that is storing records; every record stored before is whole."""
    url = store_url
    writer = textwrap.dedent(
        f"""
        import sys
        from kessen.content import load_pack
        from kessen.engine import Battle
        from kessen.players import make_player, play_out
        from kessen.replay import pack_id, record_of
        from kessen.storage import open_store
        pack = load_pack({str(SMALL_PACK)!r})
        store = open_store({url!r})
        for seed in range(10_000):
            b = Battle([pack.team("ao+aka"), pack.team("aka+ao")], seed=seed, catalog=pack.catalog)
            play_out(b, [make_player("random", seed, 0), make_player("random", seed, 1)])
            store.add(record_of(b, pack_id(pack), sides=("ao+aka", "aka+ao"), with_events=True))
            print(seed, flush=True)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(20):
            if child.stdout.readline() == "":
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    store = open_store(url)
    count = store.count()
    assert count >= 20
    for battle in store.battles(limit=count):
        assert battle.fighters == (("ao", "aka"), ("aka", "ao"))
        record = parse_record(store.record_text(battle.id))
        assert record.seed == battle.seed
    assert len({store.record_text(b.id) for b in store.battles(limit=count)}) == count
    store.close()
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_database_url_and_default_location(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert database_url() == f"sqlite:///{default_database_path()}"
    assert default_database_path().name == "kessen.db"
    monkeypatch.setenv(ENV_VAR, "postgresql://kessen@db.example/kessen")
    assert database_url() == "postgresql+psycopg://kessen@db.example/kessen"

    # The default file is made, with its folder, on first use.
    monkeypatch.setattr(
        "kessen.storage.url.platformdirs.user_data_dir", lambda app: str(tmp_path / "data" / app)
    )
    monkeypatch.delenv(ENV_VAR)
    store = open_store()
    assert store.count() == 0
    assert (tmp_path / "data" / "kessen" / "kessen.db").is_file()
    store.close()


def test_bad_or_unreachable_databases_are_kessen_errors():
    with pytest.raises(KessenError, match="cannot use database"):
        open_store("nonsense://what").count()
    with pytest.raises(KessenError, match="cannot prepare the database"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2").count()


def test_save_record_can_also_store(tmp_path, play, small_pack, sqlite_url):
    battle = play(small_pack, "ao", "aka", 8)
    save_record(tmp_path / "b.jsonl", battle, small_pack, sides=("ao", "aka"), store=sqlite_url)
    store = open_store(sqlite_url)
    assert store.record_text(1) == (tmp_path / "b.jsonl").read_text("utf-8")
    store.close()


def test_history_commands(tmp_path, capsys, monkeypatch, sqlite_url):
    from kessen.cli.main import main

    monkeypatch.setenv(ENV_VAR, sqlite_url)
    files = []
    for seed in (1, 2, 3):
        path = str(tmp_path / f"{seed}.jsonl")
        argv = ["duel", "ao", "aka", "--seed", str(seed), "--pack", str(SMALL_PACK), "--save", path]
        assert main(argv) == 0
        files.append(path)
    capsys.readouterr()
    assert main(["history", "add", *files, files[0]]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("stored as #1") and out[-1].endswith("already stored as #1")
    assert main(["history"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == ["#3", "#2", "#1"]
    assert all("ao vs aka" in line for line in listed)
    assert (
        main(["history", "--fighter", "ao", "--player", "heuristic", "--json", "--limit", "2"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [3, 2] and rows[0]["fighters"] == [["ao"], ["aka"]]
    assert main(["history", "--outcome", "win"]) == 2
    assert "needs --fighter or --player" in capsys.readouterr().err
    assert main(["history", "--outcome", "maybe", "--fighter", "ao"]) == 2
    capsys.readouterr()

    assert main(["history", "record", "2"]) == 0
    assert capsys.readouterr().out == Path(files[1]).read_text("utf-8")
    assert main(["history", "record", "7"]) == 2
    assert "no stored battle #7" in capsys.readouterr().err

    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["history", "--database", other]) == 0
    assert "no stored battles" in capsys.readouterr().out
    assert not os.environ.get("KESSEN_DATABASE_URL", "").endswith("other.db")


def test_an_interrupted_migration_leaves_no_half_made_tables(store_url, records):
    from sqlalchemy import inspect

    store = open_store(store_url)
    engine = store._connect()

    def cut(conn, cursor, statement, params, context, executemany):
        if "CREATE TABLE battle_fighters" in statement:
            raise RuntimeError("power cut during the migration")

    event.listen(engine, "before_cursor_execute", cut)
    from kessen.storage.migrate import upgrade

    with pytest.raises(RuntimeError, match="power cut"):
        upgrade(engine)
    event.remove(engine, "before_cursor_execute", cut)
    assert inspect(engine).get_table_names() == []  # "battles" was made, then undone
    engine.dispose()
    assert store.add(records[0]).new  # the next use migrates from scratch
    store.close()


def test_upgrading_from_the_first_revision_keeps_every_record(store_url, records, play, small_pack):
    """Migration 0002 (seeds of any length) rebuilds a table with records in it."""
    from kessen.storage.migrate import upgrade

    store = open_store(store_url)
    engine = store._connect()
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    store._engine = engine  # the store as an older Kessen left it
    for record in records:
        store.add(record)
    before = [(b, store.record_text(b.id)) for b in store.battles()]
    by_fighter = {f: store.battles(fighter=f) for f in ("ao", "aka")}

    upgrade(engine)
    assert current_revision(engine) == head_revision() != "0001"
    assert [(b, store.record_text(b.id)) for b in store.battles()] == before
    assert {f: store.battles(fighter=f) for f in ("ao", "aka")} == by_fighter
    assert all(b.fighters[0] for b, _ in before)  # the fighters' rows survived the rebuild
    store.close()


def test_a_seed_of_any_length_is_stored(store_url, play, small_pack):
    seed = 10**60 + 7
    battle = play(small_pack, "ao", "aka", seed)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    store = open_store(store_url)
    added = store.add(record)
    assert store.battles()[0].seed == seed
    assert parse_record(store.record_text(added.id)) == record
    store.close()


@pytest.mark.parametrize(
    "url,message",
    [
        ("nonsense", "cannot use database 'nonsense'"),
        ("postgresql://kessen:secret@127.0.0.1:1/none?connect_timeout=2", "kessen:***@"),
        ("sqlite://", "in memory and would keep nothing"),
        ("sqlite:///:memory:", "in memory and would keep nothing"),
    ],
)
def test_history_with_a_bad_database_exits_2_saying_why(
    capsys, monkeypatch, tmp_path, records, url, message
):
    from kessen.cli.main import main

    monkeypatch.setenv(ENV_VAR, url)
    assert main(["history"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kessen: error: ") and message in err and "Traceback" not in err
    assert "secret" not in err

    monkeypatch.delenv(ENV_VAR)
    path = tmp_path / "b.jsonl"
    path.write_text(records[0].text(), "utf-8")
    assert main(["history", "--database", url, "add", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kessen: error: ") and message in err and "secret" not in err
