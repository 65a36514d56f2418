#!/usr/bin/env python3
"""Publication dates on ../shared/eval/publication-date (exact day by its scorer)."""
import json
from pathlib import Path

from common import baseline_gzip, extract, run_cpu, run_standalone, scorer

def measure(binary, evaluation, work):
    folder = evaluation / "publication-date"
    gold = json.load(open(folder / "gold.json", encoding="utf-8"))
    predictions, cpu = {}, 0.0
    for url, entry in sorted(gold.items()):
        result, used, _ = extract(binary, folder / "html" / entry["file"], url=url)
        cpu += used
        published = result.get("published") if result else None
        predictions[entry["file"]] = published[:10] if published else None
    out = work / "publication-date.json"
    out.write_text(json.dumps(predictions))
    print("publication-date (%d pages):" % len(gold))
    for line in scorer(folder / "score.py", str(out))[-1:]:
        print("   ", line)
    print("    CPU %.1f ms/page" % (1000 * cpu / len(gold)))

if __name__ == "__main__":
    run_standalone(measure, __doc__)
