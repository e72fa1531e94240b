"""The shape of a story's body: paragraphs, bulleted lists, quotes with their attribution,
subheads and separators; and the notes and credits around it.

Every word of the copy stays; only what the copy's layout already says is made
explicit (a run of `•` lines is a list, `— Mayor Olivia Chow` under a quote is its source).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.ingest.families import CONVENTIONS, CREDIT_LINE

BULLET = re.compile(r"^[•*\-–·▪●◦]\s+(?=\S)")
# the labels newsrooms put over a story's opening list of highlights
HIGHLIGHTS = re.compile(r"(?i)(?:en bref|in brief|highlights|key points|what to know|the latest|à retenir|"
                        r"faits saillants|ce qu['’]il faut (?:savoir|retenir)|les faits)[ \t]*:?")
# A line of a site's page that promotes other things (`READ MORE: ...`, `Related: ...`, `À LIRE
# AUSSI: ...`, a video's caption), a label over a list of such links (`À lire aussi :`), or a
# newsletter's sign-up: a headline, not a sentence (no final period)
PROMO = re.compile(r"^(?:WATCH|LISTEN|READ MORE|READ ALSO|RELATED|Related|Read more|Watch|À LIRE AUSSI|"
                   r"À lire aussi|À VOIR AUSSI|À voir aussi|À ÉCOUTER|VOIR AUSSI|LIRE AUSSI)[ \t]*:"
                   r"|^Sign up to receive daily headline news from\b")
SEPARATOR = re.compile(r"^(?:_{3,}|-{3,}|\*{3,}|(?:\* ){2,}\*|—{2,}|={3,}|#{3,})$")
# `— Mayor Olivia Chow` under a quote: a dash, then a name or a title (no sentence, no `— 30 —`).
ATTRIBUTION = re.compile(r"^[—–]\s*(?=[A-ZÀ-Þ])(?!With files from|Avec )[^!?]{1,100}(?<![.!?])$"
                         r"|^[—–]\s*(?=[A-ZÀ-Þ])[^!?]{1,100}\b(?:Jr|Sr|Inc|Ltd|Corp|Co)\.$")
_QUOTE_OPEN = "“\"«‘"
_QUOTE_CLOSE = re.compile(r"[”\"»’][.,!?]?$")
# A note's label, then a colon (`Correction (April 3):`, `Update, 3 p.m.:`, French ` :`), or a
# dash after a label in capitals (`CORRECTION — ...`); AP's `CORRECTS ...`; `This is a corrected story`.
_LABELS = "|".join(c.notes for c in CONVENTIONS)
NOTE = re.compile(rf"^(?:[*•]\s*)?(?:{_LABELS})(?:\s*\([^()]{{1,40}}\)|,[^:,]{{1,25}})?\s*:\s*\S"
                  rf"|^(?:[*•]\s*)?(?-i:{_LABELS.upper()})\s*[—–-]\s*\S"
                  r"|^(?-i:CORRECTS)\s+\S"
                  r"|^This (?:is a corrected (?:story|version)|(?:story|article|report) (?:has been|was) "
                  r"(?:corrected|updated))\b", re.I)
_SUBHEAD_MAX_WORDS = 8
_SHAPED_START = frozenset("•*-–·▪●◦—_=#")  # what a bullet, an attribution or a separator opens with


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the body, its text exactly as written."""

    kind: str                     # paragraph, list, quote, subhead, separator
    text: str = ""                # paragraph, quote and subhead text
    items: tuple[str, ...] = ()   # list items, bullets taken off
    attribution: str = ""         # a quote's `— Name` line, dash included


def is_credit(line: str, signatures: tuple[str, ...]) -> bool:
    """A closing line that credits people or states terms rather than telling the story."""
    flat = " ".join(line.split()).rstrip(".").casefold()
    return bool(CREDIT_LINE.match(line)) or flat in signatures


def split_end(body: list[tuple[int, str]], signatures: tuple[str, ...]
              ) -> tuple[list[tuple[int, str]], tuple[str, ...], tuple[str, ...]]:
    """Take credits, separators and end notes off the end of the body: (body, credits, notes).

    A block is taken only when every one of its lines is a credit or a separator,
    so a sentence that merely mentions a contributor stays story text."""
    credits: list[str] = []
    notes: list[str] = []
    while body:
        lines = body[-1][1].split("\n")
        if all(SEPARATOR.match(line) or is_credit(line, signatures) for line in lines):
            credits[:0] = [line for line in lines if not SEPARATOR.match(line)]
        elif NOTE.match(body[-1][1]):
            notes.insert(0, body[-1][1])
        else:
            break
        body.pop()
    return body, tuple(credits), tuple(notes)


