"""Stories that moved: the address each article was last published at, and the alias its
file gains when that address changes.

A story moves when the curator renames its slug, corrects its date by hand, or
changes the site's `paths:` pattern. The build knows each article by its identity
(its permanent `id:`, else its file) and compares its address with the one the
last build published (.digest/published.json); a new address adds the old one to
the file's `aliases:`, which becomes a redirect. Ingest handles the moves it makes
itself (a corrected raw file) the same way, from its own record.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from digest import frontmatter
from digest.article import Article
from digest.config import SiteConfig
from digest.errors import Problem
from digest.state import PUBLISHED_RECORD, ignored, write_atomic

VERSION = 1


def _key(config: SiteConfig, article: Article) -> str:
    return article.id or "file:" + Path(os.path.relpath(article.source_path, config.root)).as_posix()


def load_published(config: SiteConfig, problems: list[Problem]) -> dict[str, str]:
    """The address of each article the last build published, by identity; {} when there
    is no record (a first build), or it is not one (a warning in `problems`)."""
    path = config.state_dir / PUBLISHED_RECORD
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):
        raw = None
    paths = raw.get("paths") if isinstance(raw, dict) and raw.get("version") == VERSION else None
    if not isinstance(paths, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in paths.items()):
        problems.append(ignored(path, "not a record of published addresses this digest wrote"))
        return {}
    return paths


@dataclass(frozen=True, slots=True)
class Move:
    """An article found at a new address: its file as read and with the old address added."""

    source_path: str
    old: str
    new: str
    before: bytes
    after: bytes


def find_moves(config: SiteConfig, articles: list[Article], published: dict[str, str], warnings: list[Problem]
               ) -> tuple[list[Article], list[Move]]:
    """`articles`, each one published elsewhere last time with that address added to its
    aliases (in memory: the file is written once the site is known to build), and the moves.
    An old address another article now holds gets no alias (that article is there), nor one
    that is no path of this site (the record is a file anyone may have written); a file that
    cannot take the line safely gets none either, and the curator is told what to add (at
    each build, until it is done: the record keeps the old address, see save_published)."""
    from digest.content import _alias, field_line

    held = {a.url for a in articles}
    out: list[Article] = []
    moves: list[Move] = []
    for article in articles:
        old = published.get(_key(config, article))
        if not old or old == article.url or old in article.aliases or old in held or _alias(old) != old:
            out.append(article)
            continue
        path = Path(article.source_path)
        try:
            before = path.read_bytes()
            text = frontmatter.with_field(before.decode("utf-8"), "aliases", _aliases_of(before) + [old])
        except (OSError, UnicodeDecodeError, ValueError):
            text = None
        if text is None:
            warnings.append(Problem(path, field_line(path, "aliases"), f"this story moved from /{old} to "
                                    f"/{article.url}, and its front matter cannot take the old address safely",
                                    f"add it to the story's aliases, like aliases: [\"{old}\"], so that it "
                                    "redirects", warning=True))
            out.append(article)
            continue
        moves.append(Move(article.source_path, old, article.url, before, text.encode("utf-8")))
        out.append(dataclasses.replace(article, aliases=(*article.aliases, old)))
    return out, moves


def write_moves(config: SiteConfig, moves: list[Move], warnings: list[Problem]) -> list[Path]:
    """Write each move's old address into its article's `aliases:` line, every other line as
    it was; return the files written. A file ingest wrote stays ingest's (not an edit of the
    curator's), and ingest's record keeps the address, for a file deleted to be ingested again."""
    from digest.content import field_line
    from digest.ingest.run import note_aliases

    written: list[Path] = []
    noted: list[tuple[str, str, str, str]] = []
    for move in moves:
        path = Path(move.source_path)
        try:
            if path.read_bytes() != move.before:
                raise OSError("changed while the site was being built")
            mode = path.stat().st_mode & 0o7777
            write_atomic(path, move.after)
            os.chmod(path, mode)  # a file the curator keeps private stays so
        except OSError as exc:
            warnings.append(Problem(path, field_line(path, "aliases"), f"this story moved from /{move.old} to "
                                    f"/{move.new}, and the old address could not be added to its aliases: "
                                    f"{getattr(exc, 'strerror', None) or exc}", "build again", warning=True))
            continue
        warnings.append(Problem(path, field_line(path, "aliases"), f"this story moved from /{move.old} to "
                                f"/{move.new}: its old address now redirects (added to aliases)", warning=True))
        written.append(path)
        rel = Path(os.path.relpath(path, config.articles_dir)).as_posix()
        noted.append((rel, hashlib.sha256(move.before).hexdigest(), hashlib.sha256(move.after).hexdigest(), move.old))
    if noted:
        note_aliases(config, noted)
    return written


def _aliases_of(data: bytes) -> list[str]:
    """The `aliases:` list the file holds now, as written (checked when the article was read)."""
    import yaml

    from digest.content import _alias

    parts = frontmatter.split(data.decode("utf-8").replace("\r\n", "\n"))
    try:
        meta = yaml.safe_load(parts[0]) if parts else None
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):
        raise ValueError("no front matter a line can be added to")
    value = meta.get("aliases") or []
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(a, str) and _alias(a) for a in value):
        raise ValueError("aliases")
    return value


def save_published(config: SiteConfig, articles: Sequence[Article], published: dict[str, str]) -> None:
    """Record where each published article is now (drafts are not published). One whose old
    address it neither holds nor redirects from keeps the old one: the move is seen again."""
    paths = {}
    for article in articles:
        if article.draft:
            continue
        key = _key(config, article)
        old = published.get(key)
        paths[key] = old if old and old != article.url and old not in article.aliases else article.url
    if paths != published:
        write_atomic(config.state_dir / PUBLISHED_RECORD,
                     json.dumps({"version": VERSION, "paths": paths}, ensure_ascii=False, sort_keys=True).encode())
