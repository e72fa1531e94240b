"""Topic, tags and summary: what a curator would file the story under."""
from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from digest.config import load_config
from digest.ingest.classify import Classifier, _common_word_use, _TermMatcher, summarize
from digest.ingest.names import _LowercaseWords
from digest.ingest.wire import parse
from tests.conftest import DATA, examples, write_site


def classifier(tmp_path, extra: str = "") -> Classifier:
    return Classifier.from_config(load_config(write_site(tmp_path, {}, site_yaml=_yaml(extra))))


def _yaml(extra: str) -> str:
    from tests.conftest import SITE_YAML
    return SITE_YAML + extra


def test_topic_by_keywords_with_word_boundaries_and_case(tmp_path):
    c = classifier(tmp_path)
    assert c.topic("Steel tariffs rise", "The tariff on exports.") == "trade"
    assert c.topic("Vote set", "The election was called. Parliament is dissolved.") == "politics"
    assert c.topic("Weather", "Sunny and warm, with trades winds and elections-free air.") == "general"
    # a capitalised word mid-sentence is a title or a name, not the common word
    assert c.topic("Talks", "He met Trade Minister Dominic LeBlanc.") == "general"
    assert c.topic("Talks", "Trade is up. CUSMA holds.") == "trade"
    assert c.topic("Talks", "The cusma text.") == "general"  # CUSMA is written in capitals


def test_sample_tags(tmp_path):
    story = parse(Path("x.txt"), (DATA / "000_db4e5bf138ab3444.txt").read_bytes(), ZoneInfo("UTC"))
    tags = classifier(tmp_path).tags(story.title, story.paragraphs, [story.dateline, story.source])
    assert tags[:2] == ["Mark Carney", "Donald Trump"]
    assert {"Howard Lutnick", "Yves-François Blanchet", "Dominic LeBlanc"} <= set(tags)
    junk = {"Carney", "Trump", "Prime Minister", "Friday", "March", "April", "OTTAWA", "Ottawa", "But",
            "The Canadian Press", "Canadian Press", "However", "In", "Trade Minister", "Lutnick", "U.S."}
    assert not junk & set(tags)
    assert len(tags) <= 9  # the default max_tags


def test_max_tags_and_vocabulary_aliases(tmp_path):
    c = classifier(tmp_path, "max_tags: 2\n")
    paragraphs = ("OTTAWA — Prime Minister Carney spoke with Trump about tariffs.",
                  "Finance Minister Jane Doe and Transport Minister John Roe joined. Doe said little.")
    assert c.tags("Talks", paragraphs, ["OTTAWA"]) == ["Mark Carney", "Donald Trump"]


def test_a_sentence_opening_word_the_story_uses_in_lowercase_is_not_part_of_a_name(tmp_path):
    c = classifier(tmp_path)
    assert c.tags("Plant", ("Angry Unifor members met. The angry workers left.",), []) == ["Unifor"]
    assert "Steel Workers Union" in c.tags("Plant", ("Steel Workers Union leaders met. The plant closed.",), [])
    # ... unless a body's name goes on from it: `climate` is in the text, the network is named
    assert c.tags("Plan", ("Climate Action Network Canada said no. The climate warms.",), []) \
        == ["Climate Action Network Canada"]
    # a given name that is also a common word starts a person's name
    assert c.tags("Swim", ("Summer McIntosh won. It was summer. Fans cheered McIntosh as McIntosh smiled.",), []) == ["Summer McIntosh"]
    # `don’t` is one word, not `don`: Don at a sentence start stays part of the name
    assert "Don Smith" in c.tags("Talks", ("Don Smith spoke. They don’t agree.",), [])
    # `Carney’s` holds the lowercase word `s` ...
    assert "Jane Doe" in c.tags("Talks", ("S Jane Doe said. Carney’s plan.",), [])
    # ... but `it’s` does not
    assert "S Jane Doe" in c.tags("Talks", ("S Jane Doe said. Then it’s late.",), [])


# Text made of the pieces that decide what a word is: letters in both cases, apostrophes, digits.
_PIECES = st.text(st.sampled_from("aAsStTé’'_1 .\n-"), max_size=40)


