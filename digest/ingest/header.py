"""The lines between a story's title and its first paragraph: byline, Posted and Updated
times (English or French), notes, and the odd line a site saved with the copy.

Lines are read one by one (a block may hold `By ...` and `Posted ...` without a blank
line between, or `Posted: ... | Last Updated: ...` on one line). A line that is
recognisably a header line but says nothing this can use (`Last Updated: 9 hours ago`,
a second Posted line, `Listen to this article`) is left out with a warning naming it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.errors import Problem
from digest.ingest.bylines import is_bare_name, is_outlet_line, outlet_of_chain, parse_byline
from digest.ingest.families import (
    CONVENTIONS,
    CREDIT_LINE,
    ENGLISH,
    FRENCH,
    OUTLET_WORDS,
    Conventions,
    byline_convention,
    family_named,
)
from digest.ingest.places import CANADA_CITIES
from digest.ingest.stamps import MOIS, MONTHS, Stamp, StampError, read_clock, read_stamp
from digest.ingest.structure import (
    BULLET,
    HIGHLIGHTS,
    NOTE,
    brief_heads,
    is_furniture,
    is_promo,
    opens_brief,
    takes_links,
)

# What makes the rest of a `Posted` line a time stamp rather than a sentence: a word and then
# a number (`March 28`), or a day, a word and a year (`2 avril 2025`).
STAMP_SHAPE = re.compile(r"^(?:on\s+|le\s+)?(?:[^\W\d_]+\.?,?\s+\d|\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4})")
# A line of a site's page saved along with the story (`Listen to this article`, `3 min read`):
# short, and no sentence.
_NOISE_WORDS = 6
_SENTENCE_END = ".!?”\"»…:;,"
# `Posted: April 2, 2025 | Last Updated: 9 hours ago`, `Published Nov 18, 2025 • Last updated ...`,
# `Helen Pietrangelo · CBC News`
_SEGMENTS = re.compile(r"(?<!\s)\s+[|•·/]\s+")  # (from a run's first space: no quadratic retries)
_SEPARATORS = "|•·/"  # (`Maddie Pellerin-Hague / Yukon News`)
# ... but a date and its time apart are one stamp: `Published Dec 03, 2026 • 11:40 a.m.`, `Dec 4, 2026 / 10:51 pm`
_DATE_THEN_CLOCK = re.compile(r"(?<=\d{4})\s+[|•·/–—]\s+(?=\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b|\d{1,2}\s*h\s*\d{2}\b)", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: `Sept` before `Sep`
# a day as a byline's line writes it: `November 20, 2026`, `Nov. 20 2026`, `20 novembre 2026`
_WRITTEN_DAY = (rf"(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}},?\s+\d{{4}}"
                rf"|\d{{1,2}}(?:er)?\s+(?:{'|'.join(sorted(MOIS, key=len, reverse=True))})\s+\d{{4}})")
# ... and a name, a dash and a date are a byline and its time: `Jordan Kaminski-Reyes - Dec 4, 2026 / 10:51 pm`
_NAME_THEN_DATE = re.compile(rf"(?<!\s)\s+[-–—]\s+(?=(?:{_MONTH_NAMES})\.?\s+\d{{1,2}},?\s+\d{{4}}\b)", re.I)
_SITE_ADDRESS = re.compile(r"[A-Za-z][\w-]{1,40}\.(?:ca|com|org|net|news)")
_BYLINE_ON_DAY = re.compile(rf"((?:By|BY|Par|PAR)\s+[^\n]{{2,80}}?)\s+(?:on|le)\s+(?={_WRITTEN_DAY}\b)", re.I)
# ... and the other way round, as blogs print it: `Posted on November 20, 2026 by Karonhiio Lahache-Marsh`
_DAY_BY_NAME = re.compile(rf"((?:Posted|Published|Publié)(?:\s+(?:on|le))?\s+{_WRITTEN_DAY})\s+(by|par)\s+(?=[A-ZÀ-Þ])", re.I)
# What sites glue after a time on one line: `August 11, 2026 7:02 AM EDT Updated 6 hours ago`
# (Reuters), `Mon., April 6, 2026 timer 4 min. read` (the Star)
_GLUED = re.compile(r"(?<!\s)\s+(?:[-–—]\s+)?(?=(?:Last\s+)?Updated\b|Mise?\s+à\s+jour\b|(?:timer\s+)?\d+\s*min(?:ute)?s?\.?\s+read\b)", re.I)
# Blocks looked through for a byline or a time after the first that is neither (a photo
# caption, a deck, a section's name), and the most words one of them may have
_LOOKAHEAD = 8
_CLUTTER_WORDS = 60
# Bylines some outlets give without `By`: `Author of the article: Kelsey Rybak` (Postmedia)
# (and Radio-Canada's `Un texte de Jane Doe`; a small paper's `Texte et photos : Jane Doe` for a reporter who
# took the pictures too, `Story and photos by Jane Doe`)
_BYLINE_LABELS = ("Author of the article:", "Un texte de", "Texte et photos :", "Texte et photo :", "Texte :",
                  "Story and photos by", "Story and photo by")
_FRENCH_LABELS = ("Un texte de", "Texte et photos :", "Texte et photo :", "Texte :")
_OLD_LABELS = ("Author of the article:", "Un texte de")  # (the others may name a press release or a town: a person's only)
# ... or after a name, a link to the author's page (Radio-Canada)
_PROFILE_LINK = re.compile(r"(.+?)\s+\((?:Accéder à la page de l[’']auteur|Access the author[’']s page)\)")


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
    day: dt.date | None = None    # the day of the `date` line: a date alone that is this day is when it was posted
    furniture: list[tuple[int, str]] = field(default_factory=list)  # the page's lines under the header: (line, text)
    credited: list[str] = field(default_factory=list)  # the names in the credits of captions left out
    day_from_date_line: int = 0   # the line of a Posted time of day alone, dated on the `date` line's day
    day_from_date_text: str = ""  # ... and that line as written
    masthead: str = ""            # a saved page's name over its section and its headline repeated (see _masthead)
    masthead_named: bool = False  # ... and the page names it again (a caption's credit, a closing line)
    addresses: list[tuple[int, str]] = field(default_factory=list)  # a site's address alone: (line, text)
    credits: list[str] = field(default_factory=list)  # credit lines over the story, in parentheses


@dataclass(frozen=True, slots=True)
class _Unused:
    """A header line left out, and why."""

    index: int                    # its block
    line: int
    text: str
    why: str


def read_header(path: Path, parts: list[tuple[int, str]], zone: ZoneInfo, warnings: list[Problem],
                is_lede: Callable[[str], bool], day: dt.date | None = None, title: str = "") -> Header:
    """Byline, Posted and Updated lines and notes, up to the first paragraph of the story
    (`is_lede(text)`: whether a block opens the story with a dateline).

    Short lines among them that no rule knows are left out with a warning; when nothing
    around them is a header line, they are the story's own first lines. A page saved from a
    site may hold its furniture before the byline (see `_header_ahead`): left out with a
    warning too, and a name alone right over the time or over its outlet is the byline
    when no other is (`Sheena Parr-Whitlock` over `Jun 19, 2026 4:12 PM`)."""
    header = Header(day=day)
    unused: list[_Unused] = []
    repeated: list[_Unused] = []  # the page's headline over the header: never the story's
    decks: list[_Unused] = []  # a deck right over a dateline: never the story's either
    notes: list[tuple[int, str]] = []
    signed: tuple[list[int], tuple[tuple[str, ...], str], str, int] | None = None  # a name over the header
    index = 1
    while index < len(parts):
        line, block = parts[index]
        if NOTE.match(block):
            notes.append((index, block))
        elif _repeats(block, title, parts[index - 1][1] if index > 1 else ""):
            repeated.append(_Unused(index, line, block, "repeats the headline"))
        elif _SLUG.match(block) and "\n" not in block and len(block) < 400:
            unused.append(_Unused(index, line, block, "is the wire's note to editors, not the story"))
        elif _PLAYER.fullmatch(block):
            unused.append(_Unused(index, line, block, "is the page's video or audio player, not the story"))
        elif index == 1 and is_outlet_line(block) and _over_page_headline(parts, title):
            # `Radio-Canada` over `ICI Mauricie–Centre-du-Québec` over the headline again: the site's name, no byline
            unused.append(_Unused(index, line, block, "is not a byline, time or note"))
        elif _started(header) and is_promo(block):
            if index + 1 < len(parts) and takes_links(block, parts[index + 1][1]) \
                    and not _says_something(path, index + 1, parts[index + 1], zone, header):  # `In this article:` over `ERIC`
                block = block + "\n" + parts[index + 1][1]
                index += 1
            unused.append(_Unused(index, line, block, "promotes other stories or media of the page"))
        elif _started(header) and is_furniture(block):
            header.furniture.append((line, block))  # said with the body's, once for all its copies
        elif _started(header) and (_below_header(block) or _credited_to_page(block, header.authors, parts[1][1])) \
                and not is_lede(block):  # (a dateline opens the story)
            unused.append(_Unused(index, line, block, "is a photo caption or the page's furniture, not the story"))
        elif is_lede(block) or _started(header) and opens_brief([b for _, b in parts[index: index + 3]]) \
                and any(opens_brief([b for _, b in parts[at: at + 3]]) for at in range(index + 3, len(parts) - 2)) \
                or _started(header) and index + 1 < len(parts) and is_lede(parts[index + 1][1]) \
                and 0 in (heads := brief_heads([b for _, b in parts[index:]])) and len(heads) >= 3:
            break  # (`EAST GRAND FORKS` over a brief's headline, another brief below, or a brief's headline over
            # its dateline, another below: a roundup's first brief)
        elif repeated and repeated[-1].index == index - 1 and not header.byline and (under := _deck_and_caption(parts, index)):
            # under the headline repeated, with no byline to anchor it: a deck over a photo's caption
            for at in range(index, index + under):
                unused.append(_Unused(at, parts[at][0], parts[at][1], "is a deck or a photo caption under the headline, "
                                      "not the story"))
            index += under
            continue
        elif repeated and repeated[-1].index == index - 1 and "\n" not in block and len(block) <= _CAPTION_CHARS \
                and block.rstrip()[-1:] not in ".:!?…»”\"" and not _SAYS_WHAT_FOLLOWS.match(block) \
                and index + 1 < len(parts) and is_lede(parts[index + 1][1]) \
                and not _says_something(path, index, parts[index], zone, header):  # (a time right over the dateline)
            # a release's deck between its headline repeated and its dateline (`Five-year, $38.5-million
            # agreement will put ...`, `/ L'usine transformera ... /`)
            decks.append(_Unused(index, line, block, "is a deck under the headline, not the story"))
        elif block[:1] == "(" and block[-1:] == ")" and "\n" not in block and CREDIT_LINE.match(block):
            header.credits.append(block)  # a column's `(The author is a Reuters Breakingviews columnist. ...)` over it
        elif (joined := _label_over_name(parts, index)) and _read_block(path, index, line, joined, zone, header, unused):
            index += 2  # `Author of the article:` in a block of its own, over its name's
            continue
        elif not _read_block(path, index, line, block, zone, header, unused):
            # (a date alone over the page's headline, `MONDAY, OCTOBER 19, 2026`, starts no header yet)
            ahead = None if header.byline or header.source or notes or any(s.timed for s, _ in header.stamps.values()) \
                else _header_ahead(path, parts, index, zone, header, is_lede, title)
            if ahead is None:
                break
            for at in range(index, ahead):
                if NOTE.match(parts[at][1]):
                    notes.append((at, parts[at][1]))
                    continue
                unused.append(_Unused(at, parts[at][0], parts[at][1], "stands before the byline or the time: "
                                      "a photo caption, a deck or a section name, not the story"))
            signed = _name_over(parts, index, ahead)
            index = ahead
            continue
        index += 1
    stamped = "posted" if "posted" in header.stamps else "updated" if "updated" in header.stamps else ""
    if not signed and not header.byline and stamped:
        # `Isabelle Comeau-Thibodeau` over `15 août 2026 - 21h14`, `Aileen MacPhail-Osei` and her
        # beat over the times (the update's alone when the posting's is `3 hours ago`): a name left
        # out right over the time is the byline
        posted_line = header.stamps[stamped][1]
        posted = max(i for i, (start, _) in enumerate(parts) if start <= posted_line)
        found = _name_over(parts, 1, posted)
        if found and all(at in {u.index for u in unused} for at in found[0]) \
                and ("\n" in parts[found[0][0]][1] or _reads_as_person(found[2])) \
                and (stamped == "posted" or _BEAT.fullmatch(parts[found[0][0]][1].split("\n")[-1])):
            signed = found  # (over an update time alone, only a name over its beat: `Tamsin Greaves-Oduya` over `Reporter`)
        else:  # `Callum Brisebois-Hart` opening the time's own block (`Sep 15, 2026 7:30 AM` under it, or
            # where it was filed from, the date, the section and the reading time)
            first = parts[posted][1].split("\n", 1)[0]
            between = parts[posted][1].split("\n")[1:posted_line - parts[posted][0]]
            above = next((u for u in unused if u.index == posted and u.line == parts[posted][0] and u.text == first), None)
            parsed = parse_byline(above.text, ENGLISH) if above and _person_over(parts[posted][1]) \
                and not any(_LIFESPAN.search(text) or _OBITUARY.fullmatch(text) for text in between) else None
            if above and parsed and parsed[0]:
                (header.authors, header.source), header.byline, header.byline_line = parsed, above.text, above.line
                unused.remove(above)
    if signed and not header.byline:  # no byline below: the name over the time or the outlet is it
        blocks, (header.authors, source), header.byline, header.byline_line = signed
        header.source = header.source or source  # (an outlet read already stays)
        unused = [u for u in unused if u.index not in blocks]
        portrait = parts[blocks[0]][1].split("\n")[0] if _portrait(parts[blocks[0]][1]) else ""
        if portrait:  # `Portrait de Jane Doe` over her name: her photo's words, left out
            unused.append(_Unused(blocks[0], parts[blocks[0]][0], portrait, "is the author's photo, not the story"))
            unused.sort(key=lambda u: u.index)
    recognised = header.byline or header.stamps or header.source
    if unused and unused[-1].index == index - 1 and index < len(parts) and parts[index - 1][1].strip() == unused[-1].text \
            and HIGHLIGHTS.fullmatch(unused[-1].text) and BULLET.match(parts[index][1].lstrip()):
        index -= 1  # `EN BREF` over a list of highlights: the story's own first lines, its label a subhead
        unused.pop()
    if unused and (not recognised or index == len(parts)):
        index = min(index, unused[0].index)  # no header, or nothing after: what looked like one is the story
        unused = [u for u in unused if u.index < index]
    unused = sorted(unused + [r for r in repeated + decks if r.index < index], key=lambda u: u.index)
    header.credited = [name for item in unused if "\n" not in item.text for name in _credit_names(item.text)]
    # (a site's address at the top is its name there: `Sudbury.com` over `Local News`)
    at_top = [_Unused(i, line, text, "") for line, text in header.addresses for i, (start, block) in enumerate(parts)
              if start == line and block == text and i < index]
    header.masthead = _masthead(parts, sorted(unused + at_top, key=lambda u: u.index), title)
    if header.masthead in header.authors:
        header.masthead = ""  # the columnist's name over the page's sections: its author, no site
    staff = next((u for u in unused if u.text.endswith(" Staff") and header.masthead
                  and (" " + header.masthead).endswith(" " + u.text[:-6])), None) if not header.byline else None
    if staff:  # `Outlook Staff` under the masthead `Rocky Mountain Outlook`: the paper's staff, named short
        header.byline, header.byline_line = staff.text, staff.line
        unused.remove(staff)
        header.credited.append(staff.text[:-6])  # (and `the Oran` in the story is the paper, no tag)
    if header.masthead:
        spellings = "|".join(re.escape(name) for name in _called(header.masthead))
        again = re.compile(rf"(?<![\w’'-])(?:{spellings})(?![\w’'-])")
        common = _common_name(header.masthead)  # (`L'essentiel` again opening a sentence is the sentence's)
        header.masthead_named = family_named(header.masthead) is not None \
            or any(not common or _inside_sentence(block, match.start())
                   for at, (_, block) in enumerate(parts) if at > 2 for match in again.finditer(block))
    for line, address in header.addresses:  # the site's address says what its masthead does; any other is warned
        if address.rsplit(".", 1)[0].casefold() != header.masthead.replace(" ", "").casefold():
            unused.append(_Unused(0, line, address, "is not a byline, time or note"))
    said: dict[tuple[str, str], int] = {}  # a section's name again under the byline (`Économie`): one warning
    for item in unused:
        said[item.text, item.why] = said.get((item.text, item.why), 0) + 1
    for item in unused:
        times = said.pop((item.text, item.why), 0)
        if times:
            repeated_times = f" ({times} times)" if times > 1 else ""
            warnings.append(Problem(path, item.line, f"header line {item.text!r} {item.why}; left out{repeated_times}",
                                    "delete it, or move it below the first paragraph if it is story text", warning=True))
    header.notes = [text for at, text in notes if at < index]
    header.end = index
    return header


# The wire's notes to editors over a story: `UPDATES with minister's comments in paragraphs 5-6`,
# `Eds: UPDATES with ...`, `NEWS ADVISORY: ...`, Reuters' `(Adds analyst comments in paragraphs 6-8,
# updates shares)` (a correction, `CORRECTS ...`, `(Corrects ...)`, is a note: NOTE)
_SLUG = re.compile(r"(?:Eds?:\s*)?(?:UPDATES|ADDS|REFILES|RECASTS|REPEATS|UPDATING)\s+(?:with|to|throughout|for|byline|"
                   r"quotes?|details?|comments?|background|more|new|adds|paragraphs?|headline|photo)\b|(?:NEWS|MEDIA) ADVISORY\s*:"
                   r"|\((?:Adds|Updates|Recasts|Rewrites|Releads|Refiles|Repeats)\s[^()\n]{2,300}\)$")
# A page's player over the story: its label, the clip's title, its length (`Regarder la vidéo` ... `02:47`)
_PLAYER = re.compile(r"(?:Regarder la vidéo|Watch the video|Watch|Écouter|Listen|Play video|Lire la vidéo)\n"
                     r"[^\n]{1,160}\n\d{1,2}:\d{2}(?::\d{2})?"
                     # Global News: `Click to play video: 'Title'` over the clip's title and its description
                     r"|Click to play video: '(?P<clip>[^'\n]{1,160})'\n(?P=clip)(?:\n[^\n]{1,400})?")


# `... on the banks of the Fraser River in Prince George. Citizen file photo`: the paper's own archive
# (or its initials: `... in Canmore's Cougar Creek neighbourhood. RMO FILE PHOTO`)
# (or after a bar, the outlet's name: `Hogs at a finishing barn near Steinbach, Man. | Western Producer file photo`)
_FILE_PHOTO = re.compile(r"(?:^|[.!?]\s+)(?:(?:The\s+)?([A-ZÀ-Þ][\w’'.-]*)\s+)?(?:[Ff]ile [Pp]hoto|FILE PHOTO)\.?$"
                         r"|\s\|\s+(?:[A-ZÀ-Þ][\w’'.-]*\s+){0,3}(?:[Ff]ile [Pp]hoto|FILE PHOTO)\.?$")
# ... in parentheses, the paper's own: `... this week. (Observer file photo)` (a lede may end `(Submitted photo)`)
_FILE_PHOTO_MARK = re.compile(r"[.!?»”\"]\s+\((?:The\s+)?([A-ZÀ-Þ][\w’'.-]*)\s+[Ff]ile [Pp]hoto\)\.?$")
# `... en juillet. (Photo : Gestion des feux de forêt du Yukon)`: a credit, whoever it names
# (or `Photo`, a name and the archive's mark: `(Photo L'Info de la Lièvre – archives)`, `Photo : L'Oie
# blanche – archives`; not `(Photo RCMP)` closing a story's paragraph, which may be one)
_PHOTO_CREDITED = re.compile(r"\((?:Photo|PHOTO|Crédit photo|Crédit)\s*:\s*[^()\n]{2,80}\)\.?$"
                             r"|[.!?»”\"]\s+\(?(?:Photo|PHOTO)\s*:?\s+(?:[LD][’'])?[A-ZÀ-Þ][^()\n]{2,80}\s[–—-]\s*archives\)?\.?$")
_PHOTO_MARK = re.compile(r"\((?:Photo|PHOTO|Crédit photo|Courtesy|Courtoisie)\b[^()\n]{0,60}\)\.?$")
# `... near the bridge. (Rowan Gillis-Adebayo photo)`, `... cruiser. (File photo/paNOW Staff)`: a photo's credit
_CAPTION_CHARS = 240  # a caption's sentence and its credit; a story's paragraph runs longer
_CAPITALS_CREDIT = re.compile(r"(?:PHOTO|PHOTOS|ILLUSTRATION)(?: D['’]ARCHIVES)? [A-ZÀ-Þ][A-ZÀ-Þ'’. -]{2,60}, [A-ZÀ-Þ][A-ZÀ-Þ'’. -]{1,60}")
_PHOTO_TAIL = re.compile(r"[.!?»”\"]\s+\((?:(?:(?:AP|CP)\s+)?(?:File\s+)?[Pp]hoto\s*/\s*[^()\n]{2,60}|(?P<by>[^()\n]{2,60})\s(?:[Ff]ile\s+)?photo)\)\.?$")


# `... in 2019. (Photo courtesy of the Fehr-Kasper family)`, `(Photo gracieuseté GROBEC)`: whom the photo is
# owed to (not `(PHOTO)`, `(Photo below)`)
_COURTESY = re.compile(r"[.!?»”\"]\s+\((?:(?:Photo|Photograph) courtesy of|Photo (?:gracieuseté|courtoisie)(?: de| du| des| d['’])?)"
                       r"\s*[A-Z\w][^()\n]{1,60}\)\.?$")  # (`(Photo gracieuseté GROBEC)`)
# `... at the Orillia Opera House. Supplied photo/City of Orillia`: where the photo came from, after a slash
_SOURCED_PHOTO = re.compile(r"[.!?»”\"]\s+(?:Supplied|Submitted|File|Handout|Contributed)\s+photo\s*/\s*[A-Z][^\n/]{1,60}$")


# an obituary's subject over their years or the section (`Margaret Whitlock-Pryce` over `1925-2026`): no byline
_LIFESPAN = re.compile(r"\b1[89]\d\d\s*[-–—]\s*20\d\d\b")
_OBITUARY = re.compile(r"(?i)obituar(?:y|ies)|nécrologie|avis de décès|in memoriam")


def _photo_credited(block: str) -> bool:
    """A short caption closing on its credit: `(File photo/paNOW Staff)`, `Supplied photo/City of
    Orillia`, `(Photo courtesy of the Fehr-Kasper family)`, or a person's name and `photo`
    (`(Rowan Gillis-Adebayo photo)`; not `(Submitted photo)`, `(See photo)`)."""
    if len(block) > _CAPTION_CHARS:
        return False
    tail = _PHOTO_TAIL.search(block)
    return tail is not None and (tail.group("by") is None or _reads_as_person(tail.group("by"))) \
        or _SOURCED_PHOTO.search(block) is not None or _COURTESY.search(block) is not None


def _deck_and_caption(parts: list[tuple[int, str]], index: int) -> int:
    """How many blocks from `index` are a photo's caption, or a deck and the caption under it (a
    caption ends with its photo's mark, `(Photo gracieuseté)`, or its credit); 0 when none is."""
    def caption(at: int) -> bool:
        text = parts[at][1] if at < len(parts) else ""
        return bool(text) and "\n" not in text and len(text) < 400 and \
            (_PHOTO_MARK.search(text[-80:]) is not None or bool(_credit_names(text)))
    if caption(index):
        return 1
    deck = parts[index][1]
    return 2 if "\n" not in deck and len(deck.split()) <= 60 and caption(index + 1) else 0


