"""Full-text search: what a reader's query finds, the files a query fetches, and what a new
day of stories rewrites. The browser tests run the page's own script in Chromium."""
from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import threading
from html import unescape
from pathlib import Path

import pytest

from digest import search
from tests.conftest import SITE_YAML, raw_article, write_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# --- words ---------------------------------------------------------------------------------

# Written from what a reader expects, before running the rules: forms that must find each other
SAME = [("tariff", "tariffs"), ("company", "companies"), ("tax", "taxes"), ("class", "classes"),
        ("business", "businesses"), ("bus", "buses"), ("church", "churches"), ("house", "houses"),
        ("Québec", "quebec"), ("Montréal", "MONTREAL"), ("élection", "élections"), ("journal", "journaux"),
        ("bureau", "bureaux"), ("jeu", "jeux"), ("série", "séries"), ("nommé", "nommées"),
        ("ministre", "ministres"), ("taxe", "tax"), ("économie", "economie"), ("œuvre", "oeuvre"),
        ("grande", "grandes"), ("élue", "élus"), ("policy", "policies")]
# ... and words that are not forms of one another
APART = [("tariff", "tariffing"), ("status", "statue"), ("paris", "pari"), ("canada", "canadian"),
         ("trade", "trader"), ("cohere", "coherent")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_plural_and_singular_forms_share_a_key(a, b):
    assert search.terms(a) == search.terms(b) and search.terms(a)


@pytest.mark.parametrize(("a", "b"), APART)
def test_other_words_keep_their_own_key(a, b):
    assert search.terms(a) != search.terms(b)


def test_symbols_and_invisible_characters_do_not_hide_a_word():
    assert search.terms("Apple™ co\u00adoperation ℂanada") == search.terms("apple cooperation canada")
    assert search.terms("March 5") == {"march", "5"}  # a day of the month is searchable


# Written before running either side: words a reader may type or a story may hold
TRICKY = ["l’économie", "aujourd'hui", "Counter-tariffs", "COVID-19 G7", "İstanbul ISTANBUL", "STRASSE Straße",
          "ﬁnance Œuvre", "東京都に2025-03-28発表", "party👍", "(2025-03-28)", "Ottawa,2025-03-28", "Apple™",
          "co\u00adoperation", "№5", "𝐁𝐨𝐥𝐝", "ΟΔΟΣ", "𠀀𠀀s", "2025-03-28é", "Montréal\u00a0Québec", "WHO Will été",
          "MARCH 5", "les élus", "Ｆｕｌｌｗｉｄｔｈ", "e\u0301lection"]


def test_the_page_script_makes_the_same_keys_as_the_index():
    """search.js's own word functions, run by node, against `search.terms` (a query that
    makes other keys than the index finds nothing)."""
    node = shutil.which("node")
    assert node, "run tests/setup.sh first: it installs node"
    script = (Path(__file__).parent.parent / "themes/default/static/search.js").read_text(encoding="utf-8")
    words = script[script.index("// --- words"):script.index("// --- files")]
    settings = {"rules": [list(r) for r in search.RULES], "min": search.MIN_LENGTH}
    program = (f"var settings = {json.dumps(settings)}; var stop = new Set({json.dumps(sorted(search.STOP))});\n"
               f"{words}\nconsole.log(JSON.stringify({json.dumps(TRICKY)}.map(function (t) {{"
               f" return keys(t).map(function (k) {{ return [k, bucketOf(k, 256)]; }}); }})));")
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True)
    for text, from_js in zip(TRICKY, json.loads(done.stdout), strict=True):
        assert sorted(from_js) == sorted([k, search.bucket_of(k, 256)] for k in search.terms(text)), text
    assert search.terms("“Counter-tariffs,” said the S&P/TSX's l’économie") == \
        search.terms("counter tariff s&p tsx economy")
    assert search.terms("the and of le la des") == set()


# --- the index as built --------------------------------------------------------------------

def settings_of(output: Path) -> dict:
    page = (output / "search/index.html").read_text(encoding="utf-8")
    return json.loads(unescape(re.search(r'<script type="application/json" id="search-settings">(.*?)</script>',
                                         page, re.S)[1]))


def unpacked(path: Path):
    return json.loads(gzip.decompress(path.read_bytes()))


def find(output: Path, query: str) -> list[str]:
    """The addresses a query finds, best first, read from the files as search.js reads them
    (the browser tests run search.js itself)."""
    settings = settings_of(output)
    keys = sorted(search.terms(query))
    hits = []
    for name, start, _, buckets in settings["chunks"]:
        score: dict[int, int] | None = None
        for key in keys:
            gaps = unpacked(output / "search" / name / f"b{search.bucket_of(key, buckets)}").get(key, [])
            numbers, n = {}, -1
            for gap in gaps:
                n += gap >> 1
                numbers[n] = gap & 1
            score = {n: flag + (0 if score is None else score[n]) for n, flag in numbers.items()
                     if score is None or n in score}
        hits += [(s, start + n) for n, s in (score or {}).items()]
    hits.sort(reverse=True)
    pack = settings["pack"]
    return [unpacked(output / f"search/p/{n // pack}")[n % pack]["u"] for _, n in hits]


