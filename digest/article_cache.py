"""The build cache of parsed articles: a file whose size and mtime are unchanged is not parsed again.

Kept in the site's state folder (.digest/cache/), never in output/. Everything
an Article depends on besides its file (time zone, topics, URL pattern,
digest's version) is part of the cache's key: change any and the cache starts over.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import SiteConfig
from digest.content import Article
from digest.inputs import code_version, is_racy
from digest.scan import FileStat

_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_HASH_FIELD = _FIELDS.index("source_hash")

_Entry = tuple[int, int, tuple, bool]  # size, mtime_ns, the Article's fields, racy (verify by hash)
# Fields, not Articles: unpickling dataclass objects costs twice as much, and this is
# read at the start of every build.


def _key(config: SiteConfig) -> str:
    parts = (code_version(), config.timezone, config.default_topic, tuple(t.slug for t in config.topics),
             config.path_of("article"), str(config.root), config.language, config.ignore_tags)
    return hashlib.sha1(repr(parts).encode()).hexdigest()


@dataclass(slots=True)
class ArticleCache:
    path: Path
    key: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def empty(cls, config: SiteConfig) -> "ArticleCache":
        return cls(config.state_dir / "cache" / "articles.pickle", _key(config), dirty=True)

    @classmethod
    def load(cls, config: SiteConfig) -> "ArticleCache":
        cache = cls.empty(config)
        try:
            with open(cache.path, "rb") as fh:
                key, entries = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return cache  # missing, or written by another version: start over
        if key == cache.key and isinstance(entries, dict):
            cache.entries, cache.dirty = entries, False
        return cache

    def lookup(self, files: list[FileStat]) -> tuple[dict[str, Article], list[FileStat]]:
        """(articles still valid by path, files to parse)."""
        found: dict[str, Article] = {}
        todo = []
        for stat in files:
            name, size, mtime = stat
            entry = self.entries.get(name)
            if entry is not None and entry[0] == size and entry[1] == mtime:
                fields = entry[2]
                if not entry[3] or _sha1_of(name) == fields[_HASH_FIELD]:
                    found[name] = Article(*fields)
                    continue
            todo.append(stat)
        return found, todo

    def store(self, stat: FileStat, article: Article) -> None:
        """Remember `article`, parsed from a file that had `stat` before it was read. A file
        saved too recently to trust its mtime is checked by its hash when used."""
        name, size, mtime = stat
        fields = tuple(getattr(article, f) for f in _FIELDS)
        self.entries[name] = (size, mtime, fields, is_racy(mtime, time.time_ns()))
        self.dirty = True

    def save(self, keep: list[FileStat]) -> None:
        """Write the cache if it changed, forgetting files that are gone."""
        kept = {name for name, _, _ in keep}
        if len(kept) != len(self.entries) or not kept.issuperset(self.entries):
            self.entries = {k: v for k, v in self.entries.items() if k in kept}
            self.dirty = True
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((self.key, self.entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)


def _sha1_of(name: str) -> str | None:
    try:
        with open(name, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest()
    except OSError:
        return None
