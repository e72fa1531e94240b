"""One walk over content/articles/ per build: the Markdown files with their size and mtime.

Ingest, the build key and the article cache all work from this
list, so the build takes it once (and again only when ingest wrote or removed files).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from digest import walk

FileStat = tuple[str, int, int]  # absolute path, size, mtime_ns


def _markdown_entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    """Every `*.md` under `folder`, by walk.py's rule (no hidden files or links)."""
    return (entry for entry in walk.files(folder) if entry.name.endswith(".md"))


def markdown_files(folder: Path) -> list[FileStat]:
    """Every `*.md` under `folder` with its stats, sorted by path."""
    found: list[FileStat] = []
    for entry in _markdown_entries(folder):
        try:
            st = entry.stat()
        except OSError:  # deleted since the folder was listed
            continue
        found.append((entry.path, st.st_size, st.st_mtime_ns))
    found.sort()
    return found


def updated(folder: Path, files: list[FileStat], written: list[Path], removed: list[Path]) -> list[FileStat]:
    """The scan of `folder` taken before ingest, brought up to date with the files ingest
    wrote and removed there (walking 100,000 files again costs about a second), by walk.py's
    rule: a written file that is gone again, hidden or behind a link is not counted."""
    changed = {str(p) for p in written} | {str(p) for p in removed}
    out = [f for f in files if f[0] not in changed]
    for path in written:
        name = str(path)
        if not name.endswith(".md") or not walk.counts(name, folder):
            continue
        try:
            st = os.stat(name, follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            out.append((name, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


def markdown_paths(folder: Path, files: list[FileStat] | None = None) -> set[str]:
    """Every `*.md` under `folder` (or in `files`, a scan of it already taken), as a path
    relative to it with `/` (no stats: ingest needs names)."""
    prefix = len(str(folder)) + 1
    names = (entry.path for entry in _markdown_entries(folder)) if files is None else (f[0] for f in files)
    return {name[prefix:].replace(os.sep, "/") for name in names}
