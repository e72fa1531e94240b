"""One story, several sources (issue 15): ingest gives the versions of one event one `story:`,
the site shows one card per story with its other versions, and the curator decides in the end.

The grouping is measured on tests/story_corpus (99 raw files over 44 events, labelled before
any grouping code existed) and on a dense synthetic stretch of tariff news (dense_day.py).
"""
from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from digest.cli import main
from digest.ingest import grouping
from digest.ingest.grouping import features_of
from digest.ingest.stories import INDEX_VERSION
from tests import dense_day
from tests.conftest import SITE_YAML, raw_article, write_site

CORPUS = Path(__file__).parent / "story_corpus"
LABELS = {name: event for path in sorted(CORPUS.glob("labels-*.yaml"))
          for name, event in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def ingested(site: Path, capsys) -> dict[str, dict]:
    """Run ingest; {raw file name: its article's front matter}."""
    assert main(["ingest", "--site", str(site)]) == 0, capsys.readouterr().err
    found = {}
    for path in sorted((site / "content/articles").rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found[meta["raw"].rsplit("/", 1)[-1]] = meta
    return found


def bcubed(predicted: dict[str, str], labels: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against labels."""
    clusters, events = Counter(predicted.values()), Counter(labels[i] for i in predicted)
    both = Counter((predicted[i], labels[i]) for i in predicted)
    precision = sum(both[predicted[i], labels[i]] / clusters[predicted[i]] for i in predicted) / len(predicted)
    recall = sum(both[predicted[i], labels[i]] / events[labels[i]] for i in predicted) / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def corpus_site(tmp_path: Path, name: str, files: list[Path]) -> Path:
    site = write_site(tmp_path / name, {})
    for path in files:
        shutil.copy(path, site / "content/raw" / path.name)
    return site


def test_bcubed_is_what_its_definition_says():
    labels = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "x", "c": "y"}, labels) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed({"a": "x", "b": "x", "c": "x"}, labels)
    assert (round(precision, 4), recall) == (round((2 / 3 * 2 + 1 / 3) / 3, 4), 1.0)


def grouped_by_language(tmp_path: Path, capsys, files: list[Path], labels: dict[str, str],
                        name: str) -> tuple[dict[str, tuple[float, float, float]], int, int]:
    """Ingest `files` (all, then the English alone) and print B-cubed figures of their `story:`
    ids against `labels`: ({"all" | "English only": (precision, recall, F1)}, the same-event
    pairs across languages that share a story, all such pairs)."""
    found = ingested(corpus_site(tmp_path, "all", files), capsys)
    assert set(found) == set(labels)
    stories = {file: str(meta["story"]) for file, meta in found.items()}
    english = [p for p in files if found[p.name]["language"] == "en"]
    english_stories = {file: str(meta["story"]) for file, meta in ingested(
        corpus_site(tmp_path, "en", english), capsys).items()}
    # pairs of one event in two languages, grouped or not
    pairs = [(a, b) for a in found for b in found if a < b and labels[a] == labels[b]
             and found[a]["language"] != found[b]["language"]]
    joined = sum(stories[a] == stories[b] for a, b in pairs)
    results = {"all": bcubed(stories, labels), "English only": bcubed(english_stories, labels)}
    with capsys.disabled():
        for part, (precision, recall, f1) in results.items():
            print(f"\n{name}, {part}: B-cubed precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
        print(f"{name}: {joined} of {len(pairs)} same-event pairs across languages share a story")
    return results, joined, len(pairs)


def test_story_ids_group_the_labelled_events(tmp_path, capsys):
    """Every version of an event shares one `story:`, and no two events share one (F1 >= 0.9),
    in English alone and with La Presse Canadienne's French copy among the English."""
    results, _, _ = grouped_by_language(tmp_path, capsys, sorted(CORPUS.glob("*.txt")), LABELS, "story grouping")
    for name, (_, _, f1) in results.items():
        assert f1 >= 0.9, f"{name}: F1 {f1:.3f}"


@pytest.mark.parametrize("corpus", [
    # 45 raw files over 24 events (9 in both languages, 5 confusable pairs, a dense two days of
    # trade news). Measured before any change for them: F1 1.000, in English alone 1.000, every
    # same-event pair across languages joined
    "story_corpus_fresh",
    # 58 raw files over 26 events (13 in both languages, 7 confusable pairs, 15 trade stories in
    # two days, a fire and its cause found the next day), two sessions later. Measured before any
    # change for them: precision 1.000, recall 0.983, F1 0.991; in English alone 1.000; 24 of 25
    # same-event pairs across languages joined (a deputy governor's speech: its French version
    # cites the tariff's 25 %, the English one the rate and the dollar)
    "story_corpus_fresh2",
])
def test_story_ids_group_events_written_after_the_grouping(tmp_path, capsys, corpus):
    """Sets a writer wrote and labelled after the grouping was built, without seeing it."""
    folder = Path(__file__).parent / corpus
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    results, joined, pairs = grouped_by_language(tmp_path, capsys, sorted(folder.glob("*.txt")), labels,
                                                 corpus.replace("_", " "))
    for name, (_, _, f1) in results.items():
        assert f1 >= 0.9, f"{name}: F1 {f1:.3f}"
    assert joined >= 0.9 * pairs


def test_a_dense_stretch_of_tariff_news_is_not_chained_into_one_story(tmp_path, capsys):
    """120 tariff announcements in 72 hours, 269 versions that share nearly all their words:
    the facts of each (goods, rate, money) keep the events apart."""
    site = write_site(tmp_path / "dense", {})
    labels = dense_day.write(site / "content/raw")
    found = ingested(site, capsys)
    stories = {name: str(meta["story"]) for name, meta in found.items()}
    precision, recall, f1 = bcubed(stories, labels)
    with capsys.disabled():
        print(f"\ndense day ({len(set(labels.values()))} events, {len(labels)} versions): B-cubed "
              f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.9
    largest, events = max(Counter(stories.values()).values()), max(Counter(labels.values()).values())
    assert largest <= 2 * events, f"a story of {largest} versions where events have at most {events}"


def test_stories_ruled_out_on_hours_and_figures_alone_are_those_the_words_would_not_join(tmp_path, capsys,
                                                                                         monkeypatch):
    """Placing skips the word-by-word comparison of a story its versions' hours and figures
    already keep below the threshold: on a dense day, the stories are those comparing every
    candidate gives."""
    from digest.ingest import grouping

    stories = []
    for name in ("pruned", "compared"):
        site = write_site(tmp_path / name, {})
        dense_day.write(site / "content/raw")
        if name == "compared":
            monkeypatch.setattr(grouping, "_may_reach", lambda discounts: True)
        stories.append({raw: str(meta["story"]) for raw, meta in ingested(site, capsys).items()})
    assert stories[0] == stories[1]
    assert len(set(stories[0].values())) < len(stories[0])  # some versions were grouped


def test_the_sample_digest_groups_as_an_editor_labelled_it(capsys):
    """The committed sample digest (a dense fortnight of campaign and tariff news, 37 files)
    against events an editor labelled from the raw copy alone."""
    root = Path(__file__).parent.parent
    labels = yaml.safe_load((Path(__file__).parent / "sample_digest_events.yaml").read_text(encoding="utf-8"))
    stories = {}
    for path in (root / "content/articles").rglob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        stories[meta["raw"].rsplit("/", 1)[-1]] = str(meta["story"])
    assert set(stories) == set(labels)
    precision, recall, f1 = bcubed(stories, labels)
    with capsys.disabled():
        print(f"\nsample digest ({len(set(labels.values()))} events, {len(labels)} files): B-cubed "
              f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.9


@settings(max_examples=400)
@given(st.text(alphabet="0123456789-., \u00a0\u202fa", max_size=24))
@example("1-2 12-3 123-4 -1-2 a1-2b 1-23 12-34-5 1,000.5 .5 ,5 1.2.3 2 500 000,5")
def test_figures_are_found_as_their_plain_definitions_find_them(text):
    """The number and score patterns look behind their first digit (for speed): they find
    exactly what the lookbehind-first definitions find."""
    assert grouping._SCORE.findall(text) == re.findall(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])", text)
    assert grouping._NUMBER["en"].findall(text) == re.findall(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?", text)
    assert grouping._NUMBER["fr"].findall(text) == re.findall(r"(?<![\d.,])\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?", text)


def test_features_read_back_from_the_file_are_those_ingest_compared(tmp_path, capsys):
    """What ingest compared for a new article is what it reads back from its file later
    (the index and a later run must see the same article)."""
    from digest.config import load_config
    from digest.ingest.classify import Classifier
    from digest.ingest.story import draft
    from digest.ingest.wire import parse

    site = corpus_site(tmp_path, "all", sorted(CORPUS.glob("*.txt")))
    config = load_config(site)
    classifier = Classifier.from_config(config, None)
    for raw in sorted((site / "content/raw").glob("*.txt")):
        pending = draft(parse(raw, raw.read_bytes(), config.zone), f"content/raw/{raw.name}", classifier, "en", config.base_url)
        read = features_of(pending.wanted_text.decode("utf-8"), config.zone)
        assert read is not None and read[0] == pending.features, raw.name


# --- the site ------------------------------------------------------------------------

CP = raw_article("Bank of Canada cuts key rate to 2.25%, signals it may be done", "2025-10-29",
                 posted="Posted October 29, 2025 9:50 am.", body=[
    "OTTAWA — The Bank of Canada cut its key interest rate by a quarter point to 2.25 per cent on Wednesday, "
    "and governor Tiff Macklem signalled the cuts may be over.",
    "Macklem said the economy would grow 1.2 per cent this year and 1.1 per cent next year.",
    "Stephen Tapp of the Canadian Chamber of Commerce said the bank was hinting at a pause."])
RT = raw_article("Bank of Canada cuts rates to 2.25%, hints at end of easing cycle", "2025-10-29",
                 byline="By Promit Saha, Reuters", posted="Posted October 29, 2025 10:18 am.", body=[
    "OTTAWA, Oct 29 (Reuters) - The Bank of Canada cut its key policy rate by 25 basis points to 2.25% on "
    "Wednesday and signalled it was likely done easing, as Governor Tiff Macklem weighed tariff damage.",
    "The bank forecast growth of 1.2% in 2025 and 1.1% in 2026.",
    "The Canadian dollar was little changed at 1.393 to the U.S. dollar."])
PC = raw_article("La Banque du Canada abaisse son taux à 2,25 % et laisse entrevoir une pause", "2025-10-29",
                 byline="Par Stéphane Rolland, La Presse Canadienne", posted=None, body=[
    "Publié le 29 octobre 2025 à 10 h 05",
    "OTTAWA — La Banque du Canada a abaissé son taux directeur d'un quart de point, à 2,25 %, mercredi, "
    "et le gouverneur Tiff Macklem a laissé entendre que les baisses pourraient être terminées.",
    "La Banque prévoit une croissance de 1,2 % cette année et de 1,1 % l'an prochain."])
OTHER = raw_article("Hailstorm damages 700 cars at Lethbridge dealership", "2025-10-29",
                    posted="Posted October 29, 2025 2:00 pm.", body=[
    "LETHBRIDGE — Hail the size of golf balls damaged 700 cars at a dealership in Lethbridge on Wednesday.",
    "Environment Canada had issued a warning an hour earlier, meteorologist Kyle Fougere said."])


def build(site: Path, capsys) -> dict[str, str]:
    assert main(["build", "--site", str(site)]) == 0, capsys.readouterr().err
    return {p.relative_to(site / "output").as_posix(): p.read_text(encoding="utf-8")
            for p in (site / "output").rglob("*") if p.is_file() and p.suffix in (".html", ".xml")}


def story_of(site: Path, raw: str) -> str:
    for path in (site / "content/articles").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if f'raw: "content/raw/{raw}"' in text or f"raw: content/raw/{raw}" in text:
            return re.search(r"(?m)^story: (.*)$", text).group(1).strip('"')
    raise AssertionError(f"no article for {raw}")


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_front_page_shows_one_card_per_story_with_its_other_versions(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT,
                                          "content/raw/pc.txt": PC, "content/raw/hail.txt": OTHER})
    files = build(site, capsys)
    assert story_of(site, "cp.txt") == story_of(site, "rt.txt") == story_of(site, "pc.txt") != story_of(site, "hail.txt")
    home = files["index.html"]
    # the lead version (the earliest in the site's language) heads the card; the others are links
    assert home.count("Bank of Canada cuts key rate to 2.25%") == 1
    assert "Bank of Canada cuts rates to 2.25%, hints" not in home
    assert "2 stories" in visible(home)
    also = re.search(r'<p class="also">(.*?)</p>', home).group(1)
    assert visible(also) == "Also: Reuters · La Presse Canadienne (French)"
    for href in re.findall(r'href="\./([^"]+)"', also):
        assert href + "index.html" in files  # each link leads to that version's page
    assert 'hreflang="fr"' in also
    # the day page and the topic page also show the story once
    day = files["2025/10/29/index.html"]
    assert day.count('class="also"') == 1 and "Bank of Canada cuts rates to 2.25%, hints" not in day


def test_each_version_lists_the_others_and_never_as_related(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT,
                                          "content/raw/pc.txt": PC, "content/raw/hail.txt": OTHER})
    files = build(site, capsys)
    page = next(v for k, v in files.items() if k.startswith("2025/10/29/bank-of-canada-cuts-rates"))
    coverage = re.search(r'<section class="coverage".*?</section>', page, re.S).group(0)
    assert "Other coverage" in coverage
    assert "Bank of Canada cuts key rate to 2.25%, signals it may be done" in coverage
    assert 'lang="fr"' in coverage and "La Banque du Canada abaisse son taux" in coverage
    assert "(French)" in coverage and "October 29, 2025" in coverage
    related = re.search(r'<section class="related".*?</section>', page, re.S)
    assert related is None or "Bank of Canada" not in related.group(0) and "Banque" not in related.group(0)
    # the next story in the topic is another story, not another version of this one
    for rel in re.findall(r'rel="(?:prev|next)" href="(?:\.\./)*([^"]+)"', page):
        assert "bank-of-canada" not in rel and "banque" not in rel, rel
    # feeds keep every version as an entry, each linking the others
    feed = files["feed.xml"]
    assert feed.count("<entry") == 4 and feed.count('rel="related"') == 6


def test_the_curator_decides_what_is_one_story(tmp_path, capsys):
    """`story: none` keeps a version alone; a `story:` the curator set is never changed by
    ingest, and a later version of the event joins the curator's story."""
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP})
    build(site, capsys)
    cp_file = next((site / "content/articles").rglob("*.md"))
    cp_file.write_text(re.sub(r"(?m)^story: .*$", "story: bank-of-canada-october", cp_file.read_text()))
    (site / "content/raw/rt.txt").write_text(RT)
    files = build(site, capsys)
    assert story_of(site, "rt.txt") == "bank-of-canada-october" == story_of(site, "cp.txt")
    assert 'class="also"' in files["index.html"]
    rt_file = next(p for p in (site / "content/articles").rglob("*.md") if "rates-to-2-25" in p.name)
    rt_file.write_text(rt_file.read_text().replace("story: bank-of-canada-october", "story: none"))
    (site / "content/raw/pc.txt").write_text(PC)
    files = build(site, capsys)
    assert story_of(site, "rt.txt") == "none"
    assert story_of(site, "pc.txt") == "bank-of-canada-october"
    home = files["index.html"]
    assert home.count('class="also"') == 1 and "Bank of Canada cuts rates to 2.25%, hints" in home


def test_a_corrected_raw_file_keeps_its_story(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT})
    build(site, capsys)
    story = story_of(site, "rt.txt")
    (site / "content/raw/rt.txt").write_text(RT.replace("little changed", "slightly weaker"))
    build(site, capsys)
    assert story_of(site, "rt.txt") == story == story_of(site, "cp.txt")


