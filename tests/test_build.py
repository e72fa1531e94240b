"""`digest build`: what readers see on each kind of page, and a build they can trust."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from digest.links import broken_links, schemes
from tests.conftest import DATA, SITE_YAML, raw_article, write_site

ATOM = "{http://www.w3.org/2005/Atom}"


def story(title: str, day: int, hour: int = 9, body: list[str] | None = None, byline: str | None = None) -> str:
    return raw_article(title, f"2025-03-{day:02d}", posted=f"Posted March {day}, 2025 {hour}:00 am.",
                       byline=byline or "By Dylan Robertson, The Canadian Press",
                       body=body or [f"OTTAWA — {title} happened, officials said.", "Tariffs and trade were discussed."])


# Bodies of twelve different events, for tests that need stories ingest must not group as one
EVENTS = [
    ["MONCTON — A new hospital wing with 48 beds opened at the Moncton City Hospital on Tuesday.",
     "Health Minister John Dornan said nurses from Fredericton would staff it."],
    ["NANAIMO — BC Ferries cancelled 16 sailings between Nanaimo and Horseshoe Bay after a strike vote.",
     "The union said 1,200 workers backed the walkout."],
    ["TIMMINS — Glencore will close the Kidd Creek mine in 2027, putting 650 jobs at risk.",
     "Mayor Michelle Boileau called the decision a blow to the whole district."],
    ["KAMLOOPS — Wildfire crews held a 3,400-hectare blaze north of Kamloops overnight.",
     "The BC Wildfire Service said rain on Thursday helped."],
    ["IQALUIT — Nunavut's legislature passed a $2.3-billion budget with new housing money.",
     "Premier P.J. Akeeagok said 300 homes would be built in Arviat and Rankin Inlet."],
    ["LETHBRIDGE — Hail the size of golf balls damaged 700 cars at a dealership in Lethbridge.",
     "Environment Canada had issued a warning an hour earlier."],
    ["SAGUENAY — Rio Tinto reopened its Arvida aluminum smelter line after a 9-day shutdown.",
     "The company blamed a power failure at its Shipshaw station."],
    ["YELLOWKNIFE — Diamond miner Burgundy sold the Ekati mine to an Australian buyer for $130 million.",
     "The sale still needs approval from Ottawa and the Tlicho government."],
    ["BRANDON — Maple Leaf Foods added a night shift at its Brandon pork plant, hiring 250.",
     "The plant ships most of its pork to Japan and Mexico."],
    ["WHITEHORSE — Air North will fly twice a week between Whitehorse and Victoria from June.",
     "Chief executive Joe Sparling said tourism from Germany had doubled."],
    ["CHARLOTTETOWN — Potato growers on Prince Edward Island expect a record 2.9-billion-pound crop.",
     "The PEI Potato Board credited a wet August."],
    ["KELOWNA — A landslide closed Highway 97 south of Kelowna for 36 hours.",
     "Okanagan drivers were sent through Vernon on a detour."],
]


def built(tmp_path: Path, run, files: dict, site_yaml: str = SITE_YAML, *args: str) -> dict[str, bytes]:
    write_site(tmp_path, files, site_yaml)
    code, out, err = run("build", "--site", str(tmp_path), *args)
    assert code == 0, err
    return read_tree(tmp_path / "output")


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def text(data: bytes) -> str:
    """Visible text of an HTML page, tags removed, entities decoded, spaces collapsed."""
    html = re.sub(r"(?s)<(script|style).*?</\1>", " ", data.decode())
    html = re.sub(r"</?(?:p|h\d|li|ul|div|br|section|article|header|footer|nav|main|title)\b[^>]*>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


TRICKY = [
    "OTTAWA — Prime Minister Mark Carney said “nothing is off the table” on tariffs.",
    "1. That was the headline figure.",
    "# of complaints rose to 12.",
    "Her post read: <b>Thank you</b> &amp; voted. <script>alert(1)</script>",
    "See [the report](javascript:alert(1)) and report_12_final.pdf *now*.",
    "This report by The Canadian Press was first published March 28, 2025.",
    "Dylan Robertson, The Canadian Press",
]


def test_article_page_shows_everything_as_written(tmp_path, run):
    files = built(tmp_path, run, {
        "content/raw/a.txt": raw_article("Carney’s “plan”: </script><b>tariffs</b>", body=TRICKY,
                                         updated="Last Updated March 29, 2025 1:26 pm."),
        "content/raw/b.txt": story("Earlier trade story", 27),
        "content/raw/c.txt": story("Later trade story", 30),
    })
    url = "2025/03/28/carneys-plan-script-b-tariffs-b/index.html"
    page = files[url].decode()
    visible = text(files[url])
    for paragraph in TRICKY[:5]:
        assert paragraph in visible
    assert "<script>alert" not in page and "<b>Thank" not in page and 'href="javascript' not in page
    assert "By Dylan Robertson, The Canadian Press" in visible
    assert '<time datetime="2025-03-28T11:09:00-04:00">March 28, 2025 at 11:09 a.m. EDT</time>' in page
    assert '<time datetime="2025-03-29T13:26:00-04:00">' in page
    assert "This report by The Canadian Press was first published March 28, 2025." in visible
    assert '<h1>Carney’s “plan”: &lt;/script&gt;&lt;b&gt;tariffs&lt;/b&gt;</h1>' in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</script" not in ld.lower()
    data = json.loads(ld)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Carney’s “plan”: </script><b>tariffs</b>"
    assert data["author"] == [{"@type": "Person", "name": "Dylan Robertson",
                               "url": "https://example.org/authors/dylan-robertson/"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Test Digest", "url": "https://example.org/"}
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "The Canadian Press"}
    assert data["articleSection"] == "Trade"
    assert data["dateModified"] == "2025-03-29T13:26:00-04:00"
    assert '<a href="../../../../topics/trade/">Trade</a>' in page
    assert 'href="../../../../tags/mark-carney/" rel="tag">Mark Carney</a>' in page
    assert '<link rel="canonical" href="https://example.org/2025/03/28/carneys-plan-script-b-tariffs-b/">' in page
    assert 'rel="prev" href="../../../../2025/03/27/earlier-trade-story/"' in page
    assert 'rel="next" href="../../../../2025/03/30/later-trade-story/"' in page
    assert "Related stories" in visible
    assert broken_links(files) == []
    assert schemes(files.values()) <= {"https", "http"}


def test_front_page_is_the_latest_edition_then_every_earlier_story(tmp_path, run):
    raws = {f"content/raw/{d}-{i}.txt": story(f"Story {d} {i} tariffs", d, 5 + i, body=EVENTS[(d - 20) * 3 + i])
            for d in (20, 21, 22) for i in range(3)}
    raws["content/raw/lead.txt"] = story("Election called", 22, 8, body=[
        "OTTAWA — Prime Minister Mark Carney called an election with Donald Trump, Pierre Poilievre, "
        "Jagmeet Singh and Yves-François Blanchet watching.",
        "The election campaign begins. Parliament is dissolved by the minister."])
    files = built(tmp_path, run, raws, SITE_YAML + "per_page: 2\n")
    home = files["index.html"].decode()
    assert "March 22, 2025 · 4 stories" in text(files["index.html"])
    lead = home.index('class="lead"')
    assert home.index("Election called") > lead  # the story with most tags leads
    assert home.index("Election called") < home.index('id="group-trade"')
    # earlier stories: the front page holds the newest 2, then numbered pages of 2 counted from
    # the oldest (page/1/: the oldest two), newest first, until every story is reachable
    reachable, page, seen_pages = set(), "index.html", []
    while page:
        seen_pages.append(page)
        html = files[page].decode()
        reachable |= set(re.findall(r'href="(?:\.\./|\./)*(2025/03/\d\d/[a-z0-9-]+/)"', html))
        nxt = re.search(r'rel="next" href="([^"]+)"', html)
        page = (re.sub(r"^(\.\./|\./)+", "", nxt.group(1)) + "index.html") if nxt and "Older" in html else None
    assert seen_pages == ["index.html", "page/2/index.html", "page/1/index.html"]
    assert len(reachable) == 10


def test_day_month_year_archive_pages(tmp_path, run):
    files = built(tmp_path, run, {
        "content/raw/a.txt": story("First", 20, body=EVENTS[0]), "content/raw/b.txt": story("Second", 20, 10, body=EVENTS[1]),
        "content/raw/c.txt": story("Third", 25, body=EVENTS[2]), "content/raw/d.txt": raw_article(
            "April story", "2025-04-02", posted="Posted April 2, 2025 9:00 am."),
    })
    day = files["2025/03/20/index.html"].decode()
    assert "Edition of March 20, 2025" in text(files["2025/03/20/index.html"])
    assert 'rel="next" href="../../../2025/03/25/"' in day and 'rel="prev"' not in day
    assert 'rel="prev" href="../../../2025/03/20/"' in files["2025/03/25/index.html"].decode()
    assert 'rel="next" href="../../../2025/04/02/"' in files["2025/03/25/index.html"].decode()
    month = text(files["2025/03/index.html"])
    assert "March 2025" in month and "3 stories" in month and "March 20, 2025 2 stories" in month
    year = text(files["2025/index.html"])
    assert "4 stories" in year and "April 2025 1 story" in year and "March 2025 3 stories" in year
    archive = text(files["archive/index.html"])
    assert "4 stories in all" in archive and "2025 4 stories" in archive
    assert broken_links(files) == []


def test_topic_and_tag_pages_are_paginated_with_counts_and_feeds(tmp_path, run):
    goods = ["steel", "aluminum", "lumber", "canola", "potash"]
    raws = {f"content/raw/{i}.txt": story(f"Tariff story {i}", 10 + i, body=[
        f"OTTAWA — Prime Minister Mark Carney discussed tariffs on {goods[i]}.", EVENTS[i][0]]) for i in range(5)}
    raws["content/raw/p.txt"] = story("Vote", 9, body=["OTTAWA — The election was called by Mark Carney.", "Parliament ends."])
    files = built(tmp_path, run, raws, SITE_YAML + "per_page: 2\n")
    trade = text(files["topics/trade/index.html"])
    assert "5 stories" in trade and "Atom feed" in trade
    assert "topics/trade/page/2/index.html" in files and "topics/trade/page/4/index.html" not in files
    # the number after the last: lists were once numbered from their newest end up to it
    assert '<meta http-equiv="refresh" content="0; url=../../../../topics/trade/">' in \
        files["topics/trade/page/3/index.html"].decode()
    assert '<a href="../../topics/trade/feed.xml">Atom feed</a>' in files["topics/trade/index.html"].decode()
    topics = text(files["topics/index.html"])
    assert "Trade 5" in topics and "Politics 1" in topics and "General 0" in topics
    assert "Mark Carney 6" in text(files["tags/index.html"])
    assert "tags/mark-carney/page/2/index.html" in files and "tags/mark-carney/page/4/index.html" not in files
    assert broken_links(files) == []


def test_a_numbered_page_once_full_never_changes_as_newer_stories_arrive(tmp_path, run):
    raws = {f"content/raw/{i}.txt": story(f"Tariff story {i}", 1 + i, body=[
        f"OTTAWA — Prime Minister Mark Carney discussed tariffs, day {i}.", EVENTS[i][0]]) for i in range(7)}
    site = write_site(tmp_path, raws, SITE_YAML + "per_page: 2\n")
    assert run("build", "--site", str(site))[0] == 0
    before = read_tree(site / "output")
    numbered = {rel for rel in before if re.search(r"/page/\d+/index\.html$", "/" + rel)
                and b'http-equiv="refresh"' not in before[rel]}  # a number not yet full sends readers on
    assert {"topics/trade/page/1/index.html", "topics/trade/page/2/index.html",
            "tags/mark-carney/page/3/index.html"} <= numbered
    # the next days' stories: the lists' first pages change, and a newly full page appears
    for i in (7, 8):
        (site / f"content/raw/{i}.txt").write_text(story(f"Tariff story {i}", 1 + i, body=[
            f"OTTAWA — Prime Minister Mark Carney discussed tariffs, day {i}.", EVENTS[i][0]]))
        assert run("build", "--site", str(site))[0] == 0
    after = read_tree(site / "output")
    newest: dict[str, str] = {}  # each list's highest page before: only its "newer" link may change
    for rel in sorted(numbered, key=lambda r: int(r.split("/page/")[-1].split("/")[0]) if "/page/" in r
                      else int(r.split("/")[1])):
        newest[rel.rsplit("page/", 1)[0]] = rel
    assert {rel for rel in numbered if after.get(rel) != before[rel]} <= set(newest.values())
    assert "topics/trade/page/4/index.html" in after  # stories 7 and 8 ... once two more made it full
    trade = after["topics/trade/page/1/index.html"].decode()
    assert "Tariff story 0" in trade and "Tariff story 1" in trade and "Tariff story 2" not in trade
    assert broken_links(after) == []


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locs(files: dict[str, bytes], base_url: str = "https://example.org/") -> list[str]:
    """Every address the sitemap index's child sitemaps list (the news sitemap repeats some: not it)."""
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == SITEMAP + "sitemapindex"
    locs = []
    for child in index.iter(SITEMAP + "loc"):
        assert child.text.startswith(base_url)
        if child.text.endswith("/news-sitemap.xml"):
            continue
        locs += [loc.text for loc in ET.fromstring(files[child.text[len(base_url):]]).iter(SITEMAP + "loc")]
    return locs


