"""`digest deploy`: publish output/ to a target named in site.yaml, sending only what changed.

It wraps the build, never the reverse: it reads what the last build wrote (its manifest,
output/) and refuses a site that is not what the content says now (a failed or missing
build, a build with drafts). Each kind of target lives in its own module (s3, git, rsync);
they share the list of local files (files.py) and report the same way. Uploads go first,
pages after the files they link to, and deletions last, so a reader never meets a page
whose links are gone.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from digest.config import SiteConfig, Target
from digest.errors import DigestError, Problem


@dataclass(slots=True)
class DeployReport:
    """What a deploy did (or, dry, would do)."""

    target: Target
    dry_run: bool = False
    uploaded: int = 0
    uploaded_bytes: int = 0
    deleted: int = 0
    unchanged: int = 0
    requests: int = 0   # made to the target's service (S3)
    seconds: float = 0.0
    changes: list[str] = field(default_factory=list)  # `upload PATH`, `delete PATH`: what --dry-run lists

    def summary(self) -> str:
        verb = ("would upload", "would delete") if self.dry_run else ("uploaded", "deleted")
        requests = f", {self.requests} requests" if self.requests else ""
        return (f"{self.target.name}: {verb[0]} {self.uploaded} ({self.uploaded_bytes / 1e6:.1f} MB), "
                f"{verb[1]} {self.deleted}, unchanged {self.unchanged}{requests} in {self.seconds:.2f} s")


@dataclass(frozen=True, slots=True)
class Options:
    dry_run: bool = False
    force: bool = False          # send every file, changed or not
    max_deletes: int | None = None  # None: the target's (site.yaml), else 256
    progress: Callable[[int, int, int], None] | None = None  # (files done, files to send, bytes sent)


def problem(config: SiteConfig, target: Target, message: str, hint: str = "") -> DigestError:
    """The one-line error of a deploy: where the target is named, what went wrong, what to do."""
    return DigestError([Problem(config.root / "site.yaml", target.line, f"deploy to '{target.name}': {message}", hint)])


def choose(config: SiteConfig, name: str | None) -> Target:
    if not config.deploy:
        raise DigestError([Problem(config.root / "site.yaml", 1, "no deploy target in site.yaml",
                                   "add one: deploy: [{name: production, url: s3://my-bucket/}]")])
    if name is None:
        return config.deploy[0]
    for target in config.deploy:
        if target.name == name:
            return target
    raise DigestError([Problem(config.root / "site.yaml", config.line_of("deploy"), f"no deploy target named {name!r}",
                               "use one of: " + ", ".join(t.name for t in config.deploy))])


def deploy(config: SiteConfig, name: str | None = None, options: Options = Options()) -> DeployReport:
    """Publish the site's output/ to the target `name` (the first one by default)."""
    from digest.deploy.files import fresh_output, local_files

    started = time.perf_counter()
    target = choose(config, name)
    folder, built = fresh_output(config)
    files = local_files(config, folder, built)
    cap = options.max_deletes if options.max_deletes is not None else target.max_deletes
    report = DeployReport(target, options.dry_run)
    if target.kind == "s3":
        from digest.deploy import s3
        s3.deploy(config, target, files, cap, options, report)
    elif target.kind == "git":
        from digest.deploy import git
        git.deploy(config, target, folder, files, cap, options, report)
    else:
        from digest.deploy import rsync
        rsync.deploy(config, target, folder, files, cap, options, report)
    report.seconds = time.perf_counter() - started
    return report


def too_many_deletes(config: SiteConfig, target: Target, count: int, cap: int) -> DigestError:
    return problem(config, target, f"this deploy would delete {count} files, more than max_deletes ({cap}); "
                   "nothing was changed", f"check output/; if the site did shrink, run digest deploy "
                   f"{target.name} --max-deletes {count}")


def plan_order(rels: list[str]) -> list[list[str]]:
    """Files in the waves they are sent in, each after the one before is complete: what pages
    link to (pictures, styles) first, then pages by depth from the deepest (articles) up to
    the front page, feeds and sitemaps: a page goes up after the pages it links down to."""
    assets = sorted(r for r in rels if not r.endswith((".html", ".xml", ".json", ".txt")) and "/" in r)
    taken = set(assets)
    by_depth: dict[int, list[str]] = {}
    for rel in sorted(r for r in rels if r not in taken):
        by_depth.setdefault(rel.count("/"), []).append(rel)
    return [wave for wave in [assets, *(by_depth[d] for d in sorted(by_depth, reverse=True))] if wave]
