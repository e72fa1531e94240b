"""The wire shapes beyond the first: times as copy writes them, stories without a time, header
lines nobody knows, languages, and warnings that are never lost."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.ingest.stamps import read_stamp
from digest.ingest.wire import RawError, parse
from tests.conftest import articles, raw_article, write_site

TORONTO = ZoneInfo("America/Toronto")


def story(text: str):
    return parse(Path("content/raw/x.txt"), text.encode("utf-8"), TORONTO)


@pytest.mark.parametrize("written, instant", [
    ("March 28, 2025 11:09 am.", "2025-03-28T11:09:00-04:00"),
    ("March 28, 2025 at 11:09 a.m.", "2025-03-28T11:09:00-04:00"),
    ("Mar. 28, 2025 1:26 PM", "2025-03-28T13:26:00-04:00"),
    ("Apr. 2, 2025 at 3:14 p.m. ET", "2025-04-02T15:14:00-04:00"),
    ("April 2, 2025 12:14 pm PT", "2025-04-02T15:14:00-04:00"),
    ("November 14, 2025 9:40 PM PT", "2025-11-15T00:40:00-05:00"),
    ("4:18 PM EDT, March 26, 2025", "2025-03-26T16:18:00-04:00"),
    ("Wednesday, March 26, 2025 7:42 GMT", None),  # a 24-hour time with no am/pm: not English copy
    ("2 avril 2025 à 13 h 48", "2025-04-02T13:48:00-04:00"),
    ("1er mai 2025 à 6 h 00", "2025-05-01T06:00:00-04:00"),
    ("le 15 janvier 2025 à 9h05", "2025-01-15T09:05:00-05:00"),
    ("3 avril 2025, 0 h 17", "2025-04-03T00:17:00-04:00"),
])
def test_times_as_copy_writes_them(written, instant):
    stamp = read_stamp(written, TORONTO)
    if instant is None:
        assert stamp is None
    else:
        assert stamp.timed and stamp.moment.isoformat() == instant


def test_a_stamp_without_a_clock_time_is_a_date_not_midnight():
    stamp = read_stamp("March 28, 2025", TORONTO)
    assert not stamp.timed and stamp.written_day == dt.date(2025, 3, 28)
    s = story(raw_article(posted="Posted March 28, 2025."))
    assert not s.timed and not any("no Posted line" in w.message for w in s.warnings)


def test_a_french_story_is_read_in_french():
    s = story("date 2025-04-02 Québec annonce un fonds\n\nPar Caroline Plante et Thomas Laberge, La Presse Canadienne\n\n"
              "Publié le 2 avril 2025 à 13 h 48\n\nMis à jour le 2 avril 2025 à 15 h 02\n\n"
              "QUÉBEC — Le gouvernement Legault a annoncé mercredi un fonds d'urgence.\n\nLa suite.\n\n"
              "Ce reportage de La Presse Canadienne a été publié pour la première fois le 2 avril 2025.\n\n"
              "Caroline Plante et Thomas Laberge, La Presse Canadienne\n")
    assert (s.authors, s.source, s.dateline, s.language) == (
        ("Caroline Plante", "Thomas Laberge"), "La Presse Canadienne", "QUÉBEC", "fr")
    assert s.date.isoformat() == "2025-04-02T13:48:00-04:00" and s.updated.isoformat() == "2025-04-02T15:02:00-04:00"
    assert s.lede.startswith("Le gouvernement Legault") and len(s.credits) == 2 and not s.warnings


def test_notes_before_the_dateline_are_notes_and_the_lede_is_after_the_dateline():
    s = story(raw_article(body=["Editor's note: This story contains details some readers may find upsetting.",
                                "CORRECTION: An earlier version misspelled the minister's name.",
                                "TORONTO — Police said Friday they had made an arrest.", "More."]))
    assert s.notes == ("Editor's note: This story contains details some readers may find upsetting.",
                       "CORRECTION: An earlier version misspelled the minister's name.")
    assert s.dateline == "TORONTO" and s.lede == "Police said Friday they had made an arrest."
    assert s.paragraphs[0] == "TORONTO — Police said Friday they had made an arrest."


def test_a_story_without_posted_line_shows_its_day_and_no_time(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article(posted=None)})
    code, _, err = run("build", "--site", str(root))
    assert code == 0
    assert f"{root}/content/raw/a.txt:1: warning: no Posted line; dated 2025-03-28 without a time" in err
    md = next(iter(articles(root).values()))
    assert "\ndate: 2025-03-28\n" in md
    page = (root / "output/2025/03/28/ottawa-unveils-plan/index.html").read_text(encoding="utf-8")
    assert 'Posted <time datetime="2025-03-28">March 28, 2025</time>' in page
    assert not re.search(r"\d:\d\d [ap]\.m\.", page)
    assert '"datePublished": "2025-03-28"' in page
    assert re.search(r'<time datetime="2025-03-28">March 28, 2025</time>',
                     (root / "output/index.html").read_text(encoding="utf-8"))


def test_a_header_line_no_rule_knows_is_left_out_with_a_warning_naming_it(tmp_path, run):
    text = raw_article(posted="Posted March 28, 2025 11:09 am.\n\nListen to this article\n\n3 min read")
    root = write_site(tmp_path, {"content/raw/a.txt": text})
    code, _, err = run("build", "--site", str(root))
    assert code == 0
    assert f"{root}/content/raw/a.txt:7: warning: header line 'Listen to this article' is not a byline" in err
    assert f"{root}/content/raw/a.txt:9: warning: header line '3 min read'" in err
    page = (root / "output/2025/03/28/ottawa-unveils-plan/index.html").read_text(encoding="utf-8")
    assert "Listen to this article" not in page and "The government unveiled a plan on Friday." in page


FRENCH = ("date 2025-04-02 Québec annonce un fonds\n\nPar Caroline Plante, La Presse Canadienne\n\n"
          "Publié le 2 avril 2025 à 13 h 48\n\nQUÉBEC — Le gouvernement Legault a annoncé un fonds.\n\n"
          "Editor's note is not French.\n")


def test_a_french_story_on_an_english_site_is_french_where_it_shows(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/fr.txt": FRENCH, "content/raw/en.txt": raw_article()})
    assert run("build", "--site", str(root))[0] == 0
    page = (root / "output/2025/04/02/quebec-annonce-un-fonds/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and '<header class="masthead" lang="en">' in page
    assert 'Publié le <time datetime="2025-04-02T13:48:00-04:00">2 avril 2025 à 13 h 48 HAE</time>' in page
    assert 'Par <a class="author" href="../../../../authors/caroline-plante/" rel="author">Caroline Plante</a>' in page
    assert '<meta property="og:locale" content="fr_CA">' in page
    assert '"inLanguage": "fr"' in page
    home = (root / "output/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home and re.search(r'<article class="(?:card|lead)" lang="fr">', home)
    feed = (root / "output/feed.xml").read_text(encoding="utf-8")
    assert '<entry xml:lang="fr">' in feed and feed.count("<entry>") == 1
    english = (root / "output/2025/03/28/ottawa-unveils-plan/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and 'lang="en"' not in english.split("<body>")[1].split("<main")[0]


def test_a_french_site_speaks_french_and_a_theme_can_change_its_words(tmp_path, run):
    from tests.conftest import SITE_YAML

    root = write_site(tmp_path, {"content/raw/fr.txt": FRENCH,
                                 "themes/default/i18n/fr.yaml": "archive: Nos archives\n"},
                      SITE_YAML.replace("timezone:", "language: fr\ntimezone:"))
    assert run("build", "--site", str(root))[0] == 0
    home = (root / "output/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in home and ">Nos archives</a>" in home and ">Recherche</a>" in home
    assert "2 avril 2025 à 13 h 48" in home and 'lang="' not in home.split("<body>")[1].replace('lang="fr"', "")
    assert "<title>Nos archives · Test Digest</title>" in (root / "output/archive/index.html").read_text(encoding="utf-8")
    day = (root / "output/2025/04/02/index.html").read_text(encoding="utf-8")
    assert "<title>2 avril 2025 · Test Digest</title>" in day and "<h1>Édition du 2 avril 2025</h1>" in day
    assert '<meta name="description" content="1 articles en avril 2025">' in \
        (root / "output/2025/04/index.html").read_text(encoding="utf-8")


def test_the_language_of_copy_with_no_byline_or_times_is_detected(tmp_path, run):
    french = ("date 2025-04-02 Les exportateurs demandent de l'aide\n\n"
              "Les exportateurs québécois ont demandé mercredi au gouvernement de prolonger le programme "
              "d'aide, alors que les droits de douane américains continuent de peser sur les commandes.\n")
    short = "date 2025-04-02 Oilers win\n\nOilers 4, Kraken 2.\n"
    root = write_site(tmp_path, {"content/raw/a.txt": french, "content/raw/b.txt": short})
    assert run("build", "--site", str(root))[0] == 0
    texts = articles(root)
    assert "\nlanguage: fr\n" in next(t for p, t in texts.items() if "exportateurs" in p)
    assert "\nlanguage: en\n" in next(t for p, t in texts.items() if "oilers" in p)  # too little to tell: the site's


def test_a_failed_build_still_prints_every_warning(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/good.txt": raw_article(posted=None),
                                 "content/raw/bad.txt": "no header here\n\nBody.\n"})
    code, _, err = run("build", "--site", str(root))
    assert code == 1
    assert "bad.txt:1: no `date YYYY-MM-DD Title` header" in err
    assert "good.txt:1: warning: no Posted line; dated 2025-03-28 without a time" in err


def test_check_lists_the_warnings_of_stories_already_ingested(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article(body=["OTTAWA — Trump’s “plan”."]).encode("cp1252")})
    assert "not UTF-8; read as Windows-1252" in run("build", "--site", str(root))[2]
    assert "not UTF-8" not in run("build", "--site", str(root))[2]  # a build says it once, when it reads the file
    code, out, err = run("check", "--site", str(root))
    assert code == 0 and f"{root}/content/raw/a.txt:7: warning: not UTF-8; read as Windows-1252" in err
    assert f"{root}/content/raw/a.txt:1: warning: no topic's keywords say enough about it; filed under general" in err
    assert "2 warnings" in out
    assert "no topic's keywords" not in run("build", "--site", str(root))[2]  # check's to list, not every build's


def test_an_upgrade_reads_every_story_again_but_never_overwrites_an_edited_one(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article("First story"),
                                 "content/raw/b.txt": raw_article("Second story")})
    assert run("ingest", "--site", str(root))[0] == 0
    record_path = root / ".digest/ingest.json"
    record = json.loads(record_path.read_text())
    record["version"] = 1  # as an older digest left it
    record_path.write_text(json.dumps(record))
    md = root / "content/articles/2025/03"
    for path in md.glob("*.md"):  # what an older digest wrote: no language field
        path.write_text(path.read_text().replace("language: en\n", ""))
        record["files"]["content/raw/a.txt" if "first" in path.name else "content/raw/b.txt"]["md_sha"] = \
            __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    record_path.write_text(json.dumps(record))
    edited = md / "28-second-story.md"
    edited.write_text(edited.read_text() + "\nThe curator's line.\n")
    code, out, err = run("ingest", "--site", str(root))
    assert code == 0
    assert "language: en" in (md / "28-first-story.md").read_text()
    assert "The curator's line." in edited.read_text() and "not updated from content/raw/b.txt" in err


def test_impossible_french_time_is_an_error_naming_the_line():
    with pytest.raises(RawError) as caught:
        story("date 2025-04-02 T\n\nPar A, La Presse Canadienne\n\nPublié le 2 avril 2025 à 25 h 48\n\nCorps.")
    assert caught.value.problem.line == 5 and "impossible Publié le time" in caught.value.problem.message


# --- copy a curator really receives, beyond the labelled corpus ------------------------

def header_story(*header: str, body: tuple[str, ...] = ("OTTAWA — The minister spoke on Wednesday.", "More.")):
    return story("\n\n".join(["date 2025-04-02 A title", *header, *body]) + "\n")


def test_header_lines_as_sites_save_them():
    s = header_story("By Jane Doe, CBC News", "Posted: Apr 02, 2025 4:00 AM EDT\nLast Updated: 9 hours ago")
    assert s.date.isoformat() == "2025-04-02T04:00:00-04:00" and s.updated is None and s.dateline == "OTTAWA"
    assert [w.line for w in s.warnings] == [6] and "9 hours ago" in s.warnings[0].message
    piped = header_story("By Jane Doe, CBC News", "Posted: Apr 02, 2025 4:00 AM EDT | Last Updated: 9 hours ago")
    assert piped.date.hour == 4 and piped.paragraphs[0].startswith("OTTAWA")
    weekday = header_story("Posted Wed., April 2, 2025 1:00 pm")
    assert weekday.timed and weekday.date.hour == 13 and weekday.lede == "The minister spoke on Wednesday."
    twice = header_story("Posted April 2, 2025 1:00 pm", "Posted April 2, 2025 2:00 pm")
    assert twice.date.hour == 13 and "is a second Posted line" in twice.warnings[0].message
    single_spaced = story("date 2025-04-02 A title\nBy Jane Doe, The Canadian Press\nPosted April 2, 2025 1:00 pm.\n\n"
                          "OTTAWA — Text.\n")
    assert (single_spaced.title, single_spaced.authors, single_spaced.timed) == ("A title", ("Jane Doe",), True)


def test_an_update_before_the_posted_time_is_a_warning():
    s = header_story("Posted April 2, 2025 3:00 pm.", "Last Updated April 2, 2025 1:26 pm.")
    assert [w.message for w in s.warnings] == ["the Updated time is before the Posted time"]


def test_translated_agency_copy_is_in_the_language_it_is_written_in(tmp_path, run):
    text = ("date 2025-04-02 Le Sénat américain rejette le projet de loi\n\nPar Lisa Mascaro, The Associated Press\n\n"
            "Publié le 2 avril 2025 à 13 h 48\n\nWASHINGTON (AP) — Le Sénat américain a rejeté mercredi le projet de "
            "loi de financement, prolongeant la paralysie partielle du gouvernement fédéral pour une troisième "
            "semaine consécutive.\n\nLes démocrates réclament la prolongation des crédits d'impôt en santé.\n")
    root = write_site(tmp_path, {"content/raw/a.txt": text})
    assert run("build", "--site", str(root))[0] == 0
    assert "\nlanguage: fr\n" in next(iter(articles(root).values()))


def test_a_long_run_of_spaces_cannot_stall_ingest():
    import time

    started = time.perf_counter()
    header_story("By Jane Doe, The Canadian Press", "SHARE" + " " * 5000 + "EMAIL",
                 body=("OTTAWA" + " " * 5000 + "x — Text.", "More."))
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("last", [
    "Reporting by The Canadian Press found the program had cost $40 million more than planned.",
    "AP reporters contributed to the investigation that led to charges last year.",
    "Corrections — the agency that runs federal prisons — said it would review the case.",
])
def test_a_closing_sentence_that_only_sounds_like_a_credit_stays_in_the_story(last):
    s = header_story("Posted April 2, 2025 1:00 pm.", body=("OTTAWA — Text.", last))
    assert s.paragraphs[-1] == last and not s.credits and not s.notes


def test_an_agency_credit_that_says_where_the_reporter_was_is_a_credit():
    s = header_story("By Jane Doe, The Associated Press", "Posted April 2, 2025 1:00 pm.",
                     body=("WASHINGTON (AP) — Text.", "More.", "AP Technology Writer Leo Marchetti contributed from New York."))
    assert s.paragraphs[-1] == "More." and s.credits == ("AP Technology Writer Leo Marchetti contributed from New York.",)
    last = "The Associated Press found that more than 2,000 donors contributed from outside the state."
    s = header_story("By Jane Doe, The Associated Press", "Posted April 2, 2025 1:00 pm.", body=("WASHINGTON (AP) — Text.", last))
    assert s.paragraphs[-1] == last and not s.credits


def test_quotes_subheads_and_datelines_are_not_invented():
    s = header_story("Posted April 2, 2025 1:00 pm.", body=(
        "NATO — the alliance said Tuesday it would meet.", "“Is this the end?”", "— Not quite, officials say.",
        "“NO MORE CUTS!”", "— 30 —"))
    assert s.dateline == "" and [b.kind for b in s.blocks] == ["paragraph"] * 5
    reuters = header_story("By David Ljunggren", "Posted April 2, 2025 1:00 pm.", body=(
        "WASHINGTON/OTTAWA, April 2 (Reuters) -Canada and the U.S. met.", "More."))
    assert (reuters.dateline, reuters.source, reuters.lede) == ("WASHINGTON/OTTAWA", "Reuters", "Canada and the U.S. met.")


def test_a_list_in_the_lede_block_stays_out_of_the_summary():
    s = header_story("Posted April 2, 2025 1:00 pm.", body=("OTTAWA — The plan includes:\n• more nurses\n• shorter waits",))
    assert s.lede == "The plan includes:" and [b.kind for b in s.blocks] == ["paragraph", "list"]


def test_a_story_without_a_time_has_no_published_time_in_its_feed_entry(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article(posted=None)})
    assert run("build", "--site", str(root))[0] == 0
    feed = (root / "output/feed.xml").read_text(encoding="utf-8")
    assert "<entry>" in feed and "<published>" not in feed


@pytest.mark.parametrize("byline", ["By .", "By ,", "By Jane Doe, .", "Par  ", "By (", "By —"])
def test_odd_bylines_never_crash(byline):
    header_story(byline, "Posted April 2, 2025 1:00 pm.")


def test_editing_a_translation_table_rebuilds_the_pages_it_words(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article()})
    assert run("build", "--site", str(root))[0] == 0
    assert ">Archive</a>" in (root / "output/index.html").read_text(encoding="utf-8")
    (root / "themes/default/i18n").mkdir(parents=True)
    (root / "themes/default/i18n/en.yaml").write_text("archive: Past editions\n", encoding="utf-8")
    assert run("build", "--site", str(root))[0] == 0
    assert ">Past editions</a>" in (root / "output/index.html").read_text(encoding="utf-8")
    (root / "themes/default/i18n/en.yaml").write_text("archive: [not, text]\n", encoding="utf-8")
    code, _, err = run("build", "--site", str(root))
    assert code == 1 and "themes/default/i18n/en.yaml:1: a translation table must be `key: text` lines" in err


@pytest.mark.parametrize("header, authors, source, posted, updated", [
    # CBC: the name, a middle dot, the outlet; Posted and Last Updated on one line
    ("Helen Pietrangelo · CBC News\n\nPosted: Oct 21, 2025 1:15 AM MDT | Last Updated: Oct 21, 2025 11:40 AM MDT",
     ("Helen Pietrangelo",), "CBC News", "2025-10-21T03:15:00-04:00", "2025-10-21T13:40:00-04:00"),
    # CTV: the name over the writer's role at the outlet
    ("Alessia Rinaldi\nCTV News Toronto Multi-Platform Journalist\n\nPublished: June 01, 2025 at 4:12PM EDT\n"
     "Updated: June 01, 2025 at 7:48PM EDT", ("Alessia Rinaldi",), "CTV News Toronto", "2025-06-01T16:12:00-04:00",
     "2025-06-01T19:48:00-04:00"),
    # Postmedia: `Author of the article:`, the paper, then times and a reading time after bullets
    ("Author of the article: Kelsey Rybak\nRegina Leader-Post\n"
     "Published Nov 18, 2025 • Last updated Nov 18, 2025 • 3 minute read",
     ("Kelsey Rybak",), "Regina Leader-Post", "2025-11-18", "2025-11-18"),
    # SaltWire: a byline in capitals, the paper, and the time alone
    ("BY GRAHAM SMITH\nThe Chronicle Herald\nAug. 16, 2025 at 6:02 p.m.",
     ("Graham Smith",), "The Chronicle Herald", "2025-08-16T18:02:00-04:00", None),
])
def test_local_outlets_bylines_and_times_are_read_not_published_as_story(header, authors, source, posted, updated):
    s = story(f"date 2025-01-01 A fire grows\n\n{header}\n\nThe fire grew on Saturday.\n\nCrews held the line.\n")
    assert (s.authors, s.source) == (authors, source)
    assert (s.date if s.timed else s.date.date()).isoformat() == posted
    assert (None if s.updated is None else (s.updated if s.updated_timed else s.updated.date()).isoformat()) == updated
    assert s.lede == "The fire grew on Saturday." and s.paragraphs[0] == "The fire grew on Saturday."


def test_a_name_alone_above_the_story_is_no_byline():
    s = story("date 2025-01-01 A fire grows\n\nJane Doe\n\nThe fire grew on Saturday.\n")
    assert s.authors == () and s.paragraphs[0] == "Jane Doe"  # with no header around it, it is the story's


@pytest.mark.parametrize("opening", ["The rain kept falling.", "Sept. 11, 2001."])
def test_the_story_s_first_line_under_a_byline_stays_story(opening):
    """Only the line right under a byline, in its block, may be its outlet or its time: a
    sentence, or a date without a time, after a blank line stays story text."""
    s = story(f"date 2025-01-01 A fire grows\n\nBy Jane Doe\n\n{opening}\n\nThe fire grew on Saturday.\n")
    assert s.source == "" and not s.timed and s.paragraphs[0] == opening
    apart = story("date 2025-01-01 A fire grows\n\nBy Jane Doe\n\nWinnipeg Free Press\n\nThe fire grew.\n")
    assert apart.source == "" and "Winnipeg Free Press" in apart.warnings[0].message  # left out, said so


# --- pages saved from local outlets' sites (tests/wire_corpus/local/fresh4-*) --------------

def page(day: str, *header: str, body: tuple[str, ...]):
    return story("\n\n".join([f"date {day} A title", *header, *body]) + "\n")


def test_a_caption_or_deck_before_the_byline_is_left_out_and_the_byline_and_times_are_read():
    s = page("2026-05-01", "Ottawa Mayor Mark Sutcliffe speaks to reporters on Friday, May 1, 2026. (Jeremy Tran/CTV News Ottawa)",
                     "Joanne Lafleur-Hughes, CTVNews.ca Writer", "Published May 1, 2026 11:38 a.m. EDT",
                     "Updated: May 1, 2026 at 6:40PM EDT", "Share",
                     body=("Mark Sutcliffe is running for a second term.", "More."))
    assert (s.authors, s.source) == (("Joanne Lafleur-Hughes",), "CTV News")
    assert (s.date.isoformat(), s.updated.isoformat()) == ("2026-05-01T11:38:00-04:00", "2026-05-01T18:40:00-04:00")
    assert s.paragraphs == ("Mark Sutcliffe is running for a second term.", "More.")
    assert [w.line for w in s.warnings] == [3, 11] and "stands before the byline" in s.warnings[0].message


@pytest.mark.parametrize("byline, authors, source", [
    ("Sheena Parr-Whitlock\n\nJun 19, 2026 4:12 PM", ("Sheena Parr-Whitlock",), ""),  # a name over the time
    ("Annabelle Roy-Kasongo\n\nLa Presse\n\nPublié le 15 octobre 2026 à 5 h 00", ("Annabelle Roy-Kasongo",), "La Presse"),
    ("By Melissa Kowalchuk  Global News\n\nPosted May 14, 2026 3:47 pm", ("Melissa Kowalchuk",), "Global News"),
    ("By Hannah Ruiz-Kwan Real Estate Reporter\n\nPosted April 6, 2026 3:47 pm", ("Hannah Ruiz-Kwan",), ""),
])
def test_bylines_as_outlets_sites_write_them(byline, authors, source):
    day = "2026-10-15" if "octobre" in byline else "2026-06-19" if "Jun" in byline else \
        "2026-05-14" if "May" in byline else "2026-04-06"
    s = page(day, "A photo caption that names the photographer. PHOTO JANE ROE", byline,
                     body=("The story starts here, as the outlet wrote it.", "More."))
    assert (s.authors, s.source) == (authors, source) and s.timed
    assert s.paragraphs[0] == "The story starts here, as the outlet wrote it."
    assert ("the byline names no outlet" in s.warnings[-1].message) == (not source)


def test_times_sites_glue_or_shorten():
    reuters = page("2026-08-11", "By Tessa Grunewald", "August 11, 2026 7:02 AM EDT Updated 6 hours ago",
                           body=("TORONTO, Aug 11 (Reuters) - Harrowgate agreed on Tuesday to buy Northcrest.",))
    assert reuters.date.isoformat() == "2026-08-11T07:02:00-04:00" and reuters.updated is None
    assert reuters.source == "Reuters" and "'Updated 6 hours ago'" in reuters.warnings[0].message
    # an update the page gives as a time of day alone is on the day it was posted
    later = page("2026-10-15", "Publié le 15 octobre 2026 à 5 h 00", "Mis à jour à 12 h 47", body=("Le texte.",))
    assert later.updated.isoformat() == "2026-10-15T12:47:00-04:00" and not later.warnings
    earlier = page("2026-10-15", "Publié le 15 octobre 2026 à 15 h 00", "Mis à jour à 12 h 47", body=("Le texte.",))
    assert earlier.updated is None and "cannot be the Posted day" in earlier.warnings[0].message


def test_the_pages_promotions_are_left_out_with_a_warning_and_a_postmedia_paper_names_itself():
    s = page("2026-03-21", "Author of the article: Ryan Dufresne-Hall", "Published Mar 21, 2026 • Last updated 2 hours ago",
                     body=("The Flames won.", "READ MORE: Alberta's 2026 wildfire season: What you need to know",
                           "Sign up to receive daily headline news from Calgary Herald, a division of Postmedia Network Inc.",
                           "Wolf made 38 saves.", "À lire aussi :", "- Baleines noires : des zones fermées\n- Autre titre",
                           "The Oilers play next.", "Got a tip about this story? Email news@example.ca."))
    assert s.paragraphs == ("The Flames won.", "Wolf made 38 saves.", "The Oilers play next.")
    assert s.source == "Calgary Herald" and s.credits == ("Got a tip about this story? Email news@example.ca.",)
    promoted = [w.message for w in s.warnings if "promotes" in w.message]
    assert len(promoted) == 3 and "À lire aussi" in promoted[2]


def test_reuters_copy_names_its_agency_where_its_byline_does_not():
    s = page("2025-05-02", "By Hannah Lindgren", "Posted May 2, 2025 8:15 AM EDT",
                     body=("May 2 (Reuters) - Magna lowered its forecast.", "Our Standards: The Thomson Reuters Trust Principles."))
    assert s.source == "Reuters" and not s.warnings
    s = page("2026-06-23", "By Nia Williams", body=(
        "ST. JOHN'S, Newfoundland and Labrador, June 23 (Reuters) - A panel recommended changes.", "More."))
    assert (s.source, s.dateline) == ("Reuters", "ST. JOHN'S, Newfoundland and Labrador")
    assert s.lede == "A panel recommended changes."


@pytest.mark.parametrize("paragraphs", [
    ("Short first line.", "Second line, also short.", "By Friday, the bill had passed, officials said."),
    ("A quiet start.", "Posted in the lobby, the sign said the office was closed."),
])
def test_a_story_that_opens_with_short_paragraphs_keeps_them(paragraphs):
    s = story("\n\n".join(["date 2025-04-02 A title", *paragraphs]) + "\n")
    assert s.paragraphs == paragraphs and s.authors == ()


# --- what a page's furniture must not do (a review of the rules above) ---------------------

def test_a_name_over_a_byline_is_not_the_author():
    s = page("2026-05-01", "Firefighters battle the blaze near Airdrie on Tuesday.", "Jim Wells",
             "By Bob Smith, Calgary Herald", body=("A fire destroyed a barn north of the city.",))
    assert (s.authors, s.source) == (("Bob Smith",), "Calgary Herald")
    s = page("2026-06-19", "Le premier ministre à son arrivée, jeudi. Photo : Jane Roe", "Mark Carney", "19 juin 2026",
             "Par Jane Doe, Le Devoir", body=("OTTAWA — Le premier ministre a dit.",))
    assert (s.authors, s.source) == (("Jane Doe",), "Le Devoir")


@pytest.mark.parametrize("paragraphs", [
    ("Here is how the day unfolded.", "April 30, 2026 at 9:15 p.m.", "Police received the first call."),
    ("It was a long night.", "May 1, 2026", "The council voted 7-2."),
    ("Firefighters battle the blaze near Airdrie on Tuesday.", "Jim Wells", "May 1, 2026 7:02 AM", "The barn burned."),
    ("He was 84.", "I write about the bridge.", "Jane Doe\nThe Chronicle Herald",
     "This report by The Canadian Press was first published May 1, 2026."),
])
def test_a_story_without_a_header_keeps_its_first_paragraphs_and_takes_no_time_from_them(paragraphs):
    s = page("2026-05-01", *paragraphs[:1], body=paragraphs[1:])
    assert s.paragraphs[0] == paragraphs[0] and not s.timed and s.authors == ()


def test_a_time_in_a_live_story_is_not_its_update():
    s = page("2026-05-01", "By Jane Doe, CBC News", "Posted: May 1, 2026 4:00 AM EDT",
             body=("Here is the latest on the fire.", "Updated at 6:05 p.m.", "Crews are still there."))
    assert s.updated is None and s.paragraphs == ("Here is the latest on the fire.", "Updated at 6:05 p.m.",
                                                  "Crews are still there.")


@pytest.mark.parametrize("byline, authors, source", [
    ("By Jane Doe Local Journalism Initiative Reporter", ("Jane Doe",), ""),
    ("By Sarah Jane Smith Senior Reporter", ("Sarah Jane Smith",), ""),
    ("By Local Journalism Initiative Reporter", (), ""),
    ("By Toronto Life Senior Writer", (), ""),
    ("By Kevin Morgan Photographer", (), ""),
    ("By Jane  Doe Global News", ("Jane Doe",), "Global News"),  # a name run on into its outlet
    ("By Colleen Hurtubise-Mack Telegraph-Journal", ("Colleen Hurtubise-Mack",), "Telegraph-Journal"),
    ("By Jane Doe,  Special to The Canadian Press", ("Jane Doe",), "The Canadian Press"),
])
def test_bylines_with_a_beat_or_odd_spacing(byline, authors, source):
    from digest.ingest.bylines import parse_byline
    from digest.ingest.families import ENGLISH

    parsed = parse_byline(byline.removeprefix("By "), ENGLISH)
    assert (parsed or ((), "")) == (authors, source)


def test_a_contributor_line_names_no_source_and_an_update_is_read_where_it_was_posted():
    s = page("2026-06-19", "By Jane Doe", "Posted June 19, 2026 3:00 pm",
             body=("A Canadian was released, his family said.", "The Associated Press contributed."))
    assert s.source == "" and "the byline names no outlet" in s.warnings[0].message
    s = page("2026-05-01", "By Jane Doe, Vancouver Sun", "Posted May 1, 2026 1:00 PM PT", "Updated at 6:05 p.m.",
             body=("VANCOUVER — Text.",))
    assert s.updated.isoformat() == "2026-05-01T21:05:00-04:00"  # 6:05 p.m. in Vancouver


def test_a_time_of_day_alone_never_drops_the_story():
    for update, expected in (("Mis à jour à 12 h", "2026-05-01T12:00:00-04:00"), ("Mis à jour à 9 h", None)):
        s = page("2026-05-01", "Par Jane Doe, Le Devoir", "Publié le 1 mai 2026 à 10 h 00", update,
                 body=("QUÉBEC — Le texte.",))
        assert (s.updated.isoformat() if s.updated else None) == expected
    before = page("2026-05-01", "Par Jane Doe, Le Devoir", "Mis à jour à 12 h 47", body=("QUÉBEC — Le texte.",))
    assert before.updated is None and "no Posted time before it" in before.warnings[0].message


def test_a_promotions_links_are_named_and_credits_before_a_promotion_stay_credits():
    s = page("2026-05-01", "Par Jane Doe, Radio-Canada", body=(
        "Le texte.", "À lire aussi :", "- Un autre titre\n- Un troisième", "La suite.",
        "(Reporting by Jane Doe; Editing by John Smith)", "READ MORE: Another story"))
    assert s.paragraphs == ("Le texte.", "La suite.") and s.credits == ("(Reporting by Jane Doe; Editing by John Smith)",)
    assert "Un autre titre" in next(w.message for w in s.warnings if "À lire aussi" in w.message)


def test_a_credit_line_that_is_no_credit_is_read_at_once():
    import time

    started = time.perf_counter()
    s = page("2026-05-01", "By Jane Doe, Reuters", body=("Text.", "Reporting by " + "A" * 40 + "!"))
    assert time.perf_counter() - started < 1 and s.paragraphs[-1].endswith("!")


def test_local_pages_of_the_fifth_set_read_their_bylines_times_and_furniture():
    # Postmedia: the label over the name, a deck above, a caption with its credit and the page's lines below
    s = page("2026-01-14", "Children waited 6.4 hours; province says more beds are coming",
             "Author of the article:\nMeaghan Fitz-Rourke\nPublished Jan 14, 2026 • Last updated 3 hours ago • 4 minute read",
             "Join the conversation", "Parents wait in the emergency department on Tuesday. Photo by Dana Whitlock-Pryce /Postmedia",
             "Article content", body=("Children waited a median of 6.4 hours.", "Article content", "More.", "Advertisement 2",
                                      "Article content", "The end."))
    assert s.authors == ("Meaghan Fitz-Rourke",) and s.lede == "Children waited a median of 6.4 hours."
    assert s.paragraphs == ("Children waited a median of 6.4 hours.", "More.", "The end.")
    assert "Dana Whitlock-Pryce" in s.credited and "Postmedia" in s.credited
    assert sum("'Article content'" in w.message for w in s.warnings) == 1
    assert any("'Article content' is the page's, not the story's; left out (3 times)" in w.message for w in s.warnings)
    # CBC: a separator left at the end of the byline, the audio player's lines
    s = page("2026-04-15", "Social Sharing", "Tessa Kanatewat-Ruiz · CBC News · \nPosted: Apr 15, 2026 4:00 AM CDT",
             "Listen to this article\nEstimated 4 minutes\nThe audio version of this article is generated by "
             "text-to-speech, a technology based on artificial intelligence.", body=("Peguis began evacuating.",))
    assert (s.authors, s.source, s.date.isoformat()) == (("Tessa Kanatewat-Ruiz",), "CBC News", "2026-04-15T05:00:00-04:00")
    assert s.lede == "Peguis began evacuating."
    # a name with its beat, or alone, right over the time; Radio-Canada's author link and a time of day alone
    s = page("2026-09-24", "Aileen MacPhail-Osei\nReporter", "Updated: September 24, 2026 at 6:12 p.m. | "
             "Published: September 24, 2026 at 9:30 a.m.", body=("Storm Kyle tore along the shore.",))
    assert s.authors == ("Aileen MacPhail-Osei",) and s.date.isoformat() == "2026-09-24T09:30:00-04:00"
    s = page("2026-08-15", "Isabelle Comeau-Thibodeau", "15 août 2026 - 21h14", body=("Le défilé a attiré 27 000 personnes.",))
    assert s.authors == ("Isabelle Comeau-Thibodeau",) and s.date.isoformat() == "2026-08-15T21:14:00-04:00"
    s = page("2026-02-25", "Portrait de Charlotte Mainville-Akiwenzie\nCharlotte Mainville-Akiwenzie (Accéder à la page "
             "de l'auteur)\nPublié à 5 h 00 HNE\nMis à jour à 11 h 42 HNE", body=("La Cour d'appel fédérale a tranché.",))
    assert s.authors == ("Charlotte Mainville-Akiwenzie",)
    assert (s.date.isoformat(), s.updated.isoformat()) == ("2026-02-25T05:00:00-05:00", "2026-02-25T11:42:00-05:00")


def test_agency_shapes_of_the_fifth_set():
    s = page("2026-02-10", "By Yasmin Haddad-Orr and Tarek el-Sawy", "February 10, 2026 9:26 AM GMT+3",
             body=("CAIRO, Feb 10 (Reuters) - Sudan's sides agreed to a truce.",
                   "Reporting by Yasmin Haddad-Orr in Cairo and Tarek el-Sawy in Jeddah; Editing by Dominic Ashworth-Vale"))
    assert s.authors == ("Yasmin Haddad-Orr", "Tarek el-Sawy") and s.date.isoformat() == "2026-02-10T01:26:00-05:00"
    assert s.credits == ("Reporting by Yasmin Haddad-Orr in Cairo and Tarek el-Sawy in Jeddah; Editing by Dominic Ashworth-Vale",)
    s = page("2026-06-30", body=("June 30 (Reuters) - The United States, Canada and Mexico begin a review.", "More."))
    assert s.lede == "The United States, Canada and Mexico begin a review." and s.source == "Reuters"
    s = page("2026-07-07", "By HALDIS MERCER", "Posted July 7, 2026 6:14 AM EDT", body=(
        "ANKARA, Turkey (AP) — NATO leaders gather.", "What's on the agenda?", "Money, mostly.", "Will Trump be there?",
        "Yes.", "What does Turkey want?", "A seat.", "And what about Ukraine?", "A dinner.",
        "Oyelaran reported from Washington.", "AP World Cup: https://apnews.com/hub/world-cup"))
    assert [b.text for b in s.blocks if b.kind == "subhead"] == [
        "What's on the agenda?", "Will Trump be there?", "What does Turkey want?", "And what about Ukraine?"]
    assert s.credits == ("Oyelaran reported from Washington.", "AP World Cup: https://apnews.com/hub/world-cup")
    # questions in a column, or put to a witness, are the story's own words
    for questions in (("Who pays for that?", "And what do they get?", "Why now?"),
                      ("Avez-vous vu l’accusé ?", "Est-ce que vous étiez sur place ?", "Q: Who called?")):
        asked = page("2026-07-07", "Posted July 7, 2026 6:14 AM EDT", body=(
            "OTTAWA — Text.", questions[0], "One.", questions[1], "Two.", questions[2], "Three."))
        assert [b.kind for b in asked.blocks] == ["paragraph"] * 7
    s = page("2026-03-06", "Par Jane Doe, La Presse Canadienne", "Publié le 6 mars 2026 à 9 h 12",
             body=("QUÉBEC — Le texte.", "Avec les informations de Félix Drouin-Nakoochee"))
    assert s.credits == ("Avec les informations de Félix Drouin-Nakoochee",)


def test_story_text_that_looks_like_page_furniture_stays_and_a_section_is_no_author():
    for lede in ("The motion passed after an amendment by NDP MP Jane Smith (Vancouver East/Burnaby).",
                 "Acme Corp. reported record profit, according to a statement (CNW/Canada NewsWire).",
                 "It is a famous shot of Vimy Ridge. Photo: the collection has never been shown in full"):
        s = page("2026-03-10", "By Jane Doe, The Canadian Press", "Posted March 10, 2026 4:12 pm.", body=(lede, "More."))
        assert s.lede == lede and not s.credited
    for section, time in (("Nova Scotia", "Posted: Mar 10, 2026 4:12 PM AT"), ("Grand Montréal", "10 mars 2026 - 21h14"),
                          ("Région d’Ottawa", "Publié à 14 h 05")):
        s = page("2026-03-10", section, time, body=("The story begins here.",))
        assert s.authors == () and any(section in w.message for w in s.warnings)
    s = page("2026-03-10", "Par Jane Doe, La Presse Canadienne", "Publié à 14 h 05", body=(
        "QUÉBEC — Le texte.", "Avec les informations de la police, les enquêteurs ont retrouvé le véhicule."))
    assert s.credits == () and s.paragraphs[-1].startswith("Avec les informations de la police")
    assert any("the Posted time gives no day" in w.message for w in s.warnings)  # dated on the date line's day, said
    s = page("2026-03-10", body=("(Ontario) - Doctors said so.", "More."))
    assert s.lede == "(Ontario) - Doctors said so."  # a place-less dateline names an agency, not any word


# --- saved pages that repeat their headline (a sixth editor's outlets) -------------------

def titled(day: str, title: str, *blocks: str):
    return story("\n\n".join([f"date {day} {title}", *blocks]) + "\n")


def test_a_page_under_its_section_and_headline_has_its_header_read():
    """Radio-Canada: a section, the headline again, a deck, `Un texte de` and the author's page
    link, the times, the player's lines and a caption: the story starts after them."""
    title = "Bleuets sauvages : Washington ouvre une enquête antidumping"
    s = titled("2026-09-08", title, "Économie", title, "Des droits provisoires pourraient s'appliquer dès janvier.",
               "Un texte de Julie Harvey-Roy", "Julie Harvey-Roy (Accéder à la page de l'auteur)",
               "Publié le 8 septembre 2026 à 6 h 00 HAE", "Mis à jour le 8 septembre 2026 à 12 h 41 HAE",
               "Partager la page", "Les bleuetières du nord du lac. Photo : Radio-Canada / Julie Harvey-Roy",
               "En pleine récolte, les producteurs apprennent la nouvelle.", "La suite.")
    assert s.authors == ("Julie Harvey-Roy",)
    assert (s.date.isoformat(), s.updated.isoformat()) == ("2026-09-08T06:00:00-04:00", "2026-09-08T12:41:00-04:00")
    assert s.paragraphs == ("En pleine récolte, les producteurs apprennent la nouvelle.", "La suite.")
    said = [w.message for w in s.warnings]
    assert any("repeats the headline" in m for m in said)
    assert not any("Accéder" in m for m in said)  # her page's link under `Un texte de`: her byline again
    assert "Julie Harvey-Roy" in s.credited
    # two authors, joined in French; each one's page link is the byline again
    s = titled("2026-09-08", title, "Économie", title, "Un texte de Julie Harvey-Roy et Marc Tremblay-Dion",
               "Julie Harvey-Roy (Accéder à la page de l'auteur)", "Marc Tremblay-Dion (Accéder à la page de l'auteur)",
               "Publié le 8 septembre 2026 à 6 h 00 HAE", "Les producteurs apprennent la nouvelle.")
    assert s.authors == ("Julie Harvey-Roy", "Marc Tremblay-Dion") and s.paragraphs == ("Les producteurs apprennent la nouvelle.",)


