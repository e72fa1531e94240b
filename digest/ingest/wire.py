"""The wire-copy parser: one raw article file in, one `RawStory` out.

The format (see DESIGN.md): a `date YYYY-MM-DD Title` header, then optional
byline, `Posted` and `Last Updated` blocks, the body paragraphs (the first may
open with a dateline), and credits at the end. Blocks are separated by blank lines.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.errors import Problem
from digest.text import clean_text

MAX_BYTES = 5 * 1024 * 1024
MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9

HEADER_RE = re.compile(r"^date\s+(\S+)(?:\s+(.*))?$", re.S)
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
BYLINE_RE = re.compile(r"^By\s+(\S.*)$", re.S)
STAMP_RE = re.compile(r"^(Posted|Last Updated)\s+(.*)$", re.S)
# What makes a Posted line a time stamp rather than a sentence: a word and then a number.
STAMP_SHAPE = re.compile(r"^(?:on\s+)?[A-Za-z]+\.?\s+\d")
# A byline name: capitalised words, with the particles names carry (de, van, von, bin ...).
NAME_RE = re.compile(r"^(?:[^\W\d_][\w.'’-]*|de|du|da|di|la|le|van|von|der|den|bin|al|y)"
                     r"(?:\s+(?:[^\W\d_][\w.'’-]*|de|du|da|di|la|le|van|von|der|den|bin|al|y)){0,5}$")
WHEN_RE = re.compile(
    r"^(?:on\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s*(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?\s*\.?$",
    re.I)
# `OTTAWA —`, `VAUGHAN, Ont. —` or `KYIV, Ukraine (AP) —`: a city in capitals, maybe its
# province or country, an optional agency, a dash.
DATELINE_RE = re.compile(
    r"^([^\W\da-z_](?:[^\W\da-z_]|[ .'’&-])*?(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?)"
    r"\s*(?:\(([^()\n]{1,40})\))?\s*(?:—|–|--)\s+")
TRAILER_RE = re.compile(r"^This (?:report|story|article) by .+ was first published\b", re.S)


@dataclass(frozen=True, slots=True)
class RawStory:
    """What a raw file says, in its own words; nothing classified yet."""

    path: Path
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    authors: tuple[str, ...]
    source: str
    dateline: str
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...]
    warnings: tuple[Problem, ...] = field(default=())


class RawError(Exception):
    """The file cannot become a story; carries the one-line problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """Bytes to clean text: BOM dropped, newlines made LF, controls removed.

    Files that are not UTF-8 were almost always saved by a Windows editor, so
    they are read as Windows-1252 (a curly quote stays a curly quote) with a warning.
    """
    warnings: list[Problem] = []
    if not data.strip():
        raise RawError(Problem(path, 1, "the file is empty", "delete it or paste the article into it"))
    if len(data) > MAX_BYTES:
        raise RawError(Problem(path, 1, f"the file is {len(data) // 1024 // 1024} MB, over the 5 MB limit",
                               "a news article is far smaller; check that this is the right file"))
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise RawError(Problem(path, line, "the file holds binary data (a NUL byte), not text",
                               "save the article as plain text"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise RawError(Problem(path, line, "the file is neither UTF-8 nor Windows-1252 text",
                                   "save it as UTF-8")) from None
        warnings.append(Problem(path, line, "not UTF-8; read as Windows-1252",
                                "save it as UTF-8 to silence this", warning=True))
    return clean_text(text), warnings


def blocks(text: str) -> list[tuple[int, str]]:
    """Paragraph blocks with the 1-based line each starts on; lines stripped at both ends."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            out.append((start, "\n".join(current)))
            current = []
    if current:
        out.append((start, "\n".join(current)))
    return out


def parse(path: Path, data: bytes, zone: ZoneInfo) -> RawStory:
    """Parse one raw file; raise RawError with the first thing that makes it unusable."""
    text, warnings = decode(path, data)
    parts = blocks(text)
    if not parts:
        raise RawError(Problem(path, 1, "the file is empty", "delete it or paste the article into it"))
    line, first = parts[0]
    header = HEADER_RE.match(first)
    if not header:
        raise RawError(Problem(path, line, "no `date YYYY-MM-DD Title` header",
                               "make the first line like `date 2025-03-28 Title of the story`"))
    day = _iso_date(path, line, header.group(1))
    title = " ".join((header.group(2) or "").split())
    if not title:
        raise RawError(Problem(path, line, "the header has a date but no title",
                               "write the title after the date on the first line"))
    authors: tuple[str, ...] = ()
    source = ""
    stamps: dict[str, dt.datetime] = {}
    index = 1
    while index < len(parts):
        line, block = parts[index]
        if "\n" in block:
            break
        byline = BYLINE_RE.match(block)
        stamp = STAMP_RE.match(block)
        if byline and not authors and not source and (parsed := parse_byline(byline.group(1))):
            authors, source = parsed
        elif stamp and stamp.group(1) not in stamps and STAMP_SHAPE.match(stamp.group(2)):
            stamps[stamp.group(1)] = _stamp(path, line, stamp.group(1), stamp.group(2), zone)
        else:
            break  # the body starts here: "By Friday, ..." or "Posted in the lobby" is story text
        index += 1
    body = [block for _, block in parts[index:]]
    body, credits = split_credits(body, authors, source)
    if not body:
        raise RawError(Problem(path, parts[-1][0], "the story has no body text",
                               "add the article's paragraphs after the header"))
    dateline = ""
    match = DATELINE_RE.match(body[0])
    if match and any(c.isalpha() for c in match.group(1)):
        dateline = match.group(1).strip()
    posted = stamps.get("Posted")
    if posted is None:
        date = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone)
    else:
        date = posted
        if posted.date() != day:
            warnings.append(Problem(path, 1, f"header date {day} and Posted date {posted.date()} differ; "
                                    "using Posted", "correct whichever is wrong", warning=True))
    return RawStory(path, title, date, stamps.get("Last Updated"), authors, source, dateline,
                    tuple(body), credits, tuple(warnings))


def _iso_date(path: Path, line: int, text: str) -> dt.date:
    match = ISO_DATE_RE.match(text)
    if not match:
        raise RawError(Problem(path, line, f"'{text}' is not a date", "write it as YYYY-MM-DD"))
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise RawError(Problem(path, line, f"impossible date {text}",
                               "check the day and month in the header")) from None


def _stamp(path: Path, line: int, label: str, text: str, zone: ZoneInfo) -> dt.datetime:
    example = f"write it like `{label} March 28, 2025 11:09 am.`"
    match = WHEN_RE.match(text.strip())
    month = MONTHS.get(match.group(1).lower()) if match else None
    if not match or month is None:
        raise RawError(Problem(path, line, f"cannot read the {label} time {text.strip()!r}", example))
    hour = int(match.group(4) or 0)
    minute = int(match.group(5) or 0)
    if match.group(4):
        if not 1 <= hour <= 12 or minute > 59:
            raise RawError(Problem(path, line, f"impossible {label} time {text.strip()!r}", example))
        hour = hour % 12 + (12 if match.group(6).lower() == "p" else 0)
    try:
        return dt.datetime(int(match.group(3)), month, int(match.group(2)), hour, minute, tzinfo=zone)
    except ValueError:
        raise RawError(Problem(path, line, f"impossible {label} date {text.strip()!r}", example)) from None


def parse_byline(text: str) -> tuple[tuple[str, ...], str] | None:
    """`A, B and C, Source` -> ((A, B, C), Source); `Source` alone is a staff byline.

    None when the line only starts like a byline ("By Friday, the bill had passed"):
    every name and the source must be a short run of capitalised words.
    """
    text = " ".join(text.split()).rstrip(".")
    if ", " not in text:
        authors, source = [], text
    else:
        names, source = text.rsplit(", ", 1)
        authors = [a.strip() for a in re.split(r",\s+(?:and\s+)?|\s+and\s+", names) if a.strip()]
    if not all(_is_name(n) for n in [*authors, source]):
        return None
    return tuple(authors), source.strip()


def _is_name(text: str) -> bool:
    return bool(NAME_RE.match(text)) and text[0].isupper()


def split_credits(body: list[str], authors: tuple[str, ...], source: str) -> tuple[list[str], tuple[str, ...]]:
    """Take the `This report by ...` trailer and the closing signature off the end of the body."""
    credits: list[str] = []
    signature = _signature(authors, source)
    while body:
        last = body[-1]
        if TRAILER_RE.match(last) or (signature and " ".join(last.split()).rstrip(".") == signature):
            credits.insert(0, body.pop())
        else:
            break
    return body, tuple(credits)


def _signature(authors: tuple[str, ...], source: str) -> str:
    """The closing line that repeats the byline: `A and B, Source`, or the source alone for staff."""
    if not authors:
        return source
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return f"{names}, {source}" if source else names
