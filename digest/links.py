"""Internal links of a rendered site: every href and src must name a file the site has."""
from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.links


def resolve(page_path: str, href: str, base_path: str = "/") -> str | None:
    """The output file an internal link points to, or None for external and fragment-only links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return "\0outside " + path
        target = path[len(base_path):]
    else:
        target = posixpath.join(posixpath.dirname(page_path), path)
    target = posixpath.normpath(target) if target else "."
    if href.split("?")[0].split("#")[0].endswith("/") or target == ".":
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target


def broken_links(files: dict[str, bytes], base_path: str = "/") -> list[tuple[str, str]]:
    """(page, href) for every internal link in an HTML page that names no file of `files`."""
    broken = []
    for page, data in files.items():
        if not page.endswith(".html"):
            continue
        for href in links_in(data.decode("utf-8")):
            target = resolve(page, href, base_path)
            if target is not None and target not in files:
                broken.append((page, href))
    return broken


def schemes(files: Iterable[bytes]) -> set[str]:
    """Every URL scheme linked anywhere (to prove that no `javascript:` link got through)."""
    found = set()
    for data in files:
        for href in links_in(data.decode("utf-8", "replace")):
            scheme = urlsplit(href.strip()).scheme.lower()
            if scheme:
                found.add(scheme)
    return found
