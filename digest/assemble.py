"""Articles -> every page of the site, each an ordinary `Page` with a kind.

Front page and day editions, topic and tag pages, date archives, feeds,
sitemap: all are made here as data, and rendered later by one renderer.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from digest.article import Article
from digest.config import SiteConfig
from digest.content import field_line
from digest.coverage import Coverage
from digest.dates import build_time, long_date, month_name
from digest.editions import Intro
from digest.errors import DigestError, Problem
from digest.images import NO_PICTURES, SitePictures
from digest.search import Index as SearchIndex
from digest.search import plan as plan_search
from digest.slugs import stable_slug


@dataclass(frozen=True, slots=True, eq=False)
class Term:
    """A topic or a tag as pages show it: its name, where it lives, how many stories.

    One object per topic or tag in a build, so identity is equality (and hashing is cheap:
    assemble keys dicts by Terms tens of thousands of times)."""

    kind: str        # "topic", "tag" or "author"
    slug: str
    title: str
    url: str
    count: int
    feed_url: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class Link:
    """A topic, tag or author as a page that does not show its count names it: a Term
    without `count` (a count changes with every story, and a page's key holds all it is
    given; a template asking for it here fails, naming its line, rather than print 0)."""

    kind: str
    slug: str
    title: str
    url: str
    feed_url: str = ""


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where one page of a paginated list sits among its siblings. Page 0 is the list's own
    address, with its newest stories; pages 1, 2 ... hold fixed runs of stories counted from
    the oldest, so a page once full never changes as newer stories arrive (see _pages_of)."""

    number: int
    prev_url: str | None = None   # newer stories
    next_url: str | None = None   # older stories


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site. `url` is relative to the site root: `''` is the front page,
    a trailing `/` means `index.html` in that folder, anything else is a file name."""

    kind: str
    url: str
    template: str
    title: str
    context: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""
    lastmod: dt.datetime | None = None
    in_sitemap: bool = True

    @property
    def output_path(self) -> str:
        return self.url + "index.html" if self.url.endswith("/") or not self.url else self.url


@dataclass(frozen=True, slots=True)
class Site:
    """The whole site in memory: every page plus the lookups templates use."""

    config: SiteConfig
    pages: tuple[Page, ...]
    articles: tuple[Article, ...]
    topics: Mapping[str, Term]
    tags: Mapping[str, Term]     # by tag name as written in front matter
    pictures: SitePictures = NO_PICTURES  # the site's logo and default picture
    search: SearchIndex | None = None  # the search index's files, to make (see search.py)


def assemble(config: SiteConfig, articles: Sequence[Article], intros: Mapping[dt.date, Intro] | None = None,
             warnings: list[Problem] | None = None, pictures: SitePictures = NO_PICTURES,
             moved: frozenset[tuple[str, str]] = frozenset()) -> Site:
    """Lay out every page for `articles` (sorted newest first) and the curator's
    introductions to the day's editions; what the curator should know goes to `warnings`.
    `moved`: (article file, alias) the build found itself (see moves.py), not the curator's."""
    intros = intros or {}
    warnings = [] if warnings is None else warnings
    coverage = Coverage(articles, config.language)
    topics = _topic_terms(config, articles, coverage)
    tags = _name_terms(config, articles, "tag", lambda a: a.tags)
    authors = _name_terms(config, articles, "author", lambda a: a.authors)
    pages: list[Page] = []
    # pages that name a topic, tag or author without showing its count get it without one:
    # a count changes with each new story, and a page's key holds everything in its context
    pages += _article_pages(config, articles, _uncounted(topics), _uncounted(tags), _uncounted(authors), coverage)
    pages += _edition_pages(config, articles, _uncounted(topics), coverage, intros, warnings)
    pages += _archive_pages(config, articles, coverage)
    pages += _term_pages(config, articles, topics, "topic", lambda a: [a.topic], coverage)
    pages += _term_pages(config, articles, tags, "tag", lambda a: a.tags, coverage)
    pages += _term_pages(config, articles, authors, "author", lambda a: a.authors, coverage)
    pages += _index_pages(config, topics, tags, authors)
    pages += _feed_pages(config, articles, topics, authors, coverage)
    index = plan_search(articles, {slug: term.title for slug, term in topics.items()})
    pages += _search_pages(config, index)
    pages.append(Page("notfound", "404.html", "404.html", "Page not found", in_sitemap=False))
    sitemaps = _sitemap_pages(config, articles, pages)
    pages.append(Page("robots", "robots.txt", "robots.txt", "robots", in_sitemap=False, context=MappingProxyType(
        {"sitemaps": tuple(p.url for kind in ("sitemapindex", "newssitemap") for p in sitemaps if p.kind == kind)})))
    pages += sitemaps
    pages += _redirect_pages(config, articles, pages, moved, warnings)  # last: an old path may be no other file's
    pages.append(_headers_page(config))
    _refuse_collisions(config, pages)
    return Site(config, tuple(pages), tuple(articles), MappingProxyType(topics), MappingProxyType(tags), pictures,
                index)


