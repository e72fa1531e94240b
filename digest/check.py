"""`digest check`: config, raw files, articles, templates and internal links, nothing written."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from digest.build import build_site
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.ingest.run import ingest
from digest.links import broken_links
from digest.output import check_output_dir
from digest.render import render_pages, static_files


def check(config: SiteConfig) -> list[Problem]:
    """Every problem a build would hit, plus links that lead nowhere."""
    problems = list(ingest(config, dry_run=True).problems)
    try:
        check_output_dir(config, None)
    except DigestError as exc:
        problems += exc.problems
    warnings: list[Problem] = []
    try:
        site = build_site(config, warnings=warnings)
        files = dict(render_pages(site))
    except DigestError as exc:
        return problems + warnings + exc.problems
    problems += warnings
    files.update({rel: b"" for rel, _ in static_files(config)})
    sources = {p.output_path: Path(p.context["article"].source_path) for p in site.pages if p.kind == "article"}
    base_path = urlsplit(config.base_url).path or "/"
    for page, href in broken_links(files, base_path):
        where = sources.get(page, Path(config.output) / page)
        problems.append(Problem(where, 1, f"link to {href!r} leads nowhere (on /{page})",
                                "fix the link or the page it names"))
    return problems
