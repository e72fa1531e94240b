"""Topic, tags and summary of a story, from its text and the site's vocabulary.

Deterministic by construction: counts, then the order of site.yaml, then the
order of first mention; never a hash or a set's iteration order.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from digest.config import SiteConfig, Topic
from digest.ingest.bylines import is_paper
from digest.ingest.language import primary
from digest.ingest.lexicon import ACRONYMS, ALIASES, FALSE_FRIENDS, LEXICON
from digest.ingest.names import find_names
from digest.ingest.places import country_names, dateline_countries, home_country

if TYPE_CHECKING:
    from digest.ingest.learn import TopicModel

TITLE_WEIGHT = 3  # a keyword in the headline says more than one in paragraph nine
# The learned model's probability for a topic, times this, when it is at least MODEL_SURE (the
# model more sure of it than of all others together): a sure model outweighs a few keywords,
# and an unsure one, its votes spread over topics, makes no evidence of a story with none.
# (On the 198 labelled stories, grouped 5-fold: 0.899; with no floor 0.909, but a model that
# never saw a kind of story then files 3 of 62 unseen ones that belong nowhere, or elsewhere.)
MODEL_WEIGHT = 6.0
MODEL_SURE = 0.5
LEXICON_WEIGHT = 0.5  # a built-in term (lexicon.py) says half what a term the curator chose says
HOME_WEIGHT = 0.5  # the site's own country, unless the headline names it, weighs half as a tag
MIN_EVIDENCE = 1.5  # one keyword twice (1.69), two keywords, or one in the headline; not one word in passing


def _term_pattern(terms: Iterable[str], anchor_on_first_char: bool) -> re.Pattern[str] | None:
    """One regex for many terms, each matched on word boundaries, longest first.

    Terms are grouped by their first character (the order within a group is
    kept, and terms of different groups cannot match at one place), so the
    engine tries one group where it would try every term; as before, a term
    followed by a word character gives way to the next one (`U.S` in `U.S.A`,
    after `U.S.`). With `anchor_on_first_char` the boundary is checked after the
    first character, which lets the engine skip to the places where a group's
    character occurs: fast for terms with capitals, slower than checking the
    boundary first for lowercase ones.
    """
    groups: dict[str, list[str]] = {}
    for term in sorted({t for t in terms if t}, key=lambda t: (-len(t), t)):
        groups.setdefault(term[0], []).append(re.escape(term[1:]))
    if not groups:
        return None
    if anchor_on_first_char:
        alts = (f"{re.escape(c)}(?<!\\w{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in groups.items())
        return re.compile("(?:" + "|".join(alts) + r")(?![\w])")
    alts = (f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")


@dataclass(frozen=True, slots=True)
class _TermMatcher:
    """Terms with a capital letter (names, acronyms) match as written; others in any case."""

    exact: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    canonical: dict[str, str]

    @classmethod
    def build(cls, terms: dict[str, str]) -> _TermMatcher:
        """`terms` maps each spelling to what it stands for."""
        exact = {t: c for t, c in terms.items() if t != t.lower()}
        folded = {t.lower(): c for t, c in terms.items() if t == t.lower()}
        return cls(_term_pattern(exact, anchor_on_first_char=True),
                   _term_pattern(folded, anchor_on_first_char=False), {**folded, **exact})

    def find(self, text: str) -> list[tuple[int, str]]:
        """(position, canonical) for each mention."""
        hits = []
        if self.exact:
            hits += [(m.start(), self.canonical[m.group()]) for m in self.exact.finditer(text)]
        if self.folded:
            hits += [(m.start(), self.canonical[m.group().lower()]) for m in self.folded.finditer(text.lower())
                     if _common_word_use(text, m.start(), m.end())]
        return sorted(hits)


def _lexicon_terms(topics: tuple[Topic, ...], keywords: dict[str, str]) -> dict[str, int]:
    """The built-in terms of each site topic that is a standard one by its slug or title
    (`business` is economy, `Monde` is world), but none the curator's keywords (or their
    plurals) already match."""
    found: dict[str, int] = {}
    for index, topic in enumerate(topics):
        standard = _standard(topic)
        if standard is None:
            continue
        for member in [standard] + [t for t, parent in PARENT_TOPICS.items() if parent == standard]:
            if member != standard and any(ALIASES.get(n, n) == member for t in topics
                                          for n in (t.slug.casefold(), t.title.casefold())):
                continue  # the site has the narrower topic itself
            for acronym, owner in ACRONYMS.items():  # as written: `AI`, not the French `ai`
                if owner == member and acronym not in keywords:
                    found.setdefault(acronym, index)
            for term in LEXICON[member]:
                if term not in keywords and term.upper() not in ACRONYMS:
                    found.setdefault(term, index)
    return found


def _standard(topic: Topic) -> str | None:
    """The standard topic a site's topic is, by its slug or else its title (`business` is
    economy, `Monde` is world), if any."""
    for name in (topic.slug.casefold(), topic.title.casefold()):
        standard = name if name in LEXICON else ALIASES.get(name)
        if standard is not None:
            return standard
    return None


def _mentions(matcher: _TermMatcher, title: str, body: str) -> Counter[str]:
    """Each term's mentions, the headline's counting TITLE_WEIGHT times."""
    counts: Counter[str] = Counter()
    for weight, text in ((TITLE_WEIGHT, title), (1, body)):
        for _, term in matcher.find(text):
            counts[term] += weight
    return counts


def _absent_terms(topics: tuple[Topic, ...], keywords: dict[str, str]) -> tuple[_TermMatcher | None, dict[str, str]]:
    """The built-in terms of the standard topics the site neither has nor folds into one it has
    (a site with no religion section files a conclave under its default topic, not politics),
    each with its topic."""
    present = {_standard(t) for t in topics}
    covered = present | {child for child, parent in PARENT_TOPICS.items() if parent in present}
    terms = {term: standard for standard, words in LEXICON.items() if standard not in covered
             for term in words if term not in keywords and term.upper() not in ACRONYMS}
    return (_TermMatcher.build({t: t for t in terms}) if terms else None), terms


def _politics_world(topics: tuple[Topic, ...]) -> tuple[int, int] | None:
    """The indexes of the site's politics and world topics (by slug or title: `Monde`), if it has both."""
    found: dict[str, int] = {}
    for index, topic in enumerate(topics):
        standard = _standard(topic)
        if standard in ("politics", "world"):
            found.setdefault(standard, index)
    return (found["politics"], found["world"]) if len(found) == 2 else None


