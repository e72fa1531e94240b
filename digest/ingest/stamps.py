"""Posted and updated times as copy writes them, in English and in French.

`March 28, 2025 11:09 am.`, `Apr. 2, 2025 at 3:14 p.m. ET`, `4:18 PM EDT, March 26, 2025`,
`2 avril 2025 à 13 h 48`. A time given with a zone is read in that zone and
shown in the site's; a stamp without a clock time is a date, never midnight.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
MOIS = {name: i for i, name in enumerate(
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"], start=1)}
MOIS.update({"janv": 1, "févr": 2, "fevrier": 2, "avr": 4, "juil": 7, "aout": 8, "sept": 9, "oct": 10,
             "nov": 11, "déc": 12, "decembre": 12})

# North American zones as copy abbreviates them, each read as its region's zone (EST written
# in July still means Eastern time); French ones too (HAE: heure avancée de l'Est).
_REGIONS = {"E": "America/Toronto", "C": "America/Winnipeg", "M": "America/Edmonton",
            "P": "America/Vancouver", "A": "America/Halifax", "N": "America/St_Johns"}
ZONES = {f"{r}{s}": zone for r, zone in _REGIONS.items() for s in ("T", "DT", "ST")}
ZONES.update({f"H{s}{r}": zone for r, zone in _REGIONS.items() for s in ("A", "N")})
# ... and French's own letters for two regions: Rocheuses (HNR: Mountain), Terre-Neuve (HNT: Newfoundland)
ZONES.update({f"H{s}{r}": _REGIONS[english] for r, english in (("R", "M"), ("T", "N")) for s in ("A", "N")})
ZONES.update({"GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London", "CET": "Europe/Paris",
              "CEST": "Europe/Paris"})
# ... or an offset from UTC, as Reuters' pages write it: `9:26 AM GMT+3`
_OFFSET = re.compile(r"(?:GMT|UTC)([+-]\d{1,2})", re.I)
_ZONE = r"(?:\s+((?:GMT|UTC)[+-]\d{1,2}|" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b\.?)?"
_WEEKDAY = (r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
            r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?")
_CLOCK = r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?"

_ENGLISH_DATE_FIRST = re.compile(
    rf"^(?:on\s+)?{_WEEKDAY}([A-Za-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:,?\s*(?:at\s+|-\s+)?{_CLOCK}{_ZONE})?\s*\.?$", re.I)
_ENGLISH_TIME_FIRST = re.compile(
    rf"^(?:at\s+)?{_CLOCK}{_ZONE},?\s+(?:on\s+)?{_WEEKDAY}([A-Za-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\s*\.?$", re.I)
_FRENCH = re.compile(
    rf"^(?:le\s+)?{_WEEKDAY}(\d{{1,2}})(?:er)?\s+([^\W\d_]+)\.?\s+(\d{{4}})"
    rf"(?:\s*(?:à|,|-)?\s*(\d{{1,2}})\s*(?:h|:)\s*(\d{{2}})?{_ZONE})?\s*\.?$", re.I)
# A time of day alone (`Mis à jour à 12 h 47`, `Updated at 6:05 p.m.`): sites write the day
# only when it differs from the one the story was published on.
_CLOCK_ALONE = re.compile(rf"^(?:at\s+|à\s+)?(?:{_CLOCK}|(\d{{1,2}})\s*h\s*(\d{{2}})?){_ZONE}\s*\.?$", re.I)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A moment as the copy gives it: `timed` False when it gives the day only."""

    moment: dt.datetime
    timed: bool
    written_day: dt.date          # the day as the copy writes it, in the zone it names
    named: str = ""               # the zone it names (`PT`), if any


class StampError(ValueError):
    """Text that is meant as a stamp but is impossible; the message says which part: time or date."""


def read_stamp(text: str, zone: ZoneInfo) -> Stamp | None:
    """The stamp in `text` (the part after `Posted`), in `zone`; None when it is no stamp;
    StampError when it is one but impossible (`13:09 pm`, `February 30`)."""
    text = " ".join(text.split())
    if (m := _ENGLISH_DATE_FIRST.match(text)) and m.group(1).lower() in MONTHS:
        month, day, year, hour, minute, half, named = (MONTHS[m.group(1).lower()], *m.groups()[1:])
    elif (m := _ENGLISH_TIME_FIRST.match(text)) and m.group(5).lower() in MONTHS:
        hour, minute, half, named, day, year = (*m.groups()[:4], *m.groups()[5:])
        month = MONTHS[m.group(5).lower()]
    elif (m := _FRENCH.match(text)) and m.group(2).lower() in MOIS:
        day, month, year, hour, minute, named = m.group(1), MOIS[m.group(2).lower()], *m.groups()[2:]
        half = None
    else:
        return None
    clock = _clock_of(hour, minute, half) if hour else None  # (an impossible time is said before a date)
    try:
        day_of = dt.date(int(year), month, int(day))
    except ValueError:
        raise StampError("date") from None
    if clock is None:
        return Stamp(dt.datetime.combine(day_of, dt.time(0, 0), tzinfo=zone), False, day_of)
    return _stamp_at(day_of, *clock, named or "", zone)


def read_clock(text: str, day: dt.date, zone: ZoneInfo, day_named: str = "") -> Stamp | None:
    """The time of day in `text` (`à 12 h 47`, `at 6:05 p.m. ET`) on `day`, in the zone it names,
    or else the one the day was given in (`day_named`), or else `zone`; shown in `zone`. None when
    `text` is no time of day; StampError when it is an impossible one."""
    m = _CLOCK_ALONE.match(" ".join(text.split()))
    if not m:
        return None
    hour, minute, half, french_hour, french_minute, named = m.groups()
    clock = _clock_of(hour, minute, half) if half else _clock_of(french_hour, french_minute, None)
    return _stamp_at(day, *clock, named or day_named, zone)


def _clock_of(hour: str, minute: str | None, half: str | None) -> tuple[int, int]:
    """(hour, minute) on the 24-hour clock; StampError when impossible (`13:09 pm`)."""
    h, mi = int(hour), int(minute or 0)
    if half:
        if not 1 <= h <= 12 or mi > 59:
            raise StampError("time")
        return h % 12 + (12 if half.lower() == "p" else 0), mi
    if h > 23 or mi > 59:
        raise StampError("time")
    return h, mi


def _stamp_at(day: dt.date, hour: int, minute: int, named: str, zone: ZoneInfo) -> Stamp:
    """The moment on `day` in the zone `named` (`PT`), or in `zone`; shown in `zone`."""
    offset = _OFFSET.fullmatch(named)
    if offset and abs(int(offset.group(1))) > 14:
        raise StampError("time")
    given: dt.tzinfo = dt.timezone(dt.timedelta(hours=int(offset.group(1)))) if offset else \
        ZoneInfo(ZONES[named.upper()]) if named else zone
    moment = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=given)
    return Stamp(moment.astimezone(zone) if given is not zone else moment, True, day, named.upper())
