"""Links that never break: a permanent id for each story, and a redirect from every path a
story was published at before (a corrected date, a slug renamed, an alias the curator adds)."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import SITE_YAML, raw_article, write_site
from tests.test_build import EVENTS, read_tree

ATOM = "{http://www.w3.org/2005/Atom}"
OLD = "2025/03/20/ferries-cancel-sailings-after-strike-vote/"
NEW = "2025/03/19/ferries-cancel-sailings-after-strike-vote/"


def raws(day: int = 20) -> dict[str, str]:
    return {
        "content/raw/ferries.txt": raw_article("Ferries cancel sailings after strike vote", f"2025-03-{day}",
                                               posted=f"Posted March {day}, 2025 7:00 am.", body=EVENTS[1]),
        "content/raw/mine.txt": raw_article("Kidd Creek mine to close", "2025-03-21",
                                            posted="Posted March 21, 2025 8:00 am.", body=EVENTS[2]),
    }


def build(run, site: Path, *args: str) -> tuple[int, str]:
    code, _, err = run("build", "--site", str(site), *args)
    return code, err


def md(site: Path, name: str) -> Path:
    return next((site / "content/articles").rglob(f"*{name}*.md"))


def feed_ids(site: Path) -> dict[str, str]:
    feed = ET.parse(site / "output/feed.xml").getroot()
    return {e.find(f"{ATOM}title").text: e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")}


def clean_copy(site: Path, tmp_path: Path, run) -> dict[str, bytes]:
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".digest"))
    assert build(run, copy, "--clean")[0] == 0
    return read_tree(copy / "output")


def test_ingest_gives_each_story_a_permanent_id_that_feeds_use(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    text = md(site, "ferries").read_text()
    assert 'id: "tag:example.org,2025-03-20:ferries.txt"' in text and "aliases: []" in text
    assert feed_ids(site)["Ferries cancel sailings after strike vote"] == "tag:example.org,2025-03-20:ferries.txt"
    assert ET.parse(site / "output/feed.xml").getroot().find(f"{ATOM}id").text == "https://example.org/feed.xml"


def test_a_corrected_date_moves_the_story_and_its_old_address_redirects(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    before = feed_ids(site)
    assert (site / "output" / OLD / "index.html").is_file()
    # the wire sends a correction: the story ran on the 19th
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    text = md(site, "ferries").read_text()
    assert md(site, "ferries").parent.name == "03" and md(site, "ferries").name.startswith("19-")
    assert f'aliases: ["{OLD}"]' in text
    assert 'id: "tag:example.org,2025-03-20:ferries.txt"' in text  # never changed by digest
    assert feed_ids(site) == before  # a feed reader does not see the story twice
    old = (site / "output" / OLD / "index.html").read_text()
    assert f'<meta http-equiv="refresh" content="0; url=../../../../{NEW}">' in old
    assert f'<link rel="canonical" href="https://example.org/{NEW}">' in old
    assert '<meta name="robots" content="noindex">' in old
    assert f'<a href="../../../../{NEW}">Ferries cancel sailings after strike vote</a>' in old
    assert (site / "output/_redirects").read_text() == f"/{OLD} /{NEW} 301\n"
    assert OLD not in (site / "output/sitemap.xml").read_text()
    # corrected back: the story returns, and its other old address redirects instead
    (site / "content/raw/ferries.txt").write_text(raws(20)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    assert f'aliases: ["{NEW}"]' in md(site, "ferries").read_text()
    assert "Ferries cancel sailings" in (site / "output" / OLD / "index.html").read_text()
    assert "refresh" not in (site / "output" / OLD / "index.html").read_text()
    assert (site / "output/_redirects").read_text() == f"/{NEW} /{OLD} 301\n"
    assert read_tree(site / "output") == clean_copy(site, tmp_path, run)


def test_an_alias_the_curator_adds_redirects_and_one_claimed_twice_names_both_files(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    path.write_text(path.read_text().replace("aliases: []", "aliases: [/ferries/, 2025/old-ferries]"))
    assert build(run, site)[0] == 0
    rules = (site / "output/_redirects").read_text().splitlines()
    assert rules == [f"/ferries/ /{OLD} 301", f"/2025/old-ferries/ /{OLD} 301"]
    assert "refresh" in (site / "output/ferries/index.html").read_text()
    before = read_tree(site / "output")
    mine = md(site, "kidd-creek")
    mine.write_text(mine.read_text().replace("aliases: []", f"aliases: [ferries/, {OLD}]"))
    code, err = build(run, site)
    assert code == 1 and "Traceback" not in err
    line = next(n for n, text in enumerate(mine.read_text().splitlines(), 1) if text.startswith("aliases:"))
    assert f"{mine.name}:{line}: the alias /{OLD} is already the page of {path.name}" in err
    assert re.search(rf"{re.escape(mine.name)}:{line}: the alias /ferries/ is also an alias of {re.escape(path.name)}"
                     r"|" + rf"{re.escape(path.name)}:\d+: the alias /ferries/ is also an alias of {re.escape(mine.name)}",
                     err), err
    assert read_tree(site / "output") == before  # a failed build leaves the site as it was


def test_a_deleted_story_is_gone_and_nothing_redirects_to_it(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    assert (site / "output/_redirects").read_text().strip()
    (site / "content/raw/ferries.txt").unlink()
    md(site, "ferries").unlink()
    assert build(run, site)[0] == 0
    assert not (site / "output" / OLD).exists() and not (site / "output" / NEW).exists()
    assert (site / "output/_redirects").read_text() == ""


def test_a_story_from_before_ids_keeps_its_address_as_its_id_when_it_moves(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    path = md(site, "ferries")  # as an older digest wrote it (no id, no aliases), and recorded it
    older = re.sub(r"(?m)^(id|aliases): .*\n", "", path.read_text())
    path.write_text(older)
    record = json.loads((site / ".digest/ingest.json").read_text())
    record["files"]["content/raw/ferries.txt"]["md_sha"] = hashlib.sha256(older.encode()).hexdigest()
    (site / ".digest/ingest.json").write_text(json.dumps(record))
    assert build(run, site)[0] == 0
    assert feed_ids(site)["Ferries cancel sailings after strike vote"] == f"https://example.org/{OLD}"
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    assert feed_ids(site)["Ferries cancel sailings after strike vote"] == f"https://example.org/{OLD}"
    assert f'id: "https://example.org/{OLD}"' in md(site, "ferries").read_text()


def test_aliases_and_ids_that_are_no_path_or_uri_are_one_line_each(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    path.write_text(path.read_text().replace("aliases: []", "aliases: [../../../etc/passwd]")
                    .replace('id: "tag:example.org,2025-03-20:ferries.txt"', "id: not an id"))
    code, err = build(run, site)
    assert code == 1 and "Traceback" not in err
    assert re.search(rf"{re.escape(path.name)}:\d+: 'aliases' must be a list of paths of this site", err)
    assert re.search(rf"{re.escape(path.name)}:\d+: 'id' must be a URI without spaces", err)
    assert not (tmp_path / "etc").exists()


def test_redirect_rules_under_a_sub_path(tmp_path, run):
    site = write_site(tmp_path, raws(20), SITE_YAML.replace("https://example.org/", "https://example.org/news/"))
    assert build(run, site)[0] == 0
    assert 'id: "tag:example.org,2025-03-20:news/ferries.txt"' in md(site, "ferries").read_text()
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    assert (site / "output/_redirects").read_text() == f"/news/{OLD} /news/{NEW} 301\n"


def test_an_alias_never_stands_on_the_sites_own_files(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    before = read_tree(site / "output")
    path = md(site, "ferries")
    text = path.read_text()
    for alias in ("static/style.css", "feed.xml/x", "sitemaps/2025-05.xml", "_redirects", "robots.txt"):
        path.write_text(text.replace("aliases: []", f"aliases: [{alias}]"))
        code, err = build(run, site)
        assert code == 1 and "Traceback" not in err, alias
        assert re.search(rf"{re.escape(path.name)}:\d+: the alias /{re.escape(alias)}/? (would stand where the site "
                         r"keeps its own files|is already the \w+ page)", err), (alias, err)
        assert read_tree(site / "output") == before, alias
    for alias in ("old story/", "a?b=1", "b#frag", "100%/x"):
        path.write_text(text.replace("aliases: []", f"aliases: ['{alias}']"))
        code, err = build(run, site)
        assert code == 1 and "'aliases' must be a list of paths of this site" in err, alias


def test_a_copied_article_keeps_no_twin_id_and_the_curator_is_told(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    copy = path.with_name(path.name.replace("ferries", "ferries-copy"))
    copy.write_text(path.read_text().replace("slug: ferries", "slug: ferries-copy"))
    code, err = build(run, site)
    assert code == 0
    line = next(n for n, text in enumerate(copy.read_text().splitlines(), 1) if text.startswith("id:"))
    assert f"{copy.name}:{line}: warning: same id as {path.name}; its feeds know this one by its address" in err
    ids = [e.find(f"{ATOM}id").text for e in ET.parse(site / "output/feed.xml").getroot().findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 3
    assert "https://example.org/2025/03/20/ferries-copy-cancel-sailings-after-strike-vote/" in ids


def test_a_headline_correction_keeps_the_address_and_adds_no_alias(tmp_path, run):
    site = write_site(tmp_path, raws())
    assert build(run, site)[0] == 0
    (site / "content/raw/ferries.txt").write_text(raws()["content/raw/ferries.txt"].replace(
        "Ferries cancel sailings after strike vote", "BC Ferries cancels 16 sailings after strike vote"))
    assert build(run, site)[0] == 0
    text = md(site, "ferries").read_text()
    assert "BC Ferries cancels 16 sailings" in text and "aliases: []" in text
    assert (site / "output" / OLD / "index.html").is_file() and (site / "output/_redirects").read_text() == ""


def test_a_move_interrupted_after_writing_keeps_its_id_and_alias(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    record = (site / ".digest/ingest.json").read_bytes()
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    # as if the run had been killed after moving the file, before saving its record
    (site / ".digest/ingest.json").write_bytes(record)
    (site / ".digest/ingest.running").write_text("")
    code, err = build(run, site)
    assert code == 0 and "may hold the curator's edits" not in err, err
    text = md(site, "ferries").read_text()
    assert f'aliases: ["{OLD}"]' in text and 'id: "tag:example.org,2025-03-20:ferries.txt"' in text
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"].replace(
        "1,200 workers", "1,250 workers"))
    assert build(run, site)[0] == 0
    assert "1,250 workers" in md(site, "ferries").read_text()  # the wire's next correction still applies


def test_a_new_story_never_takes_the_address_a_moved_story_left(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    # the same headline on the 20th, from another source: a new story, at a new address
    (site / "content/raw/ferries-ap.txt").write_text(raw_article(
        "Ferries cancel sailings after strike vote", "2025-03-20", byline="By Jim Morris, The Associated Press",
        posted="Posted March 20, 2025 3:00 pm.", body=EVENTS[9]))
    code, err = build(run, site)
    assert code == 0, err
    assert (site / "output" / OLD / "index.html").read_text().count("refresh") == 1  # still the redirect
    new = "2025/03/20/ferries-cancel-sailings-after-strike-vote-2/"
    assert "Whitehorse" in (site / "output" / new / "index.html").read_text()
    assert (site / "output/_redirects").read_text() == f"/{OLD} /{NEW} 301\n"


def test_a_moved_story_ingested_again_from_scratch_keeps_its_id_and_old_address(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    (site / "content/raw/ferries.txt").write_text(raws(19)["content/raw/ferries.txt"])
    assert build(run, site)[0] == 0
    md(site, "ferries").unlink()  # what ingest's warnings tell a curator to do to start over
    assert build(run, site)[0] == 0
    text = md(site, "ferries").read_text()
    assert 'id: "tag:example.org,2025-03-20:ferries.txt"' in text and f'aliases: ["{OLD}"]' in text
    assert (site / "output/_redirects").read_text() == f"/{OLD} /{NEW} 301\n"


def test_a_slug_renamed_by_hand_leaves_a_redirect_written_into_the_story(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    before = feed_ids(site)
    path = md(site, "ferries")
    path.write_text(path.read_text().replace("slug: ferries-cancel-sailings-after-strike-vote",
                                             "slug: bc-ferries-strike"))
    code, err = build(run, site)
    assert code == 0
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("aliases:"))
    assert (f"{path.name}:{line}: warning: this story moved from /{OLD} to /2025/03/20/bc-ferries-strike/: "
            "its old address now redirects") in err
    assert f'aliases: ["{OLD}"]' in path.read_text()
    assert "refresh" in (site / "output" / OLD / "index.html").read_text()
    assert (site / "output/_redirects").read_text() == f"/{OLD} /2025/03/20/bc-ferries-strike/ 301\n"
    assert feed_ids(site) == before
    # renamed again: both earlier addresses lead to the story
    path.write_text(path.read_text().replace("slug: bc-ferries-strike", "slug: ferries-strike"))
    assert build(run, site)[0] == 0
    assert (site / "output/_redirects").read_text().splitlines() == [
        f"/{OLD} /2025/03/20/ferries-strike/ 301", "/2025/03/20/bc-ferries-strike/ /2025/03/20/ferries-strike/ 301"]
    assert build(run, site)[1] == ""  # noticed once: the next build is quiet
    assert read_tree(site / "output") == clean_copy(site, tmp_path, run)


def test_a_changed_paths_pattern_redirects_every_story(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    before = feed_ids(site)
    (site / "site.yaml").write_text(SITE_YAML + 'paths:\n  article: "news/{year}-{month}-{day}/{slug}.html"\n')
    assert build(run, site)[0] == 0
    assert (site / "output/_redirects").read_text().splitlines() == sorted([
        "/2025/03/21/kidd-creek-mine-to-close/ /news/2025-03-21/kidd-creek-mine-to-close.html 301",
        f"/{OLD} /news/2025-03-20/ferries-cancel-sailings-after-strike-vote.html 301"])
    assert "refresh" in (site / "output/2025/03/21/kidd-creek-mine-to-close/index.html").read_text()
    assert feed_ids(site) == before
    assert read_tree(site / "output") == clean_copy(site, tmp_path, run)


def test_a_move_keeps_the_curators_own_aliases_and_layout(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    text = path.read_text().replace("aliases: []\n", "aliases:\n  - ferries/\n  - 2025/strike/\n")
    path.write_bytes(text.replace("slug: ferries-cancel-sailings-after-strike-vote", "slug: ferry-strike")
                     .replace("\n", "\r\n").encode())
    assert build(run, site)[0] == 0
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")  # saved on Windows, it stays so
    assert f'aliases: ["ferries/", "2025/strike/", "{OLD}"]\r\n'.encode() in data
    assert data.replace(f'aliases: ["ferries/", "2025/strike/", "{OLD}"]'.encode(), b"") == \
        text.replace("aliases:\n  - ferries/\n  - 2025/strike/", "").replace(
            "slug: ferries-cancel-sailings-after-strike-vote", "slug: ferry-strike").replace("\n", "\r\n").encode()
    assert len((site / "output/_redirects").read_text().splitlines()) == 3


def test_a_move_the_front_matter_cannot_take_is_a_warning_with_what_to_add(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    # YAML a line edit could break: an anchor used by another field
    text = path.read_text().replace("aliases: []", "aliases: &old []\nkept: *old").replace(
        "slug: ferries-cancel-sailings-after-strike-vote", "slug: ferry-strike")
    path.write_text(text)
    code, err = build(run, site)
    assert code == 0 and path.read_text() == text
    assert f"{path.name}:" in err and f'add it to the story\'s aliases, like aliases: ["{OLD}"]' in err
    assert not (site / "output" / OLD).exists()


def test_a_record_of_addresses_that_is_no_record_is_ignored_with_a_warning(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    (site / ".digest/published.json").write_text('{"version": 1, "paths": {"x": ["../../etc"]}}')
    path = md(site, "ferries")
    path.write_text(path.read_text().replace("slug: ferries-cancel-sailings-after-strike-vote", "slug: ferry"))
    code, err = build(run, site)
    assert code == 0 and "published.json:1: warning: ignored" in err
    assert "aliases: []" in path.read_text()
    # a planted address is never written into a story unchecked
    (site / ".digest/published.json").write_text(json.dumps(
        {"version": 1, "paths": {"tag:example.org,2025-03-20:ferries.txt": "../../x y/"}}))
    path.write_text(path.read_text().replace("slug: ferry", "slug: ferry-2"))
    code, err = build(run, site)
    assert code == 0 and "aliases: []" in path.read_text()


def test_only_builds_of_the_site_itself_record_and_write_moves(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    for slug in ("ferry", "ferry-str", "ferry-strike"):  # saved as typed, previewed after each save
        text = path.read_text()
        path.write_text(re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text))
        assert build(run, site, "--output", str(tmp_path / "preview"))[0] == 0
        assert "aliases: []" in path.read_text()
    assert build(run, site, "--drafts", "--output", str(tmp_path / "drafts"))[0] == 0
    assert build(run, site)[0] == 0
    assert f'aliases: ["{OLD}"]' in path.read_text()  # the one address readers had: no half-typed slug
    assert (site / "output/_redirects").read_text() == f"/{OLD} /2025/03/20/ferry-strike/ 301\n"


def test_a_story_digest_gave_an_alias_still_takes_the_wires_corrections_and_keeps_it(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    (site / "site.yaml").write_text(SITE_YAML + 'paths:\n  article: "news/{year}-{month}-{day}/{slug}/"\n')
    assert build(run, site)[0] == 0
    assert f'aliases: ["{OLD}"]' in md(site, "ferries").read_text()
    (site / "content/raw/ferries.txt").write_text(raws(20)["content/raw/ferries.txt"].replace(
        "1,200 workers", "1,250 workers"))
    code, err = build(run, site)
    assert code == 0 and "edited" not in err, err
    text = md(site, "ferries").read_text()
    assert "1,250 workers" in text and f'aliases: ["{OLD}"]' in text
    md(site, "ferries").unlink()  # to have it ingested again from scratch
    assert build(run, site)[0] == 0
    assert f'"{OLD}"' in md(site, "ferries").read_text()
    assert f"/{OLD} /news/2025-03-20/ferries-cancel-sailings-after-strike-vote/ 301" in \
        (site / "output/_redirects").read_text()


def test_a_planted_record_never_breaks_the_build_nor_writes_into_a_story(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    before = md(site, "ferries").read_text()
    for planted in ("robots.txt", "2025/03/21/kidd-creek-mine-to-close/", "static/x/"):
        (site / ".digest/published.json").write_text(json.dumps(
            {"version": 1, "paths": {"tag:example.org,2025-03-20:ferries.txt": planted}}))
        code, err = build(run, site)
        assert code == 0 and "Traceback" not in err, (planted, err)
        assert md(site, "ferries").read_text() == before, planted
        code, err = build(run, site)
        assert code == 0 and err == "", (planted, err)  # said once, then forgotten


def test_a_move_keeps_every_other_line_comments_and_line_endings_as_they_were(tmp_path, run):
    site = write_site(tmp_path, raws(20))
    assert build(run, site)[0] == 0
    path = md(site, "ferries")
    lines = path.read_text().replace("slug: ferries-cancel-sailings-after-strike-vote", "slug: ferry").splitlines()
    mixed = "".join(line + ("\r\n" if n % 3 == 0 else "\n") for n, line in enumerate(lines))
    path.write_bytes(mixed.replace("title:", "# checked by the desk\ntitle:").encode())
    path.chmod(0o600)
    assert build(run, site)[0] == 0
    after = path.read_bytes()
    expected = mixed.replace("title:", "# checked by the desk\ntitle:").replace("aliases: []", f'aliases: ["{OLD}"]')
    assert after == expected.encode() and (path.stat().st_mode & 0o777) == 0o600
    # a comment on the aliases line would be lost: the curator is told instead
    other = md(site, "kidd-creek")
    other.write_text(other.read_text().replace("aliases: []", "aliases: []  # none yet").replace(
        "slug: kidd-creek-mine-to-close", "slug: kidd-creek"))
    kept = other.read_bytes()
    code, err = build(run, site)
    assert code == 0 and other.read_bytes() == kept
    assert "cannot take the old address safely (add it to the story's aliases" in err
    assert "cannot take the old address safely" in build(run, site)[1]  # until it is done
