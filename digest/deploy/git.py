"""Deploy to a git branch (GitHub Pages' gh-pages, or any branch of any repository).

`git:BRANCH` commits onto BRANCH of the site's own repository (as ghp-import does),
following its `origin`'s copy of the branch when there is one, and pushes it there (as
MkDocs' gh-deploy does); `git:REMOTE#BRANCH` commits onto BRANCH of REMOTE (an address,
a path, or a remote's name) and pushes there. The commit is made with git's plumbing and
an index of its own, so the curator's checkout and index are never touched; the branch
keeps its history, one commit per deploy, and a deploy with nothing changed makes none.
`.nojekyll` (and `CNAME` from `cname:`) are added as GitHub Pages expects.

The private repository and index live in the user's cache folder, not in the site
folder: a site folder from someone else cannot plant a git configuration or hooks that
would run here. No hook runs in any repository digest commits in.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from digest.config import SiteConfig, Target
from digest.deploy import DeployReport, Options, problem, too_many_deletes
from digest.deploy.files import LocalFile
from digest.state import user_key_dir


def deploy(config: SiteConfig, target: Target, folder: Path, files: list[LocalFile], cap: int, options: Options,
           report: DeployReport) -> None:
    if not shutil.which("git"):
        raise problem(config, target, "git is not installed", "install git (apt install git, brew install git)")
    rest = target.url.removeprefix("git:")
    remote, _, branch = rest.rpartition("#") if "#" in rest else ("", "", rest)
    ref = f"refs/heads/{branch}"
    place = user_key_dir() / "deploy" / hashlib.sha1(f"{config.root}\0{target.name}".encode()).hexdigest()[:16]
    (place / "no-hooks").mkdir(parents=True, exist_ok=True)
    run = _Runner(config, target, place / "no-hooks")
    top = run(["rev-parse", "--show-toplevel"], cwd=config.root, check=False).strip()
    if remote:
        remote = _remote_address(config, target, run, remote, top)
        repo = place / "repo.git"  # a private bare repository: only objects pass through it
        if not (repo / "HEAD").is_file():
            run(["init", "--bare", "--quiet", str(repo)], cwd=place)
        git = ["--git-dir", str(repo)]
        if run([*git, "ls-remote", "--heads", remote, ref], cwd=place).strip():
            run([*git, "fetch", "--quiet", "--no-tags", remote, f"+{ref}:{ref}"], cwd=place)
        else:  # none there (yet, or deleted, or a first push refused): start it again
            run([*git, "update-ref", "-d", ref], cwd=place, check=False)
        push_to: str | None = remote
        parent = run([*git, "rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd=place, check=False).strip()
    else:
        if not top:
            raise problem(config, target, f"{config.root} is not in a git repository",
                          "run git init there, or deploy to git:REMOTE#BRANCH")
        git = ["--git-dir", run(["rev-parse", "--absolute-git-dir"], cwd=config.root).strip()]
        if run(["symbolic-ref", "--quiet", "HEAD"], cwd=config.root, check=False).strip() == ref:
            raise problem(config, target, f"{branch} is the branch checked out in {top}: a deploy would replace "
                          "your sources with the site", "deploy to a branch of its own, like git:gh-pages")
        push_to = "origin" if "origin" in run(["remote"], cwd=config.root).split() else None
        parent = run([*git, "rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd=place, check=False).strip()
        if push_to and run([*git, "ls-remote", "--heads", push_to, ref], cwd=config.root).strip():
            # what is published is origin's copy: follow it (another clone may have deployed since)
            run([*git, "fetch", "--quiet", "--no-tags", push_to, f"+{ref}:refs/remotes/origin/{branch}"],
                cwd=config.root)
            parent = run([*git, "rev-parse", f"refs/remotes/origin/{branch}^{{commit}}"], cwd=config.root).strip()
    with tempfile.TemporaryDirectory(dir=place) as scratch:
        env = {"GIT_INDEX_FILE": str(place / "index"), "GIT_WORK_TREE": str(folder)}
        if options.dry_run:  # objects go to a scratch store, read-through to the repository's
            objects = run([*git, "rev-parse", "--git-path", "objects"], cwd=folder).strip()
            env |= {"GIT_OBJECT_DIRECTORY": scratch, "GIT_ALTERNATE_OBJECT_DIRECTORIES": str(Path(folder, objects)),
                    "GIT_INDEX_FILE": str(Path(scratch, "index"))}
            if (place / "index").is_file():
                shutil.copyfile(place / "index", Path(scratch, "index"))
        tree = _tree(run, git, folder, env, target)
        if parent:
            changes = run([*git, "diff-tree", "-r", "--no-renames", "--name-status", parent, tree], cwd=folder,
                          env=env).splitlines()
        else:
            changes = [f"A\t{name}" for name in run([*git, "ls-tree", "-r", "--name-only", tree], cwd=folder,
                                                    env=env).splitlines()]
        sizes = {f.rel: f.size for f in files}
        sent = [line.split("\t", 1)[1] for line in changes if line[:1] in ("A", "M", "T")]
        gone = [line.split("\t", 1)[1] for line in changes if line[:1] == "D"]
        report.unchanged = len(files) - sum(1 for rel in sent if rel in sizes)
        if len(gone) > cap:
            raise too_many_deletes(config, target, len(gone), cap)
        report.changes = [f"upload {rel}" for rel in sent] + [f"delete {rel}" for rel in gone]
        report.uploaded, report.deleted = len(sent), len(gone)
        report.uploaded_bytes = sum(sizes.get(rel, 0) for rel in sent)
        if options.dry_run:
            return
        if changes or options.force or not parent:
            message = f"digest deploy: {config.title} ({len(files)} files)"
            commit = run([*git, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message],
                         cwd=folder, env={**env, **_identity()}).strip()
        else:
            commit = parent
        if commit != parent or not remote:
            old = run([*git, "rev-parse", "--verify", "--quiet", ref], cwd=folder, check=False).strip()
            run([*git, "update-ref", ref, commit, *([old] if old else ["0" * 40])], cwd=folder)
        if push_to and (commit != parent or not remote):
            run([*git, "push", "--quiet", push_to, f"{ref}:{ref}"], cwd=config.root if not remote else place,
                hint="the branch changed on the remote while deploying, or it is protected: check the remote, "
                "then deploy again")


def _tree(run: _Runner, git: list[str], folder: Path, env: dict[str, str], target: Target) -> str:
    """The tree of `folder`, with GitHub Pages' files (kept between deploys: git re-reads only
    the files whose size or time changed)."""
    run([*git, "add", "--all", "--force", "."], cwd=folder, env=env)
    for name, text in ((".nojekyll", ""), ("CNAME", target.cname + "\n" if target.cname else None)):
        if text is None:
            run([*git, "rm", "--cached", "--quiet", "--ignore-unmatch", name], cwd=folder, env=env)
            continue
        blob = run([*git, "hash-object", "-w", "--stdin"], cwd=folder, env=env, stdin=text).strip()
        run([*git, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}"], cwd=folder, env=env)
    return run([*git, "write-tree"], cwd=folder, env=env).strip()


def _remote_address(config: SiteConfig, target: Target, run: _Runner, remote: str, top: str) -> str:
    """REMOTE as git reaches it: a remote's name is its address (a path in it, from the
    repository's folder); a path is from the site folder. A repository inside the site folder
    is refused: it would come with the site, hooks and all."""
    if top and remote in run(["remote"], cwd=config.root, check=False).split():
        remote = run(["remote", "get-url", remote], cwd=config.root).strip()
        base = Path(top)
    else:
        base = config.root
    if "://" in remote or ":" in remote.split("/")[0]:
        return remote
    path = (base / remote).resolve()
    if path == config.root or config.root in path.parents:
        raise problem(config, target, f"the repository {remote} is inside the site folder",
                      "push to a repository of its own, outside the site")
    return str(path)


def _identity() -> dict[str, str]:
    """The commit's author: git's own settings when it has them, else digest."""
    have = subprocess.run(["git", "config", "user.email"], capture_output=True, text=True).stdout.strip()
    if have:
        return {}
    return {"GIT_AUTHOR_NAME": "digest", "GIT_AUTHOR_EMAIL": "digest@localhost",
            "GIT_COMMITTER_NAME": "digest", "GIT_COMMITTER_EMAIL": "digest@localhost"}


class _Runner:
    """Runs git with no hook, no file-system monitor and no program as a transport; a failure
    is the deploy's one-line error, with git's own words for it."""

    def __init__(self, config: SiteConfig, target: Target, no_hooks: Path) -> None:
        self.config, self.target = config, target
        self.safe = ["-c", f"core.hooksPath={no_hooks}", "-c", "core.fsmonitor=false", "-c", "protocol.ext.allow=never",
                     "-c", "core.autocrlf=false", "-c", "core.safecrlf=false"]

    def __call__(self, args: list[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True,
                 stdin: str | None = None, hint: str = "") -> str:
        done = subprocess.run(["git", *self.safe, *args], cwd=cwd, capture_output=True, text=True, input=stdin,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})})
        if done.returncode and check:
            lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
            said = next((line for line in lines if line.startswith(("error:", "fatal:", "! ", "remote: error"))),
                        lines[0] if lines else f"exit status {done.returncode}")
            command = args[2] if args[0] == "--git-dir" else args[0]
            raise problem(self.config, self.target, f"git {command} failed: {said}",
                          hint or "check the url in site.yaml and that the remote accepts pushes")
        return done.stdout