def test_a_name_over_the_time_under_the_repeated_headline_is_the_byline():
    """Métro: no `Par`, the name right over `28 octobre 2026 à 14h05 - Mis à jour ...`; the
    headline repeated above says this is a saved page's header, not the story's first lines."""
    title = "Ascenseurs en panne : une action collective autorisée contre la STM"
    s = titled("2026-10-28", title, "Actualités / Montréal", title,
               "La Cour supérieure permet à une usagère de poursuivre la société de transport.", "Léa Brisebois-Camara",
               "28 octobre 2026 à 14h05 - Mis à jour 28 octobre 2026 à 17h30", "3 minutes de lecture",
               "Partagez cet article", "Un ascenseur hors service, en septembre. Photo: Léa Brisebois-Camara/Métro",
               "Les usagers du métro pourraient être indemnisés.")
    assert s.authors == ("Léa Brisebois-Camara",)
    assert (s.date.isoformat(), s.updated.isoformat()) == ("2026-10-28T14:05:00-04:00", "2026-10-28T17:30:00-04:00")
    assert s.paragraphs == ("Les usagers du métro pourraient être indemnisés.",)


def test_an_authors_portrait_an_archive_notice_and_a_papers_name_first_are_the_pages():
    title = "Le Monument-Lefebvre rouvre après trois ans"
    s = titled("2026-09-17", title, "Arts", title, "Le lieu historique accueille de nouveau le public.",
               "Portrait de Renée Babineau-Thibodeau\nRenée Babineau-Thibodeau", "Publié le 17 septembre 2026 à 17 h 32 HAA",
               "Prenez note que cet article publié en 2026 pourrait contenir des informations qui ne sont plus à jour.",
               "Après trois ans de travaux, le Monument-Lefebvre a rouvert.")
    assert s.authors == ("Renée Babineau-Thibodeau",) and s.date.isoformat() == "2026-09-17T16:32:00-04:00"
    assert s.paragraphs == ("Après trois ans de travaux, le Monument-Lefebvre a rouvert.",)
    s = titled("2026-11-08", "Les Alouettes filent vers la coupe Grey", "Jean-Sébastien Lortie-Mbaye | Journal de Montréal",
               "Dimanche, 8 novembre 2026 17:58", "MISE À JOUR Dimanche, 8 novembre 2026 21:34",
               "Le quart-arrière célèbre son touché. Photo Rémi Lacroix-Nadeau / Agence QMI",
               "Menés par 10 points à la mi-temps, les Alouettes ont gagné.")
    assert (s.authors, s.source) == (("Jean-Sébastien Lortie-Mbaye",), "Journal de Montréal")
    assert s.updated.isoformat() == "2026-11-08T21:34:00-05:00"
    assert s.paragraphs == ("Menés par 10 points à la mi-temps, les Alouettes ont gagné.",)
    assert {"Rémi Lacroix-Nadeau", "Agence QMI"} <= set(s.credited)


def test_a_beat_under_the_byline_a_lone_photo_credit_and_sharing_buttons_are_no_story():
    title = "Pangnirtung TB screening finds 11 active cases"
    s = titled("2026-10-15", title, "NEWS", title, "Door-to-door clinic will run until the end of December, officials say",
               "By Tasha Kilabuk-Ross\nLocal Journalism Initiative Reporter", "Published: October 15, 2026 at 2:30 pm",
               "A nurse reads a skin test on Tuesday. (Photo by Tasha Kilabuk-Ross)",
               "A screening clinic in Pangnirtung has found 11 people with active TB.")
    assert s.authors == ("Tasha Kilabuk-Ross",) and s.date.isoformat() == "2026-10-15T14:30:00-04:00"
    assert s.paragraphs == ("A screening clinic in Pangnirtung has found 11 people with active TB.",)
    assert not any("Local Journalism" in w.message for w in s.warnings)  # the author's beat, read
    s = titled("2026-11-09", "Fraud trial hears bookkeeper moved $412K", "By Colleen Hurtubise-Mack Telegraph-Journal",
               "Nov 9, 2026", "Updated 3 hrs ago", "Facebook Twitter WhatsApp SMS Email Print Save",
               "The former bookkeeper moved more than $412,000, a forensic accountant told the court.")
    assert (s.authors, s.source) == (("Colleen Hurtubise-Mack",), "Telegraph-Journal")
    assert s.paragraphs == ("The former bookkeeper moved more than $412,000, a forensic accountant told the court.",)


def test_an_illustrations_credit_for_a_magazine_names_no_tag():
    title = "Un Québécois sur deux utilise l'IA chaque semaine"
    s = titled("2026-11-03", title, "Société", title, "La confiance, elle, ne suit pas.", "par Mathilde Roy-Kasongo",
               "3 novembre 2026", "Partager", "(Illustration : Julien Castonguay-Ito pour L'actualité)",
               "Il y a trois ans, l'intelligence artificielle était une curiosité.")
    assert s.authors == ("Mathilde Roy-Kasongo",)
    assert {"Julien Castonguay-Ito", "L'actualité"} <= set(s.credited)