def _uncounted(terms: Mapping[str, Term]) -> dict[str, Link]:
    """`terms` as Links (one object per Term still: spellings of a tag share it)."""
    plain = {id(t): link_of(t) for t in terms.values()}
    return {name: plain[id(t)] for name, t in terms.items()}


def link_of(term: Term) -> Link:
    return Link(term.kind, term.slug, term.title, term.url, term.feed_url)


_RESERVED = frozenset({"static", "images", "sitemaps", "_redirects", "_headers"})  # theme files, pictures, sitemaps, redirect rules


def _folders(path: str) -> list[str]:
    """The folders a file's path runs through (`a/b/c.html` -> `a`, `a/b`)."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _redirect_pages(config: SiteConfig, articles: Sequence[Article], pages: list[Page],
                    moved: frozenset[tuple[str, str]], warnings: list[Problem]) -> list[Page]:
    """A page at each path an article was published at before (its `aliases`), sending readers
    and crawlers to where it is now, and the same as 301 rules in `_redirects` (Netlify,
    Cloudflare Pages). An old path that another page or another article's alias holds is an
    error naming both files: one of them would silently win. For an old path the build found
    itself (`moved`) that is a warning: it redirects nowhere, and the build goes on."""
    taken: dict[str, Page] = {}
    folders: set[str] = set()
    claimed: dict[str, Article] = {}
    problems, redirects = [], []
    for article in reversed(articles):  # oldest first: the order of _redirects
        if not article.aliases:
            continue  # most stories
        path = Path(article.source_path)
        if not taken:  # laid out for the first alias only: most sites have none
            taken = {p.output_path: p for p in pages}
            folders = {f for path in taken for f in _folders(path)}
        for alias in article.aliases:
            page = Page("redirect", alias, "redirect.html", article.title, MappingProxyType({"target": article}),
                        in_sitemap=False)
            holder = taken.get(page.output_path)
            if holder is not None and holder.url == article.url:
                continue  # it is back at its old path: nothing to redirect
            if holder is not None:
                owner = holder.context.get("article") if holder.kind == "article" else None
                refusal = (f"the alias /{alias} is already "
                           + (f"the page of {Path(owner.source_path).name}" if owner else f"the {holder.kind} page"),
                           "remove the alias, or give that page another path")
            elif page.output_path.split("/", 1)[0] in _RESERVED or page.output_path in folders or any(
                    f in taken for f in _folders(page.output_path)) or page.output_path.startswith(
                    config.path_of("search")):  # the theme's files, the sitemaps, a page's folder, the search index
                refusal = (f"the alias /{alias} would stand where the site keeps its own files",
                           "give an old path of a story")
            elif (other := claimed.setdefault(page.output_path, article)) is not article:
                refusal = (f"the alias /{alias} is also an alias of {Path(other.source_path).name}",
                           "keep it in one of them")
            else:
                redirects.append(page)
                continue
            if (article.source_path, alias) in moved:
                warnings.append(Problem(path, field_line(path, "aliases"), f"this story moved from /{alias}, which "
                                        "cannot redirect: " + refusal[0].removeprefix(f"the alias /{alias} "),
                                        "nothing to do: that address now shows what it names", warning=True))
                continue
            problems.append(Problem(path, field_line(path, "aliases"), *refusal))
    if problems:
        raise DigestError(problems)
    rules = tuple((page.url, page.context["target"].url) for page in redirects)
    return [*redirects, Page("redirects", "_redirects", "redirects.txt", "Redirects",
                             MappingProxyType({"rules": rules}), in_sitemap=False)]


def _headers_page(config: SiteConfig) -> Page:
    """output/_headers (Netlify, Cloudflare Pages): the Cache-Control rules `digest deploy` sets,
    but the catch-all (hosts already revalidate what no rule names; their files combine
    every rule that matches, so a catch-all would add to the others), and the feeds' type."""
    from digest.headers import ATOM, feed_patterns, rules

    cache = tuple((pattern, value) for pattern, value in rules(config) if pattern != "*")
    return Page("headers", "_headers", "headers.txt", "Headers", MappingProxyType(
        {"cache": cache, "types": tuple((p, ATOM) for p in feed_patterns(config))}), in_sitemap=False)


