"""The shortcut for plain-prose bodies renders exactly what markdown-it renders."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from digest import frontmatter
from digest.body_html import (
    attributed_quotes,
    markdown_renderer,
    plain_paragraphs,
    render_body,
)
from tests.conftest import examples

MD = markdown_renderer()
REPO = Path(__file__).resolve().parents[1]

# Words and every character that means something somewhere in Markdown, plus the white
# space and line separators markdown-it and Python disagree about.
_PIECES = st.sampled_from(["word", "Ottawa", "2025", "1", "12", " ", "  ", ".", ")", ",", "'", '"', "“", "—",
                           "-", "+", "=", ">", "<", "*", "_", "`", "~", "#", "|", "[", "]", "(", "!", "&",
                           "&amp;", "&#38;", "&T;", "S&P", "\\", "\\*", "\\\\", "\\#", "\\`", "\\[", "\\&",
                           "\\<", "\\a", "\t", "\u00a0", "\u2028", "\u3000", ":", "$", "%", "@", "{", "}", "^"])
_LINES = st.lists(st.just("") | st.lists(_PIECES, max_size=8).map("".join), max_size=8)


@settings(max_examples=examples(5000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
@example(['He said "no" — twice.', "", "It's 3% of $5."])
@example(["1. a list", "", "plain"])
@example(["word  ", "next"])
@example(["a \\| b", ":-:"])
@example(["Her post read: \\<b\\>Thanks\\</b\\> S&P/TSX", "", "\\# not a heading"])
def test_shortcut_matches_markdown_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    plain = plain_paragraphs(text)
    if plain is not None:
        assert plain == MD.render(text)
    assert render_body(MD, text) == attributed_quotes(MD.render(text))


def test_wire_copy_takes_the_shortcut_and_reads_the_same() -> None:
    """The sample digest's stories are plain prose: the shortcut applies to most of them,
    and every one renders as markdown-it renders it."""
    taken = 0
    files = sorted((REPO / "content/articles").rglob("*.md"))
    for path in files:
        _, body, _ = frontmatter.split(path.read_text(encoding="utf-8"))
        plain = plain_paragraphs(body)
        taken += plain is not None
        assert render_body(MD, body) == attributed_quotes(MD.render(body)), path
    assert files and taken >= len(files) // 2


def test_a_quote_ending_in_its_source_becomes_a_figure_with_a_caption() -> None:
    html = render_body(MD, "> “We will build.”\n>\n> — Mayor Olivia Chow\n\nNext.")
    assert html.startswith('<figure class="quote">\n<blockquote>\n<p>“We will build.”</p>\n</blockquote>\n'
                           "<figcaption>— Mayor Olivia Chow</figcaption>\n</figure>\n")
    plain_quote = render_body(MD, "> “We will build,” she said.\n>\n> Then she left.")
    assert "<figure" not in plain_quote and "<blockquote>" in plain_quote
