"""An incremental build equals a clean build, byte for byte, after every kind of change.

Each case builds a site, changes one thing, builds again (caches warm, output/
kept), and compares the result with `build --clean` of a copy into a fresh folder.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from digest.cli import main
from tests.conftest import SITE_YAML, raw_article, write_site

RAWS = {
    "content/raw/a.txt": raw_article("Carney talks tariffs", body=[
        "OTTAWA — Prime Minister Mark Carney discussed tariffs with Donald Trump.", "Carney said more."]),
    "content/raw/b.txt": raw_article("Election called", "2025-03-27", posted="Posted March 27, 2025 9:00 am.",
                                     body=["OTTAWA — The election was called by Mark Carney.", "Parliament ends."]),
    "content/raw/c.txt": raw_article("Steel exports fall", "2025-03-26", posted="Posted March 26, 2025 9:00 am.",
                                     body=["HAMILTON — Steel exports fell as tariffs hit.", "Trump said so."]),
    "content/raw/d.txt": raw_article("Carney, Trump discuss tariffs in first call", byline="By Reuters Staff",
                                     posted="Posted March 28, 2025 1:30 pm.", body=[
        "OTTAWA (Reuters) - Prime Minister Mark Carney and Donald Trump discussed tariffs in a call.", "More."]),
}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def touch(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    later = time.time_ns() + 2_000_000_000
    os.utime(path, ns=(later, later))  # a new mtime even within the file system's clock tick


def md(site: Path, name: str) -> Path:
    return next((site / "content/articles").rglob(f"*{name}*.md"))


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = md(site, name)
    text = path.read_text()
    assert old in text
    touch(path, text.replace(old, new))


def set_story(site: Path, name: str, story: str) -> None:
    """Give an article another `story:` (the curator merging, splitting or moving versions)."""
    path = md(site, name)
    text = path.read_text()
    touch(path, re.sub(r"(?m)^story: .*$", f"story: {story}", text, count=1))


def story_of(site: Path, name: str) -> str:
    return re.search(r"(?m)^story: (.*)$", md(site, name).read_text()).group(1)


CHANGES = {
    "edit body": lambda s: edit(s, "carney-talks", "Carney said more.", "Carney said much more."),
    "edit title": lambda s: edit(s, "carney-talks", 'title: "Carney talks tariffs"', 'title: "Carney talks trade"'),
    "change topic": lambda s: edit(s, "steel", "topic: trade", "topic: politics"),
    "add and remove tags": lambda s: edit(s, "election", "tags: [Mark Carney]", "tags: [Pierre Poilievre, Elections]"),
    "delete an article": lambda s: md(s, "steel").unlink(),
    "add a raw file": lambda s: touch(s / "content/raw/d.txt", raw_article(
        "Budget tabled", "2025-03-29", posted="Posted March 29, 2025 9:00 am.", body=["OTTAWA — A budget.", "More."])),
    "edit a template": lambda s: touch(s / "themes/default/templates/404.html",
                                       "{% extends 'base.html' %}{% block main %}<h1>Lost</h1>{% endblock %}"),
    "edit site.yaml": lambda s: touch(s / "site.yaml", SITE_YAML.replace("Test Digest", "Renamed Digest")
                                      + "per_page: 1\n"),
    "move a story to another day": lambda s: edit(s, "carney-talks", "date: 2025-03-28T11:09:00-04:00",
                                                 "date: 2025-03-30T08:00:00-04:00"),
    "draft an article": lambda s: edit(s, "election", "draft: false", "draft: true"),
    "edit a stylesheet": lambda s: touch(s / "themes/default/static/style.css", "body { color: red }\n"),
    "a story gains a version": lambda s: set_story(s, "steel", story_of(s, "carney-talks")),
    "a new version arrives": lambda s: touch(s / "content/raw/e.txt", raw_article(
        "Carney and Trump talk tariffs by phone", byline="By Rob Gillies, The Associated Press",
        posted="Posted March 28, 2025 2:10 pm.", body=[
            "TORONTO (AP) — Prime Minister Mark Carney discussed tariffs with Donald Trump by phone.", "More."])),
    "a version leaves its story": lambda s: set_story(s, "first-call", "none"),
    "a version moves to another story": lambda s: set_story(s, "first-call", story_of(s, "election")),
    "the curator picks a story's lead": lambda s: edit(s, "first-call", "draft: false", "draft: false\nlead: true"),
    "the curator picks the day's lead": lambda s: edit(s, "steel", "draft: false", "draft: false\nlead: true"),
    "the curator weighs a story": lambda s: edit(s, "election", "draft: false", "draft: false\nweight: 3"),
    "a story is kept off the front": lambda s: edit(s, "carney-talks", "draft: false", "draft: false\nfront: false"),
    "the curator comments": lambda s: edit(s, "carney-talks", "draft: false",
                                           'draft: false\ncomment: "Why it *matters*: the first call."'),
    "an edition's introduction is written": lambda s: touch(s / "content/editions/2025-03-28.md",
                                                            '---\ntitle: "Today"\n---\nA day of *calls*.\n'),
    "a raw file's date is corrected": lambda s: touch(s / "content/raw/c.txt", RAWS["content/raw/c.txt"].replace(
        "2025-03-26", "2025-03-25").replace("March 26", "March 25")),
    "the curator adds an alias": lambda s: edit(s, "steel", "aliases: []", "aliases: [steel/, 2025/old-steel/]"),
    "an introduction to an earlier day": lambda s: touch(s / "content/editions/2025-03-26.md", "Steel, mostly.\n"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_incremental_build_equals_clean_build(tmp_path, change, capsys):
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    CHANGES[change](site)
    assert main(["build", "--site", str(site)]) == 0
    incremental = tree(site / "output")

    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".digest"))
    assert main(["build", "--site", str(copy), "--clean"]) == 0
    clean = tree(copy / "output")
    assert sorted(incremental) == sorted(clean)
    assert [p for p in clean if incremental[p] != clean[p]] == []


def test_unchanged_files_are_not_rewritten(tmp_path, capsys):
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    before = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    edit(site, "steel", "Steel exports fell as tariffs hit.", "Steel exports fell sharply as tariffs hit.")
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    after = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    rewritten = sorted(p.relative_to(site / "output").as_posix() for p in after if after[p] != before.get(p))
    assert "2025/03/26/steel-exports-fall/index.html" in rewritten
    assert "2025/03/27/election-called/index.html" not in rewritten and "static/style.css" not in rewritten
    assert f"{len(rewritten)} of" in out
    # files saved in the last seconds are never judged by their mtime (they may change again
    # within the same tick); once they are older, an unchanged site is recognised at once
    old = time.time_ns() - 10_000_000_000
    for path in (site / "content").rglob("*"):
        os.utime(path, ns=(old, old))
    assert main(["build", "--site", str(site)]) == 0
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 0
    assert "nothing changed" in capsys.readouterr().out


def test_a_new_days_story_renders_only_the_pages_that_show_it(tmp_path, capsys, monkeypatch):
    """Not only written: rendered. Counts of stories change with each new one; a page that
    does not show a count must not be rendered again for it (at 10,000 stories every page was)."""
    from digest.render import Renderer

    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    rendered: list[str] = []
    render = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, page: rendered.append(page.url) or render(self, page))
    write_site(site, {"content/raw/e.txt": raw_article(
        "Steel tariffs cut exports again", "2025-03-29", posted="Posted March 29, 2025 9:00 am.",
        body=["HAMILTON — Trade data showed steel exports fell again as tariffs hit.", "Trump said so."])})
    assert main(["build", "--site", str(site)]) == 0
    assert "topic: trade" in md(site, "steel-tariffs").read_text(encoding="utf-8")  # a topic with stories already
    articles = [url for url in rendered if re.fullmatch(r"2025/03/\d\d/[^/]+/", url)]
    # the new story, and those before it in its topic, which now link to it ("next")
    new = "2025/03/29/steel-tariffs-cut-exports-again/"
    assert new in articles and len(articles) < 5
    assert all(new in (site / "output" / url / "index.html").read_text() for url in articles)
    assert "2025/03/26/steel-exports-fall/" not in rendered and "2025/03/26/" not in rendered
    assert tree(site / "output") == _clean_build_of(site, tmp_path)


def test_a_template_edit_that_changes_no_page_rewrites_no_page(tmp_path, capsys):
    """Every page renders again (its template changed), but a file whose bytes come out the
    same keeps its mtime: rsync and CDNs see nothing to upload."""
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    before = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    template = Path(__file__).parents[1] / "themes/default/templates/article.html"
    touch(site / "themes/default/templates/article.html", template.read_text() + "{# a note to the next editor #}")
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 0
    assert f" 0 of {len(before)} files written" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_a_lost_build_record_rewrites_no_unchanged_file(tmp_path, capsys):
    """Without a usable record of the output (.digest/ deleted, or kept by an older digest),
    pages are compared with the files already there: those that come out the same keep their mtime."""
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    before = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    for record in (site / ".digest/manifests").iterdir():
        record.write_text("[]")  # valid JSON, not a manifest
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 0
    assert f" 0 of {len(before)} files written" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_a_same_size_edit_within_one_mtime_tick_is_not_missed(tmp_path, capsys):
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    path = md(site, "steel")
    stat = path.stat()
    path.write_text(path.read_text().replace("Steel exports fell", "Steel exports rose"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and, on a coarse clock, the same mtime
    assert main(["build", "--site", str(site)]) == 0
    assert b"Steel exports rose" in (site / "output/2025/03/26/steel-exports-fall/index.html").read_bytes()


def test_files_added_to_output_by_hand_are_removed(tmp_path, capsys):
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    (site / "output/junk.html").write_text("junk")
    (site / "output/2025/.DS_Store").write_text("junk")
    assert main(["build", "--site", str(site)]) == 0
    assert not (site / "output/junk.html").exists() and not (site / "output/2025/.DS_Store").exists()


def test_a_file_that_becomes_a_folder(tmp_path, capsys):
    site = write_site(tmp_path / "site", RAWS)
    touch(site / "themes/default/static/icons", "a file first")
    assert main(["build", "--site", str(site)]) == 0
    (site / "themes/default/static/icons").unlink()
    touch(site / "themes/default/static/icons/x.svg", "<svg/>")
    assert main(["build", "--site", str(site)]) == 0
    assert (site / "output/static/icons/x.svg").read_text() == "<svg/>"


def test_a_file_changed_in_output_behind_our_back_is_restored(tmp_path, capsys):
    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0
    page = site / "output/index.html"
    good = page.read_bytes()
    page.write_bytes(b"defaced")
    assert main(["build", "--site", str(site)]) == 0
    assert page.read_bytes() == good


def _clean_build_of(site: Path, tmp_path: Path) -> dict[str, bytes]:
    copy = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".digest"))
    assert main(["build", "--site", str(copy), "--clean"]) == 0
    return tree(copy / "output")


def test_preview_text_edit_renders_only_pages_that_show_it_and_equals_clean_build(tmp_path, capsys):
    from digest.build import build
    from digest.config import load_config
    from digest.preview.live import LiveSite

    site = write_site(tmp_path / "site", RAWS)
    config = load_config(site)
    folder = config.state_dir / "preview"
    live = LiveSite.of(build(config, output=folder, always=True).site, folder)
    edit(site, "carney-talks", "Carney said more.", "Carney said *much* more.")
    written = live.update_articles([md(site, "carney-talks")])
    assert "2025/03/28/carney-talks-tariffs/index.html" in written and "feed.xml" in written
    assert "archive/index.html" not in written and "2025/index.html" not in written  # they hold counts only
    assert len(written) < len(tree(folder)) / 2
    assert tree(folder) == _clean_build_of(site, tmp_path)
    # a corrected headline and source: the story stays where it was, its words change everywhere
    edit(site, "carney-talks", 'title: "Carney talks tariffs"', 'title: "Carney <talks> trade"')
    edit(site, "carney-talks", "source: The Canadian Press", "source: La Presse Canadienne")
    written = live.update_articles([md(site, "carney-talks")])
    assert written and "sitemaps/2025-03.xml" in written and "search/p/0" in written
    assert "Carney &lt;talks&gt; trade" in (folder / "index.html").read_text()
    assert tree(folder) == _clean_build_of(site, tmp_path)
    # the curator's comment is words too: the edition's pages and the email show it at once
    edit(site, "carney-talks", "draft: false", 'draft: false\ncomment: "Why it matters: **tariffs**."')
    written = live.update_articles([md(site, "carney-talks")])
    assert {"index.html", "2025/03/28/email.html", "2025/03/28/email.txt", "editions.xml"} <= set(written)
    assert "<strong>tariffs</strong>" in (folder / "2025/03/28/email.html").read_text()
    assert tree(folder) == _clean_build_of(site, tmp_path)
    # a new author or topic moves the story between lists: the preview falls back to a full build
    edit(site, "carney-talks", "authors: [", "authors: [Jane Roe, ")
    assert live.update_articles([md(site, "carney-talks")]) is None
    edit(site, "carney-talks", "authors: [Jane Roe, ", "authors: [")
    edit(site, "carney-talks", "topic: trade", "topic: politics")
    assert live.update_articles([md(site, "carney-talks")]) is None


def test_an_upgraded_library_is_a_changed_input(tmp_path, capsys, monkeypatch):
    """After `pip install -U jinja2` the pages are rendered again: the new version may word or
    escape them differently, and a build that kept them would say `nothing changed` wrongly."""
    from importlib import metadata

    from digest import inputs

    site = write_site(tmp_path / "site", RAWS)
    assert main(["build", "--site", str(site)]) == 0  # ingest writes the articles
    old = time.time_ns() - 10_000_000_000
    for path in (site / "content").rglob("*"):
        os.utime(path, ns=(old, old))
    assert main(["build", "--site", str(site)]) == 0
    assert main(["build", "--site", str(site)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    real = metadata.version
    monkeypatch.setattr(inputs.metadata, "version", lambda name: "99.0" if name == "Jinja2" else real(name))
    inputs.code_version.cache_clear()
    try:
        assert main(["build", "--site", str(site)]) == 0
        assert "nothing changed" not in capsys.readouterr().out
        assert main(["build", "--site", str(site)]) == 0
        assert "nothing changed" in capsys.readouterr().out
    finally:
        inputs.code_version.cache_clear()


def test_a_theme_that_lists_pages_descriptions_stays_true_after_a_deletion(tmp_path, capsys):
    """A sitemap entry's description ("3 stories about Trade") is part of the sitemap's key:
    an older story deleted (the newest stays the newest, every list keeps its dates) changes
    the counts the descriptions say."""
    story = "---\ntitle: \"Story {d}\"\ndate: 2025-03-{d}T11:09:00-04:00\ntopic: trade\ntags: [Mark Carney]\n---\nBody.\n"
    site = write_site(tmp_path / "site", {
        **{f"content/articles/2025/03/{d}-s{d}.md": story.format(d=d) for d in (26, 27, 28)},
        "themes/default/templates/sitemap.xml": "{% for e in entries %}{{ e.url }} {{ e.description }}\n{% endfor %}"})
    assert main(["build", "--site", str(site)]) == 0
    (site / "content/articles/2025/03/27-s27.md").unlink()
    assert main(["build", "--site", str(site)]) == 0
    assert "2 stories about Trade" in (site / "output/sitemaps/site.xml").read_text()
    assert tree(site / "output") == _clean_build_of(site, tmp_path)


def test_a_theme_asking_every_page_for_a_count_is_told_where_counts_are(tmp_path, capsys):
    site = write_site(tmp_path / "site", {**RAWS, "themes/default/templates/_masthead.html":
                                          "{% for topic in site.topics %}{{ topic.count }}{% endfor %}\n"})
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "themes/default/templates/_masthead.html:1: template error" in err and "count" in err
