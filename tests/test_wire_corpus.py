"""The wire mix, labelled by editors before the code read it: tests/wire_corpus/FAMILY/NAME.txt is
copy as a curator saves it (CP, La Presse Canadienne, AP, Reuters, local outlets), NAME.yaml what
the published story must say. Each story is built into a site and checked field by field,
and on its page."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from digest.cli import main
from digest.frontmatter import split
from tests.conftest import write_site

CORPUS = Path(__file__).parent / "wire_corpus"
STORIES = sorted(CORPUS.glob("*/*.txt"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The whole corpus built as one site: (site folder, stderr lines, Markdown by raw file)."""
    import contextlib
    import io

    root = write_site(tmp_path_factory.mktemp("wire"), {})
    for path in STORIES:
        shutil.copyfile(path, root / "content" / "raw" / path.name)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", "--site", str(root)]) == 0, err.getvalue()
    by_raw = {}
    for md in (root / "content" / "articles").rglob("*.md"):
        meta = yaml.safe_load(split(md.read_text(encoding="utf-8"))[0])
        by_raw[meta["raw"]] = (md, meta)
    return root, err.getvalue().splitlines(), by_raw


def test_the_corpus_has_every_family():
    families = {p.parent.name for p in STORIES}
    assert families == {"cp", "pc", "ap", "reuters", "local"}
    assert len(STORIES) >= 40 and all(len(list((CORPUS / f).glob("*.txt"))) >= 6 for f in families)


def _value(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


class _Page(HTMLParser):
    """The text of the story's page by element: list items, subheads, quotes, notes, body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.parts: dict[str, list[str]] = {"li": [], "h2": [], "figcaption": [], "notes": [], "body": []}
        self.current: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))
        if tag in ("li", "h2", "figcaption") and self._inside("body"):
            self.current[tag] = []

    def handle_endtag(self, tag):
        if tag in self.current and self._inside("body"):
            self.parts[tag].append(" ".join("".join(self.current.pop(tag)).split()))
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def _inside(self, cls: str) -> bool:
        return any(cls in c.split() for _, c in self.stack)

    def handle_data(self, data):
        for buffer in self.current.values():
            buffer.append(data)
        if self._inside("body"):
            self.parts["body"].append(data)
        if self._inside("notes"):
            self.parts["notes"].append(data)


def page_of(root: Path, md: Path, meta: dict) -> _Page:
    day = md.relative_to(root / "content" / "articles").as_posix()[:8] + md.name[:2]
    parser = _Page()
    parser.feed((root / "output" / day / meta["slug"] / "index.html").read_text(encoding="utf-8"))
    return parser


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_front_matter_is_what_the_editor_labelled(built, path):
    root, warnings, by_raw = built
    label = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    md, meta = by_raw[f"content/raw/{path.name}"]
    assert meta["source"] == label["source"]
    assert meta["authors"] == label["authors"]
    assert _value(meta["date"]) == label["date"]
    assert _value(meta.get("updated")) == label["updated"]
    assert meta.get("dateline", "") == label["dateline"]
    assert meta["language"] == label["language"]
    assert meta["summary"].startswith(label["summary_start"]), meta["summary"]
    assert meta["credits"] == label["credits"]
    assert meta["notes"] == label["notes"]
    tags = {t.casefold() for t in meta["tags"]}
    for name in label["forbidden_tags"]:
        if name.split(",")[0].isupper():  # the dateline as written: `TORONTO`, `KYIV, Ukraine` are junk,
            # Toronto or Kyiv named in the story is not
            assert name not in meta["tags"] and name.split(",")[0] not in meta["tags"], name
        else:
            assert name.casefold() not in tags and name.split(",")[0].casefold() not in tags, name


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_the_page_shows_the_copy_with_its_structure(built, path):
    root, warnings, by_raw = built
    label = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    md, meta = by_raw[f"content/raw/{path.name}"]
    page = page_of(root, md, meta)
    assert page.parts["li"] == [flat(i) for i in label["list_items"]]
    assert page.parts["h2"] == [flat(s) for s in label["subheads"]]
    assert page.parts["figcaption"] == [flat(a) for a in label["attributions"]]
    assert flat("".join(page.parts["notes"])) == flat(" ".join(label["notes"]))
    # every word of the story from its lede on, as written: credits apart, bullets as list items
    body = flat("".join(page.parts["body"]))
    raw = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    blocks = [b for b in re.split(r"\n\s*\n", raw) if b.strip()]
    start = next(i for i, b in enumerate(blocks) if label["summary_start"] in flat(b))
    # what the editor has left out with a warning (`READ MORE: ...`): a label alone takes its list of links
    left_out = [w for w in label["warnings"] if w.rstrip().endswith((":", "|"))]
    links = prompt = thread = False
    for block in blocks[start:]:
        lines = [flat(line) for line in block.split("\n") if line.strip()]
        if thread and not (lines[0] in label["warnings"] or any(lines[0].startswith(w) for w in label["warnings"])):
            continue  # the readers' comments under a thread's heading left out with a warning: theirs, not the story's
        thread = len(lines) == 1 and lines[0] in label["warnings"] and re.match(
            r"\d+ (?:thoughts?|comments?|responses?|réflexions?|commentaires?|réponses?) (?:on|to|sur|à) ", lines[0]) is not None
        if prompt and len(lines) == 1 and len(lines[0].split()) <= 2 and not lines[0].endswith((".", "!", "?")):
            prompt = False  # a prompt's button alone under it (`No thanks`), left out with the prompt
            continue
        # (a prompt: sentences, the editor's warning quoting the first; a label over links is no sentence)
        prompt = len(lines) == 1 and lines[0].endswith(".") and any(
            lines[0].startswith(w) and len(w) >= 15 and w != lines[0] for w in label["warnings"])
        if links and all(re.match(r"^[•*\-–]\s+", line) or len(line) < 100 and not line.endswith((".", "!", "?"))
                         for line in lines):
            links = False  # the links under a label left out in a block of its own, bulleted or not
            continue
        if len(lines) > 1 and (lines[0] in left_out or lines[0] in label["warnings"]):
            continue  # a label over its links or the page's sharing buttons, in one block
        links = len(lines) == 1 and (lines[0] in left_out or lines[0] in label["warnings"])
        for line in lines:
            if line in label["credits"] or line in label["notes"] or re.fullmatch(r"_{3,}", line) \
                    or any(line.startswith(w) for w in left_out) \
                    or any(line.startswith(w) and len(w) >= 15 for w in label["warnings"]) \
                    or line in {flat(w) for w in label["warnings"]}:  # (a row of buttons set apart by spaces)
                continue
            text = re.sub(r"^[•*\-–—]\s+", "", line) if flat(re.sub(r"^[•*\-–—]\s+", "", line)) in \
                [flat(i) for i in label["list_items"]] else line
            assert flat(text) in body, f"{path.name}: {text!r} is not on the page"


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_warnings_name_the_file_and_say_what_the_copy_lacks(built, path):
    root, warnings, by_raw = built
    label = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    mine = [w for w in warnings if f"content/raw/{path.name}:" in w]
    for expected in label["warnings"]:
        assert any(expected in w for w in mine), (expected, mine)
    assert len(mine) == len(label["warnings"]), mine
    assert all(re.search(rf"content/raw/{re.escape(path.name)}:\d+: warning: ", w) for w in mine)
