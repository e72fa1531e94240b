"""`digest ingest`: every new or changed raw file becomes content/articles/YYYY/MM/DD-slug.md.

What ingest wrote is recorded in .digest/ingest.json (raw file identity and
hash, Markdown path and hash), so that a second run writes nothing, a changed
raw file updates its Markdown, and a Markdown file the curator edited is never
overwritten.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from digest import frontmatter, walk
from digest.config import SiteConfig
from digest.errors import Problem
from digest.files import BINARY, read_with_stat, write_and_close
from digest.inputs import is_racy
from digest.parallel import Progress, map_batches
from digest.scan import FileStat, markdown_files, markdown_paths
from digest.state import INGEST_RECORD, INGEST_RUNNING, ignored, write_atomic

if TYPE_CHECKING:  # the parsing modules load when a raw file needs reading, not on every build
    from digest.ingest.classify import Classifier
    from digest.ingest.learn import TopicModel
    from digest.ingest.stories import Seen
    from digest.ingest.story import PendingArticle

_Outcome = tuple[str, tuple[int, int], str, "PendingArticle | None", list[Problem], bool]
RECORD_VERSION = 4  # bump when ingest's output for the same raw file changes: every story is read again


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did: files written, counts, and every problem seen."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Editors' backups and swap files sit beside the raw files; they are not stories.
_NOT_RAW = re.compile(r"^[.#]|~$|\.(?:swp|swo|swx|tmp|bak|orig|part|crdownload)$", re.I)


def raw_files(config: SiteConfig, problems: list[Problem] | None = None) -> list[tuple[str, int, int]]:
    """Every raw article under content/raw/ as (path relative to the site, size, mtime_ns):
    hidden files, editor backups and links left out, special files and unreadable folders a
    warning in `problems`. One stat per file: this runs on every build."""
    found: list[tuple[str, int, int]] = []
    prefix = len(str(config.root)) + 1
    odd: list[str] = []
    for entry in walk.files(config.raw_dir, odd):
        if not _NOT_RAW.search(entry.name):
            try:
                st = entry.stat()
            except OSError:  # deleted since the folder was listed
                continue
            found.append((entry.path[prefix:].replace(os.sep, "/"), st.st_size, st.st_mtime_ns))
    if problems is not None:
        problems += [Problem(Path(path), 1, "skipped: not a file digest can read (a pipe, socket, device, or "
                             "a folder it may not open)", "remove it from content/raw/", warning=True) for path in odd]
    return sorted(found)


def unread(config: SiteConfig) -> list[str]:
    """Raw files new or changed since ingest last read them, or whose Markdown is gone: what
    the next build would ingest. Reads, never writes."""
    record = _load_record(config, [])
    entries: dict[str, dict] = record["files"]
    found = raw_files(config)
    articles = str(config.articles_dir)

    def read_again(rel: str, size: int, mtime: int) -> bool:
        entry = entries.get(rel)
        if not entry or entry["size"] != size or not os.path.isfile(os.path.join(articles, entry["md"])):
            return True
        if entry["mtime"] == mtime:
            return False
        try:  # touched, or saved too recently for its time to be trusted: its bytes tell
            return _sha((config.root / rel).read_bytes()) != entry["sha"]
        except OSError:
            return True
    return [rel for rel, size, mtime in found if read_again(rel, size, mtime)]


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, kept by Python as lone surrogates
        return False
    return True


def import_files(config: SiteConfig, files: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Files named on the command line: those outside content/raw/ are copied there first."""
    chosen, problems = [], []
    raw_dir = config.raw_dir.resolve()
    for given in files:
        path = given.resolve()
        if not path.is_file():
            problems.append(Problem(given, 1, "no such file", "check the path"))
            continue
        if not path.is_relative_to(raw_dir):
            raw_dir.mkdir(parents=True, exist_ok=True)
            target = raw_dir / path.name
            if target.exists() and target.read_bytes() != path.read_bytes():
                problems.append(Problem(given, 1, f"content/raw/{path.name} exists with other text",
                                        "rename the file before ingesting it"))
                continue
            shutil.copyfile(path, target)
            path = target
        chosen.append(path)
    return chosen, problems