def _trial_read(path: Path, index: int, line: int, block: str, zone: ZoneInfo, header: Header
                ) -> tuple[bool, Header] | None:
    """A block read into a copy of `header` (which stays as it was): (whether it read, the copy);
    None when it holds an impossible time."""
    trial = dataclasses.replace(header, stamps=dict(header.stamps))
    try:
        return _read_block(path, index, line, block, zone, trial, []), trial
    except HeaderError:
        return None


def _says_something(path: Path, index: int, part: tuple[int, str], zone: ZoneInfo, header: Header) -> bool:
    """Whether a block is a byline, an outlet or a time the header would read (no promotion's link)."""
    tried = _trial_read(path, index, part[0], part[1], zone, header)
    return tried is None or (tried[1].byline, tried[1].source, tried[1].stamps) != (header.byline, header.source, header.stamps)


def _repeats(block: str, title: str, before: str = "") -> bool:
    """Whether a block is the page's headline again (or the start of it, or the headline and
    more: sites shorten or lengthen it): a saved page shows it over the byline."""
    if not title or "\n" in block:
        return False
    said, headline = " ".join(block.split()).casefold(), " ".join(title.split()).casefold()
    if said == headline:
        return True
    if said.rstrip("”\"’')»]").rstrip()[-1:] in ".;,:!?…":  # a line that ends as a sentence does is one
        return False
    shorter, longer = sorted((said, headline), key=len)
    if len(shorter.split()) >= 4 and len(said.split()) <= len(headline.split()) + 4 \
            and longer.startswith(shorter) and not longer[len(shorter)].isalnum():
        return True
    # a page showing the headline's two halves apart: `Forum de Paris sur la paix` over `Ottawa promet ...`
    kicker, colon, rest = headline.partition(" : ") if " : " in headline else headline.partition(": ")
    return bool(colon) and len(said.split()) >= 3 and (said == kicker.strip() or said == rest.strip() and bool(before)
                                                      and " ".join(before.split()).casefold() == kicker.strip())


