"""The library switches nothing process-wide and forks only where forking is safe: the
preview runs the same build from its watcher thread, beside the server's."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading

from digest import content, parallel, publish
from digest.build import build
from digest.config import load_config
from tests.conftest import SITE_YAML, raw_article, write_site


def _site(tmp_path):
    raws = {f"content/raw/{i:02}.txt": raw_article(f"Story number {i}", f"2025-03-{10 + i % 18:02}")
            for i in range(24)}
    return write_site(tmp_path / "site", raws, SITE_YAML)


def _pages(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


_FORKS: list[int] = []  # forks made while a test listens (os.register_at_fork cannot be undone)
_LISTENING: list[bool] = []
os.register_at_fork(before=lambda: _FORKS.append(1) if _LISTENING else None)


def test_a_build_beside_other_threads_never_forks_and_matches_a_forked_one(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "PARALLEL_FROM", 2)  # workers even for a small site
    monkeypatch.setattr(publish, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # and on a one-core runner too
    _LISTENING.append(True)
    try:
        forked = build(load_config(_site(tmp_path / "a"))).output
        assert _FORKS, "a single-threaded build forks its workers"
        _FORKS.clear()
        stop = threading.Event()
        server = threading.Thread(target=stop.wait)  # the preview's server, say
        server.start()
        try:
            report = build(load_config(_site(tmp_path / "b")))
        finally:
            stop.set()
            server.join()
        assert _FORKS == []  # parsing ran in forkserver workers, rendering in this process
    finally:
        _LISTENING.clear()
        _FORKS.clear()
    assert _pages(report.output) == _pages(forked)


def test_the_library_leaves_the_cycle_collector_alone(tmp_path, monkeypatch):
    switched: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: switched.append("disable"))
    monkeypatch.setattr(gc, "freeze", lambda: switched.append("freeze"))
    monkeypatch.setattr(parallel, "fork_is_safe", lambda: False)
    build(load_config(_site(tmp_path)))
    assert switched == []


def test_importing_the_preview_patches_no_library():
    """livereload's handler keeps its own settings: digest subclasses it instead."""
    code = ("from livereload.handlers import LiveReloadHandler as H; before = dict(vars(H)); "
            "import digest.preview.serve; print(dict(vars(H)) == before)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "True\n"


def test_articles_with_extra_front_matter_come_back_from_workers(tmp_path, monkeypatch):
    """A field digest does not know (`event:`) travels with its article from a worker process."""
    monkeypatch.setattr(content, "PARALLEL_FROM", 2)
    files = {f"content/articles/2025/03/{10 + i}-story-{i}.md":
             f"---\ntitle: \"Story {i}\"\ndate: 2025-03-{10 + i}T11:09:00-04:00\ntopic: trade\nevent: Fair {i}\n---\n"
             f"Body {i}.\n" for i in range(6)}
    site = write_site(tmp_path / "site", files, SITE_YAML)
    report = build(load_config(site))
    assert sorted(a.extra["event"] for a in report.site.articles) == [f"Fair {i}" for i in range(6)]
