"""The site as deploy sends it: output/ checked against the content, and its files with their MD5s."""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from digest import walk
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.inputs import build_key, is_racy
from digest.manifest import Manifest
from digest.state import write_atomic

HASHES = "deploy/hashes.json"  # in .digest/: each output file's MD5 by its size and mtime


@dataclass(frozen=True, slots=True)
class LocalFile:
    rel: str     # its path in output/ (and, after the prefix, on the target)
    path: str
    size: int
    md5: str     # hex: S3's ETag of a file sent in one part


def fresh_output(config: SiteConfig) -> tuple[Path, Manifest]:
    """The site's output folder and what the last build wrote there, when it holds what a build
    of the content as it is now would write; else the reason, with `digest build` to run."""
    from digest.ingest.run import unread
    from digest.manifest import built_from, intact
    from digest.output import check_output_dir
    from digest.scan import markdown_files
    from digest.themes import theme_dirs

    folder = check_output_dir(config, None)
    where = (config.root / "site.yaml", config.line_of("output"))
    if folder.is_relative_to(config.state_dir.resolve()):
        raise DigestError([Problem(*where, f"{folder} is digest's own folder (the preview's builds are there, "
                                   "drafts included)", "publish a build of output/: remove `output:` from site.yaml")])
    manifest, content, epoch = built_from(config, folder)
    if not manifest or not content:
        raise DigestError([Problem(*where, f"{folder.name}/ has not been built yet", "run digest build first")])
    if not intact(folder, manifest):
        raise DigestError([Problem(*where, f"{folder.name}/ was changed since digest built it",
                                   "run digest build: it puts back what the site holds")])
    changed = unread(config)
    if changed:
        raise DigestError([Problem(config.root / changed[0], 1, f"{len(changed)} raw files changed since the last "
                                   f"build, this one among them", "run digest build first")])
    dirs = theme_dirs(config)
    files = markdown_files(config.articles_dir)
    if build_key(config, False, folder, dirs, files, exact=True, epoch=epoch) != content:
        if build_key(config, True, folder, dirs, files, exact=True, epoch=epoch) == content:
            raise DigestError([Problem(*where, f"{folder.name}/ was built with --drafts: it shows stories not "
                                       "meant to be published", "run digest build (without --drafts) first")])
        raise DigestError([Problem(*where, f"{folder.name}/ is older than the content (or the last build "
                                   "failed)", "run digest build first")])
    return folder, manifest


def local_files(config: SiteConfig, folder: Path, built: Manifest) -> list[LocalFile]:
    """Every file of `folder`, with its MD5 (kept by size and mtime in .digest/: a no-change
    deploy of a large site reads no file). A file the build did not write (not in `built`,
    its manifest) is refused: it would be published unseen."""
    cache_path = config.state_dir / HASHES
    try:
        cached = json.loads(cache_path.read_bytes())
        cached = cached if isinstance(cached, dict) else {}
    except (OSError, ValueError, RecursionError):
        cached = {}
    prefix = len(str(folder)) + 1
    now = time.time_ns()
    out: list[LocalFile] = []
    keep: dict[str, list] = {}
    for entry in walk.files(folder):
        st = entry.stat()
        rel = entry.path[prefix:].replace(os.sep, "/")
        if rel not in built:
            raise DigestError([Problem(Path(entry.path), 1, "this file is in output/, but no build of digest "
                                       "wrote it", "remove it, or run digest build: it puts back what the site holds")])
        known = cached.get(rel)
        if isinstance(known, list) and len(known) == 3 and known[:2] == [st.st_size, st.st_mtime_ns] \
                and isinstance(known[2], str) and len(known[2]) == 32:
            md5 = known[2]
        else:
            with open(entry.path, "rb") as fh:
                md5 = hashlib.file_digest(fh, "md5").hexdigest()
        if not is_racy(st.st_mtime_ns, now):
            keep[rel] = [st.st_size, st.st_mtime_ns, md5]
        out.append(LocalFile(rel, entry.path, st.st_size, md5))
    if keep != cached:
        try:
            write_atomic(cache_path, json.dumps(keep, separators=(",", ":")).encode())
        except OSError:
            pass  # only a cache
    return sorted(out, key=lambda f: f.rel)
