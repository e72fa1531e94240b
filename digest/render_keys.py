"""Render keys: a hash of everything a page's rendering reads (the page key), built on what
every page reads (the site key).

Templates see the page, the site view, the topics and their own files; a
page whose key matches the one recorded for its file is not rendered
again. An Article is identified by the hash of its Markdown file (plus the
configuration, which is part of every key), so editing one story
re-renders only the pages that show it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

from digest import walk
from digest.article import Article
from digest.assemble import Elsewhere, Link, Page, Pagination, Related, Site, Term
from digest.inputs import code_version


def _article_part(article: Article, memo: dict[int, str]) -> str:
    part = memo[id(article)] = f"A{article.source_hash}{article.url}{article.picture.digest if article.picture else ''}"
    return part


def _feed(value: Any, out: list[str], memo: dict[int, str]) -> None:
    # by exact type first: this runs half a million times in a 10,000-story build
    kind = type(value)
    if kind is Article:
        out.append(memo.get(id(value)) or _article_part(value, memo))
    elif kind is str:
        out.append("s" + value)
    elif kind is tuple or kind is list or kind is Related:
        out.append("(")
        for item in value:
            if type(item) is Article:  # a list of stories: the commonest sequence
                out.append(memo.get(id(item)) or _article_part(item, memo))
            else:
                _feed(item, out, memo)
        out.append(")")
    elif kind in _VALUES:  # Links, Terms, Paginations: frozen values with a full repr
        out.append(memo.get(id(value)) or memo.setdefault(id(value), repr(value)))
    elif kind is MappingProxyType:  # every page's context
        _feed_mapping(value, out, memo)
    else:
        _feed_other(value, out, memo)


def _feed_mapping(value: Any, out: list[str], memo: dict[int, str]) -> None:
    out.append("{")
    for key in sorted(value):
        out.append("k" + str(key))
        _feed(value[key], out, memo)
    out.append("}")


def _feed_other(value: Any, out: list[str], memo: dict[int, str]) -> None:
    """What `_feed` does for the rarer kinds, and for subclasses (Markup is a str)."""
    if isinstance(value, Article):
        out.append(memo.get(id(value)) or _article_part(value, memo))
    elif isinstance(value, str):
        out.append("s" + value)
    elif isinstance(value, (tuple, list, Related)):
        out.append("(")
        for item in value:
            _feed(item, out, memo)
        out.append(")")
    elif isinstance(value, (dict, MappingProxyType)):
        _feed_mapping(value, out, memo)
    elif isinstance(value, Page):  # a page another lists (a sitemap's entry): what it says of it, not its context
        out.append(f"P{value.kind}|{value.url}|{value.title}|{value.description}|{value.lastmod}")
    elif dataclasses.is_dataclass(value):  # Terms, Paginations: frozen values with a full repr
        out.append(memo.get(id(value)) or memo.setdefault(id(value), repr(value)))
    elif isinstance(value, (int, float, bool, dt.date, type(None))):
        out.append(repr(value))
    else:
        raise TypeError(f"cannot key {type(value).__name__}")  # a new kind of context value


_VALUES = frozenset({Link, Term, Pagination, Elsewhere})


def site_key(site: Site, template_dirs: list[Path], view: Any, topics: Any) -> str:
    """What every page depends on: templates, configuration, the site view and topics (as
    every page sees them: Renderer.topics)."""
    parts = [code_version(), repr(site.config), repr(view), repr(tuple(topics.items()))]
    for folder in template_dirs:
        for path in sorted(Path(entry.path) for entry in walk.files(folder)):
            parts.append(f"{path.relative_to(folder)}\0{path.read_bytes().hex()}")
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def page_key(page: Page, base: str, memo: dict[int, str]) -> str:
    """`base` (the site key) and everything in the page; `memo` keeps the part of
    each Article and Term (immutable, alive for the whole build) across the pages of one build."""
    out = [base, page.kind, page.url, page.template, page.title, page.description, repr(page.lastmod)]
    _feed(page.context, out, memo)
    return hashlib.sha1("\x1f".join(out).encode("utf-8", "surrogateescape")).hexdigest()