# A standard topic a site does not have is part of a broader one it has: a business section
# carries the labour and trade news, an environment section the weather
PARENT_TOPICS = {"labour": "economy", "trade": "economy", "weather": "environment"}


def _common_word_use(text: str, start: int, end: int) -> bool:
    """A lowercase keyword counts in lowercase, in capitals, or capitalised at a sentence start.

    `Trade Minister` and `Prime Minister` mid-sentence are titles, not the words trade or minister;
    a phrase names its subject in any case (`the Grand Prix`, `a Trade War headline`).
    """
    word = text[start:end]
    if word.islower() or word.isupper() or not word[:1].isupper() or " " in word:
        return True
    before = text[:start].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:\n"



@dataclass(frozen=True, slots=True)
class Classifier:
    """Built once per site from its config, then applied to every story."""

    topics: tuple[Topic, ...]
    default_topic: str
    keywords: _TermMatcher                  # every topic's keywords, each standing for itself
    keyword_topics: dict[str, tuple[int, ...]]  # keyword -> the topics (by index) that list it
    vocabulary: _TermMatcher
    max_tags: int
    ignored: frozenset[str] = frozenset()   # site.yaml's ignore_tags, casefolded
    model: TopicModel | None = None        # trained on the curator's filing, when there is enough
    lexicon: _TermMatcher | None = None      # built-in terms of the standard topics the site has
    lexicon_topics: dict[str, int] = field(default_factory=dict)  # term -> its topic (by index)
    language: str = "en"                     # the site's: its keywords' language (see FALSE_FRIENDS)
    home: str | None = None                  # the site's country (by its time zone): politics elsewhere is world news
    politics_world: tuple[int, int] | None = None  # the site's politics and world topics, when it has both
    absent: _TermMatcher | None = None       # built-in terms of the standard topics the site lacks (religion ...)
    absent_topics: dict[str, str] = field(default_factory=dict)  # term -> its standard topic
    home_names: frozenset[str] = frozenset()  # the site's country by name (`Canada`): see `tags`

    @classmethod
    def from_config(cls, config: SiteConfig, model: TopicModel | None = None) -> Classifier:
        keyword_topics: dict[str, tuple[int, ...]] = {}
        for index, topic in enumerate(config.topics):
            for keyword in topic.keywords:
                key = keyword if keyword != keyword.lower() else keyword.lower()
                keyword_topics[key] = keyword_topics.get(key, ()) + (index,)
        # a lowercase keyword also matches its plural (`export`: exports), counted as itself
        plurals = {k + ("es" if k.endswith(("s", "x", "ch", "sh")) else "s"): k for k in keyword_topics
                   if k == k.lower() and k[-1:].isalpha()}
        spellings: dict[str, str] = {}
        for name, aliases in config.tags:
            spellings.update({a: name for a in aliases})
            spellings[name] = name
        terms = {**{p: k for p, k in plurals.items() if p not in keyword_topics}, **{k: k for k in keyword_topics}}
        lexicon_topics = _lexicon_terms(config.topics, terms)
        home = home_country(config.timezone)
        absent, absent_topics = _absent_terms(config.topics, terms)
        return cls(config.topics, config.default_topic, _TermMatcher.build(terms), keyword_topics,
                   _TermMatcher.build(spellings), config.max_tags,
                   ignored=frozenset(t.casefold() for t in config.ignore_tags), model=model,
                   lexicon=_TermMatcher.build({t: t for t in lexicon_topics}) if lexicon_topics else None,
                   lexicon_topics=lexicon_topics, language=primary(config.language), home=home,
                   politics_world=_politics_world(config.topics), absent=absent, absent_topics=absent_topics,
                   home_names=country_names(home))

    def topic(self, title: str, body: str, language: str | None = None, dateline: str = "") -> str:
        """The topic whose keywords the story mentions most; see `filing`."""
        return self.filing(title, body, language, dateline)[0]

    def filing(self, title: str, body: str, language: str | None = None, dateline: str = "") -> tuple[str, bool]:
        """(topic, whether the story's own words chose it): the topic whose keywords the story
        mentions most (headline counts triple), when that is evidence enough.

        Each keyword adds 1 + ln(mentions): several of a topic's words are stronger evidence
        than one word repeated. Below MIN_EVIDENCE (one word in passing: a shutdown story
        that says "health" once), or when two topics tie on the score, the headline and the
        lede, the story goes to the default topic: site.yaml's order is no evidence. A
        dateline in another country than the site's makes its politics world news (a new
        chancellor in Berlin is foreign news to a Canadian digest).
        """
        mentions: Counter[str] = Counter()
        # the site's keywords are words of its language: in copy of the other, some mean otherwise
        copy_language = primary(language or "")
        elsewhere = FALSE_FRIENDS.get(copy_language, frozenset()) if copy_language != self.language else frozenset()
        for weight, text in ((TITLE_WEIGHT, title), (1, body)):
            for _, keyword in self.keywords.find(text):
                if keyword not in elsewhere:
                    mentions[keyword] += weight
        scores = [0.0] * len(self.topics)
        for keyword, count in mentions.items():
            for index in self.keyword_topics[keyword]:
                scores[index] += 1 + math.log(count)
        if self.lexicon is not None:
            for term, count in _mentions(self.lexicon, title, body).items():
                scores[self.lexicon_topics[term]] += LEXICON_WEIGHT * (1 + math.log(count))
        if self.model is not None:  # the curator's own filing votes
            votes = self.model.probabilities(title + "\n" + body)
            for index, topic in enumerate(self.topics):
                # the default topic's share only lowers the others': no story is filed there on a vote
                vote = votes.get(topic.slug, 0.0) if topic.slug != self.default_topic else 0.0
                scores[index] += MODEL_WEIGHT * vote if vote >= MODEL_SURE else 0.0
        if not any(scores):
            return self.default_topic, False
        lede = body.split("\n\n", 1)[0]
        near = {keyword for text in (title, lede) for _, keyword in self.keywords.find(text) if keyword not in elsewhere}
        evidence = [(round(scores[i], 9), sum(1 for k in near if i in self.keyword_topics[k]))
                    for i in range(len(scores))]
        if self.politics_world and dateline and self._abroad(dateline):
            politics, world = self.politics_world
            evidence[world] = (round(scores[world] + scores[politics], 9), evidence[world][1] + evidence[politics][1])
            scores[world] += scores[politics]
            scores[politics], evidence[politics] = 0.0, (0.0, 0)
        best = max(range(len(scores)), key=lambda i: evidence[i])
        if scores[best] < MIN_EVIDENCE or evidence.count(evidence[best]) > 1 \
                or self.absent is not None and self._absent_score(title, body) > scores[best]:
            return self.default_topic, False  # (a canonisation that mentions football is no sports story)
        return self.topics[best].slug, True

    def _absent_score(self, title: str, body: str) -> float:
        """The evidence for the standard topic the site lacks that the story says most about."""
        assert self.absent is not None
        scores: defaultdict[str, float] = defaultdict(float)
        for term, count in _mentions(self.absent, title, body).items():
            scores[self.absent_topics[term]] += LEXICON_WEIGHT * (1 + math.log(count))
        return max(scores.values(), default=0.0)

    def _abroad(self, dateline: str) -> bool:
        countries = dateline_countries(dateline)
        return self.home is not None and bool(countries) and self.home not in countries

    def tags(self, title: str, paragraphs: tuple[str, ...], exclude: Iterable[str],
             language: str = "en", dateline: str = "") -> list[str]:
        """The people, organisations and places the story is about, most salient first: each
        scores its mentions, plus 2 when the headline names it and 1 when the lede does. The
        vocabulary decides a name's spelling (`Carney` is Mark Carney), not its rank."""
        body = "\n\n".join(paragraphs)
        scores: defaultdict[str, float] = defaultdict(float)
        for _, canonical in self.vocabulary.find(body):
            scores[canonical] += 1
        for name, mentions in find_names(paragraphs, exclude, language, title, dateline).items():
            scores[self.vocabulary.canonical.get(name, name)] += mentions
        lede = paragraphs[0] if paragraphs else ""
        in_title, in_lede = ({c for _, c in self.vocabulary.find(text)} for text in (title, lede))
        for canonical in in_title:
            scores[canonical] += 0  # named in the headline only: still the story's subject
        boost = {name: 2 * _names(title, in_title, name) + _names(lede, in_lede, name) for name in scores}
        for name in self.home_names & scores.keys():  # where nearly every story happens: the story's
            # own actors come first, unless the headline names it on its own (not in `Health Canada`)
            named = _names_alone(title, name, scores)
            scores[name] *= 1 if named else HOME_WEIGHT
            boost[name] = 2 * named + _names_alone(lede, name, scores)
        order = {name: i for i, name in enumerate(scores)}
        ranked = sorted(scores, key=lambda n: (-(scores[n] + boost[n]), order[n]))
        # (a French paper named in the copy is its outlet quoting itself, `confie-t-il au Courrier de la
        # Nouvelle-Écosse`, or another's credit: no subject of the story)
        # (nor an agency's own product, its mark over a word of its own making: `AP VoteCast`)
        return [t for t in ranked if t.casefold() not in self.ignored and not is_paper(t)
                and not _AGENCY_PRODUCT.fullmatch(t)][: self.max_tags]