def test_the_curator_picks_the_lead_version(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT})
    build(site, capsys)
    rt_file = next(p for p in (site / "content/articles").rglob("*.md") if "rates-to-2-25" in p.name)
    rt_file.write_text(rt_file.read_text().replace("draft: false", "draft: false\nlead: true"))
    home = build(site, capsys)["index.html"]
    assert "Bank of Canada cuts rates to 2.25%, hints" in home
    assert "Bank of Canada cuts key rate to 2.25%, signals" not in home
    assert visible(re.search(r'<p class="also">(.*?)</p>', home).group(1)) == "Also: The Canadian Press"


def test_digest_stories_lists_a_days_stories_and_their_versions(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT,
                                          "content/raw/pc.txt": PC, "content/raw/hail.txt": OTHER})
    build(site, capsys)
    capsys.readouterr()
    assert main(["stories", "2025-10-29", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("October 29, 2025: 2 stories, 4 articles")
    block = out.split("\n\n")[1]
    assert block.splitlines()[0] == "Bank of Canada cuts key rate to 2.25%, signals it may be done"
    assert "lead  9:50 a.m.  The Canadian Press (en)" in block
    assert "Reuters (en)" in block and "La Presse Canadienne (fr)" in block
    assert "Hailstorm damages 700 cars" in out
    assert main(["stories", "2025-02-30", "--site", str(site)]) == 2


@pytest.mark.parametrize("planted", [
    b"{", b"\x80\x81", b"[" * 100000,
    b'{"version": %d, "entries": {"x.md": [1, 2, 3]}}' % INDEX_VERSION,
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [1e999, "en", [], [], [], []]]}}' % INDEX_VERSION,
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [0, "en", ["a"], [2.0], [], []]]}}' % INDEX_VERSION,
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [1.0, "en", [""], [0.5], [""], [0.5]]]}}' % INDEX_VERSION,
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [%s, "en", [], [], [], []]]}}' % (INDEX_VERSION, b"9" * 400),
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [1.0, "en", ["a", "b"], [0.5, NaN], [], []]]}}' % INDEX_VERSION,
    b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", [1.0, "en", ["a", "b"], [0.5, 1e-160], [], []]]}}' % INDEX_VERSION,
    *(b'{"version": %d, "entries": {"2025/10/29-x.md": [1, 2, "s", %s, null]}}' % (INDEX_VERSION, stamp)
      for stamp in (b"1e999", b"-1e999", b"NaN", b"true", b"5", b'"1"'))])