def _started(header: Header) -> bool:
    return bool(header.byline or header.stamps or header.source)


# A photo's caption ends with its credit: `PHOTO JULIETTE ST-GERMAIN, LA PRESSE`, `Photo : Radio-Canada /
# Guillaume Pelletier-Nadeau`, `(Jeremy Tran/CTV News Ottawa)`, `Alberta Wildfire / Handout`, `ADRIAN LAMOUREUX, TIMES COLONIST`
_CAPTION = re.compile(r"\b(?:PHOTO|Photo|photo)\b|\([^()]*/[^()]*\)$|/\s*Handout$|\b(?:THE CANADIAN PRESS|Getty Images)\b"
                      r"|\b[A-ZÀ-Þ][A-ZÀ-Þ’'.-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ’'.-]+)+, [A-ZÀ-Þ][A-ZÀ-Þ’' .-]+$")


# A caption under the header ends with its photo's credit, a person and an outlet: `... Photo by
# Dana Whitlock-Pryce /Postmedia`, `Photo : Acadie Nouvelle - Marc-Olivier Haché`, `(Le Soleil,
# Frédérique Lacasse-Yamamoto)`, `(Jaime Dorlando-Wells/CBC)`, `- Devon Ashcroft-Lee / The Chronicle Herald`
_CREDIT_TAIL = re.compile(r"(?:(?:\b(?:Photo|PHOTO|Photograph|Illustration|Crédit (?:photo|image)|Crédits? photos?)(?:\s+by\s|\s*:\s*)"
                          r"|(?:^|[.!?]\s+)Photo\s+(?=[A-ZÀ-Þ]))"
                          r"([^.!?:]{2,80})"
                          r"|\(([^()]{2,80})\)|\s[-–—]\s([^.!?()]{2,80})"
                          # `... approved by city council. Callum Brisebois-Hart/SooToday`: its person and outlet
                          r"|(?<=[.!?])\s+([^\s.!?()/][^.!?()/]{1,40}/[^\s.!?()/][^.!?()/]{1,40}))\.?$")
