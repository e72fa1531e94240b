"""The `Article` type: one story as the site shows it, the unit every stage passes on.

Kept apart from content.py (which reads articles from disk) so that the article cache,
the assembly and the preview can name it without importing each other.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ALONE = "none"  # `story: none`: the curator keeps this article out of every story


def alone(story: str) -> bool:
    """Whether a `story:` value keeps its article out of every story."""
    return story.strip().lower() == ALONE


class FrozenDict(dict[str, Any]):
    """A read-only mapping (unlike MappingProxyType, a dict: JSON and worker processes take it as one)."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("front matter is read-only")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[FrozenDict], tuple[dict[str, Any]]]:
        """Made whole from a plain dict: a worker's articles cross back to the build this way
        (pickle would otherwise set the items one by one, which is refused)."""
        return FrozenDict, (dict(self),)


@dataclass(frozen=True, slots=True)
class Picture:
    """An image as pages use it (see images.py): `src` is its path in output/, or another
    site's address."""

    src: str
    width: int = 0    # 0: not known (another site's picture)
    height: int = 0
    file: str = ""    # its file under content/images/ ("" for another site's)
    digest: str = ""  # of its bytes: the copy in output/ is checked by it

    @property
    def local(self) -> bool:
        return bool(self.file)


@dataclass(frozen=True, slots=True)
class Article:
    """One story as the site shows it. `url` is relative to the site root (`2025/03/28/slug/`)."""

    source_path: str  # the Markdown file (text, not a Path: the cache makes 10,000 of these per build)
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    authors: tuple[str, ...]
    source: str
    dateline: str
    topic: str
    tags: tuple[str, ...]
    summary: str
    slug: str
    raw: str
    credits: tuple[str, ...]
    draft: bool
    body_html: str
    words: int
    url: str
    source_hash: str = ""   # of the Markdown file's bytes: what page keys build on
    extra: Mapping[str, Any] = field(default_factory=lambda: FrozenDict())
    language: str = "en"     # the story's own (a French story on an English site: fr)
    notes: tuple[str, ...] = ()   # editor's notes and corrections, shown above the body
    timed: bool = True       # False: the copy gives the day only; `date` is then its midnight
    updated_timed: bool = True
    story: str = ""          # the news event it reports, shared with other sources' versions ("": alone)
    lead: bool = False       # the curator's pick: this version leads its story, and its story the day
    weight: int = 0          # the curator's order within the day (higher first), before time
    front: bool = True       # False: kept off the front page and the emailed edition
    comment: str = ""        # the curator's own words (Markdown as written), never the wire text's
    comment_html: str = ""
    id: str = ""             # permanent (a tag: URI ingest minted): feeds know the story by it wherever it moves
    aliases: tuple[str, ...] = ()  # paths it was published at before: each redirects to `url`
    image: str = ""          # as written: a file under content/images/, or another site's address
    image_alt: str = ""      # what the picture shows, for readers who cannot see it
    picture: Picture | None = None  # `image` read (see images.py); last, and never cached: the file may change

    @property
    def modified(self) -> dt.datetime:
        return self.updated or self.date

    @property
    def posted(self) -> dt.date:
        """The publication as the copy gives it: a datetime, or a date when it gives no time."""
        return self.date if self.timed else self.date.date()

    @property
    def last_updated(self) -> dt.date | None:
        """The last update as the copy gives it, like `posted`."""
        if self.updated is None:
            return None
        return self.updated if self.updated_timed else self.updated.date()

    @property
    def day(self) -> dt.date:
        return self.date.date()
