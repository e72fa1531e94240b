"""Full-text search for a static site of any size: an index cut into files of which a
reader's browser fetches only the few a query needs (the search page's script, search.js,
reads them; publish makes them, see publish._index_work).

The stories, oldest first, fall into chunks: each full run of 10,000 stories is one chunk,
the stories after the last full ten thousand one chunk per full thousand, and the rest (the
newest, fewer than a thousand) the one chunk a day's stories change. A chunk's words are
spread over a fixed number of bucket files by a hash of the word. What a result shows of
each story (headline, address, date, topic, and its text, for the snippet) is in packs of
eight stories, numbered from the oldest. A query fetches, per word, one bucket of each
chunk, then the packs of the ten results it shows: a few hundred KB at most, however large
the archive. Each group of files is made only when what it is made of changed (its key),
so a new day makes the newest chunk's buckets and its own packs, and nothing older.

Words are folded (case, accents: `quebec` finds Québec) and reduced to a key shared by
their plural and singular forms in English and French (`tariffs`, `tariff`; `journaux`,
`journal`). The reduction rules and stop words travel to the browser in the page's settings;
search.js folds and cuts words as `terms` does (a browser test holds them to it).
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from digest.article import Article
from digest.dates import month_name
from digest.inputs import code_version

FORMAT = 1           # of the files: a change makes every chunk's files anew
BIG, SMALL = 10_000, 1_000  # stories in a full chunk of each size
BUCKETS = {BIG: 256, SMALL: 32}  # bucket files per chunk; the newest chunk has a small one's
PACK = 8             # stories per pack of text
MIN_LENGTH = 3       # shortest key a reduction may leave

# Ordered (suffix, replacement, letters that must stay before it): the first rule whose
# suffix the word ends with, with enough letters before it, applies; an unchanged rule
# (`ss` -> `ss`) keeps a word as it is. Then trailing `e`s go, when three letters stay
# (taxe/taxes/tax, nommée/nommé, house/houses).
RULES: tuple[tuple[str, str, int], ...] = (
    ("eaux", "eau", 1), ("eux", "eu", 1), ("oux", "ou", 1), ("aux", "al", 2),  # bureaux, jeux, genoux, journaux
    ("ies", "y", 2), ("ie", "y", 2),    # companies/company; séries/série (both ways to one key)
    ("uses", "us", 3), ("ss", "ss", 0), ("us", "us", 3), ("is", "is", 3),  # statuses, business, status, Paris
    ("s", "", 2),                       # (élus, amis: too short to be status or Paris)
)

# Words too common to find anything (English and French function words, folded; not those
# that are also names or nouns: WHO, Will, été): not indexed, and dropped from queries alike.
STOP = frozenset("""
a an and are as at be been but by for from had has have he her his i in into is it its of on or
our she that the their them they this to was we were which with would you said says
le la les un une des du de et ou au aux en dans sur par pour avec est sont il elle ils elles son
sa ses leur leurs ce cette ces qui que qu ne pas se lui y etre ont
""".split())

_SPLIT_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # scripts written without spaces
# Letters and digits as Python's Unicode version knows them: a character newer than it is a
# separator here and a letter in a newer browser (rare: so far only in scripts news hardly uses).
_WORDS = re.compile(rf"[{_SPLIT_CJK}]|[^\W_{_SPLIT_CJK}]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
# Soft hyphens and zero-width characters join what they split (co\u00adoperation); the trade
# mark signs would fold into letters (Apple™ -> appletm)
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
                            "\ufeff": None, "\u2122": " ", "\u2120": " "})
_TAGS = re.compile(r"<[^>]*>")
_DATE = re.compile(r"\b\d{4}-\d\d(?:-\d\d)?\b", re.ASCII)  # search.js: the same (its \b and \d are ASCII)


def fold(text: str) -> str:
    """Lower case, without accents or ligatures (search.js folds the same way)."""
    if text.isascii():
        return text.lower()
    # lower case again after NFKD, which makes capitals of some symbols (№ -> No, ℂ -> C)
    text = unicodedata.normalize("NFKD", text.translate(_INVISIBLE).lower()).translate(_LIGATURES).lower()
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))  # \p{M} in search.js


def reduce(word: str) -> str:
    """A folded word's key: plural and singular (and French feminine) forms share one."""
    if len(word) <= MIN_LENGTH:
        return word
    for suffix, replacement, before in RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= before:
            word = word[: len(word) - len(suffix)] + replacement
            break
    stripped = word.rstrip("e")
    return stripped if len(stripped) >= MIN_LENGTH else word


