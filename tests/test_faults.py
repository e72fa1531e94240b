"""Faults: a build killed or failing at any point leaves output/ the previous site, or (once
the next build has finished the interrupted switch) exactly the new one; never a mix."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest import commit as commit_module
from digest.cli import main
from tests.conftest import raw_article, write_site

# Runs `digest ARGS...` and kills itself at the N-th rename/replace of a path containing WHERE
# (the staging folder, the backup, the journal), or at the N-th file opened in the staging folder.
HOOK = """
import os, signal, sys
from digest.cli import main
where, n = sys.argv[1], int(sys.argv[2])
count = [0]
def hook(real):
    def call(*args, **kwargs):
        if any(where in str(a) for a in args[:2]):
            count[0] += 1
            if count[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call
os.replace, os.rename, os.open = hook(os.replace), hook(os.rename), hook(os.open)
sys.exit(main(sys.argv[3:]))
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _site(tmp_path: Path) -> Path:
    raws = {f"content/raw/{i:02}.txt": raw_article(f"Story number {i}", f"2025-03-{10 + i:02}",
                                                    posted=f"Posted March {10 + i}, 2025 9:00 am.")
            for i in range(8)}
    site = write_site(tmp_path / "site", raws)
    assert main(["build", "--site", str(site)]) == 0
    # the change under test: every page changes (the site's title), one story goes (stale files)
    text = (site / "site.yaml").read_text()
    (site / "site.yaml").write_text(text.replace("title: Test Digest", "title: Renamed Digest"))
    (site / "content/raw/03.txt").unlink()
    return site


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    """The site before the change (old output), and what an uninterrupted build makes of it."""
    base = tmp_path_factory.mktemp("faults")
    site = _site(base)
    old = _tree(site / "output")
    assert main(["build", "--site", str(site)]) == 0
    return base, old, _tree(site / "output")


def _copy(base: Path, tmp_path: Path) -> Path:
    """The site as it was before the change, with its change made (a fresh copy per kill)."""
    fresh = _site(tmp_path)
    return fresh


@pytest.mark.parametrize("where, n", [(".site.new-", 3), (".site.new-", 40),   # while rendering
                                      (".site.", 1), (".site.", 2), (".site.", 5),  # the journal, the first moves
                                      (".site.", 30), (".site.", 70)])                # deep in the switch
def test_a_kill_leaves_old_or_new_and_the_next_build_finishes(tmp_path, references, where, n):
    _, old, new = references
    site = _copy(tmp_path, tmp_path)
    (site / "output").rename(site / "site")  # the output folder is `site/` here: hook names are unique
    config = (site / "site.yaml").read_text()
    (site / "site.yaml").write_text(config + "output: site\n")
    proc = subprocess.run([sys.executable, "-c", HOOK, where, str(n), "build", "--site", str(site)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr  # killed where asked
    journal = commit_module.journal_path(site / "site").exists()
    now = _tree(site / "site")
    if not journal:
        assert now in (old, new)  # not yet switching, or done
    assert main(["build", "--site", str(site)]) == 0
    assert _tree(site / "site") == new
    assert not list(site.glob(".site.*"))  # no staging folder, backup or journal left


def test_an_error_during_the_switch_puts_every_old_file_back(tmp_path, references, monkeypatch, capsys):
    _, old, _ = references
    site = _copy(tmp_path, tmp_path)
    real = os.replace
    calls = [0]

    def full_disk(src, dst, *args, **kwargs):
        if ".output.new-" in str(src):
            calls[0] += 1
            if calls[0] == 10:
                raise OSError(errno.ENOSPC, "No space left on device", str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(commit_module.os, "replace", full_disk)
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert _tree(site / "output") == old
    assert len(err) == 1 and f"{site / 'output'}/" in err[0] and ".new-" not in err[0], err
    assert "No space left on device (the previous site is left as it was;" in err[0]
    assert not list(site.glob(".output.*"))
    monkeypatch.undo()
    assert main(["build", "--site", str(site)]) == 0


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Honest story")})
    assert main(["build", "--site", str(site)]) == 0
    for name in (".output.new-abc", ".output.old-abc"):
        (site / name / "2025").mkdir(parents=True)
        (site / name / "2025/page.html").write_text("half a site")
    assert main(["build", "--site", str(site)]) == 0  # nothing changed, and still cleaned
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".output")) == []
    shutil.rmtree(site / "output")


HOLDER = """
import sys
from pathlib import Path
from digest.state import site_lock
with site_lock(Path(sys.argv[1])):
    print("holding", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Honest story")})
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(site / ".digest")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        second = subprocess.Popen([sys.executable, "-m", "digest", "build", "--site", str(site)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = second.stderr.readline()
        assert said == f"another digest is building this site (pid {holder.pid}); waiting\n"
        assert second.poll() is None  # still waiting
        holder.stdin.close()
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert (site / "output/index.html").is_file()
    finally:
        holder.kill()
        holder.wait()


# Ingests with workers that note their pid and then wait forever; the second kills the build,
# as a user's kill -9 would.
KILLED_WITH_WORKERS = """
import os, signal, sys, threading
from pathlib import Path
from digest.cli import main
from digest.ingest import run
pids = Path(sys.argv[1])
run.PARALLEL_FROM = 2
os.cpu_count = lambda: 2  # two workers, whatever the machine
def stuck(*args):
    (pids / str(os.getpid())).write_text("")
    if len(list(pids.iterdir())) >= 2:  # both workers are in: the build is killed
        os.kill(os.getppid(), signal.SIGKILL)
    threading.Event().wait()
run._prepare_batch = stuck
main(sys.argv[2:])
"""


def test_workers_die_with_a_killed_build(tmp_path):
    import time

    raws = {f"content/raw/{i:02}.txt": raw_article(f"Story number {i}") for i in range(8)}
    site = write_site(tmp_path / "site", raws)
    pids = tmp_path / "pids"
    pids.mkdir()
    proc = subprocess.run([sys.executable, "-c", KILLED_WITH_WORKERS, str(pids), "build", "--site", str(site)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) >= 2
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[1][:3]]
    assert alive == [], f"workers {alive} outlived the build"


def test_pipes_sockets_and_deep_folders_in_raw_are_skipped_with_one_line_each(tmp_path):
    import socket

    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Honest story")})
    os.mkfifo(site / "content/raw/pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(site / "content/raw/sock.txt"))
    deep = str(site / "content/raw")
    for _ in range(1000):  # one folder at a time: mkdir(parents=True) itself recurses too deep
        deep += "/d"
        os.mkdir(deep)
    deep = Path(deep)
    (deep / "deep.txt").write_text(raw_article("Deep story", "2025-03-27", posted="Posted March 27, 2025 9:00 am.", body=[
        "HALIFAX — A storm cut power to 40,000 homes in Nova Scotia.", "Crews from New Brunswick were on their way."]))
    try:
        for command in ("build", "check"):
            proc = subprocess.run([sys.executable, "-m", "digest", command, "--site", str(site)],
                                  capture_output=True, text=True, timeout=120)  # a FIFO once hung here
            assert proc.returncode == 0, proc.stderr
            lines = [line for line in proc.stderr.splitlines() if "skipped" in line]
            assert sorted(line.split(":1:")[0].rsplit("/", 1)[-1] for line in lines) == ["pipe.txt", "sock.txt"]
            assert "Traceback" not in proc.stderr
        assert "Deep story" in (site / "output/index.html").read_text()
    finally:
        listener.close()
        os.unlink(deep / "deep.txt")
        for _ in range(1000):  # shutil.rmtree (and pytest's cleanup) would recurse too deep
            os.rmdir(deep)
            deep = deep.parent


ARTICLE = "---\ntitle: \"{title}\"\ndate: {date}\ntopic: trade\n{extra}---\nBody.\n"


def test_odd_but_legal_front_matter_gets_one_clear_line(tmp_path, run):
    site = write_site(tmp_path / "site", {
        "content/articles/9999/12/31-far.md": ARTICLE.format(title="Far", date="9999-12-31T23:00:00-04:00", extra=""),
        "content/articles/2025/03/28-con.md": ARTICLE.format(title="Con", date="2025-03-28T10:00:00-04:00",
                                                             extra="slug: con\n"),
        "content/articles/2025/03/29-long.md": ARTICLE.format(title="x" * 5000, date="2025-03-29T10:00:00-04:00",
                                                              extra=""),
    })
    code, _, err = run("build", "--site", str(site))
    assert code == 1
    lines = sorted(err.strip().splitlines())
    assert len(lines) == 3, lines
    assert "28-con.md:5: slug 'con' is a name Windows keeps for itself" in lines[0] and "(use con-1" in lines[0]
    assert "29-long.md:2: 'title' is 5,000 characters long; a headline has at most 1000" in lines[1]
    assert "31-far.md:3: 'date' 9999-12-31" in lines[2] and "too close to the year 1 or 9999" in lines[2]


def test_a_headline_that_slugs_to_a_reserved_name_gets_a_suffix(tmp_path, run):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Con")})
    assert run("build", "--site", str(site))[0] == 0
    assert (site / "output/2025/03/28/con-1/index.html").is_file()


def test_an_interrupted_ingest_gives_the_slugs_an_uninterrupted_one_gives(tmp_path):
    """Two stories of one day with one headline: the earlier posted has the plain slug. A run
    killed after a worker wrote the later one at the plain slug (workers write as they finish)
    must not let it keep that path: it was never recorded, never published."""
    raws = {"content/raw/a.txt": raw_article("Same headline", posted="Posted March 28, 2025 9:00 am."),
            "content/raw/b.txt": raw_article("Same headline", posted="Posted March 28, 2025 10:00 am.")}
    clean = write_site(tmp_path / "clean", raws)
    assert main(["ingest", "--site", str(clean)]) == 0
    articles = clean / "content/articles/2025/03"
    later = (articles / "28-same-headline-2.md").read_text()
    assert "content/raw/b.txt" in later
    site = write_site(tmp_path / "site", raws)
    (site / ".digest").mkdir()
    (site / ".digest/ingest.running").touch()  # the killed run's marker
    (site / "content/articles/2025/03").mkdir(parents=True)
    (site / "content/articles/2025/03/28-same-headline.md").write_text(
        later.replace("slug: same-headline-2", "slug: same-headline"))
    (site / "content/articles/2025/03/.28-same-headline.md.tmp").write_bytes(b"")
    assert main(["build", "--site", str(site)]) == 0
    got = sorted(p.name for p in (site / "content/articles/2025/03").iterdir())
    assert got == sorted(p.name for p in articles.iterdir())
    for name in got:
        assert (site / "content/articles/2025/03" / name).read_text() == (articles / name).read_text()


def test_a_full_disk_names_the_page_in_output_and_keeps_the_previous_site(tmp_path, references, monkeypatch, capsys):
    from digest import files

    _, old, _ = references
    site = _copy(tmp_path, tmp_path)
    real = os.write
    monkeypatch.setattr(files.os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space "
                        "left on device")) if len(data) > 200 else real(fd, data))
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    monkeypatch.undo()
    assert len(err) == 1, err
    assert err[0].startswith(f"{site / 'output'}/") and "cannot write the page: No space left on device" in err[0]
    assert _tree(site / "output") == old


def test_a_read_only_articles_folder_is_one_line_not_one_per_story(tmp_path, monkeypatch, capsys):
    from digest.ingest import run as ingest_run

    raws = {f"content/raw/{i:02}.txt": raw_article(f"Story number {i}") for i in range(12)}
    site = write_site(tmp_path / "site", raws)

    def refused(target, text):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(ingest_run, "_write_if_different", refused)
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the file: Permission denied; 11 more stories not written" in err[0], err


def _mount_tmpfs(mount: Path, size: int) -> bool:
    return os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                                                capture_output=True).returncode == 0


def test_a_real_full_disk_keeps_the_previous_site(tmp_path):
    """A tmpfs with room for the site once, not twice: the next full rebuild runs out of space."""
    raws = {f"content/raw/{i:02}.txt": raw_article(f"Story number {i}", f"2025-03-{10 + i % 18:02}",
                                                    body=[f"Paragraph {j} of story {i}. " * 20 for j in range(12)])
            for i in range(30)}
    site = write_site(tmp_path / "site", raws)
    assert main(["build", "--site", str(site)]) == 0
    used = sum(p.stat().st_blocks * 512 for p in (site / "output").rglob("*"))
    mount = tmp_path / "disk"
    mount.mkdir()
    if not _mount_tmpfs(mount, used * 3 // 2 // 4096 * 4096):
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        (site / "site.yaml").write_text((site / "site.yaml").read_text() + f"output: {mount}/output\n")
        proc = subprocess.run([sys.executable, "-m", "digest", "build", "--site", str(site)], capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stderr
        old = _tree(mount / "output")
        (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("title: Test Digest", "title: Renamed"))
        proc = subprocess.run([sys.executable, "-m", "digest", "build", "--site", str(site)], capture_output=True,
                              text=True)
        assert proc.returncode == 1
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "No space left on device" in lines[0] and f"{mount}/output/" in lines[0], lines
        assert _tree(mount / "output") == old
        assert sorted(p.name for p in mount.iterdir()) == ["output"]  # no staging folder left
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_custom_field_on_a_cold_build_of_300_articles(tmp_path, run):
    """The parallel parse (300 articles and more) brings each article's extra front matter back
    from its worker; `note:` once broke every cold build with a BrokenProcessPool traceback."""
    files = {f"content/articles/2025/{1 + i // 28:02}/{1 + i % 28:02}-story-{i}.md":
             ARTICLE.format(title=f"Story {i}", date=f"2025-{1 + i // 28:02}-{1 + i % 28:02}T10:00:00-04:00",
                            extra="note: hello\n" if i == 7 else "") for i in range(300)}
    site = write_site(tmp_path / "site", files)
    code, out, err = run("build", "--site", str(site), "--clean")
    assert code == 0 and "Traceback" not in err, err
    assert (site / "output/2025/01/08/story-7/index.html").is_file()


@pytest.mark.parametrize("n", [1, 4, 9])
def test_a_kill_during_ingest_is_finished_by_the_next_build_as_a_clean_run(tmp_path, n):
    raws = {f"content/raw/{i:02}.txt": raw_article("Same headline" if i < 4 else f"Story number {i}",
                                                    posted=f"Posted March 28, 2025 {1 + i}:00 am.")
            for i in range(12)}
    clean = write_site(tmp_path / "clean", raws)
    assert main(["build", "--site", str(clean)]) == 0
    site = write_site(tmp_path / "site", raws)
    proc = subprocess.run([sys.executable, "-c", HOOK, "/content/articles/", str(n), "build", "--site", str(site)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert main(["build", "--site", str(site)]) == 0
    for folder in ("content/articles", "output"):
        assert _tree(site / folder) == _tree(clean / folder), folder