_CREDIT_WORD = re.compile(r"^(?:(?:Photo(?:graph)?|PHOTO|Illustration|Crédit (?:photo|image))\s*(?:by\b|:)?\s*|Archives\s+)")
_TAIL_CHARS = 200  # a credit is looked for in a caption's last characters only (no backtracking over a long line)


def _credit_names(caption: str) -> list[str]:
    """The photographer and outlet a caption's credit names, or none when it ends with no
    credit: a person's name and an outlet, apart by `/`, `,` or a dash (not `(Vancouver
    East/Burnaby)`, `(CNW/Canada NewsWire)`). A handout's names are the story's subjects: none."""
    tail = _CREDIT_TAIL.search(caption[-_TAIL_CHARS:])
    if not tail:
        return []
    credit = next(group for group in tail.groups() if group)
    raw = [part.strip() for part in re.split(r"\s*[/,]\s*|\s+[-–—]\s+|\s+(?:pour|for)\s+", credit)]
    if re.search(r"\s+for\s+", credit) and not (_is_outlet(raw[-1]) or re.fullmatch(r"The [A-Z][a-z]+", raw[-1])):
        return []  # `Photo by A for Tourism Saskatoon`: a handout, whose names are the story's
    parts = [_CREDIT_WORD.sub("", part) for part in raw]
    if len(parts) == 1 and tail.group(1) is not None and (run_on := _run_on(parts[0])):
        return run_on  # `Photo : Mathias Brochu-Ndiaye Le Devoir`: the photographer run onto the outlet
    if len(parts) == 1 and is_bare_name(parts[0]) and (tail.group(1) is not None or tail.group(2) and parts[0] != raw[0]):
        return parts  # `(Photo by Tasha Kilabuk-Ross)`, `Photo: Jordan Whitlow-Barss`: a photographer credited alone
    if not 2 <= len(parts) <= 3 or any(part.lower() in ("handout", "document", "courtoisie", "courtesy") for part in parts):
        return []
    people = [part for part in parts if is_bare_name(part)]
    outlets = [part for part in parts if _is_outlet(part) or part == "Postmedia"]
    # `Photo by` / `Photo :` says it is a credit; an outlet may then be any name
    # (`... . Jane Doe/Outlet` says so with its photographer first)
    photo = tail.group(1) is not None or tail.group(4) is not None and len(parts) == 2 and _reads_as_person(parts[0]) \
        or any(part != clean and not part.startswith("Archives") for part, clean in zip(raw, parts, strict=True))
    if not people or not outlets and not (photo and len(parts) == 2 and all(p[:1].isupper() for p in parts)):
        return []
    return parts


def _run_on(credit: str) -> list[str]:
    """[person, outlet] of a credit that runs a photographer's name onto the outlet without a mark
    (`Tomasz Wierzbicki-Lau Toronto Star`), or []: a person's name of two or three words, then a
    known outlet's."""
    words = credit.split()
    for at in (2, 3):
        name, outlet = " ".join(words[:at]), " ".join(words[at:])
        if len(words) - at >= 1 and is_bare_name(name) and _reads_as_person(name) and _is_outlet(outlet):
            return [name, outlet]
    return []


def _is_outlet(text: str) -> bool:
    """An outlet's name, or a desk's: the outlet and its city (`CTV News Ottawa`)."""
    words = text.split()
    return is_outlet_line(text) or len(words) >= 3 and words[-1] in CANADA_CITIES and is_outlet_line(" ".join(words[:-1]))


# a caption's second line, its credit, however it names the source (`Photo Adobe Stock`, `Photo d'archives, Agence QMI`)
_CREDIT_LINE_UNDER = re.compile(r"(?:Photo|PHOTO|Photographie|Crédit photo|Illustration)(?:\s*:\s*\S|\s+(?:by|de|d['’]archives|"
                                r"fournie|courtesy|courtoisie)\b|\s+[A-ZÀ-Þ][a-zà-ÿ])[^\n.!?]{2,80}")  # (not `PHOTO GALLERY`)
# `... at Co-op Place, Friday. --NEWS PHOTO RYAN DAHLKE-MIREAU`: the paper's own photographer, in capitals
_PAPER_PHOTO = re.compile(r"[.!?]\s*[-–—]{1,2}\s*(?:[A-Z][A-Z’'.-]+\s+){0,2}(?:PHOTO|PHOTOS)(?:\s+(?:BY|COURTESY OF))?"
                          r"\s+[A-ZÀ-Þ][A-ZÀ-Þ’'. -]{2,60}$")
_RUN_ON_TAIL = re.compile(r"(?<=[.!?])\s+([A-ZÀ-Þ][^.!?()/:]{4,80})$")


def _below_header(block: str) -> bool:
    """Furniture under a header, before the story: a caption that ends with its photo's credit,
    or the page's own lines (`Listen to this article` over its player's words)."""
    if is_noise(block):
        return False  # said as a header line no rule knows
    lines = block.split("\n")
    return is_caption(block) or all(is_furniture(text) or is_noise(text) for text in lines) \
        and any(is_furniture(text) for text in lines)


# a line that says what the story is or holds, never a deck: `Warning: ...`, `This story is part of a series ...`
_SAYS_WHAT_FOLLOWS = re.compile(r"(?i)(?:warning|avertissement|content warning|mise en garde|editor['’]s note|note)\s?:"
                                r"|this (?:story|article|report)\b|cet article\b|ce reportage\b|here (?:is|are)\b|voici\b")
# a caption's credit in parentheses, its photographer and outlet: `(Karonhiio Lahache-Marsh, The Eastern Door)`,
# or the paper's own file photo: `(The Pointer files)`
_PARENTHESISED_CREDIT = re.compile(r"[.!?”\"]\s*\(([^()\n,/]{3,60})(?:[,/]\s*([^()\n,/]{3,60}))?\)$")
_FILES = re.compile(r" (?:files?|file photo|archives?|photo)", re.I)
_PHOTO_BY = re.compile(r"[.!?]\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:[Pp]hoto(?:graph)?s?|PHOTOS?)\s+(?:by|BY)\s+([^.\n()]{3,60})$")


def _credited_to_page(block: str, authors: tuple[str, ...], top: str) -> bool:
    """A caption whose credit names the story's own author or the page's name at its top (a
    reporter's photo, the paper's): no lede ends with its writer's name and the paper's."""
    if "\n" in block or len(block) > _CAPTION_CHARS:
        return False
    credit = _PARENTHESISED_CREDIT.search(block[-_TAIL_CHARS:])
    if credit is None:  # `... on Tuesday. Advertiser photo by Keegan Strathdee-Moyo`: the writer's own photo
        by = _PHOTO_BY.search(block[-_TAIL_CHARS:])
        return by is not None and by.group(1).strip() in authors
    first, second, top = credit.group(1).strip(), (credit.group(2) or "").strip(), top.strip()
    if not second:  # `(The Pointer files)`
        return first.startswith(top + " ") and _FILES.fullmatch(first[len(top):]) is not None
    return first in authors or second == top


_GALLERY_MARKS = re.compile(r"^\[\d{1,2}/\d{1,2}\]\s+|/File Photo(?=\s+Purchase Licensing)|\s+Purchase Licensing Rights(?:,? opens new tab)?\.?$")


