#!/usr/bin/env python3
"""Facility facts on real reporting: ../shared/eval/facts-news-dev, through `factwatch extract --cases`.

    swift build -c release
    python3 Tests/Measure/facts_news.py [--split work|hold|all] [--by-event] [--per-case] [--show ID|EVENT ...]

The set has 20 episodes. While rules are being written, a quarter of it is kept aside and looked at last: five
episodes and two of the six negative cases, drawn once with a fixed seed (`random.Random(2026)`), listed below.
`--split work` (the default) scores the other three quarters, `--split hold` the quarter kept aside, `--split all`
everything. `--show` prints, for the named cases or episodes of the chosen split, the gold facts beside the
predicted claims with the sentences they came from (never the held-out quarter unless asked for by `--split hold`).

The evaluation data is not part of the repository: this script only reads it when it is present.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, run_cpu

HELD_OUT_EPISODES = {
    "ecuador-mexico-2024-quito",
    "qatar-2021-2023-restoration",
    "us-2012-benghazi-tunis-khartoum",
    "us-cuba-2017-havana",
    "us-iraq-2019-ordered-departure",
}
HELD_OUT_CASES = {"a-neg-01", "a-neg-03"}


def held_out(case):
    return case["event"] in HELD_OUT_EPISODES or case["id"] in HELD_OUT_CASES


def select(cases, split):
    if split == "all":
        return cases
    return [case for case in cases if held_out(case) == (split == "hold")]


def show(cases, predictions, wanted):
    for case in cases:
        if case["id"] not in wanted and case["event"] not in wanted:
            continue
        print("=" * 100)
        print(case["id"], case["event"], "published:", case.get("published"))
        print(case["text"])
        print("--- gold")
        for fact in case["facts"]:
            print(
                "   ",
                "optional" if fact.get("optional") else "        ",
                fact["kind"], fact["city"], fact.get("operator"), fact["status"], fact.get("status_alt", ""),
                "deadline:", fact.get("deadline"), repr(fact.get("deadline_text")),
            )
        for fact in case.get("must_not", []):
            print("    must not", fact.get("kind"), fact.get("city"), fact.get("status"))
        print("--- predicted")
        for fact in predictions.get(case["id"], {}).get("facts", []):
            print(
                "   ", fact["kind"], fact.get("city"), fact.get("operator"), fact["status"],
                "deadline:", fact.get("deadline"), repr(fact.get("deadline_text")), "|", fact.get("sentence", "")[:160],
            )


def score(binary, evaluation, work, split="work", by_event=False, per_case=False, wanted=()):
    folder = evaluation / "facts-news-dev"
    cases = [json.loads(line) for line in open(folder / "cases.jsonl", encoding="utf-8") if line.strip()]
    cases = select(cases, split)
    gold = work / ("news-gold-%s.jsonl" % split)
    inputs = work / ("news-in-%s.jsonl" % split)
    with open(gold, "w", encoding="utf-8") as g, open(inputs, "w", encoding="utf-8") as i:
        for case in cases:
            g.write(json.dumps(case) + "\n")
            i.write(json.dumps({"id": case["id"], "text": case["text"], "published": case.get("published")}) + "\n")
    completed, cpu = run_cpu([binary, "extract", "--cases", str(inputs)])
    if completed.returncode != 0:
        print("factwatch extract --cases failed:", completed.stderr.strip()[:2000])
    out = work / ("news-pred-%s.jsonl" % split)
    out.write_text(completed.stdout)
    if wanted:
        predictions = {json.loads(line)["id"]: json.loads(line) for line in completed.stdout.splitlines()}
        show(cases, predictions, set(wanted))
    argv = [sys.executable, str(folder / "score.py"), str(gold), str(out)]
    if by_event:
        argv.append("--by-event")
    if per_case:
        argv.append("--per-case")
    scored = subprocess.run(argv, capture_output=True, text=True)
    print("facts-news-dev, split %s (%d cases):" % (split, len(cases)))
    for line in scored.stdout.strip().splitlines():
        print("   ", line)
    print("    CPU %.1f ms for the whole process" % (1000 * cpu))


def measure(binary, evaluation, work):
    """For eval.py: the whole set, by episode (the held-out quarter is only kept aside while rules are written)."""
    score(binary, evaluation, work, split="all", by_event=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "factwatch"))
    parser.add_argument("--split", choices=["work", "hold", "all"], default="work")
    parser.add_argument("--by-event", action="store_true")
    parser.add_argument("--per-case", action="store_true")
    parser.add_argument("--show", nargs="*", default=[])
    parsed = parser.parse_args()
    evaluation = Path(parsed.eval)
    if not (evaluation / "facts-news-dev").is_dir():
        sys.exit(f"no evaluation data at {evaluation / 'facts-news-dev'}; pass --eval DIR")
    with tempfile.TemporaryDirectory(prefix="factwatch-news-") as directory:
        score(parsed.binary, evaluation, Path(directory), parsed.split, parsed.by_event, parsed.per_case, parsed.show)


if __name__ == "__main__":
    main()
