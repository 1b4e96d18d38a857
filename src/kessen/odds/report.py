"""Odds and tournaments as plain text for a terminal or a pipe.

>>> from kessen.odds.tally import Tally
>>> t = Tally(battles=4, wins=[3, 1], lengths=[0, 2, 2], turns=6)
>>> text = odds_text(OddsResult(MatchSpec(("naruto", "sasuke"), seed=1), t, 4, False))
>>> print(text.splitlines()[0])
naruto vs sasuke: 4 battles (seed 1, heuristic vs heuristic)
"""

from __future__ import annotations

from collections.abc import Mapping

from kessen.content import Pack
from kessen.odds.match import MatchSpec
from kessen.odds.odds import OddsResult
from kessen.odds.stats import length_stats, wilson_interval
from kessen.odds.summary import ENDINGS, MOMENTS
from kessen.odds.tournament import TournamentResult

__all__ = ["ENDING_LABELS", "MOMENT_LABELS", "odds_text", "tournament_text"]

ENDING_LABELS = {
    "decisive_clash": "decisive clash",
    "mutual_strike": "mutual strike",
    "direct_blow": "direct blow (no clash)",
    "turn_limit": "turn limit (draw)",
    "other": "other",
}
MOMENT_LABELS = {
    "beast_saved_host": "a beast saved its host",
    "left_critical": "a fighter left critical",
    "killed_outright": "a fighter killed outright",
    "survival_clock_death": "death by the survival clock",
    "stabilised": "a dying fighter stabilised",
    "both_fell": "both sides fell at once",
}
#: Finishing techniques listed in the text report (all of them are in the JSON).
TOP_FINISHERS = 8


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _share_line(label: str, count: int, n: int, width: int) -> str:
    low, high = wilson_interval(count, n)
    share = count / n if n else 0.0
    return f"  {label:<{width}} {count:>9,}  {_pct(share)}   {_pct(low)} - {_pct(high)}"


def _counted(
    title: str, counts: Mapping[str, int], names: tuple[str, ...], labels: dict, n: int
) -> list[str]:
    rows = [(labels.get(k, k), counts.get(k, 0)) for k in names if counts.get(k, 0)]
    if not rows:
        return []
    width = max(len(label) for label, _ in rows)
    lines = ["", title]
    lines += [f"  {label:<{width}} {c:>9,}  {_pct(c / n)}" for label, c in rows]
    return lines


def odds_text(result: OddsResult) -> str:
    """The report ``kessen odds`` prints."""
    spec, t = result.spec, result.tally
    n = t.battles
    keys = result.keys
    head = f"{spec.sides[0]} vs {spec.sides[1]}: {n:,} battles ({_setting(spec, result)})"
    lines = [head]
    if result.partial:
        lines.append(f"PARTIAL: interrupted after {n:,} of {result.requested:,} battles")
    if n == 0:
        return "\n".join(lines)
    labels = [f"{keys[0]} wins", f"{keys[1]} wins", "draws"]
    width = max(len(x) for x in labels)
    lines.append(f"  {'':<{width}} {'battles':>9}  {'share':>6}   95% interval")
    for label, count in zip(labels, (t.wins[0], t.wins[1], t.draws), strict=True):
        lines.append(_share_line(label, count, n, width))
    s = length_stats(t.lengths)
    lines += [
        "",
        f"Battle length: mean {s['mean']:.2f} turns, sd {s['sd']:.2f}, median {s['median']}, "
        f"10-90%: {s['p10']}-{s['p90']}, range {s['min']}-{s['max']}",
    ]
    lines += _counted("How they ended", t.endings, ENDINGS, ENDING_LABELS, n)
    lines += _counted("Moments (share of battles)", t.moments, MOMENTS, MOMENT_LABELS, n)
    lines += _finishers(t.finishers, result.pack, n)
    return "\n".join(lines)


def _setting(spec: MatchSpec, result: OddsResult) -> str:
    parts = [f"seed {spec.seed}", f"{spec.players[0]} vs {spec.players[1]}"]
    if result.scenario:
        parts.append(f"scenario {result.scenario}")
    if spec.pack.path is not None:
        parts.append(f"pack {spec.pack.path}")
    return ", ".join(parts)


def _finishers(counts: Mapping[str, int], pack: Pack | None, n: int) -> list[str]:
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = {k: _technique_name(k, pack) for k, _ in ranked}
    width = max(len(v) for v in names.values())
    lines = ["", "Finishing techniques (blows that felled a fighter in the last turn)"]
    for key, count in ranked[:TOP_FINISHERS]:
        lines.append(f"  {names[key]:<{width}} {count:>9,}  {_pct(count / n)}")
    if len(ranked) > TOP_FINISHERS:
        lines.append(f"  ... and {len(ranked) - TOP_FINISHERS} more (see --json)")
    return lines


def _technique_name(key: str, pack: Pack | None) -> str:
    tech = pack.techniques.get(key) if pack is not None else None
    return key if tech is None else f"{tech.name} ({key})"


def tournament_text(result: TournamentResult) -> str:
    """The report ``kessen tournament`` prints: the win-rate matrix, then the ratings."""
    names = result.entrants
    total = sum(p.tally.battles for p in result.pairs)
    lines = [
        f"Tournament: {len(names)} entrants, {result.battles:,} battles per pair "
        f"(seed {result.seed}, {total:,} battles)"
    ]
    if result.partial:
        requested = result.battles * len(result.pairs)
        lines.append(f"PARTIAL: interrupted after {total:,} of {requested:,} battles")
    width = max(len(n) for n in names) + 4
    lines += ["", "Win rate of each row against each column (draws count for neither)"]
    lines.append(" " * width + "".join(f"{i + 1:>6}" for i in range(len(names))))
    for i, row in enumerate(result.win_matrix()):
        cells = "".join("     -" if v is None else f"{100 * v:5.0f}%" for v in row)
        lines.append(f"{i + 1:>2}. {names[i]:<{width - 4}}{cells}")
    r = result.ratings
    lines += ["", "Ratings (Bradley-Terry on the Elo scale, draws as half wins; 95% interval)"]
    for rank, name in enumerate(r.ranking(), start=1):
        i = names.index(name)
        low, high = r.interval(i)
        lines.append(
            f"  {rank:>2}. {name:<{width - 4}} {r.ratings[i]:7.0f}  ± {1.96 * r.errors[i]:4.0f}"
            f"   ({low:.0f} - {high:.0f})"
        )
    return "\n".join(lines)
