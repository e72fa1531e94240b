"""The preview's site kept in memory, so that the common edit costs milliseconds.

Most edits during a preview change an article's words: its body, headline,
summary, source, dateline, notes or credits. Such an edit cannot move the article on
any list (where a story appears and what sits beside it depend on its date,
topic, tags, authors, slug and update time, which are as before), so only the pages
that show the article need rendering again: its own page, feeds, and the lists
that carry it. Any other change (those fields, new or deleted files, templates,
site.yaml) goes through a full build; tests prove both give byte-identical output.
"""
from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from digest import search
from digest.article import Article, FrozenDict
from digest.assemble import Page, Related, Site
from digest.body_html import markdown_renderer
from digest.config import SiteConfig
from digest.content import read_article
from digest.errors import DigestError, Problem
from digest.output import confined
from digest.render import Renderer, static_files


def _articles_in(value: Any, found: set[str], listed: set[str]) -> None:
    """Collect the URLs of the Articles in `value`, and of the article Pages (the sitemap's)."""
    if isinstance(value, Article):
        found.add(value.url)
    elif isinstance(value, Page) and value.kind == "article":
        listed.add(value.url)
    elif isinstance(value, (tuple, list, Related)):
        for item in value:
            _articles_in(item, found, listed)
    elif isinstance(value, (dict, MappingProxyType)):
        for item in value.values():
            _articles_in(item, found, listed)


def _swap(value: Any, new: dict[str, Article], pages: dict[str, Page]) -> Any:
    """`value` with every Article whose URL is in `new`, and every article Page in `pages`,
    replaced by its new version."""
    if isinstance(value, Article):
        return new.get(value.url, value)
    if isinstance(value, Page):
        return pages.get(value.url, value) if value.kind == "article" else value
    if isinstance(value, (tuple, Related)):
        return tuple(_swap(v, new, pages) for v in value)
    if isinstance(value, list):
        return [_swap(v, new, pages) for v in value]
    if isinstance(value, (dict, MappingProxyType)):
        swapped = {k: _swap(v, new, pages) for k, v in value.items()}
        return MappingProxyType(swapped) if isinstance(value, MappingProxyType) else swapped
    return value


def _shape(article: Article) -> Article:
    """Everything about an article that decides where it and its neighbours appear: all but
    its words, which pages only show (`assemble` never orders or groups by them)."""
    return dataclasses.replace(article, title="", summary="", source="", dateline="", credits=(), notes=(),
                               body_html="", words=0, source_hash="", extra=FrozenDict(), comment="",
                               comment_html="", image_alt="", picture=None)


@dataclass(slots=True)
class LiveSite:
    """A built site and, for each article, the pages that show it."""

    config: SiteConfig
    folder: Path
    site: Site
    renderer: Renderer
    shows: dict[str, list[int]]  # article URL -> indexes into site.pages of pages whose context holds it
    lists: dict[str, list[int]]  # article URL -> pages that list its page (the sitemap)
    own: dict[str, int]          # article URL -> its own page
    position: dict[str, int]     # article URL -> index in site.articles

    @classmethod
    def of(cls, site: Site, folder: Path) -> LiveSite:
        shows: dict[str, list[int]] = defaultdict(list)
        lists: dict[str, list[int]] = defaultdict(list)
        own = {}
        for index, page in enumerate(site.pages):
            found: set[str] = set()
            listed: set[str] = set()
            _articles_in(page.context, found, listed)
            for url in found:
                shows[url].append(index)
            for url in listed:
                lists[url].append(index)
            if page.kind == "article":
                own[page.url] = index
        position = {a.url: i for i, a in enumerate(site.articles)}
        return cls(site.config, folder, site, Renderer.for_site(site), shows, lists, own, position)

    def update_articles(self, paths: list[Path]) -> list[str] | None:
        """Re-read edited Markdown files; when only their words changed, re-render the pages
        that show them and return their output paths. None when the edit reaches further.
        Raises DigestError for a file that no longer reads."""
        by_source = {a.source_path: a for a in self.site.articles}
        new: dict[str, Article] = {}
        md = markdown_renderer()
        topics = {t.slug for t in self.config.topics}
        for path in paths:
            old = by_source.get(str(path))
            if old is None or not path.is_file():
                return None  # a new, deleted or draft article changes lists
            article = read_article(path, self.config, md, topics)
            if _shape(article) != _shape(old):
                return None
            new[old.url] = dataclasses.replace(article, picture=old.picture)  # the same file, read at the build
        pages = list(self.site.pages)
        touched = {i for url in new for i in self.shows.get(url, [])}
        new_pages: dict[str, Page] = {}  # an article's page carries its headline and summary, as assemble makes it
        for url, article in new.items():
            page = pages[self.own[url]]
            if (page.title, page.description) != (article.title, article.summary):
                new_pages[url] = dataclasses.replace(page, title=article.title, description=article.summary)
                touched.update(self.lists.get(url, []))
        for i in touched:
            page = new_pages.get(pages[i].url, pages[i]) if pages[i].kind == "article" else pages[i]
            pages[i] = dataclasses.replace(page, context=_swap(page.context, new, new_pages))
        articles = list(self.site.articles)
        for url, article in new.items():
            articles[self.position[url]] = article
        index = self.site.search
        index_files: list[tuple[str, bytes]] = []
        if index is not None:  # the search index holds the stories' words: the buckets of those that changed
            folder = self.config.path_of("search")
            index, index_files = search.edited(index, articles, lambda name: _read(self.folder, folder + name))
            index_files = [(folder + name, data) for name, data in index_files]
        self.site = dataclasses.replace(self.site, pages=tuple(pages), articles=tuple(articles), search=index)
        self.renderer = dataclasses.replace(self.renderer, site=self.site)
        self.renderer.fragments.clear()  # a theme's card may show what the edit changed (word counts)
        written = []
        for i in sorted(touched):
            page = self.site.pages[i]
            _write(self.folder, page.output_path, self.renderer.render(page))
            written.append(page.output_path)
        for rel, data in index_files:
            _write(self.folder, rel, data)
            written.append(rel)
        return written

    def update_static(self) -> list[str]:
        """Copy theme static files that changed (a stylesheet edit needs no page rendered)."""
        written = []
        for rel, source in static_files(self.config):
            data = source.read_bytes()
            target = confined(self.folder, rel)
            if not target.is_file() or target.read_bytes() != data:
                _write(self.folder, rel, data)
                written.append(rel)
        return written


def _read(folder: Path, rel: str) -> bytes | None:
    try:
        return confined(folder, rel).read_bytes()
    except (OSError, DigestError):
        return None


def _write(folder: Path, rel: str, data: bytes) -> None:
    """Replace one file atomically: the preview server may be reading it."""
    target = confined(folder, rel)
    if not target.parent.resolve().is_relative_to(folder.resolve()):  # a link planted in the preview
        raise DigestError([Problem(Path(rel), 1, "output path escapes the output folder",
                                   "delete the preview folder (.digest/preview/) and start again")])
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.live")
    tmp.write_bytes(data)
    os.replace(tmp, target)

