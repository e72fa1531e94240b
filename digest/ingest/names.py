"""Names in running text: the people, organisations and places a story is about, as an
editor would tag them (titles, honorifics, slogans, adjectives of place and the byline's
people left out; a surname or `M. Legault` counted toward the full name).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

# Words that precede a name but are not part of it.
TITLES = {
    "Prime", "Minister", "President", "Vice", "Secretary", "Premier", "Leader", "Governor",
    "General", "Mayor", "Senator", "Sen", "Rep", "Representative", "Chief", "Commissioner",
    "Ambassador", "Justice", "Judge", "Director", "Chancellor", "Deputy", "Mr", "Mrs", "Ms",
    "Dr", "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Pope", "CEO", "Chair",
    "Chairman", "Chairwoman", "Spokesperson", "Spokesman", "Spokeswoman", "Officer", "Coach",
    "Captain", "Capt", "Gen", "Lt", "Col", "Sgt", "Const", "Cpl", "Insp", "Supt", "Speaker",
    "MP", "MPP", "MLA", "MNA", "Health", "Finance", "Trade", "Foreign", "Defence", "Defense",
    "Environment", "Industry", "Commerce", "Treasury", "Attorney", "Public", "Safety", "U.S.",
    "Liberal", "Conservative", "NDP", "Bloc", "Green", "Federal", "Provincial", "Former", "Interim",
    "Economist", "Analyst", "Chief Economist", "Governor General", "Executive", "Head", "Manager",
}
# Small words that may sit inside a name: Bank of Canada, Ursula von der Leyen.
CONNECTORS = {"of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "bin", "al"}
SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec",
}
# Capitalised at a sentence start only because they start it.
SENTENCE_WORDS = {
    "A", "An", "The", "And", "But", "Or", "So", "Yet", "If", "In", "On", "At", "As", "By", "For",
    "From", "To", "Of", "With", "Without", "After", "Before", "During", "Since", "Until", "When",
    "While", "Where", "Why", "How", "What", "Who", "Which", "This", "That", "These", "Those",
    "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
    "However", "Meanwhile", "Still", "Also", "Asked", "According", "Some", "Many", "Most",
    "Several", "Both", "Each", "Every", "Other", "Others", "Critics", "Officials", "Analysts",
    "Experts", "Earlier", "Later", "Last", "Next", "First", "Then", "There", "Here", "Under",
    "Over", "About", "Among", "Despite", "Although", "Though", "Because", "Unlike", "Like",
    "Instead", "Once", "Now", "Today", "Yesterday", "Tomorrow", "Not", "No", "Yes", "All",
    "Any", "Such", "One", "Two", "Three", "Speaking", "Responding", "Following", "Including",
    "Follow", "Read", "Watch", "Click", "See", "Contact", "Subscribe", "Sign",
}
# Paragraphs of credits rather than story: their names are staff, not subjects.
_CREDIT_LINE = re.compile(r"^(?:\(?(?:Additional )?[Rr]eporting by|Editing by|Writing by|Follow |With files from)")
ACRONYM_STOP = {"HTML", "URL", "CEO", "CFO", "COO", "GDP", "AM", "PM", "TV", "OK", "USD", "CAD", "AP", "UPDATE",
                "COVID", "NEW", "LIVE", "ET", "PT", "EST", "EDT", "UTC"}
ORG_WORDS = {
    "Bank", "Agency", "Party", "Press", "Association", "Organization", "Organisation", "Council",
    "House", "Senate", "Commission", "Office", "Department", "Ministry", "Court", "University",
    "Inc.", "Ltd.", "Corp.", "Company", "Group", "Fund", "Board", "Bureau", "Services", "Service",
    "Union", "Federation", "League", "Committee", "Institute", "Foundation", "Society", "Club",
    "Network", "News", "Canada", "Commons", "Reserve", "Index", "Police", "Forces", "Authority",
    "Corporation", "Chamber", "Social", "Times", "Post", "Nations", "Centre", "Center", "Hospital",
}

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UPPER}][\w’'.&-]*"
# A run of capitalised words, possibly joined by small connectors (Bank of Canada).
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(CONNECTORS))})[ \t]+)*{_WORD})*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words recur across stories
def _clean_token(token: str) -> str:
    """Drop possessives and trailing punctuation: `Carney’s` -> `Carney`."""
    token = token.removesuffix("’s").removesuffix("'s")
    if token.endswith(".") and token not in SUFFIXES and not _INITIALS.fullmatch(token):
        token = token.rstrip(".")
    return token.strip("’'-&")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 8): start].rstrip(" \t“\"‘(").rstrip("”\"’)")
    return (before[-1:] or "\n") in ".!?:;\n"


@functools.lru_cache(maxsize=1 << 16)  # a story's runs are mostly names that recur across stories
def _split_run(run: str) -> tuple[tuple[tuple[str, ...], bool | None], ...]:
    """A run of capitalised words split at sentence ends and dates: (words, opens a sentence),
    where None stands for whether the run itself opens one."""
    parts: list[tuple[tuple[str, ...], bool | None]] = []
    current: list[str] = []
    opens: bool | None = None
    for raw in run.split():
        token = _clean_token(raw)
        if token in CALENDAR or not token:
            if current:
                parts.append((tuple(current), opens))
            current, opens = [], False
            continue
        current.append(token)
        if raw.endswith(".") and raw not in SUFFIXES and not _INITIALS.fullmatch(raw) \
                and token not in TITLES:
            parts.append((tuple(current), opens))
            current, opens = [], True
    if current:
        parts.append((tuple(current), opens))
    return tuple(parts)


def _runs(paragraph: str) -> list[tuple[tuple[str, ...], bool]]:
    """Runs of capitalised words, split at sentence ends and dates, each with whether it opens a sentence."""
    runs: list[tuple[tuple[str, ...], bool]] = []
    for match in _RUN.finditer(paragraph):
        opens = None
        for words, part_opens in _split_run(match.group()):
            if part_opens is None:
                if opens is None:
                    opens = _opens_sentence(paragraph, match.start())
                part_opens = opens
            runs.append((words, part_opens))
    return runs


_LEADING_NOISE = SENTENCE_WORDS | CONNECTORS


@functools.lru_cache(maxsize=1 << 16)
def _is_title(word: str) -> bool:
    return word in TITLES or "-" in word and all(part in TITLES for part in word.split("-"))


@functools.lru_cache(maxsize=1 << 16)
def _names_in(words: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The name candidates in a run, split at title words, as (phrase, number of words);
    runs of two or more words in capitals (headline shouting) left out."""
    while words and words[0] in _LEADING_NOISE:
        words = words[1:]
    last_title = max((i for i, w in enumerate(words) if _is_title(w)), default=-1)
    if last_title < 0:
        parts = [words] if words else []
    else:
        before, after = words[:last_title], words[last_title + 1:]
        if after and after[0] in CONNECTORS and len(after) > 3:  # Secretary of Commerce Howard Lutnick
            after = after[2:]
        before = tuple(w for w in before if not _is_title(w))
        parts = [part for part in (before, after) if part]
    names = ((" ".join(part), len(part)) for part in parts)
    return tuple((phrase, n) for phrase, n in names if not (phrase.upper() == phrase and n > 1))


