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
import json
import os
from collections.abc import Sequence
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


def follow_moves(config: SiteConfig, articles: list[Article], published: dict[str, str],
                 problems: list[Problem]) -> tuple[list[Article], list[Path]]:
    """`articles`, each one published elsewhere last time with that address among its
    aliases, written into its file; and the files written. An old address another article
    now holds gets no alias (that article is there), nor one a file cannot take safely
    (the curator is told to add it)."""
    from digest.content import _alias, field_line

    held = {a.url for a in articles}
    out: list[Article] = []
    written: list[Path] = []
    for article in articles:
        old = published.get(_key(config, article))
        if not old or old == article.url or old in article.aliases or old in held or _alias(old) != old:
            out.append(article)
            continue
        aliases = (*article.aliases, old)
        path = Path(article.source_path)
        try:
            text = path.read_bytes().decode("utf-8")
            new = frontmatter.with_field(text, "aliases", list(aliases))
            if new is not None:
                write_atomic(path, new.encode("utf-8"))
        except (OSError, UnicodeDecodeError):
            new = None
        line = field_line(path, "aliases")
        if new is None:
            problems.append(Problem(path, line, f"this story moved from /{old} to /{article.url}, and its "
                                    "front matter could not take the old address",
                                    f"add it to the story's aliases, like aliases: [\"{old}\"], so that it redirects",
                                    warning=True))
            out.append(article)
            continue
        problems.append(Problem(path, line, f"this story moved from /{old} to /{article.url}: "
                                "its old address now redirects (added to aliases)", warning=True))
        written.append(path)
        out.append(dataclasses.replace(article, aliases=aliases))
    return out, written


def save_published(config: SiteConfig, articles: Sequence[Article], published: dict[str, str]) -> None:
    """Record where each published article is now (drafts are not published)."""
    paths = {_key(config, a): a.url for a in articles if not a.draft}
    if paths != published:
        write_atomic(config.state_dir / PUBLISHED_RECORD,
                     json.dumps({"version": VERSION, "paths": paths}, ensure_ascii=False, sort_keys=True).encode())
