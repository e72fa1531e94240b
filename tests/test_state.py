"""State files (.digest/) are data: a planted, corrupt or foreign one runs no code, puts
nothing on a page, and costs one warning line; the build goes on as if it were absent."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import time
from pathlib import Path

from tests.conftest import write_site

ARTICLE = """\
---
title: "Steel talks resume"
date: 2025-03-28T11:09:00-04:00
topic: trade
tags: [Mark Carney]
{extra}---
Officials said the talks would resume on Monday.
"""


def _site(tmp_path: Path, extra: str = "") -> Path:
    site = write_site(tmp_path / "site", {"content/articles/2025/03/28-steel.md": ARTICLE.format(extra=extra)})
    old = time.time_ns() - 10_000_000_000  # not racy: the cache is trusted by size and mtime
    os.utime(site / "content/articles/2025/03/28-steel.md", ns=(old, old))
    return site


def _page(site: Path) -> str:
    return (site / "output/2025/03/28/steel-talks-resume/index.html").read_text(encoding="utf-8")


class _Planted:
    """Unpickling this writes a file: the proof that code ran."""

    marker = ""

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "code ran"))


def test_a_planted_pickle_runs_no_code(tmp_path, run):
    site = _site(tmp_path)
    planted = _Planted()
    planted.marker = str(tmp_path / "pwned")
    (site / ".digest/cache").mkdir(parents=True)
    (site / ".digest/cache/articles.pickle").write_bytes(pickle.dumps(("key", planted)))
    assert run("build", "--site", str(site))[0] == 0
    assert not (tmp_path / "pwned").exists()
    assert "Officials said the talks would resume" in _page(site)


def cached_entries(site: Path) -> dict:
    """Every entry of the article cache, from the file of each folder of articles."""
    entries: dict = {}
    for path in sorted((site / ".digest/cache/articles").glob("*.json")):
        entries.update(json.loads(path.read_bytes().partition(b"\n")[2])["entries"])
    return entries


def test_a_planted_cache_puts_nothing_on_a_page_and_is_one_warning(tmp_path, run):
    site = _site(tmp_path)
    assert run("build", "--site", str(site))[0] == 0
    cache, = (site / ".digest/cache/articles").glob("*.json")  # one folder of articles: one file
    mac, _, payload = cache.read_bytes().partition(b"\n")
    document = json.loads(payload)
    for entry in document["entries"].values():
        entry[3][entry[3].index("<p>Officials said the talks would resume on Monday.</p>\n")] = \
            "<script>alert(1)</script>"
    # the same file with a signature made up, or copied from the honest one
    for signature in (b"0" * 64, mac):
        cache.write_bytes(signature + b"\n" + json.dumps(document).encode())
        (site / "output/index.html").unlink()  # something to build
        code, out, err = run("build", "--site", str(site))
        assert code == 0
        assert "<script>alert(1)</script>" not in _page(site)
        assert "Officials said the talks would resume on Monday." in _page(site)
        lines = [line for line in err.splitlines() if ".digest/cache/articles/" in line]
        assert len(lines) == 1, err
        assert lines[0].startswith(f"{cache}:1: warning: ignored: not written by digest"), err
    # the build wrote a good cache in its place: no warning next time
    (site / "output/index.html").unlink()
    assert ".digest/cache/articles/" not in run("build", "--site", str(site))[2]


def test_extra_front_matter_comes_back_from_the_cache_as_written(tmp_path, run):
    """Dates, times, nested mappings with number keys, lists: the second build reads them from
    the cache and the pages are the same bytes. A value JSON cannot hold (a YAML set) keeps its
    story out of the cache: parsed on every build, still right."""
    extra = "event: 2025-04-01\nfiled: 2025-03-28T10:00:00-04:00\nscores: {1: [a, b], 2: {x: null}}\nratio: 0.5\n"
    site = _site(tmp_path, extra)
    other = site / "content/articles/2025/03/29-set.md"
    other.write_text(ARTICLE.format(extra="flags: !!set {a, b}\n").replace("Steel talks resume", "Set story")
                     .replace("2025-03-28T", "2025-03-29T"), encoding="utf-8")
    old = time.time_ns() - 10_000_000_000
    os.utime(other, ns=(old, old))
    assert run("build", "--site", str(site))[0] == 0
    first = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    cached = cached_entries(site)
    assert [Path(name).name for name in cached] == ["28-steel.md"]
    (site / "output/index.html").unlink()
    assert run("build", "--site", str(site))[0] == 0
    assert {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()} == first


def test_without_a_key_folder_the_build_keeps_no_cache_and_still_works(tmp_path, run, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    site = _site(tmp_path)
    assert run("build", "--site", str(site))[0] == 0
    assert "Officials said the talks would resume" in _page(site)
    assert not list((site / ".digest/cache").rglob("*.json"))


def test_a_hostile_ingest_record_cannot_lead_ingest_out_of_the_articles_folder(tmp_path, run):
    """The record names Markdown files ingest may overwrite or remove: one naming site.yaml (or
    anything outside content/articles/) is no record. The run is a warning and ingests afresh."""
    from tests.conftest import raw_article

    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Honest story")})
    assert run("build", "--site", str(site))[0] == 0
    record_path = site / ".digest/ingest.json"
    record = json.loads(record_path.read_text())
    entry = record["files"]["content/raw/a.txt"]
    entry["md"] = "../../site.yaml"  # as if ingest had written it, unedited since
    entry["md_sha"] = hashlib.sha256((site / "site.yaml").read_bytes()).hexdigest()
    entry["sha"] = ""
    record_path.write_text(json.dumps(record))
    (site / "content/raw/a.txt").write_text(raw_article("Honest story", "2025-03-27",  # moves the story
                                                        posted="Posted March 27, 2025 9:00 am."))
    code, out, err = run("build", "--site", str(site))
    assert code == 0, err
    assert (site / "site.yaml").is_file()
    assert f"{record_path}:1: warning: ignored: not an ingest record this digest wrote" in err
    for corrupt in (b"\x80 not json", b"[]", b'{"files": {"x": {"md": 1}}}'):
        record_path.write_bytes(corrupt)
        code, _, err = run("build", "--site", str(site))
        assert code == 0 and err.count("ingest.json") == 1, err


def test_a_corrupt_manifest_or_topic_model_is_one_warning(tmp_path, run):
    site = _site(tmp_path)
    assert run("build", "--site", str(site))[0] == 0
    manifest = next((site / ".digest/manifests").glob("*.json"))
    manifest.write_text('{"version": 2, "files": {"index.html": "x"}, "inputs": ""}')
    code, out, err = run("build", "--site", str(site))
    assert code == 0 and f"{manifest}:1: warning: ignored: not a manifest this digest wrote" in err, err
    assert "Officials said the talks would resume" in _page(site)


def _articles_cold_and_cached(site: Path):
    from digest.config import load_config
    from digest.content import load_articles

    config = load_config(site)
    cold = load_articles(config, include_drafts=True, use_cache=False)
    load_articles(config, include_drafts=True)  # writes the cache
    return cold, load_articles(config, include_drafts=True)


def test_articles_come_back_from_the_cache_equal_to_a_fresh_parse(tmp_path):
    """Every field, every value: times in a clock change's gap and overlap, a number too long
    for JSON's text (that story is kept out of the cache), nested YAML values."""
    extra = ("event: 2025-04-01\nfiled: 2025-03-28T10:00:00-04:00\nscores: {1: [a, b], 2: {x: null}, 2025-01-01: y}\n"
             "ratio: .inf\nhuge: 0x" + "f" * 4000 + "\n")
    site = _site(tmp_path, extra)
    for day, stamp in (("09", "2025-03-09 02:30:00"), ("02", "2025-11-02 01:30:00")):  # Toronto's gap, overlap
        path = site / f"content/articles/2025/03/{day}-clock.md"
        path.write_text(ARTICLE.format(extra="").replace("Steel talks resume", f"Clock {day}")
                        .replace("2025-03-28T11:09:00-04:00", stamp), encoding="utf-8")
        old = time.time_ns() - 10_000_000_000
        os.utime(path, ns=(old, old))
    cold, cached = _articles_cold_and_cached(site)
    assert len(cold) == 3
    for a, b in zip(cold, cached, strict=True):
        assert a == b
        assert (a.date.isoformat(), a.date.fold) == (b.date.isoformat(), b.date.fold)
    entries = cached_entries(site)
    assert sorted(Path(name).name for name in entries) == ["02-clock.md", "09-clock.md"]


