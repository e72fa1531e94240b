"""Front matter and slugs: any title round-trips; slugs never escape their folder."""
from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.frontmatter import dump, split
from digest.slugs import slugify, stable_slug

TRICKY_TITLES = ['Carney: "We will not back down"', "#1 story", "- leading dash", "yes", "null", "3.14",
                 "Québec annonce : Legault", "中国新闻", "Zelenskyy’s ‘plan’", "a\u0085b", "tab\tx", "'quoted'",
                 "[x](javascript:alert(1))", "key: value # comment", "ends with colon:", "---"]


@settings(max_examples=2000, deadline=None)
@given(title=st.one_of(st.sampled_from(TRICKY_TITLES), st.text(min_size=1)),
       tags=st.lists(st.text(min_size=1), max_size=4))
def test_any_title_and_tags_round_trip(title, tags):
    text = dump([("title", title), ("tags", tags), ("summary", title), ("draft", False)], "Body.")
    yaml_text, body, line = split(text)
    assert yaml.safe_load(yaml_text) == {"title": title, "tags": tags, "summary": title, "draft": False}
    assert body == "Body.\n" and text.splitlines()[line - 1] == "Body."


def test_front_matter_stays_readable():
    text = dump([("title", "Mélanie Joly meets Yves-François Blanchet"),
                 ("authors", ["Mélanie Joly", "Dylan Robertson"]),
                 ("date", dt.datetime(2025, 3, 28, 11, 9, tzinfo=dt.timezone(dt.timedelta(hours=-4))))], "B")
    assert 'title: "Mélanie Joly meets Yves-François Blanchet"' in text
    assert "authors: [Mélanie Joly, Dylan Robertson]" in text
    assert "date: 2025-03-28T11:09:00-04:00" in text


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@settings(max_examples=3000, deadline=None)
@given(st.text())
def test_slugs_are_safe_and_never_empty(title):
    slug = stable_slug(title, "story")
    assert SLUG.match(slug) and len(slug) <= 80
    assert stable_slug(title, "story") == slug  # stable


def test_slug_examples():
    assert slugify("Canada, U.S. to negotiate new economic, security relationship after election: Carney") == \
        "canada-us-to-negotiate-new-economic-security-relationship-after-election-carney"
    assert slugify("Québec annonce : Legault") == "quebec-annonce-legault"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("a\\b\0c") == "a-b-c"
    assert stable_slug("中国新闻", "story").startswith("story-")
    long = slugify("word " * 40)
    assert len(long) <= 80 and not long.endswith("-")
