#!/usr/bin/env python3
"""Measure polling: `factwatch once` against urlwatch 2.29 on the same loopback pages, in the same run.

    swift build -c release
    python3 -m venv /tmp/urlwatch-venv && /tmp/urlwatch-venv/bin/pip install urlwatch==2.29
    python3 Tests/Measure/fetch_bench.py --urlwatch /tmp/urlwatch-venv/bin/urlwatch [--pages 1000] [--large 10000]

One page server (page_server.py, a separate process) serves generated articles with ETags. For `--pages` sources,
both tools get the same URLs, each with a fresh state: a first pass (every page new) and a repeat pass (every page
answers 304). Each pass is one process run under `/usr/bin/time -v`, which gives wall time and peak resident memory.
factwatch is then measured alone over `--large` sources (peak memory), and `factwatch bench fetch` gives the fetch
layer's own pages/s and latency percentiles at both sizes. Everything is printed as one JSON object, with ratios
(urlwatch / factwatch for time, factwatch / urlwatch for memory) and whether the issue's targets are met.

Per-host settings are explicit here because every page lives on one loopback host: factwatch's polite defaults
(2 transfers and one request a second per host) would turn a 1,000-page pass into a 1,000-second one. The benchmark
configuration therefore names the host: `[[host]] name = "127.0.0.1"`, `concurrency = 32`, `delay = "0s"`, with 32
transfers overall. urlwatch has no per-host settings; it runs its fixed pool of 10 worker threads.

The server's CPU time per pass is reported too, so one can check it was not the bottleneck.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def start_server(pages):
    server = subprocess.Popen(
        [sys.executable, str(HERE / "page_server.py"), "--pages", str(pages)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = server.stdout.readline().strip()
    if not base.startswith("http://"):
        server.kill()
        raise SystemExit(f"page server did not start: {server.stderr.read()}")
    return server, base


def server_stats(base):
    with urllib.request.urlopen(base + "/stats") as response:
        return json.loads(response.read())


def timed(argv, env=None, cwd=None):
    """Runs argv under /usr/bin/time -v; returns wall seconds, peak RSS in MiB, exit status and stderr tail."""
    completed = subprocess.run(
        ["/usr/bin/time", "-v", *argv], capture_output=True, text=True, env=env, cwd=cwd,
    )
    report = completed.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    user = re.search(r"User time \(seconds\): ([\d.]+)", report)
    system = re.search(r"System time \(seconds\): ([\d.]+)", report)
    status = re.search(r"Exit status: (\d+)", report)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else None
    tail = "\n".join(line for line in report.splitlines() if not line.startswith("\t"))[-400:]
    return {
        "wall_s": seconds,
        "peak_rss_mib": round(int(rss.group(1)) / 1024, 1) if rss else None,
        "cpu_s": round(float(user.group(1)) + float(system.group(1)), 2) if user and system else None,
        "exit_status": int(status.group(1)) if status else completed.returncode,
        "stderr_tail": tail or None,
    }


def measured_pass(argv, base, env=None, cwd=None):
    before = server_stats(base)
    result = timed(argv, env=env, cwd=cwd)
    after = server_stats(base)
    result["server"] = {
        key: after[key] - before[key] - (1 if key == "requests" else 0)
        for key in ("requests", "ok", "not_modified", "not_found")
    }
    cpu = after["cpu_seconds"] - before["cpu_seconds"]
    result["server"]["cpu_share"] = round(cpu / result["wall_s"], 2) if result["wall_s"] else None
    return result


def factwatch_config(directory, base, count):
    lines = [
        f'database = "{directory}/factwatch.sqlite"',
        'interval = "15m"',
        "concurrency = 32",
        "",
        "# Every page is on one loopback host: the benchmark lifts the per-host limit and delay for it alone.",
        "[[host]]",
        'name = "127.0.0.1"',
        "concurrency = 32",
        'delay = "0s"',
        "",
    ]
    for index in range(count):
        lines += ["[[source]]", f'name = "page-{index:05d}"', f'url = "{base}/article/{index}.html"', ""]
    path = Path(directory) / "factwatch.toml"
    path.write_text("\n".join(lines))
    return path


def run_factwatch(binary, base, count, scratch):
    directory = Path(scratch) / f"factwatch-{count}"
    directory.mkdir()
    config = factwatch_config(directory, base, count)
    argv = [binary, "once", "--config", str(config), "--log-level", "error"]
    first = measured_pass(argv, base)
    repeat = measured_pass(argv, base)
    return {"first": first, "repeat": repeat}


def run_urlwatch(urlwatch, base, count, scratch):
    directory = Path(scratch) / f"urlwatch-{count}"
    directory.mkdir()
    jobs = "\n---\n".join(
        f"name: page-{index:05d}\nurl: {base}/article/{index}.html" for index in range(count)
    )
    (directory / "urls.yaml").write_text(jobs + "\n")
    # Every reporter off: the comparison is about polling and storing, not printing a report of 1,000 new pages.
    (directory / "urlwatch.yaml").write_text(
        "display:\n  new: true\n  error: true\n  unchanged: false\n"
        "report:\n  text:\n    details: false\n    footer: false\n    line_length: 75\n"
        "  stdout:\n    enabled: false\n    color: false\n  email:\n    enabled: false\n"
    )
    env = dict(os.environ, HOME=str(directory))
    argv = [
        urlwatch, "--urls", str(directory / "urls.yaml"), "--config", str(directory / "urlwatch.yaml"),
        "--hooks", str(directory / "hooks.py"), "--cache", str(directory / "cache.db"),
    ]
    first = measured_pass(argv, base, env=env, cwd=directory)
    repeat = measured_pass(argv, base, env=env, cwd=directory)
    return {"first": first, "repeat": repeat}


def bench_fetch(binary, base, count):
    completed = subprocess.run(
        [binary, "bench", "fetch", f"{base}/article/{{n}}.html", "--count", str(count), "--concurrency", "32",
         "--concurrency-per-host", "32", "--host-delay", "0s"],
        capture_output=True, text=True,
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip()[-400:]}
    return json.loads(completed.stdout)


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "factwatch"))
    parser.add_argument("--urlwatch", default=shutil.which("urlwatch"), help="the urlwatch 2.29 executable")
    parser.add_argument("--pages", type=int, default=1000, help="sources in the head-to-head comparison")
    parser.add_argument("--large", type=int, default=10000, help="sources for factwatch's memory at scale (0: skip)")
    arguments = parser.parse_args()

    server, base = start_server(max(arguments.pages, arguments.large))
    try:
        with tempfile.TemporaryDirectory(prefix="factwatch-fetch-bench-") as scratch:
            # Warm the server's page cache so neither tool pays for page generation.
            bench_fetch(arguments.binary, base, max(arguments.pages, arguments.large))
            report = {"pages": arguments.pages, "large": arguments.large, "server": base}
            factwatch = run_factwatch(arguments.binary, base, arguments.pages, scratch)
            report["factwatch"] = factwatch
            if arguments.urlwatch:
                version = subprocess.run([arguments.urlwatch, "--version"], capture_output=True, text=True)
                urlwatch = run_urlwatch(arguments.urlwatch, base, arguments.pages, scratch)
                report["urlwatch"] = dict(urlwatch, version=version.stdout.strip())
                report["ratios"] = {
                    "first_wall_urlwatch_over_factwatch": ratio(
                        urlwatch["first"]["wall_s"], factwatch["first"]["wall_s"]),
                    "repeat_wall_urlwatch_over_factwatch": ratio(
                        urlwatch["repeat"]["wall_s"], factwatch["repeat"]["wall_s"]),
                    "first_rss_factwatch_over_urlwatch": ratio(
                        factwatch["first"]["peak_rss_mib"], urlwatch["first"]["peak_rss_mib"]),
                    "repeat_rss_factwatch_over_urlwatch": ratio(
                        factwatch["repeat"]["peak_rss_mib"], urlwatch["repeat"]["peak_rss_mib"]),
                }
            report["bench_fetch"] = {str(arguments.pages): bench_fetch(arguments.binary, base, arguments.pages)}
            peak_large = None
            if arguments.large:
                large = run_factwatch(arguments.binary, base, arguments.large, scratch)
                report["factwatch_large"] = large
                report["bench_fetch"][str(arguments.large)] = bench_fetch(arguments.binary, base, arguments.large)
                peak_large = max(large["first"]["peak_rss_mib"] or 0, large["repeat"]["peak_rss_mib"] or 0)
            ratios = report.get("ratios", {})
            report["targets"] = {
                "first_pass_at_most_one_fifth_of_urlwatch": (ratios.get("first_wall_urlwatch_over_factwatch")
                                                             or 0) >= 5,
                "repeat_pass_at_most_one_fifth_of_urlwatch": (ratios.get("repeat_wall_urlwatch_over_factwatch")
                                                              or 0) >= 5,
                "peak_rss_below_urlwatch": max(ratios.get("first_rss_factwatch_over_urlwatch") or 9,
                                               ratios.get("repeat_rss_factwatch_over_urlwatch") or 9) < 1,
            }
            if arguments.large:
                report["targets"][f"peak_rss_at_{arguments.large}_under_100_mib"] = (
                    peak_large is not None and peak_large < 100
                )
            print(json.dumps(report, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
