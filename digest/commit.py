"""Bringing output/ from the old site to the new one, so that nothing is ever half done.

A build renders what changed into a staging folder beside output/ (`.output.new-*`).
The switch is then journaled: a journal beside output/ (`.output.commit.json`) lists
the files to move in and the stale ones to move out, each old file is moved aside into
a backup folder before its new one takes its place, and only then are the journal, the
backup and the staging folder removed. So:

- an error during the switch (a read-only folder, a full disk) puts every old file back:
  output/ is the previous site, byte for byte;
- a kill during the switch leaves the journal: the next build (or any command that
  writes the site) first finishes the switch from it, so output/ is the complete new site;
- leftovers of a build killed before its switch (staging folders) are removed.

Only the files that changed move, so a one-story edit of a 10,000-story site stays cheap.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from digest.errors import DigestError, Problem
from digest.output import inside
from digest.state import write_atomic

JOURNAL_VERSION = 1


def journal_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.commit.json")


def commit(staging: Path, target: Path, written: list[str], keep: set[str]) -> None:
    """Move the `written` files (paths relative to both folders) from `staging` into `target`,
    and every file of `target` not in `keep` out of it, as one step (see the module's doc)."""
    if not target.exists():
        os.chmod(staging, 0o755)
        os.rename(staging, target)  # a first build: one rename moves the whole site in
        return
    stale = _stale(target, keep)
    backup = staging.with_name(staging.name.replace(".new-", ".old-", 1))
    journal = {"version": JOURNAL_VERSION, "staging": staging.name, "backup": backup.name,
               "moves": written, "stale": stale}
    write_atomic(journal_path(target), json.dumps(journal).encode("utf-8"))
    try:
        _apply(staging, target, backup, written, stale)
    except OSError as exc:
        rolled_back = _roll_back(staging, target, backup, written, stale)
        if rolled_back:
            journal_path(target).unlink(missing_ok=True)
        where = Path(exc.filename) if isinstance(exc.filename, str) else target
        shown = target / os.path.relpath(where, staging) if _under(where, staging) else where
        raise DigestError([Problem(shown, 1, f"cannot update the output: {exc.strerror or exc}",
                                   ("the previous site is left as it was; " if rolled_back else
                                    "the next build finishes the update; ")
                                   + "check that output/ and its folders are writable and the disk has room")]) from None
    _finish(staging, target, backup)


def recover(target: Path) -> None:
    """Finish a switch a kill interrupted (its journal is there), then remove what interrupted
    builds left beside `target`. Call with the site's lock held."""
    path = journal_path(target)
    journal = _read_journal(path, target)
    if journal is not None:
        staging, backup = target.with_name(journal["staging"]), target.with_name(journal["backup"])
        _apply(staging, target, backup, journal["moves"], journal["stale"])
        _finish(staging, target, backup)
    elif path.exists():
        path.unlink()
    if target.parent.is_dir():
        for leftover in (*target.parent.glob(f".{target.name}.new-*"), *target.parent.glob(f".{target.name}.old-*")):
            shutil.rmtree(leftover, ignore_errors=True)


def _read_journal(path: Path, target: Path) -> dict | None:
    """The journal, if it is one this digest wrote (names confined to `target`'s folder and files)."""
    try:
        journal = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    prefix = f".{target.name}."
    if not isinstance(journal, dict) or journal.get("version") != JOURNAL_VERSION:
        return None
    names = (journal.get("staging"), journal.get("backup"))
    lists = (journal.get("moves"), journal.get("stale"))
    if not all(isinstance(n, str) and n.startswith(prefix) and "/" not in n and os.sep not in n for n in names):
        return None
    if not all(isinstance(x, list) and all(isinstance(r, str) and _confined(r) for r in x) for x in lists):
        return None
    return journal


def _confined(rel: str) -> bool:
    try:
        return inside(rel) == rel
    except DigestError:
        return False


def _under(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder)
    except ValueError:
        return False


def _stale(target: Path, keep: set[str]) -> list[str]:
    """Every file in `target` the new site does not have (output/ holds the site and nothing
    else: hidden files and links too), bottom-up order not needed: files only."""
    prefix = len(str(target)) + 1
    found: list[str] = []
    stack = [str(target)]
    while stack:
        for entry in os.scandir(stack.pop()):
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                rel = entry.path[prefix:].replace(os.sep, "/")
                if rel not in keep:
                    found.append(rel)
    return sorted(found)


def _apply(staging: Path, target: Path, backup: Path, moves: list[str], stale: list[str]) -> None:
    """The switch; safe to run again on a half-done one (what is done is skipped)."""
    made: set[str] = set()
    for rel in stale:
        _aside(target, backup, rel, made)
    for rel in moves:
        source = f"{staging}/{rel}"
        if not os.path.lexists(source):
            continue  # moved before the kill
        path = f"{target}/{rel}"
        if os.path.isdir(path) and not os.path.islink(path):
            _clear_folder(target, backup, rel, made)
        _aside(target, backup, rel, made)
        _make_folder(target, rel.rpartition("/")[0], backup, made)
        os.replace(source, path)
    _remove_empty_folders(target, stale)


def _aside(target: Path, backup: Path, rel: str, made: set[str]) -> None:
    """Move `target/rel` (a file or link) into the backup, unless the backup has it already."""
    path = f"{target}/{rel}"
    if not os.path.lexists(path) or (os.path.isdir(path) and not os.path.islink(path)):
        return
    kept = f"{backup}/{rel}"
    if os.path.lexists(kept):
        return  # set aside before the kill; what is at `path` now is the new file
    folder = kept.rpartition("/")[0]
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    os.rename(path, kept)


def _clear_folder(target: Path, backup: Path, rel: str, made: set[str]) -> None:
    """A folder where a file must go: its files aside, then it goes."""
    prefix = len(str(target)) + 1
    for dirpath, _, files in os.walk(f"{target}/{rel}"):
        for name in files:
            _aside(target, backup, os.path.join(dirpath, name)[prefix:].replace(os.sep, "/"), made)
    shutil.rmtree(f"{target}/{rel}")


def _make_folder(target: Path, rel: str, backup: Path, made: set[str]) -> None:
    """`target/rel` as a folder, moving aside any file standing where one of its parts must be."""
    if not rel or f"{target}/{rel}" in made:
        return
    parts = rel.split("/")
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        path = f"{target}/{sub}"
        if os.path.islink(path) or os.path.isfile(path):
            _aside(target, backup, sub, made)
    os.makedirs(f"{target}/{rel}", exist_ok=True)
    made.add(f"{target}/{rel}")


def _remove_empty_folders(target: Path, stale: list[str]) -> None:
    """The folders the stale files leave empty (only theirs: no walk of the whole site)."""
    folders = {"/".join(rel.split("/")[:i]) for rel in stale for i in range(1, rel.count("/") + 1)}
    for rel in sorted(folders, key=lambda f: -f.count("/")):
        try:
            os.rmdir(f"{target}/{rel}")
        except OSError:
            pass  # not empty (or gone): it stays


def _roll_back(staging: Path, target: Path, backup: Path, moves: list[str], stale: list[str]) -> bool:
    """Every old file back where it was, the new ones back in staging; False if that failed too."""
    try:
        for rel in moves:
            path, kept = f"{target}/{rel}", f"{backup}/{rel}"
            if not os.path.lexists(f"{staging}/{rel}") and os.path.lexists(path):
                os.makedirs(f"{staging}/{rel}".rpartition("/")[0], exist_ok=True)
                os.replace(path, f"{staging}/{rel}")
            if os.path.lexists(kept):
                os.makedirs(path.rpartition("/")[0], exist_ok=True)
                os.replace(kept, path)
        for rel in stale:
            kept = f"{backup}/{rel}"
            if os.path.lexists(kept):
                os.makedirs(f"{target}/{rel}".rpartition("/")[0], exist_ok=True)
                os.replace(kept, f"{target}/{rel}")
    except OSError:
        return False
    shutil.rmtree(backup, ignore_errors=True)
    return True


def _finish(staging: Path, target: Path, backup: Path) -> None:
    journal_path(target).unlink(missing_ok=True)
    shutil.rmtree(backup, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