def ingest(config: SiteConfig, only: list[Path] | None = None, trust_stat: bool = True,
           dry_run: bool = False, articles: list[FileStat] | None = None,
           progress: Progress | None = None) -> IngestResult:
    """Bring content/articles/ up to date with content/raw/ (or with the files in `only`).

    With `trust_stat` a raw file whose size and mtime match the record is not
    even read; without it every file is hashed again (`build --clean`).
    With `dry_run` (`digest check`) files are parsed and problems reported, nothing written.
    `articles` is a scan of content/articles/ already taken (the build's), if any.
    """
    result = IngestResult()
    record = _load_record(config, result.problems)
    entries: dict[str, dict] = record["files"]
    if only is None:
        selected = raw_files(config, result.problems)
    else:
        selected = [(p.relative_to(config.root).as_posix(), st.st_size, st.st_mtime_ns)
                    for p in only for st in [p.stat()]]
    markdown = markdown_paths(config.articles_dir, articles)
    todo: list[tuple[str, str | None, bool]] = []
    for rel, size, mtime in selected:
        if not _is_utf8(rel):
            result.problems.append(Problem(config.root / rel, 1, "the file name is not UTF-8 text",
                                           "rename it with letters, digits and dashes"))
            continue
        entry = entries.get(rel)
        known = entry["sha"] if entry and entry["md"] in markdown else None
        if trust_stat and entry and known and entry["size"] == size and entry["mtime"] == mtime:
            result.unchanged += 1
            if dry_run:  # `digest check` lists what ingest said about every story, not only new ones
                result.problems += _stored_warnings(config, rel, entry)
            continue
        todo.append((rel, known, entry is None))
    marker = config.state_dir / INGEST_RUNNING
    recovering = marker.exists()  # the last run stopped while writing
    if not todo and not recovering:
        return result  # every raw file is as recorded: nothing to read or write
    taken = _taken_paths(markdown, entries)
    occupied = None
    if not dry_run:
        config.state_dir.mkdir(parents=True, exist_ok=True)
        marker.touch()
        if not recovering and None not in taken.values() and all(fresh for _, _, fresh in todo):
            # only new stories, and no Markdown of unknown origin: workers may write to free paths
            occupied = frozenset(taken)
    direct: list[tuple[PendingArticle, tuple[int, int], str]] = []
    pending: list[tuple[PendingArticle, tuple[int, int], str]] = []
    warned: dict[str, list[Problem]] = {}
    model = _topic_model(config, articles, result.problems) if todo else None
    for rel, identity, sha, article, problems, wrote in _prepare_all(config, todo, occupied, model, progress):
        result.problems.extend(problems)
        if article:  # read again: what it says now replaces what it said before
            # remarks for the curator (a topic filed for want of evidence) are `digest check`'s to list
            remarks = [Problem(config.root / rel, 1, remark, "set `topic:` in its Markdown file, or add "
                               "keywords to a topic in site.yaml", warning=True) for remark in article.remarks]
            result.problems += remarks if dry_run else []
            warned[rel] = [p for p in problems if p.warning] + remarks
            (direct if wrote else pending).append((article, identity, sha))
        elif sha and not problems:  # touched, not changed
            entries[rel].update(size=identity[0], mtime=identity[1])
            result.unchanged += 1
            if dry_run:
                result.problems += _stored_warnings(config, rel, entries[rel])
    if dry_run:
        pending.sort(key=lambda d: d[0].sort_key)
        return result
    direct, pending, seen = _group(config, direct, pending, entries, articles, result.problems)
    pending = _settle_direct(config, direct, pending, entries, taken, result)
    pending.sort(key=lambda d: d[0].sort_key)
    if recovering:
        _release_unfinished(config, [article for article, _, _ in pending], taken)
    claims = _Claims(config, taken)
    for index, (article, identity, sha) in enumerate(pending):
        try:
            _write(config, article, identity, sha, entries, taken, claims, recovering, result)
        except _NoMoreWrites as stop:  # no room or no permission: every other story would say the same
            left = len(pending) - index - 1
            result.problems.append(dataclasses.replace(stop.problem, message=stop.problem.message + (
                f"; {left} more stories not written" if left else "")))
            break
    for rel, warnings in warned.items():
        if rel in entries:
            entries[rel]["warnings"] = [[w.line, w.message, w.hint] for w in warnings]
    _save_record(config, record)
    _save_stories(config, [a for a, _, _ in direct + pending], entries, seen, set(result.written))
    marker.unlink()
    return result