_PROMO_START = frozenset("WLRÀVS")  # what PROMO's lines open with: most paragraphs are spared the regex


def is_promo(text: str) -> bool:
    """One line that promotes the page's other stories or media (PROMO)."""
    return text[:1] in _PROMO_START and "\n" not in text and PROMO.match(text) is not None \
        and (not text.endswith(".") or text.startswith("Sign up"))


def strip_promos(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The body without the page's promotions (PROMO): (kept, left out). A label alone over a
    list (`À lire aussi :` and its headlines) goes with the list."""
    kept: list[tuple[int, str]] = []
    left: list[tuple[int, str]] = []
    index = 0
    while index < len(body):
        line, text = body[index]
        if is_promo(text):
            label_only = not text.split(":", 1)[1].strip() if ":" in text else False
            if label_only and index + 1 < len(body) and all(BULLET.match(x) for x in body[index + 1][1].split("\n")):
                index += 1  # its links, named with it
                text += "\n" + body[index][1]
            left.append((line, text))
        else:
            kept.append((line, text))
        index += 1
    return kept, left


def shape(paragraphs: list[str]) -> tuple[Block, ...]:
    """Body paragraphs (blank-line separated blocks) -> blocks; consecutive bullets make one list."""
    out: list[Block] = []
    for index, text in enumerate(paragraphs):
        if text[0] not in _SHAPED_START and "\n" not in text and (len(text) > 80 or text.upper() != text) \
                and (index or not HIGHLIGHTS.fullmatch(text)):
            out.append(Block("paragraph", text))  # most wire paragraphs: one line of prose
            continue
        lines = text.split("\n")
        previous = out[-1] if out else None
        if previous and previous.kind == "paragraph" and len(lines) == 1 and ATTRIBUTION.match(text) \
                and _is_quote(previous.text) and len(text.split()) <= 14:
            out[-1] = Block("quote", previous.text, attribution=text)
            continue
        if len(lines) > 1 and ATTRIBUTION.match(lines[-1]) and _is_quote("\n".join(lines[:-1])) \
                and len(lines[-1].split()) <= 14 and not any(BULLET.match(line) for line in lines):
            out.append(Block("quote", "\n".join(lines[:-1]), attribution=lines[-1]))
            continue
        if len(lines) == 1 and SEPARATOR.match(text):
            out.append(Block("separator"))
            continue
        # the first block only as a label over a list, in any case (`EN BREF`, `What to know:` and
        # their highlights, as the header hands them over); alone it is a lede in capitals
        if len(lines) == 1 and (index > 0 and _is_subhead(text) or index == 0 and HIGHLIGHTS.fullmatch(text)
                                and len(paragraphs) > 1 and BULLET.match(paragraphs[1])):
            out.append(Block("subhead", text))
            continue
        for is_list, run in _runs(lines):
            if is_list:
                items = tuple(BULLET.sub("", line, count=1) for line in run)
                if out and out[-1].kind == "list":
                    out[-1] = Block("list", items=out[-1].items + items)
                else:
                    out.append(Block("list", items=items))
            else:
                out.append(Block("paragraph", "\n".join(run)))
    return tuple(out)


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive lines grouped by whether they are bullet lines."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        bullet = bool(BULLET.match(line))
        if runs and runs[-1][0] == bullet:
            runs[-1][1].append(line)
        else:
            runs.append((bullet, [line]))
    return runs


def _is_quote(text: str) -> bool:
    return text[:1] in _QUOTE_OPEN and bool(_QUOTE_CLOSE.search(text))


def _is_subhead(text: str) -> bool:
    """A short line in capitals standing alone: `THE HOUSING PLAN`, `CE QUE PRÉVOIT LE PLAN`
    (not a quotation, not an exclamation). Cheap tests first: this runs on every paragraph."""
    return (len(text) <= 80 and text[-1] not in ".,;!" and text[0] not in _QUOTE_OPEN
            and len(text.split()) <= _SUBHEAD_MAX_WORDS and text.upper() == text
            and sum(c.isalpha() for c in text) >= 2 and not BULLET.match(text))


def texts(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The words of the body, one text per paragraph, item, quote and subhead (what classifying reads)."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "list":
            out.extend(block.items)
        elif block.kind == "quote":
            out += [block.text, block.attribution]
        elif block.text:
            out.append(block.text)
    return tuple(out)
