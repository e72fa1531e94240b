"""The build cache of parsed articles: a file whose size and mtime are unchanged is not parsed again.

Kept in the site's state folder (.digest/cache/articles.json), never in output/. Everything
an Article depends on besides its file (time zone, topics, URL pattern, digest's
version and its libraries') is part of the cache's key: change any and the cache
starts over. The cache is JSON signed with the user's key (see state.py): it holds
the HTML of every story, which the pages show as it is, so one not written here is
ignored, and reading it back runs no code.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from digest.article import Article, FrozenDict
from digest.config import SiteConfig
from digest.errors import Problem
from digest.inputs import code_version, is_racy
from digest.scan import FileStat
from digest.state import ARTICLE_CACHE, ignored, sign, signing_key, verified, write_atomic

_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name != "picture")  # read at each build
_HASH_FIELD = _FIELDS.index("source_hash")
_FORMAT = 2  # 1 was a pickle

_Entry = tuple[int, int, tuple, bool]  # size, mtime_ns, the Article's fields, racy (verify by hash)


def _key(config: SiteConfig) -> str:
    parts = (_FORMAT, code_version(), config.timezone, config.default_topic, tuple(t.slug for t in config.topics),
             config.path_of("article"), str(config.root), config.language, config.ignore_tags)
    return hashlib.sha1(repr(parts).encode()).hexdigest()


@dataclass(slots=True)
class ArticleCache:
    """The cache, one signed file per folder of articles (`.digest/cache/articles/`): a day's
    stories rewrite their month's file, not the whole archive's."""

    folder: Path
    key: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)   # the folders of articles whose file is to be written
    signing: bytes | None = None
    problem: Problem | None = None   # why a cache file found was not used
    fresh: bool = False              # nothing was read: every folder's file is written

    @classmethod
    def empty(cls, config: SiteConfig) -> ArticleCache:
        return cls(config.state_dir / ARTICLE_CACHE, _key(config), signing=signing_key(), fresh=True)

    @classmethod
    def load(cls, config: SiteConfig) -> ArticleCache:
        cache = cls.empty(config)
        if _linked(cache.folder, config.state_dir):
            cache.problem, cache.signing = ignored(cache.folder, "a link (the cache is a folder of its own)"), None
            return cache  # neither read nor written: its files could be anyone's
        try:
            paths = sorted(p for p in cache.folder.glob("*.json") if _NAME.fullmatch(p.name))
        except OSError:
            return cache  # none yet
        cache.fresh = False
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                continue  # gone since listed: its articles are parsed again
            payload = verified(cache.signing, data) if cache.signing else None
            if payload is None:
                cache.problem = cache.problem or ignored(
                    path, "not written by digest for this user (its signature does not match)")
                cache.fresh = True
                continue
            try:
                document = json.loads(payload)
                if document["key"] != cache.key:
                    cache.fresh = True  # written for another version or configuration: start over
                    continue
                entries = {name: (size, mtime, _decode(fields), racy)
                           for name, (size, mtime, racy, fields) in document["entries"].items()}
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError):
                cache.problem, cache.fresh = cache.problem or ignored(path, "not a cache this digest can read"), True
                continue
            if any(_file_of(os.path.dirname(name)) != path.name for name in entries):
                cache.problem, cache.fresh = cache.problem or ignored(path, "not a cache this digest can read"), True
                continue  # a folder's entries are in its own file only: saving keeps them so
            cache.entries.update(entries)
        return cache

    def lookup(self, files: list[FileStat]) -> tuple[dict[str, Article], list[FileStat]]:
        """(articles still valid by path, files to parse)."""
        found: dict[str, Article] = {}
        todo = []
        now = time.time_ns()
        for stat in files:
            name, size, mtime = stat
            entry = self.entries.get(name)
            if entry is not None and entry[0] == size and entry[1] == mtime:
                fields = entry[2]
                if not entry[3]:
                    found[name] = Article(*fields)
                    continue
                if _sha1_of(name) == fields[_HASH_FIELD]:
                    found[name] = Article(*fields)
                    if not is_racy(mtime, now):  # its bytes are the entry's, and a change now moves its mtime
                        self.entries[name] = (size, mtime, fields, False)
                        self.dirty.add(os.path.dirname(name))
                    continue
            todo.append(stat)
        return found, todo

    def store(self, stat: FileStat, article: Article, read_at: int) -> None:
        """Remember `article`, parsed from a file that had `stat` before it was read (from
        `read_at`, in ns). A file saved too recently to trust its mtime is checked by its hash
        when used."""
        name, size, mtime = stat
        fields = tuple(getattr(article, f) for f in _FIELDS)
        if _encode(fields) is not None or name in self.entries:  # one JSON cannot hold is never saved
            self.dirty.add(os.path.dirname(name))
        self.entries[name] = (size, mtime, fields, is_racy(mtime, read_at))

    def save(self, keep: list[FileStat]) -> None:
        """Write the files of the folders whose articles changed, forgetting files that are
        gone. Without a signing key nothing is kept: an unsigned cache would be ignored anyway."""
        kept = {name for name, _, _ in keep}
        if len(kept) != len(self.entries) or not kept.issuperset(self.entries):
            self.dirty.update(os.path.dirname(name) for name in self.entries if name not in kept)
            self.entries = {k: v for k, v in self.entries.items() if k in kept}
        if self.signing is None:
            return
        by_folder: dict[str, dict[str, list]] = {}
        for name, (size, mtime, fields, racy) in self.entries.items():
            folder = os.path.dirname(name)
            if self.fresh or folder in self.dirty:
                encoded = _encode(fields)
                if encoded is not None:
                    by_folder.setdefault(folder, {})[name] = [size, mtime, racy, encoded]
        for folder in by_folder.keys() | (set() if self.fresh else self.dirty):
            path = self.folder / _file_of(folder)
            if folder in by_folder:
                payload = json.dumps({"key": self.key, "entries": by_folder[folder]}, separators=(",", ":"))
                write_atomic(path, sign(self.signing, payload.encode("ascii")))
            else:
                path.unlink(missing_ok=True)
        self.dirty.clear()
        if self.fresh:  # files of folders no longer there, and older digests' caches
            current = {_file_of(os.path.dirname(name)) for name in self.entries}
            for path in self.folder.glob("*.json"):
                if path.name not in current and _NAME.fullmatch(path.name):
                    path.unlink(missing_ok=True)
        for older in ("articles.pickle", "articles.json"):
            (self.folder.parent / older).unlink(missing_ok=True)
        self.fresh = False


_NAME = re.compile(r"[0-9a-f]{16}\.json")  # the only files the cache reads or removes


def _linked(folder: Path, state_dir: Path) -> bool:
    """Whether the cache folder, or a folder between it and the state folder, is a link
    (`.digest/` may come from someone else: a link would lead reads and removals elsewhere)."""
    while True:
        if folder.is_symlink():
            return True
        if folder == state_dir or folder == folder.parent:
            return False
        folder = folder.parent


def _file_of(folder: str) -> str:
    """The cache file of a folder of articles."""
    return hashlib.sha1(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16] + ".json"


# Fields by kind, in Article's order: JSON keeps strings, numbers and lists; times are ISO text
_DATETIMES = {i for i, f in enumerate(_FIELDS) if f in ("date", "updated")}
_TUPLES = {i for i, f in enumerate(_FIELDS) if f in ("authors", "tags", "credits", "notes", "aliases")}
_EXTRA = _FIELDS.index("extra")


class _Unencodable(Exception):
    pass


def _encode(fields: tuple) -> list | None:
    """The fields as JSON values, or None for an article whose extra front matter JSON cannot
    hold exactly (it is parsed again on each build)."""
    out = list(fields)
    try:
        for i in _DATETIMES:
            if out[i] is not None:
                out[i] = _encode_time(out[i])
        out[_EXTRA] = _encode_value(dict(out[_EXTRA])) if out[_EXTRA] else {}
    except _Unencodable:
        return None
    return out


def _decode(values: list) -> tuple:
    if len(values) != len(_FIELDS):
        raise ValueError("wrong number of fields")
    for i in _DATETIMES:
        if values[i] is not None:
            values[i] = _decode_time(values[i])
    for i in _TUPLES:
        values[i] = tuple(values[i])
    extra = values[_EXTRA]
    values[_EXTRA] = FrozenDict(_decode_value(extra)) if extra else FrozenDict()
    return tuple(values)


def _encode_time(value: dt.datetime) -> str | list[Any]:
    """A time as written (its wall time, its zone's name, its fold), so that it comes back
    the same even in a clock change's gap or overlap: `EDT` on the page comes from the zone."""
    if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key:
        return [value.replace(tzinfo=None).isoformat(), value.tzinfo.key, value.fold]
    if value.tzinfo is not None and not isinstance(value.tzinfo, dt.timezone):
        raise _Unencodable
    return value.isoformat()


def _decode_time(value: str | list[Any]) -> dt.datetime:
    if isinstance(value, list):
        text, zone, fold = value
        return dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone), fold=fold)
    return dt.datetime.fromisoformat(value)


# Extra front matter holds what YAML can: a mapping is a list of pairs (its keys may be
# numbers or dates), dates and times are tagged, anything else is not cached.
def _encode_value(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > 10_000:
        raise _Unencodable  # more digits than Python writes as text
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.datetime):
        return {"t": _encode_time(value)}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {"m": [[_encode_value(k), _encode_value(v)] for k, v in value.items()]}
    raise _Unencodable


def _decode_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode_value(v) for v in value]
    if isinstance(value, dict):
        (tag, inner), = value.items()
        if tag == "t":
            return _decode_time(inner)
        if tag == "d":
            return dt.date.fromisoformat(inner)
        if tag == "m":
            return {_hashable(_decode_value(k)): _decode_value(v) for k, v in inner}
        raise ValueError(f"unknown tag {tag}")
    return value


def _hashable(key: Any) -> Any:
    if isinstance(key, (list, dict)):
        raise ValueError("a mapping key that YAML cannot give")
    return key


def _sha1_of(name: str) -> str | None:
    try:
        with open(name, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest()
    except OSError:
        return None