SITEMAP_URLS = 50_000            # the protocol's limits for one sitemap file
SITEMAP_BYTES = 50 * 1024 * 1024
_URL_BYTES = 120                 # what a <url> entry adds to its address: tags, lastmod, indent
NEWS_HOURS, NEWS_URLS = 48, 1000  # Google News reads the last two days' stories, at most 1,000


def _sitemap_pages(config: SiteConfig, articles: Sequence[Article], pages: list[Page]) -> list[Page]:
    """`sitemap.xml`, an index of child sitemaps: one for each month's stories and days (a
    day's new stories change one of them, and the index), and one for the other pages, each
    split before the protocol's limits; and `news-sitemap.xml` for Google News."""
    groups: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        if not page.in_sitemap:
            continue
        when = page.context["article"].date if page.kind == "article" else \
            page.context.get("day") if page.kind == "day" else None
        groups[f"{when.year:04d}-{when.month:02d}" if when else "site"].append(page)
    children = []
    for name in sorted(groups, key=lambda n: (n != "site", n)):
        chunk: list[Page] = []
        size = 0
        parts: list[list[Page]] = [chunk]
        for page in groups[name]:
            entry = len(config.base_url) + len(page.url) + _URL_BYTES
            if len(chunk) == SITEMAP_URLS or size + entry > SITEMAP_BYTES - 1024:
                chunk, size = [], 0
                parts.append(chunk)
            chunk.append(page)
            size += entry
        for n, part in enumerate(parts, start=1):
            url = f"sitemaps/{name}.xml" if n == 1 else f"sitemaps/{name}-{n}.xml"
            lastmod = max((p.lastmod for p in part if p.lastmod), default=None)
            children.append(Page("sitemap", url, "sitemap.xml", "sitemap", MappingProxyType({"entries": tuple(part)}),
                                 lastmod=lastmod, in_sitemap=False))
    news = _news_sitemap(config, articles)  # none without stories: an empty one is no valid sitemap
    index = Page("sitemapindex", "sitemap.xml", "sitemapindex.xml", "sitemap index", MappingProxyType(
        {"sitemaps": tuple(children) + news}), in_sitemap=False)
    return [*children, *news, index]


def _news_sitemap(config: SiteConfig, articles: Sequence[Article]) -> tuple[Page, ...]:
    """The stories of the two days before the build: SOURCE_DATE_EPOCH when set, else the
    newest story (not the clock: the same content gives the same site, and a build with
    nothing new need not run)."""
    now = build_time() or max((a.date for a in articles), default=None)
    recent = tuple(a for a in articles if now and dt.timedelta(0) <= now - a.date <= dt.timedelta(hours=NEWS_HOURS))
    if not recent:
        return ()
    return (Page("newssitemap", "news-sitemap.xml", "news-sitemap.xml", "news sitemap",
                 MappingProxyType({"stories": recent[:NEWS_URLS]}),
                 lastmod=max(a.modified for a in recent[:NEWS_URLS]), in_sitemap=False),)


def _refuse_collisions(config: SiteConfig, pages: list[Page]) -> None:
    """Two pages at one path would silently overwrite each other (`paths: {archive: ""}`)."""
    seen: dict[str, Page] = {}
    problems = []
    for page in pages:
        other = seen.setdefault(page.output_path, page)
        if other is not page:
            problems.append(Problem(config.root / "site.yaml", config.line_of("paths"),
                                    f"the {page.kind} page '{page.title}' and the {other.kind} page "
                                    f"'{other.title}' would both be /{page.output_path}",
                                    "give each kind of page its own path under paths:"))
    if problems:
        raise DigestError(problems)


# --- terms ---------------------------------------------------------------------------

def _topic_terms(config: SiteConfig, articles: Sequence[Article], coverage: Coverage) -> dict[str, Term]:
    """Topics with their count of stories (a topic lists one card per story)."""
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[article.topic].append(article)
    pattern = config.path_of("topic")
    return {t.slug: Term("topic", t.slug, t.title, pattern.format(slug=t.slug), coverage.count(members[t.slug]),
                         pattern.format(slug=t.slug) + "feed.xml") for t in config.topics}


