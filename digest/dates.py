"""Dates as a newsroom writes them, in the story's language, without touching the process locale.

English is written here in Canadian Press style (March 28, 2025 at 11:09 a.m. EDT);
every other language through Babel's CLDR data (2 avril 2025 à 13 h 48 HAE),
loaded only when a page shows a date in that language.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# Between a date and its time; other languages use their CLDR pattern (`{1}, {0}`).
_AT = {"en": "at", "fr": "à"}
# A language alone names the region digest is made for: La Presse Canadienne writes `13 h 48`.
_REGION = {"fr": "fr_CA", "en": "en_CA"}


def long_date(day: dt.date, language: str = "en") -> str:
    """March 28, 2025 · 28 mars 2025"""
    if language == "en":
        return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    return _babel_date(day, language, "long")


def month_name(day: dt.date, language: str = "en") -> str:
    """March 2025 · mars 2025"""
    if language == "en":
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    return _babel_date(day, language, "LLLL y")


def clock(moment: dt.datetime, language: str = "en") -> str:
    """11:09 a.m. (Canadian Press style) · 13 h 48"""
    if language == "en":
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'}"
    from babel.dates import format_time

    return str(format_time(moment, "short", locale=_locale(language)))


def long_datetime(moment: dt.date, language: str = "en") -> str:
    """March 28, 2025 at 11:09 a.m. EDT; a date alone (a story whose copy gives no time) as its long date."""
    if not isinstance(moment, dt.datetime):
        return long_date(moment, language)
    return _long_datetime(moment, moment.tzinfo, moment.fold, language)


# Every list shows a story's time again. The zone and fold are part of the key because equal
# datetimes can read differently: 11:09 EDT == 15:09 UTC, and 1:30 EDT == 1:30 EST in a zone's repeated hour.
@functools.lru_cache(maxsize=1 << 16)
def _long_datetime(moment: dt.datetime, zone: dt.tzinfo | None, fold: int, language: str) -> str:
    if language == "en":
        return f"{long_date(moment.date())} at {clock(moment)} {moment.tzname() or ''}".rstrip()
    from babel.dates import format_time

    zone_name = str(format_time(moment, "z", locale=_locale(language)))
    time = clock(moment, language) + (f" {zone_name}" if zone_name.isalpha() else "")
    day = long_date(moment.date(), language)
    if language in _AT:
        return f"{day} {_AT[language]} {time}"
    return str(_locale(language).datetime_formats["long"]).replace("{1}", day).replace("{0}", time)


@functools.lru_cache(maxsize=1 << 12)
def _babel_date(day: dt.date, language: str, pattern: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, pattern, locale=_locale(language)))


@functools.lru_cache(maxsize=64)
def _locale(language: str) -> Any:
    from babel import Locale, UnknownLocaleError

    for name in (_REGION.get(language, ""), language.replace("-", "_"), language.split("-")[0]):
        if not name:
            continue
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")  # a language CLDR does not know: dates as Babel writes English


@functools.lru_cache(maxsize=256)
def language_name(code: str, language: str = "en") -> str:
    """The name of language `code` in `language` (`fr` in English: French), or the code itself."""
    name = _locale(language).languages.get(code.replace("-", "_")) or _locale(language).languages.get(code.split("-")[0])
    return str(name) if name else code


@functools.lru_cache(maxsize=64)
def og_locale(code: str) -> str:
    """A language as Open Graph names a locale (`fr-CA` -> fr_CA): a bare `en` or `fr` as the
    site's dates are written (Canadian), another in CLDR's most likely region for it."""
    from babel.core import get_global

    parts = code.replace("_", "-").split("-")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if not region and len(parts) == 1 and code in _REGION:
        return _REGION[code]
    if not region:  # a script (zh-Hant) says the region where it is written: Taiwan
        script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), "")
        likely_subtags = get_global("likely_subtags")
        likely = str(likely_subtags.get(f"{parts[0].lower()}_{script}" if script else "", "")
                     or likely_subtags.get(parts[0].lower(), ""))
        region = likely.split("_")[-1] if likely.count("_") else ""
    return f"{parts[0].lower()}_{region}" if region else parts[0].lower()


def build_time() -> dt.datetime | None:
    """The build's time, only with SOURCE_DATE_EPOCH: builds are otherwise byte-identical
    whenever they run."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None
