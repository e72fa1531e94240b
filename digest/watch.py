"""The preview's one watcher: see the site's sources change, settle, rebuild once, report.

Changes are seen through inotify on Linux and by polling (size and mtime of
every file under the watched folders) elsewhere or when the kernel drops
events; either way the snapshot of sizes and mtimes decides what changed. A burst of saves is settled for `SETTLE` seconds and becomes one
build; saves that land during a build are seen by the next poll and become
exactly one more build, so none is lost.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest.inotify import Inotify

SETTLE = 0.1           # quiet time after the last change before building
MIN_INTERVAL = 0.1     # poll at least this far apart ...
SCAN_SHARE = 2.0       # ... and at most a third of the time scanning, on big sites

Snapshot = dict[str, tuple[int, int]]


def scan(roots: list[Path]) -> Snapshot:
    """(mtime_ns, size) of every file under `roots` (files or folders); hidden names skipped."""
    found: Snapshot = {}
    for root in roots:
        if root.is_file():
            st = root.stat()
            found[str(root)] = (st.st_mtime_ns, st.st_size)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith("."):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:  # deleted between listing and stat
                    continue
                found[path] = (st.st_mtime_ns, st.st_size)
    return found


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
        """Watch until `stop` is set (runs in its own thread): inotify where the system has it,
        so a save is seen at once; polling elsewhere."""
        try:
            from digest.inotify import Inotify
            notify = Inotify()
            for root in self.roots:
                if root.is_dir():
                    notify.add(root)
                else:  # site.yaml, or a themes/ folder not made yet: see it appear or be replaced
                    notify.add(root.parent, recursive=False)
        except (OSError, AttributeError, ImportError):
            while not self.stop.wait(max(MIN_INTERVAL, SCAN_SHARE * self.scan_seconds)):
                self.poll_once()
            return
        try:
            while not self.stop.is_set():
                events = notify.read(0.5)
                if events is None:  # the kernel dropped events: find out by scanning
                    self.poll_once()
                elif events:
                    self.settle_and_build(notify, events)
        finally:
            notify.close()

    def settle_and_build(self, notify: Inotify, events: set[str]) -> bool:
        """Wait until no event came for SETTLE seconds, then build once for what really changed."""
        while not self.stop.is_set():
            more = notify.read(SETTLE)
            if more is None:
                return self.poll_once()
            if not more:
                break
            events |= more
        for root in self.roots:  # a watched folder that did not exist before (themes/, say)
            if str(root) in events and root.is_dir() and not notify.watching(str(root)):
                notify.add(root)
                events |= {str(p) for p in root.rglob("*") if p.is_file()}
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
            if not os.path.isdir(path):
                current[path] = (st.st_mtime_ns, st.st_size)
        changed = changed_paths(self.snapshot, current)
        if not changed:
            return False
        self.snapshot = current
        self._after_build(self.build(changed))
        return True

    def _watched(self, path: str) -> bool:
        """Inside a watched root, and not hidden (editor swap files, .digest), as the scan sees it."""
        inside = any(path == str(r) or path.startswith(str(r) + os.sep) for r in self.roots)
        return inside and not any(part.startswith(".") for part in Path(path).parts[-3:])

    def _after_build(self, written: set[str]) -> None:
        for path in written:
            try:
                st = os.stat(path)
                self.snapshot[path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                self.snapshot.pop(path, None)
