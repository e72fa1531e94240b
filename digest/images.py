"""Pictures: an article's `image:`, and the site's logo and default image.

An image is a file in content/images/ (copied into output/images/ under a name
that carries a hash of its bytes, so it can be cached for good and a changed file
is a new address), or an address on another site. Local files are read with
Pillow for their format and size, which pages give so that nothing moves as the
picture loads; what was read is kept by file stat in .digest/cache/images.json.
Pages never load another site's picture (that would tell it who reads what):
such an image is named only in the page's metadata, for shares and search.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from digest.article import Article, Picture
from digest.config import SiteConfig
from digest.errors import Problem
from digest.inputs import is_racy
from digest.state import IMAGE_CACHE, write_atomic

# Formats every browser and every share card shows, by Pillow's name, with their file extensions
FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "GIF": ("gif",), "WEBP": ("webp",)}
_EXTENSIONS = {ext: fmt for fmt, exts in FORMATS.items() for ext in exts}
_PART = r"[A-Za-z0-9_][A-Za-z0-9_.-]*"
_NAME = re.compile(rf"(?:{_PART}/)*{_PART}")
_URL = re.compile(r"https?://[^\s\"'<>\\^`{|}\[\]]+")
_VERSION = 1


def reference_problem(value: str) -> str:
    """What is wrong with an `image:` value (a file name under content/images/, or an
    http(s) address), or "" when nothing is."""
    if _URL.fullmatch(value):
        try:
            parts = urlsplit(value)
            return "" if parts.hostname and (parts.port or 0) >= 0 else f"{value!r} is no address"
        except ValueError:  # brackets that hold no IPv6 address, a port that is no number
            return f"{value!r} is no address"
    if "://" in value or value.startswith("//"):
        return f"{value!r} is no http(s) address"
    if not _NAME.fullmatch(value):
        return (f"{value!r} must be a file in content/images/ named with letters, digits, '.', '_' and '-' "
                "(folders with '/'), or an http(s) address")
    if value.rpartition(".")[2].lower() not in _EXTENSIONS:
        return f"{value!r} must be a JPEG, PNG, GIF or WebP file (.jpg, .png, .gif, .webp)"
    return ""


@dataclass(frozen=True, slots=True)
class SitePictures:
    """The site's own: its logo (the publisher's, in structured data and the masthead) and the
    picture of pages that have none of their own."""

    logo: Picture | None = None
    image: Picture | None = None
    publisher_logo: Picture | None = None  # site.yaml's publisher.logo, else the logo


NO_PICTURES = SitePictures()


def place(config: SiteConfig, articles: Sequence[Article], problems: list[Problem], warnings: list[Problem],
          use_cache: bool = True) -> tuple[list[Article], SitePictures]:
    """Each article with its picture read, and the site's; an image that is no usable file is
    a problem naming the file and line that asked for it (site.yaml's or the article's), and
    a picture the page shows without saying what it shows is a warning."""
    from digest.content import field_line

    wanted = [a.image for a in articles if a.image] + [config.logo, config.publisher_logo, config.image]
    local = sorted({name for name in wanted if name and not _URL.fullmatch(name)})
    found, why = _read_files(config, local, use_cache) if local else ({}, {})

    def picture(name: str) -> Picture | None:
        if not name:
            return None
        return Picture(name) if _URL.fullmatch(name) else found.get(name)

    out = []
    for article in articles:
        if not article.image:
            out.append(article)
            continue  # most stories
        path = Path(article.source_path)
        if article.image in why:
            problems.append(Problem(path, field_line(path, "image"), *why[article.image]))
        elif article.image in found and not article.image_alt:
            warnings.append(Problem(path, field_line(path, "image"), "the picture has no image_alt",
                                    "say in a few words what it shows, for readers who cannot see it", warning=True))
        out.append(dataclasses.replace(article, picture=picture(article.image)))
    for key, name in (("logo", config.logo), ("publisher", config.publisher_logo), ("image", config.image)):
        if name in why:
            problems.append(Problem(config.root / "site.yaml", config.line_of(key), *why[name]))
    return out, SitePictures(picture(config.logo), picture(config.image),
                             picture(config.publisher_logo or config.logo))


def in_use(articles: Iterable[Article], site: SitePictures) -> list[Picture]:
    """The local pictures the site shows, once each, to copy into output/."""
    pictures = {a.picture.src: a.picture for a in articles if a.picture and a.picture.local}
    for extra in (site.logo, site.image, site.publisher_logo):
        if extra and extra.local:
            pictures[extra.src] = extra
    return [pictures[src] for src in sorted(pictures)]


def _read_files(config: SiteConfig, names: list[str], use_cache: bool
                ) -> tuple[dict[str, Picture], dict[str, tuple[str, str]]]:
    """Pictures for the files `names` under content/images/, and (message, hint) for the rest."""
    folder = config.images_dir
    inside = folder.resolve()  # a picture is a file under it, not a link leading out
    cache_path = config.state_dir / IMAGE_CACHE
    cache = _load_cache(cache_path) if use_cache else {}
    found: dict[str, Picture] = {}
    why: dict[str, tuple[str, str]] = {}
    kept: dict[str, list] = {}
    now = time.time_ns()
    for name in names:
        path = folder / name
        try:
            st = path.stat()
            if not path.is_file() or path.is_symlink() or not path.resolve().is_relative_to(inside):
                raise FileNotFoundError
        except OSError:
            why[name] = (f"image {name!r} is not in content/images/",
                         "save the picture there, or give the address of one on the web")
            continue
        entry = cache.get(name)
        # by size, times and inode: a picture replaced by one of the same size with its old
        # mtime kept (cp -p, rsync -t, unzip) still changes the inode or ctime
        identity = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        if entry and entry[:4] == identity:
            digest, width, height = entry[4:]
        else:
            try:
                digest, width, height = _read_image(path)
            except _NoPicture as exc:
                why[name] = exc.args
                continue
        if not is_racy(st.st_mtime_ns, now):  # a file saved this instant may change within its mtime tick
            kept[name] = [*identity, digest, width, height]
        stem, _, ext = name.rpartition(".")
        found[name] = Picture(f"images/{stem}.{digest[:10]}.{ext.lower()}", width, height, name, digest)
    if kept != {k: v for k, v in cache.items() if k in names} or set(cache) - set(names):
        try:
            write_atomic(cache_path, json.dumps({"version": _VERSION, "files": kept}, sort_keys=True).encode())
        except OSError:
            pass  # only a cache: the next build reads the pictures again
    return found, why


class _NoPicture(Exception):
    """(message, hint): the file is no picture every browser shows."""


def _read_image(path: Path) -> tuple[str, int, int]:
    """The file's digest, and its size as shown (a photo turned by its EXIF orientation is
    shown turned)."""
    import warnings

    from PIL import Image, UnidentifiedImageError  # only for a site with pictures of its own

    name = path.name
    try:
        data = path.read_bytes()
        with warnings.catch_warnings():  # a huge or odd file (bad EXIF) warns: only its header is read
            warnings.simplefilter("ignore")
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                kind = "JPEG" if kind == "MPO" else kind  # a phone's JPEG with a second picture inside
                if kind == "JPEG" and image.getexif().get(0x0112) in (5, 6, 7, 8):  # turned a quarter
                    width, height = height, width
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        raise _NoPicture(f"image {name!r} is no picture digest can read",
                         "save it again as a JPEG, PNG, GIF or WebP file") from None
    if kind not in FORMATS:
        raise _NoPicture(f"image {name!r} is a {kind} file, which not every browser shows",
                         "save it as a JPEG, PNG, GIF or WebP file")
    if _EXTENSIONS[path.suffix.lstrip(".").lower()] != kind:
        raise _NoPicture(f"image {name!r} is a {kind} file under another extension",
                         f"rename it to {path.stem}.{FORMATS[kind][0]}")
    return hashlib.sha256(data).hexdigest(), width, height


def _load_cache(path: Path) -> dict[str, list]:
    """The cache as data, each entry checked (anyone may write the site folder); {} for none."""
    try:
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    files = raw.get("files") if isinstance(raw, dict) and raw.get("version") == _VERSION else None
    if not isinstance(files, dict):
        return {}
    return {name: entry for name, entry in files.items()
            if isinstance(name, str) and isinstance(entry, list) and len(entry) == 7
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for i, v in enumerate(entry) if i != 4)
            and isinstance(entry[4], str) and re.fullmatch(r"[0-9a-f]{64}", entry[4]) is not None}

