#!/usr/bin/env python3
"""Facility facts on ../shared/eval/facts-dev (P/R/F1 by its scorer, CPU per article)."""
import json
from pathlib import Path

from common import baseline_gzip, extract, run_cpu, run_standalone, scorer

def measure(binary, evaluation, work):
    folder = evaluation / "facts-dev"
    cases = [json.loads(line) for line in open(folder / "cases.jsonl", encoding="utf-8") if line.strip()]
    lines, cpu = [], 0.0
    for case in cases:
        path = work / f"{case['id']}.txt"
        path.write_text(case["text"] + "\n", encoding="utf-8")
        result, used, error = extract(binary, path, published=case.get("published"))
        cpu += used
        facts = []
        for fact in (result or {}).get("facts", []):
            facility = fact["facility"]
            facts.append({
                "kind": facility["kind"], "city": facility.get("city"), "operator": facility.get("operator"),
                "status": fact["status"], "deadline": fact.get("deadline"),
            })
        lines.append(json.dumps({"id": case["id"], "facts": facts}))
    out = work / "facts-dev.jsonl"
    out.write_text("\n".join(lines) + "\n")
    _, startup = run_cpu([binary, "--version"])
    print("facts-dev (%d articles):" % len(cases))
    for line in scorer(folder / "score.py", str(folder / "cases.jsonl"), str(out))[-6:]:
        print("   ", line)
    per_article = cpu / len(cases)
    print("    CPU %.1f ms/article (whole process); process start-up %.1f ms; ratio %.1fx"
          % (1000 * per_article, 1000 * startup, per_article / startup if startup else float("nan")))

if __name__ == "__main__":
    run_standalone(measure, __doc__)
