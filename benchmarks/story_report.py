"""How the stories of a scenario come out over a range of seeds (issue 13's figures).

    .venv/bin/python benchmarks/story_report.py valley-of-the-end --seeds 0:100 --workers 2

Prints, for the scenario and the seeds:

- the table of outcomes (each fighter's fate, as the aftermath simulated it);
- how often the climax (the decisive exchange, see ``kessen.narration.plan``) is the
  scenario's signature clash, both techniques charged to full power;
- the repetition figures: over seeds 1 to 6, the share of sentences that appear in more
  than one story; over the whole range, the largest share of stories one sentence appears
  in (the scenario's fixed opening, said as its data writes it, set apart);
- which of the seed story's beats each story tells (valley-of-the-end only).
"""

from __future__ import annotations

import argparse
from collections import Counter
from multiprocessing import Pool

from kessen.aftermath import play_scenario, run_aftermath
from kessen.content import load_starter_pack
from kessen.narration import compose_story
from kessen.narration.phrasebook import sentences
from kessen.narration.plan import FIXED_BEATS, outcome_of, seed_beats, signature_clash
from kessen.scenario import load_scenario

#: Seeds whose stories the "more than one story" figure is taken over (the issue's).
SMALL_SEEDS = range(1, 7)


def _one(job: tuple[str, int]) -> dict:
    scenario_id, seed = job
    pack, scenario = load_starter_pack(), load_scenario(scenario_id)
    battle = play_scenario(scenario, pack, seed)
    after = run_aftermath(battle, scenario, pack)
    story = compose_story(battle, pack, scenario=scenario, aftermath=after)
    said, fixed = [], set()
    for line in story.lines():
        for s in sentences(line.text):
            said.append(s)
            if line.beat in FIXED_BEATS:
                fixed.add(s)
    return {
        "seed": seed,
        "outcome": outcome_of(battle, after),
        "signature": signature_clash(battle, scenario) is not None,
        "beats": seed_beats(battle, after, scenario),
        "sentences": said,
        "fixed": fixed,
    }


def repeated_share(stories: list[list[str]]) -> float:
    """Of every sentence said in ``stories``, the share whose sentence is in another story."""
    in_stories = Counter(s for story in stories for s in set(story))
    said = [s for story in stories for s in story]
    return sum(1 for s in said if in_stories[s] > 1) / max(1, len(said))


def widest(stories: list[list[str]], fixed: set[str]) -> tuple[float, str]:
    """The largest share of stories one sentence (not of the fixed opening) appears in."""
    in_stories = Counter(s for story in stories for s in set(story) if s not in fixed)
    if not in_stories:
        return 0.0, ""
    sentence, count = in_stories.most_common(1)[0]
    return count / len(stories), sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="valley-of-the-end")
    parser.add_argument("--seeds", default="0:100", help="first:last (last excluded)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-seed", action="store_true", help="list each story's beats")
    args = parser.parse_args()
    first, last = (int(x) for x in args.seeds.split(":"))
    seeds = sorted(set(range(first, last)) | set(SMALL_SEEDS))
    jobs = [(args.scenario, s) for s in seeds]
    if args.workers > 1:
        with Pool(args.workers) as pool:
            results = pool.map(_one, jobs, chunksize=4)
    else:
        results = [_one(j) for j in jobs]
    ranged = [r for r in results if first <= r["seed"] < last]
    n = len(ranged)
    print(f"{args.scenario}, seeds {first} to {last - 1} ({n} stories)\n")
    print("outcomes:")
    for outcome, count in Counter(r["outcome"] for r in ranged).most_common():
        print(f"  {count * 100 / n:5.1f} %  {outcome}")
    if load_scenario(args.scenario).signatures():
        signature = sum(r["signature"] for r in ranged)
        print(f"\nclimax is the signature clash at full power: {signature * 100 / n:.1f} %")
    else:
        print("\nclimax is the signature clash at full power: n/a (no signatures)")
    small = [r["sentences"] for r in results if r["seed"] in SMALL_SEEDS]
    print(f"seeds 1-6: {repeated_share(small) * 100:.1f} % of sentences in more than one story")
    fixed = set().union(*(r["fixed"] for r in ranged))
    share, sentence = widest([r["sentences"] for r in ranged], fixed)
    print(f"seeds {first}-{last - 1}: at most {share * 100:.1f} % of stories share a sentence")
    print(f"  ({sentence!r})")
    print(f"  {sum(len(r['sentences']) for r in ranged) / n:.0f} sentences a story")
    beats = Counter(b for r in ranged for b in r["beats"])
    if beats:
        print("\nthe seed's beats, share of stories telling each:")
        for beat, count in sorted(beats.items(), key=lambda kv: -kv[1]):
            print(f"  {count * 100 / n:5.1f} %  {beat}")
    if args.per_seed:
        print("\nper seed:")
        for r in ranged:
            print(f"  {r['seed']:4d}  {r['outcome']:<40} {', '.join(r['beats'])}")


if __name__ == "__main__":
    main()