def terms(text: str, memo: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The keys of `text`'s words, stop words and single letters left out.

    The text is cut at spaces (fast), and each distinct piece (`constructive,”`, `S&P/TSX`)
    is folded and cut into words once per build (`memo`): the regex over whole texts, or
    folding them, costs several times more."""
    memo = {} if memo is None else memo
    pieces = set(unicodedata.normalize("NFC", text).lower().split())
    for piece in pieces.difference(memo):
        dates = _DATE.findall(piece)  # a date as written, 2025-03-28, is one key
        words = _WORDS.findall(fold(_DATE.sub(" ", piece) if dates else piece))
        memo[piece] = (*dates, *filter(None, map(_key, words)))
    return set().union(*map(memo.__getitem__, pieces))


def _key(word: str) -> str:
    if word in STOP or (len(word) == 1 and "a" <= word <= "z"):  # a single digit stays: March 5
        return ""
    return reduce(word)


def bucket_of(key: str, buckets: int) -> int:
    """FNV-1a over the key's code points (search.js hashes alike)."""
    h = 0x811C9DC5
    for ch in key:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


def plain_text(body_html: str) -> str:
    """A story's body as text: paragraphs on lines of their own, markup gone."""
    text = _TAGS.sub("", body_html.replace("</p>", "\n").replace("<br />", "\n").replace("<br>", "\n"))
    return html.unescape(text).strip()


@dataclass(frozen=True, slots=True)
class Files:
    """A group of index files made together, and the key of what they are made of: a group
    whose files the output holds as made from that key is not made again."""

    names: tuple[str, ...]   # paths within the search folder
    key: str
    stories: tuple[Article, ...]
    buckets: int = 0         # a chunk's bucket files (0: a pack)

    def make(self, topic_titles: Mapping[str, str]) -> list[tuple[str, bytes]]:
        if self.buckets:
            return list(zip(self.names, _bucket_files(self.stories, self.buckets, topic_titles), strict=True))
        return list(zip(self.names, _pack_files(self.stories, topic_titles), strict=True))


@dataclass(frozen=True, slots=True)
class Index:
    """The site's search index as files to make: its chunks' buckets, and its packs."""

    groups: tuple[Files, ...]
    settings: dict[str, Any]   # what search.js needs first: written into the search page (read only)
    topic_titles: Mapping[str, str]


def plan(articles: Sequence[Article], topic_titles: Mapping[str, str]) -> Index:
    """The index of `articles` (newest first, as a site holds them). Cheap: nothing is made."""
    oldest_first = tuple(reversed(articles))
    version = code_version()
    story_keys = [_story_key(a, topic_titles, version) for a in oldest_first]
    groups, chunk_list = [], []
    for start, size in _chunk_bounds(len(oldest_first)):
        full = size in BUCKETS
        name = f"{start}-{size}" if full else f"{start}-new"
        buckets = BUCKETS[size] if full else BUCKETS[SMALL]
        key = _digest(story_keys[start: start + size])
        groups.append(Files(tuple(f"{name}/b{n}" for n in range(buckets)), key, oldest_first[start: start + size],
                            buckets))
        chunk_list.append([name, start, size, buckets])
    for first in range(0, len(oldest_first), PACK):  # a pack per group: one edited story remakes one pack
        groups.append(Files((f"p/{first // PACK}",), _digest(story_keys[first: first + PACK]),
                            oldest_first[first: first + PACK]))
    settings = {"count": len(oldest_first), "pack": PACK, "rules": [list(r) for r in RULES], "min": MIN_LENGTH,
                "stop": sorted(STOP), "chunks": chunk_list}
    return Index(tuple(groups), settings, MappingProxyType(dict(topic_titles)))


def _chunk_bounds(total: int) -> list[tuple[int, int]]:
    """(start, size) of each chunk, oldest first: full runs of BIG, then of SMALL, then the rest."""
    out, start = [], 0
    for size in (BIG, SMALL):
        while total - start >= size:
            out.append((start, size))
            start += size
    if start < total:
        out.append((start, total - start))
    return out


def _story_key(article: Article, topic_titles: Mapping[str, str], version: str) -> str:
    """Everything of a story its index entries read (its file's hash stands for its words)."""
    return "\x1f".join((version, article.source_hash, article.url, article.date.isoformat(), article.language,
                        topic_titles.get(article.topic, article.topic), *article.tags))


def _digest(parts: Sequence[str]) -> str:
    return hashlib.sha1("\n".join((str(FORMAT), *parts)).encode("utf-8", "surrogateescape")).hexdigest()


def _story_terms(article: Article, topic_titles: Mapping[str, str], memo: dict[str, tuple[str, ...]],
                 months: dict[tuple[int, int, str], set[str]]) -> tuple[set[str], set[str]]:
    """(keys of its headline, keys of everything searchable in it: its words, names, topic,
    source, and its date as `2025`, `2025-03`, `2025-03-28`, `28` and the month's name)."""
    headline = terms(article.title, memo)
    day = article.date.date()
    month = months.get((day.year, day.month, article.language))
    if month is None:
        named = f"{month_name(day, 'en')} {month_name(day, article.language)}"
        month = months[(day.year, day.month, article.language)] = terms(named, memo) | {f"{day.year}-{day.month:02d}"}
    rest = " ".join((article.summary, plain_text(article.body_html), " ".join(article.tags),
                     " ".join(article.authors), article.source, article.dateline,
                     topic_titles.get(article.topic, article.topic)))
    return headline, headline | terms(rest, memo) | month | {day.isoformat(), str(day.day)}


def _bucket_files(stories: Sequence[Article], buckets: int, topic_titles: Mapping[str, str]) -> list[bytes]:
    """A chunk's buckets: `{key: [numbers]}`, each story that has the key as its place in the
    chunk, written as the gap from the previous one times two, plus one when the key is in
    its headline."""
    memo: dict[str, tuple[str, ...]] = {}
    months: dict[tuple[int, int, str], set[str]] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    in_headlines: dict[str, set[int]] = defaultdict(set)
    for number, article in enumerate(stories):
        headline, every = _story_terms(article, topic_titles, memo, months)
        for key in every:
            postings[key].append(number)
        for key in headline:
            in_headlines[key].add(number)
    tables: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    for key in sorted(postings):
        numbers = postings[key]
        tables[bucket_of(key, buckets)][key] = _gaps(numbers, in_headlines.get(key, ()))
    return [_packed(table, 6) for table in tables]


def _gaps(numbers: list[int], in_headline: Collection[int]) -> list[int]:
    """Story numbers (ascending) as their gaps, times two, plus one for a headline's."""
    return [(n - before) * 2 + (n in in_headline) for before, n in zip([-1, *numbers], numbers, strict=False)]


def _places(gaps: Sequence[int]) -> dict[int, int]:
    """What `_gaps` wrote, read back: story number -> 1 when the key is in its headline, else 0."""
    places, n = {}, -1
    for gap in gaps:
        n += gap >> 1
        places[n] = gap & 1
    return places


def _pack_files(stories: Sequence[Article], topic_titles: Mapping[str, str]) -> list[bytes]:
    """One pack: what a result shows of each of its stories, its text for the snippet."""
    return [_packed([{"t": a.title, "u": a.url, "d": a.date.date().isoformat(), "l": a.language,
                      "c": topic_titles.get(a.topic, a.topic), "s": a.summary, "x": plain_text(a.body_html)}
                     for a in stories], 4)]


def _packed(value: Any, level: int) -> bytes:
    """JSON, gzipped (mtime 0: the same index gives the same bytes). The reader's browser
    unpacks it; a host that sends it as it is counts its bytes, not the text's."""
    return gzip.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), level, mtime=0)