def story(title: str, day: str, body: str, source: str = "The Canadian Press") -> str:
    return raw_article(title, day, byline=f"By Staff, {source}", posted=None, body=[body])


def build(tmp_path: Path, run, files: dict[str, str]) -> Path:
    write_site(tmp_path, files)
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 0, err
    return tmp_path / "output"


def test_a_word_of_the_body_finds_its_story_headline_matches_first(tmp_path, run):
    output = build(tmp_path, run, {
        "content/raw/a.txt": story("Legault visits Québec City", "2025-03-20",
                                   "QUEBEC — The premier toured a shipyard in Lévis on Thursday."),
        "content/raw/b.txt": story("Ottawa weighs counter-tariffs", "2025-03-21",
                                   "OTTAWA — Officials said the shipyards of Lévis and Halifax would be spared."),
        "content/raw/c.txt": story("Shipyard strike ends", "2025-03-19",
                                   "HALIFAX — Workers returned on Monday after a vote."),
        "content/raw/d.txt": story("Carney <talks> & </script> trade", "2025-03-22", "TORONTO — Nothing else."),
    })
    assert find(output, "levis") == ["2025/03/21/ottawa-weighs-counter-tariffs/",
                                     "2025/03/20/legault-visits-quebec-city/"]  # newest first
    # the headline's match first, then the others, newest first
    assert find(output, "shipyard") == ["2025/03/19/shipyard-strike-ends/", "2025/03/21/ottawa-weighs-counter-tariffs/",
                                        "2025/03/20/legault-visits-quebec-city/"]
    assert find(output, "quebec shipyard") == ["2025/03/20/legault-visits-quebec-city/"]
    assert find(output, "tariff") == ["2025/03/21/ottawa-weighs-counter-tariffs/"]
    assert find(output, "2025-03-19") == find(output, "march 19") == find(output, "workers")
    assert find(output, "Trade") == ["2025/03/22/carney-talks-script-trade/", "2025/03/21/ottawa-weighs-counter-tariffs/"]
    assert find(output, "nowhere") == []
    page = (output / "search/index.html").read_text(encoding="utf-8")
    assert "</script>" not in page.split('id="search-settings">')[1].split("</script>")[0]


def test_chunks_stay_put_and_a_new_day_rewrites_only_the_newest(tmp_path, run, monkeypatch):
    monkeypatch.setattr(search, "BIG", 10)
    monkeypatch.setattr(search, "SMALL", 4)
    monkeypatch.setattr(search, "BUCKETS", {10: 8, 4: 2})
    monkeypatch.setattr(search, "PACK", 2)

    def day(n: int) -> str:
        return (dt.date(2025, 3, 1) + dt.timedelta(days=n)).isoformat()

    files = {f"content/raw/s{n:02d}.txt": story(f"Story number {n}", day(n), f"TORONTO — Word{n} and shared.")
             for n in range(16)}
    output = build(tmp_path, run, files)
    assert [c[:3] for c in settings_of(output)["chunks"]] == [["0-10", 0, 10], ["10-4", 10, 4], ["14-new", 14, 2]]
    assert len(find(output, "shared")) == 16
    assert find(output, "word3") == ["2025/03/04/story-number-3/"]
    before = {p: p.stat().st_mtime_ns for p in (output / "search").rglob("*") if p.is_file()}
    write_site(tmp_path, {"content/raw/s16.txt": story("Story number 16", day(16), "TORONTO — Word16 and shared.")})
    run("build", "--site", str(tmp_path))
    after = {p: p.stat().st_mtime_ns for p in (output / "search").rglob("*") if p.is_file()}
    changed = sorted(p.relative_to(output).as_posix() for p in after if before.get(p) != after[p])
    # the search page (its count), the newest chunk's buckets, and the pack the new story starts
    assert {"search/index.html", "search/p/8"} <= set(changed) <= \
        {"search/index.html", "search/14-new/b0", "search/14-new/b1", "search/p/8"}
    assert find(output, "word16") == ["2025/03/17/story-number-16/"] and len(find(output, "shared")) == 17
    # a full thousand (here, four): the newest chunk becomes a full one, the rest stays
    write_site(tmp_path, {f"content/raw/s{n}.txt": story(f"Story number {n}", day(n), f"TORONTO — Word{n} and shared.")
                          for n in (17, 18)})
    run("build", "--site", str(tmp_path))
    assert [c[:3] for c in settings_of(output)["chunks"]] == [["0-10", 0, 10], ["10-4", 10, 4], ["14-4", 14, 4],
                                                              ["18-new", 18, 1]]
    assert not (output / "search/14-new").exists()
    assert all(after[p] == p.stat().st_mtime_ns for p in after if "/0-10/" in str(p) or "/10-4/" in str(p))