def _name_terms(config: SiteConfig, articles: Sequence[Article], kind: str,
                names_of: Callable[[Article], Iterable[str]]) -> dict[str, Term]:
    """Tags (or authors) by name; spellings that share a slug (`Mark Carney`, `mark carney`)
    share a page. An author's page has a feed: readers follow a reporter."""
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    stories: dict[str, int] = defaultdict(int)
    slug_of: dict[str, str] = {}
    for article in articles:
        slugs = set()
        for name in names_of(article):
            slug = slug_of.get(name) or slug_of.setdefault(name, stable_slug(name, kind))
            spellings[slug][name] += 1
            slugs.add(slug)
        for slug in slugs:  # a story counts once per tag, however many spellings it uses
            stories[slug] += 1
    pattern = config.path_of(kind)
    terms = {}
    for slug, names in spellings.items():
        order = list(names)  # first seen first: articles come newest first
        title = min(names, key=lambda n: (-names[n], order.index(n)))  # the most used spelling names the page
        url = pattern.format(slug=slug)
        term = Term(kind, slug, title, url, stories[slug], url + "feed.xml" if kind == "author" else "")
        terms.update({n: term for n in names})
    return terms


# --- articles ------------------------------------------------------------------------

def _article_pages(config: SiteConfig, articles: Sequence[Article], topics: dict[str, Link],
                   tags: dict[str, Link], authors: dict[str, Link], coverage: Coverage) -> list[Page]:
    by_topic = _chronological_by_topic(articles)
    related = _RelatedIndex(config.related, articles, tags, coverage)
    pages = []
    for at, article in enumerate(articles):
        siblings, index = by_topic[article.topic]
        position = index[article.url]
        context = {
            "article": article,
            "topic": topics[article.topic],
            "tags": tuple(dict.fromkeys(tags[t] for t in article.tags)),
            "authors": tuple(authors[name] for name in article.authors),
            "related": Related(related, len(articles) - 1 - at),
            "coverage": coverage.others(article),  # the other versions of its story
            "previous": _neighbour(siblings, position, -1, coverage),
            "next": _neighbour(siblings, position, 1, coverage),
        }
        # the page changes when another version does (its Other coverage): the sitemap says so
        pages.append(Page("article", article.url, "article.html", article.title, MappingProxyType(context),
                          article.summary, max(a.modified for a in coverage.versions(article))))
    return pages


def _neighbour(siblings: list[Article], position: int, step: int, coverage: Coverage) -> Article | None:
    """The next story in the topic before or after this one: a version of its own story is
    not the next story (it is under Other coverage)."""
    article = siblings[position]
    position += step
    while 0 <= position < len(siblings) and coverage.same_story(article, siblings[position]):
        position += step
    return siblings[position] if 0 <= position < len(siblings) else None


def _chronological_by_topic(articles: Sequence[Article]) -> dict[str, tuple[list[Article], dict[str, int]]]:
    lists: dict[str, list[Article]] = defaultdict(list)
    for article in reversed(articles):  # oldest first
        lists[article.topic].append(article)
    return {k: (v, {a.url: i for i, a in enumerate(v)}) for k, v in lists.items()}


RELATED_WINDOW = 6  # candidates per shared tag on each side in time: keeps this linear in stories


