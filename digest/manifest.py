"""What the last build wrote into an output folder, and the build key of what it read.

Kept in the site's state folder (.digest/manifests/), never in the output.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from digest.config import SiteConfig
from digest.errors import Problem
from digest.state import MANIFESTS, ignored, write_atomic

Manifest = dict[str, tuple[int, int, str]]  # path -> (size, mtime_ns, page key)
VERSION = 2


def _manifest_path(config: SiteConfig, target: Path) -> Path:
    name = hashlib.sha1(str(target).encode()).hexdigest()[:16]
    return config.state_dir / MANIFESTS / f"{name}.json"


def load_manifest(config: SiteConfig, target: Path, problems: list[Problem] | None = None) -> tuple[Manifest, str]:
    """What the last build wrote into `target`, and the build key of its inputs. Without one
    (none yet, another digest's, or one that is no manifest: a warning in `problems`) the
    files already there are compared by their bytes."""
    path = _manifest_path(config, target)
    if not target.is_dir():
        return {}, ""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, ""  # none yet
    try:
        raw = json.loads(data)
        if isinstance(raw, dict) and raw.get("version") != VERSION:
            return {}, ""  # kept by another digest
        files = {k: (int(v[0]), int(v[1]), str(v[2])) for k, v in raw["files"].items() if isinstance(k, str)}
        return files, str(raw["inputs"])
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError, RecursionError):
        if problems is not None:
            problems.append(ignored(path, "not a manifest this digest wrote"))
        return {}, ""


def intact(target: Path, manifest: Manifest) -> bool:
    """`target` still holds every file as written (size and mtime), and nothing else was added at the top."""
    if not manifest:
        return False
    tops = {rel.split("/", 1)[0] for rel in manifest}
    if any(name not in tops for name in os.listdir(target)):
        return False  # something was added beside the site
    top = f"{target}{os.sep}"
    for rel, (size, mtime, _) in manifest.items():
        try:
            st = os.stat(top + rel)  # a str, not a Path: this is the whole of a no-change build
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != (size, mtime):
            return False
    return True


def save_manifest(config: SiteConfig, target: Path, done: list[tuple[str, bool, str, int, int]],
                  inputs: str, content: str = "") -> None:
    """Record each file as (path, written now, key, size, mtime_ns) in `done`, and the build
    keys (`content`: the exact one, see inputs.build_key, with the SOURCE_DATE_EPOCH it used)."""
    manifest = {rel: (size, mtime, key) for rel, _, key, size, mtime in done}
    write_atomic(_manifest_path(config, target), json.dumps(
        {"version": VERSION, "inputs": inputs, "content": content,
         "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""), "files": manifest},
        separators=(",", ":")).encode("utf-8"))


def built_from(config: SiteConfig, target: Path) -> tuple[Manifest, str, str]:
    """What the last build wrote into `target`, the exact key of what it was built from ("" when
    there is no usable record) and the SOURCE_DATE_EPOCH it was built with."""
    path = _manifest_path(config, target)
    try:
        raw = json.loads(path.read_bytes())
        files = {k: (int(v[0]), int(v[1]), str(v[2])) for k, v in raw["files"].items() if isinstance(k, str)}
        content = raw.get("content") if raw.get("version") == VERSION else ""
        epoch = raw.get("epoch", "")
        return files, content if isinstance(content, str) else "", epoch if isinstance(epoch, str) else ""
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError, RecursionError):
        return {}, "", ""
