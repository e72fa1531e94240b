"""Authors: a page per reporter (paginated, with a feed), an index of them, bylines that
link there, and structured data that names each author's page."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import SITE_YAML, raw_article, write_site
from tests.test_build import EVENTS, read_tree
from tests.test_edition import atom_schema

ATOM = "{http://www.w3.org/2005/Atom}"


def stories() -> dict[str, str]:
    return {
        "content/raw/ferries.txt": raw_article("Ferries cancel sailings after strike vote", "2025-03-20",
                                               byline="By Dirk Meissner, The Canadian Press",
                                               posted="Posted March 20, 2025 7:00 am.", body=EVENTS[1]),
        "content/raw/mine.txt": raw_article("Kidd Creek mine to close", "2025-03-21",
                                            byline="By Dirk Meissner and Jordan Omstead, The Canadian Press",
                                            posted="Posted March 21, 2025 8:00 am.", body=EVENTS[2]),
        "content/raw/hail.txt": raw_article("Hail damages 700 cars", "2025-03-22",
                                            byline="By Dirk Meissner, The Canadian Press",
                                            posted="Posted March 22, 2025 9:00 am.", body=EVENTS[3]),
        "content/raw/staff.txt": raw_article("Loonie edges higher", "2025-03-22", byline="By The Canadian Press",
                                             posted="Posted March 22, 2025 10:00 am.", body=EVENTS[4]),
    }


def built(tmp_path: Path, run, site_yaml: str = SITE_YAML) -> dict[str, bytes]:
    site = write_site(tmp_path, stories(), site_yaml)
    code, _, err = run("build", "--site", str(site))
    assert code == 0, err
    return read_tree(site / "output")


def links(page: bytes) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', page.decode())


def test_each_reporter_has_a_page_listing_their_stories_and_the_byline_links_there(tmp_path, run):
    files = built(tmp_path, run)
    page = files["authors/dirk-meissner/index.html"].decode()
    assert "<h1>Dirk Meissner</h1>" in page
    titles = re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', page)
    assert titles == ["Hail damages 700 cars", "Kidd Creek mine to close", "Ferries cancel sailings after strike vote"]
    assert "3 stories" in page and 'href="../../authors/dirk-meissner/feed.xml"' in page
    omstead = files["authors/jordan-omstead/index.html"].decode()
    assert re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', omstead) == ["Kidd Creek mine to close"]
    article = files["2025/03/21/kidd-creek-mine-to-close/index.html"].decode()
    assert ('By <a class="author" href="../../../../authors/dirk-meissner/" rel="author">Dirk Meissner</a> and '
            '<a class="author" href="../../../../authors/jordan-omstead/" rel="author">Jordan Omstead</a>') in article
    # a staff story has no reporter: no author page is made from its source
    assert not any(name.startswith("authors/the-canadian-press") for name in files)
    assert 'rel="author"' not in files["2025/03/22/loonie-edges-higher/index.html"].decode()


def test_the_authors_index_lists_every_reporter_with_their_count(tmp_path, run):
    files = built(tmp_path, run)
    index = files["authors/index.html"].decode()
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', index) == [
        ("../authors/dirk-meissner/", "Dirk Meissner", "3"), ("../authors/jordan-omstead/", "Jordan Omstead", "1")]
    assert '<a href="./authors/">Authors</a>' in files["index.html"].decode()  # every page's footer
    for name in ("authors/dirk-meissner/", "authors/"):
        assert f"<loc>https://example.org/{name}</loc>" in files["sitemaps/site.xml"].decode()


def test_an_authors_pages_are_paginated_and_their_feed_is_valid_atom(tmp_path, run):
    from lxml import etree

    files = built(tmp_path, run, SITE_YAML + "per_page: 2\n")
    first = files["authors/dirk-meissner/index.html"].decode()
    older = files["authors/dirk-meissner/page/1/index.html"].decode()  # the oldest two, for good
    assert len(re.findall('class="card-title"', first)) == 2 and len(re.findall('class="card-title"', older)) == 2
    assert "Ferries cancel sailings" in older and "Ferries" not in first and 'rel="next"' in first
    feed = files["authors/dirk-meissner/feed.xml"]
    assert atom_schema().validate(etree.fromstring(feed))
    root = ET.fromstring(feed)
    assert root.find(f"{ATOM}title").text == "Test Digest: Dirk Meissner"
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [
        "Hail damages 700 cars", "Kidd Creek mine to close", "Ferries cancel sailings after strike vote"]
    assert root.find(f"{ATOM}id").text == "https://example.org/authors/dirk-meissner/feed.xml"


def test_structured_data_names_each_authors_page_and_it_exists(tmp_path, run):
    files = built(tmp_path, run)
    article = files["2025/03/21/kidd-creek-mine-to-close/index.html"].decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', article).group(1))
    assert data["author"] == [
        {"@type": "Person", "name": "Dirk Meissner", "url": "https://example.org/authors/dirk-meissner/"},
        {"@type": "Person", "name": "Jordan Omstead", "url": "https://example.org/authors/jordan-omstead/"}]
    for author in data["author"]:
        assert author["url"].removeprefix("https://example.org/") + "index.html" in files
    staff = files["2025/03/22/loonie-edges-higher/index.html"].decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', staff).group(1))
    assert data["author"] == [{"@type": "Organization", "name": "The Canadian Press"}]


def test_a_changed_byline_moves_the_story_between_author_pages_as_a_clean_build_would(tmp_path, run):
    import shutil

    site = write_site(tmp_path / "site", stories())
    assert run("build", "--site", str(site))[0] == 0
    path = next((site / "content/articles").rglob("*hail*.md"))
    path.write_text(path.read_text().replace("authors: [Dirk Meissner]", "authors: [Jordan Omstead]"))
    assert run("build", "--site", str(site))[0] == 0
    files = read_tree(site / "output")
    assert "Hail damages" in files["authors/jordan-omstead/index.html"].decode()
    assert "Hail damages" not in files["authors/dirk-meissner/index.html"].decode()
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".digest"))
    assert run("build", "--site", str(copy), "--clean")[0] == 0
    assert read_tree(copy / "output") == files
