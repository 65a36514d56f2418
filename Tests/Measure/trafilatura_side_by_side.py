#!/usr/bin/env python3
"""CPU time per page of factwatch's article extraction against trafilatura's, side by side in one run.

    pip install trafilatura lxml_html_clean
    swift build -c release
    python3 Tests/Measure/trafilatura_side_by_side.py [--eval ../shared/eval] [--rounds 2]

Both read the same pages of ../shared/eval/article-extraction, already decompressed in memory, and both are timed
in CPU time of their own process (user + system) around the extraction calls only: trafilatura in this process
after one warm-up call, factwatch through `factwatch bench extract`, whose "article_ms_per_page" covers decoding,
parsing, main text, title and dates. The two alternate for --rounds rounds so that other load on the machine hits
both alike; the ratio is computed per round.

trafilatura runs in the configuration of the published benchmark (`trafilatura.extract(html,
include_comments=False)`, fallbacks on) and, for reference, also with `with_metadata=True` (title, date and so on,
which factwatch always extracts) and with `fast=True` (no fallbacks). Its F1 on the same pages is printed too, to
show that the configuration is the one the issue quotes (0.962).
"""
import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, scorer


def trafilatura_ms_per_page(pages, **options):
    import trafilatura
    start = time.process_time()
    outputs = [trafilatura.extract(html, **options) for html in pages]
    return 1000 * (time.process_time() - start) / len(pages), outputs


def factwatch_ms_per_page(binary, folder, repeats):
    completed = subprocess.run(
        [binary, "bench", "extract", "--repeats", str(repeats), str(folder)],
        capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)["article_ms_per_page"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "factwatch"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5, help="passes of factwatch over the pages per round")
    options = parser.parse_args()
    try:
        import trafilatura
    except ImportError:
        sys.exit("trafilatura is not installed: pip install trafilatura lxml_html_clean")
    folder = Path(options.eval) / "article-extraction"
    gold = json.load(open(folder / "ground-truth.json", encoding="utf-8"))
    names = sorted(gold)
    pages = [gzip.open(folder / "html" / f"{name}.html.gz").read() for name in names]
    trafilatura.extract("<html><body><p>" + "Warm-up text for the first call. " * 20 + "</p></body></html>")
    print("trafilatura %s on %d pages (%.1f MB); factwatch %s"
          % (trafilatura.__version__, len(pages), sum(map(len, pages)) / 1e6, options.binary))
    with tempfile.TemporaryDirectory(prefix="factwatch-side-by-side-") as work:
        html_folder = Path(work) / "html"
        html_folder.mkdir()
        for name, html in zip(names, pages):
            (html_folder / f"{name}.html").write_bytes(html)
        ratios = []
        for round_number in range(1, options.rounds + 1):
            default_ms, outputs = trafilatura_ms_per_page(pages, include_comments=False)
            ours_ms = factwatch_ms_per_page(options.binary, html_folder, options.repeats)
            metadata_ms, _ = trafilatura_ms_per_page(pages, include_comments=False, with_metadata=True)
            fast_ms, _ = trafilatura_ms_per_page(pages, include_comments=False, fast=True)
            ratios.append(default_ms / ours_ms)
            print("round %d: trafilatura %.2f ms/page (with_metadata %.2f, fast %.2f); factwatch %.3f ms/page; "
                  "trafilatura / factwatch = %.1f (with_metadata %.1f, fast %.1f)"
                  % (round_number, default_ms, metadata_ms, fast_ms, ours_ms, default_ms / ours_ms,
                     metadata_ms / ours_ms, fast_ms / ours_ms))
        predictions = Path(work) / "trafilatura.json"
        predictions.write_text(json.dumps({name: {"articleBody": text or ""} for name, text in zip(names, outputs)}))
        for line in scorer(folder / "score.py", str(predictions))[-2:]:
            print("    trafilatura:", line)
    print("factwatch is %.1f times faster than trafilatura (lowest round %.1f; the target is at least 20)"
          % (sum(ratios) / len(ratios), min(ratios)))


if __name__ == "__main__":
    main()
