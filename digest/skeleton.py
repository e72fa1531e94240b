"""`digest new DIR`: the folders and site.yaml a new digest starts from."""
from __future__ import annotations

from pathlib import Path

from digest.config import CONFIG_NAME
from digest.errors import Problem

SITE_YAML = """\
# The site's configuration: every key is documented in digest's README.
title: {title}
description: Stories worth reading, gathered by hand.
base_url: http://localhost:8000/
language: en
timezone: America/Toronto
theme: default
per_page: 20
max_tags: 9
topics:                 # order = order on the site
  politics: {{title: Politics, keywords: [election, parliament, minister, premier, campaign]}}
  trade:    {{title: Trade, keywords: [tariff, tariffs, trade, export, exports, import, CUSMA]}}
  economy:  {{title: Economy, keywords: [inflation, interest rate, interest rates, economy, jobs, GDP]}}
default_topic: general
tags:                   # canonical tag names and the spellings that mean them
  Mark Carney: [Carney, Prime Minister Carney]
  Donald Trump: [Trump]
# deploy:               # where `digest deploy` publishes output/ (the first is the default)
#   - name: production
#     url: s3://my-bucket/       # or git:gh-pages, or rsync:user@host:/var/www/news/
"""


def new_site(target: Path) -> list[Path] | Problem:
    """Write the skeleton into `target`; refuse to touch a folder that already holds a site."""
    if (target / CONFIG_NAME).exists():
        return Problem(target / CONFIG_NAME, 1, "a site already exists here", "choose an empty folder")
    if target.exists() and not target.is_dir():
        return Problem(target, 1, "not a folder", "choose a new folder name")
    made = []
    for folder in ("content/raw", "content/articles", "themes"):
        (target / folder).mkdir(parents=True, exist_ok=True)
        made.append(target / folder)
    title = target.resolve().name.replace("-", " ").replace("_", " ").title() or "My Digest"
    (target / CONFIG_NAME).write_text(SITE_YAML.format(title=_yaml_text(title)), encoding="utf-8")
    (target / ".gitignore").write_text("output/\n.digest/\n", encoding="utf-8")
    made.append(target / CONFIG_NAME)
    return made


def _yaml_text(text: str) -> str:
    from digest.frontmatter import quote
    return quote(text)