def _group(config: SiteConfig, direct: list, pending: list, entries: dict[str, dict],
           articles: list[FileStat] | None, problems: list[Problem]) -> tuple[list, list, Seen | None]:
    """Give each article read now its story (see stories.py); what was read on the way."""
    from digest.ingest import stories

    new = [item[0] for item in direct + pending]
    if not new:
        return direct, pending, None
    old = {a.raw: entries[a.raw]["md"] if a.raw in entries else None for a in new}
    scan = articles if articles is not None else markdown_files(config.articles_dir)
    folder = str(config.articles_dir)  # joined as strings: pathlib costs more than the rest of this for 10,000
    # the workers' files are the new articles, not ones to compare them with
    written_now = frozenset(os.path.join(folder, *item[0].relpath(item[0].slug).split("/")) for item in direct)
    chosen, seen = stories.assign(config, new, old, scan, problems, written_now)

    def placed(items: list) -> list:
        return [(_kept(config, a if a.story == chosen[a.raw] else dataclasses.replace(a, story=chosen[a.raw]),
                       old[a.raw], entries.get(a.raw)), *rest) for a, *rest in items]
    return placed(direct), placed(pending), seen


def _kept(config: SiteConfig, article: PendingArticle, old_md: str | None, entry: dict | None) -> PendingArticle:
    """`article` with what its earlier file (a raw file read again) had and must keep: its
    permanent id (its URL, which feeds used as its id, for a file from before ids) and the
    paths it was published at, to which its URL is added when the story moves. Its file
    deleted (to ingest it again), the record still knows the id and the paths."""
    from digest.ingest.grouping import field_text

    if not old_md:
        return article
    day = dt.date(*map(int, article.day.split("/")))
    try:
        text = (config.articles_dir / old_md).read_text(encoding="utf-8", errors="replace")
    except OSError:
        if not entry or not entry.get("id"):
            return article
        url = config.article_url(day, article.slug)
        paths = [_url_of_path(config, rel) for rel in (*entry.get("moved_from", ()), entry["md"])]
        paths += entry.get("aliases", [])  # the addresses the build found it had left (moves.py)
        return dataclasses.replace(article, id=entry["id"],
                                   aliases=tuple(dict.fromkeys(p for p in paths if p and p != url)))
    old_url = _url_of(config, frontmatter.field(text, "date"), frontmatter.field(text, "slug"))
    aliases = [a for a in frontmatter.field(text, "aliases") or () if isinstance(a, str)]
    url = config.article_url(day, _slug_of(old_md))  # a published story keeps its slug (see _write)
    if old_url and old_url != url and old_url not in aliases:
        aliases.append(old_url)
    kept_id = field_text(frontmatter.field(text, "id")) or (config.base_url + old_url if old_url else None)
    return dataclasses.replace(article, id=kept_id or article.own_id, aliases=tuple(a for a in aliases if a != url))


_INGEST_PATH = re.compile(r"(\d{4})/(\d{2})/(\d{2})-([a-z0-9-]+)\.md")


def _url_of_path(config: SiteConfig, rel: str) -> str | None:
    """An article's path from its Markdown file's (`2025/03/28-slug.md`), as ingest names it."""
    match = _INGEST_PATH.fullmatch(rel)
    try:
        return config.article_url(dt.date(int(match[1]), int(match[2]), int(match[3])), match[4]) if match else None
    except ValueError:  # the record is anyone's file: 2025/13/45 is no day
        return None


