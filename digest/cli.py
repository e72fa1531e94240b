"""The `digest` command line: parse arguments, call the core, print, set the exit status.

Exit status: 0 success, 1 content or config errors, 2 usage errors.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from digest.config import load_config
from digest.errors import DigestError, Problem, UsageError, display_path
from digest.state import say_waiting, site_lock

OK, CONTENT_ERROR, USAGE_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                        help="the site folder, holding site.yaml (default: the current folder)")
    parser = argparse.ArgumentParser(prog="digest", description="Build a news digest site from raw wire copy.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser("build", parents=[common], help="ingest, then render the site into output/",
                                description="Ingest new or changed raw files, then render the whole site.")
    build.add_argument("--clean", action="store_true", help="ignore every cache")
    build.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    build.add_argument("--output", type=Path, metavar="DIR", help="write the site here instead of output/")
    build.set_defaults(run=_build)

    ingest = commands.add_parser("ingest", parents=[common], help="only turn raw files into Markdown",
                                 description="Turn raw articles into Markdown with front matter. "
                                 "FILEs outside content/raw/ are copied there first.")
    ingest.add_argument("files", nargs="*", type=Path, metavar="FILE", help="raw files (default: all)")
    ingest.set_defaults(run=_ingest)

    serve = commands.add_parser("serve", parents=[common], help="build, serve and rebuild on every change",
                                description="Preview the site with live reload.")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    serve.add_argument("--open", action="store_true", help="open the site in a browser")
    serve.set_defaults(run=_serve)

    new = commands.add_parser("new", help="make a new site skeleton", description="Make a new site in DIR.")
    new.add_argument("dir", type=Path, metavar="DIR")
    new.set_defaults(run=_new)

    check = commands.add_parser("check", parents=[common], help="validate config, content and links",
                                description="Validate config, content and links without writing output/.")
    check.set_defaults(run=_check)

    deploy = commands.add_parser("deploy", parents=[common], help="publish output/ to a target in site.yaml",
                                 description="Send what changed in output/ to a deploy target (S3, a git "
                                 "branch, rsync) and delete what the site no longer has.")
    deploy.add_argument("target", nargs="?", metavar="NAME", help="a target's name (default: the first)")
    deploy.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")
    deploy.add_argument("--force", action="store_true", help="send every file, changed or not")
    deploy.add_argument("--max-deletes", type=int, metavar="N", help="allow deleting up to N files (default: "
                        "the target's max_deletes, else 256)")
    deploy.set_defaults(run=_deploy)

    stories = commands.add_parser("stories", parents=[common], help="list a day's stories and their versions",
                                  description="List the stories of a day (the latest by default) with the "
                                  "versions of each, as ingest grouped them: review before publishing.")
    stories.add_argument("day", nargs="?", metavar="DAY", help="YYYY-MM-DD (default: the latest day)")
    stories.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    stories.set_defaults(run=_stories)
    return parser


def command() -> None:
    """The `digest` command: `main`, then out without freeing what it leaves in memory.

    After a build that is the whole site, a million objects; freeing them one by one as
    the interpreter shuts down takes about a fifth of a second and serves nothing.
    """
    argv = sys.argv[1:]
    if not argv or argv[0] != "serve":
        # A batch command's process makes hundreds of thousands of objects that live until
        # it ends (articles, pages) and few cycles: the collector would walk them again and
        # again, a third of the time of loading and assembling a site. This process is ours
        # alone, so the switch is made here, never in the library (the preview's threads
        # run the same build). Worker processes collect their own garbage (parallel.py).
        gc.disable()
    code = main(argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`digest ingest | head`)
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DigestError as exc:
        _report(exc.problems)
        return CONTENT_ERROR
    except UsageError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except OSError as exc:  # what no stage foresaw: still one line, naming the file
        where = Path(exc.filename) if isinstance(exc.filename, str) else Path(".")
        _report([Problem(where, 1, f"cannot read or write: {exc.strerror or exc}",
                         "check that this path is a file or folder digest may use")])
        return CONTENT_ERROR
    except KeyboardInterrupt:
        return 130


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def _ingest(args: argparse.Namespace) -> int:
    from digest.ingest.run import import_files, ingest

    config = load_config(args.site)
    problems: list[Problem] = []
    only = None
    if args.files:
        only, problems = import_files(config, args.files)
    with site_lock(config.state_dir, say_waiting):
        result = ingest(config, only, progress=_StageProgress())
    for path in result.written:
        print(f"wrote {display_path(path)}")
    for path in result.removed:
        print(f"removed {display_path(path)}")
    _report(problems + result.problems)
    print(f"ingest: {len(result.written)} written, {result.unchanged} unchanged, "
          f"{len(result.errors) + len(problems)} errors")
    return CONTENT_ERROR if result.errors or problems else OK


def _new(args: argparse.Namespace) -> int:
    from digest.skeleton import new_site

    made = new_site(args.dir)
    if isinstance(made, Problem):
        _report([made])
        return CONTENT_ERROR
    print(f"new site in {display_path(args.dir.resolve())}: drop raw articles into content/raw/, "
          "then run `digest build`")
    return OK


def _build(args: argparse.Namespace) -> int:
    from digest.build import build

    config = load_config(args.site)
    output = args.output.resolve() if args.output else None  # relative to where the user typed it
    report = build(config, drafts=args.drafts, output=output, clean=args.clean, on_wait=say_waiting,
                   progress=_StageProgress())
    _report(report.warnings)
    print(report.summary())
    return OK


class _StageProgress:
    """How long work goes, for stages of at least LEAST items: on a terminal one line kept up
    to date (stage, count, rate); in a log a line at each quarter. Small work says nothing."""

    LEAST = 1000

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.started: dict[str, tuple[float, int]] = {}  # stage -> when first heard of, and how far it was then
        self.said: dict[str, int] = {}
        self.shown = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        if total < self.LEAST:
            return
        now = time.perf_counter()
        # measured from the first report: work done before it took an unknown time
        start, done_then = self.started.setdefault(stage, (now, done))
        rate = f", {(done - done_then) / (now - start):,.0f}/s" if now > start and done_then < done < total else ""
        line = f"{stage}: {done:,} of {total:,}{rate}"
        if self.terminal:
            if done == total or now - self.shown >= 0.1:
                self.shown = now
                print(f"\r{line}\x1b[K", end="\n" if done == total else "", file=sys.stderr, flush=True)
        elif 4 * done // total > self.said.get(stage, 0):
            self.said[stage] = 4 * done // total
            print(line, file=sys.stderr, flush=True)


def _serve(args: argparse.Namespace) -> int:
    from digest.preview.serve import serve

    return serve(args.site, args.host, args.port, args.drafts, args.open)


def _check(args: argparse.Namespace) -> int:
    from digest.check import check

    config = load_config(args.site)
    problems = check(config)
    _report(problems)
    errors = [p for p in problems if not p.warning]
    print(f"check: {len(errors)} errors, {len(problems) - len(errors)} warnings")
    return CONTENT_ERROR if errors else OK


def _deploy(args: argparse.Namespace) -> int:
    from digest.deploy import Options, deploy

    if args.max_deletes is not None and args.max_deletes < 0:
        raise UsageError("--max-deletes must be 0 or more")
    config = load_config(args.site)
    with site_lock(config.state_dir, say_waiting):  # not while a build rewrites output/
        report = deploy(config, args.target, Options(args.dry_run, args.force, args.max_deletes, _progress()))
    if args.dry_run:
        for line in report.changes:
            print(line)
    print(report.summary())
    return OK


def _progress() -> Callable[[int, int, int], None]:
    """A progress bar on a terminal; plain lines at each tenth elsewhere (a log, CI)."""
    terminal = sys.stderr.isatty()
    shown = [-1]

    def show(done: int, total: int, sent: int) -> None:
        if terminal:
            width = 30
            bar = "#" * (width * done // max(total, 1))
            end = "\n" if done == total else ""
            print(f"\r[{bar:<{width}}] {done}/{total} files, {sent / 1e6:.1f} MB", end=end, file=sys.stderr,
                  flush=True)
        elif 10 * done // max(total, 1) > shown[0]:
            shown[0] = 10 * done // max(total, 1)
            print(f"sent {done}/{total} files, {sent / 1e6:.1f} MB", file=sys.stderr, flush=True)
    return show


def _stories(args: argparse.Namespace) -> int:
    import datetime as dt

    from digest.content import load_articles
    from digest.coverage import stories_of_day
    from digest.dates import clock, long_date

    config = load_config(args.site)
    try:
        day = dt.date.fromisoformat(args.day) if args.day else None
    except ValueError:
        raise UsageError(f"DAY must be a date like 2025-10-29, not {args.day!r}") from None
    warnings: list[Problem] = []
    articles = load_articles(config, include_drafts=args.drafts, warnings=warnings)
    _report(warnings)
    if not articles:
        print("no stories yet: run `digest ingest` or `digest build` first")
        return OK
    day = day or articles[0].day
    stories = stories_of_day(articles, day, config.language)
    count = sum(len(versions) for versions in stories)
    print(f"{long_date(day)}: {len(stories)} {'story' if len(stories) == 1 else 'stories'}, "
          f"{count} {'article' if count == 1 else 'articles'}")
    for versions in stories:
        story = versions[0].story or "(alone)"
        print(f"\n{versions[0].title}\n  story: {story}")
        for at, article in enumerate(versions):
            when = clock(article.date) if article.timed else "no time"
            if article.day != day:
                when = f"{article.day.isoformat()} {when}"
            mark = "lead" if at == 0 and len(versions) > 1 else "    "
            source = f"{article.source or 'no source'} ({article.language})"
            print(f"  {mark} {when:>10}  {source:<32} {display_path(Path(article.source_path))}")
            if at:
                print(f"  {'':4} {'':>10}  {article.title}")
    return OK