def test_feeds_sitemap_robots_and_404(tmp_path, run):
    files = built(tmp_path, run, {"content/raw/a.txt": raw_article("Trump & Carney <talk> “tariffs”"),
                                  "content/raw/b.txt": story("Second", 20)})
    feed = ET.fromstring(files["feed.xml"])
    assert feed.tag == ATOM + "feed"
    assert feed.find(ATOM + "id").text == "https://example.org/feed.xml"
    assert feed.find(ATOM + "updated").text == "2025-03-28T11:09:00-04:00"
    entries = feed.findall(ATOM + "entry")
    assert [e.find(ATOM + "title").text for e in entries] == ["Trump & Carney <talk> “tariffs”", "Second"]
    first = entries[0]
    assert first.find(ATOM + "id").text == "tag:example.org,2025-03-28:a.txt"  # permanent: see test_moves.py
    assert first.find(ATOM + "author/" + ATOM + "name").text == "Dylan Robertson"
    assert first.find(ATOM + "link").get("href") == "https://example.org/2025/03/28/trump-carney-talk-tariffs/"
    topic_feed = ET.fromstring(files["topics/trade/feed.xml"])
    assert len(topic_feed.findall(ATOM + "entry")) == 2
    locs = sitemap_locs(files)
    assert "https://example.org/" in locs and "https://example.org/2025/03/28/trump-carney-talk-tariffs/" in locs
    assert all(loc.startswith("https://example.org/") for loc in locs)
    assert files["robots.txt"].decode().strip().endswith("Sitemap: https://example.org/sitemap.xml\n"
                                                          "Sitemap: https://example.org/news-sitemap.xml")
    not_found = files["404.html"].decode()
    assert 'href="/archive/"' in not_found and 'href="/static/style.css"' in not_found
    # shown at any missing address: never indexed, and no address of its own to call canonical
    assert '<meta name="robots" content="noindex">' in not_found and 'rel="canonical"' not in not_found
    assert 'rel="canonical"' in files["index.html"].decode() and "noindex" not in files["index.html"].decode()
    # a browser asks every site for an icon: the theme has one, linked from every page
    assert files["static/favicon.svg"].startswith(b"<svg") and 'href="/static/favicon.svg"' in not_found
    assert '<link rel="icon" href="./static/favicon.svg"' in files["index.html"].decode()


