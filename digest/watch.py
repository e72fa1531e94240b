"""The preview's one watcher: poll the site's sources, settle, rebuild once, report.

Changes are detected by polling (size and mtime of every file under the
watched folders), which needs no extra dependency and sees edits made by any
editor. A burst of saves is settled for `SETTLE` seconds and becomes one
build; saves that land during a build are seen by the next poll and become
exactly one more build, so none is lost.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

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
        written = self.build(changed)
        for path in written:
            try:
                st = os.stat(path)
                self.snapshot[path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                self.snapshot.pop(path, None)
        return True

    def run(self) -> None:
        """Poll until `stop` is set (runs in its own thread)."""
        while not self.stop.wait(max(MIN_INTERVAL, SCAN_SHARE * self.scan_seconds)):
            self.poll_once()
