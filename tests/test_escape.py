"""Raw paragraph text -> Markdown -> rendered page: the reader sees the text exactly as written."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest.ingest.escape import escape_markdown
from digest.ingest.wire import blocks
from digest.text import clean_text
from tests.conftest import examples

# CommonMark with raw HTML on, and markdown-it's JS default (raw HTML off, tables, strikethrough).
RENDERERS = {"commonmark+html": MarkdownIt("commonmark"), "js-default": MarkdownIt("js-default")}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def rendered(markdown: str, renderer: MarkdownIt) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(renderer.render(markdown))
    parser.close()
    return "".join(parser.text).strip("\n"), parser.tags


def assert_shows_as_written(paragraph: str) -> None:
    for name, renderer in RENDERERS.items():
        text, tags = rendered(escape_markdown(paragraph), renderer)
        assert tags == ["p"], f"{name}: {paragraph!r} became {tags}"
        assert text == paragraph, f"{name}: {paragraph!r} shows as {text!r}"


WIRE_TRICKS = [
    "1. That was the headline figure in the report.",
    "2) Second point", "# of complaints rose to 12, the agency said.", "## Heading", "#elxn45 trended",
    "* Note: an earlier version misstated the date.", "- dash item", "+ plus item", "> quoted",
    "---", "***", "___", "===", "    indented code", "```python", "~~~", "~~struck~~",
    "The S&P/TSX composite index closed up 12 points, a gain of <1%.",
    "Shares, listed as [NASDAQ:SHOP], fell.", "See [the report](http://example.com) now.",
    "![img](x.png)", "[ref]: http://example.com", "[^1]",
    "Organizers called it a *must-have* for **everyone**.", "_under_ and __double__",
    "The file was named report_12_final_v2.pdf.", "Her post read: <b>Thank you</b> &amp; voted.",
    "<script>alert(1)</script>", "<!-- comment -->", "<div>block</div>", "<http://example.com>",
    "Use the code `SHOP` at checkout.", "``double``", "a | b | c", "|---|---|", "&#35; &#x23; &copy; &nope;",
    "back\\slash \\* and trailing\\", "line one\nline two", "first\n===", "first\n---", "first\n- item",
    "first\n1. item", "first\n> quote", "tab\there", "x‿_y_‿z", "€_x_€", "Café_bar_", "http://example.com/a_b_c",
]


@pytest.mark.parametrize("paragraph", WIRE_TRICKS)
def test_wire_tricks_render_as_written(paragraph):
    kept = [text for _, text in blocks(clean_text(paragraph))]
    assert kept == [paragraph.strip()]  # ingest keeps the paragraph (lines stripped)
    assert_shows_as_written(kept[0])


def test_plain_copy_is_left_readable():
    text = "OTTAWA — Prime Minister Mark Carney says Canada’s “new” plan, worth $5 million (U.S.), isn't final."
    assert escape_markdown(text) == text
    assert escape_markdown("report_12_final.pdf") == "report_12_final.pdf"


ALPHABET = st.one_of(
    st.sampled_from(list("\\`*_{}[]()<>#+-.!|~&;:=\"' \t\n0123456789aZ/@")),
    st.sampled_from(["&amp;", "&#35;", "&#x41;", "<b>", "</b>", "<script>", "http://x.y", "1.", "1)", "---",
                     "```", "~~~", "    ", "é", "‿", "€", "—", "“", "”", "\u00a0", "\u0301", "中"]),
    st.characters(),
)


@settings(max_examples=examples(10_000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, min_size=1, max_size=40).map("".join))
@example("1. x")
@example("a\n===")
def test_any_raw_paragraph_renders_as_written(raw):
    """Whatever the raw file holds, each paragraph ingest keeps renders to exactly its text."""
    for _, paragraph in blocks(clean_text(raw)):
        assert_shows_as_written(paragraph)


# --- the body's structure: lists, attributed quotes and subheads show their words as written --

def _shown(markdown: str, renderer: MarkdownIt) -> tuple[list[tuple[str, str]], list[str]]:
    """(element, text) for each leaf element the page shows, and every tag."""
    from digest.body_html import attributed_quotes

    class Leaves(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.leaves: list[tuple[str, str]] = []
            self.tags: list[str] = []
            self.open: list[str] = []
            self.buffer: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.open.append(tag)
            self.buffer = []

        def handle_endtag(self, tag):
            if tag in ("p", "li", "h2", "figcaption"):
                self.leaves.append((tag, "".join(self.buffer).strip("\n")))
            self.buffer = []

        def handle_data(self, data):
            self.buffer.append(data)

    parser = Leaves()
    parser.feed(attributed_quotes(renderer.render(markdown)))
    parser.close()
    return parser.leaves, parser.tags


# a line as ingest keeps it: clean text, one line, no white space at either end
_LINE = st.lists(ALPHABET, min_size=1, max_size=30).map("".join).map(
    lambda s: " ".join(clean_text(s).replace("\n", " ").split(" ")).strip()).filter(bool)


@settings(max_examples=examples(3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=5), _LINE, _LINE)
@example(["1. first", "# second", "- third"], "“Quote #1”", "THE PLAN #2 ##")
def test_lists_quotes_and_subheads_render_as_written(items, quote, heading):
    """Each list item, quote, attribution and subhead ingest writes shows exactly its words
    (bullets become list items, the quote's source its caption), whatever characters they hold."""
    from digest.ingest.story import markdown
    from digest.ingest.structure import Block

    renderer = RENDERERS["js-default"]
    leaves, tags = _shown(markdown(Block("list", items=tuple(items))), renderer)
    assert leaves == [("li", item) for item in items] and tags == ["ul"] + ["li"] * len(items)
    attribution = "— " + heading
    leaves, tags = _shown(markdown(Block("quote", quote, attribution=attribution)), renderer)
    assert leaves == [("p", quote), ("figcaption", attribution)], leaves
    assert tags == ["figure", "blockquote", "p", "figcaption"]
    leaves, tags = _shown(markdown(Block("subhead", heading)), renderer)
    assert leaves == [("h2", heading)] and tags == ["h2"]
