"""Sitemaps at any size (an index of monthly child sitemaps, each within the protocol's
limits), a Google News sitemap, and no empty topic left in them."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from digest import assemble
from tests.conftest import DATA, SITE_YAML, raw_article
from tests.test_build import EVENTS, SITEMAP, built, read_tree, sitemap_locs

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def stories() -> dict[str, str]:
    """Two in March, two in April (one in French), all different events."""
    return {
        "content/raw/a.txt": raw_article("Moncton hospital opens a wing", "2025-03-30",
                                         posted="Posted March 30, 2025 9:00 am.", body=EVENTS[0]),
        "content/raw/b.txt": raw_article("Ferries cancel sailings", "2025-03-31",
                                         posted="Posted March 31, 2025 9:00 am.", body=EVENTS[1]),
        "content/raw/c.txt": raw_article("Kidd Creek mine to close", "2025-04-01",
                                         posted="Posted April 1, 2025 9:00 am.", body=EVENTS[2]),
        "content/raw/d.txt": raw_article("La fonderie d’Arvida redémarre", "2025-04-02",
                                         byline="Par Caroline Plante, La Presse Canadienne",
                                         posted="Publié le 2 avril 2025 à 10 h 00", body=[
            "SAGUENAY — Rio Tinto a redémarré jeudi une ligne de son aluminerie d’Arvida après neuf jours d’arrêt.",
            "L’entreprise a attribué l’arrêt à une panne électrique à sa centrale de Shipshaw."]),
    }


def pages_in(files: dict[str, bytes]) -> list[str]:
    """The HTML pages a search engine should index: all but 404, search, emails and empty topics."""
    return sorted("https://example.org/" + p.removesuffix("index.html") for p in files
                  if p.endswith(".html") and not p.endswith("email.html") and p != "404.html"
                  and not p.startswith("search/") and not (p.startswith("topics/") and p != "topics/index.html"
                                                           and b'class="card"' not in files[p]))


def test_the_sitemap_is_an_index_of_monthly_sitemaps_listing_every_page_once(tmp_path, run):
    files = built(tmp_path, run, stories())
    locs = sitemap_locs(files)
    assert sorted(locs) == pages_in(files)  # every page, once
    index = [loc.text for loc in ET.fromstring(files["sitemap.xml"]).iter(SITEMAP + "loc")]
    assert index == ["https://example.org/sitemaps/site.xml", "https://example.org/sitemaps/2025-03.xml",
                     "https://example.org/sitemaps/2025-04.xml", "https://example.org/news-sitemap.xml"]
    march = files["sitemaps/2025-03.xml"].decode()
    assert "2025/03/30/moncton-hospital-opens-a-wing/" in march and "2025/03/31/</loc>" in march
    assert "2025/04/" not in march
    assert files["robots.txt"].decode().splitlines()[-2:] == ["Sitemap: https://example.org/sitemap.xml",
                                                              "Sitemap: https://example.org/news-sitemap.xml"]


def test_a_days_new_stories_change_the_sitemaps_of_their_month_only(tmp_path, run):
    built(tmp_path, run, stories())
    before = read_tree(tmp_path / "output")
    files = built(tmp_path, run, {"content/raw/e.txt": raw_article(
        "Hail damages 700 cars", "2025-04-03", posted="Posted April 3, 2025 9:00 am.", body=EVENTS[5])})
    changed = sorted(p for p in files if p.startswith("sitemaps/") and files[p] != before.get(p))
    assert changed == ["sitemaps/2025-04.xml", "sitemaps/site.xml"]
    assert files["sitemap.xml"] != before["sitemap.xml"]  # the index's lastmod


def test_sitemaps_split_before_the_protocols_limits(tmp_path, run, monkeypatch):
    monkeypatch.setattr(assemble, "SITEMAP_URLS", 3)
    files = built(tmp_path, run, stories())
    children = [loc.text for loc in ET.fromstring(files["sitemap.xml"]).iter(SITEMAP + "loc")]
    assert "https://example.org/sitemaps/site-2.xml" in children and "https://example.org/sitemaps/2025-04-2.xml" in children
    for child in children:
        urls = ET.fromstring(files[child.removeprefix("https://example.org/")]).findall(SITEMAP + "url")
        assert 1 <= len(urls) <= 3
    assert sorted(sitemap_locs(files)) == pages_in(files)
    monkeypatch.setattr(assemble, "SITEMAP_URLS", 50_000)
    monkeypatch.setattr(assemble, "SITEMAP_BYTES", 1024 + 3 * (len("https://example.org/") + 60 + assemble._URL_BYTES))
    files = built(tmp_path, run, {})
    for child in ET.fromstring(files["sitemap.xml"]).iter(SITEMAP + "loc"):
        assert len(files[child.text.removeprefix("https://example.org/")]) <= assemble.SITEMAP_BYTES


def news_entries(files: dict[str, bytes]) -> list[tuple[str, str, str, str]]:
    root = ET.fromstring(files["news-sitemap.xml"])
    return [(u.find(SITEMAP + "loc").text.removeprefix("https://example.org/"),
             u.find(f"{NEWS}news/{NEWS}publication/{NEWS}language").text,
             u.find(f"{NEWS}news/{NEWS}publication_date").text, u.find(f"{NEWS}news/{NEWS}title").text)
            for u in root.findall(SITEMAP + "url")]


def test_the_news_sitemap_holds_the_two_days_before_the_build(tmp_path, run, monkeypatch):
    # no SOURCE_DATE_EPOCH: the two days before the newest story (April 2, 10:00)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    files = built(tmp_path, run, stories())
    assert news_entries(files) == [
        ("2025/04/02/la-fonderie-darvida-redemarre/", "fr", "2025-04-02T10:00:00-04:00", "La fonderie d’Arvida redémarre"),
        ("2025/04/01/kidd-creek-mine-to-close/", "en", "2025-04-01T09:00:00-04:00", "Kidd Creek mine to close")]
    root = ET.fromstring(files["news-sitemap.xml"])
    assert {n.text for n in root.iter(f"{NEWS}name")} == {"Test Digest"}
    # the build's own time, for reproducible builds: 48 hours back from April 1, 8:00 in Toronto
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 4, 1, 12, tzinfo=dt.UTC).timestamp())))
    files = built(tmp_path, run, {}, SITE_YAML, "--clean")
    assert [e[0] for e in news_entries(files)] == ["2025/03/31/ferries-cancel-sailings/",
                                                   "2025/03/30/moncton-hospital-opens-a-wing/"]
    monkeypatch.setattr(assemble, "NEWS_URLS", 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    files = built(tmp_path, run, {}, SITE_YAML, "--clean")
    assert [e[0] for e in news_entries(files)] == ["2025/04/02/la-fonderie-darvida-redemarre/"]


def test_an_empty_topic_is_left_out_of_the_sitemap_and_its_feed_has_a_real_date(tmp_path, run):
    files = built(tmp_path, run, stories())
    assert "topics/trade/index.html" in files  # no story is about trade here
    assert "https://example.org/topics/trade/" not in sitemap_locs(files)
    updated = ET.fromstring(files["topics/trade/feed.xml"]).find(f"{ATOM}updated").text
    assert updated == ET.fromstring(files["feed.xml"]).find(f"{ATOM}updated").text == "2025-04-02T10:00:00-04:00"


def xsd(name: str):
    """A published schema from tests/data/ (sitemaps.org's, Google News'), read locally."""
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(DATA / name)))


def news_schema():
    """sitemap.xsd demands a schema for each extension's elements: both, imported from disk."""
    from lxml import etree

    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{(DATA / 'sitemap.xsd').as_uri()}"/>
      <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9"
                  schemaLocation="{(DATA / 'sitemap-news.xsd').as_uri()}"/>
    </xsd:schema>"""
    return etree.XMLSchema(etree.XML(wrapper.encode()))


def test_every_sitemap_is_valid_against_the_published_schemas(tmp_path, run):
    from lxml import etree

    files = built(tmp_path, run, stories())
    index, urlset = xsd("siteindex.xsd"), xsd("sitemap.xsd")
    assert index.validate(etree.fromstring(files["sitemap.xml"])), index.error_log
    children = [p for p in files if p.startswith("sitemaps/")]
    assert children
    for child in children:
        assert urlset.validate(etree.fromstring(files[child])), (child, urlset.error_log)
    news = news_schema()
    assert news.validate(etree.fromstring(files["news-sitemap.xml"])), news.error_log
    broken = files["news-sitemap.xml"].replace(b"<news:title>", b"<news:headline>").replace(b"</news:title>",
                                                                                          b"</news:headline>")
    assert not news.validate(etree.fromstring(broken))


def test_no_news_sitemap_without_recent_stories_and_languages_as_google_names_them(tmp_path, run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp())))
    files = built(tmp_path, run, stories())
    assert "news-sitemap.xml" not in files and "news-sitemap" not in files["sitemap.xml"].decode()
    assert "news-sitemap" not in files["robots.txt"].decode()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    french = next((tmp_path / "content/articles").rglob("*fonderie*.md"))
    french.write_text(french.read_text().replace("language: fr", "language: fr-CA"))
    files = built(tmp_path, run, {})
    assert [e[1] for e in news_entries(files)] == ["fr", "en"]
    from lxml import etree

    assert news_schema().validate(etree.fromstring(files["news-sitemap.xml"]))
