"""Stories, not duplicates: the versions of one news event (articles sharing a `story:`),
which of them leads, and lists that show one card per story.

The lead version is the one the curator marked `lead: true`, else the earliest posted in
the site's language, else the earliest posted.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

from digest.article import Article


class Coverage:
    """The versions of every story with more than one, lead first."""

    def __init__(self, articles: Iterable[Article], site_language: str) -> None:
        groups: dict[str, list[Article]] = {}
        for article in articles:
            if article.story:
                groups.setdefault(article.story, []).append(article)
        self.language = site_language
        self._versions: dict[str, tuple[Article, ...]] = {}  # by article url: all versions of its story
        self._others: dict[str, tuple[Article, ...]] = {}  # by article url: the versions but itself
        for versions in groups.values():
            if len(versions) > 1:
                ordered = tuple(sorted(versions, key=self.rank))
                self._versions.update((a.url, ordered) for a in ordered)

    def rank(self, article: Article) -> tuple[Any, ...]:
        """Leads sort first: the curator's pick, then the site's language, then the earliest."""
        return (not article.lead, article.language != self.language, article.date.timestamp(), article.url)

    def versions(self, article: Article) -> tuple[Article, ...]:
        """Every version of the article's story, lead first (the article alone if it has none)."""
        return self._versions.get(article.url, (article,))

    def others(self, article: Article) -> tuple[Article, ...]:
        others = self._others.get(article.url)
        if others is None:  # asked by every list that shows the story: made once
            others = self._others[article.url] = tuple(a for a in self.versions(article) if a is not article)
        return others

    def grouped(self, article: Article) -> bool:
        """Whether the article's story has other versions."""
        return article.url in self._versions

    def same_story(self, a: Article, b: Article) -> bool:
        return bool(a.story) and a.story == b.story and a.url in self._versions

    def cards(self, articles: Sequence[Article], by_oldest: bool = False) -> tuple[Article, ...]:
        """One article per story among `articles`, in the place of the story's first version
        there (its last, `by_oldest`: a list paged from its oldest end keeps a story where it
        first came, so a later version moves no page): the version that leads among those listed."""
        chosen: dict[str, Article] = {}
        order: list[str] = []
        versions = self._versions
        for article in (reversed(articles) if by_oldest else articles):
            key = article.story if article.url in versions else "\0" + article.url  # _story_key, inline: hot
            held = chosen.get(key)
            if held is None:
                order.append(key)
                chosen[key] = article
            elif self.rank(article) < self.rank(held):
                chosen[key] = article
        cards = tuple(chosen[k] for k in order)
        return cards[::-1] if by_oldest else cards

    def also(self, shown: Iterable[Article]) -> MappingProxyType[str, tuple[Article, ...]]:
        """For a page's cards: the other versions of each shown story that has them, by url."""
        return MappingProxyType({a.url: self.others(a) for a in shown if a.url in self._versions})

    def count(self, articles: Iterable[Article]) -> int:
        """How many stories `articles` are."""
        return len({self._story_key(a) for a in articles})

    def _story_key(self, article: Article) -> str:
        """Its story's id, or (alone) its own url: one key per story."""
        return article.story if article.url in self._versions else "\0" + article.url


def stories_of_day(articles: Sequence[Article], day: Any, site_language: str) -> list[tuple[Article, ...]]:
    """The stories with a version posted on `day`, each as all its versions (lead first), in
    the order of their lead's posting: what `digest stories DAY` shows the curator."""
    coverage = Coverage(articles, site_language)
    found = coverage.cards([a for a in articles if a.day == day])
    stories = [coverage.versions(a) for a in found]
    return sorted(stories, key=lambda versions: (versions[0].date.timestamp(), versions[0].url))
