"""Which articles report the same event: the `story:` id ingest gives a new article.

A new article joins the story whose versions it resembles most *on average* (average link:
it must resemble the whole story, not one version of it, so a dense day of tariff stories
never chains into one giant story), when that average reaches THRESHOLD; otherwise it starts
a story of its own. Two versions resemble each other by the cosine of weighted word bags,
discounted by the hours between them:

- in one language, the words of headline and body, each weighted by how rare it is in that
  language (wordfreq's lists: "the" weighs nothing, "Macklem" much);
- in any two languages, the anchors that carry across them: capitalised names, tags, numbers
  (`2,25 %` and `2.25%` are one number) and scores (`3-2`).

Versions more than WINDOW_HOURS apart never join, so a story spans a few days at most.
Existing articles are never moved between stories: a `story:` once written is the curator's.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from digest import frontmatter
from digest.article import alone
from digest.ingest.frequency import frequencies

WINDOW_HOURS = 72     # events are reported within three days; later copy is a new development
HALF_AT_HOURS = 24    # the resemblance of versions a day apart counts half
# Tuned on the three labelled sets of tests/test_grouping.py: B-cubed F1 >= 0.94 on each from 0.18 to 0.22
THRESHOLD = 0.20
OTHER_FIGURES = 0.1   # what resemblance is left to versions that share none of their figures
SPREAD = 20           # see Weights
SHARED_AT_LEAST = 3   # words (anchors across languages) two versions share, at least: one name is no event
_TEXT_CHARS = 1200    # the headline and the first paragraphs say what happened
_KEPT_TERMS = 30  # the strongest words of a version: enough for the cosine, small in the index
_KEPT_ANCHORS = 15
_KEYS_EACH = 4        # a new version's words and anchors (each) under which its candidates are looked up
COMMON_KEY = 100      # versions sharing a key, beyond which it finds candidates only when no other key does
CANDIDATES = 12       # versions compared in full with a new one: those sharing most of its keys

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Each number pattern starts with its digit and looks behind it from there: the engine then
# skips to the digits of a text instead of testing each place (four times faster).
_NUMBER = {  # thousands and decimals as each language writes them, not part of a longer number
    "en": re.compile(r"\d(?<![\d.,]\d)\d*(?:,\d{3})*(?:\.\d+)?"),
    "fr": re.compile(r"\d(?<![\d.,]\d)\d*(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"),
}
_DIGIT = re.compile(r"\d")
_AFTER_DATELINE = re.compile(r"^[^\n—–]{0,40}?(?:—|–|\s-)\s*")
_SCORE = re.compile(r"\d(?<![\d-]\d)\d?-\d{1,2}(?![\d-])")  # `3-2`, not in `2025-26` nor `1-2-3`
# Calendar words and articles are capitalised in one language and not the other: no evidence.
_NOT_ANCHORS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche janvier "
    "fevrier mars avril mai juin juillet aout septembre octobre novembre decembre the les une des".split())


@dataclass(frozen=True, slots=True)
class Features:
    """What grouping knows of one version: when, in which language, and its two word bags
    (unit vectors, weights rounded so that they read back from the index exactly). Made in
    the ingest workers and sent back, kept in the index: only what compares is kept."""

    stamp: float
    language: str
    terms: dict[str, float]
    anchors: dict[str, float]

    def to_json(self) -> list[Any]:
        return [self.stamp, self.language, list(self.terms), list(self.terms.values()),
                list(self.anchors), list(self.anchors.values())]

    @classmethod
    def from_json(cls, value: Any) -> Features | None:
        """None for anything `to_json` did not write (the index may come from anyone); checked
        with C loops (map, set), as an index holds thousands of these."""
        if not (isinstance(value, list) and len(value) == 6 and type(value[0]) is float
                and abs(value[0]) < 1e11 and isinstance(value[1], str)):  # 1e11 s: year 5138; NaN fails too
            return None
        bags = []
        for keys, weights in (value[2:4], value[4:6]):
            if not (isinstance(keys, list) and isinstance(weights, list) and len(keys) == len(weights)
                    and set(map(type, keys)) <= {str} and "" not in keys and set(map(type, weights)) <= {float}
                    and not any(map(math.isnan, weights)) and (not weights or (min(weights) >= _LEAST and max(weights) <= 1))):
                return None
            bags.append(dict(zip(keys, weights, strict=True)))
        return cls(value[0], value[1], bags[0], bags[1])


@dataclass(frozen=True, slots=True)
class Weighed:
    """A version as compared: its bags weighted by what their words say this run (`Weights`),
    with what comparing reads of them again and again."""

    stamp: float
    language: str
    terms: dict[str, float]
    anchors: dict[str, float]
    figures: dict[str, float] = field(init=False)  # the anchors that are numbers
    figures_total: float = field(init=False)
    keys: tuple[str, ...] = field(init=False)      # see _keys

    def __post_init__(self) -> None:
        object.__setattr__(self, "figures", {k: w for k, w in self.anchors.items() if k[0] == "#"})
        object.__setattr__(self, "figures_total", math.fsum(self.figures.values()))
        object.__setattr__(self, "keys", self._keys())

    def _keys(self) -> tuple[str, ...]:
        """The strongest words and anchors (bags are kept strongest first): a version shares
        some of them with any version resembling it enough to join."""
        return (*itertools.islice(self.terms, _KEYS_EACH), *("\0" + k for k in itertools.islice(self.anchors, _KEYS_EACH)))


def resemblance(a: Weighed, b: Weighed) -> float:
    """Cosine of the bags both can compare, discounted by the hours between the versions and,
    when both give figures, by the weight of those they do not share: versions of one event
    repeat its figures, and two events of one kind (two tariffs, two games) differ in theirs."""
    return _cosine(a, b) * _discount(a, b)


def _cosine(a: Weighed, b: Weighed) -> float:
    """The cosine of the bags both can compare (at most 1: the bags are unit vectors); 0 when
    they share too few words to say."""
    if a.language == b.language:
        shared = a.terms.keys() & b.terms.keys()
        if len(shared) < SHARED_AT_LEAST:
            return 0.0
        return (_dot(a.terms, b.terms, shared) + _dot(a.anchors, b.anchors)) / 2
    shared = a.anchors.keys() & b.anchors.keys()
    if len(shared) < SHARED_AT_LEAST:
        return 0.0
    return _dot(a.anchors, b.anchors, shared)


def _may_reach(discounts: list[float]) -> bool:
    """Whether versions this far from a new one in hours and figures (`_discount`) can
    resemble it enough on average, were their words the same (a cosine is at most 1)."""
    return math.fsum(discounts) >= THRESHOLD * len(discounts) * (1 - 1e-9)


def _discount(a: Weighed, b: Weighed) -> float:
    """What is left of a cosine by the hours between two versions and the figures they do not
    share: at most 1, 0 beyond the window."""
    hours = abs(a.stamp - b.stamp) / 3600
    if hours > WINDOW_HOURS:
        return 0.0
    factor = 1.0
    figures_b = b.figures
    if a.figures and figures_b:
        if figures_b.keys().isdisjoint(a.figures):  # most pairs: no figure in common
            return OTHER_FIGURES / (1 + hours / HALF_AT_HOURS)
        common = 0.0  # summed in the order of a's figures: the same on every run
        for figure, weight in a.figures.items():
            other = figures_b.get(figure)
            if other is not None:
                common += weight + other
        agreement = min(1.0, common / 2 / min(a.figures_total, b.figures_total))
        factor = OTHER_FIGURES + (1 - OTHER_FIGURES) * agreement
    return factor / (1 + hours / HALF_AT_HOURS)


class Weights:
    """How much each word and anchor says in one run: weighted down by the share of the
    articles within reach that use it (inverse document frequency), so that the names and
    words of the week (every campaign story names both leaders) say less than those of one
    event. SPREAD stands for the unrelated stories a small site's few articles do not show."""

    def __init__(self, bags: Iterable[Features]) -> None:
        terms: Counter[str] = Counter()
        anchors: Counter[str] = Counter()
        count = SPREAD
        for features in bags:
            terms.update(features.terms.keys())  # counted in C
            anchors.update(features.anchors.keys())
            count += 1
        self.terms = {k: math.log(count / (n + 1)) for k, n in terms.items()}
        self.anchors = {k: math.log(count / (n + 1)) for k, n in anchors.items()}

    def apply(self, f: Features) -> Weighed:
        return Weighed(f.stamp, f.language, _weighed(f.terms, self.terms), _weighed(f.anchors, self.anchors))


