#!/usr/bin/env python3
"""Time expressions (TIMEX3) on ../shared/eval/time-expressions (MEANTIME English), by its TempEval-3 scorer.

    swift build -c release
    python3 Tests/Measure/time_expressions.py [--eval ../shared/eval] [--binary .build/release/factwatch]

The documents go through `factwatch extract --cases` in one process, each resolved against its `published` date;
the scorer's headline is value F1, to compare with the reference systems in that set's README. Set FACTWATCH_ERRORS=N
to print the scorer's first N errors.
"""
import json
import os
import subprocess
import sys

from common import run_cpu, run_standalone


def measure(binary, evaluation, work):
    folder = evaluation / "time-expressions"
    out = work / "time-expressions.jsonl"
    completed, cpu = run_cpu([binary, "extract", "--cases", str(folder / "docs.jsonl")])
    if completed.returncode != 0:
        print("time-expressions: factwatch extract --cases failed:", completed.stderr.strip()[:2000])
    out.write_text(completed.stdout)
    documents = sum(1 for line in open(folder / "docs.jsonl", encoding="utf-8") if line.strip())
    arguments = [sys.executable, str(folder / "score.py"), str(out)]
    if os.environ.get("FACTWATCH_ERRORS"):
        arguments += ["--errors", os.environ["FACTWATCH_ERRORS"]]
    scored = subprocess.run(arguments, capture_output=True, text=True)
    print("time-expressions (%d documents, MEANTIME English):" % documents)
    for line in scored.stdout.strip().splitlines():
        print("   ", line)
    print("    CPU %.1f ms for the whole process (%.2f ms/document)" % (1000 * cpu, 1000 * cpu / documents))


if __name__ == "__main__":
    run_standalone(measure, __doc__)
