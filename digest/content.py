"""Articles: content/articles/**/*.md read into typed `Article`s, bodies rendered to HTML.

Markdown is rendered without raw HTML (markdown-it's `js-default` preset) and
with markdown-it's link check, which refuses `javascript:`, `vbscript:`,
`file:` and `data:` URLs; the rendered body is the only HTML a template
marks safe.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import time
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from digest import frontmatter
from digest.article import Article, FrozenDict, alone
from digest.body_html import curator_renderer, local_links, markdown_renderer, render_body
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.images import reference_problem
from digest.parallel import Progress, map_batches
from digest.scan import FileStat, markdown_files
from digest.slugs import SLUG_RE_TEXT, is_reserved, stable_slug
from digest.text import clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_TITLE = 1000  # characters: the longest wire headlines are under 200
MAX_COMMENT = 2000  # characters: a few sentences of the curator's, shown on the edition's cards
MAX_WEIGHT = 1_000_000  # beyond any order a curator means; keeps the cache's JSON numbers exact

KNOWN_FIELDS = ("title", "date", "updated", "authors", "source", "dateline", "topic", "tags", "summary",
                "slug", "raw", "credits", "draft", "language", "notes", "story", "lead", "weight", "front",
                "comment", "id", "aliases", "image", "image_alt")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_SLUG = re.compile(SLUG_RE_TEXT)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)


def load_articles(config: SiteConfig, include_drafts: bool, use_cache: bool = True,
                  files: list[FileStat] | None = None, warnings: list[Problem] | None = None,
                  progress: Progress | None = None) -> list[Article]:
    """Every article under content/articles/, sorted newest first; raise with all problems.

    `files` is the build's scan of the folder (taken now when not given).
    Articles whose file is unchanged since the last build come from the cache;
    the others are parsed, on every core when there are many. A cache that cannot
    be used adds its warning to `warnings`.
    """
    from digest.article_cache import ArticleCache

    cache = ArticleCache.load(config) if use_cache else ArticleCache.empty(config)
    if cache.problem is not None and warnings is not None:
        warnings.append(cache.problem)
    files = markdown_files(config.articles_dir) if files is None else files
    found, todo = cache.lookup(files)
    problems: list[Problem] = []
    # stored with the stat taken before reading: a save during parsing is parsed again next
    # time; a file saved less than a tick before its reading began is checked by its hash
    read_at = time.time_ns()
    for stat, outcome in zip(todo, parse_articles(config, [Path(name) for name, _, _ in todo], progress),
                             strict=True):
        if isinstance(outcome, Article):
            found[stat[0]] = outcome
            cache.store(stat, outcome, read_at)
        else:
            problems.extend(outcome)
    try:
        cache.save(keep=files)
    except OSError as exc:  # a cache is an optimisation: the build goes on without it
        if warnings is not None:
            warnings.append(Problem(cache.folder, 1, f"the article cache was not saved: {exc.strerror or exc}",
                                    "the next build parses every article again; check the disk", warning=True))
    articles = [a for a in found.values() if include_drafts or not a.draft]
    problems.extend(_url_collisions(articles))
    if problems:
        raise DigestError(problems)
    articles.sort(key=lambda a: (-a.date.timestamp(), a.url))
    articles = _without_twin_ids(articles, warnings)
    return articles


def field_line(path: Path, key: str) -> int:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1
    parts = frontmatter.split(text)
    return frontmatter.line_of(parts[0], key) if parts else 1


PARALLEL_FROM = 300  # fewer files than this parse faster than worker processes start


def parse_articles(config: SiteConfig, paths: list[Path], progress: Progress | None = None
                   ) -> list[Article | list[Problem]]:
    """Each file's Article, or its problems."""
    if not paths:
        return []  # all cached: not even markdown-it needs loading
    return map_batches(_parse_batch, paths, PARALLEL_FROM, config, progress=progress, stage="read")