def _weighed(bag: dict[str, float], weights: dict[str, float]) -> dict[str, float]:
    """`bag` (a stored one: kept short already) times `weights` (which holds its every key),
    strongest first, scaled to length 1; sorted as (weight, key) pairs, in C."""
    ranked = sorted(zip(map(operator.mul, bag.values(), map(weights.__getitem__, bag)), bag, strict=True), reverse=True)
    norm = math.sqrt(sum(w * w for w, _ in ranked)) or 1.0
    return {k: w / norm for w, k in ranked if w > 0}


def _dot(a: dict[str, float], b: dict[str, float], keys: Iterable[str] | None = None) -> float:
    """The sum of a[k] * b[k] over `keys` (those both have, by default), in C loops; fsum: exact,
    so the same whatever order a set holds its keys in."""
    if keys is None:
        keys = a.keys() & b.keys()
    return math.fsum(map(operator.mul, map(a.__getitem__, keys), map(b.__getitem__, keys)))


# --- features from an article's Markdown ---------------------------------------------

def features_of(text: str, zone: dt.tzinfo) -> tuple[Features, str | None, str | None] | None:
    """(features, its `story:`, its `raw:`) of an article file's text, None for fields it does
    not have; None when it has no date to place it in time (the build reports that; grouping
    just leaves it out)."""
    parts = frontmatter.split(text)
    if parts is None:
        return None
    meta = frontmatter.read(parts[0])
    if meta is None:
        import yaml

        try:
            meta = yaml.safe_load(parts[0])
        except (yaml.YAMLError, RecursionError):
            return None
    if not isinstance(meta, dict):
        return None
    stamp = _stamp(meta.get("date"), zone)
    title = meta.get("title")
    if stamp is None or not isinstance(title, str):
        return None
    language = meta["language"] if isinstance(meta.get("language"), str) else "en"
    tags = [str(t) for t in meta.get("tags") or () if isinstance(t, (str, int, float))] \
        if isinstance(meta.get("tags"), list) else []
    dateline = meta["dateline"] if isinstance(meta.get("dateline"), str) else ""
    return bag_of(stamp, language, title, parts[1], tags, dateline), field_text(meta.get("story")), \
        field_text(meta.get("raw"))