def edited(index: Index, articles: Sequence[Article],
           read: Callable[[str], bytes | None]) -> tuple[Index, list[tuple[str, bytes]]]:
    """The index after the words of some stories changed (`articles`: the site's, the new
    versions in place of the old), and the files that changed,
    by their path in the search folder. Only the buckets of the words that came or went are
    read (`read(name)`: a file as the output holds it, None when it cannot be read, in which
    case the whole chunk is made again): the preview's edit stays fast on a large site."""
    new_index = plan(articles, index.topic_titles)
    old_groups = {g.names: g for g in index.groups}
    out: list[tuple[str, bytes]] = []
    for group in new_index.groups:
        old = old_groups.get(group.names)
        if old is None or old.key == group.key:
            continue
        if not group.buckets:
            out += group.make(new_index.topic_titles)
            continue
        patched = _patched_buckets(old, group, new_index.topic_titles, read)
        out += patched if patched is not None else group.make(new_index.topic_titles)
    return new_index, out


def _patched_buckets(old: Files, new: Files, topic_titles: Mapping[str, str],
                     read: Callable[[str], bytes | None]) -> list[tuple[str, bytes]] | None:
    memo: dict[str, tuple[str, ...]] = {}
    months: dict[tuple[int, int, str], set[str]] = {}
    changes: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))  # bucket -> key -> n -> flag
    for number, (before, after) in enumerate(zip(old.stories, new.stories, strict=True)):
        if before is after:
            continue
        (old_head, old_all), (new_head, new_all) = (_story_terms(a, topic_titles, memo, months)
                                                    for a in (before, after))
        for key in (old_all ^ new_all) | (old_head ^ new_head):
            changes[bucket_of(key, new.buckets)][key][number] = (key in new_head) if key in new_all else -1
    out = []
    for bucket, keys in sorted(changes.items()):
        data = read(new.names[bucket])
        try:
            table = json.loads(gzip.decompress(data)) if data is not None else None
        except (OSError, EOFError, ValueError):
            table = None
        if not isinstance(table, dict):
            return None
        for key, numbers in keys.items():
            flags = _places(table.get(key, ()))
            for number, flag in numbers.items():
                if flag < 0:
                    flags.pop(number, None)
                else:
                    flags[number] = int(flag)
            if flags:
                table[key] = _gaps(sorted(flags), {n for n, flag in flags.items() if flag})
            else:
                table.pop(key, None)
        out.append((new.names[bucket], _packed(dict(sorted(table.items())), 6)))
    return out
