"""Dates as a newsroom writes them, without touching the process locale."""
from __future__ import annotations

import datetime as dt
import functools

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def long_date(day: dt.date) -> str:
    """March 28, 2025"""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def month_name(day: dt.date) -> str:
    """March 2025"""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def clock(moment: dt.datetime) -> str:
    """11:09 a.m. (Canadian Press style)"""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'}"


def long_datetime(moment: dt.datetime) -> str:
    """March 28, 2025 at 11:09 a.m. EDT"""
    return _long_datetime(moment, moment.tzinfo, moment.fold)


# Every list shows a story's time again. The zone and fold are part of the key because equal
# datetimes can read differently: 11:09 EDT == 15:09 UTC, and 1:30 EDT == 1:30 EST in a zone's repeated hour.
@functools.lru_cache(maxsize=1 << 16)
def _long_datetime(moment: dt.datetime, zone: dt.tzinfo | None, fold: int) -> str:
    return f"{long_date(moment.date())} at {clock(moment)} {moment.tzname() or ''}".rstrip()
