"""Whole files read and written with os.open: no buffered file object for one read or one
write, which costs a third of reading a small file, and binary mode everywhere (Windows
would otherwise write CRLF). For the stages that touch a file per story or per page."""
from __future__ import annotations

import os

BINARY = getattr(os, "O_BINARY", 0)


def read_with_stat(path: str) -> tuple[os.stat_result, bytes]:
    """A file's stat and bytes; the stat comes first, so a save while reading shows next time."""
    fd = os.open(path, os.O_RDONLY | BINARY)
    try:
        stat = os.fstat(fd)
        chunks = []
        while chunk := os.read(fd, max(stat.st_size + 1, 1 << 16)):
            chunks.append(chunk)
        return stat, b"".join(chunks)
    finally:
        os.close(fd)


def write_and_close(fd: int, data: bytes, path: str | os.PathLike[str] = "") -> None:
    """All of `data` to the open file `fd` (a write may take less than it is given), then close
    it. An error names `path` (a full disk is reported on the file it stopped)."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        if exc.filename is None and path:
            raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
        raise
    finally:
        os.close(fd)
