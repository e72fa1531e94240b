"""The wire-copy parser: one raw article file in, one `RawStory` out.

The format (see DESIGN.md): a `date YYYY-MM-DD Title` header, then optional
byline, `Posted` and `Last Updated` blocks (or `Par`, `Publié le`, `Mis à jour le`),
notes, the body paragraphs (the first may open with a dateline), and credits at
the end. Blocks are separated by blank lines. The shapes of each wire family
are data, in families.py; the body's structure is structure.py's.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.errors import Problem
from digest.ingest.bylines import is_outlet_line, parse_byline
from digest.ingest.families import (
    CREDIT_LINE,
    ISSUE_LINE,
    NEWSLETTER_FROM,
    SELF_DESCRIBED,
    byline_convention,
    credited_family,
    family_marked,
    family_named,
)
from digest.ingest.header import Header, HeaderError, is_caption, read_header, signatures
from digest.ingest.places import is_known_place
from digest.ingest.structure import (
    Block,
    comment_thread,
    edited_interview,
    page_tail,
    shape,
    split_end,
    strip_promos,
    texts,
)
from digest.text import clean_text

MAX_BYTES = 5 * 1024 * 1024

HEADER_RE = re.compile(r"^date\s+(\S+)(?:\s+(.*))?$")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A city in capitals (`OTTAWA`, `ST. JOHN'S`, `WASHINGTON/OTTAWA`), words that cannot overlap
# the space after them (no backtracking on a long line).
_CITY = r"[^\W\da-z_]+(?:[ .'’&/-]{1,3}[^\W\da-z_]+)*\.?"
_REGION = r"(?:,\s+[A-Z][\w.-]*(?:\s+(?:and\s+)?[A-Z][\w.-]*){0,2})?"  # `, Newfoundland and Labrador`
# `OTTAWA —`, `VAUGHAN, Ont. —` or `KYIV, Ukraine (AP) —`: a city in capitals, maybe its
# province or country, an optional agency, a dash; then the story, which opens as a sentence does.
DATELINE_RE = re.compile(rf"^({_CITY}{_REGION})\s*(?:\(([^()\n]{{1,40}})\))?\s*(?:—|–|--)\s+(?![a-z])")
# Reuters: `OTTAWA, April 4 (Reuters) - `: a date may follow the place, and a hyphen is a dash
# once an agency is named.
AGENCY_DATELINE_RE = re.compile(
    rf"^({_CITY}{_REGION})(?:,\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s+\(([^()\n]{{1,40}})\)\s*(?:—|–|--|-)\s*(?![a-z\s])")
_DATELINE_REACH = 160  # a dateline is looked for in a paragraph's first characters only


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
    credited: tuple[str, ...] = ()  # who the photo captions left out credit: never the story's subjects


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
    first, _, rest = first.partition("\n")  # the header is a line: what follows it is header lines
    if rest:
        parts[1:1] = [(line + 1, rest)]
    header_match = HEADER_RE.match(first)
    if not header_match:
        raise RawError(Problem(path, line, "no `date YYYY-MM-DD Title` header",
                               "make the first line like `date 2025-03-28 Title of the story`"))
    day = _iso_date(path, line, header_match.group(1))
    title = " ".join((header_match.group(2) or "").split())
    if not title:
        raise RawError(Problem(path, line, "the header has a date but no title",
                               "write the title after the date on the first line"))
    try:
        header = read_header(path, parts, zone, warnings, lambda block: bool(_dateline(block)[0]), day, title)
    except HeaderError as exc:
        raise RawError(exc.problem) from None
    # (a promo after the credits leaves them credits)
    under = parts[header.end:]
    thread = comment_thread(under)
    if thread:  # readers' comments: the heading's warning stands for them all
        under = under[:thread[0]] + [under[thread[0]]] + under[thread[1]:]
    tail = page_tail(under, signatures(header))
    body, promos, furniture = strip_promos([part for at, part in enumerate(under) if at not in tail])
    for at in sorted(tail):  # a box's label over its links' block: one box, one warning
        if at - 1 in tail and furniture[-1:] == [under[at - 1]] and "\n" not in under[at - 1][1]:
            furniture[-1] = (under[at - 1][0], under[at - 1][1] + "\n" + under[at][1])
        else:
            furniture.append(under[at])
    # a call to subscribe under the story's last paragraph credits the paper (`Subscribe to The Daily
    # Gleaner for unlimited access ...`); between paragraphs it is the page's
    closing = [(at, text) for at, text in promos if body and at > body[-1][0] and CREDIT_LINE.match(text)]
    if closing:
        promos = [promo for promo in promos if promo not in closing]
        body = sorted(body + closing)
    body, captions = _captions_apart(body)
    for at, text in captions:
        warnings.append(Problem(path, at, f"{text.split(chr(10))[0]!r} is a photo caption, not the story; left out",
                                "delete it, or reword it if it is story text", warning=True))
    body, credits, end_notes = split_end(body, signatures(header))
    updates = [part for part in body[1:] if _UPDATE_OVER_EARLIER.fullmatch(part[1])]  # AP's line between an update and
    if updates:  # the story it updates: a note
        end_notes = (*[text for _, text in updates], *end_notes)
        body = [part for part in body if part not in updates]
    if body and _NEWSWIRE_DATELINE.match(body[0][1]):
        body, boilerplate = _release_end(body)
        credits = (*boilerplate, *credits)
    credits = (*header.credits, *credits)
    signed = _signed_at_end(body, header) if not header.byline and body else None
    if signed:  # `Par Véronique Boivin-Sioui, journaliste` over `L'Étoile du Lac`, under the story
        (header.authors, header.source), block = signed
        credits = (*block.split("\n"), *credits)
        body = body[:-1]
    copies: dict[str, list[int]] = {}  # `Article content` between every few paragraphs: one warning
    for at, text in sorted(header.furniture + furniture):
        copies.setdefault(text, []).append(at)
    for text, lines in copies.items():
        times = f" ({len(lines)} times)" if len(lines) > 1 else ""
        warnings.append(Problem(path, lines[0], f"{text!r} is the page's, not the story's; left out{times}",
                                "delete it, or reword it if it is story text", warning=True))
    for at, text in promos:
        warnings.append(Problem(path, at, f"{text!r} promotes other stories or media of the page; left out",
                                "delete it, or reword it if it is story text", warning=True))
    if not body:
        raise RawError(Problem(path, parts[-1][0], "the story has no body text",
                               "add the article's paragraphs after the header"))
    shaped = shape([block for _, block in body], interview=any(edited_interview(note) for note in end_notes))
    # the lede: the first paragraph, after any highlights the copy opens with (`EN BREF` and its list)
    first_paragraph = next((block.text for block in shaped if block.kind == "paragraph"), body[0][1])
    dateline, agency, lede = _dateline(first_paragraph, lambda: title + "\n" + "\n".join(block for _, block in body))
    source = header.source
    if source and header.masthead.endswith(" " + source):
        source = header.masthead  # `By Herald staff reports` under `Grand Forks Herald`: the paper named short
    family = family_named(source) if source else None
    if not source and agency and (family := family_marked(agency)):
        source = family.name  # `WASHINGTON (AP) —` under a byline of names only
    release = not source and bool(agency) and _NEWSWIRE_DATELINE.match(first_paragraph) is not None
    if release:  # the wire that moved the release is its source, as its mark says it (`CNW`, `CNW Telbec`)
        source = agency
    if not source:  # `Sign up to receive daily headline news from Calgary Herald, a division of Postmedia ...`
        source = next((name for _, text in promos if (m := NEWSLETTER_FROM.match(text))
                       and is_outlet_line(name := next(g for g in m.groups() if g))), "")  # (not `Toronto Public Health's`)
    if not source:  # `Cet article a été publié dans le numéro de décembre 2026 de L'actualité.`
        source = next((_issued_by(m, header.masthead) for text in credits if (m := ISSUE_LINE.match(text))), "")
    if not source:  # the outlet the closing lines name: the author's tagline, its own description, its name alone
        source = _outlet_closing(credits, header.authors, header.masthead)
    if not source:  # `May 2 (Reuters) -` with no place; `Our Standards: The Thomson Reuters Trust Principles.`
        named = family_marked(agency or _agency_alone(first_paragraph)) or credited_family(credits)
        source = named.name if named else ""
    if not source and header.masthead_named:  # a saved page's name at its top (`SooToday` over `Local News` and
        source = header.masthead  # its headline again), named again lower on the page: `Callum Brisebois-Hart/SooToday`
    if not source and header.authors:
        warnings.append(Problem(path, header.byline_line or 1, "the byline names no outlet; the story shows no source",
                                "write it after the names, like `By Jane Doe, Toronto Star`", warning=True))
    posted = header.stamps.get("posted")
    if header.day_from_date_line:
        warnings.append(Problem(path, header.day_from_date_line, f"{header.day_from_date_text!r}: the Posted time gives "
                                f"no day; dated {day}, the day of the `date` line", "check that it is the day it was published",
                                warning=True))
    if posted is None:
        date, timed = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone), False
        warnings.append(Problem(path, 1, f"no Posted line; dated {day} without a time",
                                "add a `Posted March 28, 2025 11:09 am.` line if the copy has one", warning=True))
    else:
        date, timed = posted[0].moment, posted[0].timed
        # 9:40 PM PT on the 14th is the 15th in Toronto: the header may give either day
        if day not in (posted[0].written_day, date.astimezone(zone).date()):
            warnings.append(Problem(path, posted[1], f"header date {day} and Posted date {posted[0].written_day} "
                                    "differ; using Posted", "correct whichever is wrong", warning=True))
    updated = header.stamps.get("updated")
    if updated and posted and updated[0].timed and timed and updated[0].moment < date:
        warnings.append(Problem(path, updated[1], "the Updated time is before the Posted time",
                                "correct whichever is wrong", warning=True))
    # what the copy's words (`Par`, `Publié le`) and its family say, when they agree; a French
    # byline on AP copy La Presse Canadienne translated disagrees, and the detector decides
    said = {header.conventions.language if header.conventions else None, family.language if family else None} - {None}
    language = said.pop() if len(said) == 1 else None
    return RawStory(path, title, date, updated[0].moment if updated else None, header.authors, source, dateline,
                    texts(shaped), credits, tuple(warnings), shaped, lede, (*header.notes, *end_notes),
                    timed, updated[0].timed if updated else True, language, tuple(header.credited))


# AP's mark between a breaking update's first paragraphs and the story it updates: a note to the reader
_UPDATE_OVER_EARLIER = re.compile(r"THIS IS A BREAKING NEWS UPDATE\.(?: AP['’]s earlier story follows below\.)?")
# What closes a company's release, the wire's sign-off under it: `About Halcyra Systems Inc.`, `Forward-Looking
# Information`, `Mise en garde concernant les énoncés prospectifs`; `SOURCE Halcyra Systems Inc.`,
# `For further information: ...`, `Renseignements : ...`
_ABOUT = re.compile(r"(?:About|À propos d(?:e |u |es |['’]))\s*[A-ZÀ-Þ][^\n]{1,80}")
_CAUTION = re.compile(r"Forward[- ]Looking (?:Information|Statements?)[^\n]{0,60}|(?:Cautionary|Caution) (?:Note|Statement)"
                      r"[^\n]{0,80}|Mise en garde concernant [^\n]{0,80}|(?:Énoncés|Déclarations) prospectifs?[^\n]{0,60}")
_SOURCE_LINE = re.compile(r"SOURCE [^\n]{2,100}")


def _release_end(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], tuple[str, ...]]:
    """A newswire release's body and its closing sections (what the company is, its forward-looking
    caution, the wire's `SOURCE` and contacts): the company's words about itself, not the news. Only
    when the release ends with the wire's sign-off."""
    signed = next((at for at in range(len(body) - 1, max(0, len(body) - 4), -1) if _SOURCE_LINE.match(body[at][1])), None)
    if signed is None:
        return body, ()
    # from the company's own section, the last `About ...` over the sign-off (a subhead `About GO Expansion`
    # higher up is the news), or the caution right over the sign-off
    about = [at for at in range(1, signed) if _ABOUT.fullmatch(body[at][1])]
    start = about[-1] if about else signed
    while start > 1 and _CAUTION.fullmatch(body[start - 2][1]):
        start -= 2  # (the forward-looking caution and its paragraph, over the `About`)
    return body[:start], tuple(line for _, text in body[start:] for line in text.split("\n"))


