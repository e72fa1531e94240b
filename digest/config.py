"""site.yaml, loaded into a typed, validated `SiteConfig`.

Every key is known: an unknown one is an error with a "did you mean", so a
misspelled key never falls back to a silent default.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest import yamlsource
from digest.errors import DigestError, Problem
from digest.slugs import SLUG_RE_TEXT, is_reserved

CONFIG_NAME = "site.yaml"
SLUG_RE = re.compile(SLUG_RE_TEXT)

# Where each kind of page goes in output/, relative to the site root.
DEFAULT_PATHS: dict[str, str] = {
    "article": "{year}/{month}/{day}/{slug}/",
    "day": "{year}/{month}/{day}/",
    "month": "{year}/{month}/",
    "year": "{year}/",
    "archive": "archive/",
    "topic": "topics/{slug}/",
    "topics": "topics/",
    "tag": "tags/{slug}/",
    "tags": "tags/",
    "author": "authors/{slug}/",
    "authors": "authors/",
    "page": "page/{n}/",
    "search": "search/",
}
PATH_FIELDS: dict[str, set[str]] = {
    "article": {"year", "month", "day", "slug"}, "day": {"year", "month", "day"},
    "month": {"year", "month"}, "year": {"year"}, "archive": set(), "topic": {"slug"},
    "topics": set(), "tag": {"slug"}, "tags": set(), "author": {"slug"}, "authors": set(), "page": {"n"},
    "search": set(),
}


@dataclass(frozen=True, slots=True)
class Topic:
    """A section of the site; stories are filed under one by their keywords."""

    slug: str
    title: str
    keywords: tuple[str, ...] = ()


@dataclass(slots=True)
class _Reader:
    """Reads one key at a time out of the parsed YAML, collecting problems."""

    path: Path
    lines: yamlsource.Lines
    problems: list[Problem] = field(default_factory=list)

    def line(self, *keys: str) -> int:
        while keys and keys not in self.lines:
            keys = keys[:-1]
        return self.lines.get(keys, 1)

    def error(self, keys: tuple[str, ...], message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, self.line(*keys), message, hint))

    def typed(self, data: dict[str, Any], key: str, check: Callable[[Any], bool],
              want: str, default: Any) -> Any:
        if key not in data:
            return default
        value = data[key]
        if not check(value):
            self.error((key,), f"'{key}' must be {want}, not {_show(value)}")
            return default
        return value


def _show(value: Any) -> str:
    return "empty" if value is None else f"{type(value).__name__} {value!r}"[:80]


def _is_text(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _base_url(r: _Reader, data: dict[str, Any], key: str, default: str, values: dict[str, Any]) -> str:
    url = r.typed(data, key, _is_text, "a URL", default)
    if not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", url):
        r.error((key,), f"base_url {url!r} is not an http(s) URL without ? or #",
                "write it like https://example.org/news/")
        return default
    return url if url.endswith("/") else url + "/"


def _timezone(r: _Reader, data: dict[str, Any], key: str, default: str, values: dict[str, Any]) -> str:
    name = r.typed(data, key, _is_text, "a time zone name", default)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        r.error((key,), f"unknown time zone {name!r}", "use a name like America/Toronto")
        return default
    return name


def _topics(r: _Reader, data: dict[str, Any], key: str, _: Any, values: dict[str, Any]) -> tuple[Topic, ...]:
    raw, default = data.get(key), values["default_topic"]
    topics: list[Topic] = []
    if raw is not None and not isinstance(raw, dict):
        r.error(("topics",), "'topics' must be a mapping of slug to {title, keywords}")
        raw = None
    for slug, spec in (raw or {}).items():
        where = ("topics", slug)
        if not SLUG_RE.match(slug) or is_reserved(slug):
            r.error(where, f"topic slug '{slug}' must be lowercase letters, digits and -, and no name Windows "
                    "keeps for itself (con, nul, com1 ...)")
            continue
        spec = {} if spec is None else spec
        if not isinstance(spec, dict):
            r.error(where, f"topic '{slug}' must be a mapping like {{title: Trade, keywords: [tariff]}}")
            continue
        for key in spec:
            if key not in ("title", "keywords"):
                r.error(where + (key,), f"unknown key '{key}' in topic '{slug}'",
                        _did_you_mean(key, ["title", "keywords"]))
        title = spec.get("title", slug.replace("-", " ").title())
        if not _is_text(title):
            r.error(where + ("title",), f"the title of topic '{slug}' must be text")
            title = slug
        keywords = spec.get("keywords", []) or []
        if not isinstance(keywords, list) or not all(_is_text(k) for k in keywords):
            r.error(where + ("keywords",), f"the keywords of topic '{slug}' must be a list of words")
            keywords = []
        topics.append(Topic(slug, str(title), tuple(str(k).strip() for k in keywords)))
    if not any(t.slug == default for t in topics):
        topics.append(Topic(default, default.replace("-", " ").title()))
    return tuple(topics)


def _tags(r: _Reader, data: dict[str, Any], key: str, _: Any, values: dict[str, Any]
          ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = data.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        r.error(("tags",), "'tags' must map each canonical tag name to a list of other spellings")
        return ()
    out = []
    for name, aliases in raw.items():
        aliases = [] if aliases is None else aliases
        if not isinstance(aliases, list) or not all(_is_text(a) for a in aliases):
            r.error(("tags", name), f"the spellings of tag '{name}' must be a list of names")
            continue
        out.append((name.strip(), tuple(a.strip() for a in aliases)))
    return tuple(out)


def _paths(r: _Reader, data: dict[str, Any], key: str, _: Any, values: dict[str, Any]
           ) -> tuple[tuple[str, str], ...]:
    raw = data.get(key)
    paths = dict(DEFAULT_PATHS)
    if raw is None:
        return tuple(paths.items())
    if not isinstance(raw, dict):
        r.error(("paths",), "'paths' must map page kinds to path patterns")
        return tuple(paths.items())
    for kind, pattern in raw.items():
        if kind not in DEFAULT_PATHS:
            r.error(("paths", kind), f"unknown page kind '{kind}'", _did_you_mean(kind, list(DEFAULT_PATHS)))
            continue
        problem = _pattern_problem(str(pattern), PATH_FIELDS[kind]) if isinstance(pattern, str) else "must be text"
        if problem:
            r.error(("paths", kind), f"path of '{kind}' {problem}",
                    f"the default is '{DEFAULT_PATHS[kind]}'")
            continue
        if pattern.endswith(".html") and kind != "article":
            r.error(("paths", kind), f"path of '{kind}' must be a folder (end it with /)",
                    "only an article may be a single .html file")
            continue
        stripped = pattern.strip("/")
        paths[kind] = stripped if pattern.endswith(".html") else (stripped + "/" if stripped else "")
    return tuple(paths.items())


def _pattern_problem(pattern: str, allowed: set[str]) -> str:
    used = set(re.findall(r"\{(\w+)\}", pattern))
    if used - allowed:
        return f"uses unknown fields {sorted(used - allowed)}; it may use {sorted(allowed) or 'none'}"
    if allowed - used:
        return f"must use all of {sorted(allowed)}, or pages would collide"
    if any(part in ("..", ".") or part.startswith(".") for part in pattern.split("/")):
        return "must not contain '.', '..' or hidden folders"
    if "\\" in pattern or "\0" in pattern or re.search(r"[{}]", re.sub(r"\{\w+\}", "", pattern)):
        return "contains characters a path cannot use"
    return ""


# Readers: (reader, parsed YAML, key, default, values read so far) -> the key's value. Each
# records a problem and returns the default for a value it cannot use.
Read = Callable[["_Reader", dict[str, Any], str, Any, dict[str, Any]], Any]


def _text(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    return str(r.typed(data, key, _is_text, "text", default))


def _any_text(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    return str(r.typed(data, key, lambda v: isinstance(v, str), "text", default))


def _count(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> int:
    return int(r.typed(data, key, _is_count, "a whole number of at least 1", default))


def _count_or_none(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> int:
    return int(r.typed(data, key, lambda v: _is_count(v) or v == 0 and v is not False,
                       "a whole number of at least 0", default))


def _theme(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    theme = _text(r, data, key, default, values)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", theme):
        r.error((key,), f"theme '{theme}' is not a folder name", "use a name like 'default'")
        return str(default)
    return theme


def _output(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    output = _text(r, data, key, default, values)
    if "\0" in output or output.strip() != output:
        r.error((key,), f"output {output!r} is not a usable folder name", "use a name like output")
        return str(default)
    return output


def _slug(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    return str(r.typed(data, key, lambda v: isinstance(v, str) and bool(SLUG_RE.match(v)),
                       "a slug (lowercase letters, digits and -)", default))


def _names(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> tuple[str, ...]:
    names = r.typed(data, key, lambda v: isinstance(v, list) and all(_is_text(x) for x in v),
                    "a list of names like [Vote Mercer, North American]", [])
    return tuple(" ".join(x.split()) for x in names)


def _image(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> str:
    from digest.images import reference_problem

    name = str(r.typed(data, key, _is_text, "a file in content/images/ or an http(s) address", default)).strip()
    problem = reference_problem(name) if name else ""
    if problem:
        r.error((key,), f"'{key}': {problem}")
        return str(default)
    return name


def _publisher(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]
               ) -> tuple[str, str]:
    raw = data.get(key)
    if raw is None:
        return default
    if not isinstance(raw, dict):
        r.error((key,), "'publisher' must be a mapping like {name: The Daily Digest, logo: logo.png}")
        return default
    for name in raw:
        if name not in ("name", "logo"):
            r.error((key, name), f"unknown key '{name}' in publisher", _did_you_mean(name, ["name", "logo"]))
    inner = _Reader(r.path, {k[1:]: v for k, v in r.lines.items() if k[:1] == (key,)}, r.problems)
    return _text(inner, raw, "name", "", values), _image(inner, raw, "logo", "", values)


def _cache_control(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]
                   ) -> tuple[tuple[str, str], ...]:
    raw = data.get(key)
    if raw is None:
        return default
    if not isinstance(raw, dict) or not all(_is_text(k) and _is_text(v) for k, v in raw.items()):
        r.error((key,), "'cache_control' must map file patterns to Cache-Control values, like "
                "{\"images/*\": \"public, max-age=31536000, immutable\"}")
        return default
    out = []
    for pattern, value in raw.items():
        if "\n" in value or "\r" in value or "\n" in pattern or pattern.startswith("/"):
            r.error((key, pattern), f"cache_control rule {pattern!r} must be a path pattern in output/ "
                    "(no leading /) and a one-line value")
            continue
        out.append((pattern.strip(), " ".join(value.split())))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Target:
    """A place `digest deploy` publishes output/ to (site.yaml `deploy:`)."""

    name: str
    url: str            # s3://bucket/prefix/, git:BRANCH, git:REMOTE#BRANCH, rsync:HOST:PATH, rsync:/folder/
    endpoint: str = ""  # S3-compatible services other than AWS
    region: str = ""
    cname: str = ""     # GitHub Pages' custom domain (git)
    max_deletes: int = 256
    line: int = 1       # in site.yaml

    @property
    def kind(self) -> str:
        return self.url.split(":", 1)[0]


_TARGET_KEYS = ("name", "url", "endpoint", "region", "cname", "max_deletes")


def _deploy(r: _Reader, data: dict[str, Any], key: str, default: Any, values: dict[str, Any]) -> tuple[Target, ...]:
    raw = data.get(key)
    if raw is None:
        return default
    if not isinstance(raw, list):
        r.error((key,), "'deploy' must be a list of targets, like - {name: production, url: s3://bucket/}")
        return default
    targets: list[Target] = []
    for index, spec in enumerate(raw):
        where = (key, str(index))
        if not isinstance(spec, dict):
            r.error(where, "each deploy target must be a mapping with a name and a url")
            continue
        for name in spec:
            if name not in _TARGET_KEYS:
                r.error(where + (str(name),), f"unknown key '{name}' in a deploy target",
                        _did_you_mean(str(name), list(_TARGET_KEYS)))
        texts = {k: spec.get(k, "") for k in ("name", "url", "endpoint", "region", "cname")}
        if not all(isinstance(v, str) for v in texts.values()) or not texts["name"] or not texts["url"]:
            r.error(where, "a deploy target needs a name and a url, each text")
            continue
        problem = _target_problem(texts["url"], texts["endpoint"])
        if problem:
            r.error(where + ("url",), f"deploy target '{texts['name']}': {problem}")
            continue
        if texts["name"] in {t.name for t in targets}:
            r.error(where + ("name",), f"two deploy targets are named '{texts['name']}'")
            continue
        cap = spec.get("max_deletes", 256)
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
            r.error(where + ("max_deletes",), "'max_deletes' must be a whole number of at least 0")
            cap = 256
        targets.append(Target(texts["name"].strip(), texts["url"].strip(), texts["endpoint"].strip(),
                              texts["region"].strip(), texts["cname"].strip(), cap, r.line(*where)))
    return tuple(targets)


def _is_address(url: str) -> bool:
    """An http(s) address of a host (and port), with nothing after it but a `/`."""
    from urllib.parse import urlsplit

    if not re.fullmatch(r"https?://[A-Za-z0-9.:\[\]-]+/?", url):
        return False
    try:
        parts = urlsplit(url)
        return bool(parts.hostname) and (parts.port or 0) >= 0
    except ValueError:
        return False


def _target_problem(url: str, endpoint: str) -> str:
    kind, _, rest = url.partition(":")
    if kind == "s3":
        if not re.fullmatch(r"//[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\s?#]*)?", rest):
            return f"{url!r} is no s3://bucket/prefix/ address"
        if endpoint and not _is_address(endpoint):
            return f"endpoint {endpoint!r} must be an http(s) address like https://minio.example.org"
        return ""
    if kind == "git":
        remote, _, branch = rest.rpartition("#") if "#" in rest else ("", "", rest)
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", branch) or ".." in branch or branch.endswith((".lock", "/")):
            return f"{url!r} names no branch: write git:gh-pages or git:REMOTE#BRANCH"
        if remote.startswith("-"):
            return f"remote {remote!r} must not start with '-'"
        return ""
    if kind == "rsync":
        host = rest.split(":", 1)[0] if ":" in rest.split("/")[0] else ""
        if not rest or rest.startswith("-") or "\n" in rest or host.rpartition("@")[2].startswith("-"):
            return f"{url!r} is no rsync destination: write rsync:user@host:/path/ or rsync:/a/folder/"
        return ""
    return f"{url!r} is no target digest knows: use s3://..., git:... or rsync:..."


def option(default: Any, read: Read, doc: str) -> Any:
    """A site.yaml key, declared once: its default, how it is read and checked, what it means."""
    return field(default=default, metadata={"read": read, "doc": doc})


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything site.yaml says, typed and checked. `root` is the site folder."""

    root: Path
    # Every site.yaml key, in the order they are read (topics need default_topic)
    title: str = option("The Daily Digest", _text, "the site's name")
    description: str = option("", _any_text, "tagline, meta description and feed subtitle")
    curator: str = option("", _any_text, "the name signing the curator's comments (default: the site's title)")
    base_url: str = option("http://localhost:8000/", _base_url, "absolute URL the site is served at")
    language: str = option("en", _text, "<html lang> and the feeds' xml:lang")
    timezone: str = option("UTC", _timezone, "IANA zone for Posted times, days and archives")
    theme: str = option("default", _theme, "themes/NAME/, falling back to the default theme")
    per_page: int = option(20, _count, "stories per page on the front page, topic and tag pages")
    max_tags: int = option(9, _count_or_none, "tags ingest gives a story at most (0: none)")
    feed_size: int = option(50, _count, "entries in each Atom feed")
    related: int = option(5, _count_or_none, "related stories on an article page (0: none)")
    output: str = option("output", _output, "where the site is written, relative to the site folder")
    default_topic: str = option("general", _slug, "the topic of stories no topic's keywords claim")
    topics: tuple[Topic, ...] = option((), _topics, "slug: {title, keywords}, in the site's order")
    tags: tuple[tuple[str, tuple[str, ...]], ...] = option((), _tags, "canonical tag names and their spellings")
    ignore_tags: tuple[str, ...] = option((), _names, "names never made tags (any case), nor given a tag page")
    paths: tuple[tuple[str, str], ...] = option(tuple(DEFAULT_PATHS.items()), _paths,
                                                "where each kind of page goes in output/")
    logo: str = option("", _image, "the site's logo: a file in content/images/ or an address (masthead, "
                       "structured data)")
    image: str = option("", _image, "the picture shared for pages without their own (file or address)")
    image_alt: str = option("", _any_text, "what that picture shows, for readers who cannot see it")
    publisher: tuple[str, str] = option(("", ""), _publisher, "who publishes the digest, {name, logo}, in "
                                        "structured data (default: the title and logo)")
    cache_control: tuple[tuple[str, str], ...] = option((), _cache_control, "Cache-Control by file pattern, before "
                                                        "the defaults (deploy, output/_headers)")
    deploy: tuple[Target, ...] = option((), _deploy, "where `digest deploy` publishes: name, url, endpoint, "
                                        "region, cname, max_deletes")
    key_lines: tuple[tuple[str, int], ...] = ()  # where each top-level key sits in site.yaml

    def line_of(self, key: str) -> int:
        return dict(self.key_lines).get(key, 1)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def raw_dir(self) -> Path:
        return self.root / "content" / "raw"

    @property
    def articles_dir(self) -> Path:
        return self.root / "content" / "articles"

    @property
    def editions_dir(self) -> Path:
        """The curator's introductions to each day's edition (`YYYY-MM-DD.md`)."""
        return self.root / "content" / "editions"

    @property
    def images_dir(self) -> Path:
        """Pictures articles and site.yaml name (`image:`, `logo:`)."""
        return self.root / "content" / "images"

    @property
    def publisher_name(self) -> str:
        return self.publisher[0] or self.title

    @property
    def publisher_logo(self) -> str:
        return self.publisher[1]

    @property
    def state_dir(self) -> Path:
        """Caches and records of what was built: in the site folder, never in output/."""
        return self.root / ".digest"

    def path_of(self, kind: str) -> str:
        return dict(self.paths)[kind]

    def article_url(self, day: dt.date, slug: str) -> str:
        """An article's path in output/, from its day (in the site's zone) and its slug."""
        return self.path_of("article").format(year=f"{day.year:04d}", month=f"{day.month:02d}",
                                              day=f"{day.day:02d}", slug=slug)

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)


