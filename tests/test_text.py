"""Text as every stage may assume it: what clean_text keeps, turns into a newline, and drops."""
from __future__ import annotations

from digest.text import clean_text

LINE_BREAKS = {"\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"}  # each becomes "\n"
# What XML 1.0 cannot hold: C0 and C1 controls but tab and newline, surrogates, U+FFFE, U+FFFF.
DROPPED = {chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0),
                            *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]}


def test_every_character_is_kept_dropped_or_made_a_newline():
    for code in range(0x110000):
        char = chr(code)
        expected = "\n" if char in LINE_BREAKS else "" if char in DROPPED else char
        assert clean_text(f"a{char}b") == f"a{expected}b", f"U+{code:04X}"


def test_windows_line_ends_become_one_newline():
    assert clean_text("one\r\ntwo\r\n\r\nthree") == "one\ntwo\n\nthree"
    assert clean_text("plain text, as most is") == "plain text, as most is"
