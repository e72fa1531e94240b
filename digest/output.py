"""Writing the rendered site: into a temporary sibling folder, swapped in only on success.

A failed build therefore leaves the previous output/ byte-identical, and a
reader of output/ never sees a half-written site. Replacing a folder deletes
what was in it, so only a folder digest built (or an empty or new one) is replaced.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from digest.config import SiteConfig
from digest.errors import DigestError, Problem

_BUILT_RECORD = "outputs.json"  # in the site's state folder: the folders digest has built


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
    try:
        return json.loads((config.state_dir / _BUILT_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def _looks_built(folder: Path) -> bool:
    """A digest site from a lost record (a fresh clone of the state folder, say)."""
    return all((folder / name).is_file() for name in ("index.html", "sitemap.xml", "404.html", "static/style.css"))


def remember_output(config: SiteConfig, target: Path) -> None:
    built = _built(config)
    if str(target) not in built:
        config.state_dir.mkdir(parents=True, exist_ok=True)
        (config.state_dir / _BUILT_RECORD).write_text(json.dumps(sorted(built + [str(target)])), encoding="utf-8")


def confined(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that would land outside `root`."""
    path = (root / rel).resolve()
    if not path.is_relative_to(root.resolve()) or path == root.resolve():
        raise DigestError([Problem(Path(rel), 1, "output path escapes the output folder",
                                   "check slugs and paths in site.yaml")])
    return path


def write_site(target: Path, files: Iterable[tuple[str, bytes]], copies: Iterable[tuple[str, Path]]) -> int:
    """Write every file into a fresh folder and swap it in place of `target`; return the count."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    count = 0
    try:
        made: set[Path] = set()
        for rel, data in files:
            path = confined(staging, rel)
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(data)
            count += 1
        for rel, source in copies:
            path = confined(staging, rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, path)
            count += 1
        os.chmod(staging, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    return count


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(staging, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
