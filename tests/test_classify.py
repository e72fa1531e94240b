"""Topic, tags and summary: what a curator would file the story under."""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load_config
from digest.ingest.classify import Classifier, summarize
from digest.ingest.wire import parse
from tests.conftest import DATA, write_site


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
    assert len(tags) <= 8


def test_max_tags_and_vocabulary_aliases(tmp_path):
    c = classifier(tmp_path, "max_tags: 2\n")
    paragraphs = ("OTTAWA — Prime Minister Carney spoke with Trump about tariffs.",
                  "Finance Minister Jane Doe and Transport Minister John Roe joined. Doe said little.")
    assert c.tags("Talks", paragraphs, ["OTTAWA"]) == ["Mark Carney", "Donald Trump"]


def test_summary_is_the_lede_cut_at_a_sentence():
    lede = ("Prime Minister Mark Carney says Canada and the U.S. will begin talks. " * 6).strip()
    summary = summarize(lede)
    assert len(summary) <= 300 and summary.endswith("begin talks.")
    assert summarize("Short lede.") == "Short lede."
    assert summarize("Mr. Smith went to Ottawa. " + "x" * 400).startswith("Mr. Smith went to Ottawa.")
    no_stop = summarize("word " * 100)
    assert no_stop.endswith("…") and len(no_stop) <= 301