def _parse_batch(config: SiteConfig, paths: list[Path]) -> list[Article | list[Problem]]:
    md = markdown_renderer()
    topics = {t.slug for t in config.topics}
    out: list[Article | list[Problem]] = []
    for path in paths:
        try:
            out.append(read_article(path, config, md, topics))
        except DigestError as exc:
            out.append(exc.problems)
    return out


def read_article(path: Path, config: SiteConfig, md: MarkdownIt, topics: set[str]) -> Article:
    data = path.read_bytes()
    try:
        text = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DigestError([Problem(path, 1, "not UTF-8 text", "save the file as UTF-8")]) from None
    parts = frontmatter.split(text)
    if parts is None:
        raise DigestError([Problem(path, 1, "no front matter", "start the file with a `---` line, "
                                   "the fields, and another `---` line")])
    yaml_text, body, _ = parts
    meta = frontmatter.read(yaml_text)  # front matter as ingest writes it, read without YAML
    try:
        if meta is None:
            meta = yaml.load(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DigestError([Problem(path, (mark.line + 2) if mark else 1,
                                   f"front matter is not valid YAML: {exc.problem}")]) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates as it parses: 2025-02-30 fails here, not in validation
        raise DigestError([Problem(path, _first_date_line(yaml_text), f"front matter has an impossible value: {exc}",
                                   "check the dates: write them like 2025-03-28T11:09:00-04:00")]) from None
    if not isinstance(meta, dict):
        raise DigestError([Problem(path, 2, "front matter must be `key: value` lines")])
    return _article(path, meta, yaml_text, body, config, md, topics, hashlib.sha1(data).hexdigest())


def _first_date_line(yaml_text: str) -> int:
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if re.match(r"^\w+:\s*\d{4}-\d", line):
            return number
    return 1


def _article(path: Path, meta: dict, yaml_text: str, body: str, config: SiteConfig, md: MarkdownIt,
             topics: set[str], source_hash: str) -> Article:
    problems: list[Problem] = []

    def bad(key: str, message: str, hint: str = "") -> None:
        problems.append(Problem(path, frontmatter.line_of(yaml_text, key), message, hint))

    keys = _TOP_KEY.findall(yaml_text)
    for key in {k for k in keys if keys.count(k) > 1}:
        bad(key, f"duplicate field '{key}'", "keep only one")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("title", "'title' is missing or empty", "add `title: \"...\"`")
        title = ""
    elif len(title) > MAX_TITLE:  # a whole story pasted into the headline, say: every list would carry it
        bad("title", f"'title' is {len(title):,} characters long; a headline has at most {MAX_TITLE}",
            "shorten it; the story's text goes below the front matter")
    date = _datetime(meta.get("date"), config)
    if date is None:
        bad("date", *_why_not_a_time("date", meta.get("date")))
    updated = _datetime(meta.get("updated"), config) if meta.get("updated") is not None else None
    if meta.get("updated") is not None and updated is None:
        bad("updated", *_why_not_a_time("updated", meta.get("updated")))
    topic = meta.get("topic", config.default_topic)
    if not isinstance(topic, str) or topic not in topics:
        bad("topic", f"unknown topic {topic!r}", "use one of: " + ", ".join(sorted(topics)))
    texts = {}
    for key in ("source", "dateline", "summary", "raw"):
        value = meta.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            bad(key, f"'{key}' must be text")
            value = str(value)
        texts[key] = clean_text(value).strip()
    language = meta.get("language") or config.language
    if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
        bad("language", f"'language' must be a language code like en or fr, not {language!r}")
        language = config.language
    lists = {}
    for key in ("authors", "tags", "credits", "notes"):
        value = meta.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            bad(key, f"'{key}' must be a list like [A, B]")
            value = []
        lists[key] = tuple(clean_text(str(v)).strip() for v in value if clean_text(str(v)).strip())
    if config.ignore_tags:  # banned in site.yaml: no tag page, even from a story tagged before the ban
        banned = {t.casefold() for t in config.ignore_tags}
        lists["tags"] = tuple(t for t in lists["tags"] if t.casefold() not in banned)
    flags = {}
    for key, default in (("draft", False), ("lead", False), ("front", True)):
        flags[key] = meta.get(key, default)
        if not isinstance(flags[key], bool):
            bad(key, f"'{key}' must be true or false")
            flags[key] = default
    weight = meta.get("weight", 0)
    if weight is None:
        weight = 0
    if isinstance(weight, bool) or not isinstance(weight, int) or abs(weight) > MAX_WEIGHT:
        bad("weight", f"'weight' must be a whole number (higher comes first), not {weight!r}",
            f"use a number between -{MAX_WEIGHT} and {MAX_WEIGHT}")
        weight = 0
    comment = meta.get("comment") or ""
    if not isinstance(comment, str):
        bad("comment", "'comment' must be text", 'quote it: comment: "Why it matters: ..."')
        comment = ""
    comment = clean_text(comment).strip()
    if len(comment) > MAX_COMMENT:
        bad("comment", f"'comment' is {len(comment):,} characters long; a comment has at most {MAX_COMMENT}",
            "keep it to a few sentences; longer words belong in an edition's introduction")
    comment_html = curator_renderer().render(comment) if comment else ""
    for link in local_links(comment_html):
        bad("comment", f"'comment' links to {unescape(link)!r}, which is no full address",
            "write it in full, like https://example.org/2025/03/28/story/: cards, pages and emails show it")
    story = meta.get("story")
    if story is not None and (isinstance(story, bool) or not isinstance(story, (str, int, float, dt.date))):
        # `story: no` is YAML's false: it would join every article so written into one story
        bad("story", f"'story' must be text: the id other versions of the story share, not {story!r}",
            "quote it, or write `story: none` to keep this article alone")
        story = None
    story = "" if story is None or alone(str(story)) else clean_text(str(story)).strip()
    permanent = meta.get("id") or ""
    if not isinstance(permanent, str) or (permanent and not _PERMANENT_ID.fullmatch(permanent)):
        bad("id", f"'id' must be a URI without spaces, like tag:example.org,2025-03-28:story, not {permanent!r}",
            "it is the story's permanent id in feeds: keep the one ingest wrote")
        permanent = ""
    aliases = meta.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and _alias(a) is not None for a in aliases):
        bad("aliases", "'aliases' must be a list of paths of this site, like [2025/03/27/old-slug/]",
            "write each old path without the site's address, with no '..' in it")
        aliases = []
    aliases = list(dict.fromkeys(_alias(a) for a in aliases))
    image, image_alt = (meta.get(key) or "" for key in ("image", "image_alt"))
    problem = "must be text" if not isinstance(image, str) else reference_problem(image.strip()) if image else ""
    if problem:
        bad("image", f"'image': {problem}", "name a file saved in content/images/, like image: 2025/ferry.jpg")
        image = ""
    if not isinstance(image_alt, str):
        bad("image_alt", "'image_alt' must be text: what the picture shows")
        image_alt = ""
    image, image_alt = image.strip(), clean_text(image_alt).strip()
    slug = meta.get("slug") or stable_slug(title, "story")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        bad("slug", f"slug {slug!r} must be lowercase letters, digits and single dashes")
        slug = "invalid"
    elif is_reserved(slug):
        bad("slug", f"slug {slug!r} is a name Windows keeps for itself: the page could not be copied there",
            f"use {slug}-1 or another slug")
    if problems:
        raise DigestError(problems)
    assert date is not None
    html = render_body(md, body)
    extra = {k: v for k, v in meta.items() if k not in KNOWN_FIELDS}
    summary = texts["summary"] or _first_paragraph_text(body)
    return Article(str(path), clean_text(title).strip(), date, updated, lists["authors"], texts["source"], texts["dateline"],
                   topic, lists["tags"], summary, slug, texts["raw"], lists["credits"], flags["draft"], html,
                   len(body.split()), config.article_url(date, slug), source_hash, FrozenDict(extra),
                   language, lists["notes"], _has_time(meta.get("date")), _has_time(meta.get("updated")),
                   story, flags["lead"], weight, flags["front"], comment,
                   comment_html, permanent, tuple(a for a in aliases if a), image, image_alt)


