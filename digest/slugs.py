"""Slugs: the lowercase ASCII words that name a story, topic or tag in its URL."""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 80
SLUG_RE_TEXT = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not split into an ASCII base and a mark.
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
                        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d"})


# Names Windows refuses for a file or folder, whatever follows a dot: a slug never is one
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})


def is_reserved(slug: str) -> bool:
    return slug.split(".", 1)[0] in WINDOWS_RESERVED


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """`Mark Carney` -> `mark-carney`; '' when nothing Latin is left (see `stable_slug`)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LATIN).replace("’", "'")).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)'(?=\w)", "", ascii_text.lower())  # Carney's -> carneys
    ascii_text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", ascii_text)  # U.S. -> us
    words = [w for w in _NON_WORD.split(ascii_text) if w]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    if not slug and words:  # one word longer than the limit
        slug = words[0][:limit]
    return slug + "-1" if is_reserved(slug) else slug  # `Con` -> con-1: a folder every system can hold


def stable_slug(text: str, prefix: str) -> str:
    """The slug of `text`, or `prefix-<hash>` for text in a non-Latin script."""
    return slugify(text) or f"{prefix}-{hashlib.sha256(text.encode()).hexdigest()[:10]}"
