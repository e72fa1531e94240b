#!/usr/bin/env python3
"""Time `digest ingest` of N generated stories with this checkout and another, alternating.

    python3 bench/bench_ingest.py /path/to/other/checkout [--n 10000] [--runs 5]
        [--corpus ../shared/corpus/make_corpus.py]

Each run ingests `make_corpus.py N --clean` into a fresh site (content/articles/ and
.digest/ moved aside first, data synced), so both trees pay the same costs in the same
minutes; the machine's speed drifts, so only figures from one run of this script compare.
Prints each tree's median and the ratio.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]


def ingest_seconds(tree: Path, site: Path, trash: Path) -> float:
    for name in ("content/articles", ".digest"):
        if (site / name).exists():
            (site / name).rename(trash / f"{time.monotonic_ns()}")
    (site / "content/articles").mkdir()
    os.sync()
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    # run from the site's folder: `python -m` puts the working directory first on the path, and
    # from a checkout's root that checkout would be timed whatever PYTHONPATH names
    subprocess.run([sys.executable, "-m", "digest", "ingest", "--site", str(site)], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=site)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "shared/corpus/make_corpus.py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        site, trash = Path(tmp) / "site", Path(tmp) / "trash"
        trash.mkdir()
        (site / "content").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        subprocess.run([sys.executable, str(args.corpus), str(args.n), str(site / "content/raw"), "--clean"],
                       check=True, stdout=subprocess.DEVNULL)
        times: dict[str, list[float]] = {"this": [], "other": []}
        for _ in range(args.runs):
            for name, tree in (("this", HERE), ("other", args.other.resolve())):
                times[name].append(ingest_seconds(tree, site, trash))
        shutil.rmtree(trash, ignore_errors=True)
    this, other = (statistics.median(times[k]) for k in ("this", "other"))
    print(f"ingest of {args.n:,} stories, median of {args.runs}: this {this:.2f} s, other {other:.2f} s, "
          f"ratio {this / other:.3f}")
    print("runs:", {k: [round(t, 2) for t in v] for k, v in times.items()})


if __name__ == "__main__":
    main()
