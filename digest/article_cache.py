"""The build cache of parsed articles: a file whose size and mtime are unchanged is not parsed again.

Kept in the site's state folder (.digest/cache/), never in output/. Everything
an Article depends on besides its file (time zone, topics, URL pattern,
digest's version) is part of the cache's key: change any and the cache starts over.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from digest.config import SiteConfig
from digest.inputs import code_version, is_racy

if TYPE_CHECKING:
    from digest.content import Article

_Entry = tuple[int, int, "Article", bool]  # size, mtime_ns, article, racy (verify by hash)


def _key(config: SiteConfig) -> str:
    parts = (code_version(), config.timezone, config.default_topic, tuple(t.slug for t in config.topics),
             config.path_of("article"), str(config.root))
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

    def lookup(self, paths: list[Path]) -> tuple[dict[Path, "Article"], list[Path]]:
        """(articles still valid, paths to parse)."""
        found: dict[Path, Article] = {}
        todo = []
        for path in paths:
            entry = self.entries.get(str(path))
            if entry is not None:
                st = os.stat(path)
                if (entry[0], entry[1]) == (st.st_size, st.st_mtime_ns) and (
                        not entry[3] or hashlib.sha1(path.read_bytes()).hexdigest() == entry[2].source_hash):
                    found[path] = entry[2]
                    continue
            todo.append(path)
        return found, todo

    def store(self, path: Path, article: "Article", before: os.stat_result) -> None:
        """Remember `article`, parsed from `path` as it was at `before` (its stat taken before
        reading). A file saved too recently to trust its mtime is checked by its hash when used."""
        racy = is_racy(before.st_mtime_ns, time.time_ns())
        self.entries[str(path)] = (before.st_size, before.st_mtime_ns, article, racy)
        self.dirty = True

    def save(self, keep: list[Path]) -> None:
        """Write the cache if it changed, forgetting files that are gone."""
        kept = {str(p) for p in keep}
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
