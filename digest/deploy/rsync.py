"""Deploy with the system's rsync to `host:path` (over ssh) or a local folder, for any web server.

rsync compares checksums, not times (a rebuilt page with the same bytes is not sent),
writes each file beside its old one and renames it into place, and puts every updated
file in place at the end (`--delay-updates`) before deleting what the site no longer has
(`--delete-after`). A dry run first counts the deletions, so the cap stops a deploy
before it changes anything.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from digest.config import SiteConfig, Target
from digest.deploy import DeployReport, Options, problem, too_many_deletes
from digest.deploy.files import LocalFile

_ARGS = ["--recursive", "--times", "--checksum", "--delete", "--delete-after", "--delay-updates",
         "--omit-dir-times", "--out-format=%i %n", "--protect-args"]


def deploy(config: SiteConfig, target: Target, folder: Path, files: list[LocalFile], cap: int, options: Options,
           report: DeployReport) -> None:
    rsync = shutil.which("rsync")
    if not rsync:
        raise problem(config, target, "rsync is not installed", "install it (apt install rsync, brew install rsync)")
    dest = target.url.removeprefix("rsync:")
    local = dest.startswith(("/", ".", "~")) or ":" not in dest.split("/")[0]
    if local:
        path = (config.root / Path(dest).expanduser()).resolve()
        if path == config.root or config.root in path.parents or path in config.root.parents:
            raise problem(config, target, f"{path} overlaps the site folder: a deploy would delete its sources",
                          "deploy to a folder outside the site")
        if not options.dry_run:
            path.mkdir(parents=True, exist_ok=True)
        dest = str(path) + "/"
    elif not dest.endswith((":", "/")):
        dest += "/"  # the folder itself, not a folder inside it (`host:` alone is the login's home)
    command = [rsync, *_ARGS, *(["--ignore-times"] if options.force else []), f"{folder}/", dest]
    missing = local and not Path(dest).is_dir()  # a dry run creates nothing, not even the folder
    sent, gone = ([f.rel for f in files], []) if missing else \
        _itemized(_run(config, target, [*command[:-2], "--dry-run", *command[-2:]]))
    sizes = {f.rel: f.size for f in files}
    if len(gone) > cap:
        raise too_many_deletes(config, target, len(gone), cap)
    report.changes = [f"upload {rel}" for rel in sent] + [f"delete {rel}" for rel in gone]
    report.unchanged = len(files) - len(sent)
    if not options.dry_run:
        sent, gone = _itemized(_run(config, target, command))
    report.uploaded, report.deleted = len(sent), len(gone)
    report.uploaded_bytes = sum(sizes.get(rel, 0) for rel in sent)


def _run(config: SiteConfig, target: Target, command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        said = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise problem(config, target, f"rsync failed: {said}", "check the destination, its permissions and "
                      "ssh access; deploy again to finish: files already sent stay")
    return done.stdout


def _itemized(out: str) -> tuple[list[str], list[str]]:
    """(files sent, files deleted) from rsync's itemized changes (`>f+++++++++ path`, `*deleting path`)."""
    sent, gone = [], []
    for line in out.splitlines():
        code, _, name = line.partition(" ")
        if code.startswith((">f", "<f")):
            sent.append(name)
        elif code == "*deleting" and not name.strip().endswith("/"):
            gone.append(name.strip())
    return sent, gone