@pytest.mark.parametrize("text, authors, source, first", [
    # a first paragraph that opens with the headline's words is the story's
    ("date 2026-05-01 Fire destroys downtown Regina warehouse\n\nFire destroys downtown Regina warehouse overnight, "
     "and firefighters say the cause is not yet known.\n\nNo one was hurt.\n", (), "",
     "Fire destroys downtown Regina warehouse overnight, and firefighters say the cause is not yet known."),
    # `Mise à jour de ...` is a noun, not the update's label
    ("date 2026-05-01 Radars\n\nPar Jane Doe, La Presse Canadienne\n\nPublié le 1 mai 2026 à 10 h 00\n\n"
     "Mise à jour de 2 000 radars photo au Québec, annonce le ministère.\n\nSuite.\n", ("Jane Doe",),
     "La Presse Canadienne", "Mise à jour de 2 000 radars photo au Québec, annonce le ministère."),
    # a place over the time under the repeated headline is no author
    ("date 2026-05-01 Four towns get new clinics in the north\n\nFour towns get new clinics in the north\n\n"
     "Four towns will get new clinics, the minister said.\n\nThunder Bay\n\nMay 1, 2026 9:00 AM\n\nThe clinics open.\n",
     (), "", "Four towns will get new clinics, the minister said."),
    # `Photo` inside a sentence credits no one; a police service is no paper
    ("date 2026-05-01 Awards\n\nBy Jane Doe, CBC News\n\nPosted: May 1, 2026 4:00 AM EDT\n\nThe Atlantic Photo Awards "
     "honoured Mark Smith, Amy Roe.\n\nMore.\n", ("Jane Doe",), "CBC News", "The Atlantic Photo Awards honoured Mark Smith, Amy Roe."),
    ("date 2026-05-01 Arrestation\n\nPar Jane Doe, La Presse Canadienne\n\nPublié le 1 mai 2026 à 10 h 00\n\n"
     "Les policiers sur les lieux. (Jean Roy, Service de police de Laval)\n\nLAVAL — Un homme a été arrêté.\n",
     ("Jane Doe",), "La Presse Canadienne", "Les policiers sur les lieux. (Jean Roy, Service de police de Laval)"),
])
def test_story_text_like_a_saved_pages_header_stays_the_story(text, authors, source, first):
    s = story(text)
    assert (s.authors, s.source, s.paragraphs[0]) == (authors, source, first)
    assert not s.credited


@pytest.mark.parametrize("byline, authors, source", [
    ("Laura Jane Post", ("Laura Jane Post",), ""),  # a surname that is an outlet's word stays the name's
    ("Jean Pierre Le Blanc", ("Jean Pierre Le Blanc",), ""),
    ("Jane Doe and Emily Post", ("Jane Doe", "Emily Post"), ""),
    ("Mary Anne Smith Global News", ("Mary Anne Smith",), "Global News"),
    ("Jean-François Roy Le Journal de Québec", ("Jean-François Roy",), "Le Journal de Québec"),
])
def test_a_name_and_its_outlet_run_on_part_only_at_the_outlet(byline, authors, source):
    from digest.ingest.bylines import parse_byline
    from digest.ingest.families import ENGLISH

    assert parse_byline(byline, ENGLISH) == (authors, source)


def test_the_end_of_a_local_page_credits_who_paid_and_who_wrote_and_names_the_outlet():
    s = page("2026-10-09", "By Jane Doe-Roy", "Posted: October 9, 2026 at 2:30 pm",
             body=("A clinic opened.", "Sign up for The Guardian's P.E.I. politics newsletter", "It was busy.",
                   "Jane Doe-Roy is a reporter with the Guardian, a SaltWire publication.",
                   "This story is part of the Local Journalism Initiative, funded by the federal government."))
    assert s.source == "The Guardian" and s.paragraphs == ("A clinic opened.", "It was busy.")
    assert s.credits == ("Jane Doe-Roy is a reporter with the Guardian, a SaltWire publication.",
                         "This story is part of the Local Journalism Initiative, funded by the federal government.")
    s = page("2026-11-03", "par Mathilde Roy-Kasongo", "3 novembre 2026",
             body=("Il y a trois ans, l'IA était une curiosité.", "Suite du texte.",
                   "Cet article a été publié dans le numéro de décembre 2026 de L'actualité."))
    assert s.source == "L'actualité" and s.credits == ("Cet article a été publié dans le numéro de décembre 2026 de L'actualité.",)


def test_a_list_told_with_dashes_and_parts_headed_in_sentence_case_keep_their_shape():
    from digest.ingest.structure import shape

    long = "C'est d'abord au travail que les Québécois utilisent l'IA, pour rédiger des courriels et des résumés de réunions."
    blocks = shape(["The finalists were announced.", "The other finalists were:", '— "Winter Count," by A. Roe (Knopf)',
                    '— "Inventory," by Ada Kowalczyk (Coach House Books)', "Au travail, surtout", long,
                    "Une voix prudente", long, "— Jane Doe, 2019"])
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "list", "subhead", "paragraph", "subhead", "paragraph",
                                        "paragraph"]
    assert blocks[2].items == ('"Winter Count," by A. Roe (Knopf)', '"Inventory," by Ada Kowalczyk (Coach House Books)')
    # one dashed line, or dashed lines no colon announces, stay paragraphs; one short phrase is no heading
    assert [b.kind for b in shape(["Intro.", "— Jane Doe", "— John Roe", "Short line here", long])] == ["paragraph"] * 5


# --- a seventh editor's outlets -------------------------------------------------------------

def test_pages_with_their_caption_first_a_short_section_or_a_date_over_the_headline_have_their_header_read():
    title = "Ten years after the spill, Heiltsuk responders take the lead"
    s = titled("2026-10-13", title, "Responders load boom in Bella Bella. Photo: Tavish Ramsay-Okoro / The Narwhal", "B.C.",
               title, "A new agreement puts the nation's team first in line.",
               "By Sienna Marchetti-Wolfe\nOctober 13, 2026\n8 min read", "Ten years ago this week, a tug ran aground.")
    assert s.authors == ("Sienna Marchetti-Wolfe",) and s.paragraphs == ("Ten years ago this week, a tug ran aground.",)
    assert {"Tavish Ramsay-Okoro", "The Narwhal"} <= set(s.credited)
    title = "Whitehorse hospital to open Yukon's first dialysis unit"
    s = titled("2026-10-14", title, "A nurse walks through the space, on Oct. 13. (Maddie Pellerin-Hague/Yukon News)", "NEWS",
               title, "Patients who now move to B.C. could stay home, hospital says",
               "Maddie Pellerin-Hague / Yukon News\nOct. 14, 2026 1:30 p.m.", "Share on Facebook   Share on X   Share by email",
               "Yukon patients will get dialysis in Whitehorse.")
    assert (s.authors, s.source, s.date.isoformat()) == (("Maddie Pellerin-Hague",), "Yukon News", "2026-10-14T13:30:00-04:00")
    assert s.paragraphs == ("Yukon patients will get dialysis in Whitehorse.",)
    title = "A new facilitator on the Senate's fall agenda"
    s = titled("2026-10-19", title, "MONDAY, OCTOBER 19, 2026", "NEWS | Q&A", title, "She says senators will do the homework.",
               "By Owen Tremblay-Adeyemi", "Share   Tweet   Email   Print", "Sen. Jane Roe was elected facilitator.")
    assert s.authors == ("Owen Tremblay-Adeyemi",) and s.paragraphs == ("Sen. Jane Roe was elected facilitator.",)


def test_a_staff_byline_a_player_a_chain_of_credits_and_a_byline_at_the_end_are_read():
    s = titled("2026-12-09", "Winter storm buries Hamilton", "CHCH News Staff", "Posted Dec 9, 2026 6:05 am",
               "Hamilton is digging out.")
    assert (s.authors, s.source) == ((), "CHCH News")
    title = "Fausses vidéos : une retraitée perd 86 000 $"
    s = titled("2026-11-23", title, "Regarder la vidéo\nHypertrucages : comment reconnaître une fausse pub\n02:47",
               "Publié le 23 novembre 2026 à 12 h 05", title, "Par Karine Desjardins-Mensah | Noovo Info", "Partager",
               "Une retraitée de Laval a perdu ses économies.")
    assert (s.authors, s.source) == (("Karine Desjardins-Mensah",), "Noovo Info")
    assert s.paragraphs == ("Une retraitée de Laval a perdu ses économies.",)
    assert any("player" in w.message for w in s.warnings)
    s = titled("2026-11-12", "Les entreprises francophones inquiètes", "Par Guillaume Ostiguy-Hamdan\nIJL – Réseau.Presse – Le Franco",
               "12 novembre 2026", "Le ralentissement pèse sur le moral des entrepreneurs.")
    assert (s.authors, s.source) == (("Guillaume Ostiguy-Hamdan",), "Le Franco")
    s = titled("2026-09-12", "Le musée rouvre ses portes", "12 septembre 2026 - 08:00", "Le musée a accueilli ses visiteurs.",
               "Il est ouvert du mardi au dimanche.", "Par Véronique Boivin-Sioui, journaliste\nL'Étoile du Lac")
    assert (s.authors, s.source) == (("Véronique Boivin-Sioui",), "L'Étoile du Lac")
    assert s.paragraphs == ("Le musée a accueilli ses visiteurs.", "Il est ouvert du mardi au dimanche.")
    assert s.credits == ("Par Véronique Boivin-Sioui, journaliste", "L'Étoile du Lac")


def test_a_photographer_credited_alone_and_a_credit_in_french_name_no_tag():
    s = page("2026-11-26", "Tents on Grand Parade, Nov. 12. Photo: Jordan Whitlow-Barss", "By Jordan Whitlow-Barss",
             "November 26, 2026", body=("A judge ruled on Wednesday.",))
    assert s.paragraphs == ("A judge ruled on Wednesday.",) and "Jordan Whitlow-Barss" in s.credited
    s = page("2026-09-24", "Par Léa Charbonneau-Mbala", "Publié le 24 septembre 2026 à 17 h 40",
             "Le député à Queen's Park. Crédit image : Léa Charbonneau-Mbala / ONFR", body=("Le projet de loi avance.",))
    assert s.paragraphs == ("Le projet de loi avance.",) and "ONFR" in s.credited


def test_the_closing_lines_of_a_page_credit_its_people_and_name_its_outlet():
    s = page("2026-10-19", "By Owen Tremblay-Adeyemi", "October 19, 2026", body=(
        "The senator answered.", "Owen Tremblay-Adeyemi is a reporter with The Hill Times covering the Senate.\n"
        "otremblay@hilltimes.com", "The Hill Times"))
    assert s.source == "The Hill Times" and s.paragraphs == ("The senator answered.",)
    assert s.credits == ("Owen Tremblay-Adeyemi is a reporter with The Hill Times covering the Senate.",
                         "otremblay@hilltimes.com", "The Hill Times")
    s = page("2026-11-26", "By Jordan Whitlow-Barss", "November 26, 2026", body=(
        "A judge ruled.", "Correction: An earlier version said 48 hours. The notice gave them 72 hours.",
        "The Halifax Examiner is an advertising-free, subscriber-supported news site. Subscribe here.",
        "Jordan Whitlow-Barss covers municipal affairs and courts for the Halifax Examiner. Email: jordan@halifaxexaminer.ca"))
    assert s.source == "Halifax Examiner" and len(s.credits) == 2 and s.notes[0].startswith("Correction:")
    s = page("2026-09-24", "Par Léa Charbonneau-Mbala", "Publié le 24 septembre 2026 à 17 h 40", body=(
        "Le projet de loi avance.", "ONFR est le média d'information de TFO."))
    assert s.source == "ONFR"
    s = page("2026-12-09", "CHCH News Staff", "Posted Dec 9, 2026 6:05 am", body=(
        "Watch CHCH News live on air and online all morning for storm coverage.", "Hamilton is digging out.",
        "Refresh this page for the latest updates.", "12:15 p.m. — The city declared a significant weather event.",
        "Have a photo or video of the storm? Send it to news@chch.com", "Copyright 2026 CHCH"))
    assert s.paragraphs == ("Hamilton is digging out.", "12:15 p.m. — The city declared a significant weather event.")
    assert s.credits == ("Have a photo or video of the storm? Send it to news@chch.com", "Copyright 2026 CHCH")
    # ... but a newsroom's name that is story text stays: a story may end on one
    s = page("2026-12-09", "By Jane Doe, CBC News", "Posted Dec 9, 2026 6:05 am",
             body=("The paper was sold on Monday.", "The buyer runs the Halifax Examiner, a news site since 2013."))
    assert s.paragraphs[-1] == "The buyer runs the Halifax Examiner, a news site since 2013." and not s.credits


def test_a_deck_and_caption_under_the_repeated_headline_and_the_pages_promotions_are_left_out():
    title = "Le Musée amérindien de Mashteuiatsh rouvre ses portes"
    s = titled("2026-09-12", title, "12 septembre 2026 - 08:00", "Culture", title,
               "Agrandi et rénové, le musée mise sur une exposition repensée.",
               "La nouvelle salle, qui donne sur le lac. (Photo gracieuseté)", "Publicité",
               "Après deux ans de travaux, le musée a accueilli ses premiers visiteurs.")
    assert s.paragraphs == ("Après deux ans de travaux, le musée a accueilli ses premiers visiteurs.",)
    s = page("2026-10-13", "By Jane Doe", "October 13, 2026", body=(
        "The tug ran aground.", "Get The Narwhal in your inbox!\nPeople always tell us they love our newsletter. Sign up here.",
        "Like us on Facebook and follow us on X.", "The nation signed the deal.", "Quick facts",
        "- Six stations\n- A water room", "It opens in April."))
    assert s.paragraphs[:2] == ("The tug ran aground.", "The nation signed the deal.")
    assert [b.kind for b in s.blocks][2:] == ["subhead", "list", "paragraph"]


def test_names_joined_in_capitals_and_an_ap_hub_line_in_lowercase():
    from digest.ingest.bylines import parse_byline
    from digest.ingest.families import ENGLISH

    assert parse_byline("DARIA KOVALENKO AND MATTHEW O'ROURKE-LEE", ENGLISH)[0] == ("Daria Kovalenko", "Matthew O'Rourke-Lee")
    assert parse_byline("Jane Doe and Andy Anderson", ENGLISH)[0] == ("Jane Doe", "Andy Anderson")
    s = page("2026-11-15", "By Jane Doe, The Associated Press", "Posted Nov 15, 2026 4:00 PM EST",
             body=("Sinner won.", "AP tennis: https://apnews.com/hub/tennis"))
    assert s.credits == ("AP tennis: https://apnews.com/hub/tennis",)


@pytest.mark.parametrize("last", [
    ("Pankow is a former newspaper editor who now teaches journalism at Algonquin College.",),
    ("Tremblay est un ancien journaliste du quotidien La Presse.",),
    ("The Lancet is a weekly peer-reviewed medical journal founded in 1823.",),
    ("The finalists for the investigations prize are:", "Toronto Star\nHalifax Examiner\nWinnipeg Free Press"),
    ("To book an appointment, residents can e-mail the library at:", "taxclinic@tpl.ca"),
    ("Copyright 2026 reforms are expected to pass by the fall, the minister said.",),
    ("Watch the council meeting live on the city's YouTube channel at 7 p.m.",),
    ("Follow us on this journey, the couple wrote on Instagram.",),
    ("Like us on Facebook, the sign on the bakery's door reads.",),
    ("Sign up for the free newsletter, the city said, and you will get alerts about road closures.",),
])
def test_a_stories_own_last_lines_that_look_like_a_pages_stay_the_story(last):
    s = page("2026-05-01", "By Jane Doe", "Posted Oct 14, 2026 4:12 pm", body=("Story text.", *last))
    assert s.paragraphs == ("Story text.", *last) and s.credits == () and s.source == ""


@pytest.mark.parametrize("tagline, source", [
    ("Jane Doe is a freelance journalist whose work has appeared in the Toronto Star and Global News.", ""),
    ("Jane Doe is a former Toronto Star reporter.", ""),
    ("Jane Doe is a reporter with The Globe and Mail and a fellow at Massey College.", "The Globe and Mail"),
    ("Jane Doe is a reporter with the Canadian Press.", "The Canadian Press"),
])
def test_the_outlet_an_authors_tagline_names_is_the_one_they_report_for(tagline, source):
    s = page("2026-05-01", "By Jane Doe", "Posted Oct 14, 2026 4:12 pm", body=("Story text.", tagline))
    assert (s.source, s.credits) == (source, (tagline,))


def test_a_lede_under_the_time_a_staff_of_no_outlet_and_a_freelancers_outlet_are_not_the_pages():
    title = "Council approves new budget for the year"
    s = titled("2026-10-19", title, title, "Posted Oct 19, 2026 4:00 pm", "Council approved the budget on Tuesday.",
               "The mayor after the vote on Tuesday. (Photo gracieuseté)", "More of the story.")
    assert s.paragraphs[0] == "Council approved the budget on Tuesday."
    s = page("2026-10-19", "Hospital Staff", "Posted Oct 19, 2026 4:00 pm", body=("Nurses walked out.",))
    assert s.source == "" and s.authors == ()
    s = page("2026-10-19", "By Jane Doe | Special to the Star", "Posted Oct 19, 2026 4:00 pm", body=("Nurses walked out.",))
    assert s.source == ""


def test_the_wires_notes_to_editors_over_a_story_are_left_out_with_a_warning():
    s = titled("2026-09-10", "Anglo American and Teck complete merger", "UPDATES with minister's comments in paragraphs 5-6",
               "September 10, 2026 12:41 PM GMT+1 Updated 2 hours ago",
               "LONDON, Sept 10 (Reuters) - Anglo American and Teck completed their merger on Thursday.")
    assert s.source == "Reuters" and s.date.isoformat() == "2026-09-10T07:41:00-04:00"
    assert s.paragraphs == ("LONDON, Sept 10 (Reuters) - Anglo American and Teck completed their merger on Thursday.",)
    assert any("note to editors" in w.message for w in s.warnings)
    s = titled("2026-10-20", "Whooping cough cases rise", "NEWS ADVISORY: The chief medical officer will take questions at 2 p.m.",
               "By Siobhan LeBlanc-Mwangi, The Canadian Press", "Posted October 20, 2026 11:26 am.",
               "FREDERICTON — New Brunswick has recorded 412 cases.")
    assert s.authors == ("Siobhan LeBlanc-Mwangi",) and s.paragraphs == ("FREDERICTON — New Brunswick has recorded 412 cases.",)
    # a story that opens with the word is the story's
    s = titled("2026-10-20", "Software", "Updates to the app arrive Tuesday, the company said.", "More.")
    assert s.paragraphs[0] == "Updates to the app arrive Tuesday, the company said."


def test_a_portals_page_carrying_reuters_copy_gives_the_story_and_its_byline():
    title = "Ericsson to add 300 jobs at Ottawa research hub"
    s = titled("2026-11-18", title, "Yahoo News", "Reuters", title, "Elin Strömberg-Adeyemi",
               "Wed, November 18, 2026 at 5:42 a.m. EST · 3 min read", "In this article:", "ERIC",
               "STOCKHOLM, Nov 18 (Reuters) - Ericsson will add 300 engineering jobs in Ottawa.", "Story continues",
               "Shares of Ericsson rose 1.4%.", "(Reporting by Elin Strömberg-Adeyemi in Stockholm; Editing by Keiko Brandvold)",
               "Terms and Privacy Policy", "Recommended Stories", "Sign in to Yahoo to save articles to your list")
    assert (s.authors, s.source, s.dateline) == (("Elin Strömberg-Adeyemi",), "Reuters", "STOCKHOLM")
    assert s.date.isoformat() == "2026-11-18T05:42:00-05:00"
    assert s.paragraphs == ("STOCKHOLM, Nov 18 (Reuters) - Ericsson will add 300 engineering jobs in Ottawa.",
                            "Shares of Ericsson rose 1.4%.")


def test_an_agencys_name_alone_signs_a_list_and_a_list_of_people_keeps_its_stops():
    s = titled("2026-11-11", "Today in History for Nov. 11", "Today in History for Nov. 11:",
               "In 1918, the armistice was signed.", "In 1921, the Tomb of the Unknown Soldier was dedicated.",
               "The Canadian Press")
    assert s.source == "The Canadian Press" and s.credits == ("The Canadian Press",)
    from digest.ingest.structure import shape

    blocks = shape(["Carney named five senators.", "The appointees are:",
                    "— Dr. Wendy Akiwenzie-Lavallée, a family physician (Ontario).",
                    "— Pierre-Olivier de Lorimier, a former mayor (Quebec).", "They were sworn in."])
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "list", "paragraph"]
    assert blocks[2].items == ("Dr. Wendy Akiwenzie-Lavallée, a family physician (Ontario).",
                               "Pierre-Olivier de Lorimier, a former mayor (Quebec).")
    # AP's questions that ask for everyone head their parts
    blocks = shape(["Voters head to the polls.", "What's on the ballot?", "x" * 120, "When will we know results?", "y" * 120,
                    "How does AP call races?", "z" * 120])
    assert [b.kind for b in blocks].count("subhead") == 3


@pytest.mark.parametrize("text, authors, first", [
    # a promotion's label takes no byline and no time as its link
    ("date 2026-05-01 Storm hits coast\n\nPosted May 1, 2026 9:00 am.\n\nMost Read\n\nBy Jane Doe, The Canadian Press\n\n"
     "HALIFAX — The storm hit.\n", ("Jane Doe",), "HALIFAX — The storm hit."),
    # ... nor a subhead; a line that starts like a slug is the story's
    ("date 2026-05-01 Power out\n\nBy Jane Doe, The Canadian Press\n\nPosted May 1, 2026 9:00 am.\n\nCrews worked all night.\n\n"
     "Read more:\n\nWhat happens next\n\nThe utility said repairs could take a week.\n", ("Jane Doe",), "Crews worked all night."),
    ("date 2026-05-01 Storm\n\nBy Jane Doe, The Canadian Press\n\nUPDATES on road closures will be posted here as crews "
     "reach the area.\n\nThe storm hit.\n", ("Jane Doe",), "UPDATES on road closures will be posted here as crews reach the area."),
])
def test_page_rules_leave_the_story_its_lines(text, authors, first):
    s = story(text)
    assert s.authors == authors and s.paragraphs[0] == first
    assert "What happens next" in s.paragraphs or "What happens next" not in text


def test_an_event_time_and_a_line_a_colon_announces_are_the_storys():
    s = story("date 2026-05-01 Town hall\n\nBy Jane Doe, The Canadian Press\n\nWednesday, May 13, 2026 at 7:30 p.m. ET\n\n"
              "The city will hold a town hall.\n")
    assert not s.timed and s.date.date().isoformat() == "2026-05-01"
    s = story("date 2026-05-01 An agency at 100\n\nBy Jane Doe\n\nPosted May 1, 2026 9:00 am.\n\nA century on, one news agency "
              "endures.\n\nIts name is known in every newsroom in the country:\n\nThe Canadian Press\n")
    assert s.paragraphs[-1] == "The Canadian Press" and s.credits == () and s.source == ""
    from digest.ingest.structure import shape

    assert [b.kind for b in shape(["Il a rapporté leurs mots au jury :", "— Marc Tremblay, tu m'entends? Réponds-moi.",
                                   "— Jean Roy, oui, je t'entends très bien."])] == ["paragraph"] * 3
    column = ["Fares rose again.", "Should we pay more for a system that runs late?", "x" * 120,
              "Can we trust the province to fund the gap?", "y" * 120, "What do we owe the next riders?", "z" * 120]
    assert "subhead" not in [b.kind for b in shape(column)]


_LOT = ("A divided city council has agreed to sell a downtown parking lot for $1 to a private developer that has "
        "promised to build 120 apartments on the site.")


def test_a_saved_pages_name_at_its_top_is_its_source_when_nothing_else_names_one():
    """A site's page opens with its name over its section and its headline repeated: the name is
    the outlet when no byline or closing line names one; a byline naming the paper short takes the
    full name; a page with a section alone at its top, or a byline naming its outlet, keeps theirs."""
    page = ("date 2026-09-15 Council sells lot\n\nSooToday\n\nLocal News\n\nCouncil sells lot\n\nCallum Brisebois-Hart\n"
            "Sep 15, 2026 7:30 AM\n\nThe vacant lot on Queen Street East will become housing. Callum Brisebois-Hart/SooToday\n\n"
            f"{_LOT}\n\nBe the first to read breaking stories. Enable push notifications on your device. Disable anytime."
            "\n\nNo thanks\n\nAbout the Author: Callum Brisebois-Hart\n\nRelated Articles\n")
    s = story(page)
    assert (s.source, s.authors, s.timed, s.paragraphs) == ("SooToday", ("Callum Brisebois-Hart",), True, (_LOT,)), s
    assert not any("names no outlet" in w.message for w in s.warnings), s.warnings
    for top in ("Local News\n\n", "Home\n\nLocal News\n\n", "Canada\n\nLocal News\n\n"):  # a section, a page's line, a place
        s = story(page.replace("SooToday\n\nLocal News\n\n", top))
        assert s.source == "" and any("names no outlet" in w.message for w in s.warnings), (top, s.source)
    s = story(page.replace(" Callum Brisebois-Hart/SooToday", "").replace("SooToday", "L'Action"))
    assert s.source == "" and any("names no outlet" in w.message for w in s.warnings)  # named nowhere else
    s = story(page.replace("Callum Brisebois-Hart\nSep", "By Callum Brisebois-Hart, The Canadian Press\nSep"))
    assert s.source == "The Canadian Press"
    s = story("date 2026-10-30 Region briefs\n\nGrand Forks Herald\n\nNews\n\nRegion briefs\n\nBy Herald staff reports\n"
              f"Published October 30, 2026 at 5:00 AM\n\n{_LOT}\n")
    assert (s.source, s.authors) == ("Grand Forks Herald", ()), s


