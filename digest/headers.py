"""HTTP headers for the site's files: the Content-Type of each and its Cache-Control by pattern.

`digest deploy` sets them on each object it uploads; the build writes the same rules into
output/_headers (the Netlify / Cloudflare Pages format), so hosts that read that file agree
with what deploy sets. Types come from this table, not the system's (mimetypes differs
from one machine to the next: a deploy must not).
"""
from __future__ import annotations

import fnmatch
import posixpath

from digest.config import SiteConfig

TYPES = {
    ".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
    ".pdf": "application/pdf", ".webmanifest": "application/manifest+json",
}
ATOM = "application/atom+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
UNKNOWN = "application/octet-stream"

# (pattern, Cache-Control), first match wins: pictures carry their bytes' hash in their name,
# so they never change; the theme's files may change with a new digest; pages and feeds are
# checked each time (a correction must reach readers at once)
LONG = "public, max-age=31536000, immutable"
DEFAULT_CACHE = (("images/*", LONG), ("static/*", "public, max-age=3600"), ("*", "public, max-age=0, must-revalidate"))


def feed_patterns(config: SiteConfig) -> tuple[str, ...]:
    """Where the site's Atom feeds are: the site's, the editions', each topic's and author's."""
    return ("feed.xml", "editions.xml", config.path_of("topic").format(slug="*") + "feed.xml",
            config.path_of("author").format(slug="*") + "feed.xml")


def content_type(rel: str, feeds: tuple[str, ...] = ()) -> str:
    """The Content-Type of the file at `rel` in output/ (`feeds`: where the Atom feeds are)."""
    if any(fnmatch.fnmatchcase(rel, p) for p in feeds):
        return ATOM
    name = posixpath.basename(rel)
    if name in ("_redirects", "_headers"):
        return TEXT
    return TYPES.get(posixpath.splitext(name)[1].lower(), UNKNOWN)


def cache_control(rel: str, rules: tuple[tuple[str, str], ...]) -> str:
    """The Cache-Control of the first rule whose pattern matches `rel` (`*` crosses folders)."""
    for pattern, value in rules:
        if fnmatch.fnmatchcase(rel, pattern):
            return value
    return ""


def rules(config: SiteConfig) -> tuple[tuple[str, str], ...]:
    """The site's Cache-Control rules (site.yaml's `cache_control:` first), then the defaults."""
    return config.cache_control + DEFAULT_CACHE