def test_hostile_state_files_are_warnings_not_tracebacks(tmp_path, run):
    site = _site(tmp_path)
    assert run("build", "--site", str(site))[0] == 0
    manifest = next((site / ".digest/manifests").glob("*.json"))
    for text in ('{"version": 2, "files": {"index.html": [1e400, 0, ""]}, "inputs": ""}', "[" * 100_000):
        for path in (manifest, site / ".digest/ingest.json", site / ".digest/outputs.json"):
            path.write_text(text)
        (site / "output/2025/03/28/steel-talks-resume/index.html").unlink()  # something to build
        code, out, err = run("build", "--site", str(site))
        assert code == 0 and "Traceback" not in err, err
        assert "Officials said the talks would resume" in _page(site)


def test_a_record_naming_a_folder_outside_the_site_vouches_for_nothing(tmp_path, run):
    """`.digest/outputs.json` lets digest replace a folder it built; one planted to name a folder
    outside the site (`output: ../victim`) must not let a build wipe that folder."""
    site = _site(tmp_path)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "thesis.tex").write_text("years of work")
    (site / ".digest").mkdir(exist_ok=True)
    (site / ".digest/outputs.json").write_text(json.dumps([str(victim)]))
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "output: ../victim\n")
    code, _, err = run("build", "--site", str(site))
    assert code == 1 and "holds files digest did not write" in err
    assert (victim / "thesis.tex").read_text() == "years of work"


