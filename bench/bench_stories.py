#!/usr/bin/env python3
"""What story grouping costs: a clean ingest of N stories, and a day's 100 new ones on top.

    python3 bench/bench_stories.py [--n 10000] [--corpus clustered|make_corpus] [--other CHECKOUT]

`clustered` writes versions of tariff events with tests/dense_day.py (2.2 versions per
event on average, --per-day versions a day, 220 by default): the grouping has real work. `make_corpus` uses
../shared/corpus/make_corpus.py (independent synthetic stories). The time grouping itself
takes in the ingest process (placing each new article, reading and writing the index) is
measured inside ingest; with --other, the whole ingest is also timed against another
checkout (one without grouping), alternating, medians of 3.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]
PER_DAY = 220


def write_corpus(kind: str, n: int, raw: Path, per_day: int = PER_DAY) -> None:
    if kind == "make_corpus":
        subprocess.run([sys.executable, str(HERE.parent / "shared/corpus/make_corpus.py"), str(n), str(raw),
                        "--clean"], check=True, stdout=subprocess.DEVNULL)
        return
    import datetime as dt

    from tests import dense_day

    events_a_day, written, day = per_day * 100 // 224, 0, dt.date(2025, 1, 1)
    while written < n:  # a stretch of days, each with its own events
        index = (day - dt.date(2025, 1, 1)).days * events_a_day
        written += len(dense_day.write(raw, events_a_day, day.isoformat(), 24, seed=index, index=index))
        day += dt.timedelta(days=1)


def timed_ingest(tree: Path, site: Path) -> tuple[float, dict[str, float]]:
    """Wall time of `digest ingest` in a fresh process, and of the grouping steps inside it."""
    code = (
        "import gc, sys, time, json, pathlib\n"
        "gc.disable()  # as the digest command runs (cli.py)\n"
        "from digest.config import load_config\n"
        "from digest.ingest import run\n"
        "spent = {}\n"
        "try:\n"
        "    from digest.ingest import stories\n"
        "    def timer(name, fn):\n"
        "        def inner(*a, **k):\n"
        "            t = time.perf_counter(); r = fn(*a, **k)\n"
        "            spent[name] = spent.get(name, 0) + time.perf_counter() - t; return r\n"
        "        return inner\n"
        "    stories.assign = timer('assign', stories.assign); stories.save = timer('save', stories.save)\n"
        "except ImportError:\n"
        "    pass\n"
        "t = time.perf_counter(); run.ingest(load_config(pathlib.Path(sys.argv[1])))\n"
        "print(json.dumps({'wall': time.perf_counter() - t, **spent}))\n")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    # from the site's folder: `python -c` puts the working directory first on the path (see bench_ingest.py)
    out = subprocess.run([sys.executable, "-c", code, str(site)], env=env, check=True, capture_output=True,
                         text=True, cwd=site).stdout
    import json

    inside = json.loads(out.strip().splitlines()[-1])
    return time.perf_counter() - started, inside


def fresh(site: Path) -> None:
    for name in ("content/articles", ".digest"):
        subprocess.run(["rm", "-rf", str(site / name)], check=True)
    (site / "content/articles").mkdir()
    os.sync()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--corpus", choices=["clustered", "make_corpus"], default="clustered")
    parser.add_argument("--per-day", type=int, default=PER_DAY, help="clustered: versions a day")
    parser.add_argument("--other", type=Path, help="a checkout to compare the whole ingest with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        site = Path(tmp) / "site"
        (site / "content/raw").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        write_corpus(args.corpus, args.n, site / "content/raw", args.per_day)
        count = len(list((site / "content/raw").iterdir()))
        # held back: the latest 100 (by their header's date), a day's new copy
        late = sorted((site / "content/raw").iterdir(), key=lambda p: (p.read_text(encoding="utf-8")[5:15], p.name))[-100:]
        hold = Path(tmp) / "late"
        hold.mkdir()
        for path in late:
            path.rename(hold / path.name)
        runs: dict[str, list[float]] = {"this": [], "other": []}
        inside: list[dict[str, float]] = []
        for _ in range(3 if args.other else 1):
            for name, tree in (("this", HERE), ("other", args.other)):
                if tree is None:
                    continue
                fresh(site)
                wall, spent = timed_ingest(tree.resolve(), site)
                runs[name].append(wall)
                if name == "this":
                    inside.append(spent)
        grouped = Counter(line.split(":", 1)[1].strip() for p in (site / "content/articles").rglob("*.md")
                          for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("story:"))
        for path in late:
            (hold / path.name).rename(path)
            os.utime(path)
        _, day = timed_ingest(HERE, site)
    print(f"{args.corpus}, {count - 100:,} stories from scratch: ingest {statistics.median(runs['this']):.2f} s; "
          f"grouping in it {statistics.median(s['assign'] + s['save'] for s in inside):.2f} s "
          f"(placing {statistics.median(s['assign'] for s in inside):.2f} s, index {statistics.median(s['save'] for s in inside):.2f} s)")
    if args.other:
        print(f"  the same ingest with {args.other}: {statistics.median(runs['other']):.2f} s")
    print(f"  stories: {len(grouped):,}; with several versions: {sum(n > 1 for n in grouped.values()):,}; "
          f"largest: {max(grouped.values())} versions")
    print(f"then 100 new stories: ingest {day['wall']:.2f} s, grouping in it {day['assign'] + day['save']:.3f} s "
          f"(placing {day['assign']:.3f} s, index {day['save']:.3f} s)")


if __name__ == "__main__":
    main()