def field_text(value: Any) -> str | None:
    """A front matter value as the text of an id, or None (none given, or not text)."""
    if isinstance(value, bool):  # `story: no`: the build refuses it; no story to join meanwhile
        return None
    return str(value) if isinstance(value, (str, int, float, dt.date)) and str(value).strip() else None


def _stamp(value: Any, zone: dt.tzinfo) -> float | None:
    try:
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value.strip())
        if isinstance(value, dt.datetime):
            return (value if value.tzinfo else value.replace(tzinfo=zone)).timestamp()
        if isinstance(value, dt.date):  # no time in the copy: the middle of its day
            return dt.datetime.combine(value, dt.time(12), tzinfo=zone).timestamp()
    except (ValueError, OverflowError):
        return None
    return None


def bag_of(stamp: float, language: str, title: str, body: str, tags: Iterable[str], dateline: str = "") -> Features:
    """The features of one version, from its headline, the start of its body and its tags;
    not its dateline (`OTTAWA —`, `OTTAWA, Oct 29 (Reuters) -`): where copy is filed from is
    no fact of the event, and half a country's copy is filed from its capital."""
    if dateline and body.startswith(dateline):
        body = _AFTER_DATELINE.sub("", body[len(dateline):], count=1)
    text = title + "\n" + body[:_TEXT_CHARS]
    lexicon = language if language in _NUMBER else "en"
    terms: dict[str, float] = {}
    anchors: dict[str, float] = {}
    tokens = _TOKENS.setdefault(lexicon, {})
    if len(tokens) > _TOKENS_KEPT:
        tokens.clear()
    for word, n in Counter(_WORD.findall(text)).items():  # counted in C: this runs for every article
        token = tokens.get(word)
        if token is None:
            token = tokens[word] = _token(word, lexicon)
        term, weight, anchor, anchor_weight = token
        boost = _BOOST[n] if n < len(_BOOST) else 1 + math.log(n)
        if weight > 0:  # spellings of one word (capitalised or not, accents or not) add up
            terms[term] = terms.get(term, 0.0) + boost * weight
        if anchor_weight > 0:
            anchors[anchor] = anchors.get(anchor, 0.0) + boost * anchor_weight
    if _DIGIT.search(text):
        figures = Counter("#" + n for n in [*_numbers(text, lexicon), *_SCORE.findall(text)])
        anchors.update({k: 3 * (1 + math.log(n)) for k, n in figures.items()})
    anchors.update({"=" + _fold(t): 2.0 for t in tags})
    return Features(stamp, language, _unit(terms, _KEPT_TERMS), _unit(anchors, _KEPT_ANCHORS))