def test_a_roundups_briefs_and_a_list_storys_numbered_items_head_their_parts():
    """Briefs, each a place in capitals over its headline over its story, and a list story's
    numbered items standing alone over their parts, are subheads (an item that goes on into a
    sentence, or one brief alone, stays the story's text)."""
    brief = "x" * 120
    s = story("date 2026-10-30 Region briefs\n\nBy Jane Doe, Grand Forks Herald\nPublished October 30, 2026 at 5:00 AM\n\n"
              f"EAST GRAND FORKS\n\nCouncil approves $1.2 million for flood pump station repairs\n\n{brief}\n\nPEMBINA\n\n"
              f"Commercial lanes at border crossing to close for two weeks\n\n{brief}\n")
    assert [b.text for b in s.blocks if b.kind == "subhead"] == [
        "EAST GRAND FORKS", "Council approves $1.2 million for flood pump station repairs", "PEMBINA",
        "Commercial lanes at border crossing to close for two weeks"], s.blocks
    from digest.ingest.structure import shape

    heads = shape(["Lede.", "1. Tariffs come off on day one", brief, "2. Shrimp, bananas and roses", brief])
    assert [b.kind for b in heads] == ["paragraph", "subhead", "paragraph", "subhead", "paragraph"]
    sentences = shape(["Lede.", "1. The top line looked dangerous. Matthews scored twice.", brief,
                       "2. Stolarz made his case. He stopped all 14 shots.", brief])
    assert "subhead" not in [b.kind for b in sentences]
    one = shape(["Lede.", "PEMBINA", "Lanes close for two weeks at the border", brief])  # (a line in capitals heads anyway)
    assert [b.kind for b in one] == ["paragraph", "subhead", "paragraph", "paragraph"], one


def test_cps_tickers_and_reuters_credits_with_the_close_the_story():
    s = story("date 2026-11-09 Deal\n\nBy Nadia Sorensen-Ali, The Canadian Press\n\nPosted Nov 9, 2026 7:31 am.\n\n"
              "CALGARY — Kestrel Ridge Energy Corp. has agreed to buy Aspen Trail Resources Ltd.\n\n"
              "This report by The Canadian Press was first published Nov. 9, 2026.\n\n"
              "Companies in this story: (TSX:KRE, TSX:ATR)\n")
    assert s.credits[-1] == "Companies in this story: (TSX:KRE, TSX:ATR)" and len(s.paragraphs) == 1
    s = story("date 2026-11-12 Talks\n\nBy Eleni Stavrou-Marsh\n\nNICOSIA, Nov 12 (Reuters) - Leaders met.\n\n"
              "(Reporting by Eleni Stavrou-Marsh in Nicosia and Harriet Okonjo-Baird at the United Nations; Editing by "
              "Hugh Lawson-Tate)\n")
    assert len(s.credits) == 1 and len(s.paragraphs) == 1


def test_advice_about_notifications_a_kicker_and_a_street_pair_stay_the_storys():
    """Only a page's own prompt is left out (`Be the first to read ... notifications` and its
    button); a kicker in capitals over a deck after the byline is no roundup of briefs; a lede
    ending in two streets is no photo's credit."""
    s = story("date 2026-05-01 Fraud\n\nBy Jane Doe, The Canadian Press\n\nPosted May 1, 2026 9:00 am.\n\n"
              "Turn on notifications for every card purchase so you see a fraudulent charge right away.\n\n"
              "Enable notifications from your bank's app, and check them daily, Smith said.\n")
    assert len(s.paragraphs) == 2 and not s.warnings, s
    s = story("date 2026-05-01 Rates\n\nBy Jane Doe, Toronto Star\nPosted May 1, 2026 9:00 am.\n\nANALYSIS\n\n"
              f"Why the Bank of Canada may cut again in March\n\n{'x' * 120}\n")
    assert s.lede != "ANALYSIS"
    s = story("date 2026-09-15 Detour\n\nDetour\n\nJane Smith-Okafor\nSep 15, 2026 7:30 AM\n\n"
              "The route changes Monday. Buses will use Queen Street/Pim Street\n\nMore to come.\n")
    assert s.paragraphs[0] == "The route changes Monday. Buses will use Queen Street/Pim Street", s.paragraphs


def test_a_sites_pages_lines_captions_and_author_box_around_a_story():
    """A known outlet's name over a page's sections and its headline again is its masthead,
    no byline (the source when the page names it again); short lines over the headline again
    are sections, not a deck; a caption whose credit names an agency alone, `Citizen file photo`,
    or a credit on its own line under the caption, is left out; an author box headed in capitals
    leaves the closing credits credits."""
    lede = "L'entreprise Nordik Calcul construira à Shawinigan un centre de données de 40 mégawatts, a-t-elle annoncé."
    s = story("date 2026-11-17 Un centre de données à Shawinigan\n\nRadio-Canada\n\nICI Mauricie–Centre-du-Québec\n\n"
              "Techno\n\nUn centre de données à Shawinigan\n\nL'entreprise promet 55 emplois.\n\nUn texte de Félix "
              "Lacerte-Obeng\n\nPublié le 17 novembre 2026 à 5 h 02 HNE\n\nLe terrain du centre.\nPhoto : Radio-Canada / "
              f"Félix Lacerte-Obeng\n\n{lede}\n")
    assert (s.source, s.authors, s.timed, s.paragraphs) == ("Radio-Canada", ("Félix Lacerte-Obeng",), True, (lede,)), s
    for caption in ("Un feu près de Stewart Crossing, en juillet. (Photo : Gestion des feux de forêt du Yukon)",
                    "The mill on the banks of the Fraser River in Prince George. Citizen file photo"):
        s = story(f"date 2026-11-18 Mill\n\nBy Mackenzie Roy-Kahlon\n\nPosted Nov 18, 2026 3:45 pm.\n\n{caption}\n\n{_LOT}\n")
        assert s.paragraphs == (_LOT,), s.paragraphs
    s = story(f"date 2026-11-21 Ferry\n\nBy Kieran Abbott-Quigley, CBC News\n\nPosted Nov 21, 2026 6:00 am.\n\n{_LOT}\n\n"
              "With files from Central Morning Show\n\nABOUT THE AUTHOR\n\nKieran Abbott-Quigley is a reporter with CBC News "
              "in Gander.\n\nReport Error Submit a Tip\n")
    assert s.credits == ("With files from Central Morning Show", "Kieran Abbott-Quigley is a reporter with CBC News in Gander.")
    assert s.paragraphs == (_LOT,) and "subhead" not in [b.kind for b in s.blocks]


@pytest.mark.parametrize("page, source, first", [
    # a paragraph ending in a parenthesis about photos, and a lede ending in `Police File Photo`, are the story's
    ("By Jane Smith, The Canadian Press\n\nMarch 2, 2026 10:00 AM\n\nTORONTO — The mayor unveiled the plaque (Photo ops "
     "were arranged by staff).\n\n", "The Canadian Press", "TORONTO — The mayor unveiled the plaque (Photo ops were arranged by staff)."),
    ("By Jane Smith, The Canadian Press\n\nMarch 2, 2026 10:00 AM\n\nOfficials released the old plans. Police File Photo\n\n",
     "The Canadian Press", "Officials released the old plans. Police File Photo"),
    # an outlet's line alone over the headline, or over a person's name, is still the source
    ("The Canadian Press\n\nCouncil approves budget\n\nOTTAWA — Council approved the budget, officials said.\n\n",
     "The Canadian Press", "OTTAWA — Council approved the budget, officials said."),
    ("CBC News\n\nLocal\n\nCouncil approves budget\n\nMarch 2, 2026 10:00 AM\n\n", "CBC News", _LOT),
    # a common word atop a page is no outlet's name
    ("News\n\nLocal\n\nCouncil approves budget\n\nMarch 2, 2026 10:00 AM\n\n", "", _LOT),
])
def test_page_top_rules_leave_a_storys_own_lines_and_sources_as_they_were(page, source, first):
    s = story(f"date 2026-03-02 Council approves budget\n\n{page}{_LOT}\n")
    assert (s.source, s.paragraphs[0]) == (source, first), s


def test_a_byline_line_run_onto_its_time_is_read_and_a_sections_name_is_not():
    """`Name - Dec 4, 2026 / 10:51 pm | Story: 598214` (Castanet) is a byline and its time; a date
    and its time apart (`Published Dec 03, 2026 • 11:40 a.m. | Updated 3:25 p.m.`) are one stamp.
    A section's or a place's name run onto a time (`Thunder Bay | Dec 4, 2026 7:30 AM`) is no
    author: the byline under it is the story's."""
    castanet = story("date 2026-12-04 Rockets beat Blazers\n\nCastanet\n\nKelowna Sports\n\nRockets beat Blazers\n\n"
                     "Jordan Kaminski-Reyes - Dec 4, 2026 / 10:51 pm | Story: 598214\n\n"
                     "Brody Kaczmarek-Lee scored three times as the Kelowna Rockets beat the Kamloops Blazers 5-3.\n")
    assert castanet.authors == ("Jordan Kaminski-Reyes",)
    assert castanet.date.isoformat() == "2026-12-04T22:51:00-05:00" and castanet.timed
    assert castanet.paragraphs[0].startswith("Brody Kaczmarek-Lee scored")
    post = story("date 2026-12-03 Cancer centre opens\n\nNicole Sampson-Doucet · Cape Breton Post\n"
                 "Published Dec 03, 2026 • 11:40 a.m. | Updated 3:25 p.m.\n\nThe first patients were treated Wednesday.\n")
    assert (post.authors, post.source) == (("Nicole Sampson-Doucet",), "Cape Breton Post")
    assert post.date.isoformat() == "2026-12-03T11:40:00-05:00" and post.updated.isoformat() == "2026-12-03T15:25:00-05:00"
    section = story("date 2026-12-04 Storm closes roads\n\nThunder Bay | Dec 4, 2026 7:30 AM\n\n"
                    "By Jane Doe, Cape Breton Post\n\nHighway 17 was closed on Friday as snow fell.\n")
    assert (section.authors, section.source) == (("Jane Doe",), "Cape Breton Post")


def test_an_editors_note_on_a_saved_page_is_the_storys_and_elsewhere_stops_the_search():
    """On a page that shows its headline again, an editor's note between the deck and the
    byline is the story's note, and the byline under it is read; in copy that is no saved
    page, a note after the first lines keeps them the story's (no lede is taken for a deck)."""
    page = story("date 2026-12-03 Cancer centre opens in Sydney\n\nCape Breton Post\n\nNews | Health\n\n"
                 "Cancer centre opens in Sydney\n\nTwo new machines mean fewer trips to Halifax, oncologists say\n\n"
                 "Editor's note: This story has been updated to include comments from the minister.\n\n"
                 "Nicole Sampson-Doucet · Cape Breton Post\nPublished Dec 03, 2026 • 11:40 a.m.\n\n"
                 "The first patients were treated Wednesday in the expanded centre.\n")
    assert page.authors == ("Nicole Sampson-Doucet",) and page.timed
    assert page.notes == ("Editor's note: This story has been updated to include comments from the minister.",)
    assert page.paragraphs[0].startswith("The first patients")
    copy = story("date 2026-12-04 Highway closed\n\nHighway 97 was closed near Peachland after a crash on Friday.\n\n"
                 "Update, 4:15 p.m.: The highway has reopened.\n\nPosted Dec 4, 2026 2:10 pm\n\nMore to come.\n")
    assert copy.paragraphs[0].startswith("Highway 97 was closed")


def test_reuters_note_to_editors_over_the_dateline_and_a_papers_pitch():
    """Reuters' `(Adds analyst comments in paragraphs 6-8, updates shares)` over the story is the
    wire's note to editors: left out, and the dateline under it read. A paper asking its readers
    to subscribe to it as the newspaper it is (French spacing and all) is a credit."""
    reuters = story("date 2026-12-01 UPDATE 2-BMO beats estimates\n\nBy Rhea Baptiste-Menon\n\n"
                    "December 1, 2026 11:38 AM GMT-5\n\n(Adds comments from analyst call in paragraphs 6-8, updates shares)\n\n"
                    "TORONTO, Dec 1 (Reuters) - Bank of Montreal reported higher profit on Tuesday.\n\n"
                    "(Reporting by Rhea Baptiste-Menon in Toronto; Editing by Sonia Castellanos-Byrne)\n")
    assert reuters.dateline == "TORONTO" and reuters.paragraphs[0].startswith("TORONTO, Dec 1 (Reuters) - Bank")
    assert any("(Adds comments" in w.message for w in reuters.warnings)
    pitch = "Vous aimez lire Le Gaboteur\u00a0? Abonnez-vous pour soutenir le seul journal de langue française de Terre-Neuve-et-Labrador."
    paper = story("date 2026-12-06 Des contes enregistrés\n\nPar Annick Benoît-Laforest\n\nPublié le 6 décembre 2026\n\n"
                  "Dans la cuisine de Léonie, un enregistreur est posé sur la table.\n\n" + pitch + "\n")
    assert pitch in paper.credits and all(pitch not in p for p in paper.paragraphs)


def test_a_pages_name_said_again_short_its_captions_credits_and_closing_notes():
    """A page's name at its top is its source when the copy names it again without its article
    (`au Canada Français`) or its city (`a Whig-Standard columnist`), or when it is a brand led by
    lowercase (`paNOW`); never by a region it shares a word with (`Le Madawaska`, `Madawaska`).
    Captions crediting `(Name photo)` or `(File photo/Outlet Staff)` are left out; a tip line
    with the outlet's handle is a credit, an interview's note on its editing a note; `Summary`
    over bullets and a line in capitals with its qualifier (`RESULTS (42 of 42 polls)`) head."""
    def page(masthead: str, lede: str, tail: str = "") -> str:
        return (f"date 2026-11-26 Une PME mise sur l'Europe\n\n{masthead}\n\nÉconomie\n\nUne PME mise sur l'Europe\n\n"
                f"Par Noémie Charland-Diallo\n\n26 novembre 2026 à 6 h 00\n\n{lede}\n\n{_LOT}\n\n{tail}\n")
    said = "« C'est aussi simple que ça », a-t-elle confié au Canada Français."
    assert story(page("Le Canada Français", said)).source == "Le Canada Français"
    assert story(page("Le Canada Français", "Elle a tout dit.")).source == ""
    assert story(page("Le Madawaska", "La région du Madawaska fête.")).source == ""
    column = story(page("The Kingston Whig-Standard", "Snow fell.", "Marnie Oduya-Fitch is a Kingston writer and a "
                        "Whig-Standard columnist. Reach her at mfitch@postmedia.com."))
    assert column.source == "The Kingston Whig-Standard", column.warnings
    caption = "A Prince Albert Police Service cruiser. (File photo/paNOW Staff)"
    panow = story(page("paNOW", caption).replace("Par Noémie", "Par Noémie"))
    assert panow.source == "paNOW" and caption not in panow.paragraphs and panow.paragraphs[0] == _LOT, panow
    shot = "Neil MacPhee-Tran takes a water sample near the bridge. (Rowan Gillis-Adebayo photo)"
    assert story(page("Économie", shot)).paragraphs[0] == _LOT
    closing = story(page("VOCM", "Voters went to the polls.", "UNOFFICIAL RESULTS (42 of 42 polls reporting)\n\n"
                         "Sheila Bungay-Rossiter (PC) — 2,874\n\nCette entrevue a été abrégée et révisée par souci de "
                         "clarté.\n\nHave a news tip? Email news@vocm.com or message us @VOCMNEWS."))
    assert "Have a news tip? Email news@vocm.com or message us @VOCMNEWS." in closing.credits
    assert closing.notes == ("Cette entrevue a été abrégée et révisée par souci de clarté.",)
    assert ("subhead", "UNOFFICIAL RESULTS (42 of 42 polls reporting)") in [(b.kind, b.text) for b in closing.blocks]
    summary = story("date 2026-11-26 ANALYSIS-Condo glut\n\nBy Sofia Lindgren-Achebe\n\nNovember 26, 2026 6:05 AM GMT-5\n\n"
                    "Summary\n\n- New condo sales near 30-year lows\n- About 24,000 units unsold\n\n"
                    "TORONTO, Nov 26 (Reuters) - Cranes still crowd the skyline.\n")
    assert [(b.kind, b.text or b.items) for b in summary.blocks][:2] == [
        ("subhead", "Summary"), ("list", ("New condo sales near 30-year lows", "About 24,000 units unsold"))]
    assert summary.dateline == "TORONTO"


@pytest.mark.parametrize("lede", [
    "PRINCE ALBERT — A man has been charged after a crash on 15th Street East on Tuesday. (File photo/paNOW Staff)",
    "A local woman won the provincial contest with a picture of a heron at Waskesiu Lake. (Submitted photo)",
    "Police released an image of the suspect and asked the public for help. (Police handout photo)",
    "Members of the Legion gathered Saturday for the annual dinner at the hall. (See photo)",
])
def test_a_ledes_closing_parenthesis_on_a_photo_is_no_caption(lede):
    """A caption's credit names its photographer or the file it comes from; a story's first
    paragraph ending on `(Submitted photo)` or under a dateline stays the story."""
    s = story(f"date 2026-11-26 Council sells lot\n\nBy Jane Doe-Smith\n\nNov 26, 2026 6:00 AM\n\n{lede}\n\n{_LOT}\n")
    assert s.paragraphs[0] == lede, s.warnings


def test_a_page_topped_by_a_persons_name_has_no_source_and_a_qualified_line_heads_only_in_capitals():
    s = story(f"date 2026-11-26 Council sells lot\n\nPierre Poilievre\n\nLocal News\n\nCouncil sells lot\n\n"
              f"By Jane Doe-Smith\n\nNov 26, 2026 6:00 AM\n\nPoilievre said the carbon tax is gone.\n\n{_LOT}\n")
    assert s.source == ""
    body = story(f"date 2026-11-26 Council sells lot\n\nBy Jane Doe-Smith, The Canadian Press\n\nNov 26, 2026 6:00 AM\n\n"
                 f"TORONTO — {_LOT}\n\nOTTAWA (Reuters)\n\nNO (laughs)\n\nCUPE (Canadian Union of Public Employees)\n\n"
                 f"ELECTION RESULTS (unofficial)\n\n{_LOT}\n")
    assert [b.text for b in body.blocks if b.kind == "subhead"] == ["ELECTION RESULTS (unofficial)"]


def test_a_staff_byline_a_label_over_its_name_and_a_pages_comment_box():
    """`OrilliaMatters Staff` over the time is the site's staff byline; Postmedia's `Author of the
    article:` in a block of its own over the name is the byline; captions credited `Supplied
    photo/City of Orillia` or `(Photo courtesy of the family)` are left out; a newsletter box
    and a comment box are the page's; AP's `X reported from A, and Y from B.`, a reporter's
    `Follow ... on X at @...` and `About the Author: ... for the Estevan Mercury.` are credits."""
    top = ("date 2026-11-17 New council sworn in\n\nOrilliaMatters\n\nLocal News\n\nNew council sworn in\n\n"
           "OrilliaMatters Staff\n\nNov 17, 2026 6:00 AM\n\nThe mayor signs the declaration of office. "
           "Supplied photo/City of Orillia\n\n")
    tail = ("\n\nNEWSLETTER\n\nGet Orillia's top stories in your inbox every weekday morning.\n\n"
            "What do you think the new council should tackle first? Let us know in the comments below.\n\n"
            "Comments\n\nBe the first to comment. You must be logged in to join the conversation.\n")
    s = story(top + _LOT + tail)
    assert (s.source, s.authors, s.timed, s.paragraphs) == ("OrilliaMatters", (), True, (_LOT,)), s.warnings
    post = story("date 2026-11-20 Trucker gets nine years\n\nThe Sarnia Observer\n\nNews | Local News\n\n"
                 "Trucker gets nine years\n\nAuthor of the article:\n\nPaul Ndlovu-Hartley\n\n"
                 "Published Nov 20, 2026 • 3 minute read\n\nLen in his spot by the bench in 2019. (Photo courtesy of "
                 "the Fehr-Kasper family)\n\n" + _LOT + "\n\nAbout the Author: Paul Ndlovu-Hartley covers courts for "
                 "the Sarnia Observer.\n")
    assert (post.authors, post.source, post.paragraphs[0]) == (("Paul Ndlovu-Hartley",), "The Sarnia Observer", _LOT)
    assert post.credits == ("About the Author: Paul Ndlovu-Hartley covers courts for the Sarnia Observer.",)
    ap = story("date 2026-11-19 Thousands flee fighting\n\nBy RUTH NAKATO-ODHIAMBO and LUC DUBOIS-KEMP\n\n"
               "Associated Press\n\nUpdated 4:12 PM EST, November 19, 2026\n\nGOMA, Congo (AP) — " + _LOT +
               "\n\n___\n\nNakato-Odhiambo reported from Nairobi, Kenya, and Dubois-Kemp from Kigali, Rwanda.\n\n"
               "Follow Ruth Nakato-Odhiambo on X at @RuthNakatoAP\n")
    assert ap.credits == ("Nakato-Odhiambo reported from Nairobi, Kenya, and Dubois-Kemp from Kigali, Rwanda.",
                          "Follow Ruth Nakato-Odhiambo on X at @RuthNakatoAP"), ap.credits


@pytest.mark.parametrize("lede", [
    "Police have released a photo of a man they want to speak to about a stabbing. (Photo below)",
    "The Rotary Club of Orillia has donated $50,000 to the new arena, the city said Friday. (PHOTO)",
    "The new water rates take effect Jan. 1. What do you think? Let us know in the comments below.",
    "Get a text or email from the CRA in your inbox? Police say it is likely a scam.",
])
def test_a_stories_own_sentences_ending_on_a_photo_or_a_call_stay_the_story(lede):
    s = story(f"date 2026-11-26 Council sells lot\n\nBy Jane Doe-Smith\n\nNov 26, 2026 6:00 AM\n\n{_LOT}\n\n{lede}\n")
    assert lede in s.paragraphs, s.warnings
    s = story(f"date 2026-11-26 Council sells lot\n\nBy Jane Doe-Smith\n\nNov 26, 2026 6:00 AM\n\n{lede}\n\n{_LOT}\n")
    assert s.paragraphs[0] == lede, s.warnings


def test_a_camel_cased_name_over_staff_is_no_site():
    s = story(f"date 2026-11-26 Council sells lot\n\nMacKenzie Staff\n\nNov 26, 2026 6:00 AM\n\n{_LOT}\n")
    assert s.source != "MacKenzie"


