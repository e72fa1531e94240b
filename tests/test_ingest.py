"""`digest ingest` end to end: files written, idempotence, curator edits, bad input."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from digest.frontmatter import split
from tests.conftest import DATA, articles, raw_article, write_site

SAMPLE = (DATA / "000_db4e5bf138ab3444.txt").read_bytes()
SAMPLE_MD = "2025/03/28-canada-us-to-negotiate-new-economic-security-relationship-after-election-carney.md"


def front(text: str) -> dict:
    parts = split(text)
    assert parts, "no front matter"
    return yaml.safe_load(parts[0])


def test_sample_article_front_matter(tmp_path, run):
    write_site(tmp_path, {"content/raw/000_db4e5bf138ab3444.txt": SAMPLE})
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert code == 0, err
    assert "1 written" in out
    text = articles(tmp_path)[SAMPLE_MD]
    meta = front(text)
    assert meta["title"] == "Canada, U.S. to negotiate new economic, security relationship after election: Carney"
    assert meta["date"].isoformat() == "2025-03-28T11:09:00-04:00"
    assert meta["updated"].isoformat() == "2025-03-28T13:26:00-04:00"
    assert meta["authors"] == ["Dylan Robertson"]
    assert meta["source"] == "The Canadian Press"
    assert meta["dateline"] == "OTTAWA"
    assert meta["topic"] == "politics"  # election (headline and 4x) + minister 3x outweigh tariffs 6x, trade, import
    assert meta["tags"][:2] == ["Mark Carney", "Donald Trump"]
    assert "Howard Lutnick" in meta["tags"] and "Yves-François Blanchet" in meta["tags"]
    assert meta["summary"].startswith("Prime Minister Mark Carney says Canada and the U.S.")
    assert meta["slug"] == "canada-us-to-negotiate-new-economic-security-relationship-after-election-carney"
    assert meta["raw"] == "content/raw/000_db4e5bf138ab3444.txt"
    assert meta["credits"] == ["This report by The Canadian Press was first published March 28, 2025.",
                               "Dylan Robertson, The Canadian Press"]
    assert meta["draft"] is False
    assert "Yves-François Blanchet" in text  # names as written, not \u escapes
    body = split(text)[1]
    assert body.startswith("OTTAWA — Prime Minister Mark Carney says")
    assert "This report by" not in body
    assert (tmp_path / "content/raw/000_db4e5bf138ab3444.txt").read_bytes() == SAMPLE  # raw untouched


def test_second_run_writes_nothing_and_changed_raw_updates(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("First title"), "content/raw/b.txt": raw_article("Other")})
    assert run("ingest", "--site", str(tmp_path))[0] == 0
    before = {p: (tmp_path / "content/articles" / p).stat().st_mtime_ns for p in articles(tmp_path)}
    code, out, _ = run("ingest", "--site", str(tmp_path))
    assert code == 0 and "0 written, 2 unchanged" in out
    assert {p: (tmp_path / "content/articles" / p).stat().st_mtime_ns for p in articles(tmp_path)} == before
    os.utime(tmp_path / "content/raw/a.txt", ns=(1, 1))  # touched, same bytes
    assert "0 written" in run("ingest", "--site", str(tmp_path))[1]
    (tmp_path / "content/raw/a.txt").write_text(raw_article("First title", body=["OTTAWA — Changed text."]))
    code, out, _ = run("ingest", "--site", str(tmp_path))
    assert "1 written" in out
    assert "Changed text." in articles(tmp_path)["2025/03/28-first-title.md"]


def test_corrected_headline_keeps_the_published_url(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("First title")})
    run("ingest", "--site", str(tmp_path))
    (tmp_path / "content/raw/a.txt").write_text(raw_article("Corrected title"))
    code, out, _ = run("ingest", "--site", str(tmp_path))
    assert code == 0
    assert list(articles(tmp_path)) == ["2025/03/28-first-title.md"]
    meta = front(articles(tmp_path)["2025/03/28-first-title.md"])
    assert meta["title"] == "Corrected title" and meta["slug"] == "first-title"
    # a corrected date moves the story to its day, under the same slug
    (tmp_path / "content/raw/a.txt").write_text(raw_article("Corrected title", day="2025-03-29",
                                                            posted="Posted March 29, 2025 9:00 am."))
    run("ingest", "--site", str(tmp_path))
    assert list(articles(tmp_path)) == ["2025/03/29-first-title.md"]


def test_renamed_markdown_is_adopted_not_duplicated(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Ottawa unveils plan")})
    run("ingest", "--site", str(tmp_path))
    base = tmp_path / "content/articles/2025/03"
    (base / "28-ottawa-unveils-plan.md").rename(base / "28-plan.md")
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert code == 0 and "0 written" in out
    assert list(articles(tmp_path)) == ["2025/03/28-plan.md"]
    (tmp_path / "content/raw/a.txt").write_text(raw_article("Ottawa unveils plan", body=["OTTAWA — New."]))
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert list(articles(tmp_path)) == ["2025/03/28-plan.md"] and "0 written" in out


def test_backup_files_are_not_stories_and_odd_names_are_reported(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Title"), "content/raw/a.txt~": raw_article("Title"),
                          "content/raw/#a.txt#": raw_article("Title"), "content/raw/.a.txt.swp": "x",
                          "content/raw/a.txt.bak": raw_article("Title")})
    (tmp_path / "content/raw").joinpath(os.fsdecode(b"caf\xe9.txt")).write_text(raw_article("Cafe"))
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert code == 1 and "the file name is not UTF-8 text" in err
    assert list(articles(tmp_path)) == ["2025/03/28-title.md"]


def test_an_interrupted_ingest_is_finished_by_the_next(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Title")})
    run("ingest", "--site", str(tmp_path))
    md = tmp_path / "content/articles/2025/03/28-title.md"
    full = md.read_bytes()
    md.write_bytes(full[:40])  # the machine stopped mid-write, before the record was saved
    (tmp_path / ".digest/ingest.json").unlink()
    (tmp_path / ".digest/ingest.running").touch()
    assert run("ingest", "--site", str(tmp_path))[0] == 0
    assert md.read_bytes() == full and list(articles(tmp_path)) == ["2025/03/28-title.md"]


def test_curator_edit_is_never_overwritten(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Title")})
    run("ingest", "--site", str(tmp_path))
    md = tmp_path / "content/articles/2025/03/28-title.md"
    md.write_text(md.read_text().replace("Officials said", "Officials, the curator notes, said"))
    edited = md.read_bytes()
    (tmp_path / "content/raw/a.txt").write_text(raw_article("Title", body=["OTTAWA — New wire text."]))
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert code == 0
    assert md.read_bytes() == edited
    assert "2025/03/28-title.md:1: warning: not updated from content/raw/a.txt: the curator edited it" in err


def test_fresh_clone_without_record_adopts_identical_files(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("Title")})
    run("ingest", "--site", str(tmp_path))
    md = tmp_path / "content/articles/2025/03/28-title.md"
    original = md.read_bytes()
    (tmp_path / ".digest/ingest.json").unlink()
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert code == 0 and "0 written" in out and err == ""
    md.write_text(md.read_text() + "\nA curator's note.\n")
    (tmp_path / ".digest/ingest.json").unlink()
    code, out, err = run("ingest", "--site", str(tmp_path))
    assert "0 written" in out and "may hold the curator's edits" in err
    assert md.read_bytes() != original and list(articles(tmp_path)) == ["2025/03/28-title.md"]


def test_same_slug_same_day_gets_numbered_in_posted_order(tmp_path, run):
    write_site(tmp_path, {
        "content/raw/z.txt": raw_article("Same title", posted="Posted March 28, 2025 9:00 am."),
        "content/raw/a.txt": raw_article("Same title", posted="Posted March 28, 2025 10:00 am."),
        "content/raw/m.txt": raw_article("Same title!", posted="Posted March 28, 2025 10:00 am."),
    })
    run("ingest", "--site", str(tmp_path))
    raws = {p: front(t)["raw"] for p, t in articles(tmp_path).items()}
    assert raws == {"2025/03/28-same-title.md": "content/raw/z.txt",
                    "2025/03/28-same-title-2.md": "content/raw/a.txt",
                    "2025/03/28-same-title-3.md": "content/raw/m.txt"}
    assert front(articles(tmp_path)["2025/03/28-same-title-2.md"])["slug"] == "same-title-2"
    # a later story with the same slug never takes an existing story's URL
    (tmp_path / "content/raw/0.txt").write_text(raw_article("Same title", posted="Posted March 28, 2025 8:00 am."))
    run("ingest", "--site", str(tmp_path))
    assert front(articles(tmp_path)["2025/03/28-same-title.md"])["raw"] == "content/raw/z.txt"
    assert front(articles(tmp_path)["2025/03/28-same-title-4.md"])["raw"] == "content/raw/0.txt"


def test_bad_files_are_reported_one_line_each_and_the_rest_ingested(tmp_path):
    write_site(tmp_path, {
        "content/raw/good.txt": raw_article("Good story"),
        "content/raw/empty.txt": "",
        "content/raw/noheader.txt": "Canada and the U.S. agree\n\nBody text.\n",
        "content/raw/baddate.txt": "date 2025-02-30 A story\n\nBody.\n",
        "content/raw/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "content/raw/huge.txt": "date 2025-03-28 Huge\n\n" + "word " * (1024 * 1024 + 1),
    })
    proc = subprocess.run([sys.executable, "-m", "digest", "ingest", "--site", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert sorted(lines) == [
        "content/raw/baddate.txt:1: impossible date 2025-02-30 (check the day and month in the header)",
        "content/raw/binary.txt:3: the file holds binary data (a NUL byte), not text (save the article as plain text)",
        "content/raw/empty.txt:1: the file is empty (delete it or paste the article into it)",
        "content/raw/huge.txt:1: the file is 5 MB, over the 5 MB limit (a news article is far smaller; "
        "check that this is the right file)",
        "content/raw/noheader.txt:1: no `date YYYY-MM-DD Title` header "
        "(make the first line like `date 2025-03-28 Title of the story`)",
    ]
    assert "Traceback" not in proc.stderr
    assert list(articles(tmp_path)) == ["2025/03/28-good-story.md"]
    assert "1 written, 0 unchanged, 5 errors" in proc.stdout


def test_ingest_file_outside_raw_is_copied_in(tmp_path, run):
    site = write_site(tmp_path / "site", {})
    outside = tmp_path / "downloads" / "story.txt"
    outside.parent.mkdir()
    outside.write_text(raw_article("From downloads"))
    code, out, _ = run("ingest", "--site", str(site), str(outside))
    assert code == 0
    assert (site / "content/raw/story.txt").read_text() == outside.read_text()
    assert front(articles(site)["2025/03/28-from-downloads.md"])["raw"] == "content/raw/story.txt"


def test_staff_byline_and_no_dateline(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article(
        "Staff story", byline="By The Associated Press", body=["The markets fell on Friday.", "More."])})
    run("ingest", "--site", str(tmp_path))
    meta = front(articles(tmp_path)["2025/03/28-staff-story.md"])
    assert meta["authors"] == [] and meta["source"] == "The Associated Press"
    assert "dateline" not in meta
    assert meta["summary"] == "The markets fell on Friday."


def test_new_makes_a_site_that_ingests(tmp_path, run):
    code, out, _ = run("new", str(tmp_path / "mysite"))
    assert code == 0
    site = tmp_path / "mysite"
    assert (site / "site.yaml").is_file() and (site / "content/raw").is_dir() and (site / "themes").is_dir()
    (site / "content/raw/a.txt").write_bytes(SAMPLE)
    assert run("ingest", "--site", str(site))[0] == 0
    code, _, err = run("new", str(site))
    assert code == 1 and "a site already exists here" in err


def test_help_and_usage_errors():
    for command in ("build", "ingest", "serve", "new", "check"):
        proc = subprocess.run([sys.executable, "-m", "digest", command, "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "usage: digest " + command in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "digest", "frobnicate"], capture_output=True, text=True)
    assert proc.returncode == 2
    proc = subprocess.run([sys.executable, "-m", "digest", "ingest", "--site", "/nonexistent"],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "no site.yaml here" in proc.stderr and "Traceback" not in proc.stderr


def test_numbered_slugs_for_titles_yaml_would_misread(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": raw_article("No"), "content/raw/b.txt": raw_article("No!"),
                          "content/raw/c.txt": raw_article("2025"), "content/raw/d.txt": raw_article("2025.")})
    assert run("build", "--site", str(tmp_path))[0] == 0
    slugs = sorted(front(t)["slug"] for t in articles(tmp_path).values())
    assert slugs == ["2025", "2025-2", "no", "no-2"]


def test_parallel_ingest_writes_what_serial_ingest_writes(tmp_path, run, monkeypatch):
    """Above PARALLEL_FROM files, workers write new stories themselves; collisions still go
    to the earliest posted, and every byte matches a one-process ingest."""
    import digest.ingest.run as ingest_run

    files = {f"content/raw/{n:04d}.txt": raw_article(f"Story number {n}", posted=f"Posted March 28, 2025 {1 + n % 11}:{n % 60:02d} am.")
             for n in range(ingest_run.PARALLEL_FROM + 20)}
    for n, hour in enumerate([9, 7, 8]):  # same slug, same day: numbered in posting order
        files[f"content/raw/z{n}.txt"] = raw_article("Same title", posted=f"Posted March 28, 2025 {hour}:00 am.")
    parallel = write_site(tmp_path / "parallel", files)
    assert run("ingest", "--site", str(parallel))[0] == 0
    monkeypatch.setattr(ingest_run, "PARALLEL_FROM", 10**9)
    serial = write_site(tmp_path / "serial", files)
    assert run("ingest", "--site", str(serial))[0] == 0
    assert articles(parallel) == articles(serial)
    raws = {p: front(t)["raw"] for p, t in articles(parallel).items() if "same-title" in p}
    assert raws == {"2025/03/28-same-title.md": "content/raw/z1.txt", "2025/03/28-same-title-2.md": "content/raw/z2.txt",
                    "2025/03/28-same-title-3.md": "content/raw/z0.txt"}
    code, out, _ = run("ingest", "--site", str(parallel))
    assert "0 written" in out


def test_the_sample_digest_markdown_is_what_ingest_writes(tmp_path, run):
    """A fresh clone adopts the committed Markdown silently only if ingest would write the same bytes."""
    root = Path(__file__).parent.parent
    site = tmp_path / "sample"
    shutil.copytree(root / "content/raw", site / "content/raw")
    shutil.copy(root / "site.yaml", site / "site.yaml")
    assert run("ingest", "--site", str(site))[0] == 0
    assert articles(site) == articles(root)


def test_parallel_ingest_with_recorded_stories_matches_serial(tmp_path, run, monkeypatch):
    """A run that changes recorded stories as well as adding new ones writes like a serial run:
    a moved story keeps its slug and leaves no copy behind."""
    import digest.ingest.run as ingest_run

    filler = {f"content/raw/f{n:04d}.txt": raw_article(f"Filler {n}") for n in range(ingest_run.PARALLEL_FROM + 10)}
    first = {"content/raw/a.txt": raw_article("Same title story"), **filler}
    later = {"content/raw/a.txt": raw_article("Same title story", "2025-03-29", posted="Posted March 29, 2025 8:00 am."),
             "content/raw/b.txt": raw_article("Same title story", "2025-03-29", posted="Posted March 29, 2025 9:00 am."),
             **{k.replace("/f", "/g"): v.replace("Filler", "Other") for k, v in filler.items()}}
    results = []
    for name, serial in (("parallel", False), ("serial", True)):
        if serial:
            monkeypatch.setattr(ingest_run, "PARALLEL_FROM", 10**9)
        site = write_site(tmp_path / name, first)
        assert run("ingest", "--site", str(site))[0] == 0
        write_site(site, later)
        assert run("ingest", "--site", str(site))[0] == 0
        results.append(articles(site))
    assert results[0] == results[1]
    same = {p: front(t)["raw"] for p, t in results[0].items() if "same-title" in p}
    assert same == {"2025/03/29-same-title-story.md": "content/raw/a.txt",
                    "2025/03/29-same-title-story-2.md": "content/raw/b.txt"}


@pytest.mark.parametrize("parallel", [False, True])
def test_a_file_where_a_folder_should_be_is_one_line_per_story_and_the_rest_is_kept(tmp_path, run, monkeypatch,
                                                                                    parallel):
    """A story that cannot be written is reported by its path, never as a traceback; stories
    that can be written are, and the next run, once the way is clear, writes the rest."""
    import digest.ingest.run as ingest_run

    count = ingest_run.PARALLEL_FROM if parallel else 3  # in the workers, or in the main process
    files = {f"content/raw/{n:04d}.txt": raw_article(f"Story {n}", day="2026-01-05", posted="Posted January 5, 2026 9:00 am.")
             for n in range(count)}
    files["content/raw/old.txt"] = raw_article("Older story")
    files["content/articles/2026"] = "a file, not a folder"
    site = write_site(tmp_path, files)
    code, _, err = run("ingest", "--site", str(site))
    assert code == 1 and "Traceback" not in err
    assert len(err.strip().split("\n")) == count
    assert "content/articles/2026/01/05-story-0.md:1: cannot write the file:" in err
    assert "2025/03/28-older-story.md" in articles(site)
    (site / "content/articles/2026").unlink()
    assert run("ingest", "--site", str(site))[0] == 0
    assert len(articles(site)) == count + 1
