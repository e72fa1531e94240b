"""The build's scan of content/articles/, brought up to date after ingest without walking the
folder again: it must be exactly a new walk."""
from __future__ import annotations

from digest.config import load_config
from digest.ingest.run import ingest
from digest.scan import markdown_files, updated
from tests.conftest import raw_article, write_site


def test_the_scan_after_ingest_is_a_new_walk(tmp_path):
    site = write_site(tmp_path / "site", {f"content/raw/{n}.txt": raw_article(f"Story {n} on tariffs", f"2025-03-1{n}", posted=None)
                                          for n in range(4)})
    config = load_config(site)
    (config.articles_dir / ".hidden").mkdir(parents=True)
    for change in ("first ingest", "a corrected date moves a story", "a new story, a kept one"):
        before = markdown_files(config.articles_dir)
        done = ingest(config, articles=before)
        assert done.written and bool(done.removed) == (change == "a corrected date moves a story"), change
        assert updated(config.articles_dir, before, done.written, done.removed) == \
            markdown_files(config.articles_dir), change
        if change == "first ingest":
            (site / "content/raw/1.txt").write_text(raw_article("Story 1 on tariffs", "2025-03-20", posted=None), encoding="utf-8")
        else:
            (site / "content/raw/9.txt").write_text(raw_article("Story 9 on trade", "2025-03-21", posted=None), encoding="utf-8")
