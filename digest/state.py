"""The site's state folder (.digest/): what digest remembers between runs, written
atomically and read back as data only.

A state file may come from anyone who can write the site folder (a committed
`.digest/`, a contributor's pull request), so nothing read back runs code (JSON,
never pickle), a file that is not what digest wrote is ignored with one warning
line, and a file that carries HTML the pages show unescaped (the article cache)
is signed with a key kept outside the site folder, in the user's cache folder:
one planted in the site is not signed with it.
"""
from __future__ import annotations

import hmac
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import Problem

# Every file digest keeps in .digest/ (all JSON; the preview's own folder is preview/)
ARTICLE_CACHE = "cache/articles"  # parsed articles by file stat, a signed file per folder (article_cache.py)
IMAGE_CACHE = "cache/images.json"      # pictures' digests and sizes by file stat (images.py)
INGEST_RECORD = "ingest.json"          # which raw file became which Markdown file (ingest/run.py)
TOPIC_MODEL = "topic-model.json"       # what the curator's filing taught: word weights (ingest/learn.py)
STORY_INDEX = "stories.json"           # recent articles' stories and grouping features (ingest/stories.py)
BUILT_RECORD = "outputs.json"          # the folders digest has built into (output.py)
PUBLISHED_RECORD = "published.json"    # each article's address at the last build (moves.py)
MANIFESTS = "manifests"                # what each build wrote, per output folder (manifest.py)
INGEST_RUNNING = "ingest.running"      # an ingest under way, or one that was killed
LOCK = "lock"                          # held by the one command writing the site (its pid inside)
_KEY_FILE = "state-key"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")  # two runs never share one
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def ignored(path: Path, why: str) -> Problem:
    """The warning for a state file digest cannot use: the run goes on as if it were absent."""
    return Problem(path, 1, f"ignored: {why}", "digest starts this cache over; delete the file to "
                   "silence this", warning=True)


def user_key_dir() -> Path:
    """The user's cache folder for digest (XDG_CACHE_HOME, else ~/.cache): outside every site."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "digest"


def signing_key() -> bytes | None:
    """This user's secret for signing state files (made on first use), or None when it can be
    neither read nor made (then signed caches are not kept)."""
    path = user_key_dir() / _KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path.with_name(f"{_KEY_FILE}.{os.getpid()}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
        os.replace(path.with_name(f"{_KEY_FILE}.{os.getpid()}"), path)
        return path.read_bytes()
    except OSError:
        return None


def sign(key: bytes, payload: bytes) -> bytes:
    """`payload` preceded by its MAC line (HMAC-SHA256: the CPU's SHA instructions make it
    the fastest here, 17 ms for 10,000 stories' cache)."""
    return hmac.new(key, payload, "sha256").hexdigest().encode() + b"\n" + payload


def verified(key: bytes, data: bytes) -> bytes | None:
    """The payload of a signed file, or None when the MAC does not match."""
    mac, _, payload = data.partition(b"\n")
    return payload if hmac.compare_digest(mac, hmac.new(key, payload, "sha256").hexdigest().encode()) else None


def say_waiting(pid: str) -> None:
    """What a command tells its user while another holds the site's lock (see site_lock)."""
    print(f"another digest is building this site (pid {pid}); waiting", file=sys.stderr, flush=True)


@contextmanager
def site_lock(state_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the site's lock while writing it (ingest, build, the preview's builds): a second
    command waits, told by `on_wait(pid of the holder)`. The kernel releases the lock of a
    process that dies, so a killed build never leaves it held. (No lock where the system has
    no flock: Windows.)"""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(state_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
