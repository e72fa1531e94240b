"""Every file digest writes stays inside the folder it writes to."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.output import confined


@pytest.mark.parametrize("rel", ["../x.html", "a/../../x.html", "/etc/passwd", "..", ".", "", "a/\0b"])
def test_paths_that_leave_the_folder_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(DigestError, match="escapes the output folder"):
        confined(tmp_path, rel)


@pytest.mark.parametrize("rel", ["index.html", "2025/03/28/slug/index.html", "a/../b.html", "tags/c..d/"])
def test_paths_inside_stay_inside(tmp_path: Path, rel: str) -> None:
    assert confined(tmp_path, rel).is_relative_to(tmp_path)


def test_the_preview_never_writes_through_a_link_planted_in_it(tmp_path: Path) -> None:
    from digest.preview.live import _write

    outside = tmp_path / "outside"
    outside.mkdir()
    preview = tmp_path / "preview"
    preview.mkdir()
    (preview / "2025").symlink_to(outside)
    with pytest.raises(DigestError, match="escapes the output folder"):
        _write(preview, "2025/03/28/story/index.html", b"page")
    assert not any(outside.iterdir())
    _write(preview, "tags/x/index.html", b"page")
    assert (preview / "tags/x/index.html").read_bytes() == b"page"