def site_keys() -> dict[str, str]:
    """Every site.yaml key and what it means, in order."""
    return {f.name: f.metadata["doc"] for f in fields(SiteConfig) if "read" in f.metadata}


def load_config(root: Path) -> SiteConfig:
    """Read `root/site.yaml`; raise DigestError listing every problem in it."""
    root = root.resolve()
    path = root / CONFIG_NAME
    if not path.is_file():
        raise DigestError([Problem(path, 1, "no site.yaml here",
                                   "run in a site folder, pass --site DIR, or make one with `digest new DIR`")])
    try:
        data, lines = yamlsource.load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise DigestError([Problem(path, 1, "site.yaml is not UTF-8", "save it as UTF-8")]) from None
    except yamlsource.YamlFault as fault:
        raise DigestError([Problem(path, fault.line, fault.message)]) from None
    return parse_config(root, data if data is not None else {}, lines, path)


def parse_config(root: Path, data: Any, lines: yamlsource.Lines, path: Path) -> SiteConfig:
    r = _Reader(path, lines)
    if not isinstance(data, dict):
        r.error((), "site.yaml must be a mapping of keys to values", "see the README for an example")
        raise DigestError(r.problems)
    known = list(site_keys())
    for key in data:
        if key not in known:
            r.error((key,), f"unknown key '{key}'", _did_you_mean(key, known))
    values: dict[str, Any] = {}
    for option_field in fields(SiteConfig):
        if "read" in option_field.metadata:
            values[option_field.name] = option_field.metadata["read"](r, data, option_field.name,
                                                                      option_field.default, values)
    values["key_lines"] = tuple((k[0], n) for k, n in lines.items() if len(k) == 1)
    if r.problems:
        raise DigestError(sorted(r.problems, key=lambda p: p.line))  # as the file reads, top to bottom
    return SiteConfig(root=root, **values)


def _did_you_mean(key: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)


