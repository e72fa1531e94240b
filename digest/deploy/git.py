"""Deploy to a git branch (GitHub Pages' gh-pages, or any branch of any repository).

`git:BRANCH` commits onto BRANCH of the site's own repository (as ghp-import does) and
pushes it to the repository's `origin` when it has one (as MkDocs' gh-deploy does);
`git:REMOTE#BRANCH` commits onto BRANCH of REMOTE (a URL, a path or a remote's name)
and pushes there. The commit is made with git's plumbing and a private index, so the
curator's checkout and index are never touched; the branch keeps its history, one commit
per deploy, and a deploy with nothing changed makes none. `.nojekyll` (and `CNAME` from
`cname:`) are added as GitHub Pages expects.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from digest.config import SiteConfig, Target
from digest.deploy import DeployReport, Options, problem, too_many_deletes
from digest.deploy.files import LocalFile

# never run a transport that is a program (`ext::`), whatever the user's git config says
_SAFE = ["-c", "protocol.ext.allow=never", "-c", "core.autocrlf=false", "-c", "core.safecrlf=false"]


def deploy(config: SiteConfig, target: Target, folder: Path, files: list[LocalFile], cap: int, options: Options,
           report: DeployReport) -> None:
    if not shutil.which("git"):
        raise problem(config, target, "git is not installed", "install git (apt install git, brew install git)")
    rest = target.url.removeprefix("git:")
    remote, _, branch = rest.rpartition("#") if "#" in rest else ("", "", rest)
    state = config.state_dir / "deploy" / "git"
    state.mkdir(parents=True, exist_ok=True)
    run = _Runner(config, target)
    if remote:
        repo = state / f"{_safe_name(target.name)}.git"  # a private bare repository: only objects pass through it
        if not repo.is_dir():
            run(["init", "--bare", "--quiet", str(repo)], cwd=state)
        if remote in run(["remote"], cwd=config.root, check=False).split():
            remote = run(["remote", "get-url", remote], cwd=config.root).strip()
        elif "://" not in remote and ":" not in remote.split("/")[0]:
            remote = str((config.root / remote).resolve())  # a path: relative to the site folder
        push_to: str | None = remote
    else:
        top = run(["rev-parse", "--show-toplevel"], cwd=config.root, check=False).strip()
        if not top:
            raise problem(config, target, f"{config.root} is not in a git repository",
                          "run git init there, or deploy to git:REMOTE#BRANCH")
        repo = Path(run(["rev-parse", "--absolute-git-dir"], cwd=config.root).strip())
        push_to = "origin" if "origin" in run(["remote"], cwd=config.root).split() else None
    git = ["--git-dir", str(repo)]
    ref = f"refs/heads/{branch}"
    if remote:  # what the remote has now: the new commit follows it
        if run([*git, "ls-remote", "--heads", remote, ref], cwd=state).strip():
            run([*git, "fetch", "--quiet", "--no-tags", remote, f"+{ref}:{ref}"], cwd=state)
    parent = run([*git, "rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd=state, check=False).strip()
    index = state / f"{_safe_name(target.name)}.index"  # kept between deploys: git re-reads only changed files
    env = {"GIT_INDEX_FILE": str(index), "GIT_WORK_TREE": str(folder)}
    run([*git, "add", "--all", "--force", "."], cwd=folder, env=env)
    for name, text in ((".nojekyll", ""), ("CNAME", target.cname + "\n" if target.cname else None)):
        if text is None:
            run([*git, "rm", "--cached", "--quiet", "--ignore-unmatch", name], cwd=folder, env=env)
            continue
        blob = run([*git, "hash-object", "-w", "--stdin"], cwd=state, stdin=text).strip()
        run([*git, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}"], cwd=folder, env=env)
    tree = run([*git, "write-tree"], cwd=folder, env=env).strip()
    changes = run([*git, "diff-tree", "-r", "--no-renames", "--name-status", parent, tree], cwd=state).splitlines() \
        if parent else [f"A\t{f.rel}" for f in files]
    sizes = {f.rel: f.size for f in files}
    sent = [line.split("\t", 1)[1] for line in changes if line[:1] in ("A", "M", "T")]
    gone = [line.split("\t", 1)[1] for line in changes if line[:1] == "D"]
    report.unchanged = len(files) - sum(1 for rel in sent if rel in sizes)
    if len(gone) > cap:
        raise too_many_deletes(config, target, len(gone), cap)
    report.changes = [f"upload {rel}" for rel in sent] + [f"delete {rel}" for rel in gone]
    report.uploaded, report.uploaded_bytes, report.deleted = len(sent), sum(sizes.get(r, 0) for r in sent), len(gone)
    if options.dry_run or (not changes and not options.force):
        if not changes:
            report.uploaded = report.deleted = 0
        if push_to and not remote and not options.dry_run and parent:
            _push(run, git, push_to, ref, state)  # an earlier deploy's commit that did not reach origin
        return
    message = f"digest deploy: {config.title} ({len(files)} files)"
    commit = run([*git, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message], cwd=state,
                 env=_identity()).strip()
    run([*git, "update-ref", ref, commit, parent or "0" * 40], cwd=state)
    if push_to:
        _push(run, git, push_to, ref, state)


def _push(run: _Runner, git: list[str], remote: str, ref: str, cwd: Path) -> None:
    run([*git, "push", "--quiet", remote, f"{ref}:{ref}"], cwd=cwd, hint="the branch moved on the remote since "
        "it was fetched, or it is protected: deploy again, or check the remote's settings")


def _identity() -> dict[str, str]:
    """The commit's author: git's own settings when it has them, else digest."""
    have = subprocess.run(["git", "config", "user.email"], capture_output=True, text=True).stdout.strip()
    if have:
        return {}
    return {"GIT_AUTHOR_NAME": "digest", "GIT_AUTHOR_EMAIL": "digest@localhost",
            "GIT_COMMITTER_NAME": "digest", "GIT_COMMITTER_EMAIL": "digest@localhost"}


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "target"


class _Runner:
    """Runs git; a failure is the deploy's one-line error, with git's own last words."""

    def __init__(self, config: SiteConfig, target: Target) -> None:
        self.config, self.target = config, target

    def __call__(self, args: list[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True,
                 stdin: str | None = None, hint: str = "") -> str:
        done = subprocess.run(["git", *_SAFE, *args], cwd=cwd, capture_output=True, text=True, input=stdin,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})})
        if done.returncode and check:
            said = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise problem(self.config, self.target, f"git {args[2] if args[0] == '--git-dir' else args[0]} "
                          f"failed: {said}", hint or "check the url in site.yaml and that the remote accepts pushes")
        return done.stdout

