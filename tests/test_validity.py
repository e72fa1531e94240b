"""The sample digest's pages, one of each kind: valid HTML (Nu checker) and accessible (axe-core).

Needs the tools `tests/setup.sh` installs: node_modules/ (vnu-jar, axe-core), Java, Chromium.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from digest.cli import main

ROOT = Path(__file__).parent.parent
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE = ROOT / "node_modules/axe-core/axe.min.js"
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """The sample digest, with a logo and a picture on the first article (the one each check visits)."""
    from PIL import Image

    site = tmp_path_factory.mktemp("sample")
    (site / "site.yaml").write_text((ROOT / "site.yaml").read_text() + "logo: logo.png\n")
    shutil.copytree(ROOT / "content/raw", site / "content/raw")
    (site / "content/articles").mkdir()
    (site / "content/images").mkdir()
    Image.new("RGB", (96, 96), (160, 30, 30)).save(site / "content/images/logo.png")
    Image.linear_gradient("L").resize((1200, 800)).convert("RGB").save(site / "content/images/photo.jpg")
    assert main(["build", "--site", str(site)]) == 0
    first = sorted((site / "content/articles").rglob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace(
        "\n---\n", "\nimage: photo.jpg\nimage_alt: A grey gradient, lighter toward the bottom\n---\n", 1), encoding="utf-8")
    assert main(["build", "--site", str(site)]) == 0
    return site / "output"


def one_page_of_each_kind(output: Path) -> list[str]:
    article = next(p for p in sorted(output.glob("2025/*/*/*/index.html")))
    assert b'<figure class="picture">' in article.read_bytes()  # the article checked shows a picture
    author = next(p for p in sorted(output.glob("authors/*/index.html")))
    return [rel for rel in [
        "index.html", "page/2/index.html", article.relative_to(output).as_posix(),
        "2025/04/03/index.html", "2025/04/index.html", "2025/index.html", "archive/index.html",
        "topics/index.html", "topics/trade/index.html", "topics/trade/page/1/index.html",
        "tags/index.html", "tags/mark-carney/index.html", "authors/index.html",
        author.relative_to(output).as_posix(), "search/index.html", "404.html",
        "2025/04/03/email.html"]]


def test_every_page_kind_passes_the_nu_html_checker(sample_site):
    assert VNU.is_file(), "run tests/setup.sh first: it installs vnu-jar with npm"
    pages = [str(sample_site / rel) for rel in one_page_of_each_kind(sample_site)]
    proc = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=300)
    # the checker always reports, in JSON, even "no messages": silence means it did not run
    messages = json.loads(proc.stderr)["messages"]
    assert [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def served(sample_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(sample_site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(sample_site, served, scheme):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    assert chromium and AXE.is_file(), "run tests/setup.sh first: it installs chromium and axe-core"
    failures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(color_scheme=scheme, viewport={"width": 390, "height": 844})
        external = []
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith(served) else None)
        for rel in one_page_of_each_kind(sample_site):
            page.goto(served + rel)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => (await axe.run()).violations"
                                   ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
            failures += [f"{rel}: {v['id']} ({v['impact']})" for v in result if v["impact"] in ("serious", "critical")]
        browser.close()
    assert failures == []
    assert external == []  # no CDN, no web fonts, no analytics


def test_lighthouse_gives_the_front_page_and_an_article_full_marks_for_accessibility_and_seo(sample_site, served,
                                                                                           tmp_path):
    chromium = shutil.which("chromium")
    assert chromium and LIGHTHOUSE.is_file(), "run tests/setup.sh first: it installs chromium and lighthouse"
    article = next(p for p in sorted(sample_site.glob("2025/*/*/*/index.html"))).parent.relative_to(sample_site)
    scores = {}
    for rel in ("", article.as_posix() + "/"):
        report = tmp_path / "report.json"
        subprocess.run([str(LIGHTHOUSE), served + rel, "--only-categories=accessibility,seo", "--output=json",
                        f"--output-path={report}", "--quiet", "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                       env={**os.environ, "CHROME_PATH": chromium}, check=True, timeout=300)
        result = json.loads(report.read_text())
        failed = [a["id"] for a in result["audits"].values()
                  if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
        scores[rel or "/"] = ({k: v["score"] for k, v in result["categories"].items()}, failed)
    assert all(s == ({"accessibility": 1, "seo": 1}, []) for s in scores.values()), scores


def test_search_finds_stories_in_the_browser(sample_site, served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(served + "search/?q=macklem")
        page.wait_for_selector("#search-results li")
        titles = page.locator("#search-results li a").all_inner_texts()
        assert titles and any("Macklem" in t for t in titles)
        page.fill("#search-q", "QUEBEC annoncé")  # case and accents fold: matches "Québec annonce"
        # the story with both words in its headline comes first
        page.wait_for_function("() => (document.querySelector('#search-results li a') || {}).textContent"
                               "?.startsWith('Québec annonce')")
        page.click("#search-results li a")
        page.wait_for_load_state()
        assert "Legault" in page.inner_text("h1")
        # a slow connection: what the reader types while the index loads is kept and searched
        held: list = []
        page.route("**/search/*/b*", lambda route: held.append(route))
        page.goto(served + "search/")
        assert page.get_attribute("#search-status", "role") == "status"  # read out by screen readers
        page.fill("#search-q", "macklem")
        while not held:
            page.wait_for_timeout(20)
        assert page.inner_text("#search-status") == "Searching…"
        for route in held:
            route.continue_()
        page.wait_for_selector("#search-results li")
        assert page.input_value("#search-q") == "macklem" and "macklem" in page.url
        assert page.inner_text("#search-status").endswith(("story.", "stories."))
        browser.close()


@pytest.mark.parametrize("base_url", ["https://example.org/", "https://example.org/news/"])
def test_sample_digest_links_feeds_and_safety(tmp_path, base_url):
    from urllib.parse import urlsplit

    from digest.links import broken_links, schemes

    site = tmp_path / "sample"
    site.mkdir()
    (site / "site.yaml").write_text((ROOT / "site.yaml").read_text().replace("https://example.org/", base_url))
    shutil.copytree(ROOT / "content/raw", site / "content/raw")
    assert main(["build", "--site", str(site)]) == 0
    out = site / "output"
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert broken_links(files, urlsplit(base_url).path) == []
    from lxml import etree

    from tests.test_edition import atom_schema
    from tests.test_sitemaps import news_schema, xsd

    atom = atom_schema()
    for feed in [f for f in files if f.endswith("feed.xml")] + ["editions.xml"]:
        assert atom.validate(etree.fromstring(files[feed])), (feed, atom.error_log)  # RFC 4287's schema
    assert xsd("siteindex.xsd").validate(etree.fromstring(files["sitemap.xml"]))
    urlset = xsd("sitemap.xsd")
    for child in [f for f in files if f.startswith("sitemaps/")]:
        assert urlset.validate(etree.fromstring(files[child])), (child, urlset.error_log)
    assert news_schema().validate(etree.fromstring(files["news-sitemap.xml"]))
    assert schemes(files.values()) <= {"http", "https"}  # no javascript: anywhere
    story = files["2025/04/03/ottawa-area-liberal-candidate-says-social-media-accounts-were-hacked-after/index.html"]
    assert b"<script>alert" not in story and b"&lt;script&gt;alert(1)&lt;/script&gt;" in story