def _captions_apart(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(the body, the photo captions among its paragraphs): a caption ending with its credit
    (`A plow clears a street in Morden on Sunday. THE CANADIAN PRESS/Brendan Kuzyk-Rae`), or over its
    credit's line, where the page showed a photo. Never the first paragraph: the lede."""
    kept, captions = body[:1], list[tuple[int, str]]()
    for part in body[1:]:
        caption = len(part[1]) <= _STORY_CAPTION_CHARS and not _SPEECH.search(part[1]) and is_caption(part[1])
        (captions if caption else kept).append(part)
    return kept, captions


_STORY_CAPTION_CHARS = 260  # a caption and its credit inside the story (under the header, header.py's 240): a story's
                            # paragraph that ends on a source runs longer
# a caption shows a photo and quotes no one: a paragraph that reports words or a poll is the story's,
# whatever it ends with (`... told CBC News. (Jane Doe, CBC News)`, `... (Abacus Data/CBC News)`)
_SPEECH = re.compile(r"[“”\"«»]|\b(?:said|says|told|wrote|writes|reported|according to|survey|poll|polled|conducted|"
                     r"a dit|a déclaré|a écrit|selon|affirme|explique|estime|sondage)\b", re.I)


def _dateline(paragraph: str, story: Callable[[], str] | None = None) -> tuple[str, str, str]:
    """(place, agency, the paragraph after them) of a lede; ("", "", paragraph) without a dateline.
    A hyphen sets one off only when the `story` (its headline and text, made only then) names the
    place again."""
    head = paragraph[:_DATELINE_REACH]
    if head.startswith("(") and (placed := _PLACE_IN_PARENTHESES.match(head)) and is_known_place(placed.group(1)):
        return placed.group(1), "", paragraph[placed.end():]  # La Presse's `(Paris) Le Canada versera ...`
    if "—" not in head and "–" not in head and "-" not in head:
        return "", "", paragraph  # no dash, no dateline: most paragraphs, at the cost of three scans
    if "/" in head and (wired := _NEWSWIRE_DATELINE.match(head)):
        return wired.group(1).strip(), wired.group(2).strip(), paragraph[wired.end():]
    if head.startswith("(") and (placed := _CAPITALS_IN_PARENTHESES.match(head)) and not family_marked(placed.group(1)) \
            and (is_known_place(placed.group(1).split(",")[0]) or _PROVINCE_CODE.fullmatch(placed.group(2).lstrip(", "))
                 or placed.group(2) and is_known_place(placed.group(2).lstrip(", "))):
        return placed.group(1), "", paragraph[placed.end():]  # a police release's `(OAKVILLE, ON) —`
    for pattern in (DATELINE_RE, AGENCY_DATELINE_RE):
        match = pattern.match(head)
        if match and any(c.isalpha() for c in match.group(1)):
            return match.group(1).strip(), (match.group(2) or "").strip(), paragraph[match.end():]
    hyphen = _HYPHEN_DATELINE.match(head) if story else None
    if hyphen and story and _hyphen_place(hyphen.group(1).split(",")[0].strip(), story()):
        return hyphen.group(1).strip(), "", paragraph[hyphen.end():]  # a local site's `KAMLOOPS - The food bank ...`
    alone = _AGENCY_ALONE.match(head)  # `June 30 (Reuters) - `: the agency, no place
    if alone and family_marked(alone.group(1)) and paragraph[alone.end():alone.end() + 1].isupper():
        return "", alone.group(1).strip(), paragraph[alone.end():]
    return "", "", paragraph


# words in capitals set off by a hyphen: a local site's dateline, or a factbox's run-in lead (`AUTOS - `),
# a kicker (`WATCH - `, `OPINION - `), a speaker (`MAYOR SMITH - `)
_HYPHEN_DATELINE = re.compile(rf"^({_CITY}{_REGION})\s+-\s+(?=[A-ZÀ-Þ0-9«\"“])")


def _hyphen_place(place: str, story: str) -> bool:
    """Whether the capitals before a hyphen are a dateline: a place's name (a known city or region,
    not a country: `CHINA - ` leads a factbox's item; or words no word list knows, `KAMLOOPS`, where a
    kicker's or a lead's are common words) that the `story` names again, written as a name (`Kamloops`)."""
    from digest.ingest.frequency import zipf
    from digest.ingest.places import is_country

    words = re.findall(r"[^\W\d_]+", place.lower())
    unlisted = bool(words) and all(max(zipf(word, "en"), zipf(word, "fr")) < 3.0 for word in words)
    if not (unlisted or is_known_place(place) and not is_country(place)):
        return False
    return any(found.group()[0].isupper() and found.group() != place
               for found in re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", story, re.I))


_PLACE_IN_PARENTHESES = re.compile(r"^\(([A-ZÀ-Þ][a-zà-ÿ’'.]+(?:[ -](?:[A-ZÀ-Þ][a-zà-ÿ’'.]+|d[’']|de|du|des|la|le|sur|en)){0,4})\)"
                                   r"\s+(?=[A-ZÀ-Þ«\"“])")
# A newswire's release (Canada NewsWire, its French Telbec): the place, the day with its year, the
# wire's mark between slashes: `WATERLOO, ON, Nov. 17, 2026 /CNW/ - `, `SAINT-FÉLICIEN, QC, le 20 nov. 2026 /CNW Telbec/ - `
_NEWSWIRE_DATELINE = re.compile(rf"^({_CITY}{_REGION}),\s+(?:le\s+)?(?:\d{{1,2}}(?:er)?\s+)?[^\W\d_]{{3,9}}\.?"
                                rf"(?:\s+\d{{1,2}})?,?\s+\d{{4}}\s+/([A-Z][\w .&-]{{1,30}}?)/\s*(?:—|–|--|-)\s*(?=\S)")
_PROVINCE_CODE = re.compile(r"ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|PEI|YT|NT|NU")  # Canada Post's, in a release's dateline
# a dateline in capitals inside parentheses, before the dash (a police service's release: `(OAKVILLE, ON) — `)
_CAPITALS_IN_PARENTHESES = re.compile(rf"^\(({_CITY}({_REGION}))\)\s*(?:—|–|--)\s+(?![a-z])")
_AGENCY_ALONE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?\(([^()\n]{1,40})\)\s*(?:—|–|--|-)\s")


_NAME_RUN = r"(?:The |L['’])?[A-ZÀ-Þ](?:[\w’'-]|[./](?=\w))*(?: (?:and |& )?[A-ZÀ-Þ](?:[\w’'-]|[./](?=\w))*){0,3}"  # (`NWT News/North`)
# the outlet a tagline names: `with The Hill Times`, `for the Halifax Examiner`, `is The Narwhal's ... reporter`
_TAGLINE_OUTLET = re.compile(rf"\b(?:with|for|at|au|pour)\s+(?:the\s+)?({_NAME_RUN})")
_TAGLINE_OWNER = re.compile(r"\s+is (The [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)[’']s\b")
_FORMER = re.compile(r"\b(?:former|formerly|previously|appeared in|has written for|freelance)\b", re.I)


def _issued_by(issue: re.Match[str], masthead: str) -> str:
    """The paper an issue's line names, as the story's source: a magazine's issue, or a notice's
    paper when it reads as an outlet or is the page's (`Published in the New England Journal of
    Medicine on ...` credits a journal the story cites, no source)."""
    paper = next(group for group in issue.groups() if group)
    return paper if not issue.group(3) or is_outlet_line(paper) or paper == masthead else ""


def _outlet_closing(credits: tuple[str, ...], authors: tuple[str, ...], masthead: str = "") -> str:
    """The outlet the closing credits name, or "": in its author's tagline (`... is a reporter with The
    Hill Times ...`, `... for the Halifax Examiner.`, `... is The Narwhal's northern B.C. reporter`),
    describing itself (`ONFR est le média d'information de TFO.`), or alone on the last line."""
    for line in credits:
        author = next((a for a in authors if line.startswith(a + " ")), None)
        if author is None or _FORMER.search(line):
            continue
        possessive = _TAGLINE_OWNER.match(line, len(author))
        match = possessive or _TAGLINE_OUTLET.search(line, len(author))
        if match:
            name = match.group(1)
            family = family_named(name)
            if "/" in name and name != masthead:  # `with CBC News/Radio-Canada`: CBC News (`NWT News/North` is a name)
                name = name.split("/")[0]
                family = family_named(name)
            if family or is_outlet_line(name) or possessive:
                return family.name if family else name
    for line in credits:
        described = SELF_DESCRIBED.match(line)
        if described:
            return described.group(1)
    if credits and (family := family_named(credits[-1].strip())):
        return family.name  # `The Canadian Press` alone under Today in History
    # (not `Avec l'Agence France-Presse`: the agency whose copy is merged in, not the story's outlet)
    return credits[-1] if credits and is_outlet_line(credits[-1]) and not credits[-1].startswith("Avec ") else ""


def _signed_at_end(body: list[tuple[int, str]], header: Header) -> tuple[tuple[tuple[str, ...], str], str] | None:
    """((authors, source), the block) of a byline closing the story under its last paragraph, a
    person's with `By`/`Par` (and their beat) over their outlet, when the header has none."""
    lines = body[-1][1].split("\n")
    if len(body) < 2 or len(lines) != 2 or not is_outlet_line(lines[1]):
        return None
    conventions = byline_convention(lines[0])
    if conventions is None:
        return None
    named = re.sub(r",\s*(?:journaliste|reporter|journalist|correspondante?|correspondent|collaboratrice|"
                   r"collaborateur|staff writer)$", "", lines[0][len(conventions.byline) + 1:].strip(), flags=re.I)
    parsed = parse_byline(f"{named}, {lines[1]}", conventions)
    return (parsed, body[-1][1]) if parsed and len(parsed[0]) == 1 and parsed[1] else None


def _agency_alone(paragraph: str) -> str:
    """The agency of a dateline that names no place: `May 2 (Reuters) - `."""
    match = _AGENCY_ALONE.match(paragraph)
    return match.group(1) if match else ""


def _iso_date(path: Path, line: int, text: str) -> dt.date:
    match = ISO_DATE_RE.match(text)
    if not match:
        raise RawError(Problem(path, line, f"'{text}' is not a date", "write it as YYYY-MM-DD"))
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise RawError(Problem(path, line, f"impossible date {text}",
                               "check the day and month in the header")) from None
