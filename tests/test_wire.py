"""The wire-copy parser: every format variant of DESIGN.md, read as a curator would expect."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.ingest.bylines import parse_byline
from digest.ingest.families import ENGLISH, FRENCH
from digest.ingest.wire import RawError, parse
from tests.conftest import raw_article

TORONTO = ZoneInfo("America/Toronto")


def story(text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse(Path("content/raw/x.txt"), data, TORONTO)


@pytest.mark.parametrize("byline, authors, source", [
    ("Dylan Robertson, The Canadian Press", ("Dylan Robertson",), "The Canadian Press"),
    ("Mia Rabson and Craig Lord, The Canadian Press", ("Mia Rabson", "Craig Lord"), "The Canadian Press"),
    ("Lisa Mascaro, Josh Boak and Paul Wiseman, The Associated Press",
     ("Lisa Mascaro", "Josh Boak", "Paul Wiseman"), "The Associated Press"),
    ("A, B, and C, Reuters", ("A", "B", "C"), "Reuters"),
    ("The Associated Press", (), "The Associated Press"),
    ("CityNews Staff", (), "CityNews"),
    ("Joe Dobson, CityNews Staff", ("Joe Dobson",), "CityNews"),
    ("Staff, CBC News", (), "CBC News"),
    ("THE ASSOCIATED PRESS", (), "The Associated Press"),
    ("LISA MASCARO and KEVIN FREKING", ("Lisa Mascaro", "Kevin Freking"), ""),
    ("CONNOR MCDAVID, SEAN O'NEIL and ANNE-MARIE ST-PIERRE, AP Sports Writers",
     ("Connor McDavid", "Sean O'Neil", "Anne-Marie St-Pierre"), "The Associated Press"),
    ("KEITH MACKINNON and ANA DE LA CRUZ", ("Keith MacKinnon", "Ana de la Cruz"), ""),
    ("DEVON MACALLISTER-REID, ROD MACISAAC and JOSE MACIAS", ("Devon MacAllister-Reid", "Rod MacIsaac", "Jose Macias"), ""),
    ("David Ljunggren", ("David Ljunggren",), ""),
    ("Jane Doe, Staff Writer", ("Jane Doe",), ""),
])
def test_bylines(byline, authors, source):
    assert parse_byline(byline, ENGLISH) == (authors, source)
    parsed = story(raw_article(byline="By " + byline))
    assert (parsed.authors, parsed.source) == (authors, source)


@pytest.mark.parametrize("byline, authors, source", [
    ("Caroline Plante, La Presse Canadienne", ("Caroline Plante",), "La Presse Canadienne"),
    ("Karine Lacerte-Hamelin, Le Nouvelliste", ("Karine Lacerte-Hamelin",), "Le Nouvelliste"),
    ("Ariane Lessard-Pouliot et Marc Allard, Le Soleil", ("Ariane Lessard-Pouliot", "Marc Allard"), "Le Soleil"),
    ("Audrey-Anne Bolduc, La Tribune", ("Audrey-Anne Bolduc",), "La Tribune"),
    ("Marine Le Pen", ("Marine Le Pen",), ""),
])
def test_french_bylines_name_the_paper_as_its_source(byline, authors, source):
    """A French paper's name opens with its article, as an English one opens with `The`: the
    outlet, never a second author."""
    assert parse_byline(byline, FRENCH) == (authors, source)


@pytest.mark.parametrize("byline, conventions, authors, source", [
    # a network's regional desk: its name, then the region (a dash in it is no person's)
    ("Anne-Julie Ferland, Radio-Canada Estrie", FRENCH, ("Anne-Julie Ferland",), "Radio-Canada Estrie"),
    ("Félix Arsenault, Radio-Canada Gaspésie–Îles-de-la-Madeleine", FRENCH, ("Félix Arsenault",),
     "Radio-Canada Gaspésie–Îles-de-la-Madeleine"),
    ("Reid Castellano, CBC News Hamilton", ENGLISH, ("Reid Castellano",), "CBC News Hamilton"),
    # a paper whose name is written as one word
    ("Alana Dueck, Saskatoon StarPhoenix", ENGLISH, ("Alana Dueck",), "Saskatoon StarPhoenix"),
    ("Tom LeBlanc, Mary DeSantis", ENGLISH, ("Tom LeBlanc", "Mary DeSantis"), ""),
    ("Jane Doe, John DeWire", ENGLISH, ("Jane Doe", "John DeWire"), ""),
    # a station named with its frequency; a newsroom names no one
    ("Sophie Lavoie-Dion, Radio Nord-Côtier 101,7", FRENCH, ("Sophie Lavoie-Dion",), "Radio Nord-Côtier 101,7"),
    ("la rédaction, 98.5 Montréal", FRENCH, (), "98.5 Montréal"),
    ("Jane Doe, 680 CJOB", ENGLISH, ("Jane Doe",), "680 CJOB"),
])
def test_regional_desks_and_one_word_papers_are_the_source(byline, conventions, authors, source):
    assert parse_byline(byline, conventions) == (authors, source)


def test_a_sentence_that_opens_with_by_and_names_an_outlet_is_no_byline():
    assert parse_byline("Monday, CBC News had confirmed that three people died", ENGLISH) is None
    assert parse_byline("Tuesday, 30 people had died", ENGLISH) is None
    s = story(raw_article(byline="", body=["By Monday, CBC News had confirmed three deaths.", "More came later."]))
    assert s.paragraphs[0] == "By Monday, CBC News had confirmed three deaths." and s.authors == ()


def test_a_highlights_label_in_any_case_is_a_subhead_and_not_the_lede():
    s = story(raw_article(body=["What to know:", "- one thing\n- two things", "OTTAWA — The lede.", "More."]))
    assert [b.kind for b in s.blocks[:3]] == ["subhead", "list", "paragraph"] and s.blocks[0].text == "What to know:"
    assert s.dateline == "OTTAWA" and s.lede == "The lede." and not s.warnings


def test_clutter_in_capitals_over_a_list_is_left_out_as_before():
    s = story(raw_article(body=["ADVERTISEMENT", "- one thing\n- two things", "OTTAWA — The lede."]))
    assert [b.kind for b in s.blocks] == ["list", "paragraph"] and "ADVERTISEMENT" in s.warnings[0].message


def test_highlights_over_the_lede_stay_in_the_story_and_the_dateline_is_the_ledes():
    s = story(raw_article(byline="Par Julien Paquette, Le Droit", posted="Publié le 17 juin 2026 à 0 h 15",
                          day="2026-06-17", body=["EN BREF", "- Le conseil a dit oui.\n- La facture est de 410 millions $.",
                                                  "GATINEAU — Après cinq heures de débats, le conseil a voté.",
                                                  "La mairesse a salué le vote."]))
    assert [b.kind for b in s.blocks[:3]] == ["subhead", "list", "paragraph"]
    assert s.blocks[0].text == "EN BREF" and not s.warnings
    assert s.dateline == "GATINEAU" and s.lede.startswith("Après cinq heures")


def test_posted_and_updated_are_in_the_site_time_zone():
    s = story(raw_article(posted="Posted March 28, 2025 11:09 am.", updated="Last Updated March 28, 2025 1:26 pm."))
    assert s.date.isoformat() == "2025-03-28T11:09:00-04:00"
    assert s.updated.isoformat() == "2025-03-28T13:26:00-04:00"
    winter = story(raw_article(day="2025-01-15", posted="Posted January 15, 2025 12:05 am."))
    assert winter.date.isoformat() == "2025-01-15T00:05:00-05:00"
    noon = story(raw_article(day="2025-01-15", posted="Posted January 15, 2025 12:30 pm."))
    assert noon.date.hour == 12


def test_without_posted_the_date_is_the_header_day_at_midnight():
    s = story(raw_article(posted=None))
    assert s.date == dt.datetime(2025, 3, 28, 0, 0, tzinfo=TORONTO)
    assert s.updated is None


def test_header_and_posted_disagreeing_warns_and_uses_posted():
    s = story(raw_article(day="2025-03-27", posted="Posted March 28, 2025 11:09 am."))
    assert s.date.date() == dt.date(2025, 3, 28)
    assert any("differ" in w.message and w.warning for w in s.warnings)


@pytest.mark.parametrize("first, dateline", [
    ("OTTAWA — Prime Minister Mark Carney says", "OTTAWA"),
    ("WASHINGTON (AP) — President Donald Trump said", "WASHINGTON"),
    ("ST. JOHN'S, N.L. — The province", "ST. JOHN'S, N.L."),
    ("QUEBEC CITY — Premier", "QUEBEC CITY"),
    ("The minister — who spoke first — said", ""),
    ("No dateline in this one.", ""),
])
def test_dateline_goes_to_front_matter_and_the_paragraph_stays(first, dateline):
    s = story(raw_article(body=[first, "Second paragraph."]))
    assert s.dateline == dateline
    assert s.paragraphs[0] == first


def test_trailer_and_signature_are_credits_not_body():
    s = story(raw_article(body=["OTTAWA — Body.", "More body.",
                                "This report by The Canadian Press was first published March 28, 2025.",
                                "Dylan Robertson, The Canadian Press"]))
    assert s.paragraphs == ("OTTAWA — Body.", "More body.")
    assert s.credits == ("This report by The Canadian Press was first published March 28, 2025.",
                         "Dylan Robertson, The Canadian Press")


def test_the_sample_article():
    s = story((Path(__file__).parent / "data" / "000_db4e5bf138ab3444.txt").read_bytes())
    assert s.title == "Canada, U.S. to negotiate new economic, security relationship after election: Carney"
    assert (s.authors, s.source, s.dateline) == (("Dylan Robertson",), "The Canadian Press", "OTTAWA")
    assert len(s.paragraphs) == 15 and len(s.credits) == 2


def test_bom_crlf_and_leading_space_read_like_plain_utf8():
    plain = raw_article(title="Québec annonce un plan : Legault")
    variants = [" " + plain, "\ufeff" + plain, plain.replace("\n", "\r\n"), "\ufeff  " + plain.replace("\n", "\r\n")]
    expected = story(plain)
    for text in variants:
        s = story(text)
        assert (s.title, s.paragraphs, s.date) == (expected.title, expected.paragraphs, expected.date)
        assert not s.warnings


def test_windows_1252_is_read_with_a_warning_and_quotes_intact():
    text = raw_article(body=["OTTAWA — Carney said it was “constructive” and Trump’s team agreed."])
    s = story(text.encode("cp1252"))
    assert s.paragraphs[0] == "OTTAWA — Carney said it was “constructive” and Trump’s team agreed."
    assert [w.message for w in s.warnings] == ["not UTF-8; read as Windows-1252"]


@pytest.mark.parametrize("data, line, words", [
    (b"", 1, "empty"),
    (b"   \n\n  \n", 1, "empty"),
    (b"Canada and the U.S. agree\n\nBody.\n", 1, "no `date YYYY-MM-DD Title` header"),
    (b"date 2025-02-30 A story\n\nBody.\n", 1, "impossible date 2025-02-30"),
    (b"date 28/03/2025 A story\n\nBody.\n", 1, "is not a date"),
    (b"date 2025-03-28\n\nBody.\n", 1, "no title"),
    (b"date 2025-03-28 T\n\nBy X, Y\n\nbody\x00\x01binary", 5, "binary data"),
    (b"date 2025-03-28 T\n\nPosted Marchember 40, 2025 11:09 am.\n\nBody.", 3, "cannot read the Posted time"),
    (b"date 2025-03-28 T\n\nPosted March 28, 2025 13:09 pm.\n\nBody.", 3, "impossible Posted time"),
    (b"date 2025-03-28 T\n\nBy X, Y\n", 3, "no body text"),
    (b"date 2025-03-28 T\n\n" + b"x" * (5 * 1024 * 1024 + 1), 1, "over the 5 MB limit"),
])
def test_bad_input_is_one_problem_with_file_and_line(data, line, words):
    with pytest.raises(RawError) as caught:
        story(data)
    problem = caught.value.problem
    assert problem.line == line and words in problem.message
    formatted = problem.format()
    assert formatted.startswith(f"content/raw/x.txt:{line}: ") and "\n" not in formatted


@pytest.mark.parametrize("first", [
    "By Friday, the government had tabled the bill, officials said.",
    "By the numbers",
    "Posted in the lobby, the sign said the office was closed.",
    "Last Updated maps show the fire moving east.",
])
def test_paragraphs_that_only_look_like_header_lines_stay_in_the_body(first):
    s = story(raw_article(byline=None, posted=None, body=[first, "Second paragraph."]))
    assert s.paragraphs == (first, "Second paragraph.")
    assert s.authors == () and s.source == ""


def test_staff_signature_and_trailing_period_are_credits():
    staff = story(raw_article(byline="By The Canadian Press", body=[
        "OTTAWA — Body.", "This report by The Canadian Press was first published March 28, 2025.",
        "The Canadian Press"]))
    assert staff.paragraphs == ("OTTAWA — Body.",) and len(staff.credits) == 2
    dotted = story(raw_article(byline="By Jane Doe and John Roe, The Associated Press",
                               body=["Body.", "Jane Doe and John Roe, The Associated Press."]))
    assert dotted.paragraphs == ("Body.",) and dotted.credits == ("Jane Doe and John Roe, The Associated Press.",)


def test_characters_xml_cannot_carry_are_removed():
    s = story(raw_article(title="T\ufffe\x01itle", body=["A\uffffB\x7fC\x9fD"]))
    assert s.title == "Title" and s.paragraphs == ("ABCD",)
