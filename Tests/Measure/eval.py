#!/usr/bin/env python3
"""Measure factwatch on the shared evaluation sets, through the command line a user runs.

    swift build -c release
    python3 Tests/Measure/eval.py [--eval ../shared/eval] [--binary .build/release/factwatch]

For each set it writes predictions in the scorer's format to a temporary folder, runs the set's own scorer, and
prints its summary. Timing is CPU time of the factwatch processes (user + system, from the kernel), reported per
page and as a ratio against a baseline measured in the same run on the same files: `gzip -dc` for the HTML sets
(reading and decompressing each page), and `factwatch --version` for the per-article runs (process start-up).

The evaluation data is not part of the repository: this script only reads it when it is present (a fresh clone
has no ../shared). Nothing here is tuned against it.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cpu(argv, **kwargs):
    """Runs argv and returns (completed process, CPU seconds it used)."""
    before = child_cpu()
    completed = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    return completed, child_cpu() - before


def extract(binary, path, url=None, published=None):
    argv = [binary, "extract", "--json"]
    if url:
        argv += ["--url", url]
    if published:
        argv += ["--published", published]
    completed, cpu = run_cpu(argv + [str(path)])
    if completed.returncode != 0 or not completed.stdout.strip():
        return None, cpu, completed.stderr.strip()
    return json.loads(completed.stdout.splitlines()[0]), cpu, None


def baseline_gzip(paths):
    cpu = 0.0
    for path in paths:
        if str(path).endswith(".gz"):
            _, used = run_cpu(["gzip", "-dc", str(path)])
        else:
            _, used = run_cpu(["cat", str(path)])
        cpu += used
    return cpu


def scorer(script, *arguments):
    completed = subprocess.run([sys.executable, str(script), *arguments], capture_output=True, text=True)
    return completed.stdout.strip().splitlines()


def article_extraction(binary, evaluation, work):
    folder = evaluation / "article-extraction"
    gold = json.load(open(folder / "ground-truth.json", encoding="utf-8"))
    predictions, cpu, failures = {}, 0.0, 0
    paths = [folder / "html" / f"{page}.html.gz" for page in sorted(gold)]
    for page, path in zip(sorted(gold), paths):
        result, used, error = extract(binary, path, url=gold[page].get("url"))
        cpu += used
        if result is None:
            failures += 1
        predictions[page] = {"articleBody": "\n\n".join(result["article"]["paragraphs"]) if result else ""}
    out = work / "article-extraction.json"
    out.write_text(json.dumps(predictions))
    base = baseline_gzip(paths)
    lines = scorer(folder / "score.py", str(out))
    print("article-extraction (%d pages, %d failed to extract):" % (len(paths), failures))
    for line in lines[-6:]:
        print("   ", line)
    print("    CPU %.1f ms/page; baseline gzip -dc %.1f ms/page; ratio %.1fx"
          % (1000 * cpu / len(paths), 1000 * base / len(paths), cpu / base if base else float("nan")))


def publication_date(binary, evaluation, work):
    folder = evaluation / "publication-date"
    gold = json.load(open(folder / "gold.json", encoding="utf-8"))
    predictions, cpu = {}, 0.0
    for url, entry in sorted(gold.items()):
        result, used, _ = extract(binary, folder / "html" / entry["file"], url=url)
        cpu += used
        published = result["article"].get("published") if result else None
        predictions[entry["file"]] = published[:10] if published else None
    out = work / "publication-date.json"
    out.write_text(json.dumps(predictions))
    print("publication-date (%d pages):" % len(gold))
    for line in scorer(folder / "score.py", str(out))[-1:]:
        print("   ", line)
    print("    CPU %.1f ms/page" % (1000 * cpu / len(gold)))


def facts_dev(binary, evaluation, work):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"), help="the evaluation folder")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "factwatch"))
    parser.add_argument("--only", choices=["article-extraction", "publication-date", "facts-dev"])
    arguments = parser.parse_args()
    evaluation = Path(arguments.eval)
    if not evaluation.is_dir():
        sys.exit(f"no evaluation data at {evaluation}; pass --eval DIR")
    if not Path(arguments.binary).exists():
        sys.exit(f"no binary at {arguments.binary}; run `swift build -c release` or pass --binary")
    with tempfile.TemporaryDirectory(prefix="factwatch-eval-") as directory:
        work = Path(directory)
        for name, measure in [("article-extraction", article_extraction), ("publication-date", publication_date),
                              ("facts-dev", facts_dev)]:
            if arguments.only in (None, name):
                measure(arguments.binary, evaluation, work)


if __name__ == "__main__":
    main()