def _url_of(config: SiteConfig, date: object, slug: object) -> str | None:
    """An article's path from its front matter's date and slug, as the build makes it."""
    if isinstance(date, str):
        try:
            date = dt.datetime.fromisoformat(date.strip())
        except ValueError:
            return None
    if not isinstance(date, dt.date) or not isinstance(slug, str):
        return None
    if isinstance(date, dt.datetime):
        date = (date if date.tzinfo else date.replace(tzinfo=config.zone)).astimezone(config.zone)
    return config.article_url(date, slug)


def _save_stories(config: SiteConfig, articles: list[PendingArticle], entries: dict[str, dict],
                  seen: Seen | None, written: set[Path]) -> None:
    """Index what grouping read and the articles written now (not a curator's file kept instead)."""
    from digest.ingest import stories

    if seen is not None:
        folder = str(config.articles_dir)  # joined as strings: a Path for each of 10,000 costs more than the rest
        done = {str(path) for path in written}
        stories.save(config, seen, [(entries[a.raw]["md"], a.story, a.features, entries[a.raw]["md_sha"]) for a in articles
                                     if a.raw in entries and os.path.join(folder, *entries[a.raw]["md"].split("/")) in done])


def _settle_direct(config: SiteConfig, direct: list, pending: list, entries: dict[str, dict],
                   taken: dict[str, str | None], result: IngestResult) -> list:
    """Record the stories workers wrote themselves. Where two new stories wanted one path,
    the earlier posted owns it whichever worker wrote first; the other joins `pending`
    and gets the next number like any collision."""
    wanting: dict[str, list] = {}
    for item in pending:
        wanting.setdefault(item[0].relpath(item[0].slug), []).append(item)
    folder = config.articles_dir
    for item in direct:
        article = item[0]
        rel = article.relpath(article.slug)
        owner = min([item, *wanting.get(rel, [])], key=lambda d: d[0].sort_key)
        if owner is not item:
            pending.remove(owner)
            pending.append(item)
        text = owner[0].text(owner[0].slug)
        if owner is not item or article.text(article.slug) != article.wanted_text:  # the worker wrote another
            target = folder / rel
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(text)
            os.replace(tmp, target)
        taken[rel] = owner[0].raw
        entries[owner[0].raw] = {"size": owner[1][0], "mtime": owner[1][1], "sha": owner[2],
                                 "md": rel, "md_sha": _sha(text), "id": owner[0].id or owner[0].own_id}
        result.written.append(folder / rel)
    return pending


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def _topic_model(config: SiteConfig, articles: list[FileStat] | None, problems: list[Problem]) -> TopicModel | None:
    """The model the site's own stories train (none while there are too few of them)."""
    from digest.ingest.learn import site_model

    files = articles if articles is not None else markdown_files(config.articles_dir)
    return site_model(config.articles_dir, config.state_dir, {t.slug for t in config.topics},
                      config.default_topic, files, problems)


def _prepare_all(config: SiteConfig, files: list[tuple[str, str | None, bool]],
                 occupied: frozenset[str] | None, model: TopicModel | None = None,
                 progress: Progress | None = None) -> list[_Outcome]:
    """Read, hash, parse and classify raw files, on every core when there are many."""
    if len(files) < PARALLEL_FROM:
        occupied = None  # few files: the main process writes them
    return map_batches(_prepare_batch, files, PARALLEL_FROM, config, occupied, model, progress=progress,
                       stage="ingest")


def _prepare_batch(config: SiteConfig, occupied: frozenset[str] | None, model: TopicModel | None,
                   files: list[tuple[str, str | None, bool]]) -> list[_Outcome]:
    from digest.ingest.classify import Classifier

    classifier = Classifier.from_config(config, model)
    return [_prepare(config, classifier, rel, known, occupied if fresh else None)
            for rel, known, fresh in files]


