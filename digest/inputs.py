"""The build key: a hash of everything a build reads besides the raw files (which ingest checks).

Same key as the last successful build into the same folder, and that
folder still holding exactly what was written: the build has nothing to do.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
import time
from importlib import metadata
from pathlib import Path

import digest
from digest import walk
from digest.config import SiteConfig
from digest.scan import FileStat

RACY_NS = 2_000_000_000  # a file changed this recently may change again within its mtime tick


def is_racy(mtime_ns: int, now_ns: int) -> bool:
    """Too recent to trust size and mtime alone (git's "racy timestamp" rule)."""
    return mtime_ns > now_ns - RACY_NS


# Libraries whose output ends up on a page or in front matter: Markdown to HTML, templates and
# their escaping, YAML, dates and zones in words, language and common-word judgements
SHAPING_LIBRARIES = ("markdown-it-py", "mdurl", "Jinja2", "MarkupSafe", "PyYAML", "babel", "tzdata",
                     "py3langid", "wordfreq", "css-inline")


def library_versions() -> str:
    """Python's version and those of the libraries that shape output (`missing` for one not installed)."""
    versions = [sys.version]
    for name in SHAPING_LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return "\n".join(versions)


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of digest's own source and of the versions of Python and the libraries that shape
    its output: a changed digest, or an upgraded Jinja2, is a changed input of every page."""
    package = Path(digest.__file__).parent
    h = hashlib.sha1(digest.__version__.encode())
    h.update(library_versions().encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def _stats(root: Path, out: list[FileStat]) -> None:
    """Append (path, size, mtime_ns) for every file under `root` by walk.py's rule (one stat per file)."""
    for entry in walk.files(root):
        try:
            st = entry.stat()
        except OSError:
            continue
        out.append((entry.path, st.st_size, st.st_mtime_ns))


def _without_deploy(text: str) -> str:
    """site.yaml's settings but its deploy targets, in one spelling."""
    import json

    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    data.pop("deploy", None)
    return json.dumps(data, sort_keys=True, default=str)


def build_key(config: SiteConfig, drafts: bool, target: Path, theme_dirs: list[Path],
                articles: list[FileStat], exact: bool = False, epoch: str | None = None) -> str:
    """The build key (`articles`: the build's scan of the Markdown files);
    a unique one when a file is too fresh to be judged by its mtime, unless `exact`: the
    key of the sources as they are, what `digest deploy` compares, blind to site.yaml's
    `deploy:` (where the site goes is no part of it) and, given the `epoch` the build
    used, to the SOURCE_DATE_EPOCH of the deploy's own environment."""
    stats = list(articles)
    _stats(config.editions_dir, stats)
    _stats(config.images_dir, stats)
    for folder in theme_dirs:
        _stats(folder, stats)
    if epoch is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    lines = [code_version(), str(drafts), str(target), epoch]
    lines += [f"{name}\0{size}\0{mtime}" for name, size, mtime in stats]
    now = time.time_ns()
    if not exact and any(is_racy(mtime, now) for _, _, mtime in stats):
        lines.append(f"racy {now} {os.getpid()}")
    try:
        text = (config.root / "site.yaml").read_text(encoding="utf-8", errors="replace")
        lines.append(_without_deploy(text) if exact else text)
    except OSError:
        pass
    lines.sort()
    return hashlib.sha1("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
