"""Article bodies to HTML: markdown-it, with a shortcut for bodies that are plain paragraphs.

Most bodies are wire copy: paragraphs of prose with no Markdown in them.
Parsing those with markdown-it is most of the cost of reading an article, and
its output is known in advance: each paragraph in `<p>`, backslash escapes
resolved, `&`, `<`, `>` and `"` as entities.
`plain_paragraphs` takes the shortcut only when no line could start or hold
any Markdown construct; everything else goes through markdown-it. A property
test holds the two to byte-identical output.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# A backslash escape (any ASCII punctuation): the character stands for itself, whatever it is.
_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
# What else can open an inline construct anywhere in a line: a literal backslash (hard break),
# code, emphasis, links and images, autolinks, tables, strikethrough, entities (`S&P` is none).
_MARKUP = re.compile(r"[\\`*_\[\]<>|~\t\r]|&(?:#|[A-Za-z0-9]+;)")
# The characters that start one of those: a class, which the regex engine scans three times
# as fast as the alternation (a lone `&` is common, an entity rare).
_MARKUP_START = re.compile(r"[\\`*_\[\]<>|~\t\r&]")
# A line start that can open a block: any ASCII punctuation but quotes, `(`, `$` and escapes
# (lists, headings, quotes, thematic breaks, setext underlines, table rows), or `1.` / `1)`.
_BLOCK_START = re.compile(r"[!#%&)*+,\-./:;<=>?@\[\]^_`{|}~]|\d+[.)]")
_TEXT = re.compile(r"\\([!-/:-@\[-`{-~])|[&<>\"]")
_TEXT_START = re.compile(r"[\\&<>\"]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def _html(match: re.Match[str]) -> str:
    char = match.group(1) or match.group()
    return _HTML.get(char, char)


def markdown_renderer() -> MarkdownIt:
    """CommonMark plus tables and strikethrough; raw HTML off; no typographic rewriting."""
    from markdown_it import MarkdownIt  # loaded only when articles are parsed: not on a cached build

    return MarkdownIt("js-default")


@functools.lru_cache(maxsize=1)
def curator_renderer() -> MarkdownIt:
    """For the curator's own words (comments, edition introductions), shown on cards, pages and
    in emails: paragraphs, lists, quotes, emphasis, code and links; no images (an email would
    load them from anywhere), no headings (a card is not a page), no tables or rules."""
    md = markdown_renderer()
    md.disable(["image", "heading", "lheading", "table", "hr", "code", "fence"])
    return md


_HREF = re.compile(r'href="([^"]*)"')


def local_links(html: str) -> list[str]:
    """The links in `html` that are no full address: shown on pages at several depths and in
    emails, a relative link would lead somewhere else from each."""
    return [h for h in _HREF.findall(html) if not re.match(r"(?:https?:|mailto:)", h, re.I)]


# A quote whose last paragraph is its source (`— Mayor Olivia Chow`, as ingest writes a pull
# quote): a figure with the source as its caption.
_ATTRIBUTED = re.compile(r"<blockquote>\n((?:<p>(?:(?!</p>).)*</p>\n)+?)"
                         r"<p>([—–](?:(?!</?p>|<blockquote).)*)</p>\n</blockquote>\n", re.S)


def render_body(md: MarkdownIt, text: str) -> str:
    plain = plain_paragraphs(text)
    return attributed_quotes(md.render(text)) if plain is None else plain


def attributed_quotes(html: str) -> str:
    """markdown-it's HTML with each quote that ends in its source made a figure with a caption."""
    if "<blockquote>" not in html:
        return html
    return _ATTRIBUTED.sub(r'<figure class="quote">\n<blockquote>\n\1</blockquote>\n<figcaption>\2</figcaption>\n</figure>\n',
                           html)


def plain_paragraphs(text: str) -> str | None:
    """What markdown-it renders for `text` when it is only plain paragraphs, else None."""
    if _has_markup(_ESCAPED.sub("", text)):
        return None
    plain = not _TEXT_START.search(text)  # nothing to resolve or to write as an entity
    html: list[str] = []
    paragraph: list[str] = []
    for line in text.split("\n"):
        if not line:
            if paragraph:
                html.append("<p>" + "\n".join(paragraph) + "</p>\n")
                paragraph = []
            continue
        if line[0].isspace() or line[-1].isspace() or _BLOCK_START.match(line):
            return None  # indented code, hard breaks, stripped white space, block starts
        paragraph.append(line if plain else _TEXT.sub(_html, line))
    if paragraph:
        html.append("<p>" + "\n".join(paragraph) + "</p>\n")
    return "".join(html)


def _has_markup(text: str) -> bool:
    """`_MARKUP.search(text)`, three times as fast on wire copy."""
    for match in _MARKUP_START.finditer(text):
        if match.group() != "&" or _MARKUP.match(text, match.start()):
            return True
    return False
