"""How common a word is (wordfreq's frequencies and Zipf scale), from a table kept in the
user's cache.

wordfreq answers exactly, but importing it and loading a language's list costs about a
third of a second, paid by every ingest of new copy (names ask whether a capitalised word
is rare or common, story grouping weighs words by rarity). Both only tell words apart at
or above `FLOOR`, so the words of the list that frequent are kept once as JSON in the
user's cache folder (outside every site: a site folder cannot plant it), keyed by the list
file they came from and wordfreq's version. A Zipf value for a plain word is worked out
from its frequency there as wordfreq does; anything else (hyphens, apostrophes, digits)
asks wordfreq itself.
"""
from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections.abc import Mapping
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from digest.ingest.language import primary
from digest.state import user_key_dir, write_atomic

FLOOR = 3.0  # Zipf: below this the table holds no word: every caller's threshold is at or above it
LANGUAGES = ("en", "fr")
_LEAST = 10 ** (FLOOR - 9) * 0.99  # the frequency of Zipf FLOOR, less what wordfreq's rounding may add
_VERSION = 2
_FEWEST = 1000  # a table of fewer words is no list wordfreq ships (en has 29,269)


def zipf(word: str, language: str) -> float:
    """wordfreq's `zipf_frequency(word, language)` where it is at least FLOOR, else a value
    below FLOOR (0 for a word the table lacks). English for languages other than `LANGUAGES`."""
    language = _primary(language)
    table = _table(language)
    if table is not None and _plain(word):
        frequency = table.get(word.casefold())  # wordfreq's own token: NFC, case-folded
        return _zipf(frequency) if frequency else 0.0
    return _exact(word, language)


@functools.cache
def frequencies(language: str) -> Mapping[str, float]:
    """wordfreq's frequency of each word of its list for `language` (`get_frequency_dict`), for
    the words of Zipf FLOOR and above; rarer ones are absent, as words off the list are."""
    language = _primary(language)
    table = _table(language)
    if table is not None:
        return table
    from wordfreq import get_frequency_dict

    return {w: f for w, f in get_frequency_dict(language).items() if f >= _LEAST}


def _primary(language: str) -> str:
    """The list for a language tag (`fr-CA` is French); English for others."""
    language = primary(language)
    return language if language in LANGUAGES else "en"


def _zipf(frequency: float) -> float:
    """What wordfreq's zipf_frequency makes of a word's listed frequency: rounded to three
    significant digits, then its Zipf value to two places."""
    rounded = round(frequency, math.floor(-math.log10(frequency)) + 3)
    return round(math.log10(rounded) + 9, 2)


def _plain(word: str) -> bool:
    """A word wordfreq reads as one token of its own letters, case-folded: letters of the Latin
    alphabets only (it splits runs of other scripts, and reads `ʼ` and `ŉ` as an apostrophe)."""
    return word.isalpha() and max(word) < "\u0250" and "ŉ" not in word and unicodedata.is_normalized("NFC", word)


def _exact(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # its word lists ship inside the package

    return float(zipf_frequency(word, language))


@functools.cache
def _table(language: str) -> dict[str, float] | None:
    """The words of `language` at or above FLOOR, from the cache (made on first use), or None
    when wordfreq's list cannot be found."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(next(iter(spec.submodule_search_locations))) / "data" / f"large_{language}.msgpack.gz"
    try:
        stat = source.stat()
    except OSError:
        return None
    try:
        version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:
        version = "?"
    key = f"{_VERSION}-{version}-{stat.st_size}-{stat.st_mtime_ns}"
    path = user_key_dir() / f"wordfreq-{language}.json"
    try:
        data = json.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("words"), dict):
            words = data["words"]
            if len(words) > _FEWEST and all(type(v) is float and _LEAST <= v <= 1 for v in words.values()):
                return words
    except (OSError, ValueError, RecursionError):
        pass
    words = _make(language)
    try:
        write_atomic(path, json.dumps({"key": key, "words": words}, ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # made again next time
    return words


def _make(language: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {word: frequency for word, frequency in get_frequency_dict(language, "best").items() if frequency >= _LEAST}


def forget() -> None:
    """Drop the tables read in this process (tests that point the cache elsewhere)."""
    _table.cache_clear()
    frequencies.cache_clear()