def test_big_outlets_pages_as_a_browser_copies_them():
    """The Globe's page (a skip link, `For Subscribers`, a name over its beat, a relative time,
    `Open this photo in gallery:` over the caption), the Star's byline glued to its beat
    (`QuayeHealth Reporter`), La Presse's headline in two parts, a name over its role over the
    paper, and a caption over `PHOTO NAME, AGENCY`: the header read, the story starting at its lede."""
    globe = story("date 2026-11-10 Foundry to close Welland plant, cutting 640 jobs\n\nSkip to main content\n\n"
                  "The Globe and Mail\n\nReport on Business\n\nFor Subscribers\n\n"
                  "Foundry to close Welland plant, cutting 640 jobs\n\nParent company blames weak truck orders\n\n"
                  "Tamsin Greaves-Oduya\nManufacturing Reporter\n\nPublished 3 hours ago\n"
                  "Updated November 10, 2026 at 4:42 p.m. EST\n\nOpen this photo in gallery:\nWorkers leave the foundry "
                  "on Monday. Cole Brennan-Achterberg/The Globe and Mail\n\n" + _LOT + "\n")
    assert (globe.authors, globe.source, globe.paragraphs) == (("Tamsin Greaves-Oduya",), "The Globe and Mail", (_LOT,))
    star = story("date 2026-11-10 RSV fills hospitals\n\nToronto Star\n\nGTA\n\nRSV fills hospitals\n\n"
                 "By Marisol Achterberg-QuayeHealth Reporter\nNov. 10, 2026\n\n" + _LOT + "\n")
    assert star.authors == ("Marisol Achterberg-Quaye",)
    presse = story("date 2026-11-12 Forum de Paris sur la paix : Ottawa promet 40 millions\n\nLa Presse\n\nInternational\n\n"
                   "Europe\n\nForum de Paris sur la paix\n\nOttawa promet 40 millions\n\nMélanie Kowalski-Roy\n"
                   "Envoyée spéciale\nLa Presse\n\nPublié le 12 novembre 2026 à 5 h 00\nMis à jour à 14 h 20\n\n"
                   "La ministre à son arrivée au Forum, mercredi\nPHOTO ÉLODIE DE SAINT-ROMAIN, AGENCE FRANCE-PRESSE\n\n"
                   "Le Canada versera 40 millions de dollars sur trois ans pour déminer des terres agricoles.\n")
    assert (presse.authors, presse.source, presse.timed) == (("Mélanie Kowalski-Roy",), "La Presse", True)
    assert presse.paragraphs[0].startswith("Le Canada versera"), presse.warnings


def test_big_outlets_rules_keep_to_their_pages():
    """What the fourteenth set's rules must not do (a fresh-eyes review's cases): cut a surname
    before its beat (`McCourt`), drop a subhead equal to a headline's second half, make a name
    over an update time the author without its beat, lose an outlet read already, drop a story's
    `For subscribers` subhead, read `Former Editor` as a beat, take `PHOTO GALLERY` for a credit."""
    assert story(f"date 2026-11-10 Court news\n\nBy Jane McCourt Staff Reporter\nNov. 10, 2026\n\n{_LOT}\n").authors \
        == ("Jane McCourt",)
    budget = story(f"date 2026-11-10 Budget 2027: What you need to know\n\nBy Jane Doe-Smith\n\nNov 10, 2026 6:00 AM\n\n"
                   f"{_LOT}\n\nWhat you need to know\n\n{_LOT}\n")
    assert "What you need to know" in [b.text for b in budget.blocks], budget.blocks
    named = story(f"date 2026-11-10 Council sells lot\n\nPierre Poilievre\n\nUpdated Nov. 10, 2026 6:00 a.m.\n\n{_LOT}\n")
    assert named.authors == ()
    ctv = story(f"date 2026-11-10 Council sells lot\n\nCTV News\n\nCouncil sells lot\n\nJane Kowalski-Reyes\n\n"
                f"Updated Nov. 10, 2026 6:00 a.m.\n\n{_LOT}\n")
    assert ctv.source == "CTV News"
    paper = story(f"date 2026-11-10 The paper ends its print edition\n\nBy Jane Doe-Smith\n\nNov 10, 2026 6:00 AM\n\n{_LOT}\n\n"
                  f"For subscribers\n\nPrint subscribers will get the e-edition free until March.\n")
    assert "For subscribers" in paper.paragraphs
    former = story(f"date 2026-11-10 Obituary\n\nMargaret Whitlock-Pryce\nFormer Editor\n\nNov. 10, 2026 6:00 a.m.\n\n{_LOT}\n")
    assert former.authors == ()
    gallery = "The gallery's new wing opened on Monday with 40 works by Indigenous artists.\nPHOTO GALLERY"
    assert story(f"date 2026-11-10 Gallery\n\nBy Jane Doe-Smith\n\nNov 10, 2026 6:00 AM\n\n{gallery}\n\n{_LOT}\n"
                 ).paragraphs[0] == gallery


def _warned(parsed) -> list[str]:
    return [w.message for w in parsed.warnings]


def test_a_name_opening_the_times_block_is_the_byline_whatever_stands_between():
    """Le Devoir's name over where it was filed from, the day, the section again and the reading
    time; the Journal's name over its posting and its update: the author. The section said twice
    is one warning."""
    devoir = story("date 2026-11-09 Les tarifs freinent un fabricant\n\nLe Devoir\n\nÉconomie\n\n"
                   "Les tarifs freinent un fabricant\n\nRemorques St-Pierre inc., à Sainte-Marie, met à pied 45 employés\n\n"
                   "Frédérique Lanctôt-Mbaye\nà Sainte-Marie\n9 novembre 2026\nÉconomie\nLecture de 5 min\nLecture zen\n\n"
                   "Il y a un an, les carnets de commandes de l'entreprise étaient pleins jusqu'à l'été prochain.\n\n"
                   "Photo : Mathias Brochu-Ndiaye Le Devoir\n")
    assert (devoir.authors, devoir.source, devoir.timed) == (("Frédérique Lanctôt-Mbaye",), "Le Devoir", False)
    assert devoir.paragraphs[0].startswith("Il y a un an"), devoir.paragraphs
    assert sum("'Économie'" in w for w in _warned(devoir)) == 1 and any("(2 times)" in w for w in _warned(devoir))
    journal = story("date 2026-11-14 Des punaises de lit à l'urgence\n\nLe Journal de Montréal\n\nActualité | Santé\n\n"
                    "Des punaises de lit à l'urgence\n\nHéloïse Marchand-Tshibangu\nSamedi, 14 novembre 2026 00:00\n"
                    "MISE À JOUR Samedi, 14 novembre 2026 09:15\n\n" + _LOT + "\n")
    assert journal.authors == ("Héloïse Marchand-Tshibangu",) and journal.updated is not None
    section = story(f"date 2026-11-14 Council\n\nGrand Montréal\nSamedi, 14 novembre 2026 09:15\n\n{_LOT}\n")
    assert section.authors == ()  # a section's name over the time is no one


def test_captions_credited_as_big_outlets_credit_them_are_left_out():
    """A photographer run onto the paper (`Tomasz Wierzbicki-Lau Toronto Star`), a desk's credit
    (`(Name/CTV News Ottawa)`), a caption over `Photo Adobe Stock` or `Photo d'archives, Agence QMI`,
    Global's video over the story; in the story, a caption ending with its credit. Never the lede,
    nor a line under a paragraph that credits no photo (`PHOTO GALLERY`)."""
    top = "date 2026-11-10 RSV fills hospitals\n\nBy Jane Doe-Smith, Toronto Star\nNov. 10, 2026\n\n"
    for caption in ("Shanice King holds her daughter at the hospital. Tomasz Wierzbicki-Lau Toronto Star",
                    "The Ottawa courthouse on Elgin Street. (Graham Whitcombe-Aziz/CTV News Ottawa)",
                    "Une punaise de lit.\nPhoto Adobe Stock", "Un restaurant incendié en septembre.\nPhoto d'archives, Agence QMI",
                    "Click to play video: 'Blizzard strands drivers'\nBlizzard strands drivers\nDozens spent the night in "
                    "their vehicles. Kayla Brandt-Osei reports. – Nov 15, 2026"):
        parsed = story(f"{top}{caption}\n\n{_LOT}\n")
        assert parsed.paragraphs == (_LOT,), (caption, parsed.paragraphs)
    inside = story(f"{top}{_LOT}\n\nA plow clears a street in Morden on Sunday. THE CANADIAN PRESS/Brendan Kuzyk-Rae\n\n"
                   f"Le ministre, en octobre\nPhoto : Karine Théberge-Sow La Presse Canadienne\n\n{_LOT}\n")
    assert inside.paragraphs == (_LOT, _LOT) and sum("is a photo caption" in w for w in _warned(inside)) == 2
    lede = "A plow clears a street in Morden on Sunday. THE CANADIAN PRESS/Brendan Kuzyk-Rae"
    assert story(f"date 2026-11-10 Plow\n\n{lede}\n").paragraphs == (lede,)
    said = "He met the premier on Sunday. Mark Carney Toronto Star"  # no photographer's name
    assert said in story(f"{top}{_LOT}\n\n{said}\n\n{_LOT}\n").paragraphs


def test_a_pages_boxes_under_the_story_are_the_pages():
    """Under the story, among page lines every rule knows (`Report an error` over its links, a
    comment box, `Sponsored content`), boxes a page puts there (`Related stories` over headlines,
    `Editor's Picks`, `Latest National Stories`, a row of topics): left out, one warning each.
    Without such a known line, a story's own closing box stays; credits among them stay credits."""
    top = "date 2026-11-10 Plant to close\n\nBy Jane Doe-Smith, Toronto Star\nNov. 10, 2026 6:00 a.m.\n\n"
    tail = ("Report an error\nJournalistic Standards\nAbout The Star\n\nRelated stories\nOntario factory jobs fall again\n"
            "Niagara manufacturers brace for winter\n\nEditor's Picks\nWhy the Bank of Canada may be done cutting rates\n\n"
            "Follow related authors and topics\nJane Doe-Smith\nWelland\nAuthors and topics you follow will be added to your feed.\n\n"
            "© 2026 Global News, a division of Corus Entertainment Inc.\n\nSponsored content\n\n"
            "Sujets : Laval · Incendie criminel · Justice\n\nShow comments (23)\n")
    parsed = story(f"{top}{_LOT}\n\n{tail}")
    assert parsed.paragraphs == (_LOT,), parsed.paragraphs
    assert parsed.credits == ("© 2026 Global News, a division of Corus Entertainment Inc.",)
    assert sum("is the page's" in w or "promotes other stories" in w for w in _warned(parsed)) == 7, _warned(parsed)
    own = f"{top}{_LOT}\n\nKey dates\nJan. 5 hearing\nMarch 2 ruling\n"
    assert "Key dates\nJan. 5 hearing\nMarch 2 ruling" in story(own).paragraphs
    tip = ("Vous avez un scoop à nous transmettre?\n\nVous avez des informations à nous communiquer à propos de cette histoire? "
           "Écrivez-nous ou appelez-nous directement au 1 800-63SCOOP.\n\nCommentaires (27)\n")
    tipped = story(f"date 2026-11-13 Incendies\n\nPar Marie-Pier Dubé-Okafor | TVA Nouvelles\n\n{_LOT}\n\n{tip}")
    assert tipped.paragraphs == (_LOT,) and len(tipped.credits) == 2, tipped.credits


def test_la_presses_place_in_parentheses_is_the_dateline():
    parsed = story("date 2026-11-12 Ottawa promet 40 millions\n\nPar Mélanie Kowalski-Roy, La Presse\n\n"
                   "(Paris) Le Canada versera 40 millions de dollars sur trois ans pour déminer des terres agricoles.\n")
    assert (parsed.dateline, parsed.lede[:9]) == ("Paris", "Le Canada")
    for opening in ("(Mise à jour) Le Canada versera 40 millions.", "(Photo) Le Canada versera 40 millions."):
        assert story(f"date 2026-11-12 Ottawa\n\nPar Mélanie Kowalski-Roy, La Presse\n\n{opening}\n").dateline == ""


def test_a_desks_city_after_its_outlet_is_kept():
    parsed = story(f"date 2026-11-13 Officer acquitted\n\nGraham Whitcombe-Aziz\nCTV News Ottawa Multi-Media Journalist\n\n"
                   f"Published: November 13, 2026 at 12:41 p.m. EST\n\n{_LOT}\n")
    assert (parsed.authors, parsed.source) == (("Graham Whitcombe-Aziz",), "CTV News Ottawa")


def test_big_outlets_page_rules_keep_to_the_story():
    """What the rules for the big outlets' pages must not do (a fresh-eyes review's cases): take a
    story's own closing box for the page's (`What happens next` over `Report an error`, `Key
    dates` under an ad's line), a paragraph quoting or citing a poll for a caption, `(Entrevue)` or
    an agency for a dateline, a reporter's posting for the outlet (`AP Ottawa Correspondent`), an
    obituary's subject for its author, initials (`J.P. Tasker`) for a brand."""
    top = "date 2026-11-10 Plant to close\n\nBy Jane Doe-Smith, Toronto Star\nNov. 10, 2026 6:00 a.m.\n\n"
    for box in ("What happens next\nSeverance talks begin Monday\nThe plant shuts in March",
                "Where to get help\nWelland Food Bank\nWorkers can call the Ontario job line at 1-800-555-0199.",
                "Three stars\nNick Suzuki\nCole Caufield"):
        assert box in story(f"{top}{_LOT}\n\n{box}\n\nReport an error\n\nComments\n").paragraphs, box
    assert "Key dates\nJan. 5 hearing\nMarch 2 ruling" in story(
        f"{top}{_LOT}\n\nAdvertisement 7\n\nKey dates\nJan. 5 hearing\nMarch 2 ruling\n").paragraphs
    for said in ('"We have never seen numbers like this," the author told CBC News. (Amara Okafor-Lynn, CBC News)',
                 "The survey of 1,500 adults was conducted online from Nov. 1 to 3. (Abacus Data/CBC News)",
                 "The plan was first reported by the Hamilton Spectator. (Jordan Whitlow-Barss/The Hamilton Spectator)"):
        assert said in story(f"{top}{_LOT}\n\n{said}\n\n{_LOT}\n").paragraphs, said
    for opening in ("(Entrevue) Le ministre répond.", "(Agence France-Presse) Le Canada versera 40 millions."):
        assert story(f"date 2026-11-12 Ottawa\n\nPar Mélanie Kowalski-Roy, La Presse\n\n{opening}\n").dateline == ""
    ap = story(f"date 2026-11-10 Carney\n\nBy Rob Gillies-Marr, AP Ottawa Correspondent\n\n{_LOT}\n")
    assert ap.source == "The Associated Press"
    obituary = story(f"date 2026-11-10 Obituary\n\nMargaret Whitlock-Pryce\n1925-2026\nNov. 10, 2026 6:00 a.m.\n\n{_LOT}\n")
    assert obituary.authors == ()
    assert story(f"date 2026-11-10 Council\n\nJ.P. Tasker\nNov. 10, 2026 6:00 a.m.\n\n{_LOT}\n").authors == ("J.P. Tasker",)


def test_the_fifteenth_sets_pages_and_wire_lines():
    """A byline giving its day (`By A on November 28, 2026.`); a paper's capitals credit (`--NEWS PHOTO
    NAME`) and a photographer `for` the outlet; the site's address by the date (`TheTyee.ca`); a
    paper's call to support or subscribe between paragraphs (under the story, a credit); a comment
    box `Leave a Reply`; Reuters' `(This story has been corrected ...)`; a briefs roundup of headlines
    over datelines; a tagline's outlet with its slash (`NWT News/North`); mastheads `L'Express` and
    `Info07`; French sign-ups after a colon and `2 commentaires`."""
    hat = story("date 2026-11-28 Tigers rally\n\nMedicine Hat News\n\nSports\n\nTigers rally\n\n"
                "By Ryan Dahlke-Mireau on November 28, 2026.\n\n"
                "Tigers forward Cole Brandvold-Ames celebrates his goal, Friday. --NEWS PHOTO RYAN DAHLKE-MIREAU\n\n"
                f"{_LOT}\n\nSubscribe to the Medicine Hat News for full access to local sports coverage.\n\n{_LOT}\n\n"
                "Ryan Dahlke-Mireau covers sports for the Medicine Hat News.\n\nLeave a Reply\n"
                "You must be logged in to post a comment.\n")
    assert (hat.authors, hat.source, hat.timed, hat.paragraphs) == (("Ryan Dahlke-Mireau",), "Medicine Hat News",
                                                                  False, (_LOT, _LOT))
    assert hat.credits == ("Ryan Dahlke-Mireau covers sports for the Medicine Hat News.",)
    tyee = story("date 2026-11-23 Logging approved\n\nThe Tyee\n\nEnvironment\n\nLogging approved\n\nZoë Halvorsen-Achebe\n\n"
                 "23 Nov 2026 | TheTyee.ca\n\nOld-growth cedars near Port Renfrew. Photo by Caleb Ostrander-Nwosu for The Tyee.\n\n"
                 f"{_LOT}\n\nTyee journalism is supported by readers like you. Become a Tyee Builder today.\n\n{_LOT}\n\n"
                 "Related Tyee Stories:\n• Deferrals near expiry\n• Five years after Fairy Creek\n\nComments (38)\n")
    assert (tyee.paragraphs, tyee.source) == ((_LOT, _LOT), "The Tyee")
    assert not any("TheTyee.ca" in w for w in _warned(tyee))
    gleaner = story(f"date 2026-11-26 Vote at 16\n\nBy Jane Doe-Smith, The Daily Gleaner\n\n{_LOT}\n\n"
                    "Subscribe to The Daily Gleaner for unlimited access to New Brunswick news.\n")
    assert gleaner.credits == ("Subscribe to The Daily Gleaner for unlimited access to New Brunswick news.",)
    corrected = story("date 2026-11-25 Minerals pact\n\n(This story has been corrected to show the pact covers 14 minerals, "
                      "not 41, in paragraph 3)\n\nBy Jane Doe-Smith\n\nOTTAWA, Nov 25 (Reuters) - " + _LOT + "\n")
    assert corrected.notes == ("(This story has been corrected to show the pact covers 14 minerals, not 41, in paragraph 3)",)
    briefs = story("date 2026-11-24 Canada news in brief\n\nBy The Canadian Press\n\nPosted November 24, 2026 6:00 pm.\n\n"
                   "Halifax harbour ferry back in service\n\nHALIFAX — " + _LOT + "\n\nWater main break floods Regina underpass\n\n"
                   "REGINA — " + _LOT + "\n\nWhitehorse library to open on Sundays\n\nWHITEHORSE — " + _LOT + "\n")
    assert briefs.dateline == "HALIFAX" and [b.text for b in briefs.blocks if b.kind == "subhead"] == [
        "Halifax harbour ferry back in service", "Water main break floods Regina underpass", "Whitehorse library to open on Sundays"]
    north = story(f"date 2026-11-27 Economy to shrink\n\nNWT News/North\n\nBusiness\n\nEconomy to shrink\n\n"
                  f"By Cody Barrington-Sato\n\n{_LOT}\n\n"
                  "Cody Barrington-Sato is a Local Journalism Initiative reporter with NWT News/North.\n")
    assert north.source == "NWT News/North"
    for masthead, credit in (("L'Express", "(Photo L'Express – Olivier Chamberland-Diallo)"),
                             ("Info07", "Crédit photo : Olivier Chamberland-Diallo / Info07")):
        page = story(f"date 2026-11-26 Usine fermée\n\n{masthead}\n\nÉconomie\n\nUsine fermée\n\nPar Olivier Chamberland-Diallo\n\n"
                     f"Publié le 26 novembre 2026 à 16 h 41\n\nL'usine, boulevard Lemire. {credit}\n\n{_LOT}\n\n"
                     f"Recevez nos nouvelles chaque matin : abonnez-vous à l'infolettre d'{masthead}\n\n{_LOT}\n\n2 commentaires\n")
        assert (page.source, page.paragraphs) == (masthead, (_LOT, _LOT)), (masthead, page.source, page.paragraphs)


def test_the_fifteenth_sets_rules_keep_to_their_pages():
    """What those rules must not do (a fresh-eyes review's cases): cut an outlet's name at the slash of
    a tagline naming two (`CBC News/Radio-Canada`), hide a known outlet spelled as its address
    (`CTVNews.ca`), silence another site's address, credit a handout's organisation (`for Tourism
    Saskatoon`), take a section word for the page's name (`L'essentiel`) or a topic (`COVID19`),
    drop a quote about readers' support, end the header at a deck over two briefs."""
    tagline = story(f"date 2026-11-27 Budget\n\nBy Jane Doe-Smith\n\n{_LOT}\n\n"
                    "Jane Doe-Smith is a reporter with CBC News/Radio-Canada.\n")
    assert tagline.source == "CBC News"
    assert story(f"date 2026-11-27 Budget\n\nBy Jane Doe-Smith\nCTVNews.ca\nPublished Nov. 27, 2026 6:00 a.m.\n\n{_LOT}\n"
                 ).source == "CTV News"
    other = story(f"date 2026-11-27 Budget\n\nBy Jane Doe-Smith\n\n27 Nov 2026 | Castanet.net\n\n{_LOT}\n")
    assert any("Castanet.net" in w for w in _warned(other))
    handout = story(f"date 2026-11-27 Gallery\n\nBy Jane Doe-Smith, Saskatoon StarPhoenix\n\n{_LOT}\n\n"
                    "Visitors at the Remai Modern. Photo by Carey Shaw-Dunn for Tourism Saskatoon\n")
    assert "Tourism Saskatoon" not in handout.credited
    for masthead, again in (("L'essentiel", "L'essentiel de la hausse ira au déneigement."), ("COVID19", "COVID19 cases rose.")):
        page = story(f"date 2026-11-27 Budget\n\n{masthead}\n\nActualités | Économie\n\nBudget\n\nPar Jane Doe-Smith\n\n"
                     f"{_LOT}\n\n{again}\n")
        assert page.source == "", (masthead, page.source)
    quote = ('"Our journalism is supported by readers like you, and without them we would have closed," said '
             "editor Jane Smith-Dunn.")
    assert quote in story(f"date 2026-11-27 Outlets\n\nBy Jane Doe-Smith, The Canadian Press\n\n{_LOT}\n\n{quote}\n").paragraphs
    deck = story("date 2026-11-27 Storm\n\nBy Jane Doe-Smith, Winnipeg Free Press\n\nThousands without power after the storm\n\n"
                 f"WINNIPEG — {_LOT}\n\nSchools closed in Brandon\n\nBRANDON, Man. — {_LOT}\n")
    assert "Thousands without power after the storm" not in [b.text for b in deck.blocks]


