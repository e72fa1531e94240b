#!/usr/bin/env python3
"""The preview over a long session: does its memory plateau?

    python3 bench/soak_preview.py [--n 2000] [--full 100] [--edits 1000] [--corpus ../shared/corpus/make_corpus.py]

Makes a site of N generated stories, builds it as `digest serve` does, then runs FULL full
rebuilds (site.yaml edited each time) and EDITS article body edits through the preview's own
rebuild, in this process (no server, no browser: the server's part does not grow). Prints the
resident memory (RSS) after the first build and every tenth of each phase.
"""
from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    from digest.preview.serve import Preview, allowed_hosts, rebuild

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--full", type=int, default=100)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "shared/corpus/make_corpus.py")
    args = parser.parse_args()
    site = Path(tempfile.mkdtemp(prefix="digest-soak-"))
    subprocess.run([sys.executable, str(args.corpus), str(args.n), str(site / "content/raw"), "--clean"],
                   check=True, stdout=subprocess.DEVNULL)
    (site / "content/articles").mkdir(parents=True)
    bench_yaml = (HERE / "bench/bench_build.py").read_text().split('SITE_YAML = """\\\n')[1].split('"""')[0]
    (site / "site.yaml").write_text(bench_yaml)
    preview = Preview(site, site / ".digest/preview", "/", allowed_hosts("127.0.0.1", 8000))
    quiet = open(os.devnull, "w")
    stdout, sys.stdout = sys.stdout, quiet
    rebuild(preview, False, set())
    sys.stdout = stdout
    gc.collect()
    print(f"{args.n} stories, after the first build: RSS {rss_mib():.0f} MiB", flush=True)
    config = site / "site.yaml"
    started = time.perf_counter()
    for i in range(1, args.full + 1):
        config.write_text(bench_yaml.replace("title: Bench Digest", f"title: Bench Digest {i}"))
        sys.stdout = quiet
        rebuild(preview, False, {str(config)})
        sys.stdout = stdout
        if i % max(1, args.full // 10) == 0:
            print(f"full rebuild {i}: RSS {rss_mib():.0f} MiB ({(time.perf_counter() - started) / i:.2f} s each)",
                  flush=True)
    articles = sorted((site / "content/articles").rglob("*.md"))
    started = time.perf_counter()
    for i in range(1, args.edits + 1):
        md = articles[i % len(articles)]
        md.write_text(md.read_text().rstrip("\n") + f"\n\nEdit {i}.\n")
        sys.stdout = quiet
        rebuild(preview, False, {str(md)})
        sys.stdout = stdout
        if i % max(1, args.edits // 10) == 0:
            print(f"body edit {i}: RSS {rss_mib():.0f} MiB ({(time.perf_counter() - started) / i:.3f} s each)",
                  flush=True)


if __name__ == "__main__":
    main()
