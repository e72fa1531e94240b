"""`digest deploy` against real servers started here on loopback: an S3-compatible server
(moto's, in its own process, checking credentials), a bare git repository, and rsync into a
folder. Each target: the first deploy equals output/, a second sends nothing, an edit sends
only what changed, a removed story is deleted, --dry-run changes nothing, the delete cap
stops a deploy that would empty the target, and failures are one line that changes nothing."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, raw_article, write_site
from tests.test_build import EVENTS, read_tree

STORIES = 8


def make_site(root: Path, deploy: str, count: int = STORIES, extra: str = "") -> Path:
    raws = {f"content/raw/s{i}.txt": raw_article(f"Story {i} of the day", "2025-03-20",
                                                 posted=f"Posted March 20, 2025 {i % 12 + 1}:00 am.",
                                                 body=[f"OTTAWA — Event {i}: {EVENTS[i % len(EVENTS)][0]}",
                                                       f"Detail number {i}."]) for i in range(count)}
    return write_site(root, raws, SITE_YAML + extra + "deploy:\n" + deploy)


def digest(site: Path, *args: str, env: dict[str, str] | None = None, check: bool = True
           ) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "digest", *args, "--site", str(site)], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def summary(done: subprocess.CompletedProcess) -> dict[str, int]:
    line = done.stdout.strip().splitlines()[-1]
    words = line.replace(",", "").split()
    return {"uploaded": int(words[words.index("uploaded") + 1] if "uploaded" in words else
                            words[words.index("upload") + 1]),
            "deleted": int(words[words.index("deleted") + 1] if "deleted" in words else
                           words[words.index("delete") + 1]),
            "unchanged": int(words[words.index("unchanged") + 1])}


def edit_story(site: Path, number: int, old: str, new: str) -> None:
    path = next((site / "content/articles").rglob(f"*story-{number}-*.md"))
    path.write_text(path.read_text().replace(old, new))


def remove_story(site: Path, number: int) -> None:
    (site / f"content/raw/s{number}.txt").unlink()
    next((site / "content/articles").rglob(f"*story-{number}-*.md")).unlink()


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {rel for rel, data in after.items() if before.get(rel) != data}


# --- S3 -------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_s3(checks_signatures: bool):
    """moto's S3 server in a process of its own. Checking signatures, only the key made by
    the three calls that make a user may use it. (moto then refuses listings by a prefix
    with a `/`, which real S3 accepts: those tests run on a server that does not check.)"""
    import boto3

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              env={**os.environ, **({"INITIAL_NO_AUTH_ACTION_COUNT": "3"} if checks_signatures else {})},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    key = {"AccessKeyId": "curator", "SecretAccessKey": "secret"}
    if checks_signatures:
        iam = boto3.client("iam", endpoint_url=url, aws_access_key_id="x", aws_secret_access_key="x",
                           region_name="us-east-1")
        iam.create_user(UserName="curator")
        iam.put_user_policy(UserName="curator", PolicyName="s3", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="curator")["AccessKey"]
    env = {"AWS_ACCESS_KEY_ID": key["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"],
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}
    client = boto3.client("s3", endpoint_url=url, aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                          aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")
    return server, (url, env, client)


@pytest.fixture(scope="module")
def s3():
    server, served = start_s3(checks_signatures=False)
    yield served
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def s3_checking():
    server, served = start_s3(checks_signatures=True)
    yield served
    server.terminate()
    server.wait(10)


def bucket_of(client, bucket: str, prefix: str = "") -> dict[str, bytes]:
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", ()):
            found[item["Key"][len(prefix):]] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return found


def s3_site(tmp_path: Path, s3, bucket: str, count: int = STORIES, extra: str = "", prefix: str = "news/") -> Path:
    url, _, client = s3
    client.create_bucket(Bucket=bucket)
    site = make_site(tmp_path / "site", f"  - name: production\n    url: s3://{bucket}/{prefix}\n    endpoint: {url}\n",
                     count, extra)
    digest(site, "build")
    return site


def test_s3_deploys_only_what_changed_and_deletes_what_is_gone(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "only-changes", extra='cache_control:\n  "search/*": "public, max-age=600"\n')
    first = digest(site, "deploy", env=env)
    output = read_tree(site / "output")
    assert bucket_of(client, "only-changes", "news/") == output  # every file, byte for byte
    assert summary(first) == {"uploaded": len(output), "deleted": 0, "unchanged": 0}
    again = digest(site, "deploy", env=env)
    assert summary(again) == {"uploaded": 0, "deleted": 0, "unchanged": len(output)}
    assert ", 1 requests" in again.stdout  # one listing, nothing sent
    # headers: types for every kind of file, cache by pattern (site.yaml's rule first)
    head = {rel: client.head_object(Bucket="only-changes", Key="news/" + rel) for rel in
            ("index.html", "feed.xml", "sitemap.xml", "search/p/0", "static/style.css", "robots.txt",
             "topics/general/feed.xml")}
    assert {rel: h["ContentType"] for rel, h in head.items()} == {
        "index.html": "text/html; charset=utf-8", "feed.xml": "application/atom+xml; charset=utf-8",
        "sitemap.xml": "application/xml; charset=utf-8", "search/p/0": "application/octet-stream",
        "static/style.css": "text/css; charset=utf-8", "robots.txt": "text/plain; charset=utf-8",
        "topics/general/feed.xml": "application/atom+xml; charset=utf-8"}
    assert head["index.html"]["CacheControl"] == "public, max-age=0, must-revalidate"
    assert head["static/style.css"]["CacheControl"] == "public, max-age=3600"
    assert head["search/p/0"]["CacheControl"] == "public, max-age=600"
    assert "/search/*\n  Cache-Control: public, max-age=600" in output["_headers"].decode()
    # one story edited: only the files whose bytes changed are sent
    edit_story(site, 3, "Detail number 3.", "Detail number 3, corrected.")
    digest(site, "build")
    edited = read_tree(site / "output")
    sent = digest(site, "deploy", env=env)
    assert summary(sent) == {"uploaded": len(changed_files(output, edited)), "deleted": 0,
                             "unchanged": len(edited) - len(changed_files(output, edited))}
    assert 0 < len(changed_files(output, edited)) < len(edited) / 2
    assert bucket_of(client, "only-changes", "news/") == edited
    # a story removed: its page leaves the bucket
    remove_story(site, 5)
    digest(site, "build")
    shrunk = read_tree(site / "output")
    gone = set(edited) - set(shrunk)
    assert any(rel.endswith("story-5-of-the-day/index.html") for rel in gone)
    assert summary(digest(site, "deploy", env=env))["deleted"] == len(gone)
    assert bucket_of(client, "only-changes", "news/") == shrunk


def test_s3_dry_run_lists_and_changes_nothing(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "dry-run")
    client.put_object(Bucket="dry-run", Key="news/old-page/index.html", Body=b"old")
    done = digest(site, "deploy", "--dry-run", env=env)
    assert "upload index.html" in done.stdout.splitlines() and "delete old-page/index.html" in done.stdout.splitlines()
    assert "would upload" in done.stdout
    assert bucket_of(client, "dry-run") == {"news/old-page/index.html": b"old"}


def test_s3_delete_cap_stops_a_deploy_that_would_empty_the_bucket(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "delete-cap", extra="")
    for n in range(300):  # another site's pages under the same prefix
        client.put_object(Bucket="delete-cap", Key=f"news/archive-{n}.html", Body=b"x")
    before = bucket_of(client, "delete-cap")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ("site.yaml:12: deploy to 'production': this deploy would delete 300 files, more than max_deletes "
            "(256); nothing was changed") in done.stderr
    assert bucket_of(client, "delete-cap") == before
    assert summary(digest(site, "deploy", "--max-deletes", "300", env=env))["deleted"] == 300
    assert bucket_of(client, "delete-cap", "news/") == read_tree(site / "output")


def test_s3_failures_are_one_line_naming_the_target_and_change_nothing(tmp_path, s3_checking):
    url, env, client = s3_checking
    site = s3_site(tmp_path, s3_checking, "failures", prefix="")
    for bad_env, message in [
        ({**env, "AWS_SECRET_ACCESS_KEY": "not-the-secret"}, "refused the credentials (SignatureDoesNotMatch)"),
        ({**env, "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}, "no AWS credentials were found"),
    ]:
        done = digest(site, "deploy", env=bad_env, check=False)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].split("site.yaml:12: deploy to 'production': ")[1], lines
        assert message in done.stderr
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("s3://failures/", "s3://no-such-bucket/"))
    digest(site, "build")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "there is no bucket 'no-such-bucket'" in done.stderr
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace(url, f"http://127.0.0.1:{free_port()}"))
    digest(site, "build")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "cannot reach http://127.0.0.1:" in done.stderr and "Traceback" not in done.stderr
    assert bucket_of(client, "failures") == {}


def test_an_interrupted_s3_deploy_leaves_whole_files_and_the_next_one_finishes(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "interrupted", count=60)
    output = read_tree(site / "output")
    deploy = subprocess.Popen([sys.executable, "-m", "digest", "deploy", "--site", str(site)],
                              env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while deploy.poll() is None:  # killed midway, as by a lost connection or a closed laptop
        listed = client.list_objects_v2(Bucket="interrupted").get("KeyCount", 0)
        if listed >= 20:
            deploy.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    deploy.wait(30)
    assert deploy.returncode == -signal.SIGKILL, "the deploy ended before it could be interrupted"
    partial = bucket_of(client, "interrupted", "news/")
    assert 20 <= len(partial) < len(output)
    assert all(output[rel] == data for rel, data in partial.items())  # every object whole
    digest(site, "deploy", env=env)
    assert bucket_of(client, "interrupted", "news/") == output


def test_deploy_refuses_a_site_that_is_not_what_the_content_says(tmp_path, s3):
    _, env, client = s3
    client.create_bucket(Bucket="refusals")
    site = make_site(tmp_path / "site", f"  - name: production\n    url: s3://refusals/\n    endpoint: {s3[0]}\n")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "output/ has not been built yet (run digest build first)" in done.stderr
    digest(site, "build", "--drafts")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "output/ was built with --drafts" in done.stderr
    digest(site, "build")
    (site / "content/raw/late.txt").write_text(raw_article("A late story", "2025-03-21", body=["MONTREAL — Late."]))
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "late.txt:1: 1 raw files changed since the last build" in done.stderr
    digest(site, "build")
    edit_story(site, 2, "Detail number 2.", "Detail number 2, edited.")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "output/ is older than the content" in done.stderr
    assert bucket_of(client, "refusals") == {}


def test_without_boto3_the_s3_target_says_what_to_install(tmp_path, run, monkeypatch):
    site = make_site(tmp_path / "site", "  - name: production\n    url: s3://anything/\n")
    assert run("build", "--site", str(site))[0] == 0
    monkeypatch.setitem(sys.modules, "boto3", None)  # as if not installed
    code, _, err = run("deploy", "--site", str(site))
    assert code == 1
    assert err.strip().endswith("deploy to 'production': S3 targets need boto3, which is not installed "
                                "(pip install 'digest[s3]')")


# --- git ------------------------------------------------------------------------------

def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def tree_of(repo: Path, branch: str) -> dict[str, bytes]:
    names = git("--git-dir", str(repo), "ls-tree", "-r", "--name-only", branch).splitlines()
    return {name: subprocess.run(["git", "--git-dir", str(repo), "show", f"{branch}:{name}"], capture_output=True,
                                 check=True).stdout for name in names}


def test_git_deploys_one_commit_per_change_with_history_kept(tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "--quiet", "--bare", str(remote))
    site = make_site(tmp_path / "site", f"  - name: pages\n    url: git:{remote}#gh-pages\n    cname: news.example.org\n")
    digest(site, "build")
    first = digest(site, "deploy")
    output = read_tree(site / "output")
    assert tree_of(remote, "gh-pages") == {**output, ".nojekyll": b"", "CNAME": b"news.example.org\n"}
    assert summary(first)["uploaded"] == len(output) + 2  # and GitHub Pages' two files
    assert summary(digest(site, "deploy")) == {"uploaded": 0, "deleted": 0, "unchanged": len(output)}
    assert len(git("--git-dir", str(remote), "log", "--oneline", "gh-pages").splitlines()) == 1  # no empty commit
    edit_story(site, 1, "Detail number 1.", "Detail number 1, corrected.")
    digest(site, "build")
    edited = read_tree(site / "output")
    dry = digest(site, "deploy", "--dry-run")
    assert len(git("--git-dir", str(remote), "log", "--oneline", "gh-pages").splitlines()) == 1
    assert summary(dry)["uploaded"] == len(changed_files(output, edited))
    digest(site, "deploy")
    log = git("--git-dir", str(remote), "log", "--format=%s", "gh-pages").splitlines()
    assert log == [f"digest deploy: Test Digest ({len(edited)} files)"] * 2
    changed = git("--git-dir", str(remote), "diff", "--name-only", "gh-pages~1", "gh-pages").split()
    assert set(changed) == changed_files(output, edited)
    remove_story(site, 6)
    digest(site, "build")
    digest(site, "deploy")
    assert tree_of(remote, "gh-pages") == {**read_tree(site / "output"), ".nojekyll": b"",
                                           "CNAME": b"news.example.org\n"}


def test_git_deploy_to_the_sites_own_repository_leaves_the_checkout_alone(tmp_path):
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", str(origin))
    site = make_site(tmp_path / "site", "  - name: pages\n    url: git:gh-pages\n")
    (site / ".gitignore").write_text("output/\n.digest/\n")
    git("init", "--quiet", "-b", "main", cwd=site)
    git("remote", "add", "origin", str(origin), cwd=site)
    git("add", "site.yaml", ".gitignore", cwd=site)
    git("-c", "user.name=Curator", "-c", "user.email=c@example.org", "commit", "--quiet", "-m", "site", cwd=site)
    digest(site, "build")
    status = git("status", "--porcelain", cwd=site)
    digest(site, "deploy")
    assert git("status", "--porcelain", cwd=site) == status and git("branch", "--show-current", cwd=site) == "main\n"
    assert tree_of(site / ".git", "gh-pages") == {**read_tree(site / "output"), ".nojekyll": b""}
    assert tree_of(origin, "gh-pages") == tree_of(site / ".git", "gh-pages")  # pushed, as GitHub Pages needs


def test_git_push_rejected_and_delete_cap_are_one_line_and_change_nothing(tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "--quiet", "--bare", str(remote))
    site = make_site(tmp_path / "site", f"  - name: pages\n    url: git:{remote}#gh-pages\n    max_deletes: 3\n")
    digest(site, "build")
    digest(site, "deploy")
    for n in (1, 2):
        remove_story(site, n)
    digest(site, "build")
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "more than max_deletes (3); nothing was changed" in done.stderr
    assert len(git("--git-dir", str(remote), "log", "--oneline", "gh-pages").splitlines()) == 1
    hook = remote / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n")
    hook.chmod(0o755)
    done = digest(site, "deploy", "--max-deletes", "50", check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "deploy to 'pages': git push failed:" in done.stderr
    assert len(git("--git-dir", str(remote), "log", "--oneline", "gh-pages").splitlines()) == 1


# --- rsync ----------------------------------------------------------------------------

def test_rsync_mirrors_output_sending_only_what_changed(tmp_path):
    mirror = tmp_path / "www"
    site = make_site(tmp_path / "site", f"  - name: mirror\n    url: rsync:{mirror}/\n    max_deletes: 1\n")
    digest(site, "build")
    output = read_tree(site / "output")
    assert summary(digest(site, "deploy"))["uploaded"] == len(output)
    assert read_tree(mirror) == output
    assert summary(digest(site, "deploy")) == {"uploaded": 0, "deleted": 0, "unchanged": len(output)}
    edit_story(site, 4, "Detail number 4.", "Detail number 4, corrected.")
    digest(site, "build")
    edited = read_tree(site / "output")
    assert summary(digest(site, "deploy", "--dry-run"))["uploaded"] == len(changed_files(output, edited))
    assert read_tree(mirror) == output  # the dry run changed nothing
    assert summary(digest(site, "deploy"))["uploaded"] == len(changed_files(output, edited))
    assert read_tree(mirror) == edited
    remove_story(site, 7)
    digest(site, "build")
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "more than max_deletes (1)" in done.stderr and read_tree(mirror) == edited
    digest(site, "deploy", "--max-deletes", "10")
    assert read_tree(mirror) == read_tree(site / "output")


def test_rsync_missing_is_named(tmp_path):
    site = make_site(tmp_path / "site", f"  - name: mirror\n    url: rsync:{tmp_path / 'www'}/\n")
    digest(site, "build")
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("git",):
        (bare / tool).symlink_to(shutil.which(tool))
    done = digest(site, "deploy", env={"PATH": str(bare)}, check=False)
    assert done.returncode == 1
    assert "deploy to 'mirror': rsync is not installed (install it" in done.stderr


def test_deploy_targets_in_site_yaml_are_checked(tmp_path, run):
    site = make_site(tmp_path / "site", "  - name: a\n    url: ftp://example.org/\n  - {name: b, url: 's3://x'}\n"
                     "  - {name: c, url: 'rsync:-e sh'}\n  - {name: d, url: 'git:..#main'}\n  - {nme: e}\n")
    code, _, err = run("build", "--site", str(site))
    assert code == 1
    assert "'ftp://example.org/' is no target digest knows" in err
    assert "'s3://x' is no s3://bucket/prefix/ address" in err
    assert "'rsync:-e sh' is no rsync destination" in err
    assert "unknown key 'nme' in a deploy target" in err
    code, _, err = run("deploy", "nowhere", "--site", str(site))
    assert code == 1


def test_git_never_deploys_over_the_branch_checked_out(tmp_path):
    site = make_site(tmp_path / "site", "  - name: pages\n    url: git:main\n")
    (site / ".gitignore").write_text("output/\n.digest/\n")
    git("init", "--quiet", "-b", "main", cwd=site)
    git("add", ".", cwd=site)
    git("-c", "user.name=C", "-c", "user.email=c@example.org", "commit", "--quiet", "-m", "sources", cwd=site)
    head = git("rev-parse", "HEAD", cwd=site)
    digest(site, "build")
    status = git("status", "--porcelain", cwd=site)
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "main is the branch checked out in" in done.stderr
    assert git("rev-parse", "HEAD", cwd=site) == head and git("status", "--porcelain", cwd=site) == status


def test_git_retries_a_refused_first_push_and_follows_another_clones_deploys(tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "--quiet", "--bare", str(remote))
    hook = remote / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    site = make_site(tmp_path / "site", f"  - name: pages\n    url: git:{remote}#gh-pages\n")
    digest(site, "build")
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "git push failed" in done.stderr
    hook.unlink()
    digest(site, "deploy")  # the commit that was refused goes up now
    assert tree_of(remote, "gh-pages") == {**read_tree(site / "output"), ".nojekyll": b""}
    # the site's own repository, deployed from two clones in turn
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", str(origin))
    clones = []
    for name in ("laptop", "desk"):
        clone = make_site(tmp_path / name, "  - name: pages\n    url: git:gh-pages\n", count=3 + len(clones))
        (clone / ".gitignore").write_text("output/\n.digest/\n")
        git("init", "--quiet", "-b", "main", cwd=clone)
        git("remote", "add", "origin", str(origin), cwd=clone)
        digest(clone, "build")
        digest(clone, "deploy")
        clones.append(clone)
    log = git("--git-dir", str(origin), "log", "--format=%s", "gh-pages").splitlines()
    assert len(log) == 2  # the second clone's deploy follows the first one's: history kept
    assert tree_of(origin, "gh-pages") == {**read_tree(clones[1] / "output"), ".nojekyll": b""}


def test_git_remote_by_name_and_dry_runs_leave_no_trace(tmp_path):
    (tmp_path / "pages.git").mkdir()
    git("init", "--quiet", "--bare", str(tmp_path / "pages.git"))
    site = make_site(tmp_path / "site", "  - name: pages\n    url: git:pub#gh-pages\n")
    (site / ".gitignore").write_text("output/\n.digest/\n")
    git("init", "--quiet", "-b", "main", cwd=site)
    git("remote", "add", "pub", "../pages.git", cwd=site)  # relative to the repository, as git reads it
    digest(site, "build")
    objects = sorted(p.name for p in (site / ".git/objects").rglob("*"))
    dry = digest(site, "deploy", "--dry-run")
    assert summary(dry)["uploaded"] == len(read_tree(site / "output")) + 1
    assert sorted(p.name for p in (site / ".git/objects").rglob("*")) == objects
    assert git("--git-dir", str(tmp_path / "pages.git"), "branch", "--list") == ""
    digest(site, "deploy")
    assert tree_of(tmp_path / "pages.git", "gh-pages") == {**read_tree(site / "output"), ".nojekyll": b""}


def test_rsync_never_reaches_into_the_site_and_a_dry_run_creates_nothing(tmp_path):
    site = make_site(tmp_path / "site", "  - name: mirror\n    url: rsync:content/\n"
                     f"  - name: away\n    url: rsync:{tmp_path / 'www'}/\n")
    digest(site, "build")
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "overlaps the site folder" in done.stderr
    assert (site / "content/raw/s1.txt").is_file()
    dry = digest(site, "deploy", "away", "--dry-run")
    assert summary(dry)["uploaded"] == len(read_tree(site / "output")) and not (tmp_path / "www").exists()


def test_a_changed_cache_rule_reaches_the_objects_it_names(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "cache-rules")
    digest(site, "deploy", env=env)
    yaml = (site / "site.yaml").read_text()
    (site / "site.yaml").write_text(yaml.replace("deploy:", 'cache_control:\n  "search/*": no-store\ndeploy:'))
    digest(site, "build")
    sent = digest(site, "deploy", env=env)
    changed = {rel for rel in read_tree(site / "output") if rel.startswith("search/")} | {"_headers"}
    assert summary(sent)["uploaded"] == len(changed)
    assert client.head_object(Bucket="cache-rules", Key="news/search/p/0")["CacheControl"] == "no-store"


def test_what_deploy_checks_before_it_sends(tmp_path, s3):
    _, env, client = s3
    site = s3_site(tmp_path, s3, "checks")
    (site / "output/static/notes.txt").write_text("not the site's")
    done = digest(site, "deploy", env=env, check=False)
    assert done.returncode == 1 and "notes.txt:1: this file is in output/, but no build of digest wrote it" in done.stderr
    (site / "output/static/notes.txt").unlink()
    digest(site, "build", env={"SOURCE_DATE_EPOCH": "1743000000"})  # a reproducible build, deployed from a shell
    yaml = (site / "site.yaml").read_text()
    (site / "site.yaml").write_text(yaml.replace("    endpoint:", "    max_deletes: 10\n    endpoint:"))
    digest(site, "deploy", env=env)  # where the site goes is no part of what it is
    assert bucket_of(client, "checks", "news/") == read_tree(site / "output")
    for key, value, message in [("region", "us east 1", "region"), ("endpoint", "http://[::1", "endpoint")]:
        (site / "site.yaml").write_text(yaml.replace("    endpoint:", f"    {key}: '{value}'\n    endpoint:"))
        done = digest(site, "deploy", env=env, check=False)
        assert done.returncode == 1 and "Traceback" not in done.stderr and message in done.stderr, done.stderr
    (site / "site.yaml").write_text(yaml)
    done = digest(site, "deploy", env={**env, "AWS_PROFILE": "nobody"}, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "nobody" in done.stderr


def test_no_hook_or_monitor_of_the_sites_repository_runs_during_a_deploy(tmp_path):
    site = make_site(tmp_path / "site", "  - name: pages\n    url: git:gh-pages\n")
    git("init", "--quiet", "-b", "main", cwd=site)
    planted = tmp_path / "ran"
    git("config", "core.fsmonitor", f"touch {planted}-fsmonitor; false", cwd=site)
    for hook in ("reference-transaction", "pre-push", "post-commit"):
        (site / ".git/hooks" / hook).write_text(f"#!/bin/sh\ntouch {planted}-{hook}\n")
        (site / ".git/hooks" / hook).chmod(0o755)
    digest(site, "build")
    digest(site, "deploy", "--dry-run")
    digest(site, "deploy")
    assert list(tmp_path.glob("ran-*")) == []
    assert tree_of(site / ".git", "gh-pages") == {**read_tree(site / "output"), ".nojekyll": b""}


def test_the_preview_folder_and_an_unreachable_host_are_one_line(tmp_path, run):
    site = make_site(tmp_path / "site", "  - name: mirror\n    url: rsync:nobody@host.invalid:/var/www/\n",
                     extra="output: .digest/preview\n")
    assert run("build", "--site", str(site))[0] == 0
    code, _, err = run("deploy", "--site", str(site))
    assert code == 1 and "digest's own folder (the preview's builds are there, drafts included)" in err
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("output: .digest/preview\n", ""))
    assert run("build", "--site", str(site))[0] == 0
    done = digest(site, "deploy", check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "deploy to 'mirror': rsync failed:" in done.stderr


def test_an_object_sent_in_parts_is_known_by_its_parts_etag(tmp_path, s3):
    """S3's ETag of a multipart upload is no MD5 of the file: deploy compares it as S3 makes it."""
    import hashlib

    from boto3.s3.transfer import TransferConfig

    from digest.deploy.files import LocalFile
    from digest.deploy.s3 import _same

    _, _, client = s3
    client.create_bucket(Bucket="parts")
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(19 * 1024 * 1024))
    client.upload_file(str(big), "parts", "video.mp4", Config=TransferConfig(
        multipart_threshold=8 * 1024 * 1024, multipart_chunksize=8 * 1024 * 1024))
    item = client.list_objects_v2(Bucket="parts")["Contents"][0]
    assert item["ETag"].strip('"').endswith("-3")
    local = LocalFile("video.mp4", str(big), big.stat().st_size, hashlib.md5(big.read_bytes()).hexdigest())
    assert _same(local, (item["ETag"].strip('"'), item["Size"]))
    big.write_bytes(os.urandom(19 * 1024 * 1024))  # other bytes, same size
    changed = LocalFile("video.mp4", str(big), big.stat().st_size, hashlib.md5(big.read_bytes()).hexdigest())
    assert not _same(changed, (item["ETag"].strip('"'), item["Size"]))
