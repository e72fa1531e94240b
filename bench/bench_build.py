#!/usr/bin/env python3
"""Time `digest ingest` and `digest build` on N generated articles, with peak memory.

    python3 bench/bench_build.py 1000 10000 [--corpus ../shared/corpus/make_corpus.py] [--runs 3]

Each N gets a fresh site whose content/raw/ is `make_corpus.py N --clean`.
Reported: ingest alone, full build from raw (ingest included), full build from
Markdown (output/ removed, nothing to ingest), and a no-change rebuild; medians
of --runs runs, peak RSS of the digest process (children included). Removed
folders are moved aside and written-back data synced before each run (see `discard`).
"""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITE_YAML = """\
title: Bench Digest
base_url: https://example.org/
timezone: America/Toronto
topics:
  politics: {title: Politics, keywords: [election, parliament, minister, premier, budget]}
  trade: {title: Trade, keywords: [tariffs, tariff, trade, export, CUSMA, steel, aluminum]}
  economy: {title: Economy, keywords: [inflation, interest rates, economy, unemployment, GDP]}
  health: {title: Health, keywords: [health, measles, pharmacare, vaccine]}
  environment: {title: Environment, keywords: [wildfires, emissions, climate, carbon]}
  technology: {title: Technology, keywords: [artificial intelligence, cybersecurity, semiconductors]}
  sports: {title: Sports, keywords: [playoffs, Olympics, Stanley Cup, World Cup]}
  world: {title: World, keywords: [Ukraine, ceasefire, sanctions, summit, NATO]}
tags:
  Mark Carney: [Carney]
  Donald Trump: [Trump]
"""


_discarded = itertools.count()


def discard(path: Path, trash: Path) -> None:
    """Move `path` out of the way (into `trash`, on the same file system) instead of deleting it.

    Deleting ten thousand files and then creating as many makes ext4 slow to allocate
    inodes for about half a minute (it skips recently freed ones), which would charge one
    run's clean-up to whichever tool runs next. `trash` is deleted when the benchmark ends.
    """
    if path.exists():
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{next(_discarded)}-{path.name}")


def settle() -> None:
    """Write back what the last run wrote, so that the kernel does not do it during the next."""
    os.sync()


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one run of `cmd`, peak taken over its whole process tree."""
    settle()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def measure(n: int, corpus: Path, runs: int) -> dict[str, tuple[float, float]]:
    root = Path(tempfile.mkdtemp(prefix=f"digest-bench-{n}-"))
    raw = root / "raw"
    subprocess.run([sys.executable, str(corpus), str(n), str(raw), "--clean"], check=True)
    digest = [sys.executable, "-m", "digest"]
    results: dict[str, list[tuple[float, float]]] = {"ingest": [], "build from raw": [],
                                                      "build from Markdown": [], "rebuild, nothing changed": []}
    trash = root / "trash"
    for _ in range(runs):
        site = root / "site"
        discard(site, trash)
        (site / "content").mkdir(parents=True)
        shutil.copytree(raw, site / "content/raw")
        (site / "site.yaml").write_text(SITE_YAML)
        results["ingest"].append(timed(digest + ["ingest"], site))
        discard(site / "content/articles", trash)
        discard(site / ".digest", trash)
        results["build from raw"].append(timed(digest + ["build"], site))
        discard(site / "output", trash)
        results["build from Markdown"].append(timed(digest + ["build"], site))
        results["rebuild, nothing changed"].append(timed(digest + ["build"], site))
    shutil.rmtree(root, ignore_errors=True)
    return {k: (statistics.median(s for s, _ in v), max(m for _, m in v)) for k, v in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/make_corpus.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| articles | step | median s | peak MiB |\n| ---: | --- | ---: | ---: |")
    for n in args.sizes:
        for step, (seconds, mib) in measure(n, args.corpus, args.runs).items():
            print(f"| {n:,} | {step} | {seconds:.2f} | {mib:.0f} |", flush=True)


if __name__ == "__main__":
    main()
