"""The curator's edition: the lead and the order they choose, their own words, the day's
introduction, and the edition by email (HTML, plain text, an editions feed)."""
from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

from tests.conftest import DATA, SITE_YAML
from tests.test_build import EVENTS, built, story, text

ATOM = "{http://www.w3.org/2005/Atom}"

# March 22: five stories of different events; March 21: one
DAY = {
    "content/raw/hospital.txt": story("Moncton hospital opens a new wing", 22, 6, body=EVENTS[0]),
    "content/raw/ferries.txt": story("BC Ferries cancels sailings", 22, 7, body=EVENTS[1]),
    "content/raw/mine.txt": story("Glencore to close Kidd Creek mine", 22, 8, body=EVENTS[2]),
    "content/raw/budget.txt": story("Nunavut passes budget", 22, 9, body=EVENTS[4]),
    "content/raw/hail.txt": story("Hail damages 700 cars", 22, 10, body=EVENTS[5]),
    "content/raw/smelter.txt": story("Rio Tinto reopens Arvida line", 21, 9, body=EVENTS[6]),
}


def curate(site: Path, slug: str, *lines: str) -> None:
    """Add the curator's fields to an article's front matter, as an editor would by hand."""
    path = next((site / "content/articles").rglob(f"*{slug}*.md"))
    head, rest = path.read_text(encoding="utf-8").split("\n---\n", 1)
    path.write_text(head + "\n" + "\n".join(lines) + "\n---\n" + rest, encoding="utf-8")


def build_curated(tmp_path, run, edits: dict[str, tuple[str, ...]], intros: dict[str, str] | None = None,
                  site_yaml: str = SITE_YAML) -> tuple[dict[str, bytes], str]:
    """Ingest the day, let the curator edit the articles, build again: (output files, stderr)."""
    built(tmp_path, run, DAY, site_yaml)
    for slug, lines in edits.items():
        curate(tmp_path, slug, *lines)
    for day, body in (intros or {}).items():
        path = tmp_path / "content/editions" / f"{day}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 0, err
    out = tmp_path / "output"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}, err


def order(html: str, *titles: str) -> list[str]:
    """`titles` in the order the page shows them."""
    return sorted(titles, key=lambda t: html.index(t))


def lead_of(html: str) -> str:
    return unescape(re.search(r'class="lead-title"[^>]*><a [^>]*>([^<]+)<', html).group(1))


def test_the_curators_lead_leads_the_front_page_the_day_page_and_the_email(tmp_path, run):
    files, err = build_curated(tmp_path, run, {"nunavut": ("lead: true",)})
    assert err == ""
    for page in ("index.html", "2025/03/22/index.html", "2025/03/22/email.html"):
        assert lead_of(files[page].decode()) == "Nunavut passes budget", page
    assert text(files["2025/03/22/email.txt"]).index("Nunavut passes budget") \
        < text(files["2025/03/22/email.txt"]).index("Moncton hospital")


def test_two_leads_on_one_day_warn_naming_both_files_and_the_earlier_posted_leads(tmp_path, run):
    files, err = build_curated(tmp_path, run, {"nunavut": ("lead: true",), "hail": ("lead: true",)})
    assert lead_of(files["index.html"].decode()) == "Nunavut passes budget"  # posted 9:00, the hail at 10:00
    warning = [line for line in err.splitlines() if "second lead" in line]
    assert len(warning) == 1
    assert re.match(r".*22-hail-damages-700-cars\.md:\d+: warning: a second lead on 2025-03-22: "
                    r"22-nunavut-passes-budget\.md leads the edition", warning[0]), warning
    line = int(warning[0].split(".md:")[1].split(":")[0])
    hail = next((tmp_path / "content/articles").rglob("*hail*.md")).read_text().splitlines()
    assert hail[line - 1] == "lead: true"


def test_weight_orders_the_edition_and_the_day_page_before_time(tmp_path, run):
    # all five in one topic (no politics keywords here: "Premier", "Minister"): newest first, unless weighed
    site_yaml = SITE_YAML.replace("[election, parliament, minister, premier]", "[referendum]")
    files, _ = build_curated(tmp_path, run, {"moncton": ("weight: 10",), "ferries": ("weight: 5",),
                                             "hail": ("lead: true",)}, site_yaml=site_yaml)
    for page in ("index.html", "2025/03/22/index.html", "2025/03/22/email.html"):
        html = unescape(files[page].decode())
        assert order(html, "Moncton hospital", "BC Ferries", "Nunavut passes", "Glencore to close") == [
            "Moncton hospital", "BC Ferries", "Nunavut passes", "Glencore to close"], page
    plain = files["2025/03/22/email.txt"].decode()
    assert order(plain, "Moncton hospital", "BC Ferries", "Nunavut passes", "Glencore to close") == [
        "Moncton hospital", "BC Ferries", "Nunavut passes", "Glencore to close"]