def test_an_alias_cannot_stand_where_the_index_keeps_its_files(tmp_path, run):
    write_site(tmp_path, {"content/raw/a.txt": story("Ottawa weighs counter-tariffs", "2025-03-21", "OTTAWA — Words.")})
    assert run("build", "--site", str(tmp_path))[0] == 0
    article = next((tmp_path / "content/articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("aliases: []", "aliases: [search/p/0/]"),
                       encoding="utf-8")
    code, _, err = run("build", "--site", str(tmp_path))
    assert code == 1 and "the alias /search/p/0/ would stand where the site keeps its own files" in err


# --- in the browser ------------------------------------------------------------------------

MANY = 3_000


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A site of several thousand stories written as Markdown (ingest is not what is tested),
    a few of them with words no other story has."""
    site = tmp_path_factory.mktemp("many")
    (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    start = dt.datetime(2024, 1, 1, 8, 0)
    for n in range(MANY):
        when = start + dt.timedelta(hours=7 * n)
        body = [f"OTTAWA — Officials spoke about {pick(n, 0)} and {pick(n, 1)} on day {n}.",
                f"Critics said {pick(n, 2)} would weigh on {pick(n, 3)} for months. Story {n} of the archive."] * 3
        if n == 1234:
            body.append("The committee heard from a zamboni driver about ice.")  # a word only this body has
        path = site / "content/articles" / f"{when:%Y/%m/%d}" / f"s{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: \"{title_of(n)}\"\ndate: {when:%Y-%m-%dT%H:%M:%S}-05:00\ntopic: politics\n"
                        f"slug: s{n}\n---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    from digest.cli import main

    assert main(["build", "--site", str(site)]) == 0
    return site / "output"


WORDS = ("tariffs steel aluminum minister budget election hospital wildfire hockey bank rates "
         "housing transit strike union court ruling pipeline refinery election premier mayor").split()


def pick(n: int, k: int) -> str:
    return WORDS[(n * (1, 3, 7, 11)[k]) % len(WORDS)]


def title_of(n: int) -> str:
    return "Québec tables a budget" if n == 2001 else f"{pick(n, 0).capitalize()} and {pick(n, 1)} in the news, item {n}"


@pytest.fixture(scope="module")
def served(many):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(many))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture()
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def results(page) -> list[str]:
    return page.locator("#search-results li h2").all_inner_texts()


def test_the_browser_finds_a_word_only_a_body_has_fetching_little(page, served, many):
    fetched: dict[str, int] = {}
    page.on("requestfinished", lambda r: fetched.__setitem__(r.url, r.sizes()["responseBodySize"]))
    page.goto(served + "search/?q=zamboni")
    page.wait_for_selector("#search-results li")
    assert results(page) == [title_of(1234)]
    snippet = page.locator("#search-results li p").nth(1)
    assert snippet.locator("mark").inner_text() == "zamboni"
    assert page.inner_text("#search-status") == "1 story."
    index = {url: size for url, size in fetched.items() if "/search/" in url and "/search/?" not in url}
    assert index and sum(index.values()) <= 300_000, index
    assert len(index) == len(settings_of(many)["chunks"]) + 1  # a bucket per chunk, then the result's pack


def test_the_browser_folds_accents_and_plurals_and_ranks_headlines_first(page, served):
    page.goto(served + "search/?q=quebec")
    page.wait_for_selector("#search-results li")
    assert results(page) == ["Québec tables a budget"]
    page.fill("#search-q", "TARIFF")  # "tariffs" in the stories
    page.wait_for_function("() => document.getElementById('search-status').textContent.startsWith('Showing 10 of')")
    shown = results(page)
    assert all("Tariffs" in t for t in shown)  # headline matches first, newest first
    numbers = [int(t.rsplit(" ", 1)[1]) for t in shown]
    assert numbers == sorted(numbers, reverse=True)
    # a second click while the next ten load takes nothing twice (both on the button itself: a double
    # click by position lands its second click on a result when the ten arrive in between)
    page.eval_on_selector("#search-more", "button => { button.click(); button.click(); }")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length >= 20"
                           " && !document.getElementById('search-more').disabled")
    page.wait_for_timeout(300)
    shown = results(page)
    assert len(shown) in (20, 30) and len(set(shown)) == len(shown)
    assert page.evaluate("() => document.activeElement.textContent") in shown[10:]


def test_what_the_reader_types_while_the_index_loads_is_kept(page, served):
    held: list = []
    page.route("**/search/*/b*", lambda route: route.continue_() if held == ["let go"] else held.append(route))
    page.goto(served + "search/")
    assert page.inner_text("#search-status") == f"{MANY} stories to search."
    assert page.get_attribute("#search-status", "role") == "status"  # read out by screen readers
    page.fill("#search-q", "zamboni")
    while not held:
        page.wait_for_timeout(20)
    assert page.inner_text("#search-status") == "Searching…"
    page.type("#search-q", " driver")
    waiting, held[:] = held[:], ["let go"]
    for route in waiting:
        route.continue_()
    page.wait_for_function("() => document.getElementById('search-status').textContent === '1 story.'")
    assert page.input_value("#search-q") == "zamboni driver" and "zamboni+driver" in page.url
    assert results(page) == [title_of(1234)]
