"""Text as every stage may assume it: LF newlines, no characters XML or HTML cannot carry."""
from __future__ import annotations

import re

# C0/C1 controls (not tab or newline), surrogates, and U+FFFE/U+FFFF: XML 1.0 cannot
# hold them, so a feed with one would be rejected whole by readers.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|\r|[\x0b\x0c\x85\u2028\u2029]")
# Any character either pattern touches: one class, which the regex engine scans fast.
_ANY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Newlines as LF; control characters and XML-illegal code points removed."""
    if not _ANY.search(text):  # nearly every text: a quarter of the time of the two passes
        return text
    return _NOT_TEXT.sub("", _NEWLINES.sub("\n", text))
