"""Golden sites: tests/sites/<name>/ is built and compared file by file with its expected/ output.

After an intended change, run `pytest tests/test_golden.py --update-golden` and review the diff.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from digest.cli import main

SITES = Path(__file__).parent / "sites"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(p.name for p in SITES.iterdir() if p.is_dir()))
def test_golden_site(name, tmp_path, request, capsys):
    source = SITES / name
    site = tmp_path / name
    shutil.copytree(source, site, ignore=shutil.ignore_patterns("expected"))
    assert main(["build", "--site", str(site)]) == 0, capsys.readouterr().err
    got = tree(site / "output") | {f"content/articles/{k}": v for k, v in tree(site / "content/articles").items()}
    expected_dir = source / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in got.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_bytes(data)
        pytest.skip("golden output updated; review it with git diff")
    expected = tree(expected_dir)
    assert sorted(got) == sorted(expected), "files differ: " + ", ".join(
        sorted(set(got) ^ set(expected)))
    diffs = []
    for rel in sorted(expected):
        if got[rel] != expected[rel]:
            diffs.append("".join(difflib.unified_diff(
                expected[rel].decode(errors="replace").splitlines(True),
                got[rel].decode(errors="replace").splitlines(True), f"expected/{rel}", f"built/{rel}", n=2)))
    assert not diffs, "\n".join(diffs)[:20000]