def test_a_story_kept_off_the_front_stays_on_its_day_topic_and_archive_pages(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"hail": ("front: false",)})
    for page in ("index.html", "2025/03/22/email.html", "2025/03/22/email.txt", "editions.xml"):
        assert "Hail damages" not in unescape(files[page].decode()), page
    assert "5 stories" not in text(files["index.html"]) and "4 stories" in text(files["index.html"])
    for page in ("2025/03/22/index.html", "topics/general/index.html", "2025/03/index.html", "feed.xml"):
        assert "Hail damages" in unescape(files[page].decode()), page
    assert "2025/03/22/hail-damages-700-cars/index.html" in files


def test_a_day_with_only_stories_kept_off_the_front_leaves_the_front_to_the_day_before(tmp_path, run):
    edits = {slug: ("front: false",) for slug in ("moncton", "ferries", "glencore", "nunavut", "hail")}
    files, _ = build_curated(tmp_path, run, edits)
    assert lead_of(files["index.html"].decode()) == "Rio Tinto reopens Arvida line"
    assert "2025/03/22/email.html" not in files and "2025/03/21/email.html" in files
    assert "Hail damages" in text(files["2025/03/22/index.html"])


COMMENT = 'comment: "**Why it matters:** 650 jobs in a town of 40,000. <script>alert(1)</script>"'


def test_the_curators_comment_is_shown_signed_on_the_edition_and_the_article_never_as_wire_text(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"glencore": (COMMENT,)}, site_yaml=SITE_YAML + "curator: Jane Roe\n")
    article = files["2025/03/22/glencore-to-close-kidd-creek-mine/index.html"].decode()
    for page, html in (("article", article), ("front", files["index.html"].decode()),
                       ("day", files["2025/03/22/index.html"].decode()),
                       ("email", files["2025/03/22/email.html"].decode())):
        comment = re.search(r'(?s)class="comment".*?</(?:aside|div)>', html)
        assert comment, page
        assert "Curator's note · Jane Roe" in unescape(comment.group())
        assert "<strong>Why it matters:</strong> 650 jobs in a town of 40,000." in comment.group()
        assert "&lt;script&gt;" in comment.group() and "<script>alert" not in html
    # at the top of the story: before the wire text
    assert article.index('class="comment"') < article.index("TIMMINS — Glencore will close")
    plain = files["2025/03/22/email.txt"].decode()
    assert "Curator's note · Jane Roe: **Why it matters:** 650 jobs" in plain
    # the wire text and its summary are the copy's alone: feeds, search and meta tags never carry the comment
    texts = [files[page].decode() for page in ("feed.xml", "topics/general/feed.xml")]
    texts += [gzip.decompress(data).decode() for rel, data in files.items() if rel.startswith("search/")
              and not rel.endswith(".html")]
    assert len(texts) > 2 and not any("650 jobs in a town" in t for t in texts)
    assert "650 jobs in a town" not in re.search(r'<meta name="description" content="[^"]*"', article).group()
    assert "Curator's note" not in text(files["topics/general/index.html"])  # lists show it only in an edition


def test_the_days_introduction_is_on_its_day_page_the_front_page_and_the_email(tmp_path, run):
    intro = '---\ntitle: "A day of closures"\n---\nTwo towns lose their *biggest* employer.\n'
    files, _ = build_curated(tmp_path, run, {}, {"2025-03-22": intro, "2025-03-21": "Aluminum is back.\n"})
    for page in ("index.html", "2025/03/22/index.html", "2025/03/22/email.html"):
        html = files[page].decode()
        assert "A day of closures" in html and "Two towns lose their <em>biggest</em> employer." in html, page
        assert html.index("A day of closures") < html.index('class="lead"'), page
        assert "Aluminum is back" not in html, page  # the day before's introduction is that day's
    plain = files["2025/03/22/email.txt"].decode()
    assert plain.index("A day of closures") < plain.index("Two towns lose their *biggest* employer.") \
        < plain.index("Hail damages")
    assert "Aluminum is back." in text(files["2025/03/21/index.html"])
    assert "Aluminum is back." in files["2025/03/21/email.txt"].decode()


