"""How common a word is (wordfreq's Zipf scale), from a table kept in the user's cache.

wordfreq answers exactly, but importing it and loading a language's list costs about a
third of a second, paid by every ingest that meets a new capitalised word (a day's copy
always does). Names only ask whether a word is rare or common, so the words of the list at
or above `FLOOR` are kept once as JSON in the user's cache folder (outside every site: a
site folder cannot plant it), keyed by the list file they came from; a plain word is looked
up there, anything else (hyphens, apostrophes, digits) asks wordfreq itself.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from digest.state import user_key_dir, write_atomic

FLOOR = 3.0  # below this the table holds no word: every caller's threshold is at or above it
LANGUAGES = ("en", "fr")
_VERSION = 1


def zipf(word: str, language: str) -> float:
    """wordfreq's `zipf_frequency(word, language)` where it is at least FLOOR, else a value
    below FLOOR (0 for a word the table lacks). English for languages other than `LANGUAGES`."""
    language = language if language in LANGUAGES else "en"
    table = _table(language)
    if table is not None and _plain(word):
        return table.get(word.casefold(), 0.0)  # wordfreq's own tokens: NFC, case-folded
    return _exact(word, language)


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
            if all(type(v) is float for v in words.values()):
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

    least = 10 ** (FLOOR - 9) * 0.99  # Zipf is log10 of the frequency per billion words, rounded
    return {word: z for word, frequency in get_frequency_dict(language, "best").items()
            if frequency >= least and _plain(word) and (z := _exact(word, language)) >= FLOOR}


def forget() -> None:
    """Drop the tables read in this process (tests that point the cache elsewhere)."""
    _table.cache_clear()

