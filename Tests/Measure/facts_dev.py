#!/usr/bin/env python3
"""Facility facts on ../shared/eval/facts-dev (P/R/F1 by its scorer), through `factwatch extract --cases`.

    swift build -c release
    python3 Tests/Measure/facts_dev.py [--eval ../shared/eval] [--binary .build/release/factwatch]

All 62 articles go through one process; the CPU time of that process is reported per article and as a ratio against
the same process printing its version (start-up alone), measured in the same run.
"""
import json

from common import run_cpu, run_standalone, scorer


def measure(binary, evaluation, work):
    folder = evaluation / "facts-dev"
    cases = [json.loads(line) for line in open(folder / "cases.jsonl", encoding="utf-8") if line.strip()]
    inputs = work / "facts-dev-cases.jsonl"
    with open(inputs, "w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps({"id": case["id"], "text": case["text"], "published": case.get("published")}) + "\n")
    completed, cpu = run_cpu([binary, "extract", "--cases", str(inputs)])
    if completed.returncode != 0:
        print("facts-dev: factwatch extract --cases failed:", completed.stderr.strip()[:2000])
    out = work / "facts-dev.jsonl"
    out.write_text(completed.stdout)
    _, startup = run_cpu([binary, "--version"])
    print("facts-dev (%d articles):" % len(cases))
    for line in scorer(folder / "score.py", str(folder / "cases.jsonl"), str(out))[-6:]:
        print("   ", line)
    per_article = max(cpu - startup, 0) / len(cases)
    print("    CPU %.2f ms/article after start-up; whole process %.1f ms; start-up alone %.1f ms (ratio %.1fx)"
          % (1000 * per_article, 1000 * cpu, 1000 * startup, cpu / startup if startup else float("nan")))


if __name__ == "__main__":
    run_standalone(measure, __doc__)