def _has_time(value: Any) -> bool:
    """False for a date alone (`date: 2025-03-28`): the copy gave no clock time."""
    if isinstance(value, str):
        return "T" in value or " " in value.strip()
    return not (isinstance(value, dt.date) and not isinstance(value, dt.datetime))


def _why_not_a_time(key: str, value: Any) -> tuple[str, str]:
    """(message, hint) for a `date` or `updated` that is no time the site can show."""
    try:
        parsed = dt.datetime.fromisoformat(value.strip()) if isinstance(value, str) else value
    except ValueError:
        parsed = None
    if isinstance(parsed, dt.date):  # a real date, but at the edge of the calendar Python knows
        return (f"'{key}' {value} is too close to the year 1 or 9999 to show in the site's time zone",
                "use a date between the years 2 and 9998")
    return f"'{key}' must be a date and time like 2025-03-28T11:09:00-04:00, not '{value}'", ""


def _datetime(value: Any, config: SiteConfig) -> dt.datetime | None:
    try:
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value.strip())
        if isinstance(value, dt.datetime):
            aware = value if value.tzinfo else value.replace(tzinfo=config.zone)
            return aware.astimezone(config.zone)
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(0, 0), tzinfo=config.zone)
    except (ValueError, OverflowError):  # 0001-01-01 in a zone west of UTC, offsets past 24 h
        return None
    return None