_AGENCY_PRODUCT = re.compile(r"(?:AP|Reuters) [A-Z][a-z]+[A-Z]\w*")


def _names_alone(title: str, name: str, names: Iterable[str]) -> bool:
    """Whether the headline names `name` on its own, not inside a longer name the story has
    (`Canada` in `Canada tightens rules`, not in `Health Canada tightens rules`)."""
    for longer in names:
        if name in longer and longer != name:
            title = title.replace(longer, " ")
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title) is not None


def _names(text: str, known: set[str], name: str) -> bool:
    """Whether `text` names `name`: in full, by its last word, or by a spelling the vocabulary
    knows (`known`: the names the vocabulary finds in `text`)."""
    return name in known or name in text or name.split()[-1] in text


# --- summary ------------------------------------------------------------------------

SUMMARY_LENGTH = 300
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Gen", "Lt", "Col", "Sgt",
                  "Rep", "Sen", "Gov", "Inc", "Ltd", "Corp", "Co", "Mt", "Ft", "vs", "etc", "Jan",
                  "Feb", "Mar", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec", "Prof", "Hon", "Rev"}
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[“\"‘(]?[A-Z0-9])")


def summarize(lede: str, limit: int = SUMMARY_LENGTH) -> str:
    """The lede, cut at the last sentence end within about `limit` characters."""
    lede = " ".join(lede.split())
    if len(lede) <= limit:
        return lede
    cut = 0
    for match in _SENTENCE_END.finditer(lede, 0, limit + 1):
        word = re.search(r"([\w.]+)[.!?][”\"’)]*$", lede[: match.end()])
        if word and (word.group(1) in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))):
            continue
        cut = match.end()
    if cut:
        return lede[:cut]
    space = lede.rfind(" ", 0, limit)
    return lede[: space if space > 0 else limit].rstrip(",;:—– ") + "…"