def test_the_email_is_self_contained_absolute_and_styled_inline(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"glencore": (COMMENT,)})
    html = files["2025/03/22/email.html"].decode()
    assert "<script" not in html.lower() and 'rel="stylesheet"' not in html and "<link" not in html
    hrefs = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs), hrefs
    assert len(set(hrefs)) >= 7  # the site, the day, each story, the topic
    for title in ("Moncton hospital opens a new wing", "BC Ferries cancels sailings", "Hail damages 700 cars"):
        assert re.search(r'<a href="https://example.org/2025/03/22/[a-z0-9-]+/" style="[^"]+">' + title, html), title
    # what is left of the style sheet: only what cannot be inlined (dark mode, narrow screens)
    sheet = re.search(r"(?s)<style>(.*?)</style>", html).group(1)
    assert re.sub(r"(?s)@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", sheet).strip() == ""
    assert "prefers-color-scheme: dark" in sheet
    assert html.index('<meta charset="utf-8">') < 100


def test_the_plain_text_email_holds_every_front_story_headline_and_link(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"hail": ("front: false",)})
    plain = files["2025/03/22/email.txt"].decode()
    assert "<" not in plain and "&amp;" not in plain
    home = files["index.html"].decode()
    links = re.findall(r'class="(?:lead-title|card-title)"><a href="\./(2025/03/22/[^"]+)"', home)
    assert len(links) == 4
    for link in links:
        assert f"https://example.org/{link}\n" in plain
        title = unescape(re.search(r'href="\./' + re.escape(link) + r'">([^<]+)<', home).group(1))
        assert title + "\n" in plain


