"""The pipeline: load config -> ingest raw -> load articles -> assemble -> render -> write.

Each stage is a function from data to data; `build_site` is the in-memory
site, and `publish` writes it.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from digest.commit import recover
from digest.config import SiteConfig
from digest.errors import DigestError, Problem
from digest.ingest.run import IngestResult, ingest
from digest.inputs import build_key
from digest.manifest import intact, load_manifest
from digest.output import check_output_dir, remember_output
from digest.parallel import Progress
from digest.scan import FileStat, markdown_files, updated
from digest.state import site_lock
from digest.themes import theme_dirs

if TYPE_CHECKING:
    from digest.assemble import Site


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary line and for tests."""

    ingest: IngestResult
    pages_by_kind: Counter[str] = field(default_factory=Counter)
    files: int = 0
    written: int = 0
    seconds: float = 0.0
    output: Path | None = None
    site: Site | None = None   # the site in memory, when it was built (not for "nothing changed")
    moved: list[Path] = field(default_factory=list)  # articles whose new address the build added an alias for
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        if not self.pages_by_kind:
            return f"nothing changed: {self.files} files up to date ({self.seconds:.2f} s)"
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.pages_by_kind.items()))
        return (f"built {sum(self.pages_by_kind.values())} pages ({kinds}); {self.written} of {self.files} "
                f"files written in {self.seconds:.2f} s")


def _sub_path_warning(config: SiteConfig) -> list[Problem]:
    """Crawlers read robots.txt at the host's root only: under a sub-path, output/robots.txt
    (and the sitemap it names) goes unread unless the curator puts its lines there."""
    path = urlsplit(config.base_url).path
    if path in ("", "/"):
        return []
    return [Problem(config.root / "site.yaml", config.line_of("base_url"),
                    f"base_url is under the path {path}: crawlers read robots.txt only at the root of its host, "
                    "so output/robots.txt has no effect there",
                    f"add its Sitemap: line to {urlsplit(config.base_url)._replace(path='/robots.txt').geturl()}",
                    warning=True)]


def _configured_output(config: SiteConfig) -> Path | None:
    try:
        return check_output_dir(config, None)
    except DigestError:  # site.yaml's output is refused: a build elsewhere is not the site's
        return None


def build_site(config: SiteConfig, drafts: bool = False, use_cache: bool = True,
               files: list[FileStat] | None = None, warnings: list[Problem] | None = None,
               published: dict[str, str] | None = None, moved: list[Path] | None = None,
               progress: Progress | None = None) -> Site:
    """Articles on disk (`files`: a scan of them, if taken) -> the whole site in memory.

    Given where each article was `published` last time, an article whose address changed
    gets the old one as an alias, written into its file once the site is known to build
    (listed in `moved`)."""
    from digest.assemble import assemble  # the heavy stages load only when there is work
    from digest.content import load_articles
    from digest.editions import load_intros
    from digest.images import place

    problems: list[Problem] = []
    try:
        intros = load_intros(config)
    except DigestError as exc:  # reported with the articles' problems: one run lists them all
        problems, intros = exc.problems, {}
    try:
        articles = load_articles(config, include_drafts=drafts, use_cache=use_cache, files=files, warnings=warnings,
                                 progress=progress)
    except DigestError as exc:
        raise DigestError(exc.problems + problems) from None
    if problems:
        raise DigestError(problems)
    told = warnings if warnings is not None else []
    moves: list = []
    if published:
        from digest.moves import find_moves

        articles, moves = find_moves(config, articles, published, told)
    articles, pictures = place(config, articles, problems, told, use_cache)
    if problems:
        raise DigestError(problems)
    site = assemble(config, articles, intros, told, pictures, frozenset((m.source_path, m.old) for m in moves))
    if moves:  # the site builds: the old addresses it redirects are written into their stories
        from digest.moves import write_moves

        kept = {(p.context["target"].source_path, p.url) for p in site.pages if p.kind == "redirect"}
        written = write_moves(config, [m for m in moves if (m.source_path, m.old) in kept], told)
        if moved is not None:
            moved.extend(written)
    return site


def build(config: SiteConfig, drafts: bool = False, output: Path | None = None,
          clean: bool = False, always: bool = False, on_wait: Callable[[str], None] | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Ingest, assemble, render and write; on any error raise and leave output/ as it was.

    `always` builds the site in memory even when nothing changed (the preview keeps it).
    One build at a time per site: another one running, `on_wait(its pid)` is told and this
    one waits for it. `progress(stage, done, total)` hears how long work goes.

    A story that fails to ingest fails the build: a site silently missing a
    story is worse than yesterday's site.
    """
    with site_lock(config.state_dir, on_wait):
        return _build(config, drafts, output, clean, always, progress)


def _build(config: SiteConfig, drafts: bool, output: Path | None, clean: bool, always: bool,
           progress: Progress | None) -> BuildReport:
    started = time.perf_counter()
    target = check_output_dir(config, output)
    recover(target)  # before anything else: a switch a kill interrupted is finished, leftovers go
    files = markdown_files(config.articles_dir)  # one walk serves ingest, the build key and the cache
    ingested = ingest(config, trust_stat=not clean, articles=files, progress=progress)
    if ingested.written or ingested.removed:
        files = updated(config.articles_dir, files, ingested.written, ingested.removed)  # as ingest left it
    report = BuildReport(ingested, warnings=[p for p in ingested.problems if p.warning] + _sub_path_warning(config))
    problems = list(ingested.errors)
    said = list(ingested.problems)  # a failed build still prints every warning it met
    inputs = build_key(config, drafts, target, theme_dirs(config), files)
    manifest = None  # what the last build wrote, read once: publish compares with it too
    if not problems and not clean and not always:
        manifest, last_inputs = load_manifest(config, target, report.warnings)
        if inputs == last_inputs and intact(target, manifest):
            report.files, report.seconds = len(manifest), time.perf_counter() - started
            report.output = target
            return report  # nothing the site is made of changed since the last build here
    from digest.moves import load_published, save_published

    try:
        cache_warnings: list[Problem] = []
        # the record is of what was published: the site's output/, never a preview or a draft
        publishing = not drafts and (output is None or target == _configured_output(config))
        published = load_published(config, cache_warnings) if publishing else None
        site = build_site(config, drafts, use_cache=not clean, files=files, warnings=cache_warnings,
                          published=published, moved=report.moved, progress=progress)
    except DigestError as exc:
        raise DigestError(said + cache_warnings + exc.problems) from None
    report.warnings += cache_warnings
    if problems:
        raise DigestError(said)
    if report.moved:  # their files gained an alias: the key names the files as they are now
        files = markdown_files(config.articles_dir)
        inputs = build_key(config, drafts, target, theme_dirs(config), files)
    from digest.publish import publish  # imports Jinja2: only when there is work

    exact = build_key(config, drafts, target, theme_dirs(config), files, exact=True)  # what deploy checks
    report.files, report.written = publish(site, target, inputs, clean=clean, content=exact, progress=progress,
                                            manifest=manifest)
    remember_output(config, target)
    if published is not None:
        save_published(config, site.articles, published)
    report.pages_by_kind = Counter(p.kind for p in site.pages)
    report.site = site
    report.output = target
    report.seconds = time.perf_counter() - started
    return report
