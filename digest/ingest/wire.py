"""The wire-copy parser: one raw article file in, one `RawStory` out.

The format (see DESIGN.md): a `date YYYY-MM-DD Title` header, then optional
byline, `Posted` and `Last Updated` blocks (or `Par`, `Publié le`, `Mis à jour le`),
notes, the body paragraphs (the first may open with a dateline), and credits at
the end. Blocks are separated by blank lines. The shapes of each wire family
are data, in families.py; the body's structure is structure.py's.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.errors import Problem
from digest.ingest.bylines import parse_byline
from digest.ingest.families import CONVENTIONS, Conventions, family_marked, family_named
from digest.ingest.stamps import Stamp, StampError, read_stamp
from digest.ingest.structure import BULLET, NOTE, Block, shape, split_end, texts
from digest.text import clean_text

MAX_BYTES = 5 * 1024 * 1024

HEADER_RE = re.compile(r"^date\s+(\S+)(?:\s+(.*))?$", re.S)
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# What makes the rest of a `Posted` line a time stamp rather than a sentence: a word and then
# a number (`March 28`), or a day, a word and a year (`2 avril 2025`).
STAMP_SHAPE = re.compile(r"^(?:on\s+|le\s+)?(?:[^\W\d_]+\.?\s+\d|\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4})")
_CITY = r"[^\W\da-z_](?:[^\W\da-z_]|[ .'’&-])*?"
_REGION = r"(?:,\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
# `OTTAWA —`, `VAUGHAN, Ont. —` or `KYIV, Ukraine (AP) —`: a city in capitals, maybe its
# province or country, an optional agency, a dash.
DATELINE_RE = re.compile(rf"^({_CITY}{_REGION})\s*(?:\(([^()\n]{{1,40}})\))?\s*(?:—|–|--)\s+")
# Reuters: `OTTAWA, April 4 (Reuters) - `: a date may follow the place, and a hyphen is a dash
# once an agency is named.
AGENCY_DATELINE_RE = re.compile(
    rf"^({_CITY}{_REGION})(?:,\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s+\(([^()\n]{{1,40}})\)\s*(?:—|–|--|-)\s+")
# A line of a site's page saved along with the story (`Listen to this article`, `3 min read`):
# short, and no sentence.
_HEADER_NOISE_WORDS = 6
_SENTENCE_END = ".!?”\"»…:;,"


@dataclass(frozen=True, slots=True)
class RawStory:
    """What a raw file says, in its own words; nothing classified yet.

    `date` is the Posted moment, or midnight of the header's day when the copy gives no
    time (`timed` False: pages then show the day only). `language` is set only when the
    copy's own shape says it (a French byline, a family that writes one language)."""

    path: Path
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    authors: tuple[str, ...]
    source: str
    dateline: str
    paragraphs: tuple[str, ...]   # the words of the body, paragraph by paragraph (lists item by item)
    credits: tuple[str, ...]
    warnings: tuple[Problem, ...] = field(default=())
    blocks: tuple[Block, ...] = ()
    lede: str = ""                # the first paragraph without its dateline
    notes: tuple[str, ...] = ()
    timed: bool = True
    updated_timed: bool = True
    language: str | None = None


@dataclass(slots=True)
class _Header:
    """What the lines between the title and the body say."""

    authors: tuple[str, ...] = ()
    source: str = ""
    byline: str = ""              # the byline as written, after `By`: its signature repeats it
    stamps: dict[str, tuple[Stamp, int]] = field(default_factory=dict)
    conventions: Conventions | None = None
    notes: list[str] = field(default_factory=list)
    end: int = 1                  # the index of the first body block


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
    header_match = HEADER_RE.match(first)
    if not header_match:
        raise RawError(Problem(path, line, "no `date YYYY-MM-DD Title` header",
                               "make the first line like `date 2025-03-28 Title of the story`"))
    day = _iso_date(path, line, header_match.group(1))
    title = " ".join((header_match.group(2) or "").split())
    if not title:
        raise RawError(Problem(path, line, "the header has a date but no title",
                               "write the title after the date on the first line"))
    header = _read_header(path, parts, zone, warnings)
    signatures = _signatures(header)
    body, credits, end_notes = split_end(list(parts[header.end:]), signatures)
    if not body:
        raise RawError(Problem(path, parts[-1][0], "the story has no body text",
                               "add the article's paragraphs after the header"))
    dateline, agency, lede = _dateline(body[0][1])
    source = header.source
    family = family_named(source) if source else None
    if not source and agency and (family := family_marked(agency)):
        source = family.name  # `WASHINGTON (AP) —` under a byline of names only
    shaped = shape([block for _, block in body])
    posted = header.stamps.get("posted")
    if posted is None:
        date, timed = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone), False
        warnings.append(Problem(path, 1, f"no Posted line; dated {day} without a time",
                                "add a `Posted March 28, 2025 11:09 am.` line if the copy has one", warning=True))
    else:
        date, timed = posted[0].moment, posted[0].timed
        if posted[0].written_day != day:  # 9:40 PM PT on the 14th is the 15th in Toronto: no disagreement
            warnings.append(Problem(path, posted[1], f"header date {day} and Posted date {posted[0].written_day} differ; "
                                    "using Posted", "correct whichever is wrong", warning=True))
    updated = header.stamps.get("updated")
    language = family.language if family and family.language else \
        header.conventions.language if header.conventions else None
    return RawStory(path, title, date, updated[0].moment if updated else None, header.authors, source, dateline,
                    texts(shaped), credits, tuple(warnings), shaped, lede, (*header.notes, *end_notes),
                    timed, updated[0].timed if updated else True, language)


