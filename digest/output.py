"""Where the site may be written: output folders that are safe to replace, paths kept inside them.

Publishing (digest/publish.py) deletes files the site no longer has, so only a
folder digest built (or an empty or new one) may be the output.
"""
from __future__ import annotations

import json
import posixpath
from pathlib import Path

from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.state import BUILT_RECORD, write_atomic


def check_output_dir(config: SiteConfig, output: Path | None) -> Path:
    """Refuse an output folder whose replacement would destroy the site, its sources or
    anything digest did not make; return it resolved."""
    given = output if output is not None else Path(config.output)
    where = (Path(str(given)), 1) if output is not None else (config.root / "site.yaml", config.line_of("output"))
    try:
        target = (config.root / given).resolve() if not given.is_absolute() else given.resolve()
    except (OSError, ValueError):
        raise DigestError([Problem(*where, f"{given} is not a usable output folder")]) from None

    def refuse(why: str, hint: str = "choose an output folder of its own, such as output/") -> DigestError:
        return DigestError([Problem(*where, f"refusing to write the site to {given}: {why}", hint)])

    precious = {"the site folder": config.root, "content/": config.root / "content",
                "themes/": config.root / "themes", "the home folder": Path.home(), "/": Path("/")}
    for name, folder in precious.items():
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise refuse(f"it is or contains {name}")
        if name in ("content/", "themes/") and target.is_relative_to(folder):
            raise refuse(f"it is inside {name}")
    if target.exists() and not target.is_dir():
        raise refuse("it is a file")
    if target.is_dir() and any(target.iterdir()) and str(target) not in _built(config) \
            and not _looks_built(target):
        raise refuse("it holds files digest did not write", "empty it first, or choose another folder")
    return target


def _built(config: SiteConfig) -> list[str]:
    """The folders digest has built (a list of paths: anything else is no record)."""
    try:
        built = json.loads((config.state_dir / BUILT_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return []
    if not isinstance(built, list) or not all(isinstance(p, str) for p in built):
        return []
    # the record is a file in the site folder anyone may have written: it vouches only for
    # folders inside the site (one outside must look like a built site, see _looks_built)
    return [p for p in built if Path(p).is_relative_to(config.root)]


def _looks_built(folder: Path) -> bool:
    """A digest site from a lost record (a fresh clone of the state folder, say)."""
    return all((folder / name).is_file() for name in ("index.html", "sitemap.xml", "404.html", "static/style.css"))


def remember_output(config: SiteConfig, target: Path) -> None:
    built = _built(config)
    if str(target) not in built:
        write_atomic(config.state_dir / BUILT_RECORD, json.dumps(sorted(built + [str(target)])).encode("utf-8"))


def confined(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that would land outside `root`. Checked on the text
    (no file system calls: this runs for every file written), which suffices for a build's
    staging folder, made empty by this run; the preview, which writes into a folder that
    lives on, also checks where links lead (live._write)."""
    return root / inside(rel)


def inside(rel: str) -> str:
    """`rel` normalised, or DigestError if it would lead out of the folder it is relative to."""
    norm = posixpath.normpath(rel)
    if not rel or "\0" in rel or norm in (".", "..") or norm.startswith(("/", "../")):
        raise DigestError([Problem(Path(rel.replace("\0", "")), 1, "output path escapes the output folder",
                                   "check slugs and paths in site.yaml")])
    return norm
