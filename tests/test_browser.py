"""A real browser (Debian's Chromium, driven by Playwright) watching `digest serve`.

The test edits files; the page must change by itself (the test never reloads it).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import raw_article, write_site
from tests.test_validity import CHROMIUM_ARGS


@pytest.fixture
def served_site(tmp_path):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Live story")})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", str(port)], cwd=site,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = ""
    while "serving" not in line:
        line = proc.stdout.readline()
        assert line, "digest serve did not start"
    yield site, f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(10)


def save(path: Path, text: str) -> float:
    path.write_text(text)
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    return time.perf_counter()


def test_page_reloads_itself_on_edit_css_refreshes_in_place_and_errors_show(served_site):
    from playwright.sync_api import sync_playwright

    site, url = served_site
    md = site / "content/articles/2025/03/28-live-story.md"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "2025/03/28/live-story/")
        # the handshake is done when the script has agreed a protocol with the server (it
        # tells the server its page, `info`, in the same step)
        page.wait_for_function("() => window.LiveReload && window.LiveReload.connector && "
                               "window.LiveReload.connector.protocol >= 7")

        saved = save(md, md.read_text().replace("Officials said more was coming.", "Edited while watching."))
        page.wait_for_selector("text=Edited while watching.", timeout=10_000)
        print(f"\nsave -> browser shows the edit: {time.perf_counter() - saved:.2f} s")

        page.evaluate("window.__stillHere = true")
        css = site / "themes/default/static/style.css"
        css.parent.mkdir(parents=True)
        save(css, (Path(__file__).parents[1] / "themes/default/static/style.css").read_text()
             + "\nbody { background: rgb(1, 2, 3) !important; }\n")
        page.wait_for_function("() => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'",
                               timeout=10_000)
        assert page.evaluate("window.__stillHere === true")  # styles swapped without a page reload

        good = md.read_text()
        save(md, good.replace("topic:", "topic: nosuch\nold_topic:"))
        page.wait_for_selector("#digest-build-error", timeout=10_000)
        assert "unknown topic 'nosuch'" in page.inner_text("#digest-build-error")
        assert "Edited while watching." in page.inner_text("main")  # the last good page under the banner
        save(md, good)
        page.wait_for_function("() => !document.getElementById('digest-build-error')", timeout=10_000)
        browser.close()
