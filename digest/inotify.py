"""Linux inotify through ctypes: know at once which files changed, without scanning them all.

Used by the preview's watcher when available; elsewhere it polls (digest/watch.py).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import select
import struct
from pathlib import Path

IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x2, 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
IN_DELETE_SELF, IN_MOVE_SELF, IN_Q_OVERFLOW, IN_ISDIR = 0x400, 0x800, 0x4000, 0x40000000
IN_NONBLOCK, IN_CLOEXEC = 0o4000, 0o2000000
MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_MOVE_SELF)
_EVENT = struct.Struct("iIII")


class Inotify:
    """Watches folders (recursively) and files; `read(timeout)` returns the paths that changed,
    or None when the kernel's queue overflowed and everything must be rescanned."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("c")
        self._libc = ctypes.CDLL(name, use_errno=True)
        self.fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self._paths: dict[int, str] = {}
        self._recursive: set[int] = set()

    def add(self, path: Path, recursive: bool = True) -> None:
        """Watch `path`; a folder is watched with every folder below it (hidden ones skipped)."""
        wd = self._watch(str(path))
        if recursive and wd is not None:
            self._recursive.add(wd)
        if recursive and path.is_dir():
            for dirpath, dirnames, _ in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for d in dirnames:
                    sub = self._watch(os.path.join(dirpath, d))
                    if sub is not None:
                        self._recursive.add(sub)  # folders made later below it are watched too

    def _watch(self, path: str) -> int | None:
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(path), MASK)
        if wd < 0:
            err = ctypes.get_errno()
            if err in (errno.ENOENT, errno.ENOTDIR):
                return None
            raise OSError(err, f"cannot watch {path}")
        self._paths[wd] = path
        return wd

    def watching(self, path: str) -> bool:
        return path in self._paths.values()

    def read(self, timeout: float) -> set[str] | None:
        """Paths changed within `timeout` seconds (empty when none)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return set()
        changed: set[str] = set()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return changed
            offset = 0
            while offset < len(data):
                wd, mask, _, size = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size: offset + _EVENT.size + size].rstrip(b"\0")
                offset += _EVENT.size + size
                if mask & IN_Q_OVERFLOW:
                    return None
                folder = self._paths.get(wd)
                if folder is None:
                    continue
                path = os.path.join(folder, os.fsdecode(name)) if name else folder
                if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO) and wd in self._recursive:
                    self.add(Path(path))  # a new folder: watch it, and report what it already holds
                    changed.update(str(p) for p in Path(path).rglob("*") if p.is_file())
                changed.add(path)

    def close(self) -> None:
        os.close(self.fd)