# a language's words as `_token` makes them, looked up in a dict (an lru_cache's call costs
# more than the lookup): a worker meets the same few thousand words in every article
_TOKENS: dict[str, dict[str, tuple[str, float, str, float]]] = {}
_TOKENS_KEPT = 300_000
_BOOST = [0.0] + [1 + math.log(n) for n in range(1, 64)]  # a word's weight for its n mentions


def _token(word: str, language: str) -> tuple[str, float, str, float]:
    """(the word as compared, its weight, as an anchor, its weight there): rarer words weigh
    more, short ones nothing; a capitalised word is also an anchor (a name, most often; a
    sentence's first word is common, and weighs little)."""
    lower = word.lower()
    key = _fold(lower)
    if len(key) < 3:
        return key, 0.0, key, 0.0
    weight = _rarity(lower, language)
    if not word[0].isupper() or key in _NOT_ANCHORS:
        return key, weight, key, 0.0
    return key, weight, key, _rarity(key, language)


_UNIT = re.compile(r"[ \u00a0\u202f]?(?:%|per ?cent|pour cent|(?:b|m|tr)illions?\b|milliards?\b)", re.I)


def _numbers(text: str, language: str) -> Iterable[str]:
    """Numbers that say something, in one spelling (`2,25 %` and `2.25%` are `2.25`): decimals,
    amounts and percentages, and whole numbers from 100 (not years: a day of the month or a
    year is no fact of one event)."""
    for match in _NUMBER[language].finditer(text):
        written = match.group()
        plain = re.sub(r"[ \u00a0\u202f]", "", written).replace(",", ".") if language == "fr" \
            else written.replace(",", "")
        value = float(plain)
        year = written.isdigit() and 1900 <= value <= 2100
        if "." in plain or _UNIT.match(text, match.end()) or (value >= 100 and not year):
            yield f"{value:g}"


def _unit(bag: dict[str, float], keep: int) -> dict[str, float]:
    """The `keep` strongest entries, strongest first, scaled to length 1 and rounded: they read
    back from the index exactly."""
    kept = sorted(bag.items(), key=_by_weight, reverse=True)[:keep]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    scaled = {k: round(w / norm, 4) for k, w in kept}
    return {k: w for k, w in scaled.items() if w > 0}


_by_weight = operator.itemgetter(1, 0)
_LEAST = 1e-4  # the least weight a stored bag holds (rounded to 4 places): smaller ones are planted