def is_caption(block: str) -> bool:
    """A photo's caption: ending with its credit (a person and an outlet, `(Photo : ...)`, a file
    photo's mark), or over its credit's line."""
    if is_noise(block):
        return False
    lines = block.split("\n")
    if len(lines) == 1:  # (`... en juillet. (Photo : Gestion des feux de forêt du Yukon)`: a credit naming no one)
        if "[" in block or "Licensing" in block:  # a gallery's count and its photo's sale link around it
            block = _GALLERY_MARKS.sub("", block)  # (Reuters: `[1/2] ... REUTERS/Jane Doe Purchase Licensing Rights`)
        archive = _FILE_PHOTO.search(block[-_TAIL_CHARS:])
        run_on = _RUN_ON_TAIL.search(block[-_TAIL_CHARS:])
        return bool(_credit_names(block)) or _PHOTO_CREDITED.search(block[-_TAIL_CHARS:]) is not None \
            or run_on is not None and len(block) <= _CAPTION_CHARS and bool(_run_on(run_on.group(1))) \
            or _photo_credited(block) or _PAPER_PHOTO.search(block[-_TAIL_CHARS:]) is not None \
            or (paper_file := _FILE_PHOTO_MARK.search(block[-_TAIL_CHARS:])) is not None and paper_file.group(1) in OUTLET_WORDS \
            or archive is not None and (archive.group(1) is None or archive.group(1) in OUTLET_WORDS
                                        or re.fullmatch(r"[A-Z]{2,5}", archive.group(1)) is not None)  # `RMO FILE PHOTO`
    if len(lines) == 2 and _CREDIT_WORD.match(lines[1]) and _credit_names(lines[1]):
        return True  # a caption over its credit's line: `Photo : Radio-Canada / Félix Lacerte-Obeng`
    if len(lines) == 2 and _CREDIT_LINE_UNDER.fullmatch(lines[1]) and len(lines[0]) <= _CAPTION_CHARS \
            and not is_noise(lines[0]):
        return True  # `Une punaise de lit.` over `Photo Adobe Stock`: a caption over its credit, whomever it names
    if len(lines) == 2 and is_furniture(lines[0]) and is_caption(lines[1]):
        return True  # `Open this photo in gallery:` over the caption
    if len(lines) == 2 and _CAPITALS_CREDIT.fullmatch(lines[1]) and len(lines[0]) <= _CAPTION_CHARS:
        return True  # La Presse's caption over `PHOTO ÉLODIE DE SAINT-ROMAIN, AGENCE FRANCE-PRESSE`
    return False


def _header_ahead(path: Path, parts: list[tuple[int, str]], index: int, zone: ZoneInfo, header: Header,
                  is_lede: Callable[[str], bool], title: str = "") -> int | None:
    """Where a page's header starts after its furniture, when the story has not begun at `index`.

    Furniture, one line each: a short line that is no sentence (`Grand Montréal`, `Partager`),
    a photo's caption (`_CAPTION`), a person's or an outlet's name, and one deck or caption at
    the top. The header after it: a byline with `By` or `Par`, a labelled time (`Publié le`),
    or, under a caption or the headline repeated, a byline without `By` (`Name | Le Journal de
    Québec`) or a time right under a person's name (`Jun 19, 2026 4:12 PM`). None otherwise: the
    story starts at `index`."""
    captioned = named = person = staff = False
    paged = any(_repeats(parts[i][1], title) for i in range(1, index))  # a saved page: its headline again
    # a page's short lines over its headline again are its sections (`ICI Mauricie–Centre-du-Québec`, `Techno`), no deck
    again = next((at for at in range(index, min(index + _LOOKAHEAD, len(parts))) if _repeats(parts[at][1], title)), 0)
    deck = True  # the first block that is no furniture may be a deck or a caption without its credit
    for ahead in range(index, min(index + _LOOKAHEAD, len(parts))):
        line, block = parts[ahead]
        if ahead > index:
            tried = _trial_read(path, ahead, line, _label_over_name(parts, ahead) or block, zone, header)
            if tried is None:
                return None
            read, trial = tried
            by = bool(trial.byline) and (_BY.match(block) is not None or _PROFILE_LINK.fullmatch(block) is not None)
            labelled = bool(trial.stamps) and any(_LABELLED.match(text) for text in block.split("\n"))
            # (on a saved page, a time of day under its staff: `Outlook Staff` over `Dec 4, 2026 3:20 PM`)
            if read and (by or labelled or captioned and (trial.byline or named and trial.stamps)
                         or paged and (trial.byline or (person or _person_over(block)) and trial.stamps
                                       or staff and any(stamp.timed for stamp, _ in trial.stamps.values()))):
                return ahead
        if _portrait(block):
            named = person = True
            deck = False
            continue
        if NOTE.match(block) and paged:
            continue  # `Editor's note: ...` on a saved page, over its byline: the story's note
        if block.count("\n") == 1 and is_bare_name(block.split("\n")[0]) and _BEAT.fullmatch(block.split("\n")[1]):
            named = person = True  # `Tamsin Greaves-Oduya` over `Manufacturing Reporter`: a byline's name and beat
            deck = False
            continue
        if "\n" in block or is_lede(block) or NOTE.match(block) or BULLET.match(block) \
                or len(block.split()) > _CLUTTER_WORDS:
            return None
        if is_bare_name(block) or is_outlet_line(block) or _signed(block):
            named = True
            # under the headline repeated, a name alone over the time must read as a person's (not `Thunder Bay`)
            person = bool(_signed(block)) or _person_named(block)
            staff = block.endswith(" Staff")  # ... or as a newsroom's
        elif is_noise(block) or ahead < again and len(block.split()) <= 4 and block[-1:] not in ".!?»”\"…" \
                and not _person_named(block):
            continue
        elif _repeats(block, title):
            paged = True  # a saved page, its headline again over the header
            continue
        elif _MENU.fullmatch(block) and ("|" in block or "   " in block):
            continue  # the site's menu row (`Accueil | Actualités | Sports`, `News   Sports   Opinion`), wherever it stands
        elif _CAPTION.search(block):
            captioned, named = True, False
        elif deck:  # one deck, anywhere before the header (a caption may stand over it)
            named = deck = False
        else:
            return None
    return None


def _person_named_by_label(name: str) -> bool:
    """Whether `Texte : NAME`, `Story and photos by NAME` names a person (`Marie Roy`), not a press release,
    a courtesy or a town (`Communiqué`, `Courtoisie`, `Ville de Fermont`, `La Rédaction`)."""
    from digest.ingest.names import _looks_like_person

    words = tuple(name.split())
    return is_bare_name(name) and _looks_like_person(words) and words[0] not in ("La", "Le", "Les", "The", "L'", "L’")


_BY = re.compile(r"(?i)^(?:by|par|un texte de|story and photos? by)\s|^Author of the article:|^Texte(?: et photos?)? :")


def _label_over_name(parts: list[tuple[int, str]], index: int) -> str:
    """A byline's label alone in its block and the name in the next (`Author of the article:`
    over `Paul Ndlovu-Hartley`, as a page copies them; or over the name and its outlet's line)
    as one block; "" when it is not that."""
    if parts[index][1].strip() not in _BYLINE_LABELS or index + 1 >= len(parts):
        return ""
    block = parts[index + 1][1]
    name, _, outlet = block.partition("\n")
    if not is_bare_name(block) and not (is_bare_name(name) and outlet and "\n" not in outlet and is_outlet_line(
            re.sub(r"^(?:Special to|For) ", "", outlet))):  # (`Special to The Intelligencer`: a contributor's)
        return ""
    return parts[index][1].strip() + "\n" + parts[index + 1][1]
_LABELLED = re.compile("(?i)^(?:" + "|".join(re.escape(label) for conventions in CONVENTIONS
                                              for label in (*conventions.posted, *conventions.updated)) + r")\b")


def _signed(block: str) -> tuple[tuple[str, ...], str] | None:
    """`Jane Doe, CTVNews.ca Writer`: a person's name and their outlet, without `By`."""
    if ", " not in block or not is_bare_name(block.split(", ")[0]):
        return None
    parsed = parse_byline(block, ENGLISH)
    return parsed if parsed and parsed[0] and parsed[1] else None


# a reporter's beat under their name: `Reporter`, `Manufacturing Reporter`, `Local Journalism Initiative Reporter`
_BEAT = re.compile(r"(?!(?:The|Former|Dear|Retired|Late|Ex|Award-[Ww]inning|Hollywood)\b)"
                   r"(?:[A-Z][\w&’'-]*\s+){0,3}(?:Reporter|Writer|Journalist|Correspondent|Columnist|Editor)s?"
                   r"|Journaliste(?: de l['’]Initiative de journalisme local)?|Chroniqueur|Chroniqueuse|Correspondante?"
                   r"|Envoyée? spéciale?")


