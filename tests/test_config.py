"""site.yaml: typed, validated, and every error names the line and the key."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import DigestError
from tests.conftest import SITE_YAML, write_site


def problems(tmp_path, text: str) -> list[str]:
    write_site(tmp_path, {}, site_yaml=text)
    with pytest.raises(DigestError) as caught:
        load_config(tmp_path)
    return [p.format(cwd=tmp_path) for p in caught.value.problems]


def test_valid_config_is_typed(tmp_path):
    config = load_config(write_site(tmp_path, {}))
    assert config.title == "Test Digest" and config.base_url == "https://example.org/"
    assert [t.slug for t in config.topics] == ["trade", "politics", "general"]
    assert config.topic("general").title == "General"
    assert config.topic("trade").keywords[:2] == ("tariff", "tariffs")
    assert dict(config.tags)["Mark Carney"] == ("Carney", "Prime Minister Carney")
    assert config.max_tags == 9 and config.per_page == 20


def test_unknown_key_names_line_and_suggests(tmp_path):
    assert problems(tmp_path, "title: X\nper_pgae: 10\n") == [
        "site.yaml:2: unknown key 'per_pgae' (did you mean 'per_page'?)"]


def test_wrong_types_name_key_and_line(tmp_path):
    found = problems(tmp_path, "title: X\nper_page: ten\nmax_tags: -1\ntimezone: Mars/Olympus\n"
                               "base_url: example.org\ntopics: {trade: {title: Trade, keywrds: [x]}}\n")
    assert found == [
        "site.yaml:2: 'per_page' must be a whole number of at least 1, not str 'ten'",
        "site.yaml:3: 'max_tags' must be a whole number of at least 0, not int -1",
        "site.yaml:4: unknown time zone 'Mars/Olympus' (use a name like America/Toronto)",
        "site.yaml:5: base_url 'example.org' is not an http(s) URL without ? or # (write it like https://example.org/news/)",
        "site.yaml:6: unknown key 'keywrds' in topic 'trade' (did you mean 'keywords'?)",
    ]


def test_duplicate_keys_and_bad_yaml(tmp_path):
    assert problems(tmp_path, "title: X\nper_page: 5\nper_page: 6\n") == [
        "site.yaml:3: duplicate key 'per_page' (keep only one)"]
    assert problems(tmp_path, "title: X\ntopics: [unclosed\n")[0].startswith("site.yaml:3: not valid YAML")


def test_paths_are_checked(tmp_path):
    found = problems(tmp_path, SITE_YAML + "paths:\n  article: '{year}/{slug}/'\n  tag: '../{slug}/'\n")
    assert found == [
        "site.yaml:12: path of 'article' must use all of ['day', 'month', 'slug', 'year'], or pages would "
        "collide (the default is '{year}/{month}/{day}/{slug}/')",
        "site.yaml:13: path of 'tag' must not contain '.', '..' or hidden folders (the default is 'tags/{slug}/')",
    ]


def test_self_referencing_alias_and_bad_urls(tmp_path):
    assert problems(tmp_path, "title: X\ntags: &a [*a]\n")[0].startswith("site.yaml:1: not valid YAML")
    assert "is not an http(s) URL" in problems(tmp_path, "base_url: https://example.org/?x=1\n")[0]
    assert "is not a usable folder name" in problems(tmp_path, 'output: "a\\0b"\n')[0]


def test_every_key_is_declared_once_and_documented_in_the_readme():
    """site.yaml's keys come from one declaration (config.option): the reader knows each, and
    the README's example shows each, so no key is missing from one of three lists."""
    import re as re_

    from digest.config import site_keys

    keys = site_keys()
    assert all(doc for doc in keys.values())
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("## site.yaml", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    shown = set(re_.findall(r"^([a-z_]+):", example, re_.M))
    assert shown == set(keys), shown ^ set(keys)