@settings(max_examples=examples(400), deadline=None)
@given(_PIECES, st.text(st.sampled_from("asté’'_1.-"), min_size=1, max_size=4))
@example("Carney’s it’s", "s")
@example("it’s", "s")
def test_lowercase_words_are_found_as_a_tokenising_regex_would(text, word):
    """The lookup answers, for one word, what the set of every lowercase word in the text would."""
    assert (word in _LowercaseWords(text)) == (word in set(re.findall(r"\b[a-z][\w’']*", text)))


@settings(max_examples=examples(400), deadline=None)
@given(_PIECES, st.lists(st.text(st.sampled_from("aAsSté’'_1 .-"), min_size=1, max_size=4), min_size=1, max_size=6))
@example("interest rates rise", ["interest rate", "interest rates", "rate"])
@example("Made in U.S.A today", ["U.S.", "U.S"])  # `U.S.` is followed by a letter: `U.S` is the match
def test_terms_match_leftmost_longest_on_word_boundaries(text, terms):
    """Grouping the terms in one regex finds what one plain alternation (longest first) finds."""
    exact = sorted({t for t in terms if t != t.lower()}, key=lambda t: (-len(t), t))
    folded = sorted({t for t in terms if t == t.lower()}, key=lambda t: (-len(t), t))
    expected = []
    for group, source in ((exact, text), (folded, text.lower())):
        if group:
            plain = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, group)) + r")(?![\w])")
            expected += [(m.start(), m.group()) for m in plain.finditer(source)
                         # a lowercase term capitalised mid-sentence is a title or a name, not the term
                         if group is exact or _common_word_use(text, m.start(), m.end())]
    assert _TermMatcher.build({t: t for t in terms}).find(text) == sorted(expected)


def test_summary_is_the_lede_cut_at_a_sentence():
    lede = ("Prime Minister Mark Carney says Canada and the U.S. will begin talks. " * 6).strip()
    summary = summarize(lede)
    assert len(summary) <= 300 and summary.endswith("begin talks.")
    assert summarize("Short lede.") == "Short lede."
    assert summarize("Mr. Smith went to Ottawa. " + "x" * 400).startswith("Mr. Smith went to Ottawa.")
    no_stop = summarize("word " * 100)
    assert no_stop.endswith("…") and len(no_stop) <= 301


_STANDARD_TOPICS = """
topics:
  business: {title: Business, keywords: [stocks]}
  world: {title: Monde, keywords: [sommet]}
  politics: {title: Politics, keywords: [election, lawmakers]}
  local: {title: Our Town, keywords: [council]}
default_topic: general
"""


def _standard(tmp_path) -> Classifier:
    text = _yaml("").split("topics:")[0] + _STANDARD_TOPICS
    return Classifier.from_config(load_config(write_site(tmp_path, {}, site_yaml=text)))


def test_a_topic_with_a_standard_name_knows_its_words_without_keywords(tmp_path):
    c = _standard(tmp_path)
    # `Business` is economy: recession, gross domestic product and the central bank are its words
    assert c.topic("Output shrinks", "The economy is in recession, gross domestic product fell "
                   "and the central bank may act.") == "business"
    # a French title names the standard topic as well: `Monde` is world
    assert c.topic("Visite", "L'ambassadeur a rencontré le ministre des Affaires étrangères à "
                   "l'ambassade; la diplomatie reprend.") == "world"
    # a site's own topic name the lexicon does not know gets no built-in words
    assert c.topic("Hearing", "The gross domestic product and the recession were discussed.") != "local"


def test_built_in_words_weigh_less_than_the_curators(tmp_path):
    c = _standard(tmp_path)
    # two built-in economy words (half a keyword each) lose to the curator's election twice
    assert c.topic("Vote", "The election and the election result moved shareholders and investors.") \
        == "politics"
    # one built-in word in passing is no evidence
    assert c.topic("Fair opens", "The fair opened; a dividend was paid.") == "general"


def test_a_standard_topic_the_site_lacks_counts_for_its_broader_one(tmp_path):
    c = _standard(tmp_path)
    # no labour topic: a strike is business news
    assert c.topic("Walkout", "Workers went on strike after the collective agreement expired; "
                   "the picket line held.") == "business"


def test_built_in_acronyms_count_as_written_only(tmp_path):
    c = _standard(tmp_path)
    assert c.topic("NATO meets", "NATO allies met; the ambassador and NATO leaders agreed.") == "world"
    # `nato` in lowercase is no acronym (and French `ai`, in `j'ai`, is no AI)
    assert c.topic("nato meets", "The nato word game; the ambassador and the nato club met.") == "general"
