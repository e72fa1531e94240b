#!/usr/bin/env python3
"""Sitemaps at archive scale: build N make_corpus stories and check every sitemap against the
published schemas (tests/data/) and the protocol's limits (50,000 addresses, 50 MB a file).

    python3 bench/bench_sitemaps.py [--n 100000]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SITE_YAML = (HERE / "bench" / "bench_build.py").read_text(encoding="utf-8").split('SITE_YAML = """\\\n')[1].split('"""')[0]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    from tests.test_sitemaps import news_schema, xsd

    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        site = Path(tmp) / "site"
        (site / "content/articles").mkdir(parents=True)
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        subprocess.run([sys.executable, str(HERE.parent / "shared/corpus/make_corpus.py"), str(args.n),
                        str(site / "content/raw"), "--clean"], check=True, stdout=subprocess.DEVNULL)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from digest.cli import main; sys.exit(main(sys.argv[1:]))",
                        "build", "--site", str(site)], check=True, stdout=subprocess.DEVNULL, cwd=HERE)
        built = time.perf_counter() - started
        out = site / "output"
        index, urlset, news = xsd("siteindex.xsd"), xsd("sitemap.xsd"), news_schema()
        assert index.validate(etree.parse(str(out / "sitemap.xml"))), index.error_log
        children = sorted((out / "sitemaps").iterdir())
        counts, sizes = [], []
        for child in children:
            tree = etree.parse(str(child))
            assert urlset.validate(tree), (child.name, urlset.error_log)
            counts.append(len(tree.getroot().findall(SITEMAP + "url")))
            sizes.append(child.stat().st_size)
        assert max(counts) <= 50_000 and max(sizes) <= 50 * 1024 * 1024
        news_count = 0
        if (out / "news-sitemap.xml").exists():
            tree = etree.parse(str(out / "news-sitemap.xml"))
            assert news.validate(tree), news.error_log
            news_count = len(tree.getroot().findall(SITEMAP + "url"))
        files = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"{args.n:,} stories: build from raw {built:.1f} s, {files:,} files in output/")
    print(f"  sitemap index + {len(children)} sitemaps, all valid: {sum(counts):,} addresses; "
          f"largest {max(counts):,} addresses, {max(sizes) / 1024 / 1024:.1f} MB; news sitemap {news_count} stories")


if __name__ == "__main__":
    main()
