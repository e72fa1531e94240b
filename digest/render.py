"""Pages -> bytes, through the theme's Jinja templates (autoescaped everywhere).

A site's own `themes/<name>/templates/` overrides the default theme template
by template; `static/` files override the same way.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import posixpath
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import jinja2
from jinja2 import pass_context
from markupsafe import Markup, escape

from digest import dates, walk
from digest.article import Picture
from digest.assemble import EDITIONS_FEED, EMAIL_HTML, Page, Site, link_of
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.themes import theme_dirs


@dataclass(frozen=True, slots=True)
class SiteView:
    """What every template sees as `site`."""

    title: str
    description: str
    language: str
    base_url: str
    base_path: str
    topics: tuple[Any, ...]  # the topics that have stories, in site.yaml's order (see Renderer.topics)
    generated: dt.datetime | None
    urls: Any  # where the site-wide pages live: home, archive, topics, tags, search, feed
    curator: str  # the name signing the curator's comments
    logo: Any = None   # Picture | None: the masthead's and the publisher's
    image: Any = None  # Picture | None: shared for pages without a picture of their own
    image_alt: str = ""
    publisher_logo: Any = None  # Picture | None: in structured data


try:
    from markupsafe import _escape_inner  # markupsafe 3's escaping of a str, without the Markup around it
except ImportError:  # pragma: no cover - another markupsafe: templates keep Jinja's own `escape`
    _escape_inner = None  # type: ignore[assignment]


def _escape_text(value: Any) -> str:
    """markupsafe.escape, returning the escaped text as a plain str.

    Autoescaped templates call `escape` for every `{{ }}` and yield what it returns;
    wrapping each result in a Markup only for the page to be joined into a str costs
    about 15% of rendering. Jinja wraps everything a template keeps (macros, blocks,
    `set` blocks) in Markup itself, so the bytes are the same (the golden site holds them).
    """
    if value.__class__ is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


class _Template(jinja2.Template):
    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None) -> Any:
        template = super().from_code(environment, code, globals, uptodate)
        if _escape_inner is not None:  # every function of a compiled template shares this namespace
            template.root_render_func.__globals__["escape"] = _escape_text
        # Jinja keeps a ChainMap of template and environment globals and copies it, key by key
        # in Python, into every render's context; a dict copies in C. The globals are complete
        # before any template loads (Renderer.for_site) and never change during a build.
        template.globals = dict(template.globals)
        return template


class _Environment(jinja2.Environment):
    template_class = _Template


class _ThemeLoader(jinja2.FileSystemLoader):
    """A theme folder's templates by walk.py's rule: a hidden or linked template does not exist
    (it is none of the files the site's key covers, so an edit to it would go unseen)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        if not any(walk.counts(filename, folder) for folder in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def make_environment(config: SiteConfig) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([_ThemeLoader(str(d / "templates")) for d in theme_dirs(config)])
    env = _Environment(loader=loader, autoescape=True, auto_reload=False, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    strings = Strings.load(config)
    env.filters.update(link=_link, absolute=lambda url: config.base_url + url,
                       picture_url=lambda picture: picture_url(config, picture), og_locale=dates.og_locale,
                       long_date=_in_language(dates.long_date), long_datetime=_in_language(dates.long_datetime),
                       month_name=_in_language(dates.month_name), clock=_in_language(dates.clock),
                       language_name=_in_language(dates.language_name))
    env.globals.update(news_article_ld=lambda article, page, logo=None, authors=(): news_article_ld(
                           config, article, page, logo, authors),
                       epoch=dt.datetime(1970, 1, 1, tzinfo=dt.UTC), t=strings.translate,
                       notes_html=notes_html, page_title=strings.page_title, news_language=news_language,
                       page_description=strings.page_description)
    return env


def _in_language(format_date: Any) -> Any:
    """A date filter writing in the language of what is being rendered (`lang`), or the one given."""
    @pass_context
    def filter_(context: Any, value: Any, language: str | None = None) -> str:
        return format_date(value, language or context.get("lang") or "en")
    return filter_


@dataclass(frozen=True, slots=True)
class Strings:
    """The theme's interface strings, one table per language (`i18n/fr.yaml`): a site's theme
    overrides the default theme key by key, and a key missing in a language falls back to the
    site's language, then to English."""

    tables: dict[str, dict[str, str]]
    fallback: tuple[str, ...]

    @classmethod
    def load(cls, config: SiteConfig) -> Strings:
        import yaml

        tables: dict[str, dict[str, str]] = {}
        for theme in reversed(theme_dirs(config)):  # the default theme first, overrides after
            folder = theme / "i18n"
            for path in sorted(Path(e.path) for e in walk.files(folder) if e.name.endswith(".yaml")
                               and os.path.dirname(e.path) == str(folder)):
                try:
                    table = yaml.safe_load(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                    raise DigestError([Problem(path, getattr(getattr(exc, "problem_mark", None), "line", 0) + 1,
                                               f"cannot read the translation table: {exc}".split("\n")[0])]) from None
                if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                          for k, v in table.items()):
                    raise DigestError([Problem(path, 1, "a translation table must be `key: text` lines")])
                tables.setdefault(path.stem, {}).update(table)
        return cls(tables, tuple(dict.fromkeys((config.language, "en"))))

    def text(self, key: str, language: str) -> str:
        """The string `key` in `language`, else the site's, else English (else the key itself)."""
        for lang in (language, *self.fallback):
            text = self.tables.get(lang, {}).get(key)
            if text is not None:
                return text
        return key

    @pass_context
    def translate(self, context: Any, key: str, language: str | None = None, **fields: Any) -> str:
        """`t('posted')` in the language being rendered; `{name}` fields filled in (no format
        mini-language: a theme's string cannot reach into the values it is given)."""
        text = self.text(key, language or context.get("lang") or "en")
        for name, value in fields.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    # Pages whose title or description assemble writes in words: in the page's language here.
    _TITLES = {"notfound": "not_found", "archive": "archive", "topics": "topics", "tags": "tags",
               "authors": "authors", "search": "search"}

    @pass_context
    def page_title(self, context: Any, page: Page) -> str:
        """The page's title in its language (assemble's is the English one)."""
        lang = context.get("lang") or "en"
        if page.kind in self._TITLES:
            return self.translate(context, self._TITLES[page.kind])
        if page.kind == "day":
            return dates.long_date(context["day"], lang)
        if page.kind == "month":
            return dates.month_name(context["month"], lang)
        if page.kind == "home" and context["pagination"].number:
            return self.translate(context, "title_page", site=context["site"].title, n=context["pagination"].number)
        return page.title

    @pass_context
    def page_description(self, context: Any, page: Page) -> str:
        """The page's description in its language, like `page_title`."""
        if page.kind == "day":
            return self.translate(context, "desc_day", day=context["day"].isoformat())
        if page.kind == "month":
            return self.translate(context, "desc_month", n=context["count"],
                                  month=dates.month_name(context["month"], context.get("lang") or "en"))
        if page.kind == "year":
            return self.translate(context, "desc_year", n=context["count"], year=context["year"])
        pagination = context.get("pagination")
        if pagination is not None and pagination.number and context["stories"]:  # a numbered run: its dates
            lang = context.get("lang") or "en"
            days = sorted(a.day for a in context["stories"])
            term = context["term"].title if context.get("term") else context["site"].title
            return self.translate(context, "desc_run", term=term, first=dates.long_date(days[0], lang),
                                  last=dates.long_date(days[-1], lang))
        return page.description


def picture_url(config: SiteConfig, picture: Picture) -> str:
    """A picture's full address (share cards and structured data take no relative one)."""
    return config.base_url + picture.src if picture.local else picture.src


def _image_object(config: SiteConfig, picture: Picture) -> dict[str, Any]:
    size = {"width": picture.width, "height": picture.height} if picture.width else {}
    return {"@type": "ImageObject", "url": picture_url(config, picture), **size}


def news_article_ld(config: SiteConfig, article: Any, page: Page, logo: Picture | None = None,
                    authors: Sequence[Any] = ()) -> dict[str, Any]:
    """schema.org NewsArticle for an article page (the template serialises it with `tojson`,
    which escapes `<`, `>` and `&`, so no title can close the script element)."""
    topic = config.topic(article.topic)
    # each author's page (a theme that passes none gets names alone)
    pages_of_authors = list(authors) if len(authors) == len(article.authors) else [None] * len(article.authors)
    publisher = {"@type": "Organization", "name": config.publisher_name, "url": config.base_url,
                 **({"logo": _image_object(config, logo)} if logo else {})}
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "inLanguage": article.language,
        "datePublished": article.posted.isoformat(),  # a date alone when the copy gives no time
        "dateModified": (article.last_updated or article.posted).isoformat(),
        "author": [{"@type": "Person", "name": name, **({"url": config.base_url + term.url} if term else {})}
                   for name, term in zip(article.authors, pages_of_authors, strict=True)]
        or [{"@type": "Organization", "name": article.source or config.title}],
        # the digest publishes the page; the wire service wrote the story
        "publisher": publisher,
        **({"image": [_image_object(config, article.picture)]} if article.picture else {}),
        **({"sourceOrganization": {"@type": "Organization", "name": article.source}} if article.source else {}),
        "articleSection": topic.title if topic else article.topic,
        "keywords": list(article.tags),
        "mainEntityOfPage": config.base_url + page.url,
        "url": config.base_url + page.url,
    }


def news_language(code: str) -> str:
    """A language as Google News names it: the primary subtag, and zh-cn or zh-tw for Chinese."""
    code = code.lower()
    if code.startswith("zh"):
        return "zh-tw" if any(t in code for t in ("-tw", "-hk", "-mo", "-hant")) else "zh-cn"
    return code.split("-", 1)[0]


def notes_html(article: Any) -> str:
    """An article's notes as HTML text (for a feed entry's content, which escapes it again)."""
    return '<aside class="notes">' + "".join(f"<p>{escape(n)}</p>" for n in article.notes) + "</aside>"


@pass_context
def _link(context: Any, url: str) -> str:
    """`url` (relative to the site root) as seen from the page being rendered.

    Relative links work at a domain root, under any sub-path and from a file
    folder; only 404.html, which a server shows at any address, links from the root path.
    """
    return context["root"] + url


def root_of(page: Page, base_path: str) -> str:
    """The way from `page` back to the site root: `../../` for a page two folders deep."""
    if page.kind == "notfound":
        return base_path
    here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
    return "../" * here.count("/") if here else "./"


@dataclass(slots=True)
class Renderer:
    """Renders pages of one site; each template is compiled once."""

    site: Site
    env: jinja2.Environment
    view: SiteView
    templates: dict[str, jinja2.Template]
    fragments: dict[tuple[Any, ...], Markup]  # cards and page chrome, by link depth: rendered once
    # every page's `topics` (and `site.topics`): each topic's title and addresses (a Link),
    # without its count of stories. A count changes with every new story, and what every page reads is
    # part of every page's key: the counts are on the pages that show them (a topic's own
    # page, the topics index), so a day's stories re-render those, not the whole site.
    topics: Mapping[str, Any]

    @classmethod
    def for_site(cls, site: Site) -> Renderer:
        config = site.config
        urls = MappingProxyType({"home": "", "archive": config.path_of("archive"),
                                 "topics": config.path_of("topics"), "tags": config.path_of("tags"),
                                 "authors": config.path_of("authors"),
                                 "search": config.path_of("search"), "feed": "feed.xml",
                                 "editions": EDITIONS_FEED})
        topics = MappingProxyType({slug: link_of(t) for slug, t in site.topics.items()})
        view = SiteView(config.title, config.description, config.language, config.base_url,
                        urlsplit(config.base_url).path or "/",
                        tuple(topics[slug] for slug, t in site.topics.items() if t.count), dates.build_time(), urls,
                        config.curator or config.title, site.pictures.logo, site.pictures.image, config.image_alt,
                        site.pictures.publisher_logo)
        renderer = cls(site, make_environment(config), view, {}, {}, topics)
        renderer.env.globals.update(card=renderer.card, story_card=renderer.card, shared=renderer.shared,
                                    email_content=renderer.email_content)
        return renderer

    def _template(self, name: str) -> jinja2.Template:
        return self.templates.get(name) or self.templates.setdefault(name, self.env.get_template(name))

    @pass_context
    def shared(self, context: Any, name: str) -> Markup:
        """Template `name` rendered once per link depth and current term (page chrome such as
        the masthead: it sees only `root`, `site`, `topics` and `term`)."""
        root, term, lang = context["root"], context.get("term"), context["lang"]
        key = (name, root, term.url if term else None, lang)
        html = self.fragments.get(key)
        if html is None:  # in the site's language, marked as such on a page in another
            text = self._template(name).render(root=root, site=context["site"], topics=context["topics"], term=term,
                                               lang=self.view.language, page_lang=lang)
            html = self.fragments[key] = Markup(text.removesuffix("\n"))
        return html

    @pass_context
    def card(self, context: Any, article: Any, level: int = 3, show_topic: bool = True,
             show_summary: bool = True, show_comment: bool = False) -> Markup:
        """A story's card (`_card.html`), the same on every list at one link depth, so rendered
        once per depth: a big site's lists show each story many times. A card on a list
        (the page's `also`) names the other versions of its story; one in an edition, the
        curator's comment."""
        root = context["root"]
        also = (context.get("also") or {}).get(article.url, ())
        key = (article.url, root, level, show_topic, show_summary, show_comment, tuple(a.url for a in also))
        html = self.fragments.get(key)
        if html is None:
            html = self.fragments[key] = Markup(self._template("_card.html").render(
                article=article, level=level, show_topic=show_topic, show_summary=show_summary, also=also,
                show_comment=show_comment, root=root, topics=context["topics"], site=context["site"],
                lang=article.language))
        return html

    def email_content(self, edition: Mapping[str, Any]) -> Markup:
        """A day's email as the editions feed carries it: the body of its page, styles inlined
        (a newsletter service puts it in its own frame)."""
        day = edition["day"]
        key = ("email", day)
        html = self.fragments.get(key)
        if html is None:
            page = Page("email", edition["day_url"] + EMAIL_HTML, "email.html", "", edition)
            text = self.render(page).decode("utf-8")
            body = text.find("<body")
            start = text.find(">", body) + 1 if body >= 0 else 0  # a theme's email may have no <body>
            end = text.rfind("</body>")
            html = self.fragments[key] = Markup(text[start:end if end >= start else len(text)].strip())
        return html

    def render(self, page: Page) -> bytes:
        """The page's bytes; raises DigestError with the template's file and line."""
        try:
            article = page.context.get("article") if page.kind == "article" else None
            text = self._template(page.template).render(
                page=page, site=self.view, topics=self.topics, root=root_of(page, self.view.base_path),
                lang=article.language if article else self.view.language,
                **page.context)
            if page.kind == "email":
                text = _inline_styles(text)
            return text.encode("utf-8")  # encoding inside: a lone surrogate printed from `extra`
        except Exception as exc:  # any template mistake (1/0, recursion ...) is the theme's, not a crash
            raise DigestError([_template_problem(exc, page)]) from None


def render_pages(site: Site) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) for every page; raises DigestError listing every template problem."""
    renderer = Renderer.for_site(site)
    problems: list[Problem] = []
    for page in site.pages:
        try:
            yield page.output_path, renderer.render(page)
        except DigestError as exc:
            problems += exc.problems
    if problems:
        raise DigestError(unique_problems(problems))


def unique_problems(problems: list[Problem]) -> list[Problem]:
    """One line per template mistake, not one per page it breaks."""
    seen: dict[tuple[Path, int, str], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.path, problem.line, problem.message.split(" (on page ")[0]), problem)
    return list(seen.values())


def static_files(config: SiteConfig) -> Iterator[tuple[str, Path]]:
    """(output path, source) for each theme static file; the site's own win over the default's."""
    seen: set[str] = set()
    for theme in theme_dirs(config):
        static = theme / "static"
        for path in sorted(Path(entry.path) for entry in walk.files(static)):
            rel = "static/" + path.relative_to(static).as_posix()
            if rel not in seen:
                seen.add(rel)
                yield rel, path


@functools.lru_cache(maxsize=1)
def _inliner() -> Any:
    import css_inline  # only for sites with emails to write

    # media queries (dark mode, narrow screens) cannot go into style attributes: they stay in <head>
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def _inline_styles(html: str) -> str:
    """An email page with its <style> rules written into each element's style attribute:
    mail clients drop or ignore style sheets. The inliner writes the rules it keeps (media
    queries) first in <head>; the charset goes back before them, where browsers look for it."""
    inlined = str(_inliner().inline(html))
    charset = '<meta charset="utf-8">'
    if charset in inlined and "<head>" in inlined:
        inlined = inlined.replace(charset, "", 1).replace("<head>", "<head>" + charset, 1)
    return inlined


def _template_problem(exc: Exception, page: Page) -> Problem:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(Path(exc.filename or exc.name or page.template), exc.lineno or 1,
                       f"template error: {exc.message}")
    where, line = Path(page.template), 1
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            where, line = Path(frame.filename), frame.lineno or 1
    return Problem(where, line, f"template error: {exc} (on page /{page.url})")