def test_a_planted_story_index_is_one_warning(tmp_path, capsys, planted):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP})
    (site / ".digest").mkdir()
    (site / ".digest/stories.json").write_bytes(planted)
    assert main(["ingest", "--site", str(site)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("stories.json:1: warning: ignored") == 1
    (site / "content/raw/rt.txt").write_text(RT)
    assert main(["ingest", "--site", str(site)]) == 0
    assert "stories.json" not in capsys.readouterr().err  # written again by this digest
    assert story_of(site, "rt.txt") == story_of(site, "cp.txt")


def test_a_bad_story_or_lead_field_names_the_file_and_line(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP})
    assert main(["ingest", "--site", str(site)]) == 0
    path = next((site / "content/articles").rglob("*.md"))
    path.write_text(path.read_text().replace("draft: false", "draft: false\nlead: maybe\n"))
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    line = path.read_text().splitlines().index("lead: maybe") + 1
    assert f"{path.name}:{line}: 'lead' must be true or false" in err


SITE_FR = SITE_YAML.replace("timezone:", "language: fr\ntimezone:")


def test_on_a_french_site_the_french_version_leads(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/pc.txt": PC}, SITE_FR)
    home = build(site, capsys)["index.html"]
    assert "La Banque du Canada abaisse son taux" in home and "Bank of Canada cuts key rate" not in home
    also = re.search(r'<p class="also">(.*?)</p>', home).group(1)
    assert also.startswith("Aussi\u00a0: ")  # French typography: no line break before the colon
    assert visible(also) == "Aussi : The Canadian Press (anglais)"


def test_yaml_false_is_no_story_and_says_where(tmp_path, capsys):
    """`story: no` is YAML's false: it must not make one story of every article so written."""
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/hail.txt": OTHER})
    assert main(["ingest", "--site", str(site)]) == 0
    for path in (site / "content/articles").rglob("*.md"):
        path.write_text(re.sub(r"(?m)^story: .*$", "story: no", path.read_text()))
    capsys.readouterr()
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert err.count("'story' must be text") == 2 and "story: none" in err and "Traceback" not in err


@pytest.mark.parametrize("day", ["9999-12-30", "0001-01-02"])
def test_a_story_at_the_edge_of_the_calendar_is_no_traceback(tmp_path, capsys, day):
    site = write_site(tmp_path / "site", {"content/raw/a.txt": raw_article("Ottawa unveils plan", day, posted=None),
                                          "content/raw/cp.txt": CP})
    main(["build", "--site", str(site)])
    assert "Traceback" not in capsys.readouterr().err


def test_after_a_lost_state_folder_stories_stay_and_nothing_looks_edited(tmp_path, capsys):
    """A fresh clone (no .digest/) reads every raw file again: the stories in the committed
    Markdown stay, no article is taken for a curator's edit, and corrections still apply."""
    site = write_site(tmp_path / "site", {"content/raw/rt.txt": RT})
    assert main(["ingest", "--site", str(site)]) == 0
    (site / "content/raw/cp.txt").write_text(CP)  # arrives later: joins Reuters' story
    assert main(["ingest", "--site", str(site)]) == 0
    before = {raw: story_of(site, raw) for raw in ("rt.txt", "cp.txt")}
    assert before["rt.txt"] == before["cp.txt"]
    shutil.rmtree(site / ".digest")
    capsys.readouterr()
    assert main(["ingest", "--site", str(site)]) == 0
    assert "curator" not in capsys.readouterr().err
    assert {raw: story_of(site, raw) for raw in ("rt.txt", "cp.txt")} == before
    (site / "content/raw/rt.txt").write_text(RT.replace("little changed", "slightly weaker"))
    assert main(["ingest", "--site", str(site)]) == 0
    assert "curator" not in capsys.readouterr().err
    assert "slightly weaker" in next(p for p in (site / "content/articles").rglob("*.md")
                                     if "rates-to-2-25" in p.name).read_text()


def test_a_story_never_spreads_over_more_than_the_window_one_day_at_a_time(tmp_path, capsys):
    """Copy ingested as it arrives, a day at a time, is held to the same 72 hours as copy ingested at once."""
    def version(day: str, posted: str, title: str) -> str:
        return raw_article(title, day, posted=posted, body=CP.split("\n\n")[3:6])
    raws = {"a.txt": version("2025-10-20", "Posted October 20, 2025 8:00 am.", "Bank of Canada cuts key rate to 2.25%"),
            "b.txt": version("2025-10-22", "Posted October 22, 2025 11:00 pm.", "Macklem says cut to 2.25% may be last"),
            "c.txt": version("2025-10-25", "Posted October 25, 2025 7:00 pm.", "Economists weigh 2.25% rate")}
    site = write_site(tmp_path / "site", {})
    for name, text in raws.items():
        (site / "content/raw" / name).write_text(text)
        assert main(["ingest", "--site", str(site)]) == 0
    stories = {name: story_of(site, name) for name in raws}
    assert stories["a.txt"] != stories["c.txt"]  # 83 hours apart


def test_late_copy_joins_a_story_whose_days_the_index_keeps_by_their_stamps_only(tmp_path, capsys):
    """The story index keeps the words of the last few days only (older versions count for
    their stories' spread): copy filed late for an older day reads those versions again."""
    import json

    site = write_site(tmp_path / "site", {"content/raw/rt.txt": RT})
    assert main(["ingest", "--site", str(site)]) == 0
    (site / "content/raw/later.txt").write_text(raw_article("Ottawa unveils housing plan", "2025-11-05", posted=None))
    assert main(["ingest", "--site", str(site)]) == 0
    index = json.loads((site / ".digest/stories.json").read_text())["entries"]
    assert [type(v[3]) for k, v in sorted(index.items())] == [float, list]  # Reuters' day: its stamp only
    (site / "content/raw/cp.txt").write_text(CP)  # The Canadian Press's version, a week late
    assert main(["ingest", "--site", str(site)]) == 0, capsys.readouterr().err
    assert story_of(site, "cp.txt") == story_of(site, "rt.txt") != story_of(site, "later.txt")


def test_an_article_changed_within_its_mtime_is_read_again(tmp_path, capsys):
    """The story index knows a file saved moments before it was written by the hash of its
    bytes, until the file is old enough: a change that keeps its size and mtime (a tool that
    restores mtimes, a second save in the same tick) is still seen."""
    import os

    site = write_site(tmp_path / "site", {"content/raw/rt.txt": RT})
    assert main(["ingest", "--site", str(site)]) == 0
    (site / "content/raw/other.txt").write_text(raw_article("Ottawa unveils housing plan", "2025-10-29", posted=None))
    assert main(["ingest", "--site", str(site)]) == 0  # moments later: Reuters' file still too recent to trust
    path = next(p for p in (site / "content/articles").rglob("*.md") if "rates-to-2-25" in p.name)
    before = path.stat()
    head, body = path.read_text().split("\n---\n", 1)
    head = re.sub(r"(?m)^(title: ).*$", lambda m: m[1] + re.sub(r"[A-Za-z]", "q", m[0][len(m[1]):]), head)
    path.write_text(head + "\n---\n" + re.sub(r"[A-Za-z]", "q", body))  # another text, the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    (site / "content/raw/cp.txt").write_text(CP)
    assert main(["ingest", "--site", str(site)]) == 0
    assert story_of(site, "cp.txt") != story_of(site, "rt.txt")  # Reuters' words are gone


def test_story_ids_do_not_depend_on_the_hash_seed(tmp_path):
    """Same copy, same stories, in any process (sums over sets are exact, whatever their order)."""
    import subprocess
    import sys

    results = []
    for seed in ("1", "2"):
        site = corpus_site(tmp_path, f"seed{seed}", sorted(CORPUS.glob("a-*.txt")))
        subprocess.run([sys.executable, "-m", "digest", "ingest", "--site", str(site)], check=True,
                       capture_output=True, env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        results.append(sorted(p.read_text(encoding="utf-8") for p in (site / "content/articles").rglob("*.md")))
    assert results[0] == results[1]


def test_month_pages_count_and_show_stories_as_day_pages_do(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/raw/cp.txt": CP, "content/raw/rt.txt": RT,
                                          "content/raw/pc.txt": PC, "content/raw/hail.txt": OTHER})
    files = build(site, capsys)
    month = visible(files["2025/10/index.html"])
    assert "2 stories" in month and "4 stories" not in month
    assert files["2025/10/index.html"].count('class="also"') == 1
    assert "2 stories in all" in visible(files["archive/index.html"])


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(["2025/03/27-", "2025/03/28-", "2025/03/29-", "2025/04/01-", "2024/12/31-"]),
                          st.text("ab-", min_size=1, max_size=4)), max_size=40),
       st.sets(st.sampled_from(["2025/03/27-", "2025/03/28-", "2025/04/01-", "2026/01/01-"])))
def test_the_days_files_found_by_bisection_are_those_a_full_read_finds(names, days):
    """A day's new copy reads the files of the days within reach only: found in the sorted scan
    by bisection, they are the files a read of the whole archive would select, in its order."""
    from digest.ingest.stories import _on_days

    folder = "/site/content/articles/"
    scan = sorted({(folder + day + rest + ".md", 1, 2) for day, rest in names})
    assert list(_on_days(scan, folder, days)) == [s for s in scan if s[0][len(folder):len(folder) + 11] in days]