def test_the_editions_feed_has_one_entry_per_day_with_its_email(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"glencore": (COMMENT,)})
    feed = ET.fromstring(files["editions.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == ["https://example.org/2025/03/22/",
                                                          "https://example.org/2025/03/21/"]
    content = entries[0].find(f"{ATOM}content")
    assert content.get("type") == "html"
    email = files["2025/03/22/email.html"].decode()
    body = email[email.index(">", email.index("<body")) + 1: email.rindex("</body>")].strip()
    assert content.text == body
    assert "Glencore to close Kidd Creek mine" in content.text and "650 jobs" in content.text
    assert entries[0].find(f"{ATOM}updated").text == "2025-03-22T10:00:00-04:00"
    # every page names the feed, so a reader or a newsletter service finds it
    assert 'href="../../../editions.xml"' in files["2025/03/22/index.html"].decode()


def atom_schema():
    """RFC 4287's RELAX NG schema (tests/data/atom.rnc), for lxml (its Schematron rules are not checked)."""
    import rnc2rng
    from lxml import etree

    rng = rnc2rng.dumps(rnc2rng.load(str(DATA / "atom.rnc")))
    rng = re.sub(r'\s+xmlns:local=""', "", rng)  # rnc2rng binds an unused prefix to "", which XML forbids
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def test_the_editions_feed_and_the_site_feed_are_valid_atom(tmp_path, run):
    from lxml import etree

    files, _ = build_curated(tmp_path, run, {"glencore": (COMMENT,)}, {"2025-03-22": "Closures.\n"})
    schema = atom_schema()
    for feed in ("editions.xml", "feed.xml"):
        assert schema.validate(etree.fromstring(files[feed])), (feed, schema.error_log)
    broken = re.sub(rb"<id>[^<]*</id>", b"", files["editions.xml"], count=1)  # a feed without its id
    assert not schema.validate(etree.fromstring(broken))


def test_curator_fields_of_the_wrong_kind_are_one_line_each(tmp_path, run):
    built(tmp_path, run, DAY)
    curate(tmp_path, "glencore", "weight: high")
    curate(tmp_path, "hail", "front: maybe", "comment: [a, b]")
    (tmp_path / "content/editions").mkdir()
    (tmp_path / "content/editions/march-22.md").write_text("Hello\n")
    (tmp_path / "content/editions/2025-03-22.md").write_text("---\ntitle: Today\nlead: hail\n---\nHi\n")
    before = (tmp_path / "output/index.html").read_bytes()
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 1
    lines = err.strip().splitlines()
    expected = [r"22-glencore-to-close-kidd-creek-mine\.md:\d+: 'weight' must be a whole number",
                r"22-hail-damages-700-cars\.md:\d+: 'front' must be true or false",
                r"22-hail-damages-700-cars\.md:\d+: 'comment' must be text",
                r"march-22\.md:1: an edition's introduction is named after its day \(name it YYYY-MM-DD\.md",
                r"2025-03-22\.md:3: unknown field 'lead' in an edition's introduction"]
    for pattern in expected:
        assert [line for line in lines if re.search(pattern, line)], (pattern, err)
    assert "Traceback" not in err
    assert (tmp_path / "output/index.html").read_bytes() == before


def test_an_edition_on_a_french_site_is_in_french(tmp_path, run):
    site_yaml = SITE_YAML + "language: fr\n"
    files, _ = build_curated(tmp_path, run, {"glencore": ('comment: "À surveiller."',)}, site_yaml=site_yaml)
    assert "Note de la rédaction · Test Digest" in unescape(files["index.html"].decode())
    assert "Lire cette édition sur le Web" in unescape(files["2025/03/22/email.html"].decode())
    assert "22 mars 2025" in files["2025/03/22/email.txt"].decode()



def test_the_curators_markdown_shows_no_image_no_heading_and_only_full_links(tmp_path, run):
    comment = 'comment: "# Big\\n\\nSee ![pixel](https://tracker.example/p.gif) and [the report](https://example.org/r/)."'
    files, _ = build_curated(tmp_path, run, {"glencore": (comment,)})
    for page in ("index.html", "2025/03/22/email.html", "2025/03/22/glencore-to-close-kidd-creek-mine/index.html"):
        html = files[page].decode()
        assert "<img" not in html and "<h1>Big" not in html, page
        assert "# Big" in html and 'href="https://example.org/r/"' in html, page
    curate(tmp_path, "hail", 'comment: "As [yesterday](../21/) showed."')
    intro = tmp_path / "content/editions/2025-03-22.md"
    intro.parent.mkdir()
    intro.write_text("Read [the first part](/2025/03/21/).\n")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 1
    assert re.search(r"22-hail-damages-700-cars\.md:\d+: 'comment' links to '\.\./21/', which is no full address", err)
    assert "2025-03-22.md:1: the introduction links to '/2025/03/21/', which is no full address" in err


def test_a_story_kept_off_the_front_by_its_lead_version_is_off_with_every_version(tmp_path, run):
    # two versions of one event: the lead (CP, earlier) is kept off the front
    raws = dict(DAY)
    raws["content/raw/mine-ap.txt"] = story("Glencore says Kidd Creek mine will shut in 2027", 22, 11, body=[
        "TIMMINS, Ontario (AP) — Glencore will close its Kidd Creek mine in 2027, putting 650 jobs at risk.",
        "Timmins Mayor Michelle Boileau called the decision a blow to the district."],
        byline="By Rob Gillies, The Associated Press")
    files = built(tmp_path, run, raws)
    assert "Also:" in text(files["index.html"])  # grouped as one story
    curate(tmp_path, "glencore-to-close", "front: false")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 0 and "'front'" not in err
    home = (tmp_path / "output/index.html").read_text()
    assert "Glencore" not in home and "Kidd Creek" not in home
    assert "Kidd Creek" in (tmp_path / "output/2025/03/22/index.html").read_text()


def test_curator_fields_on_a_version_the_edition_does_not_show_are_warned_about(tmp_path, run):
    raws = dict(DAY)
    raws["content/raw/mine-ap.txt"] = story("Glencore says Kidd Creek mine will shut in 2027", 22, 11, body=[
        "TIMMINS, Ontario (AP) — Glencore will close its Kidd Creek mine in 2027, putting 650 jobs at risk.",
        "Timmins Mayor Michelle Boileau called the decision a blow to the district."],
        byline="By Rob Gillies, The Associated Press")
    built(tmp_path, run, raws)
    curate(tmp_path, "glencore-says", 'comment: "Jobs."', "weight: 4")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 0
    for key in ("comment", "weight"):
        assert re.search(rf"22-glencore-says-kidd-creek-mine-will-shut-in-2027\.md:\d+: warning: '{key}' is on a "
                         r"version the edition does not show: its story's lead, 22-glencore-to-close-kidd-creek-mine\.md, "
                         r"stands for it \(move it there, or set `lead: true` here\)", err), (key, err)
    assert "Jobs." not in (tmp_path / "output/index.html").read_text()  # shown less, and said why


def test_the_day_page_is_led_by_a_story_on_the_front(tmp_path, run):
    files, _ = build_curated(tmp_path, run, {"nunavut": ("lead: true", "front: false")})
    assert lead_of(files["2025/03/22/index.html"].decode()) == lead_of(files["index.html"].decode()) \
        != "Nunavut passes budget"
    assert "Nunavut passes budget" in text(files["2025/03/22/index.html"])


def test_an_introduction_to_a_day_without_stories_is_warned_about_and_check_says_it_too(tmp_path, run):
    files, err = build_curated(tmp_path, run, {"nunavut": ("lead: true",), "hail": ("lead: true",)},
                               {"2025-03-23": "Nothing today.\n"})
    assert re.search(r"2025-03-23\.md:1: warning: no story is dated 2025-03-23: this introduction is shown nowhere",
                     err), err
    code, out, err = run("check", "--site", str(tmp_path))
    assert "a second lead on 2025-03-22" in out + err and "no story is dated 2025-03-23" in out + err
