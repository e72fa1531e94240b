"""Render every page and bring the output folder up to date, touching only what changed.

Pages are rendered (on every core for large sites) into a staging folder next
to the output; only files whose bytes differ from what the output holds are
written there. Nothing in the output changes until every page has rendered:
then changed files are moved in, files no longer produced are removed, and a
manifest of what was written is kept in the site's state folder. A failed
render leaves the output byte-identical; unchanged files keep their mtime, so
rsync and CDNs see only what changed.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from digest.article import Picture
from digest.assemble import Site
from digest.commit import commit
from digest.errors import DigestError, Problem
from digest.files import BINARY, write_and_close
from digest.images import in_use
from digest.manifest import Manifest, load_manifest, save_manifest
from digest.output import inside
from digest.parallel import Progress, fork_is_safe, start_worker
from digest.render import Renderer, static_files, unique_problems
from digest.render_keys import page_key, site_key
from digest.themes import theme_dirs

PARALLEL_FROM = 600  # pages; below this a worker pool costs more than it saves
INDEX_BATCH = 125    # search index packs made by one job



@dataclass(frozen=True, slots=True)
class _Job:
    """What each render worker needs: inherited through fork, never pickled."""

    site: Site
    staging: Path
    target: Path
    manifest: Manifest
    shared_key: str  # what every page depends on (render_keys.site_key)
    compare_unrecorded: bool  # no record of the output (lost, or older digest): compare its files' bytes
    folders: set[str] = field(default_factory=set)  # made in staging (by this process)


def _kept(job: _Job, rel: str, key: str, data: bytes | None = None) -> tuple[int, int] | None:
    """(size, mtime_ns) of the output's file at `rel` if it may stay as it is: untouched since
    it was written (size and mtime as recorded) and rendered from exactly these inputs, or
    holding exactly `data`. Bytes are compared, not hashes: hashing every page of a full build
    costs more than reading the few whose inputs changed but whose text may not have."""
    known = job.manifest.get(rel)
    same_inputs = bool(known and key and known[2] == key)
    if not same_inputs and (data is None or not (known or job.compare_unrecorded)):
        return None
    path = f"{job.target}/{rel}"
    try:
        st = os.stat(path)
        if known and (st.st_size, st.st_mtime_ns) != (known[0], known[1]):
            return None  # changed since written: written again
        if not same_inputs:
            if data is None or st.st_size != len(data):
                return None
            with open(path, "rb") as fh:
                if fh.read() != data:
                    return None
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


Done = tuple[str, bool, str, int, int]  # output path, written now, key, size, mtime_ns


def _emit(job: _Job, rel: str, data: bytes, key: str = "") -> Done:
    kept = _kept(job, rel, "", data)
    if kept:
        return rel, False, key, *kept
    # paths as text, not Path objects: this runs for every file of the site
    path = f"{job.staging}/{inside(rel)}"
    folder = path.rpartition("/")[0]
    if folder not in job.folders:  # the staging folder starts empty: make each folder once
        try:
            os.mkdir(folder)  # its parent usually exists: one syscall, where makedirs takes two
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
        except FileExistsError:  # made by the other worker
            pass
        job.folders.add(folder)
    # as open() does, minus 3 syscalls
    write_and_close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, 0o666), data, path)
    st = os.stat(path)  # after close (network file systems set mtime then); moving keeps it
    return rel, True, key, st.st_size, st.st_mtime_ns


_WORKER: dict[str, object] = {}  # per worker process: its _Job and Renderer (set by _start_worker)


def _start_worker(job: _Job) -> None:
    """A render worker: a worker as parallel.py starts one (the site it inherited out of the
    collector's sight), with the job and its renderer."""
    start_worker()
    _WORKER["job"], _WORKER["renderer"] = job, Renderer.for_site(job.site)


def _render_range(bounds: tuple[int, int]) -> tuple[list[Done], list[Problem]]:
    job: _Job = _WORKER["job"]  # type: ignore[assignment]
    renderer: Renderer = _WORKER["renderer"]  # type: ignore[assignment]
    done: list[Done] = []
    problems: list[Problem] = []
    memo: dict[int, str] = {}
    for index in range(*bounds):
        page = job.site.pages[index]
        key = page_key(page, job.shared_key, memo)  # a match with the manifest: as rendered
        rel = page.output_path
        kept = _kept(job, rel, key)
        if kept:
            done.append((rel, False, key, *kept))  # not even rendered
            continue
        try:
            done.append(_emit(job, rel, renderer.render(page), key))
        except DigestError as exc:
            problems += exc.problems
    return done, problems


def _index_work(job: _Job) -> tuple[list[Done], list[list[int]]]:
    """The search index's files the output holds as made from their groups' keys, and the
    groups left to make, in batches (a chunk's buckets alone, packs by the hundred)."""
    index = job.site.search
    if index is None:
        return [], []
    folder = job.site.config.path_of("search")
    done: list[Done] = []
    chunks: list[list[int]] = []
    packs: list[int] = []
    for number, group in enumerate(index.groups):
        kept = [(rel, _kept(job, rel, group.key)) for rel in (folder + name for name in group.names)]
        if all(k for _, k in kept):
            done += [(rel, False, group.key, *k) for rel, k in kept if k]
        elif group.buckets:
            chunks.append([number])
        else:
            packs.append(number)
    return done, chunks + [packs[i: i + INDEX_BATCH] for i in range(0, len(packs), INDEX_BATCH)]


def _make_index(groups: list[int]) -> tuple[list[Done], list[Problem]]:
    job: _Job = _WORKER["job"]  # type: ignore[assignment]
    index = job.site.search
    assert index is not None
    folder = job.site.config.path_of("search")
    done = []
    for number in groups:
        group = index.groups[number]
        done += [_emit(job, folder + name, data, group.key) for name, data in group.make(index.topic_titles)]
    return done, []


def _render_all(job: _Job, progress: Progress | None = None) -> tuple[list[Done], list[Problem]]:
    """Every page, and the search index's files (see search.py)."""
    count = len(job.site.pages)
    kept, index_batches = _index_work(job)
    workers = min(os.cpu_count() or 1, 8)
    # workers inherit the site by fork, which only a single-threaded process may do (see
    # parallel.fork_is_safe): the preview, whose server and watcher are threads, renders here
    if count < PARALLEL_FROM or workers < 2 or not fork_is_safe():
        _WORKER["job"], _WORKER["renderer"] = job, Renderer.for_site(job.site)
        try:
            done, problems = _render_range((0, count))
            for batch in index_batches:
                done += _make_index(batch)[0]
        finally:
            _WORKER.clear()
        if progress:
            progress("render", count, count)
        return kept + done, problems
    step = -(-count // (workers * 40))  # small slices: a slow one cannot leave a core idle
    slices = [(i, min(i + step, count)) for i in range(0, count, step)]
    if progress:
        progress("render", 0, count)  # the rate counts from here
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (job,)) as pool:
        # the index's chunks take longest: they start first; then the slowest pages
        # (archives, sitemap) come last in the site: start with them, and end on
        # article pages, which all take about as long
        made = pool.map_async(_make_index, index_batches, chunksize=1)
        parts, pages = [], 0
        for (start, end), part in zip(slices[::-1], pool.imap(_render_range, slices[::-1], chunksize=1), strict=True):
            parts.append(part)
            pages += end - start
            if progress:
                progress("render", pages, count)
        parts.reverse()
        parts += made.get()
    return kept + [d for done, _ in parts for d in done], [p for _, problems in parts for p in problems]


def _picture_bytes(folder: Path, picture: Picture) -> bytes:
    """The picture's file, as it was when read for its name (a file changed since, or a link
    put in its place, would be published under a name that is not its bytes')."""
    path = folder / picture.file
    data = b"" if path.is_symlink() else path.read_bytes()
    if hashlib.sha256(data).hexdigest() != picture.digest:
        raise DigestError([Problem(path, 1, "the picture changed while the site was being built",
                                   "build again")])
    return data


def publish(site: Site, target: Path, inputs: str, clean: bool = False, content: str = "",
            progress: Progress | None = None, manifest: Manifest | None = None) -> tuple[int, int]:
    """Render `site` into `target`; return (files in the site, files written).

    `inputs` is the build key (inputs.build_key), kept with the manifest; `manifest` the
    record of `target`, if the caller read it already (with the site's lock held since).
    With `clean` nothing recorded is trusted: every page is rendered and written.
    """
    config = site.config
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    # nothing to compare with when the output is gone (or distrusted): skip a stat per file
    if clean or not target.exists():
        manifest = {}
    elif manifest is None:
        manifest = load_manifest(config, target)[0]
    compare_unrecorded = not manifest and not clean and target.exists()
    try:
        # pages' keys are taken as they render, and recorded even with nothing
        # to compare them with yet: the next build will have
        renderer = Renderer.for_site(site)
        theme_files = [d / sub for d in theme_dirs(config) for sub in ("templates", "i18n")]
        job = _Job(site, staging, target, manifest, site_key(site, theme_files, renderer.view, renderer.topics),
                   compare_unrecorded)
        done, problems = _render_all(job, progress)
        if problems:
            raise DigestError(unique_problems(problems))
        for rel, source in static_files(config):
            done.append(_emit(job, rel, source.read_bytes()))
        for picture in in_use(site.articles, site.pictures):  # named by their bytes' digest
            kept = _kept(job, picture.src, picture.digest)
            done.append((picture.src, False, picture.digest, *kept) if kept else
                        _emit(job, picture.src, _picture_bytes(config.images_dir, picture), picture.digest))
        commit(staging, target, [d[0] for d in done if d[1]], {d[0] for d in done})
    except OSError as exc:  # writing a page: named where it was going, not in the hidden staging folder
        shutil.rmtree(staging, ignore_errors=True)
        name = exc.filename if isinstance(exc.filename, str) else str(staging)
        shown = target / os.path.relpath(name, staging) if name.startswith(str(staging)) else Path(name)
        raise DigestError([Problem(shown, 1, f"cannot write the page: {exc.strerror or exc}",
                                   "the previous site is left as it was; check that the disk has room")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    save_manifest(config, target, done, inputs, content)
    return len(done), sum(1 for d in done if d[1])
