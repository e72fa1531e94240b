"""One walk over content/articles/ per build: the Markdown files with their size and mtime.

The inputs' fingerprint and the article cache both judge files by these
stats, so the build takes them once (after ingest, which may add files).
"""
from __future__ import annotations

import os
from pathlib import Path

FileStat = tuple[str, int, int]  # absolute path, size, mtime_ns


def markdown_files(folder: Path) -> list[FileStat]:
    """Every `*.md` under `folder` (hidden files and folders left out), sorted by path."""
    found: list[FileStat] = []
    stack = [str(folder)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(".md"):
                try:
                    st = entry.stat()
                except OSError:  # deleted since the folder was listed
                    continue
                found.append((entry.path, st.st_size, st.st_mtime_ns))
    found.sort()
    return found