def _read_header(path: Path, parts: list[tuple[int, str]], zone: ZoneInfo, warnings: list[Problem]) -> _Header:
    """Byline, Posted and Updated lines and notes, up to the first paragraph of the story.

    Short lines among them that no rule knows (`Listen to this article`) are left out with a
    warning; when nothing around them is a header line, they are the story's own first lines."""
    header = _Header()
    unknown: list[tuple[int, int, str]] = []  # (block index, line, text)
    notes: list[tuple[int, str]] = []
    index = 1
    while index < len(parts):
        line, block = parts[index]
        if NOTE.match(block):
            notes.append((index, block))
        elif not _header_block(path, line, block, zone, header):
            if "\n" in block or not _is_noise(block):
                break
            unknown.append((index, line, block))
        index += 1
    if unknown and (not header.byline and not header.stamps or index == len(parts)):
        index = unknown[0][0]  # no header, or nothing after: what looked like one is the story
        unknown = []
    for _, line, text in unknown:
        warnings.append(Problem(path, line, f"header line {text!r} is not a byline, time or note; left out",
                                "delete it, or move it below the first paragraph if it is story text",
                                warning=True))
    header.notes = [text for at, text in notes if at < index]
    header.end = index
    return header


def _is_noise(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return (len(words) <= _HEADER_NOISE_WORDS and text[-1] not in _SENTENCE_END and not any(d in text for d in "—–")
            and not BULLET.match(text) and not DATELINE_RE.match(text) and not AGENCY_DATELINE_RE.match(text))


def _header_block(path: Path, line: int, block: str, zone: ZoneInfo, header: _Header) -> bool:
    """Read a block of header lines into `header`, all or nothing: False (and `header` as it
    was) when one of its lines is not a header line."""
    trial = dataclasses.replace(header, stamps=dict(header.stamps))
    if not all(_header_line(path, line + n, text, zone, trial) for n, text in enumerate(block.split("\n"))):
        return False
    for name in ("authors", "source", "byline", "stamps", "conventions"):
        setattr(header, name, getattr(trial, name))
    return True


def _header_line(path: Path, line: int, text: str, zone: ZoneInfo, header: _Header) -> bool:
    """Read one line into `header` if it is a byline, a time stamp or the outlet alone on its
    line (`By Jane Doe` then `The Canadian Press`); False if it is none of these."""
    if not header.source and (family := family_named(text.rstrip("."))):
        header.source = family.name
        return True
    for conventions in CONVENTIONS:
        prefix = conventions.byline + " "
        if text.startswith(prefix) and not header.byline:
            parsed = parse_byline(text[len(prefix):], conventions)
            if parsed:
                header.authors, header.source = parsed
                header.byline = " ".join(text[len(prefix):].split()).rstrip(".")
                header.conventions = header.conventions or conventions
                return True
        for kind, labels in (("updated", conventions.updated), ("posted", conventions.posted)):
            for label in labels:
                if text.startswith(label) and text[len(label):len(label) + 1] in (" ", ":") \
                        and kind not in header.stamps:
                    rest = text[len(label):].lstrip(": ")
                    stamp = _stamp(path, line, label, rest, zone)
                    if stamp is None:
                        return False
                    header.stamps[kind] = (stamp, line)
                    header.conventions = header.conventions or conventions
                    return True
    return False


def _stamp(path: Path, line: int, label: str, text: str, zone: ZoneInfo) -> Stamp | None:
    example = f"write it like `{label} March 28, 2025 11:09 am.`" if label[0] in "PLU" else \
        f"write it like `{label} 2 avril 2025 à 13 h 48`"
    try:
        stamp = read_stamp(text, zone)
    except StampError as exc:
        raise RawError(Problem(path, line, f"impossible {label} {exc} {text.strip()!r}", example)) from None
    if stamp is None and STAMP_SHAPE.match(text):
        raise RawError(Problem(path, line, f"cannot read the {label} time {text.strip()!r}", example))
    return stamp


def _dateline(paragraph: str) -> tuple[str, str, str]:
    """(place, agency, the paragraph after them) of a lede; ("", "", paragraph) without a dateline."""
    for pattern in (DATELINE_RE, AGENCY_DATELINE_RE):
        match = pattern.match(paragraph)
        if match and any(c.isalpha() for c in match.group(1)):
            return match.group(1).strip(), (match.group(2) or "").strip(), paragraph[match.end():]
    return "", "", paragraph


def _signatures(header: _Header) -> tuple[str, ...]:
    """The closing lines that repeat the byline (any case, without a final period)."""
    found = [header.byline]
    if header.authors:
        conjunction = header.conventions.conjunction if header.conventions else "and"
        names = header.authors[0] if len(header.authors) == 1 else \
            ", ".join(header.authors[:-1]) + f" {conjunction} " + header.authors[-1]
        found += [f"{names}, {header.source}" if header.source else names, names]
    elif header.source:
        found.append(header.source)
    return tuple(s.casefold() for s in found if s)


def _iso_date(path: Path, line: int, text: str) -> dt.date:
    match = ISO_DATE_RE.match(text)
    if not match:
        raise RawError(Problem(path, line, f"'{text}' is not a date", "write it as YYYY-MM-DD"))
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise RawError(Problem(path, line, f"impossible date {text}",
                               "check the day and month in the header")) from None