def test_ingest_never_writes_through_a_link_in_the_articles_folder(tmp_path, run):
    from tests.conftest import raw_article

    outside = tmp_path / "outside"
    outside.mkdir()
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Ottawa unveils plan")})
    os.symlink(outside, site / "content/articles/2025")
    code, _, err = run("build", "--site", str(site))
    assert list(outside.iterdir()) == []
    assert code == 1 and "links are not part of the site" in err


def test_a_new_story_rewrites_its_folders_cache_file_only(tmp_path, run, monkeypatch):
    """The cache is a file per folder of articles: a day's stories rewrite their month's, and
    a story saved just before a build is checked by its hash once, then trusted."""
    import digest.article_cache as article_cache
    from digest.inputs import RACY_NS

    site = _site(tmp_path)
    april = site / "content/articles/2025/04/02-steel.md"
    april.parent.mkdir()
    april.write_text(ARTICLE.format(extra="").replace("2025-03-28T", "2025-04-02T").replace("resume", "go on"),
                     encoding="utf-8")  # just saved: too recent to trust by its mtime
    assert run("build", "--site", str(site))[0] == 0
    assert len(list((site / ".digest/cache/articles").glob("*.json"))) == 2
    hashed: list[str] = []
    sha1_of = article_cache._sha1_of
    monkeypatch.setattr(article_cache, "_sha1_of", lambda name: hashed.append(name) or sha1_of(name))
    time.sleep(RACY_NS / 1e9 + 0.1)  # the same bytes, now saved long enough ago
    (site / "output/index.html").unlink()  # something to build
    assert run("build", "--site", str(site))[0] == 0
    assert [Path(h).name for h in hashed] == ["02-steel.md"]
    files = {p: p.stat().st_mtime_ns for p in (site / ".digest/cache/articles").glob("*.json")}
    may = site / "content/articles/2025/05/01-steel.md"
    may.parent.mkdir()
    may.write_text(ARTICLE.format(extra="").replace("2025-03-28T", "2025-05-01T").replace("resume", "end"),
                   encoding="utf-8")
    old = time.time_ns() - 10_000_000_000
    os.utime(may, ns=(old, old))
    hashed.clear()
    assert run("build", "--site", str(site))[0] == 0
    assert hashed == []  # nothing left to check by its hash
    after = {p: p.stat().st_mtime_ns for p in (site / ".digest/cache/articles").glob("*.json")}
    assert len(after) == 3 and all(after[p] == files[p] for p in files)  # March's and April's as they were
    assert sorted(Path(n).name for n in cached_entries(site)) == ["01-steel.md", "02-steel.md", "28-steel.md"]
    may.unlink()  # a folder's last story gone: its file goes too
    assert run("build", "--site", str(site))[0] == 0
    assert len(list((site / ".digest/cache/articles").glob("*.json"))) == 2


def test_a_linked_cache_folder_is_neither_read_nor_emptied(tmp_path, run):
    """`.digest/` may come from someone else: a link in place of the cache folder must not
    lead the build to read or remove files elsewhere."""
    site = _site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "package.json").write_text("{}")
    (elsewhere / "0123456789abcdef.json").write_text("{}")
    (site / ".digest/cache").mkdir(parents=True)
    (site / ".digest/cache/articles").symlink_to(elsewhere)
    code, _, err = run("build", "--site", str(site))
    assert code == 0 and "Officials said the talks would resume" in _page(site)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["0123456789abcdef.json", "package.json"]
    assert err.count(".digest/cache/articles:1: warning: ignored") == 1


def test_a_story_the_cache_cannot_hold_does_not_rewrite_it_each_build(tmp_path, run):
    site = _site(tmp_path, "blob: !!binary aGVsbG8=\n")
    assert run("build", "--site", str(site))[0] == 0
    files = {p: p.stat().st_mtime_ns for p in (site / ".digest/cache/articles").glob("*.json")}
    (site / "output/index.html").unlink()  # something to build
    assert run("build", "--site", str(site))[0] == 0
    assert {p: p.stat().st_mtime_ns for p in (site / ".digest/cache/articles").glob("*.json")} == files
