#!/usr/bin/env python3
"""Article-body extraction on ../shared/eval/article-extraction (F1 by its scorer, CPU per page).

Two timings: the whole `factwatch extract` process per page (start-up included, against `gzip -dc` of the same
files as the baseline), and the extraction alone in one process (`factwatch bench extract` over the same pages,
against libxml2's DOM parse of the same pages in the same run).
"""
import json
import subprocess
from pathlib import Path

from common import baseline_gzip, extract, run_standalone, scorer

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
    print("    process CPU %.1f ms/page; baseline gzip -dc %.1f ms/page; ratio %.1fx"
          % (1000 * cpu / len(paths), 1000 * base / len(paths), cpu / base if base else float("nan")))
    bench = json.loads(subprocess.run([binary, "bench", "extract", "--repeats", "3", str(folder / "html")],
                                      capture_output=True, text=True, check=True).stdout)
    print("    in-process extraction %.3f ms/page (%.0f pages/s, %.0f MB/s); libxml2 DOM parse alone %.3f ms/page; "
          "ratio %.2fx" % (bench["article_ms_per_page"], bench["article_pages_per_second"],
                           bench["article_mb_per_second"], bench["libxml2_parse_ms_per_page"],
                           bench["article_vs_libxml2_parse_ratio"]))

if __name__ == "__main__":
    run_standalone(measure, __doc__)
