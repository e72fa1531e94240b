"""Shared helpers: tiny sites written from inline files in tmp_path."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from digest.cli import main

DATA = Path(__file__).parent / "data"

# Property tests: a quick run locally, the full example counts in CI (.ci/run sets
# HYPOTHESIS_PROFILE=ci). `examples(n)` is a test's count for the profile in use.
settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    return n if PROFILE == "ci" else max(50, n // 20)

SITE_YAML = """\
title: Test Digest
base_url: https://example.org/
timezone: America/Toronto
topics:
  trade: {title: Trade, keywords: [tariff, tariffs, trade, export, import, CUSMA]}
  politics: {title: Politics, keywords: [election, parliament, minister, premier]}
default_topic: general
tags:
  Mark Carney: [Carney, Prime Minister Carney]
  Donald Trump: [Trump]
"""


def raw_article(title: str = "Ottawa unveils plan", day: str = "2025-03-28", *,
                byline: str = "By Dylan Robertson, The Canadian Press",
                posted: str | None = "Posted March 28, 2025 11:09 am.",
                updated: str | None = None, body: list[str] | None = None) -> str:
    """A raw wire article in the format of content/raw/, blocks separated by blank lines."""
    blocks = [f"date {day} {title}"]
    if byline:
        blocks.append(byline)
    if posted:
        blocks.append(posted)
    if updated:
        blocks.append(updated)
    blocks += body or ["OTTAWA — The government unveiled a plan on Friday.", "Officials said more was coming."]
    return "\n\n".join(blocks) + "\n"


def write_site(root: Path, files: dict[str, str | bytes], site_yaml: str = SITE_YAML) -> Path:
    """Write site.yaml and `files` (path -> text or bytes) under `root`."""
    (root / "content" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(textwrap.dedent(site_yaml), encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(autouse=True, scope="session")
def _user_cache_folder(tmp_path_factory):
    """digest keeps its signing key in the user's cache folder: the tests' own, not the tester's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def run(capsys):
    """Run the digest CLI in-process; return (exit status, stdout, stderr)."""
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err
    return _run


def articles(root: Path) -> dict[str, str]:
    base = root / "content" / "articles"
    return {p.relative_to(base).as_posix(): p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.md"))}


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/sites/*/expected/ from the current build")
