#!/usr/bin/env python3
"""`digest deploy` of a large site to a local S3-compatible server (moto's, on loopback):
the first deploy, a deploy with nothing changed, and one after a day's new stories, with
the requests each made.

    python3 bench/bench_deploy.py [--n 10000] [--new 100] [--corpus ../shared/corpus/make_corpus.py]
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]


def digest(site: Path, *args: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "digest", *args, "--site", str(site)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=HERE.parent)
    if done.returncode:
        sys.exit(done.stderr)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "shared/corpus/make_corpus.py")
    args = parser.parse_args()
    import boto3

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    env = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1"}
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="bench", aws_secret_access_key="bench",
                     region_name="us-east-1").create_bucket(Bucket="bench")
        with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
            site = Path(tmp) / "site"
            (site / "content").mkdir(parents=True)
            (site / "site.yaml").write_text(SITE_YAML + f"deploy:\n  - name: local\n    url: s3://bench/news/\n"
                                            f"    endpoint: {endpoint}\n", encoding="utf-8")
            everything = Path(tmp) / "corpus"
            subprocess.run([sys.executable, str(args.corpus), str(args.n + args.new), str(everything), "--clean"],
                           check=True, capture_output=True)
            raws = sorted(everything.iterdir())
            (site / "content/raw").mkdir()
            for path in raws[: args.n]:
                path.rename(site / "content/raw" / path.name)
            seconds, line = digest(site, "build")
            files = sum(1 for p in (site / "output").rglob("*") if p.is_file())
            megabytes = sum(p.stat().st_size for p in (site / "output").rglob("*") if p.is_file()) / 1e6
            print(f"site: {args.n} stories, {files} files, {megabytes:.0f} MB (built in {seconds:.1f} s)")
            for label in ("first deploy", "no-change deploy", "no-change deploy, again"):
                seconds, line = digest(site, "deploy", env=env)
                print(f"{label}: {seconds:.2f} s wall; {line}")
            for path in raws[args.n:]:
                path.rename(site / "content/raw" / path.name)
            seconds, _ = digest(site, "build")
            seconds, line = digest(site, "deploy", env=env)
            print(f"after {args.new} new stories: {seconds:.2f} s wall; {line}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