def _reads_as_person(name: str) -> bool:
    """A name alone, with no beat under it, over the time: a person's only when no word of it is a
    place and one is a rare word in either language (`Isabelle Comeau-Thibodeau`; not a section's
    name: `Nova Scotia`, `Thunder Bay`, `Grand Montréal`, `Région d'Ottawa`)."""
    return _reads_as_name(name, every_word=True)


def _signs_before_time(name: str) -> bool:
    """A name run onto the time on its line (`Jordan Kaminski-Reyes - Dec 4, 2026`): a person's
    when it is no place and does not end with one, and one of its words is rare (not a
    section's `Thunder Bay`, `Grand Montréal`, `Cape Breton`)."""
    return _reads_as_name(name, every_word=False)


def _reads_as_name(name: str, every_word: bool) -> bool:
    """No place (nor, `every_word`, any of its words one; else not its last), not ending with a
    place's word, and one word rare in either language."""
    from digest.ingest.frequency import zipf
    from digest.ingest.names import _is_place

    words = [re.sub(r"^[dlDL][’']", "", word) for word in name.split()]
    return not _is_place(name) and not any(_is_place(word) for word in (words if every_word else words[-1:])) \
        and words[-1] not in _PLACE_WORDS \
        and any(zipf(word.lower(), "en") < 3.0 and zipf(word.lower(), "fr") < 3.0 for word in words)


# the last word of a place's name (`Temiskaming Shores`, `Thunder Bay`), never of a person's
_PLACE_WORDS = frozenset({"Shores", "Falls", "Bay", "Lake", "Lakes", "Harbour", "Harbor", "Heights", "Springs", "Mills",
                          "River", "Valley", "Beach", "Creek", "Hills", "Island", "Islands", "Point", "County", "Township"})


def _page_top(parts: list[tuple[int, str]], title: str) -> int:
    """Where the page's headline stands again when the page opens with short lines alone, two or
    three (its name, its sections) over it, the page's own lines aside (`Skip to main content`,
    `For Subscribers`); 0 when it does not."""
    lines = 0
    for at in range(1, min(8, len(parts) - 1) + 1):
        block = parts[at][1]
        if _repeats(block, title):
            return at if 2 <= lines <= 3 else 0
        if _MENU.fullmatch(block) or _WEATHER.fullmatch(block):
            continue  # the site's menu (`Brampton   Mississauga   Caledon   Courts   Subscribe`), its weather: its own lines
        if "\n" in block or len(block.split()) > 4 and not (lines == 1 and _tagline(block)) \
                and not (lines == 0 and len(block.split()) <= 6 and _tagline(block)):  # (`Le Trait d'Union du Nord`)
            return 0
        lines += not is_furniture(block)
    return 0


def _tagline(block: str) -> bool:
    """A paper's motto right under its name: a phrase of a few words, no sentence (`L'hebdomadaire de
    Hearst et de la région`)."""
    return len(block.split()) <= 10 and block[:1].isupper() and block[-1] not in ".!?:;,»”\"…" and "|" not in block


# a page's weather box copied as a line: `INUVIK  -36°C  Ice fog  |  Sunrise: Jan. 6` (no sentence)
_WEATHER = re.compile(r"[^\n.!?]{0,40}(?<![\w.])[-−]?\d{1,2} ?°[CF]?(?![\w])[^\n!?]{0,60}")
# a site's menu copied as a line: its items, a word or two each, apart by runs of spaces or by bars
_MENU = re.compile(r"[^\s|·]+(?: [^\s|·]+){0,2}(?:(?: {2,}|\t+| ?[|·] ?)[^\s|·]+(?: [^\s|·]+){0,2}){3,}")


def _over_page_headline(parts: list[tuple[int, str]], title: str) -> bool:
    """Whether the page opens with short lines over its headline again, none a person's name."""
    top = _page_top(parts, title)
    return top > 0 and not any(_person_named(block) for _, block in parts[1:top])


def _person_named(line: str) -> bool:
    """A line that is a person's name alone (see `_reads_as_person`): not a brand opened by letters in
    capitals (`ICI Abitibi-Témiscamingue`, Radio-Canada's regional site)."""
    first = line.split(" ", 1)[0]  # (`CJ Pentland`, `J.P. Tasker` are people)
    return is_bare_name(line) and not (len(first) > 2 and first.isalpha() and first.isupper() and not line.isupper()) \
        and _reads_as_person(line)


# a news site's name in one word with a capital inside: `OrilliaMatters`, `SooToday`, `paNOW` (not `MacKenzie`)
_ONLINE_BRAND = re.compile(r"(?!(?:Mac|Mc|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z])(?:[A-Z][a-z]{2,}|[a-z]{1,4})[A-Z][A-Za-z]{2,}")
_CAMEL_BRAND = re.compile(r"[a-z]{1,4}[A-Z][\w.-]*")  # a site's name in one word led by lowercase: `paNOW`, `iPolitics`


def _masthead(parts: list[tuple[int, str]], unused: list[_Unused], title: str) -> str:
    """The page's name when the page opens with two or three short lines, its name over its sections,
    then its headline repeated (`SooToday` over `Local News`, `L'Action` over `Actualités ›
    Économie`): a site's name stands at the top of each of its pages. Never a place, a page's
    line or a common word (`Home`, `Menu`, `Canada`); the source only when the page names it again."""
    again = _page_top(parts, title)
    if not again or [u.index for u in unused if u.index < again and not is_furniture(u.text)] != [
            at for at in range(1, again) if not is_furniture(parts[at][1])]:
        return ""  # (the lines over the headline, each left out: the page's furniture aside)
    from digest.ingest.names import _is_place

    top = next((at for at in range(1, again) if not is_furniture(parts[at][1])), 1)  # (under `Skip to main content`)
    name = parts[top][1]
    words = name.split()
    # `Info07`: a site's name and its area code; `Envol 91 FM`, `98.5 Montréal`: a station's and its frequency
    numbered = re.fullmatch(r"[A-Z][a-z]{2,}\d{1,3}", name) is not None or _RADIO_NAME.fullmatch(name) is not None
    return name if (name[:1].isupper() or _CAMEL_BRAND.fullmatch(name)) \
        and (numbered or name[-1:].isalpha() and not any(c.isdigit() for c in name)) \
        and not _is_place(name) and not is_furniture(name) and not is_promo(name) \
        and (family_named(name) is not None or name.startswith(("L'", "L’")) and name[2:3].isupper()  # (`L'Express`)
             or not (len(words) == 1 and _common_name(name))) \
        else ""


_RADIO_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,2} \d{2,3}(?:[.,]\d)?(?: FM| AM)?"
                         r"|\d{2,3}[.,]\d(?: FM)? [A-ZÀ-Þ][\w'’.-]*")


def _common_name(name: str) -> bool:
    """A page's name in one word a language uses (`Express` of `L'Express`, `Home`)."""
    from digest.ingest.frequency import zipf

    word = re.sub(r"^L['’]", "", name).lower()
    return " " not in word and max(zipf(word, "en"), zipf(word, "fr")) >= 3.0


def _inside_sentence(block: str, at: int) -> bool:
    """Whether `at` is past the start of its sentence in `block`."""
    before = block[:at].rstrip()
    return bool(before) and before[-1] not in ".!?»”\"\n" and not before.endswith(":")


def _called(masthead: str) -> list[str]:
    """How a page names its outlet again: as its masthead has it, without its article before two
    words (`a-t-elle confié au Canada Français`), and without the place it opens with (`a Whig-Standard
    columnist` at The Kingston Whig-Standard; `the Free Press`: a paper's word in it, never one
    common word: `Star`)."""
    from digest.ingest.frequency import zipf

    words = masthead.split()
    names = [masthead]
    if words[0] == "Le" and len(words) == 2:
        # French contracts it where the story speaks to the paper (`a-t-il dit au Citoyen`, `en entrevue au Carillon`);
        # elsewhere `au Madawaska`, `du Madawaska` name the region
        names += [f"{cue} au {words[1]}" for cue in _SPOKEN_TO]
    if words[0] in _ARTICLES:
        words = words[1:]
        if len(words) > 1:  # (not `Madawaska`, a region, for Le Madawaska)
            names.append(" ".join(words))
    rest = words[1:]
    if rest and rest[0][:1].isupper() and any(part in OUTLET_WORDS for word in rest for part in word.split("-")) \
            and (len(rest) > 1 or max(zipf(rest[0].lower(), "en"), zipf(rest[0].lower(), "fr")) < 3.0):
        names.append(" ".join(rest))  # (a paper's name: not `Poilievre` of a page topped by `Pierre Poilievre`)
    return names


_ARTICLES = {"The", "Le", "La", "Les", "L'", "L’"}
_SPOKEN_TO = ("dit", "déclaré", "confié", "indiqué", "expliqué", "raconté", "précisé", "souligné", "affirmé", "ajouté",
              "entrevue", "mentionné", "assuré")


