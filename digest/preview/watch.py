"""The preview's one watcher: see the site's sources change, settle, rebuild once, report.

Changes are seen through watchfiles (the operating system's own notices: inotify,
FSEvents, ReadDirectoryChangesW), or by polling sizes and mtimes where it cannot
watch; either way a snapshot of sizes and mtimes decides what changed, so digest's
own writes (ingest's Markdown) are no change. A burst of saves is settled for
`SETTLE` seconds and becomes one build; saves that land during a build are seen
next and become exactly one more build, so none is lost.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from digest import walk

SETTLE = 0.1           # quiet time after the last change before building (polling)
NOTICE_STEP = 0.05     # watchfiles looks every step and yields after one quiet step: 50-100 ms
MIN_INTERVAL = 0.1     # poll at least this far apart ...
SCAN_SHARE = 2.0       # ... and at most a third of the time scanning, on big sites

Snapshot = dict[str, tuple[int, int]]


def scan(roots: list[Path]) -> Snapshot:
    """(mtime_ns, size) of every file under `roots` (files or folders), by walk.py's rule."""
    found: Snapshot = {}
    for root in roots:
        if root.is_file():
            st = root.stat()
            found[str(root)] = (st.st_mtime_ns, st.st_size)
            continue
        for entry in walk.files(root):
            try:
                st = entry.stat()
            except OSError:  # deleted between listing and stat
                continue
            found[entry.path] = (st.st_mtime_ns, st.st_size)
    return found


def _stat(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@dataclass(slots=True)
class Rebuilder:
    """Watches `roots`; on each settled batch of changes calls `build(changed)`.

    `build` returns the paths it wrote itself among the watched files (ingest
    writes Markdown into content/), which are folded into the snapshot so they
    do not trigger a build of their own.
    """

    roots: list[Path]
    build: Callable[[set[str]], set[str]]
    snapshot: Snapshot = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)
    ready: threading.Event = field(default_factory=threading.Event)  # set once changes are seen
    scan_seconds: float = 0.0

    def start(self) -> None:
        self.snapshot = self._scan()

    def _scan(self) -> Snapshot:
        started = time.perf_counter()
        result = scan(self.roots)
        self.scan_seconds = time.perf_counter() - started
        return result

    def poll_once(self) -> bool:
        """One poll: if anything changed, settle, build once and return True."""
        current = self._scan()
        changed = changed_paths(self.snapshot, current)
        if not changed:
            return False
        while not self.stop.wait(SETTLE):
            settled = self._scan()
            more = changed_paths(current, settled)
            current = settled
            if not more:
                break
            changed |= more
        self.snapshot = current  # edits during the build differ from this and trigger the next one
        self._after_build(self.build(changed))
        return True

    def run(self) -> None:
        """Watch until `stop` is set (runs in its own thread); `ready` is set once watching."""
        import watchfiles  # the preview's alone: a build never loads it

        while not self.stop.is_set():
            present = [r for r in self.roots if r.exists()]
            try:
                if not self._watch(watchfiles, present):
                    return
            except (OSError, RuntimeError):  # no watches left (inotify's limit), say: poll instead
                break
        self.ready.set()
        while not self.stop.wait(max(MIN_INTERVAL, SCAN_SHARE * self.scan_seconds)):
            self.poll_once()

    def _watch(self, watchfiles: ModuleType, present: list[Path]) -> bool:
        """Watch the folders that exist until `stop` (False) or until a missing one appears (True:
        watch again, with it). A file root (site.yaml) is looked at on each tick instead: an
        editor that saves by renaming a new file over it would leave a watch on the old one."""
        folders = [r for r in present if r.is_dir()]
        files = [str(r) for r in self.roots if r not in folders]
        changes = watchfiles.watch(*folders, watch_filter=None, step=int(NOTICE_STEP * 1000),
                                   rust_timeout=100, yield_on_timeout=True, stop_event=self.stop,
                                   raise_interrupt=False, ignore_permission_denied=True)
        first = True
        for batch in changes:
            paths = {path for _, path in batch} | {f for f in files if self.snapshot.get(f) != _stat(f)}
            if first:  # the first batch (empty, after 0.1 s) comes once the watches are in place:
                # what changed while there were none (watching again after a build) is found by a scan
                paths |= changed_paths(self.snapshot, self._scan())
                first = False
                self.ready.set()
            appeared = [r for r in self.roots if r not in present and r.is_dir()]
            paths |= {str(root) for root in appeared}  # a themes/ folder made after the preview started, say
            if paths:
                self.settle_and_build(paths)
            if appeared:
                return True
        return False

    def settle_and_build(self, events: Iterable[str]) -> bool:
        """Build once for what really changed among the paths the system named."""
        current = dict(self.snapshot)
        for path in set(events):
            if not self._watched(path):
                continue
            try:
                st = os.stat(path)
            except OSError:
                current.pop(path, None)
                for inside in [p for p in current if p.startswith(path + os.sep)]:
                    current.pop(inside)  # a folder removed or moved away
                continue
            if os.path.isdir(path):  # a folder made or moved in: what it holds
                current.update(scan([Path(path)]))
            else:
                current[path] = (st.st_mtime_ns, st.st_size)
        changed = changed_paths(self.snapshot, current)
        if not changed:
            return False
        self.snapshot = current
        self._after_build(self.build(changed))
        return True

    def _watched(self, path: str) -> bool:
        """Inside a watched root and part of the site by walk.py's rule, as the scan sees it."""
        return any((path == str(r) or path.startswith(str(r) + os.sep)) and walk.counts(path, r) for r in self.roots)

    def _after_build(self, written: set[str]) -> None:
        for path in written:
            try:
                st = os.stat(path)
                self.snapshot[path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                self.snapshot.pop(path, None)
