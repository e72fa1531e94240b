"""A fingerprint of everything a build reads besides the raw files (which ingest checks).

Same fingerprint as the last successful build into the same folder, and that
folder still holding exactly what was written: the build has nothing to do.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import digest
from digest.config import SiteConfig


def _stats(root: Path, out: list[str]) -> None:
    """Append `path size mtime` for every file under `root` (scandir: one stat per file)."""
    try:
        entries = list(os.scandir(root))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _stats(Path(entry.path), out)
        else:
            try:
                st = entry.stat()
            except OSError:
                continue
            out.append(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}")


def fingerprint(config: SiteConfig, drafts: bool, target: Path, theme_dirs: list[Path]) -> str:
    lines = [digest.__version__, str(drafts), str(target), os.environ.get("SOURCE_DATE_EPOCH", "")]
    _stats(config.articles_dir, lines)
    for folder in theme_dirs:
        _stats(folder, lines)
    try:
        lines.append((config.root / "site.yaml").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        pass
    lines.sort()
    return hashlib.sha1("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
