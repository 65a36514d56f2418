#!/usr/bin/env python3
"""Article-body extraction on ../shared/eval/article-extraction (F1 by its scorer, CPU per page)."""
import json
from pathlib import Path

from common import baseline_gzip, extract, run_cpu, run_standalone, scorer

def measure(binary, evaluation, work):
    folder = evaluation / "article-extraction"
    gold = json.load(open(folder / "ground-truth.json", encoding="utf-8"))
    predictions, cpu, failures = {}, 0.0, 0
    paths = [folder / "html" / f"{page}.html.gz" for page in sorted(gold)]
    for page, path in zip(sorted(gold), paths):
        result, used, error = extract(binary, path, url=gold[page].get("url"))
        cpu += used
        if result is None:
            failures += 1
        predictions[page] = {"articleBody": "\n\n".join(result["paragraphs"]) if result else ""}
    out = work / "article-extraction.json"
    out.write_text(json.dumps(predictions))
    base = baseline_gzip(paths)
    lines = scorer(folder / "score.py", str(out))
    print("article-extraction (%d pages, %d failed to extract):" % (len(paths), failures))
    for line in lines[-6:]:
        print("   ", line)
    print("    CPU %.1f ms/page; baseline gzip -dc %.1f ms/page; ratio %.1fx"
          % (1000 * cpu / len(paths), 1000 * base / len(paths), cpu / base if base else float("nan")))

if __name__ == "__main__":
    run_standalone(measure, __doc__)