def _first_paragraph_text(body: str) -> str:
    first = body.strip().split("\n\n", 1)[0]
    return " ".join(re.sub(r"\\(.)", r"\1", first).split())[:300]


_PERMANENT_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
# a path's characters that need no percent-encoding (RFC 3986 pchar), minus `%`: no space, `?`, `#`
_ALIAS = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@/-]+")


def _alias(path: str) -> str | None:
    """An old path as the site's pages are addressed (`2025/03/27/old/`, `old.html`), or None
    for one that could lead out of output/."""
    path = path.strip().lstrip("/")
    parts = path.split("/")
    if not _ALIAS.fullmatch(path) or ":" in parts[0] or "" in parts[:-1] or any(p.startswith(".") for p in parts):
        return None  # out of output/, a hidden file, or what no address or _redirects line can hold
    return path if path.endswith("/") or "." in parts[-1] else path + "/"  # a folder's page, as articles are


def _url_collisions(articles: list[Article]) -> list[Problem]:
    seen: dict[str, Article] = {}
    problems = []
    for article in articles:
        other = seen.setdefault(article.url, article)
        if other is not article:
            problems.append(Problem(Path(article.source_path), 1, f"same URL /{article.url} as {Path(other.source_path).name}",
                                    "give one of them another slug"))
    return problems


def _without_twin_ids(articles: list[Article], warnings: list[Problem] | None) -> list[Article]:
    """A copied file carries its original's id: feed readers would take the two for one story.
    The copy (the file whose path sorts later) is known by its URL instead, and the curator told."""
    first: dict[str, Article] = {}
    for article in sorted((a for a in articles if a.id), key=lambda a: a.source_path):
        first.setdefault(article.id, article)
    twins = {a.source_path for a in articles if a.id and first[a.id] is not a}
    if not twins:
        return articles
    for article in articles:
        if article.source_path in twins and warnings is not None:
            path = Path(article.source_path)
            warnings.append(Problem(path, field_line(path, "id"), f"same id as {Path(first[article.id].source_path).name}; "
                                    "its feeds know this one by its address", "remove the id: line from the copy",
                                    warning=True))
    return [dataclasses.replace(a, id="") if a.source_path in twins else a for a in articles]
