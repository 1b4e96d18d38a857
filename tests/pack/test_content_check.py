"""``kessen content check``: 0 and a summary for a good pack, 2 and the field's path for a bad one.

Each broken pack is a copy of the starter pack with one thing wrong, written to tmp_path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kessen.cli.main import main


def _edit(text: str, table: str, pattern: str, replacement: str) -> str:
    """Replace ``pattern`` (a regex, first match) inside the ``[table]`` block of ``text``."""
    head = f"[{table}]\n"
    start = text.index(head) + len(head)
    end = text.find("\n[", start)
    block = text[start:end]
    edited, count = re.subn(pattern, replacement, block, count=1, flags=re.MULTILINE)
    if count != 1:
        raise AssertionError(f"{pattern!r} not found in [{table}]")
    return text[:start] + edited + text[end:]


def _check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "pack.toml"
    path.write_text(text, "utf-8")
    code = main(["content", "check", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_starter_pack_checks_clean(
    tmp_path: Path, starter_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _check(tmp_path, starter_text, capsys)
    assert code == 0, err
    assert "ok" in out and "starter 1.0.0" in out
    assert re.search(r"\b\d+ fighters, \d+ summons, \d+ techniques\b", out)
    assert err == ""


BROKEN = [
    pytest.param(
        lambda t: _edit(t, "fighters.naruto", r'"rasengan"', '"rasengann"'),
        "fighters.naruto.techniques[0]",
        "unknown technique 'rasengann'",
        id="unknown-technique",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.rasengan", r"^cost = \d+", "cost = -5"),
        "techniques.rasengan.cost",
        "greater than or equal to 0",
        id="negative-cost",
    ),
    pytest.param(
        lambda t: _edit(t, "fighters.sasuke", r"^health = .*\n", ""),
        "fighters.sasuke.health",
        "missing field",
        id="missing-field",
    ),
    pytest.param(
        lambda t: _edit(t, "fighters.lee", r"^speed = ", "colour = 'green'\nspeed = "),
        "fighters.lee.colour",
        "unknown field",
        id="unknown-field",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.ninken_summon", r'summon = "pakkun"', 'summon = "pakun"'),
        "techniques.ninken_summon.effects[0].summon",
        "unknown summon 'pakun'",
        id="unknown-summon",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.tsukuyomi", r'^kind = "genjutsu"', 'kind = "dojutsu"'),
        "techniques.tsukuyomi.kind",
        "dojutsu",
        id="unknown-kind",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.hakke_64", r'type = "drain_chakra"', 'type = "seal_fate"'),
        "techniques.hakke_64.effects[1].type",
        "seal_fate",
        id="effect-outside-the-vocabulary",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.kawarimi", r'^target = "self"', 'target = "enemy"'),
        "techniques.kawarimi",
        "a 'substitute' effect needs target = 'self'",
        id="defence-aimed-at-an-enemy",
    ),
    pytest.param(
        lambda t: _edit(
            t, "techniques.cursed_seal_release", r'^target = "self"', 'target = "enemy"'
        ),
        "techniques.cursed_seal_release",
        "a 'activate_seal' effect needs target = 'self'",
        id="seal-release-aimed-at-an-enemy",
    ),
    pytest.param(
        lambda t: _edit(
            t,
            "techniques.kawarimi",
            r"^effects = .*$",
            'effects = [{ type = "substitute" }, { type = "stun", chance = 50, turns = 1 }]',
        ),
        "techniques.kawarimi",
        "a 'stun' effect needs target = 'enemy'",
        id="stun-on-oneself",
    ),
    pytest.param(
        lambda t: _edit(
            t,
            "techniques.chidori",
            r"^effects = .*$",
            'effects = [{ type = "pierce", amount = 30 }, { type = "pierce", amount = 90 }]',
        ),
        "techniques.chidori",
        "effect 'pierce' listed twice",
        id="effect-twice",
    ),
    pytest.param(
        lambda t: _edit(t, "techniques.mystical_palm", r"^effects = .*$", "effects = []"),
        "techniques.mystical_palm",
        "target = 'ally' is for heals",
        id="ally-technique-that-does-not-heal",
    ),
    pytest.param(
        lambda t: _edit(
            t, "fighters.naruto", r'"rasengan", ', '"rasengan", "cursed_seal_release", '
        ),
        "fighters.naruto.techniques[1]",
        "'cursed_seal_release' releases a seal: it needs a cursed_seal",
        id="seal-release-without-a-seal",
    ),
    pytest.param(
        lambda t: t.replace("[fighters.naruto]", '[fighters."Naruto!"]'),
        "fighters.Naruto!",
        "should match pattern",
        id="bad-fighter-id",
    ),
    pytest.param(
        lambda t: t + "\n[fighters.broken\nname = 'x'\n",
        "",
        "bad TOML",
        id="bad-toml",
    ),
]


@pytest.mark.parametrize(("breaks", "path", "message"), BROKEN)
def test_a_broken_pack_exits_2_naming_file_and_field(
    tmp_path: Path,
    starter_text: str,
    capsys: pytest.CaptureFixture[str],
    breaks,
    path: str,
    message: str,
) -> None:
    code, out, err = _check(tmp_path, breaks(starter_text), capsys)
    assert code == 2
    assert out == ""
    problem = next(line for line in err.splitlines() if message in line)
    assert str(tmp_path / "pack.toml") in problem
    assert f": {path}: " in problem if path else "bad TOML" in problem


def test_every_problem_is_listed_at_once(
    tmp_path: Path, starter_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _edit(starter_text, "techniques.rasengan", r"^cost = \d+", "cost = -5")
    text = _edit(text, "fighters.naruto", r"^speed = ", "colour = 'orange'\nspeed = ")
    code, _, err = _check(tmp_path, text, capsys)
    assert code == 2
    assert "techniques.rasengan.cost" in err
    assert "fighters.naruto.colour: unknown field" in err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["content", "check", str(tmp_path / "nowhere.toml")])
    err = capsys.readouterr().err
    assert code == 2
    assert "nowhere.toml" in err and "no such file" in err


def test_what_is_not_a_pack_file_exits_2_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kessen.content.loader as loader

    for path in [tmp_path, *(p for p in (Path("/dev/zero"),) if p.exists())]:
        code = main(["content", "check", str(path)])
        err = capsys.readouterr().err
        assert code == 2 and err == f"error: {path}: not a regular file\n"
    big = tmp_path / "big.toml"
    big.write_text('[pack]\nname = "big"\nversion = "1.0.0"\n' + "# padding\n" * 200, "utf-8")
    monkeypatch.setattr(loader, "MAX_CONTENT_BYTES", 1_000_000)
    assert main(["content", "check", str(big)]) == 2  # no fighters, but it was read
    assert "a pack needs at least one fighter" in capsys.readouterr().err
    monkeypatch.setattr(loader, "MAX_CONTENT_BYTES", 1000)
    assert main(["content", "check", str(big)]) == 2
    assert capsys.readouterr().err == f"error: {big}: larger than 1,000 bytes\n"