class _RelatedIndex:
    """Stories grouped by tag and topic, oldest first, from which each story's related
    stories are ranked: most shared tags, then same topic, then nearest in time; one version
    of each other story, none of its own (those are its other coverage)."""

    def __init__(self, count: int, articles: Sequence[Article], tags: Mapping[str, Term | Link],
                 coverage: Coverage) -> None:
        self.count = count
        self.coverage = coverage
        self.stories = list(reversed(articles))  # oldest first
        self.stamps = [a.date.timestamp() for a in self.stories]
        groups: dict[str, list[int]] = defaultdict(list)
        # per story: (the group, the story's place in it, weight) for each of its tags and its topic
        self.places: list[list[tuple[list[int], int, int]]] = []
        for i, article in enumerate(self.stories):
            places = []
            first: dict[str, int] = {}  # two spellings of one tag are one group, entered twice
            for key, weight in [*(("tag:" + tags[n].slug, 3) for n in dict.fromkeys(article.tags)),
                                ("topic:" + article.topic, 1)]:
                members = groups[key]
                places.append((members, first.setdefault(key, len(members)), weight))
                members.append(i)
            self.places.append(places)

    def rank(self, i: int) -> tuple[Article, ...]:
        """The best related stories published before story `i` (a later one would rewrite this
        page each day it came; later versions of its own story are its other coverage)."""
        hits: list[int] = []  # each candidate once per shared topic, three times per shared tag
        for members, at, weight in self.places[i]:
            near = members[max(0, at - RELATED_WINDOW): at + 1]  # earlier stories only: see rank
            hits += near * weight
        scores = Counter(hits)  # counted in C: this runs for every story
        scores.pop(i, None)
        stamp, stamps, stories, coverage = self.stamps[i], self.stamps, self.stories, self.coverage
        if coverage.grouped(stories[i]):
            for j in [j for j in scores if coverage.same_story(stories[i], stories[j])]:
                del scores[j]
        if not scores or not self.count:
            return ()
        # only stories scoring at least the n-th best score can be among the n best
        floor = sorted(scores.values(), reverse=True)[: self.count][-1]
        ranked = sorted([(-score, abs(stamps[j] - stamp), stories[j].url, j)
                         for j, score in scores.items() if score >= floor])
        picked = coverage.cards([stories[r[3]] for r in ranked])  # one card per story, where its best stands
        if len(picked) < min(self.count, len(ranked)) and len(ranked) < len(scores):  # versions took places
            ranked = sorted([(-score, abs(stamps[j] - stamp), stories[j].url, j) for j, score in scores.items()])
            picked = coverage.cards([stories[r[3]] for r in ranked])
        return picked[: self.count]


class Related(Sequence[Article]):
    """A story's related stories, ranked when first read. Ranking is half of assembling a
    big site; read first in the render workers, it is spread over every core."""

    __slots__ = ("_index", "_at", "_stories")

    def __init__(self, index: _RelatedIndex, at: int) -> None:
        self._index, self._at = index, at
        self._stories: tuple[Article, ...] | None = None

    @property
    def stories(self) -> tuple[Article, ...]:
        if self._stories is None:
            self._stories = self._index.rank(self._at)
            self._index = None  # type: ignore[assignment]  # ranked: the index may go once all are
        return self._stories

    def __getitem__(self, i: Any) -> Any:
        return self.stories[i]

    def __len__(self) -> int:
        return len(self.stories)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.stories)

    def __eq__(self, other: object) -> bool:
        return self.stories == (other.stories if isinstance(other, Related) else other)

    def __hash__(self) -> int:
        return hash(self.stories)

    def __add__(self, other: Iterable[Article]) -> tuple[Article, ...]:
        return self.stories + tuple(other)

    def __radd__(self, other: Iterable[Article]) -> tuple[Article, ...]:
        return tuple(other) + self.stories

    def __repr__(self) -> str:
        return f"Related({self.stories!r})"


# --- front page and editions ---------------------------------------------------------

def lead_story(stories: Iterable[Article]) -> Article:
    """The day's lead: the curator's `lead: true` (the earliest posted, if two say so), else the
    story with most tags (most people and bodies involved), then the earliest posted. Not the
    longest: then an edit to a body could change every edition page."""
    return min(stories, key=lambda a: (not a.lead, -len(a.tags) if not a.lead else 0, a.date.timestamp(), a.url))


def _edition(config: SiteConfig, day: dt.date, stories: Sequence[Article], topics: dict[str, Link],
             coverage: Coverage, intro: Intro | None) -> dict[str, Any]:
    """A day's edition of `stories` (one card per story): the lead first, from the stories on
    the front when there are some, then the rest by topic, each topic's in the curator's
    order (`weight`, higher first), then newest first."""
    lead = lead_story([a for a in stories if a.front] or stories)
    ordered = sorted(stories, key=lambda a: -a.weight)  # stable: newest first within a weight
    groups = []
    for topic in config.topics:
        members = tuple(a for a in ordered if a.topic == topic.slug and a is not lead)
        if members:
            groups.append((topics[topic.slug], members))
    return {"lead": lead, "groups": tuple(groups), "edition_day": day, "count": len(stories),
            "also": coverage.also(stories), "intro": intro}