def _prepare(config: SiteConfig, classifier: Classifier, rel: str, known_sha: str | None,
             occupied: frozenset[str] | None) -> _Outcome:
    """(rel, (size, mtime), sha, draft or None, problems, written here); no draft when the bytes
    are as recorded. A new story whose path is free is written here, in parallel: writing
    ten thousand files one after another costs more than parsing them."""
    from digest.ingest.story import draft
    from digest.ingest.wire import RawError, parse

    path = config.root / rel
    try:
        stat, data = read_with_stat(str(path))
    except OSError as exc:
        return rel, (0, 0), "", None, [Problem(path, 1, f"cannot read the file: {exc.strerror}")], False
    identity, sha = (stat.st_size, stat.st_mtime_ns), _sha(data)
    if sha == known_sha:
        return rel, identity, sha, None, [], False
    try:
        story = parse(path, data, config.zone)
    except RawError as exc:
        return rel, identity, sha, None, [exc.problem], False
    article = draft(story, rel, classifier, config.language, config.base_url)
    try:
        target = config.articles_dir / article.relpath(article.slug)
        wrote = occupied is not None and article.relpath(article.slug) not in occupied and \
            walk.counts(str(target), config.articles_dir) and _create(target, article.wanted_text)
    except OSError:
        wrote = False  # the main process tries again, and says what is wrong (_write)
    return rel, identity, sha, article, list(story.warnings), wrote


