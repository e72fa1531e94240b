"""One walk over content/articles/ per build: the Markdown files with their size and mtime.

Ingest, the build key and the article cache all work from this
list, so the build takes it once (and again only when ingest wrote or removed files).
"""
from __future__ import annotations

import os
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


def markdown_paths(folder: Path, files: list[FileStat] | None = None) -> set[str]:
    """Every `*.md` under `folder` (or in `files`, a scan of it already taken), as a path
    relative to it with `/` (no stats: ingest needs names)."""
    prefix = len(str(folder)) + 1
    names = (entry.path for entry in _markdown_entries(folder)) if files is None else (f[0] for f in files)
    return {name[prefix:].replace(os.sep, "/") for name in names}