def test_sub_path_base_url_links_resolve(tmp_path, run):
    site_yaml = SITE_YAML.replace("https://example.org/", "https://example.org/news/")
    write_site(tmp_path, {"content/raw/a.txt": raw_article("One"), "content/raw/b.txt": story("Two", 3)}, site_yaml)
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 0
    # robots.txt works only at the host's root: said once, on the base_url line
    assert [line for line in err.splitlines() if "robots.txt" in line] == [
        f"{tmp_path / 'site.yaml'}:2: warning: base_url is under the path /news/: crawlers read robots.txt only "
        "at the root of its host, so output/robots.txt has no effect there "
        "(add its Sitemap: line to https://example.org/robots.txt)"]
    files = read_tree(tmp_path / "output")
    assert broken_links(files, "/news/") == []
    assert 'href="/news/static/style.css"' in files["404.html"].decode()
    assert "https://example.org/news/2025/03/28/one/" in sitemap_locs(files, "https://example.org/news/")
    assert '<link rel="canonical" href="https://example.org/news/">' in files["index.html"].decode()


def test_drafts_only_with_flag(tmp_path, run):
    built(tmp_path, run, {"content/raw/a.txt": raw_article("Public")})
    md = tmp_path / "content/articles/2025/03/28-secret.md"
    md.write_text((tmp_path / "content/articles/2025/03/28-public.md").read_text()
                  .replace('"Public"', '"Secret"').replace("slug: public", "slug: secret")
                  .replace("draft: false", "draft: true"))
    run("build", "--site", str(tmp_path))
    assert not (tmp_path / "output/2025/03/28/secret").exists()
    assert b"Secret" not in (tmp_path / "output/feed.xml").read_bytes()
    run("build", "--site", str(tmp_path), "--drafts")
    assert (tmp_path / "output/2025/03/28/secret/index.html").is_file()


