#!/usr/bin/env python3
"""Time from saving a file to the browser showing it, under `digest serve`.

    python3 bench/bench_serve.py SITE_DIR [--runs 5]

Starts `digest serve` on SITE_DIR, opens an article in Debian's Chromium (Playwright),
then edits that article's Markdown body (and, separately, its title) and
measures until the page shows the new text by itself. Restores the file after.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def save(path: Path, text: str) -> float:
    path.write_text(text)
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    return time.perf_counter()


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = args.site.resolve()
    article = max((site / "content/articles").rglob("*.md"))  # the newest story
    original = article.read_text()
    slug = next(line.split(": ", 1)[1] for line in original.splitlines() if line.startswith("slug: "))
    year, month, rest = article.relative_to(site / "content/articles").parts
    url_path = f"{year}/{month}/{rest[:2]}/{slug}/"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", str(port)], cwd=site,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    while "serving" not in (server.stdout.readline() or "serving"):
        pass
    print(f"first build and serve: {time.perf_counter() - started:.2f} s")
    body, title, served = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{url_path}")
            page.wait_for_function("() => window.LiveReload && window.LiveReload.connector._connectionDesired")
            time.sleep(1)
            lines = original.rstrip("\n").split("\n")
            loads: list[float] = []
            page.on("load", lambda: loads.append(time.perf_counter()))
            for run in range(args.runs):
                marker = f"Edited in run {run}."
                loads.clear()
                saved = save(article, original.rstrip("\n") + f"\n\n{marker}\n")
                page.wait_for_selector(f"text={marker}", timeout=120_000)
                body.append(loads[-1] - saved)  # Playwright notices late; the load event does not
                time.sleep(0.5)
            for run in range(args.runs):  # the same edit, timed to the page being served (HTTP)
                marker = f"Served in run {run}."
                saved = save(article, original.rstrip("\n") + f"\n\n{marker}\n")
                while marker.encode() not in urllib.request.urlopen(f"http://127.0.0.1:{port}/{url_path}").read():
                    time.sleep(0.005)
                served.append(time.perf_counter() - saved)
                page.wait_for_selector(f"text={marker}", timeout=120_000)
                time.sleep(0.5)
            for run in range(min(args.runs, 3)):
                marker = f"Retitled {run}"
                text = "\n".join(line if not line.startswith("title: ") else f'title: "{marker}"' for line in lines) + "\n"
                loads.clear()
                saved = save(article, text)
                page.wait_for_selector(f"h1:has-text('{marker}')", timeout=300_000)
                title.append(loads[-1] - saved)
                time.sleep(0.5)
            browser.close()
    finally:
        save(article, original)
        time.sleep(1)
        server.terminate()
        server.wait(30)
    print(f"body edit -> page served: median {statistics.median(served):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in served)})")
    print(f"body edit -> browser: median {statistics.median(body):.3f} s (runs: {', '.join(f'{t:.3f}' for t in body)})")
    print(f"title edit -> browser: median {statistics.median(title):.3f} s (runs: {', '.join(f'{t:.3f}' for t in title)})")


if __name__ == "__main__":
    main()