def _curation_warnings(day: dt.date, articles: Sequence[Article], cards: Sequence[Article], lead: Article,
                       warnings: list[Problem]) -> None:
    """What the curator set and the edition cannot show: a second lead, and fields on a
    version of a story another version leads (the edition shows that one)."""
    shown = {a.url for a in cards}
    for article in articles:
        if not (article.lead or article.comment or article.weight or not article.front):
            continue  # nothing the curator set (most stories)
        path = Path(article.source_path)
        if article.lead and article is not lead:
            warnings.append(Problem(path, field_line(path, "lead"),
                                    f"a second lead on {day.isoformat()}: {Path(lead.source_path).name} leads the "
                                    "edition", "keep `lead: true` on one story a day", warning=True))
        if article.url in shown:
            continue
        card = next(c for c in cards if c.story == article.story)  # the version shown for its story
        for key, set_ in (("comment", bool(article.comment)), ("weight", article.weight != 0),
                          ("front", not article.front)):
            if set_:
                warnings.append(Problem(path, field_line(path, key),
                                        f"'{key}' is on a version the edition does not show: its story's lead, "
                                        f"{Path(card.source_path).name}, stands for it",
                                        "move it there, or set `lead: true` here", warning=True))


def _day_url(config: SiteConfig, day: dt.date) -> str:
    return config.path_of("day").format(year=f"{day.year:04d}", month=f"{day.month:02d}", day=f"{day.day:02d}")


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """Where a redirect page sends its reader: a list's first page (see _next_page)."""

    url: str
    title: str
    language: str


def _next_page(config: SiteConfig, base: str, title: str, pages: list[tuple[str, tuple[Article, ...], Pagination]]
               ) -> list[Page]:
    """The number after a list's newest numbered page, until its run is full: a page sending
    readers to the list's first page. Lists were once numbered from their newest end, up to
    this number, so every address they had still leads somewhere."""
    numbered = [p.number for _, _, p in pages if p.number]
    if not numbered:
        return []
    url = base + config.path_of("page").format(n=max(numbered) + 1)
    return [Page("listredirect", url, "redirect.html", title, MappingProxyType(
        {"target": Elsewhere(base, title, config.language)}), in_sitemap=False)]