def _create(target: Path, text: bytes) -> bool:
    """Write a new file; False if the path is taken (by another story of this run)."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o666)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        return _create(target, text)
    except FileExistsError:
        return False
    write_and_close(fd, text, target)
    return True


def _taken_paths(markdown: set[str], entries: dict[str, dict]) -> dict[str, str | None]:
    """Every Markdown path in use, with the raw file that owns it (None: the curator's own)."""
    owners: dict[str, str | None] = dict.fromkeys(markdown)
    for raw, entry in entries.items():
        if entry["md"] in owners:
            owners[entry["md"]] = raw
    for raw, entry in entries.items():  # a moved story's old paths: its aliases redirect from there
        for rel in entry.get("moved_from", ()):
            owners.setdefault(rel, raw)
    return owners


_STOPPERS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


class _NoMoreWrites(Exception):
    """A write failed for a reason every other write shares (no room, no permission)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(slots=True)
class _Claims:
    """Which unrecorded Markdown file names which raw file (its `raw:` field), read only when needed:
    after a fresh clone, a lost record, or a curator renaming a file."""

    config: SiteConfig
    taken: dict[str, str | None]
    by_raw: dict[str, str] | None = None

    def of(self, raw: str) -> str | None:
        if self.by_raw is None:
            self.by_raw = {}
            for rel, owner in self.taken.items():
                if owner is None:
                    claimed = _raw_field(self.config.articles_dir / rel)
                    if claimed:
                        self.by_raw.setdefault(claimed, rel)
        return self.by_raw.get(raw)


_KEPT_LINES = re.compile(rb"(?m)^(?:id|aliases): .*\n")
_RECORDED_ID = re.compile(r"[^\s\"\\]{1,500}")  # written into front matter: one quoted line


def _write(config: SiteConfig, article: PendingArticle, identity: tuple[int, int], sha: str,
           entries: dict[str, dict], taken: dict[str, str | None], claims: _Claims,
           recovering: bool, result: IngestResult) -> None:
    entry = entries.get(article.raw)
    old_md = entry["md"] if entry else None
    if old_md and not (config.articles_dir / old_md).is_file():
        old_md = None  # deleted (ingest it again) or renamed (found below)
    if old_md is None and (found := claims.of(article.raw)):
        # The curator's copy of this story under another name: keep it, never write a twin.
        data = (config.articles_dir / found).read_bytes()
        # the id and aliases a run interrupted mid-move had carried over from the file it removed
        identical = _KEPT_LINES.sub(b"", data) == _KEPT_LINES.sub(b"", article.text(_slug_of(found)))
        entries[article.raw] = {"size": identity[0], "mtime": identity[1], "sha": sha, "md": found,
                                "md_sha": _sha(data) if identical else ""}
        taken[found] = article.raw
        if not identical:
            result.problems.append(Problem(config.articles_dir / found, 1,
                                           f"not updated from {article.raw}: it may hold the curator's edits",
                                           "delete it to ingest the raw file again", warning=True))
        result.unchanged += 1
        return
    if old_md and entry and _edited(config, old_md, entry):
        result.problems.append(Problem(config.articles_dir / old_md, 1,
                                       f"not updated from {article.raw}: the curator edited it",
                                       "delete the Markdown file to ingest the raw file again",
                                       warning=True))
        return
    # A published story keeps its URL: a corrected headline does not change the slug.
    rel = _free_path(config, article, _slug_of(old_md) if old_md else article.slug, taken, recovering)
    text = article.text(_slug_of(rel))
    target = config.articles_dir / rel
    if not walk.counts(str(target), config.articles_dir):  # never through a link out of the site
        result.problems.append(Problem(target, 1, "a link or hidden folder stands on this path; links are not "
                                       "part of the site", "replace the link with a folder"))
        return
    try:
        changed = _write_if_different(target, text)
    except OSError as exc:  # a file where a folder should be, a full disk, no permission
        problem = Problem(target, 1, f"cannot write the file: {exc.strerror or exc}",
                          "check that content/articles/ and the folders in it are folders you can "
                          "write to, and that the disk has room")
        if exc.errno in _STOPPERS:
            raise _NoMoreWrites(problem) from None
        result.problems.append(problem)
        return
    if changed:
        result.written.append(target)
    else:
        result.unchanged += 1
    if old_md and old_md != rel and walk.counts(str(config.articles_dir / old_md), config.articles_dir):
        (config.articles_dir / old_md).unlink(missing_ok=True)  # the date moved the story to another day
        taken[old_md] = article.raw  # held: its URL is now this story's alias
        result.removed.append(config.articles_dir / old_md)
    taken[rel] = article.raw
    moved_from = [m for m in (entry or {}).get("moved_from", ()) if m != rel]
    if old_md and old_md != rel and old_md not in moved_from:
        moved_from.append(old_md)
    entries[article.raw] = {"size": identity[0], "mtime": identity[1], "sha": sha, "md": rel, "md_sha": _sha(text),
                            "id": article.id or article.own_id, **({"moved_from": moved_from} if moved_from else {}),
                            **({"aliases": entry["aliases"]} if entry and entry.get("aliases") else {})}


def _write_if_different(target: Path, text: bytes) -> bool:
    """Write `text` unless the file already holds it. A new file is written in place
    (nothing to protect, and a rename per file triples the time of a large ingest;
    an interrupted run is recovered, see `_free_path`); an existing one is replaced
    atomically, so a reader never sees half of it."""
    if _create(target, text):
        return True
    if target.read_bytes() == text:
        return False
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(text)
    os.replace(tmp, target)
    return True


def _edited(config: SiteConfig, md: str, entry: dict) -> bool:
    return _sha((config.articles_dir / md).read_bytes()) != entry["md_sha"]


def _release_unfinished(config: SiteConfig, pending: list[PendingArticle], taken: dict[str, str | None]) -> None:
    """After an interrupted run: the Markdown it wrote but never recorded is removed, so that
    this run gives every story the path an uninterrupted run gives (in posting order), not the
    one the killed run's workers happened to write first; so are its half-written temporary
    files. Only a file holding exactly what ingest writes for one of these stories (or the
    start of it) goes: a curator's file never does."""
    for article in pending:
        for n in range(1, len(pending) + 2):
            slug = article.slug if n == 1 else f"{article.slug}-{n}"
            rel = article.relpath(slug)
            if taken.get(rel, "") is not None:
                continue  # free, or recorded as some raw file's
            path = config.articles_dir / rel
            try:
                data = path.read_bytes()
                if any(text.startswith(data) for text in article.texts(slug)):
                    path.unlink()
                    del taken[rel]
            except OSError:
                continue
    for folder in {(config.articles_dir / a.relpath(a.slug)).parent for a in pending}:
        for leftover in folder.glob(".*.md.tmp"):
            leftover.unlink(missing_ok=True)


def _free_path(config: SiteConfig, article: PendingArticle, wanted: str, taken: dict[str, str | None],
               recovering: bool) -> str:
    """The first of wanted, wanted-2, wanted-3 ... that is free or already this raw file's.

    After an interrupted run, a file that holds the start of what this story
    would write is this story's, cut short: it is written again.
    """
    n = 1
    while True:
        slug = wanted if n == 1 else f"{wanted}-{n}"
        rel = article.relpath(slug)
        if rel not in taken or taken[rel] == article.raw:
            return rel
        if taken[rel] is None and recovering and \
                any(text.startswith((config.articles_dir / rel).read_bytes()) for text in article.texts(slug)):
            return rel
        n += 1


def _raw_field(path: Path) -> str | None:
    with open(path, encoding="utf-8", errors="replace") as fh:
        value = frontmatter.field(fh.read(4096), "raw")
    return value if isinstance(value, str) else None


def _slug_of(rel: str) -> str:
    return rel.rsplit("/", 1)[-1][3:-3]


def _record_path(config: SiteConfig) -> Path:
    return config.state_dir / INGEST_RECORD


def _load_record(config: SiteConfig, problems: list[Problem]) -> dict:
    """The record of the last run; one of an older digest keeps which Markdown file is whose
    (and its hash, so an edited one is still never overwritten) but has every raw file read again.
    One that is not a record (corrupt, foreign, or naming files outside content/articles/) is
    a warning, and every raw file is read again as if there were none."""
    path = _record_path(config)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {"version": RECORD_VERSION, "files": {}}
    except UnicodeDecodeError:
        text = ""
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        record = None
    files = record.get("files") if isinstance(record, dict) else None
    if isinstance(record, dict) and isinstance(files, dict) and all(_valid_entry(e) for e in files.values()):
        if record.get("version") != RECORD_VERSION:
            for entry in files.values():
                entry["sha"] = ""
            record["version"] = RECORD_VERSION
        return record
    problems.append(ignored(path, "not an ingest record this digest wrote"))
    return {"version": RECORD_VERSION, "files": {}}


def _stored_warnings(config: SiteConfig, rel: str, entry: dict) -> list[Problem]:
    stored = entry.get("warnings")
    if not isinstance(stored, list):
        return []
    return [Problem(config.root / rel, w[0], w[1], w[2], warning=True) for w in stored
            if isinstance(w, list) and len(w) == 3 and isinstance(w[0], int) and all(isinstance(x, str) for x in w[1:])]


def note_aliases(config: SiteConfig, changes: list[tuple[str, str, str, str]]) -> None:
    """Old addresses the build wrote into Markdown files, as (file under content/articles/,
    its hash before, after, the address): a file ingest wrote stays ingest's (the
    curator's edits alone stop ingest from updating it), and the record keeps the address
    for a file deleted to be ingested again."""
    record = _load_record(config, [])
    by_md = {entry["md"]: entry for entry in record["files"].values()}
    for md, before, after, alias in changes:
        entry = by_md.get(md)
        if entry is None:
            continue
        if entry["md_sha"] == before:
            entry["md_sha"] = after
        if alias not in entry.setdefault("aliases", []):
            entry["aliases"].append(alias)
    _save_record(config, record)


def _valid_entry(entry: object) -> bool:
    aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() == a and "\n" not in a
                                                for a in aliases):
        return False
    moved = entry.get("moved_from", []) if isinstance(entry, dict) else None
    return isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("sha", "md", "md_sha")) \
        and all(type(entry.get(k)) is int for k in ("size", "mtime")) and _confined_markdown(entry["md"]) \
        and isinstance(moved, list) and all(isinstance(m, str) and _confined_markdown(m) for m in moved) \
        and _RECORDED_ID.fullmatch(entry.get("id", "-") if isinstance(entry.get("id", "-"), str) else "") is not None


def _confined_markdown(rel: str) -> bool:
    """A Markdown file inside content/articles/ (`2025/03/28-slug.md`): the record names files
    ingest may overwrite and remove, so none may lead anywhere else."""
    # in string tests (a record names thousands): no empty part, none the walks skip (.name)
    return rel.endswith(".md") and "\\" not in rel and "\0" not in rel and not rel.startswith(("/", ".")) \
        and "//" not in rel and "/." not in rel


def _save_record(config: SiteConfig, record: dict) -> None:
    now = time.time_ns()
    for entry in record["files"].values():
        if is_racy(entry["mtime"], now):
            entry["mtime"] = -1  # too fresh to trust: the next run compares the hash instead
    write_atomic(_record_path(config), json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8"))

