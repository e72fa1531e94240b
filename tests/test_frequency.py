"""How common a word is, from the table kept in the user's cache: what wordfreq itself says,
on every side of the thresholds names use."""
from __future__ import annotations

import json
import math
import re

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from digest.ingest import frequency
from digest.ingest.names import COMMON_ZIPF, RARE_ZIPF
from tests.tag_quality import CORPUS


def _words(language: str) -> list[str]:
    """Words as copy writes them: capitalised and in lowercase, from the labelled stories and a
    spread of wordfreq's own list (every 40th word, rare ones included)."""
    copy = {w for path in CORPUS.glob("*.txt") for w in re.findall(r"[^\W\d_][\w'’-]*", path.read_text(encoding="utf-8"))}
    listed = list(get_frequency_dict(language, "best"))[::40]
    return sorted(copy | set(listed) | {w.capitalize() for w in listed} | {"Québec", "ÉTAT", "Hydro-Québec", "Cohere",
                                                                           "Straße", "l'État", "e\u0301tat", "Itʼs", "Aujourdʼhui", "Thatʼs",
                                                                           "Theツ", "ŉot", "Ελλάδα", "Москва"})


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_table_says_what_wordfreq_says(tmp_path, monkeypatch, language):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    frequency.forget()
    try:
        for word in _words(language if language != "de" else "en"):
            exact = zipf_frequency(word, language if language != "de" else "en")
            fast = frequency.zipf(word, language)
            for threshold in (RARE_ZIPF, COMMON_ZIPF):
                assert (fast < threshold) == (exact < threshold), (word, fast, exact)
            if exact >= frequency.FLOOR:
                assert fast == exact, word
    finally:
        frequency.forget()


def test_a_table_that_is_not_what_digest_wrote_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    frequency.forget()
    try:
        assert frequency.zipf("Senate", "en") == zipf_frequency("Senate", "en")
        path = tmp_path / "digest/wordfreq-en.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for planted in (json.dumps({**data, "words": {**data["words"], "senate": 9}}),  # not a float
                        json.dumps({**data, "key": "other", "words": {"senate": 1.0}}), "{", "[]",
                        json.dumps({**data, "words": {"senate": 1e-5}})):  # its key, but no list wordfreq ships
            path.write_text(planted, encoding="utf-8")
            frequency.forget()
            assert frequency.zipf("Senate", "en") == zipf_frequency("Senate", "en")
        assert json.loads(path.read_text(encoding="utf-8")) == data
    finally:
        frequency.forget()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_story_grouping_weighs_words_as_wordfreqs_whole_list_would(tmp_path, monkeypatch, language):
    """Grouping looks words up in the table (lowercase, and folded to ASCII): a word the table
    lacks is one rare enough to weigh the most, as it would by wordfreq's whole list."""
    from digest.ingest import grouping

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    frequency.forget()
    whole = get_frequency_dict(language)
    try:
        assert grouping.RARE_AT - grouping.RAREST >= frequency.FLOOR
        for word in {form for w in _words(language) for form in (w.lower(), grouping._fold(w))}:
            listed = whole.get(word, 0.0)
            expected = min(grouping.RAREST, max(0.0, grouping.RARE_AT - (round(math.log10(listed) + 9, 2) if listed else 0.0)))
            assert grouping._rarity(word, language) == expected, word
    finally:
        frequency.forget()


def test_every_threshold_asked_of_the_table_is_at_or_above_its_floor():
    from digest.ingest import grouping

    assert min(RARE_ZIPF, COMMON_ZIPF, grouping.RARE_AT - grouping.RAREST) >= frequency.FLOOR