@pytest.mark.parametrize("breakage, expected", [
    ({"content/raw/bad.txt": "date 2025-02-30 Bad\n\nBody.\n"}, "content/raw/bad.txt:1: impossible date 2025-02-30"),
    ({"content/articles/2025/03/28-x.md": "---\ntitle: X\ndate: 2025-03-28\ntopic: nosuch\n---\nBody\n"},
     "content/articles/2025/03/28-x.md:4: unknown topic 'nosuch'"),
    ({"content/articles/2025/03/28-y.md": "no front matter\n"}, "content/articles/2025/03/28-y.md:1: no front matter"),
    ({"content/articles/2025/03/28-z.md": '---\ntitle: "Z"\ndate: 2025-02-30T11:09:00-04:00\n---\nBody\n'},
     "content/articles/2025/03/28-z.md:3: front matter has an impossible value"),
    ({"content/articles/2025/03/28-s.md": '---\ntitle: "\\ud800Lone half"\ndate: 2025-03-28T11:09:00-04:00\n---\nB\n'},
     "content/articles/2025/03/28-s.md:2: front matter is not valid YAML"),
    ({"themes/default/templates/article.html": "{% extends 'base.html' %}{% block main %}{{ article.nope() }}{% endblock %}"},
     "themes/default/templates/article.html:1: template error"),
    ({"themes/default/templates/list.html": "{% if %}"}, "themes/default/templates/list.html:1: template error"),
])
def test_failed_build_reports_and_leaves_output_untouched(tmp_path, breakage, expected):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Good")})
    assert subprocess.run([sys.executable, "-m", "digest", "build"], cwd=tmp_path, capture_output=True).returncode == 0
    before = read_tree(tmp_path / "output")
    write_site(tmp_path, breakage)
    proc = subprocess.run([sys.executable, "-m", "digest", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert read_tree(tmp_path / "output") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


@pytest.mark.parametrize("target", [".", "content", "content/articles", "themes", "..", "/", "~"])
def test_output_that_would_destroy_sources_is_refused(tmp_path, run, target):
    write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Good")})
    (tmp_path / "site/themes").mkdir(exist_ok=True)
    path = os.path.expanduser(target) if target == "~" else str(tmp_path / "site" / target)
    code, _, err = run("build", "--site", str(tmp_path / "site"), "--output", path)
    assert code == 1 and "refusing to write the site to" in err
    assert (tmp_path / "site/content/raw/a.txt").is_file()


def test_output_key_in_site_yaml(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Good")}, SITE_YAML + "output: public\n")
    assert run("build", "--site", str(tmp_path))[0] == 0
    assert (tmp_path / "public/index.html").is_file() and not (tmp_path / "output").exists()
    assert not [p for p in (tmp_path / "public").rglob(".*")]  # no hidden files or build state


def test_builds_are_reproducible_across_folders_hash_seeds_and_time_zones(tmp_path):
    outputs = []
    for n, (seed, tz) in enumerate([("1", "UTC"), ("2", "Asia/Tokyo")]):
        site = write_site(tmp_path / f"s{n}", {"content/raw/sample.txt": (DATA / "000_db4e5bf138ab3444.txt").read_bytes(),
                                                "content/raw/b.txt": story("Other", 20)})
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz)
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([sys.executable, "-m", "digest", "build"], cwd=site, env=env, check=True, capture_output=True)
        outputs.append(read_tree(site / "output"))
    assert outputs[0] == outputs[1]


def test_site_overrides_one_template_and_keeps_the_rest(tmp_path, run):
    files = built(tmp_path, run, {
        "content/raw/a.txt": raw_article("Good"),
        "themes/default/templates/404.html": "{% extends 'base.html' %}{% block main %}<h1>Lost at sea</h1>{% endblock %}",
    })
    assert "<h1>Lost at sea</h1>" in files["404.html"].decode()
    assert "Skip to content" in files["404.html"].decode()  # base.html still the default
    assert "Edition of" in files["2025/03/28/index.html"].decode()


def test_summary_line_and_check(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Good")})
    code, out, _ = run("build", "--site", str(tmp_path))
    assert re.search(r"built \d+ pages \(.*1 article.*\); \d+ of \d+ files written in \d+\.\d\d s", out)
    assert run("check", "--site", str(tmp_path))[0] == 0
    md = tmp_path / "content/articles/2025/03/28-good.md"
    md.write_text(md.read_text() + "\nSee [the list](../nowhere/).\n")
    code, _, err = run("check", "--site", str(tmp_path))
    assert code == 1 and "content/articles/2025/03/28-good.md:1: link to '../nowhere/' leads nowhere" in err


def test_output_folder_with_other_files_or_a_file_is_refused(tmp_path, run):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Good")})
    docs = tmp_path / "mydocs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("precious")
    code, _, err = run("build", "--site", str(site), "--output", str(docs))
    assert code == 1 and "it holds files digest did not write" in err
    assert (docs / "thesis.txt").read_text() == "precious"
    code, _, err = run("build", "--site", str(site), "--output", str(site / "site.yaml"))
    assert code == 1 and "it is a file" in err and (site / "site.yaml").is_file()
    (site / "site.yaml").write_text(SITE_YAML + "output: ../mydocs\n")
    code, _, err = run("check", "--site", str(site))
    assert code == 1 and f"site.yaml:{SITE_YAML.count(chr(10)) + 1}: refusing to write the site to ../mydocs" in err
    # a folder digest built before is replaced, even when it is not empty
    empty = tmp_path / "public"
    assert run("build", "--site", str(site), "--output", str(empty))[0] == 0
    assert run("build", "--site", str(site), "--output", str(empty))[0] == 0


def test_configured_paths_are_used_by_every_link(tmp_path, run):
    yaml_text = SITE_YAML + "paths:\n  tags: labels/\n  tag: 'label/{slug}/'\n  archive: past/\n  topics: sections/\n" \
        "  topic: 'section/{slug}/'\n  article: '{year}/{month}/{day}/{slug}.html'\n  search: find/\n"
    files = built(tmp_path, run, {"content/raw/a.txt": raw_article("One story"),
                                  "content/raw/b.txt": story("Another story", 20)}, yaml_text)
    assert "labels/index.html" in files and "past/index.html" in files and "find/index.html" in files
    assert "section/trade/index.html" in files and "2025/03/28/one-story.html" in files
    assert broken_links(files) == []


def test_two_kinds_of_page_at_one_path_is_an_error(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("One")}, SITE_YAML + "paths:\n  archive: ''\n")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 1 and "would both be /index.html" in err and "site.yaml:11:" in err


def test_a_story_counts_once_per_tag_whatever_the_spellings(tmp_path, run):
    write_site(tmp_path, {"content/articles/2025/03/28-x.md":
                          "---\ntitle: X\ndate: 2025-03-28T10:00:00-04:00\ntags: [Mark Carney, mark carney, MARK CARNEY]\n---\nBody\n"})
    files = built(tmp_path, run, {})
    assert "1 story" in text(files["tags/mark-carney/index.html"])
    assert "Mark Carney 1" in text(files["tags/index.html"])


def test_characters_xml_cannot_carry_never_reach_a_feed(tmp_path, run):
    write_site(tmp_path, {"content/articles/2025/03/28-x.md":
                          '---\ntitle: "T\\u0001itle\\uffff"\ndate: 2025-03-28T10:00:00-04:00\n---\nBo\x01dy \ufffe here\n'})
    files = built(tmp_path, run, {})
    feed = ET.fromstring(files["feed.xml"])
    assert feed.find(ATOM + "entry/" + ATOM + "title").text == "Title"


@pytest.mark.parametrize("template, words", [
    ("{{ 1/0 }}", "division by zero"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "recursion"),
])
def test_any_template_mistake_is_one_line_not_a_traceback(tmp_path, template, words):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Good"), "themes/default/templates/404.html": template})
    proc = subprocess.run([sys.executable, "-m", "digest", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("themes/default/templates/404.html:1: template error") and words in proc.stderr


def test_a_theme_written_for_the_card_macro_still_builds(tmp_path, run):
    """Older overrides import `card` from _macros.html; it still renders the story's card."""
    files = built(tmp_path, run, {
        "content/raw/a.txt": raw_article("Carney <talks> tariffs"),
        "themes/default/templates/list.html": '{% extends "base.html" %}{% from "_macros.html" import card with context %}'
                                              "{% block main %}{% for a in stories %}{{ card(a, 2) }}{% endfor %}{% endblock %}",
    })
    page = files["topics/trade/index.html"].decode()
    assert ('<h2 class="card-title"><a href="../../2025/03/28/carney-talks-tariffs/">Carney &lt;talks&gt; tariffs</a></h2>'
            in page)


def test_times_read_in_their_own_zone_even_when_equal():
    """11:09 EDT and 15:09 UTC are the same moment; 1:30 a.m. happens twice when clocks fall back."""
    from zoneinfo import ZoneInfo

    from digest.dates import long_datetime

    toronto = dt.datetime(2025, 11, 2, 1, 30, tzinfo=ZoneInfo("America/Toronto"))
    assert long_datetime(toronto) == "November 2, 2025 at 1:30 a.m. EDT"
    assert long_datetime(toronto.replace(fold=1)) == "November 2, 2025 at 1:30 a.m. EST"
    assert long_datetime(toronto.astimezone(dt.UTC)) == "November 2, 2025 at 5:30 a.m. UTC"


def test_related_stories_can_be_used_as_a_list_in_a_theme(tmp_path, run):
    """`related` is ranked when a page first reads it; to a theme it is a tuple like any other."""
    files = built(tmp_path, run, {
        "content/raw/a.txt": story("Carney meets Trudeau on tariffs", 10, body=[
            "OTTAWA — Mark Carney met Justin Trudeau on tariffs.", *EVENTS[0]]),
        "content/raw/b.txt": story("Carney and Trudeau talk tariffs again", 14, body=[
            "OTTAWA — Mark Carney and Justin Trudeau talked tariffs again.", *EVENTS[1]]),
        "content/raw/c.txt": story("Weather turns cold", 12, body=["It snowed in the morning."]),
        "themes/default/templates/article.html":
            '{% extends "base.html" %}{% block main %}<p id="n">{{ related|length }}</p>'
            '{% if related %}<p id="first">{{ related[0].title }}</p>{% endif %}'
            '<ul>{% for s in related[:5] %}<li class="r">{{ s.title }}</li>{% endfor %}</ul>'
            '<p id="all">{{ (related + [article])|map(attribute="title")|join(" / ") }}</p>{% endblock %}',
    })
    page = files["2025/03/14/carney-and-trudeau-talk-tariffs-again/index.html"].decode()
    assert '<p id="first">Carney meets Trudeau on tariffs</p>' in page  # shares tags: ranked first
    count = int(re.search(r'<p id="n">(\d+)</p>', page).group(1))
    assert count == page.count('<li class="r">') >= 1
    assert re.search(r'<p id="all">.* / Carney and Trudeau talk tariffs again</p>', page)
    # related stories are earlier ones: a story's page does not change each day a newer one comes
    assert '<p id="n">0</p>' in files["2025/03/10/carney-meets-trudeau-on-tariffs/index.html"].decode()


def test_long_work_tells_its_progress_in_plain_lines_when_not_on_a_terminal(tmp_path, run, monkeypatch):
    from digest import cli

    monkeypatch.setattr(cli._StageProgress, "LEAST", 3)  # as a site of thousands of stories would
    site = write_site(tmp_path, {f"content/raw/{n}.txt": raw_article(f"Story {n}", body=EVENTS[n]) for n in range(6)})
    code, out, err = run("build", "--site", str(site))
    assert code == 0 and out.startswith("built ")
    lines = [line for line in err.splitlines() if not line.startswith(str(site))]
    assert "ingest: 6 of 6" in lines and "read: 6 of 6" in lines
    assert any(re.fullmatch(r"render: \d+ of \d+", line) for line in lines)
    assert all("\r" not in line and "\x1b" not in line for line in lines)  # a log gets no terminal codes


def test_progress_measures_its_rate_from_the_first_report(monkeypatch, capsys):
    """Workers report a batch at a time: a stage first heard of with a quarter done shows no rate
    until it has one (it once said 47,894,555/s: the first quarter's time counted as nothing)."""
    import time

    from digest import cli

    clock = iter([100.0, 101.0, 102.0])
    monkeypatch.setattr(time, "perf_counter", lambda: next(clock))
    progress = cli._StageProgress()
    progress.terminal = False
    for done in (2500, 5000, 7500):
        progress("ingest", done, 10_000)
    assert capsys.readouterr().err.splitlines() == [
        "ingest: 2,500 of 10,000", "ingest: 5,000 of 10,000, 2,500/s", "ingest: 7,500 of 10,000, 2,500/s"]


def test_a_later_version_of_an_old_story_moves_no_story_between_numbered_pages(tmp_path, run):
    raws = {f"content/raw/{i}.txt": story(f"Tariff story {i}", 1 + i, body=[
        f"OTTAWA — Prime Minister Mark Carney discussed tariffs, day {i}.", EVENTS[i][0]]) for i in range(8)}
    site = write_site(tmp_path, raws, SITE_YAML + "per_page: 2\n")
    assert run("build", "--site", str(site))[0] == 0

    def runs(files: dict[str, bytes]) -> dict[str, list[str]]:
        return {rel: re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', data.decode())
                for rel, data in files.items() if "/page/" in "/" + rel and b'http-equiv="refresh"' not in data}
    before = runs(read_tree(site / "output"))
    # Reuters' version of day 2's story, on a new day, joined to it by the curator
    old = next((site / "content/articles").rglob("*tariff-story-1*.md"))
    (site / "content/raw/r.txt").write_text(story("Carney talks tariffs again, Reuters says", 20, body=[
        "OTTAWA (Reuters) - Prime Minister Mark Carney discussed tariffs again.", EVENTS[9][0]],
        byline="By Reuters Staff"))
    assert run("build", "--site", str(site))[0] == 0
    version = next((site / "content/articles").rglob("*reuters-says*.md"))
    story_id = re.search(r"(?m)^story: (.*)$", old.read_text()).group(1)
    version.write_text(re.sub(r"(?m)^story: .*$", f"story: {story_id}", version.read_text()))
    assert run("build", "--site", str(site))[0] == 0
    files = read_tree(site / "output")
    after = runs(files)
    assert all(after[rel] == titles for rel, titles in before.items() if rel in after)
    assert set(before) <= set(after)  # no numbered page went away
    # on the front page the story is in today's edition, and not again among the earlier ones
    home = files["index.html"].decode()
    earlier = home[home.index('id="earlier-heading"'):]
    assert "Carney talks tariffs again, Reuters says" in home[:home.index('id="earlier-heading"')]
    assert "Tariff story 1<" not in earlier