def test_the_sixteenth_sets_pages_and_wire_lines():
    """A paper's staff named short under its masthead over a time with no label (`Outlook Staff` over
    `Dec 4, 2026 3:20 PM`), a caption credited with the paper's initials (`RMO FILE PHOTO`) or after a
    bar (`| Western Producer file photo`), or `(Photo Outlet – archives)`; a pitch and its sign-up in one
    block; Postmedia's label over the name and its outlet; AP's capitals byline with its beat and no
    comma; a French LJI beat under the byline; AP's fact-check boilerplate; a first take's `This is a
    developing story.`; `Dans la même catégorie` over links; an interview's questions (its editing
    noted) head no parts; `By the numbers` over a list heads it."""
    outlook = story("date 2026-12-04 Man fined\n\nRocky Mountain Outlook\n\nBow Valley News\n\nMan fined\n\n"
                    "Wildlife officers say the feeding drew a cougar\n\nOutlook Staff\n\nDec 4, 2026 3:20 PM\n\n"
                    "Facebook | X | Email | Print\n\nElk graze on a front lawn in Canmore. RMO FILE PHOTO\n\n"
                    f"{_LOT}\n\nGet the Outlook's top stories in your inbox every morning. Sign up for the Rocky Mountain "
                    f"Outlook newsletter.\n\n{_LOT}\n")
    assert (outlook.source, outlook.authors, outlook.date.isoformat(), outlook.paragraphs) == (
        "Rocky Mountain Outlook", (), "2026-12-04T15:20:00-05:00", (_LOT, _LOT))
    assert not any("Outlook Staff" in w for w in _warned(outlook))
    producer = story("date 2026-12-03 Pork exports\n\nThe Western Producer\n\nMarkets\n\nPork exports\n\nBy Darcy Halvorsen-Mbeki\n\n"
                     "Published: December 3, 2026 at 4:05 p.m. CST\n\nHogs at a barn near Steinbach, Man. | Western Producer "
                     f"file photo\n\n{_LOT}\n")
    assert producer.paragraphs == (_LOT,)
    nugget = story("date 2026-12-05 Battalion rally\n\nNorth Bay Nugget\n\nSports / Hockey / OHL\n\nBattalion rally\n\n"
                   "Author of the article:\n\nTyler Brisebois-Okoro\nNorth Bay Nugget\n\nPublished Dec 05, 2026  •  3 minute read\n\n"
                   f"{_LOT}\n")
    assert (nugget.authors, nugget.source, nugget.paragraphs) == (("Tyler Brisebois-Okoro",), "North Bay Nugget", (_LOT,))
    ap = story(f"date 2026-12-04 Blood test\n\nBy PRIYA VENKATARAMAN-HOLT AP Medical Writer\n\n11:30 AM EST, December 4, 2026\n\n"
               f"WASHINGTON (AP) — {_LOT}\n\n___\n\nThis is part of AP's effort to address widely shared misinformation, "
               "including work with outside companies. Learn more about fact-checking at AP.\n")
    assert (ap.authors, ap.source, len(ap.credits)) == (("Priya Venkataraman-Holt",), "The Associated Press", 1)
    lievre = story("date 2026-12-04 Chirurgies reportées\n\nL'Info de la Lièvre\n\nActualités régionales\n\nChirurgies reportées\n\n"
                   "Par Mélissa Lacroix-Ouattara\nJournaliste de l'Initiative de journalisme local\n\n"
                   "Publié le 4 décembre 2026 à 13 h 10\n\nLe bloc opératoire ne fonctionnera que deux jours. "
                   f"(Photo L'Info de la Lièvre – archives)\n\n{_LOT}\n")
    assert (lievre.authors, lievre.paragraphs) == (("Mélissa Lacroix-Ouattara",), (_LOT,))
    first_take = story(f"date 2026-12-01 Jury\n\nBy Jane Doe-Smith, The Canadian Press\n\nEDMONTON — {_LOT}\n\n"
                       "This is a developing story.\n")
    assert first_take.notes == ("This is a developing story.",) and first_take.paragraphs == (f"EDMONTON — {_LOT}",)
    related = story(f"date 2026-12-06 Traversier\n\nPar Jane Doe-Smith\n\n{_LOT}\n\nDans la même catégorie\n"
                    "Charlevoix : la neige se fait attendre\nBaie-Saint-Paul : le marché ouvre\n")
    assert related.paragraphs == (_LOT,)
    questions = ("Qu'avez-vous demandé aux jeunes ?", "Pourquoi se tournent-ils vers une machine ?", "Est-ce dangereux ?")
    interview = story(f"date 2026-12-05 Entrevue\n\nPar Jane Doe-Smith, La Presse Canadienne\n\nMONTRÉAL — {_LOT}\n\n"
                      + "".join(f"{q}\n\n{_LOT}\n\n" for q in questions)
                      + "Cette entrevue a été abrégée et révisée par souci de clarté.\n")
    assert not [b for b in interview.blocks if b.kind == "subhead"]
    explained = story(f"date 2026-12-05 Explainer\n\nBy Jane Doe-Smith, The Canadian Press\n\nOTTAWA — {_LOT}\n\n"
                      + "".join(f"{q}\n\n{_LOT}\n\n" for q in ("Pourquoi maintenant ?", "Qui paie ?", "Est-ce dangereux ?")))
    assert len([b for b in explained.blocks if b.kind == "subhead"]) == 3  # no interview noted: its questions head parts
    numbers = story(f"date 2026-12-03 Flu\n\nBy Jane Doe-Smith, The Canadian Press\n\nOTTAWA — {_LOT}\n\nBy the numbers\n\n"
                    "- 4,812 cases\n- 612 admissions\n")
    assert [b.text for b in numbers.blocks if b.kind == "subhead"] == ["By the numbers"]


def test_the_sixteenth_sets_rules_keep_to_their_pages():
    """What those rules must not do (a fresh-eyes review's cases): drop a story's paragraph that ends
    with a photo's credit (`(Photo RCMP)`), take a story's `More to come in February ...` for a note,
    drop advice to sign up for a service's alerts or warnings, lose Postmedia's byline over a paper
    whose name no rule knows (`Belleville Intelligencer`)."""
    described = "Jordan Littlechief-Moore, 27, is described as five-foot-ten and 170 pounds. (Photo RCMP)"
    police = story(f"date 2026-12-05 Missing man\n\nBy Jane Doe-Smith, The Canadian Press\n\nREGINA — {_LOT}\n\n{described}\n\n{_LOT}\n")
    assert described in police.paragraphs
    more = "More to come in February, when the province tables its budget."
    assert story(f"date 2026-12-05 Budget\n\nBy Jane Doe-Smith, The Canadian Press\n\nHALIFAX — {_LOT}\n\n{more}\n"
                 ).paragraphs[-1] == more
    advice = ("Sign up for the Halifax Regional Municipality's hfxALERT news alerts to get warnings about road closures.",
              "Get Environment Canada's weather warnings to your inbox daily.")
    storm = story(f"date 2026-12-05 Storm\n\nBy Jane Doe-Smith, The Canadian Press\n\nHALIFAX — {_LOT}\n\n{advice[0]}\n\n"
                  f"{advice[1]}\n\n{_LOT}\n")
    assert all(text in storm.paragraphs for text in advice)
    belleville = story("date 2026-12-05 Council approves budget\n\nBelleville Intelligencer\n\nNews / Local News\n\n"
                       "Council approves budget\n\nAuthor of the article:\n\nLuke Hendry-Nakamura\nBelleville Intelligencer\n\n"
                       f"Published Dec 05, 2026  •  2 minute read\n\n{_LOT}\n")
    assert (belleville.authors, belleville.source, belleville.paragraphs) == (
        ("Luke Hendry-Nakamura",), "Belleville Intelligencer", (_LOT,))


def test_the_seventeenth_sets_pages_and_wire_lines():
    """A blog's `Posted on <day> by <name>` (an error that stopped the whole ingest); a date and its
    time apart by a dash (`18 novembre 2026 – 14 h 10`); `Photo : Outlet – archives` closing a
    caption; Postmedia's label over a contributor `Special to` the paper; a guest's tagline and the
    column's disclaimer as credits; `For The Canadian Press`; a call for tips without `Vous avez`,
    with a telephone number; a question over a newsletter's sign-up; `4 Comments`."""
    blog = story("date 2026-11-20 Language nest opens\n\nThe Eastern Door\n\nNews\n\nLanguage nest opens\n\n"
                 f"Posted on November 20, 2026 by Karonhiio Lahache-Marsh\n\n{_LOT}\n")
    assert (blog.authors, blog.date.date().isoformat(), blog.paragraphs) == (("Karonhiio Lahache-Marsh",), "2026-11-20", (_LOT,))
    oie = story("date 2026-11-18 Élection partielle\n\nL'Oie blanche\n\nActualités › Politique municipale\n\nÉlection partielle\n\n"
                "Par Véronique Bernier-Fofana\n18 novembre 2026 – 14 h 10\nTemps de lecture : 3 min\n\n"
                f"L'hôtel de ville de Cap-Saint-Ignace. Photo : L'Oie blanche – archives\n\n{_LOT}\n\n4 Comments\n")
    assert (oie.authors, oie.date.isoformat(), oie.paragraphs) == (
        ("Véronique Bernier-Fofana",), "2026-11-18T14:10:00-05:00", (_LOT,))
    column = story("date 2026-11-21 Tariff limbo\n\nThe Intelligencer\n\nOpinion\n\nTariff limbo\n\nAuthor of the article:\n\n"
                   "Darlene Whitfield-Osei\nSpecial to The Intelligencer\n\nPublished Nov 21, 2026  •  3 minute read\n\n"
                   f"{_LOT}\n\nDarlene Whitfield-Osei owns Moira Precision Tool & Die Ltd. in Belleville.\n\n"
                   "The views expressed in this column are those of the author and not necessarily those of The Intelligencer.\n")
    assert (column.authors, column.source, column.paragraphs, len(column.credits)) == (
        ("Darlene Whitfield-Osei",), "The Intelligencer", (_LOT,), 2)
    assert story(f"date 2026-11-21 Skating\n\nBy Jane Doe-Smith, For The Canadian Press\n\nCALGARY — {_LOT}\n").source == \
        "The Canadian Press"
    tip = "Une nouvelle à nous signaler? Écrivez-nous à nouvelles@cfim.ca ou appelez la salle des nouvelles au 418 555-0139."
    assert story(f"date 2026-11-19 Homard\n\nPar Jane Doe-Smith\n\n{_LOT}\n\n{tip}\n").credits == (tip,)
    ravens = story(f"date 2026-11-19 Ravens win\n\nBy Jane Doe-Smith\n\n{_LOT}\n\nWant more Ravens coverage? Sign up for The "
                   f"Charlatan's weekly sports newsletter.\n\n{_LOT}\n")
    assert ravens.paragraphs == (_LOT, _LOT)
    photos = story(f"date 2026-11-22 AP PHOTOS: Monarchs return\n\nBy FERNANDA OCHOA-LINDBERG\nAssociated Press\n\n"
                   f"EL ROSARIO, Mexico (AP) — {_LOT}\n\nMonarch butterflies cluster on a fir at the El Rosario sanctuary, "
                   f"Saturday, Nov. 21, 2026. (AP Photo/Fernanda Ochoa-Lindberg)\n\n{_LOT}\n")
    assert photos.paragraphs == (f"EL ROSARIO, Mexico (AP) — {_LOT}", _LOT)  # AP's photo credit closes a caption


def test_the_seventeenth_sets_release_blog_and_column_lines():
    """A police release's dateline in parentheses and its contact block; a caption credited to the
    story's own writer or to the page's name at its top; a blog's tag row and comment form; a
    column's disclosure in parentheses over its byline, a credit."""
    release = story("date 2026-11-16 Three charged\n\nHalton Regional Police Service\n\nNews Release\n\nThree charged\n\n"
                    f"Monday, November 16, 2026 - 10:30 a.m.\n\n(OAKVILLE, ON) — {_LOT}\n\n{_LOT}\n\n"
                    "Media contact:\nConstable Steph Abernathy-Quaye\nRegional Communications\n905-555-0199, ext. 5291\n")
    assert (release.dateline, release.paragraphs[-1], release.credits) == (
        "OAKVILLE, ON", _LOT, ("Media contact:", "Constable Steph Abernathy-Quaye", "Regional Communications",
                               "905-555-0199, ext. 5291"))
    assert story(f"date 2026-11-16 Title\n\nBy Jane Doe-Smith\n\n(AP) — {_LOT}\n").dateline == ""  # an agency, no place
    said = "Media contact:\nThe service said it would not comment on the charges. It expects more arrests."
    assert story(f"date 2026-11-16 Title\n\nBy Jane Doe-Smith\n\n{_LOT}\n\n{said}\n").credits == ()  # sentences: the story's
    caption = "Teacher Wahiakeron Jacobs-Ferreira reads to toddlers on the first day at the new language nest."
    for credit in ("(Karonhiio Lahache-Marsh, The Eastern Door)", "(Marisa Deer-Thompson, The Eastern Door)"):
        blog = story("date 2026-11-20 Language nest opens\n\nThe Eastern Door\n\nNews\n\nLanguage nest opens\n\n"
                     f"Posted on November 20, 2026 by Karonhiio Lahache-Marsh\n\n{caption} {credit}\n\n{_LOT}\n\n"
                     "Tags: Kanien'kéha, KORLCC, language, MCK\n\nLeave a Reply\n\n"
                     "Your email address will not be published. Required fields are marked *\n")
        assert blog.paragraphs == (_LOT,)
    lede = f"{caption} (Jane Roe-Smith, a teacher)"  # credits no one the page names
    assert story(f"date 2026-11-20 Nest\n\nBy Karonhiio Lahache-Marsh\n\n{lede}\n\n{_LOT}\n").paragraphs[0] == lede
    column = story("date 2026-11-18 BREAKINGVIEWS-Pension giants\n\n(The author is a Reuters Breakingviews columnist. "
                   "The opinions expressed are his own.)\n\nBy Liam Proudfoot-Nakashima\n\n"
                   f"November 18, 2026 12:15 PM EST\n\nTORONTO, Nov 18 (Reuters Breakingviews) - {_LOT}\n\n(Editing by Marguerite Solberg-Adeyemi)\n")
    assert (column.authors, column.credits, column.warnings) == (  # nothing warned
        ("Liam Proudfoot-Nakashima",), ("(The author is a Reuters Breakingviews columnist. The opinions expressed are "
                                        "his own.)", "(Editing by Marguerite Solberg-Adeyemi)"), ())


def test_a_newswire_release_its_mark_deck_and_closing_sections():
    """Canada NewsWire's release: the wire's mark after the day is the source (`/CNW/`, `/CNW
    Telbec/`), the place before it the dateline; the deck between the headline repeated and the
    dateline is no lede; what the company says of itself under the news (`About ...`, its
    forward-looking caution, the wire's `SOURCE` and contacts) is credits."""
    release = story("date 2026-11-17 Halcyra wins Metrolinx contract\n\nHalcyra wins Metrolinx contract\n\n"
                    "Five-year agreement will put Halcyra's platform on 500 kilometres of GO rail corridors\n\n"
                    f"WATERLOO, ON, Nov. 17, 2026 /CNW/ - {_LOT}\n\n{_LOT}\n\nAbout Halcyra Systems Inc.\n\n"
                    "Halcyra Systems Inc. is a Waterloo, Ontario-based technology company.\n\nForward-Looking Information\n\n"
                    "This news release contains forward-looking information.\n\nSOURCE Halcyra Systems Inc.\n\n"
                    "For further information: Media: Noémie Castellano-Birch, 519-555-0148\n")
    assert (release.source, release.dateline, release.paragraphs) == ("CNW", "WATERLOO, ON", (
        f"WATERLOO, ON, Nov. 17, 2026 /CNW/ - {_LOT}", _LOT))
    assert release.credits[0] == "About Halcyra Systems Inc." and release.credits[-1].startswith("For further information:")
    assert any("is a deck under the headline" in w.message for w in release.warnings)
    telbec = story("date 2026-11-20 Bioverra inaugure son usine\n\nBioverra inaugure son usine\n\n"
                   f"SAINT-FÉLICIEN, QC, le 20 nov. 2026 /CNW Telbec/ - {_LOT}\n\nÀ propos de Groupe Bioverra inc.\n\n"
                   "Groupe Bioverra inc. est une entreprise québécoise.\n\nSOURCE Groupe Bioverra inc.\n")
    assert (telbec.source, telbec.dateline, len(telbec.paragraphs), len(telbec.credits)) == (
        "CNW Telbec", "SAINT-FÉLICIEN, QC", 1, 3)
    # no wire's sign-off: an `About` heading is the story's (a subhead)
    plain = story(f"date 2026-11-20 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n"
                  f"About the contract\n\n{_LOT}\n")
    assert plain.credits == () and _LOT in plain.paragraphs[-1]


def test_the_eighteenth_sets_pages_and_wire_lines():
    """A site's menu row between its name and its section (`Brampton   Mississauga   Caledon ...`);
    the paper's own file photo (`(The Pointer files)`); a call for tips opening `Tips?` and a call to
    support local journalism, credits; a box's label over its links' block, one warning; a sign-up
    `sent to your inbox`, and `Recevez ... : abonnez-vous à notre infolettre.`; Reuters' `(Corrects
    ...)` a note and `(Other stories from ...)` a pointer left out; a list announced (`Here are some
    highlights of the update:`) whose `— ` items are sentences; an explainer's questions for its reader."""
    pointer = story("date 2026-11-28 Tow operator gets eight years\n\nThe Pointer\n\n"
                    "Brampton   Mississauga   Caledon   Investigations   Courts   Subscribe\n\nCOURTS\n\n"
                    "Tow operator gets eight years\n\nBy Rajinder Kaur-Lindholm\nCourts Reporter\nSaturday, November 28, 2026\n\n"
                    "Firefighters at the Ironbridge Towing yard on Steeles Avenue East in March 2025. (The Pointer files)\n\n"
                    f"{_LOT}\n\n{_LOT}\n\nEmail: rajinder.kaur-lindholm@thepointer.com\n\n"
                    "Tips? Send us a confidential message at tips@thepointer.com.\n\nMore News\n\n"
                    "Inside the tow wars: how a Highway 410 contract became a target\n"
                    "Peel police tow task force laid 212 charges in 2025\n\n"
                    "Support local journalism. Subscribe to The Pointer.\n\nComments (3)\n")
    assert (pointer.source, pointer.paragraphs, pointer.credits) == ("The Pointer", (_LOT, _LOT), (
        "Email: rajinder.kaur-lindholm@thepointer.com", "Tips? Send us a confidential message at tips@thepointer.com.",
        "Support local journalism. Subscribe to The Pointer."))
    assert sum("More News" in w for w in _warned(pointer)) == 1  # the box: its label and its links, one warning
    hive = story(f"date 2026-11-26 Things to do\n\nBy Jane Doe-Smith, Daily Hive\n\n{_LOT}\n\nGet the best things to do in "
                 f"Vancouver sent to your inbox every Thursday. Sign up for the Daily Hive Listed newsletter.\n\n{_LOT}\n")
    assert hive.paragraphs == (_LOT, _LOT)
    gouffre = story(f"date 2026-11-25 Travaux\n\nPar Jeanne Doe-Tremblay, Le Charlevoisien\n\n{_LOT}\n\n"
                    f"Recevez nos nouvelles chaque semaine : abonnez-vous à notre infolettre.\n\n{_LOT}\n")
    assert gouffre.paragraphs == (_LOT, _LOT)
    corrected = story("date 2026-11-23 CORRECTED-Axiorem raises C$420 million\n\n(Corrects size of funding round to C$420 "
                      "million from C$240 million in paragraph 1)\n\nBy Anya Petrosyan-Clarke\n\n"
                      f"November 23, 2026 9:48 AM EST\n\nMONTREAL, Nov 23 (Reuters) - {_LOT}\n\n"
                      "(Other stories from the Reuters quarterly housing market poll)\n\n(Reporting by Anya Petrosyan-Clarke)\n")
    assert corrected.notes == ("(Corrects size of funding round to C$420 million from C$240 million in paragraph 1)",)
    assert corrected.paragraphs == (f"MONTREAL, Nov 23 (Reuters) - {_LOT}",) and corrected.credits == (
        "(Reporting by Anya Petrosyan-Clarke)",)
    items = ["— The deficit for 2026-27 is forecast at $11.9 billion, up from $10.8 billion.",
             "— Wildfire spending is expected to reach $1.05 billion."]
    update = story(f"date 2026-11-26 B.C. deficit grows\n\nBy Jane Doe-Smith, The Canadian Press\n\nVICTORIA — {_LOT}\n\n"
                   "Here are some highlights of the update:\n\n" + "\n\n".join(items) + f"\n\n{_LOT}\n")
    assert [b.kind for b in update.blocks] == ["paragraph", "paragraph", "list", "paragraph"]
    told = story(f"date 2026-11-26 B.C. deficit grows\n\nBy Jane Doe-Smith, The Canadian Press\n\nVICTORIA — {_LOT}\n\n"
                 "The minister said:\n\n— We will balance the books.\n\n— Not this year.\n")  # sentences, not announced
    assert "list" not in [b.kind for b in told.blocks]
    questions = ["What are the most common scams this season?", "How can you protect yourself?",
                 "What should you do if you've been scammed?"]
    explainer = story(f"date 2026-11-23 AI scams. Here's what to know\n\nBy MARISOL ABERNATHY-KUMAR, AP Technology Writer\n\n"
                      f"NEW YORK (AP) — {_LOT}\n\nHere's what to know:\n\n" + "".join(f"{q}\n\n{_LOT}\n\n" for q in questions))
    assert [b.text for b in explainer.blocks if b.kind == "subhead"] == questions
    asked = story(f"date 2026-11-23 Scams\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n"
                  + "".join(f"{q}\n\n{_LOT}\n\n" for q in questions))  # no explainer: questions put to someone
    assert not [b for b in asked.blocks if b.kind == "subhead"]


def test_the_release_and_list_rules_keep_to_their_copy():
    """A fresh-eyes review's cases: a warning or a roundup's intro between the headline and the
    dateline is the story's, no deck; `For more information:` over a food bank's number is the story's,
    only a media contact's block is credits; a release's `About GO Expansion` higher up is its news,
    only the last `About` over the wire's `SOURCE` closes it; an exchange a line announces is dialogue,
    no list; a bracketed line that names no place is no dateline."""
    for opening in ("Warning: This story contains details of residential schools that may be distressing.",
                    "Here's a look at the top news stories from across the country:"):
        s = story(f"date 2026-11-16 Top stories\n\nTop stories\n\n{opening}\n\nOTTAWA — {_LOT}\n")
        assert s.paragraphs[0] == opening and not any("deck" in w for w in _warned(s))
    food = story(f"date 2026-11-16 Food bank\n\nBy Jane Doe-Smith, Sudbury.com\n\n{_LOT}\n\n"
                 "For more information:\nCall 705-555-0100\nwww.sudburyfoodbank.ca\n")
    assert food.credits == () and food.paragraphs[-1].startswith("For more information:")
    release = story(f"date 2026-11-17 Halcyra wins\n\nHalcyra wins\n\nWATERLOO, ON, Nov. 17, 2026 /CNW/ - {_LOT}\n\n"
                    f"About GO Expansion\n\nGO Expansion will bring all-day service.\n\n{_LOT}\n\n"
                    "About Halcyra Systems Inc.\n\nHalcyra is a Waterloo company.\n\nSOURCE Halcyra Systems Inc.\n\n"
                    "For further information: Media: Jane Doe-Smith, 519-555-0148\n")
    assert release.paragraphs[-1] == _LOT and release.credits[0] == "About Halcyra Systems Inc."
    exchange = story(f"date 2026-11-16 Débat\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nQUÉBEC — {_LOT}\n\n"
                     "Voici ce qu'a répondu le ministre en Chambre :\n\n— Le gouvernement a déjà investi 2 milliards.\n\n"
                     "— Ce n'est pas assez, a rétorqué la députée.\n")
    assert "list" not in [b.kind for b in exchange.blocks]
    assert story(f"date 2026-11-16 Title\n\nBy Jane Doe-Smith\n\n(WARNING, Graphic) — {_LOT}\n").dateline == ""


