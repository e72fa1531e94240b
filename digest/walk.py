"""The one rule for what a site folder holds, used by every walk over content/ and themes/.

A file or folder whose name starts with `.` (an editor's swap file, `.git`, `.digest`) and
a symbolic link (it may lead out of the site, or round in a loop) are not part of the
site: build, ingest, the build key, the preview's watcher and `digest check`
all skip them alike. (Only commit.py's look at output/ sees everything there: output/
holds the site and nothing else.)
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def skipped(name: str) -> bool:
    """A name the walks skip (links are told by the entry, not the name)."""
    return name.startswith(".")


def files(root: Path | str, odd: list[str] | None = None) -> Iterator[os.DirEntry[str]]:
    """Every regular file under `root`, in no particular order, by the rule above; iterative,
    so no depth of folders is too deep. Special files (pipes, sockets, devices: opening one
    can block forever) are never yielded; their paths go to `odd` for a warning, as do
    folders that cannot be read."""
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:  # no permission, a name too long for the system
            if odd is not None and folder != str(root):
                odd.append(folder)
            continue
        for entry in entries:
            if skipped(entry.name) or entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                yield entry
            elif odd is not None:
                odd.append(entry.path)


def counts(path: str, root: Path | str) -> bool:
    """Whether `path`, somewhere under `root`, is part of the site by the rule above: no part
    of it below `root` hidden, and no link among them (for paths an event names)."""
    rel = os.path.relpath(path, root)
    if rel.startswith(".."):
        return False
    parts = [] if rel == "." else rel.split(os.sep)
    if any(skipped(part) for part in parts):
        return False
    current = str(root)
    for part in parts:
        current = os.path.join(current, part)
        if os.path.islink(current):
            return False
    return True
