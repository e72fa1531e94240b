"""The lines between a story's title and its first paragraph: byline, Posted and Updated
times (English or French), notes, and the odd line a site saved with the copy.

Lines are read one by one (a block may hold `By ...` and `Posted ...` without a blank
line between, or `Posted: ... | Last Updated: ...` on one line). A line that is
recognisably a header line but says nothing this can use (`Last Updated: 9 hours ago`,
a second Posted line, `Listen to this article`) is left out with a warning naming it.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.errors import Problem
from digest.ingest.bylines import is_bare_name, is_outlet_line, parse_byline
from digest.ingest.families import CONVENTIONS, ENGLISH, Conventions, family_named
from digest.ingest.stamps import Stamp, StampError, read_stamp
from digest.ingest.structure import BULLET, HIGHLIGHTS, NOTE

# What makes the rest of a `Posted` line a time stamp rather than a sentence: a word and then
# a number (`March 28`), or a day, a word and a year (`2 avril 2025`).
STAMP_SHAPE = re.compile(r"^(?:on\s+|le\s+)?(?:[^\W\d_]+\.?,?\s+\d|\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4})")
# A line of a site's page saved along with the story (`Listen to this article`, `3 min read`):
# short, and no sentence.
_NOISE_WORDS = 6
_SENTENCE_END = ".!?”\"»…:;,"
# `Posted: April 2, 2025 | Last Updated: 9 hours ago`, `Published Nov 18, 2025 • Last updated ...`,
# `Helen Pietrangelo · CBC News`
_SEGMENTS = re.compile(r"\s+[|•·]\s+")
_SEPARATORS = "|•·"
# Bylines some outlets give without `By`: `Author of the article: Kelsey Rybak` (Postmedia)
_BYLINE_LABELS = ("Author of the article:",)


class HeaderError(Exception):
    """A header line meant as a time that is impossible; carries the one-line problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


@dataclass(slots=True)
class Header:
    """What the lines between the title and the body say."""

    authors: tuple[str, ...] = ()
    source: str = ""
    byline: str = ""              # the byline as written, after `By`: its signature repeats it
    stamps: dict[str, tuple[Stamp, int]] = field(default_factory=dict)
    conventions: Conventions | None = None
    notes: list[str] = field(default_factory=list)
    end: int = 1                  # the index of the first body block
    byline_line: int = 0          # the line of the byline, or of the outlet line under it


@dataclass(frozen=True, slots=True)
class _Unused:
    """A header line left out, and why."""

    index: int                    # its block
    line: int
    text: str
    why: str


def read_header(path: Path, parts: list[tuple[int, str]], zone: ZoneInfo, warnings: list[Problem],
                is_lede: Callable[[str], bool]) -> Header:
    """Byline, Posted and Updated lines and notes, up to the first paragraph of the story
    (`is_lede(text)`: whether a block opens the story with a dateline).

    Short lines among them that no rule knows are left out with a warning; when nothing
    around them is a header line, they are the story's own first lines."""
    header = Header()
    unused: list[_Unused] = []
    notes: list[tuple[int, str]] = []
    index = 1
    while index < len(parts):
        line, block = parts[index]
        if NOTE.match(block):
            notes.append((index, block))
        elif is_lede(block) or not _read_block(path, index, line, block, zone, header, unused):
            break
        index += 1
    recognised = header.byline or header.stamps or header.source
    if unused and unused[-1].index == index - 1 and index < len(parts) and parts[index - 1][1].strip() == unused[-1].text \
            and HIGHLIGHTS.fullmatch(unused[-1].text) and BULLET.match(parts[index][1].lstrip()):
        index -= 1  # `EN BREF` over a list of highlights: the story's own first lines, its label a subhead
        unused.pop()
    if unused and (not recognised or index == len(parts)):
        index = min(index, unused[0].index)  # no header, or nothing after: what looked like one is the story
        unused = [u for u in unused if u.index < index]
    for item in unused:
        warnings.append(Problem(path, item.line, f"header line {item.text!r} {item.why}; left out",
                                "delete it, or move it below the first paragraph if it is story text", warning=True))
    header.notes = [text for at, text in notes if at < index]
    header.end = index
    return header


def _read_block(path: Path, index: int, line: int, block: str, zone: ZoneInfo, header: Header,
                unused: list[_Unused]) -> bool:
    """Read a block of header lines into `header`, all or nothing: False (and `header` as it
    was) when one of its lines is story text rather than a header line."""
    segments = _bylines_without_by([(n, segment) for n, text in enumerate(block.split("\n"))
                                    for segment in (_SEGMENTS.split(text) if any(c in text for c in _SEPARATORS)
                                                    else (text,))])
    if len(segments) == 1:  # one line: `_header_line` changes `header` only when it reads the line
        why = _header_line(path, line, segments[0][2], zone, header)
        if why == "" and not is_noise(block):
            return False
        if why is not None:
            unused.append(_Unused(index, line, block, why or "is not a byline, time or note"))
        return True
    trial = dataclasses.replace(header, stamps=dict(header.stamps))
    left_out: list[_Unused] = []
    for n, segment, read in segments:
        why = _header_line(path, line + n, read, zone, trial)
        if why is None:
            continue
        if why == "" and not is_noise(segment):
            return False
        left_out.append(_Unused(index, line + n, segment, why or "is not a byline, time or note"))
    header.authors, header.source, header.byline = trial.authors, trial.source, trial.byline
    header.stamps, header.conventions, header.byline_line = trial.stamps, trial.conventions, trial.byline_line
    unused.extend(left_out)
    return True


