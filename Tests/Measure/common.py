"""Shared helpers for the measuring scripts in this folder: run the factwatch binary, time it, call a scorer."""
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




def arguments(description):
    """The options every measuring script takes; returns (binary, evaluation folder)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"), help="the evaluation folder")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "factwatch"))
    parsed = parser.parse_args()
    evaluation = Path(parsed.eval)
    if not evaluation.is_dir():
        sys.exit(f"no evaluation data at {evaluation}; pass --eval DIR")
    if not Path(parsed.binary).exists():
        sys.exit(f"no binary at {parsed.binary}; run `swift build -c release` or pass --binary")
    return parsed.binary, evaluation


def run_standalone(measure, description):
    binary, evaluation = arguments(description)
    with tempfile.TemporaryDirectory(prefix="factwatch-eval-") as directory:
        measure(binary, evaluation, Path(directory))
