"""The `story:` of each article ingest writes: the story of the versions already in
content/articles/ it reports the same event as (grouping.py decides), or a new one.

New articles are compared with the articles of the days around them only. What grouping
knows of those (their features and story) is kept in .digest/stories.json by file size and
mtime (and, for a file saved too recently to trust those, its hash), so a day's new copy
does not read the days before it again. The index is a cache (data only, checked on
reading); it holds the last INDEX_DAYS days of the site, and the words of the last
FEATURES_DAYS only (older versions only widen their stories' spread).
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest import frontmatter
from digest.config import SiteConfig
from digest.errors import Problem
from digest.ingest.grouping import WINDOW_HOURS, Features, Grouper, Weights, features_of, field_text
from digest.inputs import is_racy
from digest.scan import FileStat
from digest.state import STORY_INDEX, ignored, write_atomic

if TYPE_CHECKING:
    from digest.ingest.story import PendingArticle

INDEX_VERSION = 4
INDEX_DAYS = 9         # kept in the index: a day's new copy reaches back seven days (late copy reads its files)
FEATURES_DAYS = 4      # of which the last days with their features (a new version meets those within 72 hours;
                       # the days before count only for their stories' spread: their stamps are enough)
# size, mtime_ns, story, features (or only its stamp), sha256 when racy
_Entry = tuple[int, int, str | None, Features | float, str | None]


@dataclass(frozen=True, slots=True)
class Seen:
    """What `assign` found, for `save`: the index as it was read, and the entries read now."""

    index: dict[str, _Entry]
    known: dict[str, _Entry]


def assign(config: SiteConfig, new: Sequence[PendingArticle], old_markdown: dict[str, str | None],
           scan: list[FileStat], problems: list[Problem], written: frozenset[str] = frozenset()
           ) -> tuple[dict[str, str], Seen]:
    """({raw file: its story id}, what was read on the way) for the articles ingest is about to write.

    `old_markdown` maps each raw file read again to its Markdown file (None for a new one):
    a story it was given before is kept. Articles go in posting order, each compared with
    the existing ones near it in time and with the new ones before it. `scan` is the
    folder's files sorted by path (as `markdown_files` gives them), less those in `written`
    (the new articles, already written by the ingest workers).
    """
    stamps = [a.features.stamp for a in new if a.features]
    if not stamps:
        return {a.raw: a.own_story for a in new}, Seen({}, {})
    replaced = {md for md in old_markdown.values() if md}
    # a file's day is in its path (YYYY/MM/DD-slug.md): the archive is listed, not read
    days = {f"{day.year:04d}/{day.month:02d}/{day.day:02d}-" for day in _days_within_reach(stamps)}
    index = _load(config, problems)
    known: dict[str, _Entry] = {}
    claimed: dict[str, str] = {}  # raw file read now -> the story of a copy of it found (see _read)
    pending_raws = {a.raw for a in new}
    prefix = len(str(config.articles_dir)) + 1
    started = time.time_ns()
    near = _near_any(stamps)
    if os.sep != "/":
        days = {day.replace("/", os.sep) for day in days}
    for path, size, mtime in _on_days(scan, str(config.articles_dir) + os.sep, days):
        if path in written:
            continue
        rel = path[prefix:].replace(os.sep, "/")
        if not rel.endswith(".md") or "/" in rel[11:] or rel in replaced:
            continue
        entry = index.get(rel)
        if entry is not None and entry[4] and entry[0] == size and entry[1] == mtime:
            if entry[4] != _sha_of(path):
                entry = None
            elif not is_racy(mtime, started):  # its bytes checked once, old enough now: size and mtime say it
                entry = (*entry[:4], None)
        if entry is not None and type(entry[3]) is float and near(entry[3]):
            entry = None  # late copy meets a version the index keeps the stamp of only
        if entry is None or entry[0] != size or entry[1] != mtime:
            found = _read(Path(path), size, mtime, config.zone)
            if found is None:
                continue
            entry, raw = found
            if raw in pending_raws:
                # a copy of a raw file read now: left by an interrupted run, or the curator's
                # under another name (ingest keeps it, see run._Claims); its story stays
                if entry[2]:
                    claimed.setdefault(raw, entry[2])
                continue
        known[rel] = entry
    ordered = sorted(new, key=lambda a: a.sort_key)
    existing = [e for e in known.values() if e[2]]
    # how much each word says is measured on the versions new ones can meet (those the index
    # keeps the words of), and the new ones
    weights = Weights([*(e[3] for e in existing if isinstance(e[3], Features) and near(e[3].stamp)),
                       *(a.features for a in ordered if a.features)])
    # the new versions as compared: only their keys are ever looked up
    compared = {a.raw: weights.apply(a.features) for a in ordered if a.features}
    grouper = Grouper(weights, frozenset(itertools.chain.from_iterable(w.keys for w in compared.values())))
    for entry in existing:
        if isinstance(entry[3], Features) and near(entry[3].stamp):
            grouper.add(entry[3], entry[2] or "")
        else:
            grouper.widen(_stamp(entry), entry[2] or "")
    stories: dict[str, str] = {}
    for article in ordered:
        story = _kept_story(config, old_markdown.get(article.raw)) or claimed.get(article.raw)
        weighted = None
        if article.features:
            placed, weighted = grouper.place(article.features, compared[article.raw])
            story = story or placed
        if story is None:
            story = article.own_story
            n = 1
            while grouper.has(story):  # another event's story already has this id
                n += 1
                story = f"{article.own_story}-{n}"
        stories[article.raw] = story
        if article.features:
            grouper.add(article.features, story, weighted)
    return stories, Seen(index, known)


def _on_days(scan: list[FileStat], folder: str, days: Iterable[str]) -> Iterable[FileStat]:
    """The files of `scan` (sorted by path) under `folder` whose names open with one of `days`
    (`2025/03/28-`), in `scan`'s order: each day's run of files is found by bisection, not by
    reading an archive of 100,000 names."""
    for day in sorted(days):
        start = folder + day
        at = bisect.bisect_left(scan, (start,))
        while at < len(scan) and scan[at][0].startswith(start):
            yield scan[at]
            at += 1


def save(config: SiteConfig, seen: Seen, written: Iterable[tuple[str, str, Features | None, str]]) -> None:
    """Keep what grouping read and what ingest just wrote (Markdown path, story, features, the
    sha256 of the bytes written), for the last INDEX_DAYS days of the site. A file saved too
    recently to trust its size and mtime is known by the hash of the bytes its features are of."""
    known = seen.known
    entries = {**seen.index, **known}
    kept = [(rel, story, features, sha) for rel, story, features, sha in written if features is not None]
    written_now = set()
    fresh = [_stamp(e) for e in known.values()] + [features.stamp for _, _, features, _ in kept]
    if not (fresh or entries):
        return
    newest = max(fresh or [_stamp(e) for e in entries.values()])  # this run's: not a planted far-future one
    for rel, story, features, sha in kept:
        if features.stamp < newest - INDEX_DAYS * 86400:
            continue  # a clean ingest of years: only the last days are kept
        try:
            st = os.stat(config.articles_dir / rel)
        except OSError:
            continue
        entries[rel] = (st.st_size, st.st_mtime_ns, story, features, sha)
        written_now.add(rel)
    now = time.time_ns()
    oldest, features_from = newest - INDEX_DAYS * 86400, newest - FEATURES_DAYS * 86400
    kept_entries = {}
    for rel, entry in sorted(entries.items()):
        size, mtime, of_story, bag, checked = entry
        stamp = _stamp(entry)
        if stamp >= oldest:
            kept_entries[rel] = [size, mtime, of_story, bag.to_json() if isinstance(bag, Features) and stamp >= features_from
                                 else stamp, (checked if is_racy(mtime, now) or rel not in written_now else None) or None]
    document = {"version": INDEX_VERSION, "entries": kept_entries}
    write_atomic(config.state_dir / STORY_INDEX, json.dumps(document, separators=(",", ":")).encode("utf-8"))


def _load(config: SiteConfig, problems: list[Problem]) -> dict[str, _Entry]:
    path = config.state_dir / STORY_INDEX
    try:
        document = json.loads(path.read_bytes())
    except OSError:
        return {}
    except (ValueError, RecursionError):
        document = None
    entries: dict[str, _Entry] = {}
    raw = document.get("entries") if isinstance(document, dict) else None
    if isinstance(document, dict) and document.get("version") != INDEX_VERSION:
        return {}  # an older digest's: read the files again
    if isinstance(raw, dict):
        for rel, value in raw.items():
            entry = _entry(value)
            if entry is None:
                raw = None
                break
            entries[rel] = entry
    if not isinstance(raw, dict):
        problems.append(ignored(path, "not a story index this digest wrote"))
        return {}
    return entries


def _stamp(entry: _Entry) -> float:
    features = entry[3]
    return features.stamp if isinstance(features, Features) else features


def _entry(value: Any) -> _Entry | None:
    if not (isinstance(value, list) and len(value) == 5 and type(value[0]) is int and type(value[1]) is int
            and (value[2] is None or isinstance(value[2], str)) and (value[4] is None or isinstance(value[4], str))):
        return None
    if type(value[3]) is float:  # only the stamp: see FEATURES_DAYS
        return None if not abs(value[3]) < 1e11 else (value[0], value[1], value[2], value[3], value[4] or None)
    features = Features.from_json(value[3])
    return None if features is None else (value[0], value[1], value[2], features, value[4] or None)


def _sha_of(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _read(path: Path, size: int, mtime: int, zone: dt.tzinfo) -> tuple[_Entry, str | None] | None:
    """(an article's entry, its raw file) read from its file; None when grouping cannot use
    it (no date)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    found = features_of(data.decode("utf-8", errors="replace"), zone)
    if found is None:
        return None
    sha = hashlib.sha256(data).hexdigest()
    return (size, mtime, found[1], found[0], sha if is_racy(mtime, time.time_ns()) else None), found[2]


def _near_any(stamps: list[float]) -> Callable[[float], bool]:
    """Whether a stamp is within the window of any of `stamps`: only such versions can be
    compared with a new one (the others count for their stories' spread)."""
    ordered = sorted(stamps)
    window = WINDOW_HOURS * 3600

    def near(stamp: float) -> bool:
        at = bisect.bisect_left(ordered, stamp - window)
        return at < len(ordered) and ordered[at] <= stamp + window
    return near


def _days_within_reach(stamps: list[float]) -> set[dt.date]:
    """The days of the articles a new one may be compared with: those within the window of
    it, and those within the window of them (a story it joins may reach back that far, and
    its spread is checked on all its versions). A path's day is in the site's zone: one day spare."""
    reach = 2 * -(-WINDOW_HOURS // 24) + 1
    days: set[dt.date] = set()
    for day_number in {int(stamp // 86400) for stamp in stamps}:  # a clean ingest's 10,000 are a few dozen days
        try:
            day = dt.datetime.fromtimestamp(day_number * 86400, dt.UTC).date()
            days.update(day + dt.timedelta(days=d) for d in range(-reach, reach + 1))
        except (OverflowError, OSError, ValueError):  # a story at the edge of the calendar Python knows
            continue
    return days


def _kept_story(config: SiteConfig, markdown: str | None) -> str | None:
    """The story the article's Markdown file already has: a story, once given, stays."""
    if not markdown:
        return None
    try:
        text = (config.articles_dir / markdown).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return field_text(frontmatter.field(text, "story"))
