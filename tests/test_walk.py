"""One rule for every walk: a hidden file or folder and a symbolic link are not part of the
site, alike for build, ingest, check and the preview's watcher (walk.py)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from digest.preview.watch import Rebuilder
from tests.conftest import raw_article, write_site

MARKDOWN = "---\ntitle: \"{title}\"\ndate: 2025-03-28T11:09:00-04:00\ntopic: trade\n---\nBody of {title}.\n"


def _site_with_strays(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "story.txt").write_text(raw_article("Linked raw story"), encoding="utf-8")
    (outside / "story.md").write_text(MARKDOWN.format(title="Linked markdown story"), encoding="utf-8")
    (outside / "secret").write_text("not for the web", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder/inner.txt").write_text(raw_article("Story in a linked folder"), encoding="utf-8")
    site = write_site(tmp_path / "site", {
        "content/raw/a.txt": raw_article("Honest story"),
        "content/raw/.swap.txt": raw_article("Hidden raw story"),
        "content/raw/.hidden/b.txt": raw_article("Story in a hidden folder"),
        "content/articles/.draft.md": MARKDOWN.format(title="Hidden markdown story"),
        "themes/default/static/.env": "SECRET=1",
    })
    os.symlink(outside / "story.txt", site / "content/raw/linked.txt")
    os.symlink(outside / "folder", site / "content/raw/linked-folder")
    os.symlink(outside / "story.md", site / "content/articles/linked.md")
    os.symlink(outside / "secret", site / "themes/default/static/secret.txt")
    return site


def _everything(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


def test_build_check_and_watch_skip_hidden_files_and_links_alike(tmp_path, run):
    site = _site_with_strays(tmp_path)
    code, out, err = run("build", "--site", str(site))
    assert code == 0, err
    built = _everything(site / "output")
    assert "Honest story" in built
    for stray in ("Hidden raw story", "Story in a hidden folder", "Linked raw story", "Story in a linked folder",
                  "Hidden markdown story", "Linked markdown story", "not for the web", "SECRET=1"):
        assert stray not in built, stray
    assert not (site / "output/static/secret.txt").exists() and not (site / "output/static/.env").exists()
    assert sorted(p.name for p in (site / "content/articles").rglob("*.md")) == [".draft.md", "28-honest-story.md",
                                                                                "linked.md"]
    code, out, err = run("check", "--site", str(site))
    assert code == 0, out + err
    assert not any(s in out + err for s in ("swap", "hidden", "linked", "secret"))
    # the watcher sees what the build sees: edits to strays build nothing
    built_for: list[set[str]] = []
    watcher = Rebuilder([site / "content", site / "themes", site / "site.yaml"],
                        lambda changed: built_for.append(changed) or set())
    watcher.start()
    assert not [p for p in watcher.snapshot if "linked" in p or "/." in p or "secret" in p]
    later = time.time_ns() + 5_000_000_000
    for stray in (tmp_path / "outside/story.txt", tmp_path / "outside/folder/inner.txt", site / "content/raw/.swap.txt",
                  tmp_path / "outside/secret", site / "content/articles/.draft.md"):
        stray.write_text(stray.read_text() + "\nMore.\n")
        os.utime(stray, ns=(later, later))
    assert not watcher.poll_once() and built_for == []
    assert not watcher._watched(str(site / "content/raw/linked-folder/inner.txt"))
    assert not watcher._watched(str(site / "content/raw/.hidden/b.txt"))
    assert watcher._watched(str(site / "content/raw/a.txt"))


def test_a_linked_template_or_translation_table_is_not_used(tmp_path, run):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "404.html").write_text("<h1>Linked template</h1>", encoding="utf-8")
    (outside / "en.yaml").write_text("site_name: Linked strings\n", encoding="utf-8")
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Honest story")})
    (site / "themes/default/templates").mkdir(parents=True)
    (site / "themes/default/i18n").mkdir(parents=True)
    os.symlink(outside / "404.html", site / "themes/default/templates/404.html")
    os.symlink(outside / "en.yaml", site / "themes/default/i18n/en.yaml")
    code, _, err = run("build", "--site", str(site))
    assert code == 0, err
    assert "Linked" not in _everything(site / "output")
