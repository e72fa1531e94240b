"""Plain text -> Markdown that renders back to exactly that text.

Wire copy is not Markdown: `1.` or `#` may open a paragraph, `*`, `_`, `<b>`,
`&amp;` or `[x](y)` may sit inside one. Each character that a CommonMark
renderer (with or without raw HTML, tables or strikethrough) could read as
markup is backslash-escaped; everything else is left alone so the curator can
still read and edit the file.
"""
from __future__ import annotations

import re

# Always markup somewhere: code, emphasis, links, HTML/autolinks, tables, strikethrough.
_ALWAYS = re.compile(r"[\\`*\[\]<>|~]")
# `_` only opens or closes emphasis when not between two letters or digits.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# `&` only matters when it starts an entity or numeric reference.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# At the start of a line: headings, list items, thematic breaks, setext underlines.
_LINE_START = re.compile(r"^([#=+-])|^(\d{1,9})([.)])", re.M)


# Every character that may need an escape, or opens a line that may: a character class lets
# the regex engine skip through a paragraph without trying each pattern at each place.
_SUSPECT = re.compile(r"[\\`*\[\]<>|~_&\n]")


def escape_markdown(text: str) -> str:
    """Escape `text` (lines already stripped) so a CommonMark renderer shows it as written."""
    if not _SUSPECT.search(text) and not (text and (text[0] in "#=+-" or text[0].isdigit())):
        return text  # most wire paragraphs: nothing to do
    text = _ALWAYS.sub(r"\\\g<0>", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)
