#!/usr/bin/env python3
"""Publication dates on ../shared/eval/publication-date (exact day by its scorer), with the misses listed."""
import json
from pathlib import Path

from common import extract, run_standalone, scorer

def measure(binary, evaluation, work):
    folder = evaluation / "publication-date"
    gold = json.load(open(folder / "gold.json", encoding="utf-8"))
    predictions, cpu, misses = {}, 0.0, []
    for url, entry in sorted(gold.items()):
        result, used, _ = extract(binary, folder / "html" / entry["file"], url=url)
        cpu += used
        published = result.get("published") if result else None
        predictions[entry["file"]] = published[:10] if published else None
        if predictions[entry["file"]] != entry["date"]:
            misses.append("%s: gold %s, found %s (%s)" % (entry["file"], entry["date"], published, url[:70]))
    out = work / "publication-date.json"
    out.write_text(json.dumps(predictions))
    print("publication-date (%d pages):" % len(gold))
    for line in scorer(folder / "score.py", str(out))[-1:]:
        print("   ", line)
    for miss in misses:
        print("    miss", miss)
    print("    process CPU %.1f ms/page" % (1000 * cpu / len(gold)))

if __name__ == "__main__":
    run_standalone(measure, __doc__)