class _LowercaseWords:
    r"""Whether a word appears in lowercase in a text, as `re.findall(r"\b[a-z][\w’']*", text)`
    would find it: answered for the few words asked about instead of tokenising the whole
    text, which took a third of `find_names`."""

    __slots__ = ("text", "answers")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = self._find(word)
        return found

    def _find(self, word: str) -> bool:
        if not "a" <= word[:1] <= "z" or not all(_in_token(c) for c in word):
            return False
        text = self.text
        start = text.find(word)  # a substring search, then the boundaries: no regex to compile per word
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _in_token(text[end])):
                if start == 0 or text[start - 1] not in "’'":
                    return True
                # after an apostrophe: findall's word is the one starting earliest in this run of
                # word characters and apostrophes (`Carney’s` gives `s`, `it’s` gives `it’s`)
                run = start - 1
                while run > 0 and _in_token(text[run - 1]):
                    run -= 1
                first = next(i for i in range(run, start + 1)
                             if "a" <= text[i] <= "z" and (i == run or text[i - 1] in "’'"))
                if first == start:
                    return True
            start = text.find(word, start + 1)
        return False


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _in_token(char: str) -> bool:
    """`[\\w’']`: the characters of a word as `_LowercaseWords` counts them."""
    return char.isalnum() or char in "_’'"


def find_names(paragraphs: tuple[str, ...], exclude: Iterable[str]) -> dict[str, int]:
    """People and organisations named in the text, by mentions, in order of first mention.

    A full name (`Mark Carney`) also collects later mentions of its last word
    (`Carney said`). Single capitalised words are kept only as acronyms (NATO).
    """
    lower_words = _LowercaseWords("\n".join(paragraphs))
    excluded = {e.lower() for e in exclude if e}
    excluded |= {e.lower().removeprefix("the ") for e in excluded}
    excluded |= {e.split(",")[0] for e in excluded}  # KYIV, Ukraine -> KYIV
    full: dict[str, int] = {}
    singles: list[str] = []
    for paragraph in paragraphs:
        if _CREDIT_LINE.match(paragraph):
            continue
        for words, opens in _runs(paragraph):
            # a sentence's first word is capitalised anyway: not a name if the text uses it in
            # lowercase (`words` is never empty: _split_run keeps no empty part)
            if opens and (words[0] in SENTENCE_WORDS or words[0].lower() in lower_words):
                words = words[1:]
            for phrase, n in _names_in(words):
                if phrase.lower() in excluded:
                    continue
                if n == 1:
                    singles.append(phrase)
                elif n <= 6:
                    full[phrase] = full.get(phrase, 0) + 1
    surnames: dict[str, str | None] = {}
    for name in full:
        parts = name.split()
        if any(w in ORG_WORDS for w in parts):
            continue
        last = parts[-2] if parts[-1] in SUFFIXES and len(parts) > 1 else parts[-1]
        surnames[last] = None if last in surnames and surnames[last] != name else name
    counts = dict(full)
    for word in singles:
        owner = surnames.get(word)
        if owner:
            counts[owner] += 1
        elif re.fullmatch(r"[A-Z][A-Z0-9&]{2,7}", word) and word not in ACRONYM_STOP \
                and word.lower() not in excluded and len(word) >= 2:
            counts[word] = counts.get(word, 0) + 1
    order = {name: i for i, name in enumerate(counts)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))


