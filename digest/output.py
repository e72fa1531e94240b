"""Writing the rendered site: into a temporary sibling folder, swapped in only on success.

A failed build therefore leaves the previous output/ byte-identical, and a
reader of output/ never sees a half-written site.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from digest.config import SiteConfig
from digest.errors import DigestError, Problem


def check_output_dir(config: SiteConfig, output: Path) -> Path:
    """Refuse an output folder whose replacement would destroy the site or its sources."""
    target = output.resolve()
    precious = {"the site folder": config.root, "content/": config.root / "content",
                "themes/": config.root / "themes", "the home folder": Path.home(), "/": Path("/")}
    for name, folder in precious.items():
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise DigestError([Problem(config.root / "site.yaml", 1,
                                       f"refusing to write the site to {output}: it is or contains {name}",
                                       "choose an output folder of its own, such as output/")])
        if name in ("content/", "themes/") and target.is_relative_to(folder):
            raise DigestError([Problem(config.root / "site.yaml", 1,
                                       f"refusing to write the site to {output}: it is inside {name}",
                                       "choose an output folder of its own, such as output/")])
    return target


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
