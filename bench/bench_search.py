#!/usr/bin/env python3
"""Full-text search at archive scale: a site of N make_corpus stories, then what its index
costs and what a reader's query fetches.

    python3 bench/bench_search.py [--n 10000] [--lighthouse] [--corpus ../shared/corpus/make_corpus.py]

Reports: the time to make the whole index in one process (CPU seconds) against the clean
build's; the index's files (count, bytes, the largest); for each query, the bytes its first
page of results fetches (a bucket per chunk per word, then the packs of the ten results
shown) and, in Chromium, the milliseconds from the last byte of those files to the results
on screen; with --lighthouse, Lighthouse's performance score on /search/?q=tariff.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from html import unescape
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]
QUERIES = ["tariff", "quebec", "carney tariffs", "macklem interest rates", "2025-03-14"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def digest(site: Path, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "digest", *args, "--site", str(site)], capture_output=True, text=True,
                          cwd=HERE)
    if done.returncode:
        sys.exit(done.stderr)
    return time.perf_counter() - started


def making_the_index(site: Path) -> tuple[float, float]:
    """(seconds to plan, CPU seconds to make every file) in this one process."""
    from digest import search
    from digest.config import load_config
    from digest.content import load_articles

    config = load_config(site)
    articles = sorted(load_articles(config, include_drafts=False), key=lambda a: a.date, reverse=True)
    titles = {t.slug: t.title for t in config.topics}
    started = time.perf_counter()
    index = search.plan(articles, titles)
    planned = time.perf_counter() - started
    started = time.process_time()
    for group in index.groups:
        group.make(index.topic_titles)
    return planned, time.process_time() - started


def first_page_bytes(output: Path, query: str) -> tuple[int, int, int]:
    """(bytes fetched, files fetched, results) for the query's first page of ten results."""
    from digest import search

    page = (output / "search/index.html").read_text(encoding="utf-8")
    settings = json.loads(unescape(re.search(r'id="search-settings">(.*?)</script>', page, re.S)[1]))
    import gzip

    keys = sorted(search.terms(query))
    fetched: set[Path] = set()
    hits = []
    for name, start, _, buckets in settings["chunks"]:
        found: dict[int, int] | None = None
        for key in keys:
            path = output / "search" / name / f"b{search.bucket_of(key, buckets)}"
            fetched.add(path)
            numbers, n = {}, -1
            for gap in json.loads(gzip.decompress(path.read_bytes())).get(key, []):
                n += gap >> 1
                numbers[n] = gap & 1
            found = {n: f + (found[n] if found is not None else 0) for n, f in numbers.items()
                     if found is None or n in found}
        hits += [(s, start + n) for n, s in (found or {}).items()]
    hits.sort(reverse=True)
    for _, n in hits[:10]:
        fetched.add(output / f"search/p/{n // settings['pack']}")
    return sum(p.stat().st_size for p in fetched), len(fetched), len(hits)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def in_the_browser(output: Path, queries: list[str]) -> dict[str, tuple[float, int]]:
    """Per query: (ms from the last index byte to the results shown, index bytes fetched)."""
    from playwright.sync_api import sync_playwright

    server = _serve(output)
    url = f"http://127.0.0.1:{server.server_address[1]}/search/?q="
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for query in queries:
            page = browser.new_page()
            page.goto(url + query)
            page.wait_for_function("() => /stor|match/.test(document.getElementById('search-status').textContent)"
                                   " && !/Searching/.test(document.getElementById('search-status').textContent)")
            timing = page.evaluate("""() => {
                const files = performance.getEntriesByType('resource').filter(e => /\\/search\\/[^?]/.test(e.name));
                const shown = performance.getEntriesByName('search-shown').pop();
                return [shown ? shown.startTime - Math.max(...files.map(e => e.responseEnd)) : -1,
                        files.reduce((n, e) => n + e.encodedBodySize, 0)];
            }""")
            out[query] = (timing[0], timing[1])
            page.close()
        browser.close()
    server.shutdown()
    return out


def lighthouse(output: Path) -> float:
    server = _serve(output)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([str(HERE / "node_modules/.bin/lighthouse"),
                        f"http://127.0.0.1:{server.server_address[1]}/search/?q=tariff",
                        "--only-categories=performance", "--output=json", f"--output-path={report}", "--quiet",
                        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                       env={**os.environ, "CHROME_PATH": shutil.which("chromium") or ""}, check=True, timeout=600)
        result = json.loads(report.read_text())
    server.shutdown()
    audits = result["audits"]
    print(f"  lighthouse: LCP {audits['largest-contentful-paint']['displayValue']}, "
          f"TBT {audits['total-blocking-time']['displayValue']}, CLS {audits['cumulative-layout-shift']['displayValue']}")
    return result["categories"]["performance"]["score"] * 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "shared/corpus/make_corpus.py")
    parser.add_argument("--lighthouse", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the site here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        site = args.keep or Path(tmp) / "site"
        if not (site / "output").is_dir():
            (site / "content").mkdir(parents=True, exist_ok=True)
            (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
            subprocess.run([sys.executable, str(args.corpus), str(args.n), str(site / "content/raw"), "--clean"],
                           check=True, capture_output=True)
            digest(site, "build")
        clean = digest(site, "build", "--clean")
        planned, making = making_the_index(site)
        output = site / "output"
        files = [p for p in (output / "search").rglob("*") if p.is_file()]
        every = sum(1 for p in output.rglob("*") if p.is_file())
        print(f"{args.n} stories: clean build {clean:.2f} s; the index: planned in {planned:.3f} s, "
              f"made in {making:.2f} s of CPU in one process ({making / clean:.0%} of the clean build's time)")
        print(f"  index files: {len(files)} of the site's {every}, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB, "
              f"largest {max(p.stat().st_size for p in files) / 1e3:.1f} KB")
        browser = in_the_browser(output, QUERIES)
        for query in QUERIES:
            size, count, hits = first_page_bytes(output, query)
            ms, seen = browser[query]
            print(f"  {query!r}: {hits} results; first page fetches {count} files, {size / 1e3:.1f} KB "
                  f"(browser counted {seen / 1e3:.1f} KB); results on screen {ms:.0f} ms after the last byte")
        if args.lighthouse:
            print(f"  lighthouse performance, /search/?q=tariff: {lighthouse(output):.0f}")


if __name__ == "__main__":
    main()