def _person_over(block: str) -> bool:
    """A block opened by a person's name alone over more lines (`Callum Brisebois-Hart` over its time)."""
    name, _, rest = block.partition("\n")
    return bool(rest) and _person_named(name)


def _portrait(block: str) -> str:
    """The name under its author's photo's alt text (`Portrait de Jane Doe` over `Jane Doe`), or ""."""
    lines = block.split("\n")
    if len(lines) == 2 and is_bare_name(lines[1]) and lines[0].endswith(" " + lines[1]) and is_noise(lines[0]):
        return lines[1]
    return ""


def _name_over(parts: list[tuple[int, str]], start: int, ahead: int
               ) -> tuple[list[int], tuple[tuple[str, ...], str], str, int] | None:
    """A person's name alone right over the header line at `ahead` (a short line between, `à
    Québec`, or its outlet's name under it): (its blocks, (authors, source), byline, line)."""
    for at in range(ahead - 1, max(start, ahead - 3) - 1, -1):
        name = _portrait(parts[at][1]) or parts[at][1]
        if name.count("\n") == 1 and _BEAT.fullmatch(name.split("\n")[1]):
            name = name.split("\n")[0]  # `Aileen MacPhail-Osei` over `Reporter`: her beat is no part of her name
        signed = _signed(name)
        if not is_bare_name(name) and not signed:
            continue
        between = [parts[i][1] for i in range(at + 1, ahead)]
        outlet = between[0] if len(between) == 1 and is_outlet_line(between[0]) and not signed else ""
        if not outlet and any(len(b.split()) > 3 or not is_noise(b) for b in between):
            return None
        parsed = signed or parse_byline(f"{name}, {outlet}" if outlet else name, ENGLISH)
        if not parsed or not parsed[0]:
            return None
        return [at, at + 1] if outlet else [at], parsed, name, parts[at][0]
    return None


def _read_block(path: Path, index: int, line: int, block: str, zone: ZoneInfo, header: Header,
                unused: list[_Unused]) -> bool:
    """Read a block of header lines into `header`, all or nothing: False (and `header` as it
    was) when one of its lines is story text rather than a header line."""
    segments = _bylines_without_by([(n, glued) for n, text in enumerate(block.split("\n"))
                                    for segment in _segments(text)
                                    for glued in _unglued(segment.strip(" \t" + _SEPARATORS)) if glued])
    if len(segments) == 1:  # one line: `_header_line` changes `header` only when it reads the line
        conventions = header.conventions
        why = _header_line(path, line, segments[0][2], zone, header)
        if segments[0][2] != segments[0][1]:  # a byline without `By` is in no language
            header.conventions = conventions
        if why == "" and not is_noise(block):
            return False
        if why is not None:
            unused.append(_Unused(index, line, block, why or "is not a byline, time or note"))
        return True
    trial = dataclasses.replace(header, stamps=dict(header.stamps))
    left_out: list[_Unused] = []
    for n, segment, read in segments:
        conventions = trial.conventions
        why = _header_line(path, line + n, read, zone, trial)
        if read != segment:  # a byline without `By` is in no language: the `By` was this code's
            trial.conventions = conventions
        if why is None:
            continue
        if why == "" and not is_noise(segment):
            return False
        left_out.append(_Unused(index, line + n, segment, why or "is not a byline, time or note"))
    header.authors, header.source, header.byline = trial.authors, trial.source, trial.byline
    header.stamps, header.conventions, header.byline_line = trial.stamps, trial.conventions, trial.byline_line
    if len(left_out) == len(segments) and all(u.why == left_out[0].why for u in left_out):  # `Listen to this
        left_out = [_Unused(index, line, block, left_out[0].why)]  # article` over `00:00 / 05:12`: one warning
    else:  # `Écouter l'article | 4 minutes`: a line whose parts no rule knows, one warning for the line
        lines = block.split("\n")
        parts_of = [n for n, _, _ in segments]
        by_line: dict[tuple[int, str], list[_Unused]] = {}
        for item in left_out:
            by_line.setdefault((item.line, item.why), []).append(item)
        merged: list[_Unused] = []
        for (at, why), items in by_line.items():
            whole = len(items) > 1 and len(items) == parts_of.count(at - line)
            merged += [_Unused(index, at, lines[at - line], why)] if whole else items
        left_out = sorted(merged, key=lambda u: u.line)
    unused.extend(left_out)
    return True


def _segments(line: str) -> list[str]:
    """A header line's parts (`Posted: ... | Last Updated: ...`, `Name · Outlet`), a date
    and its time kept together, a name before a dash and a date apart, a byline and the day it
    gives (`By Ryan Dahlke-Mireau on November 28, 2026.`)."""
    if " on " in line or " le " in line:
        dated = _BYLINE_ON_DAY.match(line)
        if dated:
            return [dated.group(1), line[dated.end():]]
    if " by " in line or " par " in line:
        day_by = _DAY_BY_NAME.match(line)
        if day_by:  # the day, then the byline, its `By` written as a byline's
            return [day_by.group(1), ("By " if day_by.group(2).lower() == "by" else "Par ") + line[day_by.end():]]
    if any(c in line for c in _SEPARATORS) or " –" in line or " —" in line:
        line = _DATE_THEN_CLOCK.sub(" ", line)  # a date and its time apart: `Dec 4, 2026 / 10:51 pm`, `18 novembre 2026 – 14 h 10`
    separated = any(c in line for c in _SEPARATORS)
    if not separated and " -" not in line and " –" not in line and " —" not in line:
        return [line]
    first, *rest = _SEGMENTS.split(line) if separated else [line]
    named = _NAME_THEN_DATE.split(first, maxsplit=1)
    return [*named, *rest] if len(named) == 2 and is_bare_name(named[0].strip()) else [first, *rest]


