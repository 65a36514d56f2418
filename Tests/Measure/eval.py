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
import tempfile
from pathlib import Path

import article_extraction
import facts_dev
import facts_news
import publication_date
import time_expressions
from common import arguments


def main():
    binary, evaluation = arguments(__doc__)
    with tempfile.TemporaryDirectory(prefix="factwatch-eval-") as directory:
        for module in (article_extraction, publication_date, facts_news, facts_dev, time_expressions):
            module.measure(binary, evaluation, Path(directory))


if __name__ == "__main__":
    main()