def test_the_nineteenth_sets_pages_and_wire_lines():
    """The Local Journalism Initiative's chain under a byline names its paper last, whatever its name;
    a `Vous aimerez aussi` box over the paper's pitch (`Abonnez-vous pour soutenir ...`, a credit); a
    menu row with items of three words; the writer's own photo (`Advertiser photo by <author>`); a
    site's address at the top, its masthead; `Erratum :` a note; AP's breaking update line mid-story
    a note; a tip line with a telephone number; comment calls; AP's funding line; a label over a list."""
    gout = story("date 2026-12-03 Élection partielle\n\nLe Goût de vivre\n\nLe journal francophone de la Huronie\n\nActualités\n\n"
                 "Élection partielle\n\nPar Josée Maisonneuve-Adu\nIJL – Réseau.Presse – Le Goût de vivre\n\n"
                 f"Le 3 décembre 2026 à 10 h 45\n\n{_LOT}\n\n{_LOT}\n\nVous aimerez aussi\nLe canton de Tiny adopte son budget 2027\n"
                 "La Clé d'la Baie lance sa campagne de paniers de Noël\n\nLe Goût de vivre est le seul journal de langue "
                 "française de la Huronie. Abonnez-vous pour soutenir l'information locale en français.\n")
    assert (gout.authors, gout.source, gout.date.isoformat(), gout.paragraphs, len(gout.credits)) == (
        ("Josée Maisonneuve-Adu",), "Le Goût de vivre", "2026-12-03T10:45:00-05:00", (_LOT, _LOT), 1)
    wellington = story("date 2026-12-03 Plant to expand\n\nWellington Advertiser\n\n"
                       "News   Sports   Arts & Life   Classifieds   Flyers   Contact\n\nBusiness\n\nPlant to expand\n\n"
                       "By Keegan Strathdee-Moyo\nDec. 3, 2026\n\nThe company's president at the processing line in Fergus on "
                       f"Tuesday. Advertiser photo by Keegan Strathdee-Moyo\n\nFERGUS – {_LOT}\n\nThe Wellington Advertiser is "
                       "delivered free to homes across Wellington County. Support local news by becoming a supporter at "
                       "wellingtonadvertiser.com.\n\nReport an error\n")
    assert (wellington.source, wellington.dateline, wellington.paragraphs, len(wellington.credits)) == (
        "Wellington Advertiser", "FERGUS", (f"FERGUS – {_LOT}",), 1)
    sudbury = story("date 2026-12-02 Board elects chair\n\nSudbury.com\n\nLocal News\n\nBoard elects chair\n\n"
                    "Marguerite Tessaro-Kinew\nDec 2, 2026 11:05 AM\n\nThe board's offices in Greater Sudbury. File "
                    f"photo/Sudbury.com\n\n{_LOT}\n\nSign up for Sudbury.com's daily newsletter "
                    "to get the latest local news delivered to your inbox.\n\n3 Comments\n")
    assert sudbury.source == "Sudbury.com"
    erratum = ("Erratum : Une version précédente de ce texte indiquait que le taux de participation avait été de 68,3 %. "
               "Il a plutôt été de 63,8 %.")
    assert story(f"date 2026-12-01 Vote\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nQUÉBEC — {_LOT}\n\n"
                 f"{erratum}\n").notes == (erratum,)
    update = "THIS IS A BREAKING NEWS UPDATE. AP's earlier story follows below."
    breaking = story(f"date 2026-12-03 Tsunami advisory lifted\n\nBy REIKO TSUTSUMI-GRANT\nAssociated Press\n\n"
                     f"TOKYO (AP) — {_LOT}\n\n{_LOT}\n\n{update}\n\n{_LOT}\n")
    assert breaking.notes == (update,) and len(breaking.paragraphs) == 3
    tip = "Have a news tip? Email news@ntv.ca or call 709-555-0142."
    assert story(f"date 2026-12-01 Oil sheen\n\nBy Jane Doe-Smith, NTV News\n\n{_LOT}\n\n{tip}\n").credits == (tip,)
    funding = ("The Associated Press' climate and environmental coverage receives financial support from multiple private "
               "foundations. AP is solely responsible for all content.")
    assert story(f"date 2026-12-01 Coral\n\nBy JANE DOE-SMITH\nAssociated Press\n\nMIAMI (AP) — {_LOT}\n\n{funding}\n"
                 ).credits == (funding,)
    for call in ("Join the conversation. Please keep comments respectful and on topic.",
                 "Qu'en pensez-vous? Laissez-nous un commentaire ci-dessous."):
        assert story(f"date 2026-12-01 Title\n\nBy Jane Doe-Smith, Cochrane Eagle\n\n{_LOT}\n\n{_LOT}\n\n{call}\n"
                     ).paragraphs == (_LOT, _LOT)
    summary = story(f"date 2026-12-01 Phoenix win\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nSHERBROOKE, Qc — {_LOT}\n\n"
                    "Le match en bref\n\n– Buts du Phoenix : Dufresne-Kabila (2)\n– Assistance : 4127 spectateurs\n")
    assert [b.kind for b in summary.blocks] == ["paragraph", "subhead", "list"]


def test_the_nineteenth_sets_rules_keep_to_their_copy():
    """A fresh-eyes review's cases: a story's own closing list under `Recommended reading` stays; a
    consultation's `Join the conversation: ... comments ...` stays; a fundraiser's `Donate to support
    ...` and AP's report that a group `receives support from` someone are story, not credits; a chain
    under a byline ending in a role or a person names no source."""
    books = "Recommended reading\nThe Overstory by Richard Powers\nBraiding Sweetgrass by Robin Wall Kimmerer"
    assert story(f"date 2026-11-16 Books\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n{books}\n"
                 ).paragraphs[-1] == books
    consult = "Join the conversation: residents can submit comments on the draft plan to the city until Jan. 15."
    assert consult in story(f"date 2026-11-16 Plan\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n"
                            f"{consult}\n\n{_LOT}\n").paragraphs
    for end in ("The Associated Press has reported that the militia receives support from Iran.",
                "The campaign runs until Friday. Donate to support the food bank at cambridgefoodbank.ca.",
                "La collecte se poursuit jusqu'au 24 décembre. Faites un don pour soutenir la famille Tremblay sur GoFundMe."):
        s = story(f"date 2026-11-16 Title\n\nBy JANE DOE-SMITH\nAssociated Press\n\nTORONTO (AP) — {_LOT}\n\n{end}\n")
        assert s.credits == () and s.paragraphs[-1] == end
    from digest.ingest.bylines import outlet_of_chain
    assert outlet_of_chain("IJL – Réseau.Presse – Journaliste") == "" and outlet_of_chain("LJI – Jane Doe-Smith") == ""
    assert outlet_of_chain("IJL – Réseau.Presse – L'Aviron") == "L'Aviron"


def test_the_twentieth_sets_pages_and_wire_lines():
    """CP's sponsored-beat line (`Health coverage receives support through a partnership ...`) and PC's;
    a colon's `— ` lines pasted as one block, closed by semicolons and a stop, a list; a local site's
    dateline set off by a hyphen; a comment box's rules; `To contact a reporter ...` with its address; an
    outlet that calls itself a news website or `l'hebdomadaire`; a menu row under a paper's name and a long
    tagline; a station named `Radio <place>` in a byline; a Posted time of day quoted in its warning; an
    inbox pitch with `Sign up here.`; AP's live entries under `Here's the latest:`."""
    partnership = ("Health coverage receives support through a partnership between The Canadian Press and the Canadian "
                   "Medical Association. CP is solely responsible for this content.")
    blood = story("date 2026-12-07 Blood supply low\n\nBy Jane Doe-Smith, The Canadian Press\n\nPosted December 7, 2026 2:15 pm."
                  f"\n\n{_LOT}\n\nThe agency listed its inventory as of Monday morning, in days of supply:\n\n"
                  "— O-negative: 2.1 days;\n— O-positive: 3.4 days;\n— A-negative: 4.2 days.\n\n"
                  f"{_LOT}\n\n{partnership}\n\nThis report by The Canadian Press was first published Dec. 7, 2026.\n")
    assert blood.credits[0] == partnership
    assert [b.items for b in blood.blocks if b.kind == "list"] == [("O-negative: 2.1 days;", "O-positive: 3.4 days;",
                                                                      "A-negative: 4.2 days.")]
    sante = ("La couverture en matière de santé de La Presse Canadienne bénéficie du soutien d'un partenariat avec "
             "l'Association médicale canadienne. La Presse Canadienne est seule responsable des choix éditoriaux.")
    assert story(f"date 2026-12-07 Urgences\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nQUÉBEC — {_LOT}\n\n{sante}\n"
                 ).credits == (sante,)
    tip = ("To contact a reporter for this story, email newsroom@infonews.example or call 250-555-0143. You can also submit "
           "photos, videos or news tips to the newsroom.")
    rules = ("We welcome your comments and opinions on our stories but play nice. We won't censor or delete comments unless "
             "they contain off-topic statements or links, unnecessary vulgarity, false facts, spam or obviously fake profiles.")
    kamloops = story("date 2026-12-07 Food bank expects record\n\niNFOnews.ca\n\nKamloops News\n\nFood bank expects record\n\n"
                     "By Jocelyn Ferreira-Kwan\n\nDecember 07, 2026 - 6:30 PM PST\n\nKAMLOOPS - The Kamloops Food Bank expects "
                     f"to hand out a record 2,600 hampers this year.\n\n{_LOT}\n\n{tip}\n\n{rules}\n")
    assert (kamloops.dateline, kamloops.lede[:15], kamloops.credits) == ("KAMLOOPS", "The Kamloops Fo", (tip,))
    assert any(rules in w.message for w in kamloops.warnings)
    kukukwes = ("Ku'ku'kwes News is an independent Indigenous news website that covers Mi'kmaw communities in the Atlantic "
                "region. Support our work by becoming a monthly donor.")
    nord = "Le Nord est l'hebdomadaire francophone de Hearst et du Nord-Est ontarien depuis 1976."
    for byline, end in (("By Jane Doe-Smith, Ku'ku'kwes News", kukukwes), ("Par Jeanne Doe-Tremblay, Le Nord", nord)):
        assert story(f"date 2026-12-10 Title\n\n{byline}\n\nPosted December 10, 2026 9:00 am.\n\n{_LOT}\n\n{end}\n"
                     ).credits == (end,)  # (the page's own outlet describing itself)
    hearst = story("date 2026-12-10 Une murale raconte l'université\n\nLe Nord\n\nL'hebdomadaire de Hearst et de la région\n\n"
                   "Accueil | Actualités | Sports | Culture | Opinions | Avis de décès\n\nCulture\n\n"
                   "Une murale raconte l'université\n\nPar Mélodie Lacasse-Nyirenda\n\nLe 10 décembre 2026\n\n"
                   f"{_LOT}\n\n{nord}\n")
    assert (hearst.authors, hearst.source, hearst.paragraphs) == (("Mélodie Lacasse-Nyirenda",), "Le Nord", (_LOT,))
    gaspesie = story("date 2026-12-07 Route fermée\n\nRadio Gaspésie\n\nRoute fermée\n\nPar Alexis Cyr-Bangoura, Radio Gaspésie\n\n"
                     f"Publié à 6 h 40\n\n{_LOT}\n")
    assert (gaspesie.authors, gaspesie.source, gaspesie.date.isoformat()) == (
        ("Alexis Cyr-Bangoura",), "Radio Gaspésie", "2026-12-07T06:40:00-05:00")
    assert any(w.message.startswith("'Publié à 6 h 40': the Posted time gives no day") for w in gaspesie.warnings)
    pitch = "Get the Whitehorse Star's headlines delivered to your inbox every weekday afternoon. Sign up here."
    star = story(f"date 2026-12-11 Sitting ends\n\nBy Jane Doe-Smith, Whitehorse Star\n\n{_LOT}\n\n{_LOT}\n\n{pitch}\n")
    assert star.paragraphs == (_LOT, _LOT) and any(pitch in w.message for w in star.warnings)
    heads = ("Laureate says silence is 'the most dangerous thing'", "Committee chair defends choice of a journalist",
             "Peace Prize is the only Nobel awarded in Oslo")
    live = story("date 2026-12-10 Live updates: Nobel Peace Prize\n\nBy The Associated Press\n\n"
                 f"Updated 10:52 AM EST, December 10, 2026\n\n{_LOT}\n\nHere's the latest:\n\n"
                 + "".join(f"{head}\n\n{_LOT}\n\n" for head in heads))
    assert tuple(b.text for b in live.blocks if b.kind == "subhead") == heads


def test_the_twentieth_sets_rules_keep_to_their_copy():
    """A capitals lead set off by a hyphen whose word the story does not name again stays the lede's
    (a factbox's `AUTOS - `); French dialogue's `— ` lines in one block stay the story's; a short line
    under `Here's the latest:` that ends with a stop is a sentence; `Sign up here.` inside a sentence is
    the story's."""
    autos = story(f"date 2026-12-07 What tariffs hit\n\nBy Jane Doe-Smith\n\nPosted December 7, 2026 9:00 am.\n\n"
                  f"AUTOS - U.S. tariffs of 25% apply to vehicles assembled in Canada.\n\n{_LOT}\n")
    assert autos.dateline == "" and autos.paragraphs[0].startswith("AUTOS - ")
    dialogue = story(f"date 2026-12-07 Titre\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nQUÉBEC — {_LOT}\n\n"
                     "Il a répondu :\n\n— Oui, je le ferai.\n— Vous êtes sûr ?\n— Oui.\n")
    assert not any(b.kind == "list" for b in dialogue.blocks)
    latest = story(f"date 2026-12-10 Live\n\nBy The Associated Press\n\nUpdated 10:52 AM EST, December 10, 2026\n\n{_LOT}\n\n"
                   f"Here's the latest:\n\nThe ceremony begins at 1 p.m.\n\n{_LOT}\n\nPolice closed streets.\n\n{_LOT}\n")
    assert not any(b.kind == "subhead" for b in latest.blocks)
    told = f"The clerk told her: Sign up here. {_LOT}"
    assert told in story(f"date 2026-12-07 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n{told}\n"
                         ).paragraphs


def test_the_twentieth_sets_rules_keep_to_their_copy_as_a_review_found():
    """A fresh-eyes review's cases: a `— ` list in one block before a story's heads leaves every item and
    every head in place; a kicker, a speaker, a country or a lead in capitals set off by a hyphen is no
    dateline, even named again; a story's closing sentence about another paper stays the story's; a city's
    call for comments and a lone `Sign up here.` stay; CP's partnership line as CP writes it is a credit."""
    heads = ("Laureate says silence is 'the most dangerous thing'", "Committee chair defends choice of a journalist",
             "Peace Prize is the only Nobel awarded in Oslo")
    items = ("O-negative: 2.1 days;", "O-positive: 3.4 days;", "A-negative: 4.2 days.")
    live = story("date 2026-12-10 Live updates: Nobel Peace Prize\n\nBy The Associated Press\n\n"
                 f"Updated 10:52 AM EST, December 10, 2026\n\n{_LOT}\n\nHere's the latest:\n\n{heads[0]}\n\n"
                 f"{_LOT} It said:\n\n" + "\n".join("— " + item for item in items) + "\n\n"
                 + "".join(f"{head}\n\n{_LOT}\n\n" for head in heads[1:]))
    assert [(b.kind, b.text or b.items) for b in live.blocks[2:]] == [
        ("subhead", heads[0]), ("paragraph", f"{_LOT} It said:"), ("list", items), ("subhead", heads[1]),
        ("paragraph", _LOT), ("subhead", heads[2]), ("paragraph", _LOT)]
    for lede, again in (("AUTOS - U.S. tariffs of 25% apply to vehicles.", "Autos are Ontario's largest export."),
                        ("OPINION - The city's draft budget asks too much.", "Opinion is divided."),
                        ("WATCH - Premier David Eby announces the plan.", "Watch the full news conference."),
                        ("MAYOR SMITH - We will not raise taxes.", "Mayor Smith said so again."),
                        ("CHINA - Beijing imposed duties on canola.", "China said it would talk.")):
        s = story(f"date 2026-12-07 Title\n\nBy Jane Doe-Smith\n\nPosted December 7, 2026 9:00 am.\n\n{lede}\n\n{again}\n")
        assert s.dateline == "" and s.paragraphs[0] == lede, lede
    assert story("date 2026-12-07 Hampers\n\nBy Jane Doe-Smith\n\nPosted December 7, 2026 9:00 am.\n\nKAMLOOPS - 2,600 "
                 "hampers went out.\n\nThe Kamloops Food Bank said so.\n").dateline == "KAMLOOPS"
    for end in ("Le Droit est le quotidien francophone de l'Outaouais depuis 1913, et il compte quelque 40 000 abonnés.",
                "The Tyee is an independent news website based in Vancouver that was founded in 2003."):
        s = story(f"date 2026-12-07 Title\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nOTTAWA — {_LOT}\n\n{end}\n")
        assert s.paragraphs[-1] == end and end not in s.credits
    for end in ("We welcome comments from residents on the draft plan until Jan. 15, the city said in its notice, and "
                "staff will report back to council in February with what they heard from the public.",
                "Sign up here."):
        s = story(f"date 2026-12-07 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n{end}\n\n{_LOT}\n")
        assert end in s.paragraphs
    partnership = ("The Canadian Press health coverage receives support through a partnership with the Canadian Medical "
                   "Association. CP is solely responsible for this content.")
    assert story(f"date 2026-12-07 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n{partnership}\n\n"
                 "This report by The Canadian Press was first published Dec. 7, 2026.\n").credits[0] == partnership


def test_the_twenty_first_sets_shapes_are_read_as_an_editor_reads_them():
    """AP's correction slug in sentence case is a note; an ordinal day is a date; a time counted back
    from when the page was saved says nothing and the header reads on; a caption `(Photo gracieuseté ...)`
    and a Reuters gallery caption with its licensing link are captions; a byline naming the program that
    pays for the beat names no outlet; PC's French health partnership line and a call for story ideas
    with an address are credits; `ALSO READ:`, a newsletter's pitch and its link, and a reader poll are
    the page's."""
    s = story("date 2026-12-16 Title\n\nCorrects to show the farm is in Pinal County, not Pima County.\n\n"
              f"By JANE DOE-SMITH\nAssociated Press\n\n2:15 PM EST, December 16, 2026\n\nPHOENIX (AP) — {_LOT}\n")
    assert s.notes == ("Corrects to show the farm is in Pinal County, not Pima County.",) and s.dateline == "PHOENIX"
    s = story(f"date 2026-12-18 Title\n\nBy Kaitlyn Doe-Okoro\nLethbridge Herald\nDecember 18th, 2026 at 4:37 pm MST\n\n{_LOT}\n")
    assert s.date.isoformat() == "2026-12-18T18:37:00-05:00" and s.source == "Lethbridge Herald" and s.lede == _LOT
    s = story("date 2026-12-16 Titre\n\nPar Mireille Doe-Traoré\nil y a 3 heures\n\nPartager : Facebook | Courriel\n\n"
              "Des poissons morts sur la berge, mardi matin. (Photo gracieuseté GROBEC)\n\n"
              f"Des centaines de poissons morts ont été retrouvés mardi. {_LOT}\n\n"
              "Vous avez une information à nous transmettre? Écrivez-nous à redaction@journal.example.\n")
    assert s.authors == ("Mireille Doe-Traoré",) and s.lede.startswith("Des centaines") and not s.timed
    assert any("il y a 3 heures" in w.message for w in s.warnings)
    assert s.credits == ("Vous avez une information à nous transmettre? Écrivez-nous à redaction@journal.example.",)
    s = story("date 2026-12-18 Titre\n\nPar Béatrice Doe-Amoah, Initiative de journalisme local\n"
              f"vendredi 18 décembre 2026, 10:15\n\n{_LOT}\n")
    assert s.authors == ("Béatrice Doe-Amoah",) and s.date.hour == 10 and s.lede == _LOT
    partnership = ("La couverture en santé de La Presse Canadienne reçoit du soutien grâce à un partenariat avec "
                   "l'Association médicale canadienne. La Presse Canadienne est seule responsable des choix éditoriaux.")
    s = story(f"date 2026-12-18 Titre\n\nPar Jeanne Doe-Tremblay, La Presse Canadienne\n\nDRUMMONDVILLE — {_LOT}\n\n"
              f"{partnership}\n")
    assert s.credits == (partnership,) and partnership not in s.paragraphs
    caption = ("[1/2] A customer uses a banking app in Toronto, Ontario, Canada, March 3, 2026. REUTERS/Jane Doe-Albers/"
               "File Photo Purchase Licensing Rights, opens new tab")
    pitch = "The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here."
    s = story(f"date 2026-12-14 Title\n\nBy Noor Doe-Lindahl\n\nDecember 14, 2026 1:22 PM EST\n\n{caption}\n\n"
              f"TORONTO, Dec 14 (Reuters) - {_LOT}\n\n{pitch}\n\n{_LOT}\n")
    assert s.dateline == "TORONTO" and s.lede == _LOT and len(s.paragraphs) == 2
    assert any(caption[:40] in w.message for w in s.warnings) and any("Daily Briefing" in w.message for w in s.warnings)
    poll = "Question of the day\nDo you agree with council's decision?\nYes   No   Not sure\nVote   View results"
    s = story(f"date 2026-12-16 Title\n\nBy Jane Doe-Smith\n\nDec 16, 2026 11:02 AM\n\n{_LOT}\n\n{poll}\n\n"
              f"ALSO READ: Council approves 2027 budget\n\nMore of the story.\n\nHave a story idea? Email news@paper.example.\n")
    assert s.paragraphs == (_LOT, "More of the story.") and s.credits == ("Have a story idea? Email news@paper.example.",)
    assert any("Question of the day" in w.message for w in s.warnings) and any("ALSO READ" in w.message for w in s.warnings)
    # a story's own words stay: a sentence that corrects, a poll's result in prose
    s = story(f"date 2026-12-16 Title\n\nBy Jane Doe-Smith\n\nDec 16, 2026 11:02 AM\n\n{_LOT}\n\n"
              "Corrects in the city's records were made Tuesday, the clerk said.\n\nAsked whether they agree, 61 per "
              "cent said yes?\n")
    assert "Corrects in the city's records were made Tuesday, the clerk said." in s.paragraphs
    assert "Asked whether they agree, 61 per cent said yes?" in s.paragraphs
    # (a review's cases: a police call for information, a school board's newsletter in prose)
    for end in ("Vous avez une information sur cette disparition? La Sûreté du Québec demande de la transmettre à "
                "info@sq.example.", "The school board's newsletter told parents the program has 40 spots left and "
                "closes Friday. Sign up now."):
        s = story(f"date 2026-12-07 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\n{end}\n")
        assert end in s.paragraphs and not s.credits, end


