"""Pictures: an article's `image:` on its page and in what it shares, the site's logo and
default picture, and every way a picture can be wrong, each one line naming where."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from PIL import Image

from tests.conftest import SITE_YAML, raw_article, write_site
from tests.test_build import EVENTS, read_tree

PAGE = "output/2025/03/20/ferries-cancel-sailings-after-strike-vote/index.html"


def site_with(tmp_path: Path, site_yaml: str = SITE_YAML, images: dict[str, tuple[str, tuple[int, int]]] | None = None
              ) -> Path:
    site = write_site(tmp_path, {
        "content/raw/ferries.txt": raw_article("Ferries cancel sailings after strike vote", "2025-03-20",
                                               posted="Posted March 20, 2025 7:00 am.", body=EVENTS[1]),
        "content/raw/mine.txt": raw_article("Kidd Creek mine to close", "2025-03-21",
                                            posted="Posted March 21, 2025 8:00 am.", body=EVENTS[2]),
    }, site_yaml)
    (site / "content/images").mkdir()
    for name, (kind, size) in (images or {}).items():
        path = site / "content/images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (40, 90, 150)).save(path, kind)
    return site


def build(run, site: Path, *args: str) -> tuple[int, str]:
    code, _, err = run("build", "--site", str(site), *args)
    return code, err


def story(site: Path, name: str = "ferries") -> Path:
    return next((site / "content/articles").rglob(f"*{name}*.md"))


def give(site: Path, lines: str, name: str = "ferries") -> Path:
    """Add front matter `lines` to a story, as a curator would."""
    path = story(site, name)
    path.write_text(path.read_text().replace("aliases: []\n", f"aliases: []\n{lines}\n"))
    return path


def line_of(path: Path, key: str) -> int:
    return next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(f"{key}:"))


def ld(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))


def test_an_articles_picture_is_on_its_page_and_in_what_it_shares(tmp_path, run):
    site = site_with(tmp_path, images={"2025/ferry.jpg": ("JPEG", (1200, 800))})
    assert build(run, site)[0] == 0
    give(site, "image: 2025/ferry.jpg\nimage_alt: A ferry leaves Horseshoe Bay in fog")
    code, err = build(run, site)
    assert code == 0 and err == ""
    data = (site / "content/images/2025/ferry.jpg").read_bytes()
    src = f"images/2025/ferry.{hashlib.sha256(data).hexdigest()[:10]}.jpg"
    assert (site / "output" / src).read_bytes() == data
    page = (site / PAGE).read_text()
    assert (f'<img src="../../../../{src}" alt="A ferry leaves Horseshoe Bay in fog" width="1200" height="800" '
            'loading="lazy"') in page
    assert f'<meta property="og:image" content="https://example.org/{src}">' in page
    assert '<meta property="og:image:width" content="1200">' in page
    assert '<meta property="og:image:height" content="800">' in page
    assert '<meta property="og:image:alt" content="A ferry leaves Horseshoe Bay in fog">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert '<meta name="robots" content="max-image-preview:large">' in page
    assert ld(page)["image"] == [{"@type": "ImageObject", "url": f"https://example.org/{src}",
                                  "width": 1200, "height": 800}]
    other = (site / "output/2025/03/21/kidd-creek-mine-to-close/index.html").read_text()
    assert "og:image" not in other and '<meta name="twitter:card" content="summary">' in other
    assert "<img" not in other and "image" not in ld(other)


def test_a_changed_picture_gets_a_new_address_and_the_old_one_goes(tmp_path, run):
    site = site_with(tmp_path, images={"ferry.jpg": ("JPEG", (1200, 800))})
    assert build(run, site)[0] == 0
    give(site, "image: ferry.jpg\nimage_alt: A ferry")
    assert build(run, site)[0] == 0
    before = {p.name for p in (site / "output/images").iterdir()}
    Image.new("RGB", (800, 1000), (200, 20, 20)).save(site / "content/images/ferry.jpg", "JPEG")
    assert build(run, site)[0] == 0
    after = {p.name for p in (site / "output/images").iterdir()}
    assert len(after) == 1 and after != before
    page = (site / PAGE).read_text()
    assert f'images/{after.pop()}" alt="A ferry" width="800" height="1000"' in page
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".digest"))
    assert build(run, copy, "--clean")[0] == 0
    assert read_tree(site / "output") == read_tree(copy / "output")
    # no picture any more: its file leaves output/
    path = story(site)
    path.write_text(re.sub(r"(?m)^image(_alt)?: .*\n", "", path.read_text()))
    assert build(run, site)[0] == 0
    assert not (site / "output/images").exists() and "<img" not in (site / PAGE).read_text()


def test_a_picture_on_another_site_is_shared_but_never_loaded_by_the_page(tmp_path, run):
    site = site_with(tmp_path)
    assert build(run, site)[0] == 0
    give(site, "image: https://images.example.net/ferry.jpg\nimage_alt: A ferry")
    assert build(run, site)[0] == 0
    page = (site / PAGE).read_text()
    assert '<meta property="og:image" content="https://images.example.net/ferry.jpg">' in page
    assert "og:image:width" not in page and "<img" not in page
    assert ld(page)["image"] == [{"@type": "ImageObject", "url": "https://images.example.net/ferry.jpg"}]
    assert not re.search(r'(src|href)="https?://(?!example\.org)', page)  # no request to another site


def test_a_picture_that_cannot_be_used_is_one_line_naming_the_story_and_the_build_keeps_the_site(tmp_path, run):
    site = site_with(tmp_path, images={"ferry.jpg": ("JPEG", (10, 10)), "disguised.jpg": ("PNG", (10, 10))})
    (site / "content/images/notes.png").write_text("not a picture")
    (site / "content/images/drawing.bmp").write_bytes(b"")
    (tmp_path / "secret.jpg").write_bytes((site / "content/images/ferry.jpg").read_bytes())
    (site / "content/images/linked.jpg").symlink_to(tmp_path / "secret.jpg")
    assert build(run, site)[0] == 0
    before = read_tree(site / "output")
    text = story(site).read_text()
    for value, message in [
        ("missing.jpg", "image 'missing.jpg' is not in content/images/ (save the picture there"),
        ("notes.png", "image 'notes.png' is no picture digest can read"),
        ("disguised.jpg", "image 'disguised.jpg' is a PNG file under another extension (rename it to disguised.png)"),
        ("drawing.bmp", "'image': 'drawing.bmp' must be a JPEG, PNG, GIF or WebP file"),
        ("../secret.jpg", "'image': '../secret.jpg' must be a file in content/images/"),
        ("linked.jpg", "image 'linked.jpg' is not in content/images/"),
        ("javascript:alert(1)", "'image': 'javascript:alert(1)' must be a file in content/images/"),
    ]:
        story(site).write_text(text)
        path = give(site, f"image: '{value}'\nimage_alt: x")
        code, err = build(run, site)
        assert code == 1 and "Traceback" not in err, value
        assert f"{path.name}:{line_of(path, 'image')}: {message}" in err, (value, err)
        assert read_tree(site / "output") == before, value


def test_a_picture_without_words_for_it_is_a_warning(tmp_path, run):
    site = site_with(tmp_path, images={"ferry.png": ("PNG", (600, 400))})
    assert build(run, site)[0] == 0
    path = give(site, "image: ferry.png")
    code, err = build(run, site)
    assert code == 0
    assert f"{path.name}:{line_of(path, 'image')}: warning: the picture has no image_alt" in err
    assert 'alt="" width="600" height="400"' in (site / PAGE).read_text()


def test_a_turned_photo_is_sized_as_it_is_shown(tmp_path, run):
    site = site_with(tmp_path)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held upright: shown turned a quarter
    Image.new("RGB", (1200, 800)).save(site / "content/images/upright.jpg", "JPEG", exif=exif.tobytes())
    assert build(run, site)[0] == 0
    give(site, "image: upright.jpg\nimage_alt: A deckhand")
    assert build(run, site)[0] == 0
    assert 'alt="A deckhand" width="800" height="1200"' in (site / PAGE).read_text()


def test_the_sites_logo_default_picture_and_publisher(tmp_path, run):
    site = site_with(tmp_path, SITE_YAML + "logo: logo.png\nimage: newsroom.jpg\nimage_alt: The newsroom\n"
                     "publisher: {name: Northern Digest Media}\n",
                     images={"logo.png": ("PNG", (120, 60)), "newsroom.jpg": ("JPEG", (1200, 630))})
    assert build(run, site)[0] == 0
    logo = next((site / "output/images").glob("logo.*.png")).name
    newsroom = next((site / "output/images").glob("newsroom.*.jpg")).name
    home = (site / "output/index.html").read_text()
    assert f'<img class="logo" src="./images/{logo}" alt="" width="120" height="60">Test Digest</a>' in home
    assert f'<meta property="og:image" content="https://example.org/images/{newsroom}">' in home
    assert '<meta property="og:image:alt" content="The newsroom">' in home
    page = (site / PAGE).read_text()
    assert f'content="https://example.org/images/{newsroom}"' in page  # shared for a story without its own
    assert "image" not in ld(page)  # but not claimed as the story's picture
    assert ld(page)["publisher"] == {"@type": "Organization", "name": "Northern Digest Media",
                                     "url": "https://example.org/",
                                     "logo": {"@type": "ImageObject", "url": f"https://example.org/images/{logo}",
                                              "width": 120, "height": 60}}
    notfound = (site / "output/404.html").read_text()
    assert "max-image-preview" not in notfound and '<meta name="robots" content="noindex">' in notfound


def test_a_logo_that_is_no_picture_names_its_line_in_site_yaml(tmp_path, run):
    site = site_with(tmp_path, SITE_YAML + "logo: logo.svg\n")
    code, err = build(run, site)
    assert code == 1 and "Traceback" not in err
    assert "site.yaml:11: 'logo': 'logo.svg' must be a JPEG, PNG, GIF or WebP file" in err
    site = site_with(tmp_path / "b", SITE_YAML + "publisher:\n  name: Northern\n  logo: gone.png\n")
    code, err = build(run, site)
    assert code == 1 and "site.yaml:11: image 'gone.png' is not in content/images/" in err


def test_og_locale_follows_the_page_language(tmp_path, run):
    site = site_with(tmp_path)
    assert build(run, site)[0] == 0
    assert '<meta property="og:locale" content="en_CA">' in (site / PAGE).read_text()
    path = story(site)
    path.write_text(path.read_text().replace("language: en", "language: fr"))
    assert build(run, site)[0] == 0
    assert '<meta property="og:locale" content="fr_CA">' in (site / PAGE).read_text()


def test_addresses_that_are_no_address_are_one_line(tmp_path, run):
    site = site_with(tmp_path)
    assert build(run, site)[0] == 0
    text = story(site).read_text()
    for value in ("http://[::1", "https://[x]/a.png", "https://example.org:port/a.jpg", "//cdn.example.org/a.jpg"):
        story(site).write_text(text)
        path = give(site, f"image: '{value}'\nimage_alt: x")
        code, err = build(run, site)
        assert code == 1 and "Traceback" not in err, (value, err)
        assert f"{path.name}:{line_of(path, 'image')}: 'image': " in err, (value, err)


def test_a_picture_replaced_with_its_size_and_time_kept_is_a_new_address(tmp_path, run):
    import os

    site = site_with(tmp_path, images={"ferry.png": ("PNG", (40, 30))})
    assert build(run, site)[0] == 0
    give(site, "image: ferry.png\nimage_alt: A ferry")
    assert build(run, site)[0] == 0
    path = site / "content/images/ferry.png"
    old = path.read_bytes()
    st = path.stat()
    new = bytearray(old)
    new[-20] ^= 0xFF  # same size, other bytes (as a re-export can give)
    replacement = tmp_path / "new.png"
    replacement.write_bytes(bytes(new))
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, path)  # as cp -p, rsync -t or unzip leave it
    assert build(run, site)[0] == 0
    name = f"ferry.{hashlib.sha256(bytes(new)).hexdigest()[:10]}.png"
    assert (site / "output/images" / name).read_bytes() == bytes(new)
    assert f"images/{name}" in (site / PAGE).read_text()


def test_the_publishers_logo_and_the_mastheads_are_each_their_own(tmp_path, run):
    site = site_with(tmp_path, SITE_YAML + "logo: masthead.png\npublisher: {name: Northern Media, logo: pub.png}\n",
                     images={"masthead.png": ("PNG", (200, 50)), "pub.png": ("PNG", (60, 60))})
    assert build(run, site)[0] == 0
    page = (site / PAGE).read_text()
    assert re.search(r'<img class="logo" src="[./]*images/masthead\.[0-9a-f]{10}\.png" alt="" width="200"', page)
    assert re.fullmatch(r"https://example\.org/images/pub\.[0-9a-f]{10}\.png", ld(page)["publisher"]["logo"]["url"])
    assert {p.name.split(".")[0] for p in (site / "output/images").iterdir()} == {"masthead", "pub"}


def test_a_phones_jpeg_with_a_second_picture_inside_is_a_jpeg(tmp_path, run):
    site = site_with(tmp_path)
    first, second = Image.new("RGB", (640, 480), (10, 20, 30)), Image.new("RGB", (160, 120))
    first.save(site / "content/images/phone.jpg", "MPO", save_all=True, append_images=[second])
    assert Image.open(site / "content/images/phone.jpg").format == "MPO"
    assert build(run, site)[0] == 0
    give(site, "image: phone.jpg\nimage_alt: A ferry at dusk")
    code, err = build(run, site)
    assert code == 0, err
    assert 'alt="A ferry at dusk" width="640" height="480"' in (site / PAGE).read_text()


def test_og_locale_names_a_region_the_language_is_written_in():
    from digest.dates import og_locale

    assert [og_locale(c) for c in ("en", "fr", "fr-CA", "en-GB", "zh-Hant", "zh-Hans", "pt")] == [
        "en_CA", "fr_CA", "fr_CA", "en_GB", "zh_TW", "zh_CN", "pt_BR"]