_STAMP_OPENERS = frozenset([*MONTHS, *MOIS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _unglued(segment: str) -> list[str]:
    """A time and what a site glued after it on the line, apart (see _GLUED): a line that opens
    with a date (`August 11, 2026 7:02 AM EDT Updated 6 hours ago`)."""
    first = segment.split(" ", 1)[0].rstrip(".,").lower()
    if not (first[:1].isdigit() or first in _STAMP_OPENERS):
        return [segment]
    parts = _GLUED.split(segment, maxsplit=1)
    if len(parts) == 2 and _reads_as_stamp(parts[0]):
        return [parts[0], *_unglued(parts[1])]
    return [segment]


_ANY_ZONE = ZoneInfo("UTC")  # only whether a text is a time is asked of it


def _reads_as_stamp(text: str) -> bool:
    """Whether `text` is meant as a time stamp (an impossible one too: it is said where it is read)."""
    try:
        return read_stamp(text, _ANY_ZONE) is not None
    except StampError:
        return True


def _bylines_without_by(segments: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, as written, as read): a person's name with their outlet on the next line or after
    a `·` (`Helen Pietrangelo · CBC News`; `Alessia Rinaldi` over `CTV News Toronto
    Multi-Platform Journalist`; Postmedia's `Author of the article: Kelsey Rybak` over `Regina
    Leader-Post`) is a byline, read as `By NAME, OUTLET`. A name alone is not: it may be the
    story's first words."""
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(segments):
        n, text = segments[i]
        label = next((label for label in _BYLINE_LABELS if text.startswith(label)), "")
        name = text[len(label):].strip()
        profile = _PROFILE_LINK.fullmatch(text) if len(text) < 120 and text.endswith(")") else None
        if profile and is_bare_name(profile[1]):
            name = profile[1]  # `Jane Doe (Accéder à la page de l'auteur)`: a byline
        if label and not name and i + 1 < len(segments) and is_bare_name(segments[i + 1][1]):
            i += 1  # `Author of the article:` over its name, as a page copies them
            name = segments[i][1]
            text = f"{text} {name}"
        outlet = segments[i + 1][1] if i + 1 < len(segments) else ""
        if not label and i + 2 < len(segments) and _BEAT.fullmatch(outlet) and is_outlet_line(segments[i + 2][1]) \
                and is_bare_name(name):  # `Mélanie Kowalski-Roy` over `Envoyée spéciale` over `La Presse`
            i += 1
            outlet = segments[i + 1][1]
        said = byline_convention(name) is not None
        parsed = parse_byline(f"{name}, {outlet}", ENGLISH) if outlet and not said and is_bare_name(name) else None
        if parsed and parsed[1]:
            out.append((n, f"{text} · {outlet}", f"{ENGLISH.byline} {name}, {outlet}"))
            i += 1
        elif not label and not said and i + 1 < len(segments) and segments[i + 1][0] == n and is_bare_name(name) \
                and _signs_before_time(name) and _reads_as_stamp(outlet):  # `Jordan Kaminski-Reyes - Dec 4, 2026 / 10:51 pm`: a byline and its time
            out.append((n, text, f"{ENGLISH.byline} {name}"))
        elif label and name and (label in _OLD_LABELS or _person_named_by_label(name)) or profile and name == profile[1]:
            # (`Un texte de A et B`: French names, joined by `et`; `Texte : Courtoisie`, `Texte : Ville de Fermont`: no one)
            out.append((n, text, f"{(FRENCH if label in _FRENCH_LABELS else ENGLISH).byline} {name}"))
        else:
            out.append((n, text, text))
        i += 1
    return out


def is_noise(text: str) -> bool:
    """A short line that reads as no sentence (and as no list item, dateline or dash)."""
    if text[-1] in _SENTENCE_END and _ABBREVIATION.fullmatch(text) is None:
        return False  # most paragraphs: known by their last character, before their words are counted
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return len(words) <= _NOISE_WORDS and not any(d in text for d in "—–") and not BULLET.match(text)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}")  # a section named `B.C.`
_PROGRAM = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* (?:for|of|and) [A-Z][\w’'-]*(?: (?:for|of|the|and|[A-Z][\w’'-]*)){0,4}")


def _header_line(path: Path, line: int, text: str, zone: ZoneInfo, header: Header) -> str | None:
    """Read one line into `header`: None when it was a header line and is read; a reason when
    it is a header line that says nothing usable; "" when it is no header line at all."""
    if not header.source and (family := family_named(text.rstrip("."))):
        header.source = family.name  # `By Jane Doe` then `The Canadian Press`
        return None
    agency, slash, partner = text.partition("/")
    if not header.source and slash and header.byline and line - header.byline_line in (1, 2) \
            and (family := family_named(agency.strip())) and _PROGRAM.fullmatch(partner.strip()):
        # `Associated Press/Report for America` under the byline: the agency, and the program paying the beat
        # (not a photo's credit, `THE CANADIAN PRESS/Emily Blake`: a person after the slash)
        header.source = family.name
        header.byline_line = line
        return None
    if not header.source and header.byline and line - header.byline_line in (0, 1) and is_outlet_line(text) \
            and not text.startswith(("Special to", "For the")):
        header.source = text  # `BY GRAHAM MACISAAC` right over `The Chronicle Herald`, `Par A | Noovo Info`
        header.byline_line = line
        return None
    if not header.source and header.byline and line == header.byline_line + 1 and (chained := outlet_of_chain(text)):
        header.source = chained  # `IJL – Réseau.Presse – Le Franco`: the program, the network, the paper
        header.byline_line = line
        return None
    if _SITE_ADDRESS.fullmatch(text) and family_named(text) is None:
        header.addresses.append((line, text))  # `23 Nov 2026 | TheTyee.ca`: the site's address by its date (see read_header)
        return None
    if not header.byline and not header.source and text.endswith(" Staff") \
            and (is_outlet_line(text[:-6]) or _ONLINE_BRAND.fullmatch(text[:-6])) and byline_convention(text) is None:
        parsed = parse_byline(text, ENGLISH)  # `CHCH News Staff`: the outlet's staff, no `By`
        if parsed and parsed[1]:
            header.authors, header.source = parsed
            header.byline, header.byline_line = text, line
            return None
    if header.byline and line in (header.byline_line + 1, header.byline_line + 2) and _BEAT.fullmatch(text):
        # (under the byline, or a block of its own below it: `By RUTH ...` over `AP Technology Writer`)
        return None  # `Local Journalism Initiative Reporter` under the byline: the author's beat
    for conventions in CONVENTIONS:
        prefix = conventions.byline + " "
        if text[:len(prefix)].casefold() == prefix.casefold():  # `BY GRAHAM MACISAAC`
            parsed = parse_byline(text[len(prefix):], conventions)
            if parsed and not header.byline:
                header.authors, header.source = parsed
                header.byline = " ".join(text[len(prefix):].split()).rstrip(".")
                header.byline_line = line
                header.conventions = header.conventions or conventions
                return None
            if parsed and parsed[0] and set(parsed[0]) <= set(header.authors) and parsed[1] in ("", header.source):
                return None  # `Un texte de Jane Doe` over her page's link: her byline, read again
        for kind, labels in (("updated", conventions.updated), ("posted", conventions.posted)):
            for label in labels:
                if not (text[:len(label)].casefold() == label.casefold() and text[len(label):len(label) + 1] in (" ", ":")):
                    continue  # `Last updated Nov 18, 2025` as well
                rest = text[len(label):].lstrip(": ")
                if rest.split(" ", 1)[0].casefold() in ("de", "du", "des", "d’", "d'"):
                    continue  # `Mise à jour de 2 000 radars`: a noun, not the label
                clock = _clock(path, line, label, rest, header.stamps.get("posted", (None, 0))[0], zone, conventions) \
                    if kind == "updated" else _posted_clock(path, line, label, rest, header.day, zone, conventions)
                if isinstance(clock, str):
                    return clock
                stamp = clock or _stamp(path, line, label, rest, zone, conventions)
                if stamp is None:
                    return f"gives no date and time this can read ({label} {rest!r})" if is_noise(rest) else ""
                if kind in header.stamps:
                    return f"is a second {label} line"
                header.stamps[kind] = (stamp, line)
                header.conventions = header.conventions or conventions
                if kind == "posted" and clock:
                    header.day_from_date_line, header.day_from_date_text = line, text
                return None
    noise = is_noise(text.rstrip("."))
    longer = not noise and len(text.split()) <= 10 and text[:1].isalnum()
    if "posted" not in header.stamps and (noise or longer):
        # a date and time alone (SaltWire's `Aug. 16, 2025 at 6:02 p.m.` under its byline) is
        # when it was posted; a date alone, when it is the `date` line's day (`8 juillet 2026`)
        try:
            stamp = read_stamp(text, zone)
        except StampError:
            stamp = None
        if stamp is not None and (stamp.timed and not longer or stamp.written_day == header.day):
            header.stamps["posted"] = (stamp, line)  # (a longer line, `Wed, November 18, 2026 at 5:42 a.m. EST`,
            return None  # only on the `date` line's day: an event's date is no posting's)
    return ""


def _clock(path: Path, line: int, label: str, text: str, posted: Stamp | None, zone: ZoneInfo,
           conventions: Conventions) -> Stamp | str | None:
    """An update given as a time of day alone (`Mis à jour à 12 h 47`): on the day it was posted,
    in the zone it was posted in, as sites write it. None when it is no time of day; why it is
    left out when the day cannot be that one (no Posted time before it, or a time before it)."""
    try:
        stamp = read_clock(text, posted.written_day if posted else dt.date(2000, 1, 1), zone, posted.named if posted else "")
    except StampError as exc:
        raise _impossible(path, line, label, text, conventions, exc) from None
    if stamp is None:
        return None
    if posted is None or not posted.timed:
        return f"gives a time of day but no date, and no Posted time before it gives the day ({label} {text.strip()!r})"
    if stamp.moment < posted.moment:
        return f"gives a time of day before the Posted time and no date: it cannot be the Posted day ({label} {text.strip()!r})"
    return stamp


def _posted_clock(path: Path, line: int, label: str, text: str, day: dt.date | None, zone: ZoneInfo,
                  conventions: Conventions) -> Stamp | None:
    """A Posted time of day alone (Radio-Canada's `Publié à 5 h 00 HNE`): on the day of the
    `date` line, which the curator gave as the story's. None when it is no time of day."""
    if day is None:
        return None
    try:
        return read_clock(text, day, zone)
    except StampError as exc:
        raise _impossible(path, line, label, text, conventions, exc) from None


def _stamp(path: Path, line: int, label: str, text: str, zone: ZoneInfo, conventions: Conventions) -> Stamp | None:
    try:
        stamp = read_stamp(text, zone)
    except StampError as exc:
        raise _impossible(path, line, label, text, conventions, exc) from None
    if stamp is None and STAMP_SHAPE.match(text):
        raise HeaderError(Problem(path, line, f"cannot read the {label} time {text.strip()!r}",
                                  f"write it like `{label} {conventions.example}`"))
    return stamp


def _impossible(path: Path, line: int, label: str, text: str, conventions: Conventions, exc: StampError) -> HeaderError:
    """A time line that is meant as one and cannot be (`13:09 pm`, `February 30`), said where it is."""
    return HeaderError(Problem(path, line, f"impossible {label} {exc} {text.strip()!r}",
                               f"write it like `{label} {conventions.example}`"))


def signatures(header: Header) -> tuple[str, ...]:
    """The closing lines that repeat the byline (any case, without a final period)."""
    found = [header.byline]
    if header.authors:
        conjunction = header.conventions.conjunction if header.conventions else "and"
        names = header.authors[0] if len(header.authors) == 1 else \
            ", ".join(header.authors[:-1]) + f" {conjunction} " + header.authors[-1]
        found += [f"{names}, {header.source}" if header.source else names, names]
    found += [header.source, header.masthead]  # the page's own outlet (alone, or as its closing lines describe it)
    return tuple(dict.fromkeys(s.casefold() for s in found if s))