def test_the_twenty_second_sets_shapes_are_read_as_an_editor_reads_them():
    """French zones in French letters (`HNR`: Rocheuses, `HNT`: Terre-Neuve) are read, not an error that
    stops the ingest; a menu row set apart by spaces over a deck, and a beat in a block of its own under
    the byline, are the page's; a list announced `Here's a look at ...:` is a list; AP's beat support line
    without `The`, Reuters' standards link, a notice's `Published in ...` (its paper the source), an author
    box's `has covered ... for` and a paper's `journal bilingue` self-description are credits; an
    obituary notice's buttons are the page's."""
    zones = {"HNR": "2026-12-24T09:15:00-05:00", "HNT": "2026-12-24T05:45:00-05:00"}
    for zone, instant in zones.items():
        assert read_stamp(f"24 décembre 2026 à 7 h 15 {zone}", TORONTO).moment.isoformat() == instant
    s = story("date 2026-12-22 Blizzard shuts down Iqaluit\n\nNunavut News\n\nNews   Arts & Culture   Sports   Opinion\n\n"
              "News\n\nBlizzard shuts down Iqaluit\n\nFlights cancelled, city offices closed as storm lasts\n\n"
              "By Elisapi Doe-Frost\n\nUpdated: Dec. 22, 2026 at 4:05 p.m.\n\n"
              f"Snow blows across Federal Road. Elisapi Doe-Frost/Nunavut News\n\n{_LOT}\n")
    assert s.authors == ("Elisapi Doe-Frost",) and s.source == "Nunavut News" and s.lede == _LOT
    assert s.updated is not None and s.updated.hour == 16
    s = story(f"date 2026-12-22 Title\n\nBy RUTH DOE-KOSKI\n\nAP Technology Writer\n\n7:00 AM EST, December 22, 2026\n\n"
              f"SAN FRANCISCO (AP) — {_LOT}\n\nHere's a look at some of the changes coming on Jan. 1:\n\n"
              "— CPP CONTRIBUTIONS: The maximum pensionable earnings rise to $76,900.\n\n"
              "— EI PREMIUMS: The premium rate falls to $1.61 per $100 of insurable earnings.\n\n"
              f"{_LOT}\n\nAssociated Press religion coverage receives support through the AP's collaboration with The "
              "Conversation US, with funding from Lilly Endowment Inc. The AP is solely responsible for this content.\n")
    assert not s.warnings and s.authors == ("Ruth Doe-Koski",)
    assert ("list", ("CPP CONTRIBUTIONS: The maximum pensionable earnings rise to $76,900.",
                     "EI PREMIUMS: The premium rate falls to $1.61 per $100 of insurable earnings.")) in \
        [(b.kind, b.items) for b in s.blocks]
    assert s.credits[0].startswith("Associated Press religion coverage receives support")
    s = story(f"date 2026-12-22 Title\n\nBy Jane Doe-Hart\n\nDecember 22, 2026 4:05 PM EST\n\nTORONTO, Dec 22 (Reuters) - "
              f"{_LOT}\n\n(Reporting by Jane Doe-Hart in Toronto; additional reporting by Bram Doe-Cole; Editing by "
              "Lucinda Doe-Obi)\n\nOur Standards: The Thomson Reuters Trust Principles., opens new tab\n")
    assert len(s.credits) == 2 and s.paragraphs == (f"TORONTO, Dec 22 (Reuters) - {_LOT}",)
    s = story("date 2026-12-23 Léonce Gaudet\n\nJournal Pioneer\n\nObituaries\n\nLéonce Gaudet\n\nPosted: Dec. 23, 2026\n\n"
              f"GAUDET, Léonce – Peacefully, at home. {_LOT}\n\nSign the Guest Book   Send Flowers\n\n"
              "Published in the Journal Pioneer on Dec. 23, 2026.\n")
    assert s.source == "Journal Pioneer" and s.credits == ("Published in the Journal Pioneer on Dec. 23, 2026.",)
    assert any("Send Flowers" in w.message for w in s.warnings) and len(s.paragraphs) == 1
    box = ("Garrett Doe-Burke has covered the North Stars for the Battlefords News-Optimist since 2019. Reach him at "
           "sports@paper.example.")
    s = story(f"date 2026-12-22 Title\n\nBy Garrett Doe-Burke\n\nDec 22, 2026 9:00 AM\n\n{_LOT}\n\n{box}\n")
    assert s.credits == (box,)
    own = "La Source est le journal bilingue de la diversité à Vancouver."
    s = story(f"date 2026-12-22 Titre\n\nLa Source\n\nActualités\n\nTitre\n\nPar Jeanne Doe-Bighetty\n\n22 décembre 2026 à 13 h 40 "
              f"HNP\n\n{_LOT}\n\n{own}\n")
    assert s.source == "La Source" and s.credits == (own,) and s.date.isoformat() == "2026-12-22T16:40:00-05:00"
    # (a review's cases: an outlet's own earlier reporting, a subhead that names a button, a journal the
    # story cites, the paper's name in reported speech stay the story's)
    for end in ("The Canadian Press has reported on staffing shortages at the facility since 2023.",
                "Garrett Doe-Burke has covered the costs for his team's travel since 2019, the club said in a statement."):
        s = story(f"date 2026-12-22 Title\n\nBy Garrett Doe-Burke, The Canadian Press\n\nTORONTO — {_LOT}\n\n{end}\n")
        assert end in s.paragraphs and not s.credits, end
    s = story(f"date 2026-12-22 Title\n\nBy Jane Doe-Smith, The Canadian Press\n\nTORONTO — {_LOT}\n\nPlant a tree\n\n{_LOT}\n")
    assert "Plant a tree" in [b.text for b in s.blocks]
    s = story(f"date 2026-12-22 Title\n\nBy Jane Doe-Smith\n\nDecember 22, 2026 9:00 AM\n\n{_LOT}\n\n"
              "Published in the New England Journal of Medicine on Dec. 3, 2026.\n")
    assert s.source != "New England Journal of Medicine"
    quoted = "La Source est le journal étudiant de l'Université, a rappelé la rectrice, qui veut le fermer."
    s = story(f"date 2026-12-22 Titre\n\nLa Source\n\nActualités\n\nTitre\n\nPar Jeanne Doe-Bighetty\n\n22 décembre 2026 à "
              f"13 h 40 HNP\n\n{_LOT}\n\n{quoted}\n")
    assert quoted in s.paragraphs
    box = ("Top stories of 2026\nIqaluit's deep-sea port handles its busiest sealift season\n"
           "Nunavut Arctic College graduates its largest nursing class")
    s = story(f"date 2026-12-22 Title\n\nBy Jane Doe-Smith\n\nDec 22, 2026 9:00 AM\n\n{_LOT}\n\n{box}\n\n0 Comments\n")
    assert s.paragraphs == (_LOT,) and any("Top stories of 2026" in w.message for w in s.warnings)


def test_the_twenty_third_sets_pages_and_wire_lines():
    """A time in another zone that is the next day in the site's (`10:15 p.m. MST` on Dec. 31, 2027 in
    Toronto) agrees with a header giving either day; a weather box and a masthead of five words over the
    headline; `Texte et photos :` bylines; a station named with its frequency; a paper describing itself
    with its small words; French funding lines; a reactions row, a comment thread and a paywall are the
    page's; AP's Report for America outlet and line, CP's fellowship line."""
    s = story("date 2027-01-01 Fibre cut\n\nInuvik Drum\n\nINUVIK  -36°C  Ice fog  |  Sunrise: Jan. 6\n\n"
              "News   Sports   Arts   Opinion\n\nNews\n\nFibre cut\n\nBy Mabel Doe-Grønvold\n\n"
              "Published Dec. 31, 2026 at 10:15 p.m. MST\n\nShoppers line up at the till on Thursday. Mabel "
              f"Doe-Grønvold/Inuvik Drum\n\n{_LOT}\n")
    assert s.source == "Inuvik Drum" and s.date.isoformat() == "2027-01-01T00:15:00-05:00"
    assert not any("differ" in w.message for w in s.warnings)
    s = story("date 2026-12-31 Fibre cut\n\nBy Mabel Doe-Grønvold\n\nPublished Dec. 31, 2026 at 10:15 p.m. MST\n\n"
              f"{_LOT}\n")  # (the page's own day: as before)
    assert not any("differ" in w.message for w in s.warnings)
    s = story("date 2027-01-02 Les Mineurs gagnent\n\nLe Trait d'Union du Nord\n\nJournal communautaire de Fermont\n\n"
              "Accueil · Actualités · Sports · Culture\n\nSports\n\nLes Mineurs gagnent\n\n"
              "Texte et photos : Mathis Doe-Coulibaly\n\n2 janvier 2027 – 16 h 40\n\n"
              "Les Mineurs de Fermont ont remporté le tournoi vendredi soir devant 400 spectateurs à l'aréna.\n\n"
              "Réactions : J'aime 24 · Bravo 9 · Touchant 15\n\n"
              "Le Trait d'Union du Nord est le journal communautaire de Fermont depuis 1979.\n")
    assert s.authors == ("Mathis Doe-Coulibaly",) and s.source == "Le Trait d'Union du Nord"
    assert s.credits == ("Le Trait d'Union du Nord est le journal communautaire de Fermont depuis 1979.",)
    assert any("Bravo 9" in w.message for w in s.warnings) and len(s.paragraphs) == 1
    s = story("date 2026-12-29 Le préfet démissionne\n\nEnvol 91 FM\n\nLa radio communautaire du Manitoba\n\n"
              "Accueil | Nouvelles | Émissions | Musique\n\nNouvelles\n\nLe préfet démissionne\n\nAmélie Doe-Gakwaya\n\n"
              "Publié le 29 décembre 2026 à 10 h 15 HNC\n\nLe préfet de la municipalité a remis sa démission lundi, "
              "a-t-il dit en entrevue à Envol 91 FM.\n\n"
              "Cette nouvelle a été réalisée dans le cadre de l'Initiative de journalisme local.\n")
    assert s.source == "Envol 91 FM" and len(s.credits) == 1
    s = story(f"date 2026-12-30 Ice bridge opens\n\nBy Wren Doe-Tizya\n\nDec 30, 2026 9:00 AM\n\n{_LOT}\n\n"
              '3 thoughts on "Ice bridge opens"\n\nSourdough Sal says:\nDecember 30, 2026 at 6:12 pm\nFinally!\n\n'
              "Reply\n\nKlondike Kev says:\nDecember 31, 2026 at 9:47 am\nThree weeks late again.\n\nReply\n\n"
              "Leave a Reply\n")
    assert s.paragraphs == (_LOT,) and any("3 thoughts on" in w.message for w in s.warnings)
    s = story(f"date 2026-12-30 ER closes\n\nBy Colby Doe-Mugisha\n\nDec 30, 2026 9:00 AM AST\n\n{_LOT}\n\n"
              "This article is for subscribers only.\n\nSubscribe to the West Prince Graphic for full access to local "
              "news from Tignish to Tyne Valley, in print and online.\n\nAlready a subscriber? Log in\n\nSubscribe\n")
    assert s.paragraphs == (_LOT,) and s.credits[0].startswith("Subscribe to the West Prince Graphic")
    rfa = ("Doe-Waweru is a corps member for The Associated Press/Report for America Statehouse News Initiative. Report "
           "for America is a nonprofit national service program that places journalists in local newsrooms.")
    s = story(f"date 2026-12-30 Judge blocks law\n\nBy HALEY DOE-WAWERU\n\nAssociated Press/Report for America\n\n"
              f"5:47 PM EST, December 30, 2026\n\nBOISE, Idaho (AP) — {_LOT}\n\n___\n\n{rfa}\n")
    assert not s.warnings and s.source == "The Associated Press" and s.credits == (rfa,)
    fellowship = "This story was produced with the financial assistance of the Meta and Canadian Press News Fellowship."
    s = story(f"date 2027-01-01 Title\n\nBy Jane Doe-Heathcote\n\nThe Canadian Press\n\nPosted January 1, 2027 12:03 am.\n\n"
              f"REGINA — {_LOT}\n\nThis report by The Canadian Press was first published Jan. 1, 2027.\n\n{fellowship}\n")
    assert len(s.credits) == 2 and s.credits[1] == fellowship


def test_the_twenty_third_sets_names():
    """Holidays (`Hogmanay`, `Nouvel An`, `jour de l'An`), a works named for someone in French, a state's or a
    province's demonym, time zones are no names; `La Broquerie` keeps its article mid-sentence; `the U.S. and
    Canada` are two; a court's number is part of its name."""
    from digest.ingest.names import find_names

    found = find_names(("Edinburgh's Hogmanay was cancelled. Hogmanay is a big night. Idahoans and an Idahoan, "
                        "Albertans and a Texan agreed at 2 a.m. GMT, 9 p.m. GMT.",
                        "Renters in the U.S. and Canada were locked out. The 9th U.S. Circuit Court of Appeals ruled."),
                       [], "en")
    assert {"Canada", "9th U.S. Circuit Court of Appeals"} <= found.keys(), found
    assert not {"Hogmanay", "Idahoans", "Idahoan", "Albertans", "Texan", "GMT", "U.S. and Canada",
                "U.S. Circuit Court of Appeals"} & found.keys(), found
    found = find_names(("Le préfet de La Broquerie a démissionné. Il habite à La Broquerie. Le Nouvel An approche; le "
                        "Jour de l'An est férié. La centrale thermoélectrique Antonio Guiteras est tombée en panne. "
                        "La Banque du Canada a parlé.",), [], "fr")
    assert {"La Broquerie", "Banque du Canada"} <= found.keys(), found
    assert not {"Broquerie", "Nouvel An", "Jour de l'An", "Antonio Guiteras", "La Banque du Canada"} & found.keys(), found
    # a brand the word lists know in lowercase, the subject of `said` (with no article) and named mid-sentence once;
    # children a story names by their first names only stay unnamed
    found = find_names(("Its locks are listed on Airbnb and Vrbo. Airbnb said it would refund guests.",
                        "Two students, Isla, 10, and Mateo, 11, read the poem. CBC News is identifying the children "
                        "by their first names only. Isla said she practised. Mateo said he did too."), [], "en")
    assert "Airbnb" in found and not {"Isla", "Mateo"} & found.keys(), found
    found = find_names(("Le repas a eu lieu au sous-sol de l'église Saint-Marc, à Chibougamau. La basilique Notre-Dame "
                        "était pleine. Il habite Saint-Marc-des-Carrières.",), [], "fr")
    assert {"église Saint-Marc", "basilique Notre-Dame"} <= found.keys() and "Saint-Marc" not in found, found
    found = find_names(("The ER will close, Health PEI says. Housing NWT manages 2,400 units.",), [], "en")
    assert {"Health PEI", "Housing NWT"} <= found.keys() and not {"PEI", "NWT"} & found.keys(), found


def test_the_twenty_third_sets_rules_keep_to_their_copy_as_a_review_found():
    """A fresh-eyes review's cases: a photo's agency credit in the header is no outlet line; `Texte :`
    over a courtesy or a town names no author; a comment thread's comments in any shape are the page's;
    `PST` as a sales tax and a firm's `ADT` stay names where a time's zone does not; a team named as its
    state's people (`the Texans`) is the team; a date's ordinal is no body's; an obituary's nickname is
    its person's, not a relative's who shares a given name; a bare French `centrale` is a union's; a
    quote's first article is no place's; kin before `de` is no role; a preacher is no church."""
    from digest.ingest.names import find_names

    s = story("date 2026-12-30 Ice bridge opens\n\nBy Wren Doe-Tizya\n\nTHE CANADIAN PRESS/Emily Doe-Blake\n\n"
              f"Dec 30, 2026 9:00 AM\n\n{_LOT}\n")
    assert s.source == ""
    s = story(f"date 2026-12-30 Fête au village\n\nTexte : Courtoisie\n\n30 décembre 2026 – 16 h 40\n\n{_LOT}\n")
    assert s.authors == ()
    s = story(f"date 2026-12-30 Ice bridge opens\n\nBy Wren Doe-Tizya\n\nDec 30, 2026 9:00 AM\n\n{_LOT}\n\n"
              '2 Responses to "Ice bridge opens"\n\nSourdough Sal\nDecember 30, 2026 at 6:12 pm\nFinally a bridge.\n\n'
              "Reply\n\nLeave a Reply\n")
    assert s.paragraphs == (_LOT,)
    found = find_names(("B.C. will cut the PST next year. The PST is 7 per cent. It starts at 9 p.m. PST. Security "
                        "firm ADT said so. ADT agreed.",
                        "Houston Texans quarterback C.J. Stroud threw twice as the Texans beat the Colts. The Texans lead.",
                        "On January 14th City Council approved the budget. City Council met again."), [], "en")
    assert found["PST"] == 2 and "ADT" in found and found["Houston Texans"] == 3 and "City Council" in found, found
    found = find_names(('SMITH, Mary Anne "Annie" – Peacefully. Mary Anne Smith of Truro. Survived by her sister Anne '
                        'Murphy. Annie loved gardening.',
                        'Captain John Smith "Bluenose" was sailing. The Bluenose was fast. Bluenose won again.',
                        "Mike Huckabee the Baptist preacher spoke. Huckabee said so."), [], "en")
    assert found["Mary Anne Smith"] == 3 and found["Anne Murphy"] == 1 and "Bluenose" in found, found
    assert "Mike Huckabee" in found and not any("the Baptist" in name for name in found), found
    found = find_names(("La présidente de la centrale FTQ a parlé. Selon la centrale CSQ, non.",
                        "Il a lancé : « Le Dollarama du coin est plein ». Dollarama a dit non. Dollarama a vidé ses tablettes.",
                        "Le fils de Jean Marc Dupuis a témoigné. Jean est venu. M. Dupuis a parlé."), [], "fr")
    assert {"CSQ", "Dollarama", "Jean Marc Dupuis"} <= found.keys(), found
    assert not {"Le Dollarama", "Marc Dupuis"} & found.keys(), found


def test_the_twenty_fourth_sets_pages_and_wire_lines():
    """A title before a byline's name, `Special to the Observer`, two reporters of two outlets; a caption's
    `(Observer file photo)`; a professional's bio and a column's caution, a column's opinions line over it,
    Reuters' ROI pitch, CP's partnership and the French fellowship lines, `Avec l'Agence France-Presse`, a print
    edition's line, a feature's `is compiled by ... staff`, a station's call to its own show: credits; `AP
    Technology Writers`; dashes after a sentence left open with a colon are a list; a newsletter's form in the
    story and a row of its tags are the page's; a paper spoken to as `au Citoyen` is named again."""
    s = story("date 2027-01-05 Column: Flu is back\n\nHaida Gwaii Observer\n\nNews | Island Life | Sports | Opinion\n\n"
              "Opinion\n\nColumn: Flu is back\n\nBy Dr. Siobhán O'Kane-Wheatley, Special to the Observer\n\n"
              "Jan. 5, 2027 4:30 p.m. PST\n\nThe waiting room in Masset this week. (Observer file photo)\n\n"
              f"{_LOT}\n\nDr. Siobhán O'Kane-Wheatley is a family physician who has practised in Masset since 2014.\n\n"
              "This column offers general information and is not a substitute for advice from your own health-care "
              "provider.\n")
    assert s.authors == ("Siobhán O'Kane-Wheatley",) and s.source == "Haida Gwaii Observer" and len(s.credits) == 2
    assert s.paragraphs == (_LOT,)
    s = story("date 2027-01-05 Title\n\nBy Mireille D'Aoust-Venables, The Canadian Press and Tobias van der "
              "Hoek-Carvalhal, The Investigative Journalism Foundation\n\nPosted January 5, 2027 6:00 am.\n\n"
              f"OTTAWA — {_LOT}\n\nThis report by The Canadian Press was first published Jan. 5, 2027.\n\nThis story was "
              "produced as part of a partnership between The Canadian Press and The Investigative Journalism "
              "Foundation (IJF), a non-profit newsroom.\n")
    assert s.authors == ("Mireille D'Aoust-Venables", "Tobias van der Hoek-Carvalhal") and len(s.credits) == 2
    assert s.source == "The Canadian Press" and not s.warnings
    s = story("date 2027-01-07 COLUMN-Coal pivots to India\n\n(The opinions expressed here are those of the author, a "
              "columnist for Reuters.)\n\nBy Cordelia Doe-Chanda\n\nJanuary 7, 2027 12:30 AM EST\n\n"
              f"SINGAPORE, Jan 7 (Reuters) - {_LOT}\n\nEnjoying this column? Check out Reuters Open Interest (ROI), your "
              "essential new source for global financial commentary. Follow ROI on LinkedIn and X.\n\n"
              "(Editing by Rhodri Doe-Oyewole)\n")
    assert len(s.credits) == 3 and not s.warnings
    s = story("date 2027-01-06 CES opens\n\nBy LIAM O'CONNELL and PRIYA DOE-RAMAN\n\nAP Technology Writers\n\n"
              f"9:00 AM PST, January 6, 2027\n\nLAS VEGAS (AP) — {_LOT}\n")
    assert not s.warnings and s.authors == ("Liam O'Connell", "Priya Doe-Raman")
    s = story("date 2027-01-07 Cold snap\n\nBy Colm Doe-Sekhon\n\nThe Canadian Press\n\nPosted January 7, 2027 4:00 pm.\n\n"
              f"WINNIPEG — {_LOT}\n\nExtreme cold warnings were in effect Thursday afternoon for:\n\n"
              "— Most of Manitoba south of Thompson, including Winnipeg, Brandon and Dauphin.\n\n— All of Saskatchewan.\n\n"
              "This report by The Canadian Press was first published Jan. 7, 2027.\n")
    assert [b.items for b in s.blocks if b.kind == "list"] == [
        ("Most of Manitoba south of Thompson, including Winnipeg, Brandon and Dauphin.", "All of Saskatchewan.")]
    s = story("date 2027-01-08 La mine suspend ses activités\n\nLe Citoyen\n\nRouyn-Noranda\n\nActualités | Économie | "
              "Sports | Culture\n\nÉconomie\n\nLa mine suspend ses activités\n\nPar Mélodie Doe-Ampomah\n\n"
              f"Publié le 8 janvier 2027 à 14 h 10\n\n{_LOT}\n\nINFOLETTRE\n\nRecevez chaque jeudi les nouvelles de la "
              "région dans votre boîte courriel.\n\nVotre adresse courriel\n\nJe m'abonne\n\n« On veut des garanties », a-t-il "
              "dit au Citoyen.\n\nMots-clés : Rouyn-Noranda, mines, emplois\n")
    assert s.source == "Le Citoyen" and s.paragraphs == (_LOT, "« On veut des garanties », a-t-il dit au Citoyen.")
    s = story(f"date 2027-01-07 Title\n\nBy Larysa Doe-Crowe\n\nJan 7, 2027 9:00 AM CST\n\n{_LOT}\n\n"
              "This story appears in the Jan. 7, 2027 print edition of the Dauphin Herald.\n")
    assert len(s.credits) == 1


def test_the_twenty_fourth_sets_names():
    """Feasts (`Epiphany`, `Ukrainian Christmas`, `Sviat Vechir`, `la fête des Rois`), a carol's title, a paper's
    short name from its staff byline, a body with a field in a hyphenated word."""
    from digest.ingest.names import find_names

    found = find_names(("The Epiphany dive drew crowds. Ukrainian Christmas and Orthodox Christmas fall on Jan. 7. Sviat "
                        "Vechir began at dusk. He led the carol Boh Predvichnyi, which they joined.",
                        "The Canadian Radio-television and Telecommunications Commission ruled. A Toronto-based firm said."),
                       [], "en")
    assert "Canadian Radio-television and Telecommunications Commission" in found, found
    assert not {"Epiphany", "Ukrainian Christmas", "Orthodox Christmas", "Sviat Vechir", "Boh Predvichnyi",
                "Telecommunications Commission"} & found.keys(), found
    found = find_names(("La fête des Rois approche. Les Rois mages et l'Épiphanie. Le jour des Rois.",), [], "fr")
    assert not found, found
    found = find_names(("The Canadian Radio-television and Telecommunications Commission ruled. The CRTC said rates fall.",
                        "The CRTC also said so."), [], "en")
    assert found == {"Canadian Radio-television and Telecommunications Commission": 3.0}, found  # (its acronym is it)
    found = find_names(("Orthodox Christians gathered. Greek Orthodox faithful came. Ukrainian Catholics prayed. The "
                        "Ukrainian Catholic Church said so.",), [], "en")
    assert found == {"Ukrainian Catholic Church": 1.0}, found  # (a faith's people are no body; its church is one)


def test_the_twenty_fourth_sets_rules_keep_to_their_copy_as_a_review_found():
    """A fresh-eyes review's cases: `Avec l'Agence France-Presse` under a page's story is no source; a quote with
    `listen to`, `watch` or `Écoutez` told to the outlet stays the story's; `the song Gord Downie wrote` names
    him; a statistic `compiled by Statistics Canada staff` and an email tip mentioning an inbox stay story text;
    a reporter's beat in a two-reporter byline is no outlet; two titles before a name go."""
    from digest.ingest.bylines import parse_byline
    from digest.ingest.families import ENGLISH
    from digest.ingest.names import find_names

    s = story(f"date 2027-01-06 Title\n\nBy Jane Doe-Hart\n\nJan 6, 2027 9:00 AM\n\n{_LOT}\n\nAvec l'Agence France-Presse\n")
    assert s.source == ""
    quote = ('"People need to listen to the warnings," Mayor Scott Doe-Ruiz told The Canadian Press on Friday.')
    s = story(f"date 2027-01-06 Title\n\nBy Jane Doe-Hart, The Canadian Press\n\nPosted January 6, 2027 9:00 am.\n\n"
              f"WINNIPEG — {_LOT}\n\n{quote}\n")
    assert s.paragraphs[-1] == quote and not s.credits
    stats = "The consumer price index is compiled by Statistics Canada staff from prices collected across the country."
    tip = "Get in the habit of checking the sender's address on anything that lands in your inbox."
    s = story(f"date 2027-01-06 Title\n\nBy Jane Doe-Hart\n\nJan 6, 2027 9:00 AM\n\n{_LOT}\n\n{tip}\n\n{stats}\n")
    assert s.paragraphs == (_LOT, tip, stats) and not s.credits
    found = find_names(("She sang the song Gord Downie wrote about Chanie Wenjack. Gord Downie died in 2017.",), [], "en")
    assert found.get("Gord Downie") == 2, found
    assert parse_byline("Jane Doe, Local Journalism Initiative Reporter and John Roe, The Canadian Press", ENGLISH)[1] == \
        "The Canadian Press"
    assert parse_byline("Rev. Dr. Jane Doe-Whitfield, Special to the Record", ENGLISH)[0] == ("Jane Doe-Whitfield",)