def _bylines_without_by(segments: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, as written, as read): a person's name with their outlet on the next line or after
    a `·` (`Helen Pietrangelo · CBC News`; `Alessia Rinaldi` over `CTV News Toronto
    Multi-Platform Journalist`; Postmedia's `Author of the article: Kelsey Rybak` over `Regina
    Leader-Post`) is a byline, read as `By NAME, OUTLET`. A name alone is not: it may be the
    story's first words."""
    out: list[tuple[int, str, str]] = []
    skip = False
    for i, (n, text) in enumerate(segments):
        if skip:
            skip = False
            continue
        label = next((label for label in _BYLINE_LABELS if text.startswith(label)), "")
        name = text[len(label):].strip()
        outlet = segments[i + 1][1] if i + 1 < len(segments) else ""
        said = any(name[:len(c.byline) + 1].casefold() == c.byline.casefold() + " " for c in CONVENTIONS)
        parsed = parse_byline(f"{name}, {outlet}", ENGLISH) if outlet and not said and is_bare_name(name) else None
        if parsed and parsed[1]:
            out.append((n, f"{text} · {outlet}", f"{ENGLISH.byline} {name}, {outlet}"))
            skip = True
        elif label:
            out.append((n, text, f"{ENGLISH.byline} {name}"))
        else:
            out.append((n, text, text))
    return out


def is_noise(text: str) -> bool:
    """A short line that reads as no sentence (and as no list item, dateline or dash)."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return (len(words) <= _NOISE_WORDS and text[-1] not in _SENTENCE_END and not any(d in text for d in "—–")
            and not BULLET.match(text))


def _header_line(path: Path, line: int, text: str, zone: ZoneInfo, header: Header) -> str | None:
    """Read one line into `header`: None when it was a header line and is read; a reason when
    it is a header line that says nothing usable; "" when it is no header line at all."""
    if not header.source and (family := family_named(text.rstrip("."))):
        header.source = family.name  # `By Jane Doe` then `The Canadian Press`
        return None
    if not header.source and header.byline and line == header.byline_line + 1 and is_outlet_line(text):
        header.source = text  # `BY GRAHAM MACISAAC` right over `The Chronicle Herald`
        header.byline_line = line
        return None
    for conventions in CONVENTIONS:
        prefix = conventions.byline + " "
        if text[:len(prefix)].casefold() == prefix.casefold() and not header.byline:  # `BY GRAHAM MACISAAC`
            parsed = parse_byline(text[len(prefix):], conventions)
            if parsed:
                header.authors, header.source = parsed
                header.byline = " ".join(text[len(prefix):].split()).rstrip(".")
                header.byline_line = line
                header.conventions = header.conventions or conventions
                return None
        for kind, labels in (("updated", conventions.updated), ("posted", conventions.posted)):
            for label in labels:
                if not (text[:len(label)].casefold() == label.casefold() and text[len(label):len(label) + 1] in (" ", ":")):
                    continue  # `Last updated Nov 18, 2025` as well
                rest = text[len(label):].lstrip(": ")
                stamp = _stamp(path, line, label, rest, zone, conventions)
                if stamp is None:
                    return f"gives no date and time this can read ({label} {rest!r})" if is_noise(rest) else ""
                if kind in header.stamps:
                    return f"is a second {label} line"
                header.stamps[kind] = (stamp, line)
                header.conventions = header.conventions or conventions
                return None
    if "posted" not in header.stamps and header.byline and line == header.byline_line + 1 \
            and STAMP_SHAPE.match(text) and is_noise(text.rstrip(".")):
        # a date and time alone right under the byline (SaltWire's `Aug. 16, 2025 at 6:02 p.m.`)
        # is when it was posted; a date alone there may be the story's first line
        try:
            stamp = read_stamp(text, zone)
        except StampError:
            stamp = None
        if stamp is not None and stamp.timed:
            header.stamps["posted"] = (stamp, line)
            return None
    return ""


def _stamp(path: Path, line: int, label: str, text: str, zone: ZoneInfo, conventions: Conventions) -> Stamp | None:
    example = f"write it like `{label} {conventions.example}`"
    try:
        stamp = read_stamp(text, zone)
    except StampError as exc:
        raise HeaderError(Problem(path, line, f"impossible {label} {exc} {text.strip()!r}", example)) from None
    if stamp is None and STAMP_SHAPE.match(text):
        raise HeaderError(Problem(path, line, f"cannot read the {label} time {text.strip()!r}", example))
    return stamp


def signatures(header: Header) -> tuple[str, ...]:
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