def _pages_of(config: SiteConfig, base: str, stories: Sequence[Article], first: Sequence[Article] | None = None
              ) -> list[tuple[str, tuple[Article, ...], Pagination]]:
    """A list of `stories` (newest first) as its pages: (address, stories, pagination).

    The list's own address shows the newest `per_page` stories. Numbered pages hold fixed
    runs of `per_page` stories counted from the oldest (page 1: the oldest), published once
    full and never changed by newer stories after that, so a day's new stories rewrite the
    first page of each list they join and seldom anything else. The stories newer than the
    last full run are on the first page; a run the first page shows whole has no page yet.
    `first`: what the first page draws its newest from, when not `stories` (the front page
    leaves out the stories its edition shows; the runs keep them, so that none moves)."""
    size, count = config.per_page, len(stories)
    numbered = [n for n in range(1, count // size + 1) if count - (n - 1) * size > size]

    def url(n: int) -> str:
        return base + config.path_of("page").format(n=n)
    newest = numbered[-1] if numbered else 0
    pages = [(base, tuple((stories if first is None else first)[:size]),
              Pagination(0, None, url(newest) if newest else None))]
    for n in reversed(numbered):
        run = tuple(stories[count - n * size: count - (n - 1) * size])
        pages.append((url(n), run, Pagination(n, url(n + 1) if n < newest else base, url(n - 1) if n > 1 else None)))
    return pages


EMAIL_HTML, EMAIL_TEXT, EDITIONS_FEED = "email.html", "email.txt", "editions.xml"


def _edition_pages(config: SiteConfig, articles: Sequence[Article], topics: dict[str, Link],
                   coverage: Coverage, intros: Mapping[dt.date, Intro], warnings: list[Problem]) -> list[Page]:
    """Day pages (every story of the day), and the edition of each day by email and on the
    front page: its stories less those the curator kept off the front (`front: false`)."""
    days: dict[dt.date, list[Article]] = defaultdict(list)
    for article in articles:
        days[article.day].append(article)
    for day, intro in sorted(intros.items()):
        if day not in days:
            warnings.append(Problem(intro.path, 1, f"no story is dated {day.isoformat()}: this introduction is "
                                    "shown nowhere", "check the file's name (YYYY-MM-DD.md)", warning=True))
    ordered = sorted(days)
    pages = []
    editions: dict[dt.date, dict[str, Any]] = {}
    fronts: dict[dt.date, tuple[Article, ...]] = {}
    off: set[str] = set()  # stories (or articles alone) kept off the front by their card
    for i, day in enumerate(ordered):
        cards = coverage.cards(days[day])
        edition = _edition(config, day, cards, topics, coverage, intros.get(day))
        _curation_warnings(day, days[day], cards, edition["lead"], warnings)
        front = tuple(a for a in cards if a.front)
        off.update(a.story or a.url for a in cards if not a.front)
        if front:
            fronts[day] = front
            editions[day] = edition if len(front) == len(cards) else \
                _edition(config, day, front, topics, coverage, intros.get(day))
        context = {"edition": edition, "day": day, "also": edition["also"],
                   "month_url": config.path_of("month").format(year=f"{day.year:04d}", month=f"{day.month:02d}"),
                   "previous_day": (ordered[i - 1], _day_url(config, ordered[i - 1])) if i else None,
                   "next_day": (ordered[i + 1], _day_url(config, ordered[i + 1])) if i + 1 < len(ordered) else None}
        pages.append(Page("day", _day_url(config, day), "day.html", long_date(day),
                          MappingProxyType(context), f"The stories of {day.isoformat()}",
                          max(a.modified for a in days[day])))
    emails = []
    for day, edition in editions.items():
        url = _day_url(config, day)
        email = MappingProxyType({"edition": edition, "day": day, "day_url": url, "also": edition["also"],
                                  "updated": max(a.modified for a in fronts[day])})
        emails.append(email)
        pages.append(Page("email", url + EMAIL_HTML, "email.html", long_date(day), email, in_sitemap=False))
        pages.append(Page("emailtext", url + EMAIL_TEXT, "email.txt", long_date(day), email, in_sitemap=False))
    pages.append(Page("editions", EDITIONS_FEED, "editions.xml", config.title, MappingProxyType(
        {"editions": tuple(reversed(emails[-config.feed_size:]))}), in_sitemap=False))
    shown = [a for a in articles if (a.story or a.url) not in off] if off else articles
    if not editions:
        return pages + [Page("home", "", "home.html", config.title, MappingProxyType(
            {"edition": None, "stories": (), "pagination": Pagination(0)}), config.description)]
    latest = max(editions)
    edition = editions[latest]
    in_edition = {a.story for a in fronts[latest] if a.story}  # a story the edition shows is not shown again
    earlier = coverage.cards([a for a in shown if a.day != latest], by_oldest=True)
    fresh = [a for a in earlier if not (a.story and a.story in in_edition)]  # not shown twice on the front
    runs = _pages_of(config, "", earlier, fresh)
    pages += _next_page(config, "", config.title, runs)
    for url, chunk, pagination in runs:
        first = pagination.number == 0  # the front page: the edition, then the newest earlier stories
        context = {"edition": edition if first else None, "stories": chunk, "pagination": pagination,
                   "day_url": _day_url(config, latest) if first else "",
                   "also": MappingProxyType({**(edition["also"] if first else {}), **coverage.also(chunk)})}
        title = config.title if first else f"{config.title}, page {pagination.number}"
        pages.append(Page("home", url, "home.html", title, MappingProxyType(context), config.description,
                          max(a.modified for a in (*chunk, *(fronts[latest] if first else ())))))
    return pages


# --- archives ------------------------------------------------------------------------

def _archive_pages(config: SiteConfig, articles: Sequence[Article], coverage: Coverage) -> list[Page]:
    """Month, year and archive pages: one card per story on each day, as day pages show them,
    and counts of stories."""
    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        months[(article.date.year, article.date.month)].append(article)
    pages = []
    years: dict[int, list[tuple[dt.date, str, int]]] = defaultdict(list)
    for (year, month), stories in sorted(months.items(), reverse=True):
        first = dt.date(year, month, 1)
        url = config.path_of("month").format(year=f"{year:04d}", month=f"{month:02d}")
        days: dict[dt.date, list[Article]] = defaultdict(list)
        for article in stories:
            days[article.day].append(article)
        day_list = tuple((d, _day_url(config, d), coverage.cards(days[d])) for d in sorted(days, reverse=True))
        count = sum(len(cards) for _, _, cards in day_list)
        pages.append(Page("month", url, "month.html", month_name(first), MappingProxyType(
            {"month": first, "days": day_list, "count": count,
             "also": coverage.also(a for _, _, cards in day_list for a in cards),
             "year_url": config.path_of("year").format(year=f"{year:04d}")}),
            f"{count} stories in {month_name(first)}", max(a.modified for a in stories)))
        years[year].append((first, url, count))
    year_list = []
    for year, month_list in sorted(years.items(), reverse=True):
        url = config.path_of("year").format(year=f"{year:04d}")
        count = sum(n for _, _, n in month_list)
        pages.append(Page("year", url, "year.html", str(year), MappingProxyType(
            {"year": year, "months": tuple(month_list), "count": count}), f"{count} stories in {year}"))
        year_list.append((year, url, count, tuple(month_list)))
    pages.append(Page("archive", config.path_of("archive"), "archive.html", "Archive", MappingProxyType(
        {"years": tuple(year_list), "count": sum(y[2] for y in year_list)}), "Every story, by year and month"))
    return pages


# --- topics and tags -----------------------------------------------------------------

def _term_pages(config: SiteConfig, articles: Sequence[Article], terms: dict[str, Term], kind: str,
                keys: Any, coverage: Coverage) -> list[Page]:
    """A page per topic (one card per story), per tag and per author (one per article, its
    other versions marked)."""
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for term in dict.fromkeys(terms[k] for k in keys(article)):
            members[term.slug].append(article)
    pages = []
    for term in dict.fromkeys(terms.values()):
        stories = coverage.cards(members[term.slug], by_oldest=True) if kind == "topic" else members[term.slug]
        if not stories and kind != "topic":
            continue
        about = "by" if kind == "author" else "about"
        fixed = dataclasses.replace(term, count=0)  # a numbered page shows no count: it would change daily
        runs = _pages_of(config, term.url, stories)
        pages += _next_page(config, term.url, term.title, runs)
        for url, chunk, pagination in runs:
            first = pagination.number == 0
            title = term.title if first else f"{term.title}, page {pagination.number}"
            if first:
                description = f"{term.count} stories {about} {term.title}"
            else:
                days = [a.day for a in chunk]
                description = f"Stories {about} {term.title}, {min(days).isoformat()} to {max(days).isoformat()}"
            pages.append(Page(kind, url, "list.html", title, MappingProxyType(
                {"term": term if first else fixed, "stories": chunk, "pagination": pagination,
                 "also": coverage.also(chunk)}), description,
                max((a.modified for a in chunk), default=None), in_sitemap=bool(chunk)))
    return pages


def _index_pages(config: SiteConfig, topics: dict[str, Term], tags: dict[str, Term],
                 authors: dict[str, Term]) -> list[Page]:
    def by_name(terms: dict[str, Term]) -> tuple[Term, ...]:
        return tuple(sorted(dict.fromkeys(terms.values()), key=lambda t: (t.title.lower(), t.slug)))
    return [
        Page("topics", config.path_of("topics"), "terms.html", "Topics",
             MappingProxyType({"terms": tuple(topics.values()), "term_kind": "topic"}), "Every topic"),
        Page("tags", config.path_of("tags"), "terms.html", "Tags",
             MappingProxyType({"terms": by_name(tags), "term_kind": "tag"}), "Every tag"),
        Page("authors", config.path_of("authors"), "terms.html", "Authors",
             MappingProxyType({"terms": by_name(authors), "term_kind": "author"}), "Every author"),
    ]


def _search_pages(config: SiteConfig, index: SearchIndex) -> list[Page]:
    """The search page; its index's files are made by publish (see search.py)."""
    return [Page("search", config.path_of("search"), "search.html", "Search",
                 MappingProxyType({"settings": index.settings}), "Search every story", in_sitemap=False)]


def _feed_pages(config: SiteConfig, articles: Sequence[Article], topics: dict[str, Term],
                authors: dict[str, Term], coverage: Coverage) -> list[Page]:
    """Feeds keep an entry per article; one that is a version of a story links the others."""
    latest = max((a.modified for a in articles[: config.feed_size]), default=None)

    def feed(url: str, title: str, stories: Sequence[Article], html_url: str) -> Page:
        chosen = tuple(stories[: config.feed_size])
        updated = max((a.modified for a in chosen), default=latest)  # an empty topic's: when the site last changed
        return Page("feed", url, "feed.xml", title, MappingProxyType(
            {"stories": chosen, "html_url": html_url, "updated": updated, "also": coverage.also(chosen)}),
            in_sitemap=False)

    pages = [feed("feed.xml", config.title, articles, "")]
    for term in topics.values():
        pages.append(feed(term.feed_url, f"{config.title}: {term.title}",
                          [a for a in articles if a.topic == term.slug], term.url))
    by_author: dict[Term, list[Article]] = defaultdict(list)
    for article in articles:
        for term in dict.fromkeys(authors[name] for name in article.authors):
            by_author[term].append(article)
    for term, written in by_author.items():
        pages.append(feed(term.feed_url, f"{config.title}: {term.title}", written, term.url))
    return pages
