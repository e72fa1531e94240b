"""Front matter and slugs: any title round-trips; slugs never escape their folder."""
from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml import CSafeLoader as Loader

from digest.frontmatter import dump, read, split
from digest.slugs import slugify, stable_slug
from tests.conftest import examples

TRICKY_TITLES = ['Carney: "We will not back down"', "#1 story", "- leading dash", "yes", "null", "3.14",
                 "Québec annonce : Legault", "中国新闻", "Zelenskyy’s ‘plan’", "a\u0085b", "tab\tx", "'quoted'",
                 "[x](javascript:alert(1))", "key: value # comment", "ends with colon:", "---"]


@settings(max_examples=examples(2000), deadline=None)
@given(title=st.one_of(st.sampled_from(TRICKY_TITLES), st.text(min_size=1)),
       tags=st.lists(st.text(min_size=1), max_size=4))
def test_any_title_and_tags_round_trip(title, tags):
    text = dump([("title", title), ("tags", tags), ("summary", title), ("draft", False)], "Body.")
    yaml_text, body, line = split(text)
    assert yaml.safe_load(yaml_text) == {"title": title, "tags": tags, "summary": title, "draft": False}
    assert body == "Body.\n" and text.splitlines()[line - 1] == "Body."


_ZONES = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-4)),
                          dt.timezone(dt.timedelta(hours=5, minutes=30))])
_VALUES = st.one_of(st.sampled_from(TRICKY_TITLES), st.text(), st.booleans(), st.none(), st.integers(),
                    st.lists(st.one_of(st.sampled_from(TRICKY_TITLES), st.text()), max_size=4),
                    st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=_ZONES)
                    .map(lambda d: d.replace(microsecond=0)))


@settings(max_examples=examples(3000), deadline=None)
@given(fields=st.lists(st.tuples(st.sampled_from(["title", "summary", "tags", "source", "date", "x_y", "draft"]),
                                 _VALUES), max_size=6, unique_by=lambda f: f[0]))
def test_fast_reader_reads_what_yaml_reads(fields):
    """Front matter is read without YAML when it is as ingest writes it; what it reads is
    what PyYAML reads, value and type, and anything else is left to PyYAML."""
    yaml_text, _, _ = split(dump(fields, "Body."))
    fast = read(yaml_text)
    if fast is not None:
        expected = yaml.load(yaml_text, Loader=Loader)  # the loader builds use
        assert fast == expected
        assert [type(v) for v in fast.values()] == [type(v) for v in expected.values()]


@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(st.text(st.sampled_from('ab: "[],-\\#\'1T0+\n'), max_size=20), max_size=4))
def test_fast_reader_leaves_other_yaml_to_yaml(lines):
    yaml_text = "\n".join(lines)
    fast = read(yaml_text)
    if fast is not None:
        assert fast == yaml.load(yaml_text, Loader=Loader)


def test_front_matter_as_ingest_writes_it_is_read_without_yaml():
    text = dump([("title", 'Carney: "We will not back down"'), ("tags", ["S&P", "Mark Carney", "yes"]),
                 ("date", dt.datetime(2025, 3, 28, 11, 9, tzinfo=dt.timezone(dt.timedelta(hours=-4)))),
                 ("draft", False)], "B")
    assert read(split(text)[0]) == yaml.safe_load(split(text)[0])
    # anything else is YAML's to read (and to report): broken lists, repeated keys, keys YAML reads
    # as booleans, impossible dates, lone surrogates libyaml refuses, empty front matter
    for other in ["title: [unclosed", "a: 1\na: 2", "on: x", "date: 2025-02-30T11:09:00-04:00",
                  'title: "\\ud800"', "", "\n"]:
        assert read(other) is None, other


def test_front_matter_stays_readable():
    text = dump([("title", "Mélanie Joly meets Yves-François Blanchet"),
                 ("authors", ["Mélanie Joly", "Dylan Robertson"]),
                 ("date", dt.datetime(2025, 3, 28, 11, 9, tzinfo=dt.timezone(dt.timedelta(hours=-4))))], "B")
    assert 'title: "Mélanie Joly meets Yves-François Blanchet"' in text
    assert "authors: [Mélanie Joly, Dylan Robertson]" in text
    assert "date: 2025-03-28T11:09:00-04:00" in text


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@settings(max_examples=examples(3000), deadline=None)
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
