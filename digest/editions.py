"""The curator's introductions to a day's edition: `content/editions/YYYY-MM-DD.md`.

Each is a `title:` in front matter and a Markdown body, shown above that day's stories on
its day page, on the front page while that day is the latest edition, and in its email.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from digest import frontmatter, walk
from digest.body_html import curator_renderer, local_links
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.text import clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})\.md")
_FIELDS = ("title",)


@dataclass(frozen=True, slots=True)
class Intro:
    """One day's introduction. A frozen value: pages that show it are keyed by its repr."""

    day: dt.date
    title: str
    text: str   # the Markdown as written (the plain-text email shows it so)
    html: str
    path: Path = field(default=Path(), repr=False, compare=False)  # for warnings; no part of any page


def load_intros(config: SiteConfig) -> dict[dt.date, Intro]:
    """Every introduction by day; raise with every problem (the build stops, as for an article)."""
    folder = config.editions_dir
    if not folder.is_dir():
        return {}
    intros: dict[dt.date, Intro] = {}
    problems: list[Problem] = []
    md: MarkdownIt | None = None
    for entry in sorted(walk.files(folder), key=lambda e: e.path):
        path = Path(entry.path)
        if path.suffix.lower() != ".md":
            continue  # notes, images: not introductions
        match = _NAME.fullmatch(path.name) if path.parent == folder else None
        day = _date(match) if match else None
        if day is None:
            problems.append(Problem(path, 1, "an edition's introduction is named after its day",
                                    "name it YYYY-MM-DD.md, directly in content/editions/"))
            continue
        md = md or curator_renderer()
        try:
            intros[day] = _read(path, day, md)
        except DigestError as exc:
            problems += exc.problems
    if problems:
        raise DigestError(problems)
    return intros


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _read(path: Path, day: dt.date, md: MarkdownIt) -> Intro:
    try:
        text = clean_text(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DigestError([Problem(path, 1, "not UTF-8 text", "save the file as UTF-8")]) from None
    except OSError as exc:
        raise DigestError([Problem(path, 1, f"cannot read it: {exc.strerror or exc}")]) from None
    parts = frontmatter.split(text)
    yaml_text = ""
    if parts is None:  # no front matter: the whole file is the introduction, without a title
        meta: object = {}
        body = text
    else:
        yaml_text, body, _ = parts
        try:
            meta = yaml.safe_load(yaml_text) or {}
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DigestError([Problem(path, mark.line + 2 if mark else 1,
                                       "front matter is not valid YAML", "write `title: \"...\"`")]) from None
    if not isinstance(meta, dict):
        raise DigestError([Problem(path, 2, "front matter must be `key: value` lines", "write `title: \"...\"`")])
    problems = [Problem(path, frontmatter.line_of(yaml_text, str(key)), f"unknown field '{key}' in an edition's introduction",
                        "it has a `title:` and a Markdown body") for key in meta if key not in _FIELDS]
    title = meta.get("title") or ""
    if not isinstance(title, str):
        problems.append(Problem(path, frontmatter.line_of(yaml_text, "title"), "'title' must be text", 'quote it: title: "..."'))
    if problems:
        raise DigestError(problems)
    body = body.strip()
    html = md.render(body) if body else ""
    links = local_links(html)
    if links:
        raise DigestError([Problem(path, 1, f"the introduction links to {unescape(links[0])!r}, which is no full address",
                                   "write it in full, like https://example.org/2025/03/28/story/: pages and emails "
                                   "show it")])
    return Intro(day, clean_text(str(title)).strip(), body, html, path)
