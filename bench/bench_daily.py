#!/usr/bin/env python3
"""The daily publish: a site of N make_corpus stories, then two days of new stories, each
dated the day after the newest (as a curator's next mornings bring them): each day's build
time and the files it writes, by kind. The first day after a site's first build does work
once (the topic model learns the curator's filing, files ingest wrote moments before the
build are checked by their hash); the second is a day like any other.

    python3 bench/bench_daily.py [--n 10000] [--new 100] [--corpus ../shared/corpus/make_corpus.py]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]
KINDS = [("article", r"\d{4}/\d\d/\d\d/[^/]+/index\.html"), ("day, month, year", r"\d{4}/(\d\d/(\d\d/)?)?index\.html"),
         ("email", r"\d{4}/\d\d/\d\d/email\.(html|txt)"), ("front page", r"(page/\d+/)?index\.html"),
         ("topic", r"topics/.*"), ("tag", r"tags/.*"), ("author", r"authors/.*"), ("sitemap", r"(sitemaps/.*|sitemap\.xml|news-sitemap\.xml)"),
         ("feed", r".*\.xml"), ("search", r"search/.*")]


def kind_of(rel: str) -> str:
    return next((kind for kind, pattern in KINDS if re.fullmatch(pattern, rel)), "other")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def build(site: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "digest", "build", "--site", str(site)], capture_output=True, text=True,
                          cwd=HERE.parent)
    if done.returncode:
        sys.exit(done.stderr)
    return time.perf_counter() - started


def next_day(text: str, day: dt.date) -> str:
    """The story as if sent on `day`: its header's date and its Posted and Last Updated lines."""
    text = re.sub(r"^(\s*date )\d{4}-\d\d-\d\d", lambda m: m[1] + day.isoformat(), text, count=1)
    when = f"{day:%B} {day.day}, {day.year}"
    return re.sub(r"(?m)^((?:Posted|Last Updated) )[A-Z][a-z]+ \d{1,2}, \d{4}", lambda m: m[1] + when, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "shared/corpus/make_corpus.py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        site = Path(tmp) / "site"
        (site / "content").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(args.corpus), str(args.n + 2 * args.new), str(corpus), "--clean"], check=True,
                       capture_output=True)
        raws = sorted(corpus.iterdir())
        (site / "content/raw").mkdir()
        for path in raws[: args.n]:
            path.rename(site / "content/raw" / path.name)
        first = build(site)
        newest = max(dt.date.fromisoformat(p.parts[-3] + "-" + p.parts[-2] + "-" + p.name[:2])
                     for p in (site / "content/articles").rglob("*.md"))
        # settled, as a site is the day after: what the first build wrote too recently to trust
        # by its mtime (every Markdown file ingest wrote) is checked by its hash once, then trusted
        time.sleep(2.1)
        (site / "output/index.html").unlink()  # something to build, so the cache is read
        build(site)
        for number, day_raws in enumerate((raws[args.n: args.n + args.new], raws[args.n + args.new:]), start=1):
            before = snapshot(site / "output")
            day = newest + dt.timedelta(days=number)
            for path in day_raws:
                (site / "content/raw" / path.name).write_text(next_day(path.read_text(encoding="utf-8"), day),
                                                              encoding="utf-8")
            time.sleep(2.1)  # the curator's raw files were not saved the instant before the build
            if os.environ.get("DIGEST_BENCH_PAUSE"):  # to look at the site before the day (a profiler, say)
                input(f"ready: {site}; press Enter to build the day ")
            seconds = build(site)
            after = snapshot(site / "output")
            written = [rel for rel, stat in after.items() if before.get(rel) != stat]
            gone = [rel for rel in before if rel not in after]
            kinds = Counter(kind_of(rel) for rel in written)
            print(f"{args.n} stories (first build {first:.1f} s, {len(before)} files), then day {number}: "
                  f"{args.new} new stories on {day}: {seconds:.2f} s, {len(written)} files written, {len(gone)} removed")
            print("  by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
        os.sync()


if __name__ == "__main__":
    main()