def _fold(word: str) -> str:
    """Lower case without accents: `Québec` and `Quebec` are one name."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


RARE_AT = 6.0  # wordfreq's Zipf scale: 6 is once per thousand words ("said", "year"); rarer weighs more,
RAREST = 2.5   # up to Zipf 3.5 ("tariffs"): how rare a name is in general says little of this week's
               # news, which Weights measures (a minister's name must not outweigh the goods taxed)


def _rarity(word: str, language: str) -> float:
    """How rare `word` is in `language` (0 for the commonest words)."""
    # a word the table lacks is rare enough to weigh RAREST, as by wordfreq's whole list
    # (tests/test_frequency.py); the names finder reads the same table
    frequency = frequencies(language).get(word, 0.0)
    return min(RAREST, max(0.0, RARE_AT - (round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0)))


# --- placing new versions ------------------------------------------------------------

@dataclass(slots=True)
class _Version:
    features: Features            # as read: its words find it
    story: str
    weighted: Weighed | None = None  # as compared, made when first compared


class Grouper:
    """The versions within reach of the new ones, by story, found by their strongest keys and
    weighted (`weights`, over all of them) only when compared: a day's new copy meets a few of
    the days around it."""

    def __init__(self, weights: Weights, looked_up: frozenset[str] | None = None) -> None:
        self.weights = weights
        # the only keys `place` will be asked about (the new versions', weighted), when known:
        # the postings of other keys would never be read
        self.looked_up = looked_up
        self.versions: list[_Version] = []
        self.stories: dict[str, list[int]] = {}
        self.spans: dict[str, tuple[float, float]] = {}  # story -> its first and last version's stamps
        # key -> day number -> versions that day: a lookup reads the days within the window, and
        # adding a version appends (a list kept in time order over years grows too long to insert in)
        self.postings: dict[str, dict[int, list[int]]] = {}

    def widen(self, stamp: float, story: str) -> None:
        """Count a version no new one can meet (beyond the window of all of them) in its
        story's span."""
        if alone(story):
            return
        span = self.spans.get(story)
        self.spans[story] = (stamp, stamp) if span is None else (min(span[0], stamp), max(span[1], stamp))

    def add(self, features: Features, story: str, weighted: Weighed | None = None) -> None:
        """Count `features` in `story`, findable by its words."""
        if alone(story):
            return
        stamp = features.stamp
        self.widen(stamp, story)
        at = len(self.versions)
        self.versions.append(_Version(features, story, weighted))
        self.stories.setdefault(story, []).append(at)
        day = int(stamp // 86400)
        postings = self.postings
        keys: Iterable[str] = (*features.terms, *("\0" + k for k in features.anchors))
        if self.looked_up is not None:
            keys = self.looked_up.intersection(keys)
        for key in keys:
            days = postings.get(key)
            if days is None:
                days = postings[key] = {}
            bucket = days.get(day)
            if bucket is None:
                days[day] = [at]
            else:
                bucket.append(at)

    def has(self, story: str) -> bool:
        return story in self.spans

    def _weighted(self, at: int) -> Weighed:
        version = self.versions[at]
        if version.weighted is None:
            version.weighted = self.weights.apply(version.features)
        return version.weighted

    def _near(self, key: str, first: int, last: int) -> list[int]:
        """The versions under `key` from day `first` to `last`."""
        days = self.postings.get(key)
        if not days:
            return []
        return list(itertools.chain.from_iterable(filter(None, map(days.get, range(first, last + 1)))))

    def place(self, new: Features, weighted: Weighed | None = None) -> tuple[str | None, Weighed]:
        """(the story `new` reports, None for a new one; `new` as compared: `weighted`, when
        weighed already)."""
        window = WINDOW_HOURS * 3600
        stamp = new.stamp
        if weighted is None:
            weighted = self.weights.apply(new)
        first, last = int((stamp - window) // 86400), int((stamp + window) // 86400)
        # its words and anchors that say most this week: few versions share them; a key
        # hundreds share finds no one in particular, and is read only when no other finds any
        read: list[list[int]] = []
        for found in sorted((self._near(key, first, last) for key in weighted.keys), key=len):
            if len(found) > COMMON_KEY and any(read):
                break
            read.append(found)
        near = Counter(itertools.chain.from_iterable(read))
        # the versions sharing most keys: on a dense day hundreds share a few common ones
        versions = self.versions
        closest: list[int] = []
        # most keys shared first, then the earliest added: the versions by how many keys they
        # share (a version is under each key once), each count's sorted only when reached
        # (faster than sorting them all, in C, by count and version)
        by_shared: list[list[int]] = [[] for _ in range(len(read) + 1)]
        for at, shared in near.items():
            by_shared[shared].append(at)
        for ats in reversed(by_shared):
            ats.sort()
            closest += [at for at in ats if abs(versions[at].features.stamp - stamp) <= window]
            if len(closest) >= CANDIDATES:
                break
        del closest[CANDIDATES:]
        best: tuple[float, str] | None = None
        for story in sorted({versions[at].story for at in closest}):
            start, end = self.spans[story]
            if stamp - start > window or end - stamp > window:
                continue  # the story would spread over more than the window
            # versions in its own language say most: across languages only anchors compare
            members = self.stories[story]
            members = [at for at in members if versions[at].features.language == new.language] or members
            others = [self._weighted(at) for at in members]
            discounts = [_discount(weighted, other) for other in others]
            # a cosine is at most 1: most stories a dense week offers fall short on the hours
            # and figures alone, and are not compared word by word
            if not _may_reach(discounts):
                continue
            score = math.fsum(d and d * _cosine(weighted, other) for d, other in zip(discounts, others, strict=True)) / len(others)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, story)
        return (best[1] if best else None), weighted
