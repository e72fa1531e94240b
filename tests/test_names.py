"""Tags an editor would sign off on: names found the way an editor finds them, ranked by
salience, measured on the labelled set in tests/tag_corpus/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.config import load_config
from digest.ingest.classify import Classifier
from digest.ingest.names import find_names
from tests.conftest import SITE_YAML, raw_article, write_site
from tests.tag_quality import cross_validate, ingest_corpus, measure


def names(*paragraphs: str, language: str = "en", title: str = "") -> list[str]:
    return list(find_names(paragraphs, [], language, title))


@pytest.mark.parametrize("text, wanted, junk", [
    ("Senate Majority Leader John Thune said the vote failed.", "John Thune", "Senate Majority"),
    ("Emergency Preparedness Minister Eleanor Olszewski spoke.", "Eleanor Olszewski", "Emergency Preparedness"),
    ("Canadian Foreign Affairs Minister Anita Anand met them.", "Anita Anand", "Canadian Affairs"),
    ("A warning from Environment and Climate Change Canada came late.", "Environment and Climate Change Canada",
     "Climate Change Canada"),
    ("The agency, Public Health Ontario, said cases rose.", "Public Health Ontario", "Ontario"),
    ("Bank of Canada Governor Tiff Macklem spoke.", "Bank of Canada", "Bank of Canada Governor"),
    ("Sen. Thom Tillis of North Carolina voted no.", "Thom Tillis", "Thom Tillis of North Carolina"),
    ("Prices rose for North American automakers and Canadian AI firms.", None, "North American"),
    ("Supporters chanted “Vote Mercer” and « Canada Fort » outside.", None, "Vote Mercer"),
    ("One post read “<b>Vote Mercer</b> on April 28!” and another <i>Canada Fort</i>.", None, "Vote Mercer"),
    ("L'ancien gouverneur de la Banque du Canada Mark Carney a parlé.", "Mark Carney", "Banque du Canada Mark Carney"),
    ("Le Parti libéral du Canada a choisi son chef.", "Parti libéral du Canada", "Parti"),
])
def test_titles_bodies_adjectives_and_slogans(text, wanted, junk):
    found = names(text, language="fr" if "'" in text[:4] or text.startswith("Le ") else "en")
    if wanted:
        assert wanted in found, found
    assert junk not in found, found


def test_honorifics_and_surnames_count_toward_the_full_name():
    found = find_names(("Le premier ministre François Legault a parlé.", "M. Legault a ajouté que Legault partira.",
                        "Paul St-Pierre Plamondon a répliqué. St-Pierre Plamondon a dit non."), [], "fr")
    assert found["François Legault"] == 3 and found["Paul St-Pierre Plamondon"] == 2
    assert not {"M. Legault", "Legault", "St-Pierre Plamondon"} & set(found)


def test_one_word_organisations_need_evidence_a_common_word_cannot_give():
    found = names("Workers at Stellantis walked out. The union said Stellantis must talk.",
                  "Cohere raised money, and analysts said Cohere would grow.",
                  "Consumers paid more. Analysts said Consumers would pay again.")
    assert "Stellantis" in found and "Cohere" in found and "Consumers" not in found
    assert "Shopify" in names("Shares of Shopify Inc. rose after Shopify said sales grew.")
    assert "Shopify Inc" not in names("Shares of Shopify Inc. rose after Shopify said sales grew.")


def classifier(tmp_path: Path, extra: str = "") -> Classifier:
    return Classifier.from_config(load_config(write_site(tmp_path, {}, SITE_YAML + extra)))


def test_a_stations_name_is_a_tag_though_a_byline_may_name_one(tmp_path):
    paragraphs = ("Funding for Radio Free Europe and Radio Free Asia was cut on Friday, the U.S. Agency for Global Media "
                  "said.", "Radio Free Europe said it would appeal. Radio Free Asia said the same.")
    tags = classifier(tmp_path).tags("Broadcasters lose funding", paragraphs, [])
    assert "Radio Free Europe" in tags and "Radio Free Asia" in tags


def test_tags_rank_by_salience_not_by_the_vocabulary(tmp_path):
    c = classifier(tmp_path)
    paragraphs = ("KYIV, Ukraine — Volodymyr Zelenskyy said Friday that talks would resume.",
                  "Zelenskyy said Ukraine would not give up land. Zelenskyy spoke after Trump called.",
                  "Zelenskyy thanked European allies.")
    assert c.tags("Zelenskyy says talks will resume", paragraphs, ["KYIV, Ukraine"])[0] == "Volodymyr Zelenskyy"


def test_ignore_tags_bans_a_tag_from_ingest_and_from_tag_pages(tmp_path, run):
    root = write_site(tmp_path, {"content/raw/a.txt": raw_article(body=[
        "OTTAWA — Prime Minister Mark Carney met Jane Doe on Friday.", "Doe and Carney talked."])},
        SITE_YAML + "ignore_tags: [Jane Doe]\n")
    assert run("build", "--site", str(root))[0] == 0
    assert not (root / "output/tags/jane-doe").exists() and (root / "output/tags/mark-carney").exists()


def test_a_topic_needs_evidence_and_ties_are_not_broken_by_config_order(tmp_path):
    c = classifier(tmp_path)
    assert c.filing("Shutdown drags on", "Workers went unpaid. The health of talks is poor.") == ("general", False)
    assert c.filing("Tariffs rise", "Exports fell.") == ("trade", True)
    assert c.filing("Talks", "The election and tariffs.") == ("general", False)  # one word each: a tie


def test_editors_labels_are_met():
    """92 stories of every wire family, English and French, labelled by editors before the code
    read them (the last 30, `ho-*`, by an editor outside this team, in one session): precision
    and recall of the tags, no forbidden tag, topic accuracy (printed by `python3 -m tests.tag_quality`)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        quality = measure(ingest_corpus(Path(tmp)))
    assert quality.stories >= 90
    assert quality.precision >= 0.9, quality.misses
    assert quality.recall >= 0.9, quality.misses
    assert quality.forbidden == [], quality.forbidden
    assert quality.topic_accuracy >= 0.9, quality.misses


@pytest.mark.parametrize("corpus, stories, floors", [
    # 44 stories (every wire family, 20 in French). Measured before any rule changed for them:
    # precision 0.898, recall 0.753, 3 forbidden, topic 0.773
    ("tag_corpus_fresh", 44, (0.93, 0.87, 2, 0.77)),
    # 30 more (18 English, 12 French), a session later. Measured before any rule changed for
    # them: precision 0.933, recall 0.754, 5 forbidden (roles before names), topic 0.867
    ("tag_corpus_fresh2", 30, (0.945, 0.86, 1, 0.86)),
    # 30 more (18 English, 12 French, three per topic), by a third editor: first measured at
    # precision 0.875, recall 0.632, 8 forbidden (7 once a forbidden spelling of a required tag no
    # longer counted), topic 0.933; rules since came partly from its misses
    ("tag_corpus_fresh3", 30, (0.90, 0.74, 2, 0.93)),
    # 30 more by a fourth editor (10 of them pages saved from local outlets' sites: captions, decks,
    # bylines without `By`): first measured at precision 0.867, recall 0.665, 7 forbidden (bylines
    # and agencies the header missed), topic 0.933; the shapes read since, names unchanged
    ("tag_corpus_fresh4", 30, (0.92, 0.76, 0, 0.93)),
    # 30 more by a fifth (12 from outlets no other set used: Postmedia's papers, the Chronicle
    # Herald, CBC Manitoba, Le Soleil, Le Droit, La Tribune, Le Nouvelliste, L'Acadie Nouvelle,
    # Radio-Canada): first measured at precision 0.815, recall 0.689, 20 forbidden (bylines,
    # photographers and page lines of headers not read), topic 0.933; the shapes read since
    ("tag_corpus_fresh5", 30, (0.92, 0.75, 5, 0.93)),
    # 30 more by a sixth (12 from outlets no other set used: Nunatsiaq News, The Guardian, the
    # Telegraph-Journal, the London Free Press, The Province, CityNews, ICI Radio-Canada Saguenay and
    # Acadie, Le Journal de Montréal, Métro, L'actualité, Le Courrier de la Nouvelle-Écosse): first
    # measured at precision 0.855, recall 0.756, 11 forbidden (bylines and photographers of pages that
    # repeat their headline under a section's name), topic 0.933; the shapes read since
    ("tag_corpus_fresh6", 30, (0.91, 0.78, 0, 0.93)),
    # 30 more by a seventh, the same session (12 from outlets no other set used: The Hill Times, the
    # Halifax Examiner, the Yukon News, The Narwhal, CHCH, the Winnipeg Sun, Le Peuple Lévis, ONFR, Le
    # Franco, La Liberté, Noovo Info, L'Étoile du Lac; live updates, a Q&A): first measured at precision
    # 0.859, recall 0.761, 12 forbidden (the outlets' own names and their writers), topic 0.900
    ("tag_corpus_fresh7", 30, (0.93, 0.82, 0, 0.90)),
    # 30 more by an eighth, the same session: wire copy as syndication delivers it (slugs, agate, a
    # portal's and host papers' pages): first measured at precision 0.848, recall 0.695, 4 forbidden,
    # topic 0.867; long institutional names and lists of people still cost it recall
    ("tag_corpus_fresh8", 30, (0.85, 0.71, 2, 0.86)),
    # 30 more by a ninth, a session later: copy dense with names (council and legislature
    # reports, courts, firms with their analysts, agate, an obituary, briefs) and 8 outlets no
    # other set used (SooToday, Cabin Radio, the Grand Forks Herald, Le Voyageur, L'Action, La
    # Frontière, Le Moniteur acadien, L'Eau vive): first measured at precision 0.796, recall 0.609,
    # 14 forbidden, topic 0.800 (two pages' outlet and author unread; long names with `of`, `for
    # the` and commas cut short)
    ("tag_corpus_fresh9", 30, (0.84, 0.64, 9, 0.80)),
    # 30 more by a tenth, the same session after the ninth's rules: an ordinary week of a digest,
    # 7 outlets no other set used (CBC Newfoundland and Labrador, the Prince George Citizen, the
    # Brandon Sun, La Voix acadienne, L'Aurore boréale, Info Dimanche, ICI Mauricie): first measured
    # at precision 0.837, recall 0.710, 3 forbidden, topic 0.800 (what the rules give copy they never saw)
    ("tag_corpus_fresh10", 30, (0.85, 0.74, 3, 0.80)),
    # 24 more by an eleventh, a session later: a busy week's copy (an update through the day, a
    # publication ban, a budget roll call, an obituary, hockey agate, bank results with Reuters'
    # codes) from 7 outlets no other set used (the Brantford Expositor, Castanet, the Cape Breton
    # Post, the Red Deer Advocate, Le Placoteux, Le Madawaska, Le Gaboteur): first measured at
    # precision 0.870, recall 0.714, 5 forbidden, topic 0.875
    ("tag_corpus_fresh11", 24, (0.93, 0.76, 2, 0.87)),
    # 24 more by a twelfth, a session later: corrections and a clarification, a live blog of
    # by-election results, a column, a Q&A, a Reuters analysis, curling and slalom results, long
    # names listing their fields, from 7 outlets no other set used (VOCM, paNOW, The Eastern
    # Graphic, The Kingston Whig-Standard, Le Canada Français, L'Aquilon, Le Radar): first measured
    # at precision 0.864, recall 0.658, 5 forbidden, topic 0.750
    ("tag_corpus_fresh12", 24, (0.91, 0.72, 3, 0.75)),
    # 24 more by a thirteenth, the same session once the twelfth's rules were in: several bylines,
    # a tribute, courts with long names, firms with their suffixes and ampersands, results lists,
    # a factbox, from 7 outlets no other set used (OrilliaMatters, The Sarnia Observer, the
    # Estevan Mercury, the Campbell River Mirror, L'Œil Régional, L'Écho abitibien, Le Rempart):
    # first measured at precision 0.861, recall 0.768, 11 forbidden, topic 0.792
    ("tag_corpus_fresh13", 24, (0.93, 0.78, 1, 0.79)),
    # 12 more by a fourteenth, the same session: pages of the big outlets as a browser copies them
    # (The Globe and Mail, the Toronto Star, the National Post, Global News, CTV News, CBC News, the
    # Montreal Gazette, La Presse, Le Devoir, Radio-Canada, TVA Nouvelles, Le Journal de Montréal):
    # first measured at precision 0.852, recall 0.714, 6 forbidden, topic 0.917 (at the session's start);
    # its pages' front matter, labelled the next session (tests/wire_corpus/local/fresh14-*), brought the
    # rules for the pages' tails, captions and first names: 0.972, 0.805, 0, 0.917
    ("tag_corpus_fresh14", 12, (0.96, 0.80, 0, 0.91)),
    # 24 more by a fifteenth, a session later, with the front matter of each (tests/wire_corpus/*/fresh15-*):
    # Reuters' and AP's closing lines, corrections, a briefs roundup, an obituary, a publication ban, AP's
    # live updates, pages of 8 outlets no set used (The Tyee, APTN News, the Medicine Hat News, The Daily
    # Gleaner, NWT News/North, Le Manic, L'Express, Info07): first measured at precision 0.860,
    # recall 0.762, 6 forbidden, topic 0.750
    ("tag_corpus_fresh15", 24, (0.92, 0.80, 0, 0.75)),
    # 24 more by a sixteenth, a session later, with the front matter of each (tests/wire_corpus/*/fresh16-*):
    # a CP first take, AP's fact check, explainer and capitals byline with its beat, Reuters' `UPDATE 2-`,
    # a PC interview, pages of 8 outlets no set used (Wawatay News, The Ubyssey, The Western Producer, the
    # Rocky Mountain Outlook, the North Bay Nugget, Le Reflet du Lac, L'Info de la Lièvre, CIHO FM): first
    # measured at precision 0.842, recall 0.779, 8 forbidden, topic 0.750
    ("tag_corpus_fresh16", 24, (0.89, 0.79, 0, 0.75)),
    # 24 more by a seventeenth, the same session: Canada NewsWire's releases in English and French, a
    # police service's release, an op-ed, a Breakingviews column, AP's photo story, a CP NewsAlert and
    # a table, corrections at the end, pages of The Eastern Door, The Charlatan, L'Oie blanche and CFIM:
    # first measured at precision 0.832, recall 0.724, 15 forbidden, topic 0.917 (after the one fix
    # without which its ingest stopped: `Posted on <day> by <name>`)
    ("tag_corpus_fresh17", 24, (0.90, 0.72, 0, 0.91)),
    # 24 more by an eighteenth, a session later, with the front matter of each (tests/wire_corpus/*/fresh18-*):
    # corrections above the byline, at the end and Reuters' `(Corrects ...)`, lists (CP's highlights in `— `
    # paragraphs, AP's `Here's what to know:` and its questions, Reuters' `KEY POINTS`, a council's
    # decisions, five things to do), pages of TBNewsWatch, The Pointer, Daily Hive, The Coast, L'Avantage and
    # Le Charlevoisien: first measured at precision 0.919, recall 0.777, 3 forbidden, topic 0.750, its front
    # matter wrong on 9 of 24 stories
    ("tag_corpus_fresh18", 24, (0.95, 0.79, 0, 0.75)),
    # 24 more by a nineteenth, the same session: obituaries, a publication ban, agate and summaries, an
    # `URGENT` first take and its update, `Erratum`, numbered lists, AP's `AP EXPLAINS` and breaking
    # update, Reuters' `EXCLUSIVE-`, `ANALYSIS-`, markets tables and a factbox, pages of the Cochrane Eagle,
    # NTV News, Sudbury.com, the Wellington Advertiser, L'Aviron and Le Goût de vivre: first measured at
    # precision 0.886, recall 0.757, 7 forbidden, topic 0.875, its front matter wrong on 10 of 24 stories
    ("tag_corpus_fresh19", 24, (0.96, 0.80, 0, 0.87)),
    # 24 more by a twentieth, a session later: CP's `Advisory:` and health partnership line, a `— ` list in
    # one block, PC's `Note aux rédactions :` and `Précision :`, AP's live updates and `FILE -` captions,
    # Reuters' `UPDATE 1-`, `WRAPUP 1-` and `UPDATE 2-`, pages of the Whitehorse Star, iNFOnews.ca,
    # Ku'ku'kwes News, EnBeauce.com, Le Nord and Radio Gaspésie: first measured at precision 0.883, recall
    # 0.761, 6 forbidden, topic 0.917, its front matter wrong on 9 of 24 stories
    ("tag_corpus_fresh20", 24, (0.94, 0.82, 0, 0.91)),
    # 24 more by a twenty-first, a session later: CP's `Eds:` advisory, an embargo line and a slash byline, PC's
    # `Correction :`, `Mise à jour :` and health partnership line, AP's `BREAKING:`, `What to know` box and
    # sentence-case `Corrects ...`, Reuters' `REFILE-`, `EXPLAINER-` and a gallery caption with its licensing
    # link, pages of TimminsToday (a reader poll), The Western Star, the Lethbridge Herald (`18th`),
    # L'Avenir de l'Érable (`il y a 3 heures`), Courrier Laval and Le Guide: first measured at precision
    # 0.852, recall 0.783, 10 forbidden, topic 0.875, its front matter wrong on 8 of 24 stories
    ("tag_corpus_fresh21", 24, (0.95, 0.88, 1, 0.87)),
    # 24 more by a twenty-second, the same session: Christmas week's copy (CP's `Here's a look at` list with
    # capitals leads, PC's `EN CHIFFRES`, AP's year in review and support lines, Reuters' `TIMELINE-`), pages of
    # Nunavut News, the Journal Pioneer (an obituary notice), the Battlefords News-Optimist (a box score and an
    # author box), Nunavoix, La Source and Radio Taïga: first its ingest stopped on Radio Taïga's `HNR`;
    # then measured at precision 0.822, recall 0.785, 17 forbidden, topic 0.958, its front matter wrong
    # on 14 of 24 stories
    ("tag_corpus_fresh22", 24, (0.91, 0.81, 3, 0.95)),
    # 24 more by a twenty-third, a session later: New Year's week (stamps crossing the year, CP's fellowship
    # line, AP's Report for America, Reuters' `RPT-` and `CANADA FX DEBT-`, PC's `CORRECTIF :` after the
    # trailer), pages of The Klondike Sun (a comment thread), the West Prince Graphic (a paywall), the Inuvik
    # Drum (a weather box), Le Trait d'Union du Nord (`Texte et photos :`), Envol 91 FM and La Sentinelle:
    # first measured at precision 0.916, recall 0.784, 7 forbidden, topic 0.875, its front matter wrong on
    # 11 of 24 stories
    ("tag_corpus_fresh23", 24, (0.97, 0.86, 0, 0.87)),
    # 24 more by a twenty-fourth, the same session: Epiphany week (two reporters of two outlets, CP's partnership
    # line, AP's `Technology Writers`, Reuters' `COLUMN-` with its opinions line and ROI pitch, PC's `Avec
    # l'Agence France-Presse`), pages of the Dauphin Herald, the Haida Gwaii Observer (a physician's column,
    # `Special to the Observer`), The Inverness Oran (a court docket), Le Carillon (a newsletter form in the
    # story), CJSE 89,5 FM and Le Citoyen: first measured at precision 0.864, recall 0.820, 15 forbidden,
    # topic 0.958, its front matter wrong on 12 of 24 stories
    ("tag_corpus_fresh24", 24, (0.91, 0.83, 5, 0.95)),
])
def test_editors_labels_on_stories_written_after_the_rules(corpus, stories, floors):
    """Stories editors wrote and labelled after the rules above, without seeing the code: what
    a curator's own copy may expect. Recall is below the labelled set's: editors require about
    six names and nine slots fill with the story's other actors. The floors hold what each
    measures now."""
    import tempfile

    folder = Path(__file__).parent / corpus
    with tempfile.TemporaryDirectory() as tmp:
        quality = measure(ingest_corpus(Path(tmp), folder), folder)
    print(f"\n{corpus}: " + quality.summary())
    precision, recall, forbidden, topics = floors
    assert quality.stories == stories
    assert quality.precision >= precision, quality.misses
    assert quality.recall >= recall, quality.misses
    assert len(quality.forbidden) <= forbidden, quality.forbidden
    assert quality.topic_accuracy >= topics, quality.misses


def test_a_model_learns_the_curators_filing_and_is_kept_as_data_only(tmp_path):
    from digest.ingest.learn import TopicModel, site_model

    examples = [("sports", f"Oilers beat Flames {i} as McDavid scores twice in overtime") for i in range(60)]
    examples += [("health", f"Clinic wait lists grow {i} as nurses leave the province") for i in range(60)]
    model = TopicModel.train(examples)
    assert model.ready and max(model.probabilities("McDavid scores again").items(), key=lambda kv: kv[1])[0] == "sports"
    text = model.to_json("abc", 1000)
    assert TopicModel.from_json(text, "abc") == model
    assert TopicModel.from_json(text, "other", 1050) == model  # a day's new stories: still good enough
    assert TopicModel.from_json(text, "other", 1200) is None  # a fifth more stories: trained again
    good = json.loads(text)
    for hostile in ["", "[]", "\x80\x04\x95 pickle bytes", *(json.dumps({**good, **change}) for change in (
            {"version": 1}, {"words": {"x": ["1", 0.5, 0.5]}}, {"words": {"x": [1.0, 0.5]}},
            {"words": {"x": [1.0, 1e300, 0.5]}}, {"words": {"x": [-1.0, 0.5, 0.5]}}, {"intercepts": [0.1]},
            {"topics": ["health", "health"]}, {"topics": ["health", "nobody"]}, {"stories": {"health": 0, "sports": 1}},
            {"fingerprint": "other", "files": 10 ** 400}))]:
        assert TopicModel.from_json(hostile, "abc") is None, hostile
    articles = tmp_path / "content/articles"
    articles.mkdir(parents=True)
    files = []
    for i, (topic, text) in enumerate(examples):
        path = articles / f"{i}.md"
        path.write_text(f'---\ntitle: "{text}"\ntopic: {topic}\n---\n\n{text}.\n', encoding="utf-8")
        files.append((str(path), path.stat().st_size, path.stat().st_mtime_ns))
    state = tmp_path / ".digest"
    learned = site_model(articles, state, {"sports", "health"}, "general", files)
    assert learned is not None and (state / "topic-model.json").is_file()
    (state / "topic-model.json").write_text("not json", encoding="utf-8")  # corrupt: ignored, trained again
    assert site_model(articles, state, {"sports", "health"}, "general", files) == learned


def test_a_model_trained_on_the_curators_filing_files_better_than_the_keywords_alone(tmp_path):
    """228 stories filed by editors (the tag set, the story-grouping set and the sample digest,
    topics labelled from the copy alone), 5 folds by event: a model trained on four folds
    votes with the keywords on the fifth (printed by `python3 -m tests.tag_quality`)."""
    learning = cross_validate(tmp_path)
    assert learning.stories >= 220
    # 0.912 is measured (0.864 by the keywords alone): the floors guard what is reached, and
    # that the model's votes add to the keywords
    assert learning.learned >= 0.9, learning
    assert learning.learned >= learning.keywords + 0.04, learning


def test_a_keyword_the_copys_language_means_otherwise_is_no_evidence(tmp_path):
    """`premier` (politics) is "first" in French copy: le premier pape, la première fois."""
    c = classifier(tmp_path)
    title, body = "Le premier pape américain", "Le premier pape venu des Amériques. Un premier voyage."
    assert c.filing(title, body, "fr") == ("general", False)
    assert c.filing("The premier speaks", "The premier said the premier would act.", "en")[0] == "politics"
    assert c.filing(title, body, "en")[0] == "politics"  # as English: the premier, as listed
    assert c.filing(title, body, "fr-CA") == ("general", False)
    # a French site's keywords are French: its `location` (rental) counts in French copy
    french = Classifier.from_config(load_config(write_site(tmp_path / "fr", {}, SITE_YAML.replace(
        "default_topic:", "  housing: {title: Logement, keywords: [location, bail]}\ndefault_topic:") + "language: fr\n")))
    assert french.language == "fr"
    assert french.filing("Location : ce que dit le bail", "Le bail et la location.", "fr") == ("housing", True)


def test_the_model_learns_from_the_newest_stories(tmp_path, monkeypatch):
    from digest.ingest import learn

    monkeypatch.setattr(learn, "MAX_EXAMPLES", 120)
    articles = tmp_path / "content/articles"
    files = []
    stories = [("sports", f"Oilers beat Flames {i} as McDavid scores") for i in range(150)]
    stories += [(topic, f"{text} {i}") for i in range(60) for topic, text in
                (("health", "Clinic wait lists grow as nurses leave"), ("trade", "Steel makers plan mills"))]
    for n, (topic, text) in enumerate(stories):
        path = articles / f"2025/{1 + n // 28:02d}/{1 + n % 28:02d}-s{n}.md"  # by path is by date
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{text}"\ntopic: {topic}\n---\n\n{text}.\n', encoding="utf-8")
        files.append((str(path), path.stat().st_size, path.stat().st_mtime_ns))
    model = learn.site_model(articles, tmp_path / ".digest", {"sports", "health", "trade"}, "general", files)
    assert model is not None and model.topics == ("health", "trade") and "sports" not in model.stories


def test_the_default_topic_gets_no_vote_and_a_model_of_nothing_shared_is_no_model(tmp_path):
    from digest.ingest.learn import TopicModel

    model = TopicModel.train([("general", f"Giraffe calf born at the zoo, visitor {i}") for i in range(80)]
                             + [("trade", f"Steel makers plan mills round {i}") for i in range(30)])
    assert model.probabilities("Giraffe calf at the zoo")["general"] > 0.9
    learned = Classifier.from_config(load_config(write_site(tmp_path, {}, SITE_YAML)), model)
    assert learned.filing("Tariffs on exports", "A giraffe calf at the zoo.") == ("trade", True)
    assert learned.filing("Giraffe calf", "A giraffe calf at the zoo.") == ("general", False)
    assert not TopicModel.train([("trade", f"{i} 東京") for i in range(60)] + [("sports", f"{i}") for i in range(60)]).ready


def test_the_model_votes_with_the_keywords(tmp_path):
    from digest.ingest.learn import TopicModel

    model = TopicModel.train([("trade", f"Steel makers plan mills round {i}") for i in range(60)]
                             + [("politics", f"Riding nomination contest night {i}") for i in range(60)])
    c = classifier(tmp_path)
    body = "Steel makers and their mills, and tariffs. The election was far away."
    assert c.filing("Mills", body) == ("general", False)  # one keyword each: a tie the keywords cannot break
    assert Classifier.from_config(load_config(tmp_path), model).filing("Mills", body)[0] == "trade"


@pytest.mark.parametrize("text, wanted, junk", [
    # a body goes on through `for` and `on` and a portfolio's `and`
    ("The Centre for Addiction and Mental Health said wait times grew.", "Centre for Addiction and Mental Health",
     "Mental Health"),
    ("Officials at Natural Resources Canada and Environment and Climate Change Canada agreed.",
     "Natural Resources Canada", "Climate Change Canada"),
    # a province's health authority is a body, not the province
    ("Nova Scotia Health closed two emergency rooms.", "Nova Scotia Health", "Nova Scotia"),
    # a riding's name keeps its dash
    ("Voters in Battle River—Crowfoot went to the polls.", "Battle River—Crowfoot", "Battle River"),
    # a quoted nickname is no part of the name
    ("Stephen “Steve” Harper spoke first.", "Stephen Harper", "Steve"),
    # a word that only ever qualifies the same noun names no one
    ("Lyme disease is spreading. Cases of Lyme disease rose.", None, "Lyme"),
    # a town's government is a body, not the town alone
    ("The City of Ottawa opened cooling centres on Monday.", "City of Ottawa", "Ottawa"),
    ("The order came from the Municipality of the County of Annapolis on Friday.",
     "Municipality of the County of Annapolis", "County of Annapolis"),
    ("The Rural Municipality of Portage la Prairie approved it.", "Rural Municipality of Portage la Prairie",
     "Portage la Prairie"),
    # a firm's name goes on through `&`; a place's through a title word; a name opens with its number
    ("Lakehead Wire & Cable Ltd. said it would cut 80 jobs.", "Lakehead Wire & Cable", "Lakehead Wire"),
    ("Pharmacists in Prince Edward Island said the plan works.", "Prince Edward Island", "Edward Island"),
    ("He took money from members of Six Nations of the Grand River.", "Six Nations of the Grand River",
     "Nations of the Grand River"),
    ("Officials in Canada & Mexico agreed on Monday.", "Mexico", "Canada & Mexico"),
    ("City of Toronto Mayor Olivia Chow said the budget is balanced.", "Olivia Chow", "City of Toronto Mayor Olivia Chow"),
    ("The County of Annapolis Warden Diane LeBlanc spoke.", "Diane LeBlanc", "County of Annapolis Warden Diane LeBlanc"),
    ("The Food and Drug Administration ordered a recall. It said food was safe.", "Food and Drug Administration",
     "Drug Administration"),
    # a body's fields, however rare the words (a field of study) or many (common words), before its head
    ("The Philippine Institute of Volcanology and Seismology said the quake struck at sea.",
     "Philippine Institute of Volcanology and Seismology", "Philippine Institute of Volcanology"),
    ("The National Disaster Risk Reduction and Management Council said 12 people died.",
     "National Disaster Risk Reduction and Management Council", "Management Council"),
    # `U.S.` before a body is the country's, a title before a person only
    ("The U.S. Geological Survey measured it at magnitude 7.1.", "U.S. Geological Survey", "Geological Survey"),
    ("U.S. Steel said it would idle the mill.", "U.S. Steel", "Steel"),
    ("U.S. President Donald Trump said so.", "Donald Trump", "U.S. President Donald Trump"),
    # a body named short by some of its words and its head is that body
    ("Police, transit and a new roof for the Wayne Gretzky Sports Centre drive the increase. \"Not by leaving "
     "a hole in the roof of the Gretzky Centre,\" the mayor said. The roof at the Wayne Gretzky Sports Centre leaks.",
     "Wayne Gretzky Sports Centre", "Gretzky Centre"),
])
def test_bodies_ridings_nicknames_and_qualifiers(text, wanted, junk):
    found = names(text)
    if wanted:
        assert wanted in found, found
    assert junk not in found, found


def test_an_outlet_named_by_its_city_is_no_tag_by_the_rest_of_its_name():
    paragraphs = ("WINNIPEG — Patients waited 31 hours, according to figures obtained by the Free Press.",
                  "The Free Press asked the Health Sciences Centre why.")
    assert "Free Press" in find_names(paragraphs, [], "en")
    found = find_names(paragraphs, ["Maggie Friesen", "Winnipeg Free Press"], "en")
    assert "Free Press" not in found and "Health Sciences Centre" in found
    # one word is no outlet's name of itself: the Toronto Sun's `Sun` may be a surname
    found = find_names(("Toronto police Const. Jenny Sun said so.", "Sun said more."), ["Toronto Sun"], "en")
    assert found["Jenny Sun"] == 2


def test_crafted_lists_and_tickers_cannot_stall_ingest():
    import time

    started = time.perf_counter()
    find_names(("Shares (TSX:" + "ABCDEF:" * 40 + "x rose.", ", ".join(["Jobs Growth"] * 5000) + " and Trade Minister J."),
               [], "en")
    assert time.perf_counter() - started < 1


def test_a_surname_two_people_share_tags_neither_by_it():
    found = find_names(("Marie Gagnon and Paul Gagnon disagreed.", "Gagnon said no. Gagnon said yes."), [], "en")
    assert found["Marie Gagnon"] == 1 and found["Paul Gagnon"] == 1 and "Gagnon" not in found


def test_a_dateline_is_excluded_as_written_and_the_place_in_the_story_is_not():
    found = find_names(("MONCTON, N.B. — The Moncton council met in Moncton on Friday.",
                        "Moncton officials said Moncton would pay."), ["MONCTON, N.B."], "en")
    assert "Moncton" in found and "MONCTON" not in found
    # AP's dateline names its state in mixed case: the city in the story is still a name
    found = find_names(("TOLEDO, Ohio (AP) — Smoke rose over Toledo's east side on Tuesday.",
                        "Crews from Toledo and Oregon fought the fire."), ["TOLEDO, Ohio"], "en")
    assert "Toledo" in found and "TOLEDO" not in found


def test_the_datelines_place_named_on_its_own_in_the_story_is_a_tag():
    """The dateline says the word is a place: a city named once, or named after the body that
    bears its name, is a tag (it was no name at all: a word as common as `Toledo`, named
    once, or taken for the surname of `Action Gatineau`)."""
    found = find_names(("GATINEAU — Le conseil municipal de Gatineau a voté mardi.",
                        "« Ce soir, Gatineau a choisi », a dit la mairesse. Les élus d'Action Gatineau ont voté pour."),
                       ["GATINEAU"], "fr", "Le conseil de Gatineau dit oui", "GATINEAU")
    assert "Gatineau" in found and "Action Gatineau" in found and "GATINEAU" not in found
    assert found["Action Gatineau"] == 1  # the city's mentions are the city's, not the party's
    found = find_names(("TOLEDO, Ohio (AP) — Smoke rose over Toledo's east side on Tuesday.",), ["TOLEDO, Ohio"],
                       "en", "Chemical fire forces evacuations", "TOLEDO, Ohio")
    assert "Toledo" in found
    # in the headline only; a place of more than one word, as the story writes it
    assert "Nairobi" in find_names(("NAIROBI, June 24 (Reuters) - Lawmakers passed the bill.",), ["NAIROBI"], "en",
                                   "Police fire tear gas at protesters in Nairobi", "NAIROBI")
    assert "La Ronge" in find_names(("LA RONGE, Sask. — About 5,000 people were ordered out of La Ronge.",),
                                    ["LA RONGE, Sask."], "en", "", "LA RONGE, Sask.")


def test_the_datelines_place_opening_the_copy_is_counted_without_a_headline():
    assert find_names(("Ottawa council voted.",), ["OTTAWA"], "en", "", "OTTAWA") == {"Ottawa": 0.5}


def test_the_datelines_place_inside_a_longer_name_or_a_word_or_as_its_team_is_no_tag():
    def found(*paragraphs: str, dateline: str, title: str = "") -> dict[str, float]:
        return find_names(paragraphs, [dateline], "en", title, dateline)

    assert "Toronto" not in found("TORONTO — Norvane, a Toronto-based chipmaker, spun out of the University of Toronto.",
                                  dateline="TORONTO")
    assert "Toledo" not in found("TOLEDO, Ohio (AP) — Toledo Fire Chief Antoine Becker spoke.", dateline="TOLEDO, Ohio")
    # in a game story the city alone is its team: `for Edmonton` is the Oilers
    assert "Edmonton" not in found("EDMONTON (AP) — The Edmonton Oilers beat the Seattle Kraken.",
                                   "Zach Hyman added a goal for Edmonton.", dateline="EDMONTON")
    # ... but a story set in the city, its team named in passing, names the city: `a fire hall in Kamloops`
    assert "Kamloops" in found("KAMLOOPS - The Kamloops Food Bank expects a record year.",
                               "The Kamloops Blazers will collect food at their game.",
                               "Donations can be dropped off at any fire hall in Kamloops.", dateline="KAMLOOPS")
    # where it happens comes after who acts in it
    ranked = list(found("SHERBROOKE — Jane Doe of Sherbrooke opened the clinic.", "Jane Doe said it was full.",
                        dateline="SHERBROOKE"))
    assert ranked == ["Jane Doe", "Sherbrooke"]


def test_a_country_is_a_place_however_common_its_word_and_places_weigh_less_than_actors():
    found = find_names(("Exports to China fell, officials in Ottawa said.",
                        "Jane Doe of the agency said Jane Doe would go to China."), [], "en")
    assert "China" in found
    # `in Ottawa`: where it happens weighs half a mention of who acts
    assert names("Jane Doe spoke in Ottawa. Jane Doe left.")[0] == "Jane Doe"
    assert find_names(("The meeting in Ottawa ended. Officials said Ottawa would pay.",), [], "en")["Ottawa"] == 1.5


def test_spellings_of_one_name_are_one_tag():
    found = find_names(("Officials said Quebec would pay and Quebec would lend.", "Investissement Québec will run it."), [], "en",
                       "Québec annonce un fonds")
    assert "Quebec" in found and "Québec" not in found


def test_the_sites_own_country_gives_way_to_the_storys_actors_unless_the_headline_names_it(tmp_path):
    c = classifier(tmp_path)  # a site in Toronto: Canada is where nearly every story happens
    paragraphs = ("OTTAWA — Canada will tighten pharmacy rules, Health Minister Marjorie Michel said Tuesday.",
                  "The Canadian Pharmacists Association said Canada needs more inspectors. Canada imports most drugs.",
                  "Michel said Health Canada would hire 40 people. The Canadian Pharmacists Association agreed.",
                  "The Canadian Pharmacists Association will train them.")  # as often as Canada
    tags = c.tags("Ottawa tightens pharmacy rules", paragraphs, ["OTTAWA"])
    assert tags.index("Canada") > tags.index("Canadian Pharmacists Association"), tags
    tags = c.tags("Canada tightens pharmacy rules", paragraphs, ["OTTAWA"])
    assert tags[0] == "Canada", tags
    tags = c.tags("Health Canada tightens pharmacy rules", paragraphs, ["OTTAWA"])  # Canada only inside a name
    assert tags.index("Canada") > tags.index("Canadian Pharmacists Association"), tags


def test_a_subhead_in_capitals_names_nothing():
    found = find_names(("EN BREF", "Le projet, piloté par la Société de transport de l'Outaouais (STO), prévoit une "
                        "ligne de tramway entre l'ouest d'Aylmer, le secteur Hull et le centre-ville d'Ottawa. Son coût "
                        "est financé en grande partie par Québec et Ottawa.", "CE QUE PRÉVOIT LE PLAN"), [], "fr")
    assert not {"BREF", "PRÉVOIT", "PLAN"} & set(found) and "Société de transport de l'Outaouais" in found, found


def test_a_team_named_short_counts_for_its_full_name():
    found = find_names(("The Edmonton Oilers beat the Kraken. Fans cheered the Oilers as the Oilers scored twice.",),
                       [], "en")
    assert "Oilers" not in found and found["Edmonton Oilers"] == 3
    # a singular name after its city's, and an adjective of place however irregular
    found = find_names(("The Ottawa Charge beat the Montreal Victoire. Poulin scored the Victoire's only goal, "
                        "and Victoire coach Kori Cheverie praised her. The Turkish president watched.",), [], "en")
    assert "Victoire" not in found and found["Montreal Victoire"] == 3 and "Turkish" not in found, found
    # a team's name cut short, its start or its end
    found = find_names(("The Toronto Argonauts beat the Saskatchewan Roughriders. The Argos led early; the Riders "
                        "came back, but the Argos held on.",), [], "en")
    assert not {"Argos", "Riders"} & set(found) and found["Toronto Argonauts"] == 3, found


@pytest.mark.parametrize("text, language, wanted, junk", [
    # a name given with its acronym is one name, whatever its case; the acronym counts for it
    ("Le Parti québécois (PQ) mène devant la Coalition avenir Québec (CAQ). Le PQ gagne des appuis.", "fr",
     ["Parti québécois", "Coalition avenir Québec"], ["PQ", "CAQ", "Parti"]),
    ("L'Unité permanente anticorruption (UPAC) a arrêté trois hommes. L'UPAC enquête depuis 2024.", "fr",
     ["Unité permanente anticorruption"], ["UPAC", "L'UPAC"]),
    ("The U.S. Food and Drug Administration (FDA) approved the pill. The FDA said it was safe.", "en",
     ["Food and Drug Administration"], ["FDA", "Drug Administration"]),
    ("The National Oceanic and Atmospheric Administration on Monday said so.", "en",
     ["National Oceanic and Atmospheric Administration"], ["National Oceanic", "Atmospheric Administration"]),
    # an index is named with its number or its partner, never by the acronym alone
    ("The S&P 500 fell 4% and the S&P/TSX composite index lost 3%.", "en", [], ["S&P"]),
    # what a person is, said before their name, is no part of it
    ("Meteorologist Armel Castellan said more rain would fall.", "en", ["Armel Castellan"],
     ["Meteorologist Armel Castellan"]),
    ("Elle a battu la Japonaise Naomi Osaka en finale.", "fr", ["Naomi Osaka"], ["Japonaise Naomi Osaka"]),
    ("L'avocat de Construction Valmont a refusé de commenter.", "fr", ["Construction Valmont"],
     ["L'avocat de Construction Valmont"]),
    # a country's adjective is no name, the listed ones or not; a compass word may start one
    ("Indonesian President Prabowo Subianto met Brazilian officials.", "en", ["Prabowo Subianto"],
     ["Indonesian", "Brazilian"]),
    ("West Fraser Timber Co. Ltd. cut shifts, and the Ukrainian Canadian Congress objected.", "en",
     ["West Fraser Timber", "Ukrainian Canadian Congress"], ["Fraser Timber", "Canadian Congress"]),
    ("Icebergs drift past Nova Scotia and Newfoundland and Labrador every spring.", "en",
     ["Nova Scotia", "Newfoundland and Labrador"], ["Newfoundland", "Labrador"]),
    # what only looks like those: words capitalised because they open a sentence, a name's own
    # first word, a surname that is a role, the sentence before a definition
    ("Artificial intelligence (AI) is growing. Intelligence artificielle (IA) : le débat.", "en", [],
     ["Artificial intelligence", "Intelligence artificielle"]),
    ("Christ Church Cathedral hosted it. A gift to la Fondation Jean Lapointe.", "en",
     ["Christ Church Cathedral", "Fondation Jean Lapointe"], ["Church Cathedral", "Jean Lapointe"]),
    ("John Constable painted it, and the Canada Forward party liked it.", "en", ["John Constable", "Canada Forward"],
     []),
    ("The premier thanked Mark Carney. Canada Revenue Agency (CRA) officials said so.", "en",
     ["Mark Carney", "Canada Revenue Agency"], ["CRA"]),
])
def test_acronyms_indexes_descriptions_and_adjectives_of_place(text, language, wanted, junk):
    found = names(text, language=language)
    assert set(wanted) <= set(found), found
    assert not set(junk) & set(found), found


@pytest.mark.parametrize("text, language, wanted, junk", [
    # an acronym that spells all of a name the story gives, or all but one of its words, is that name
    ("The Department of Health and Human Services said so. HHS did not say how.", "en",
     {"Department of Health and Human Services": 2}, ["HHS"]),
    ("The Centers for Disease Control and Prevention agreed. CDC staff left.", "en",
     {"Centers for Disease Control and Prevention": 2}, ["CDC"]),
    # ... but not a longer body that only starts with it
    ("The NHL and the National Hockey League Players' Association disagreed.", "en",
     {"NHL": 1, "National Hockey League Players' Association": 1}, []),  # (its apostrophe as written)
    # a possessive ends a name, plural or singular, unless a company is named for someone
    ("Fans celebrated the Saskatchewan Roughriders' Grey Cup victory.", "en",
     {"Saskatchewan Roughriders": 1, "Grey Cup": 1}, ["Saskatchewan Roughriders Grey Cup"]),
    ("Founded in 1670, Hudson's Bay Company grew. No Hudson's Bay store is open.", "en",
     {"Hudson's Bay Company": 2}, ["Hudson", "Bay Company"]),
    ("Trump's Justice Department said so.", "en", {"Justice Department": 1}, ["Trump's Justice Department"]),
    # a regnal name keeps its title; a plant is no person whose first name is its town
    ("Pope Leo XIV said mass and King Charles III listened.", "en", {"Pope Leo XIV": 1, "King Charles III": 1},
     ["Leo XIV"]),
    ("Workers at the Brampton Assembly Plant left. Brampton workers said Brampton was betrayed.", "en",
     {"Brampton Assembly Plant": 1, "Brampton": 2}, []),
    # an association of a common plural keeps its possessive's word; an owner's possessive is no part of a name
    ("The Canadian Pharmacists' Association warned.", "en", {"Canadian Pharmacists' Association": 1},
     ["Canadian Pharmacists"]),
    ("Musk's Boring Company dug a tunnel. Musk said so.", "en", {"Boring Company": 1}, ["Musk's Boring Company"]),
    ("Loblaw's Shoppers Drug Mart Inc. said so. Loblaw agreed.", "en", {"Loblaw": 2, "Shoppers Drug Mart": 1}, []),
    # acronyms of two letters stand for too many names; a name's first word is no head to drop
    ("Royal Bank of Canada economists warned. The BC government disagreed.", "en", {"Royal Bank of Canada": 1}, []),
    ("Canadian Imperial Bank of Commerce profits rose. The IBC agreed.", "en",
     {"Canadian Imperial Bank of Commerce": 1, "IBC": 1}, []),
    # a House leader is a title, not Government House; the White House is a body; a plant may be a surname
    ("Government House Leader Steven MacKinnon said so.", "en", {"Steven MacKinnon": 1}, ["Government House"]),
    ("White House Chief of Staff Susie Wiles said so.", "en", {"White House": 1, "Susie Wiles": 1}, []),
    ("Robert Plant sang. Plant said so. Plant later left.", "en", {"Robert Plant": 3}, []),
    ("Pope Leo XIV said mass. The pope spoke.", "en", {"Pope Leo XIV": 1}, ["Leo XIV"]),
    ("La Fédération luxembourgeoise a réagi, et la Banque chinoise aussi.", "fr",
     {"Fédération luxembourgeoise": 1, "Banque chinoise": 1}, []),
    # French bodies named with lowercase words after `de`, and their heads
    ("Selon l'Institut national de la recherche scientifique, oui. Les Producteurs laitiers du Canada "
     "rappellent que l'Administration portuaire de Montréal a parlé.", "fr",
     {"Institut national de la recherche scientifique": 1, "Producteurs laitiers du Canada": 1,
      "Administration portuaire de Montréal": 1}, ["Institut"]),
    # a party's name before its leader's title is a name; its head alone counts for it; other
    # words before a title are the title's, an `and` ends a name, a head shared is no one's
    ("Bloc Québécois Leader Yves-François Blanchet said the Bloc would vote no. The Bloc has 32 seats.", "en",
     {"Bloc Québécois": 3, "Yves-François Blanchet": 1}, ["Bloc", "Bloc Québécois Leader"]),
    ("Le Bloc québécois votera contre, a dit Yves-François Blanchet. Le chef du Bloc a insisté.", "fr",
     {"Bloc québécois": 2, "Yves-François Blanchet": 1}, ["Bloc"]),
    ("Parti Québécois Leader Paul St-Pierre Plamondon spoke.", "en",
     {"Parti Québécois": 1, "Paul St-Pierre Plamondon": 1}, []),
    ("Union Home Minister Amit Shah said so. Council Budget Chief Shelley Carroll agreed.", "en",
     {"Amit Shah": 1, "Shelley Carroll": 1}, ["Union Home", "Council Budget"]),
    ("The Council of Canadians and Chair Maude Barlow said no.", "en", {"Maude Barlow": 1},
     ["Council of Canadians and"]),
    ("The Board of Trade said so. The Toronto Police Services Board met; the Board approved it.", "en",
     {"Board of Trade": 1, "Toronto Police Services Board": 1}, []),
    # an acronym's initials one per word before letters inside a word
    ("Council voted more support for the Toronto Transit Commission (TTC), an increase.", "en",
     {"Toronto Transit Commission": 1}, ["Transit Commission"]),
    # an institution named for someone the story never names alone keeps its possessive; an owner's does not
    ("The Alzheimer's Association said so. It helps people with Alzheimer's disease.", "en",
     {"Alzheimer's Association": 2}, ["Alzheimer"]),
    ("Doctors at St. Michael's Hospital and Queen's University agreed. Elon Musk's Department of "
     "Government Efficiency did not, and Ontario's Ministry of Health said no.", "en",
     {"St. Michael's Hospital": 1, "Queen's University": 1, "Elon Musk": 1, "Department of Government Efficiency": 1,
      "Ministry of Health": 1}, ["Elon Musk's Department of Government Efficiency", "Ontario's Ministry of Health"]),
    ("President Donald Trump's tariffs hit steel. Trump's Canada tariffs took effect. Ford’s Ministry of "
     "Health said so, and Carney's Office agreed.", "en", {}, ["Trump's Canada", "Ford’s Ministry of Health",
                                                              "Carney's Office"]),
    # a French body's field in lowercase, its head alone counting for it; a head no body of the
    # story opens with is no name; the plural of an agreeing adjective ends a name
    ("Hydro-Québec a déposé devant la Régie de l'énergie une demande. La Régie de l'énergie est un tribunal. "
     "La Banque achète du temps, dit-il. « La Régie doit trancher », a ajouté la Régie, puis la Banque.", "fr",
     {"Régie de l'énergie": 4}, ["Régie", "Banque"]),
    ("Le Canada a annoncé au Conseil de sécurité des Nations unies que la GRC irait en Haïti.", "fr",
     {"Conseil de sécurité des Nations unies": 1}, ["Conseil de sécurité des Nations"]),
    ("Le Service de police de l'agglomération de Longueuil (SPAL) enquête. Le Service de police de la Ville "
     "de Montréal a aidé.", "fr", {"Service de police de l'agglomération de Longueuil": 1,
                                   "Service de police de la Ville de Montréal": 1}, ["SPAL"]),
    # a verb after a body's head is no field of it (an infinitive takes no article); a short
    # form is the one longer body it opens; generic bodies are no names
    ("La Banque du Canada a maintenu son taux. La décision de la Banque de maintenir son taux. Les avocats ont "
     "demandé à la Cour de surseoir, et l'UMQ demande à la Régie de la rejeter.", "fr",
     {"Banque du Canada": 2}, ["Banque de maintenir", "Cour de surseoir", "Régie de la rejeter", "Banque"]),
    ("La Cour d'appel du Québec a entendu la cause. La Cour d'appel a rejeté l'appel. Le Conseil "
     "d'administration a approuvé la nomination, a dit le président du Conseil, Marc Dubé.", "fr",
     {"Cour d'appel du Québec": 2, "Marc Dubé": 1}, ["Cour d'appel", "Conseil d'administration"]),
    # a head alone counts for no body when two hold it; the Bloc is a party's everyday name
    ("The Canadian Union of Public Employees said the European Union deal hurts workers. The Union said it "
     "would fight.", "en", {"Canadian Union of Public Employees": 1, "European Union": 1}, ["Union"]),
    ("Bloc Leader Yves-François Blanchet said the Bloc would vote against the budget. The Bloc has 33 seats.", "en",
     {"Bloc": 3, "Yves-François Blanchet": 1}, []),
    # a French team named short, by its name without its city; a hospital's name goes on with `for`
    ("Les Olympiques de Gatineau ont battu les Huskies de Rouyn-Noranda. Les Olympiques ont dominé et les "
     "Huskies ont plié. Les Maple Leafs de Toronto ont perdu; les Maple Leafs ont mal joué.", "fr",
     {"Olympiques de Gatineau": 2, "Huskies de Rouyn-Noranda": 2, "Maple Leafs de Toronto": 2},
     ["Olympiques", "Huskies", "Maple Leafs"]),
    ("Doctors at the Hospital for Sick Children said cases rose.", "en", {"Hospital for Sick Children": 1},
     ["Sick Children"]),
    # a compound ending on a capital is a place, not an adjective
    ("Les gangs contrôlent près de 90 % de Port-au-Prince. Les policiers arriveront à Port-au-Prince en mai.", "fr",
     {"Port-au-Prince": 1.5}, []),
    # what a person is, before their name: a listed role before any first name; in English, a
    # common English word French copy hardly uses (a given name is common in both)
    ("Defenceman Josh Morrissey scored twice. Curator Miriam Oduya said the skull was rare. "
     "Paul St-Pierre Plamondon disagreed.", "en",
     {"Josh Morrissey": 1, "Miriam Oduya": 1, "Paul St-Pierre Plamondon": 1},
     ["Defenceman Josh Morrissey", "Curator Miriam Oduya", "St-Pierre Plamondon"]),
    # what a person is, after French's elided article, is no part of their name
    ("Le festival a reçu la poète Edwidge Saint-Fleur et l'Acadienne Rachelle Doiron, de Caraquet.", "fr",
     {"Rachelle Doiron": 1}, ["Acadienne Rachelle Doiron"]),
    # a French ministry named by its fields, lowercase words and all, and the country it is of
    ("Le ministère de la Santé et des Services sociaux a annoncé la campagne. Selon le ministère de "
     "l'Environnement, de la Lutte contre les changements climatiques, de la Faune et des Parcs, l'eau est "
     "contaminée. Le département du Commerce des États-Unis a tranché. Le ministère de la Famille a répondu.", "fr",
     {"ministère de la Santé et des Services sociaux": 1,
      "ministère de l'Environnement, de la Lutte contre les changements climatiques, de la Faune et des Parcs": 1,
      "département du Commerce des États-Unis": 1, "ministère de la Famille": 1},
     ["Santé", "Services sociaux", "Commerce des États-Unis", "Parcs", "ministère de la Famille a répondu"]),
    # French bodies named by their place or owner, and their initials after an elided article;
    # the same heads with only an adjective say no whose
    ("L'Orchestre symphonique de Montréal partira en tournée. L'OSM jouera à Tokyo. La Direction de santé "
     "publique de l'Estrie recommande la prudence. Le Procureur général du Québec a fait appel.", "fr",
     {"Orchestre symphonique de Montréal": 2, "Direction de santé publique de l'Estrie": 1,
      "Procureur général du Québec": 1},
     ["OSM", "Montréal"]),
    ("La Direction générale a refusé de commenter, comme la Coopérative agricole.", "fr", {},
     ["Direction générale", "Coopérative agricole"]),
    # a plural that owns inside a body's name
    ("Ottawa won their Professional Women's Hockey League semifinal. The People's Party of Canada ran "
     "candidates.", "en",
     {"Professional Women's Hockey League": 1, "People's Party of Canada": 1}, ["Hockey League", "Party of Canada"]),
    # `of the` inside a body's name, and between a person and a body; a title with it is no name
    ("Lisa Young of the University of Calgary said the Office of the Privacy Commissioner of Canada and the "
     "Ministry of the Attorney General would look. The Leader of the Opposition agreed.", "en",
     {"Lisa Young": 1, "University of Calgary": 1, "Office of the Privacy Commissioner of Canada": 1,
      "Ministry of the Attorney General": 1},
     ["Lisa Young of the University of Calgary", "Privacy Commissioner of Canada", "Leader of the Opposition"]),
    # a list after an office names people or bodies, not its fields
    ("The Minister of Finance, Chrystia Freeland, and Prime Minister Justin Trudeau spoke. The Department of "
     "Finance, Canada Revenue Agency, and Statistics Canada agreed. The Queen of the Netherlands visited.", "en",
     {"Chrystia Freeland": 1, "Justin Trudeau": 1, "Canada Revenue Agency": 1, "Statistics Canada": 1,
      "Netherlands": 1}, ["Department of Finance, Canada Revenue Agency, and Statistics Canada", "of the Netherlands"]),
    # a ministry's last field with its adjective or in two words, and the province it is of
    ("Le ministère des Affaires étrangères a convoqué l'ambassadeur. Le ministère des Anciens Combattants a "
     "répondu. Le ministère de la Santé de la Colombie-Britannique a réagi.", "fr",
     {"ministère des Affaires étrangères": 1, "ministère des Anciens Combattants": 1,
      "ministère de la Santé de la Colombie-Britannique": 1}, ["ministère des Affaires", "ministère des Anciens"]),
    # an Arabic surname's article is part of the name, and the surname alone counts for it
    ("The army, led by Abdel Fattah al-Burhan, agreed. Burhan said the truce would hold, and Burhan left.", "en",
     {"Abdel Fattah al-Burhan": 3}, ["Burhan", "Abdel Fattah"]),
    # a province's court of appeal is named with `for`
    ("The Court of Appeal for Ontario ordered a new trial. The Court of Appeal on Monday said so.", "en",
     {"Court of Appeal for Ontario": 1, "Court of Appeal": 1}, ["Ontario"]),
    # fields that end like bodies are still fields; a title with its portfolios names no one
    ("The Ministry of Children, Community and Social Services said so. Minister of Public Safety, Democratic "
     "Institutions and Intergovernmental Affairs Dominic LeBlanc spoke.", "en",
     {"Ministry of Children, Community and Social Services": 1, "Dominic LeBlanc": 1},
     ["Ministry of Children", "Social Services", "Minister of Public Safety"]),
    # a ministry named by a list of fields; a minister's list of portfolios names no one
    ("The Ministry of the Environment, Conservation and Parks ordered a cleanup. Nova Scotia's Minister of "
     "Communities, Culture, Tourism and Heritage, Keith Larocque, agreed, as did Minister of Jobs, Trade and "
     "Tourism Marisa Thompson.", "en",
     {"Ministry of the Environment, Conservation and Parks": 1, "Keith Larocque": 1, "Marisa Thompson": 1},
     ["Ministry of the Environment", "of Communities", "Communities", "Heritage"]),
    # a slogan quoted in title case, in pieces, names nothing
    ('Volunteers held signs reading "Help Now, Argue Later," as Sen. Marcus Tully spoke. Others wore buttons '
     'saying "Serve the Public, Not Your Portfolio."', "en",
     {"Marcus Tully": 1}, ["Help Now", "Argue Later", "Your Portfolio", "Serve"]),
    # a common word numbering something (`Category 3`) is no name; a trade before a firm's name is not part of it
    ("Hurricane Kyle became a Category 3 storm and could reach Category 4 strength. Automaker Corvexa N.V. "
     "said Corvexa would reopen. Steelmaker Stahlwerk Rheinau AG agreed.", "en",
     {"Hurricane Kyle": 1}, ["Category", "Automaker Corvexa", "Steelmaker Stahlwerk Rheinau"]),
    # a trade before a person whose body the run goes on to name
    ("Evacuees left town. Meteorologist Jonah Pelletier of Environment and Climate Change Canada said smoke "
     "would linger.", "en",
     {"Jonah Pelletier": 1, "Environment and Climate Change Canada": 1}, ["Meteorologist Jonah Pelletier"]),
    # a title's word inside a name: `General` as an adjective before a noun (not a rank before a
    # surname, nor part of a longer title), an assembly, a conference named with `on`
    ("Workers at General Motors voted as the General Assembly met. Judge Linda Moss ruled. Attorney General "
     "Bondi and General Eyre spoke. Labour Minister Patty Hajdu and Justice Suzanne Côté spoke at the U.N. "
     "Conference on Trade and Development. Labour Day parades drew crowds.", "en",
     {"General Motors": 1, "General Assembly": 1, "Linda Moss": 1, "Bondi": 1,
      "Patty Hajdu": 1, "Suzanne Côté": 1, "U.N. Conference on Trade and Development": 1},
     ["Motors", "Assembly", "Justice Suzanne Côté", "U.N. Conference", "Attorney General Bondi", "General Eyre",
      "Labour Day"]),
    # portfolios after a title, in either language, are the title's
    ("Ontario's Minister of Foreign Affairs Anita Anand spoke.", "en", {"Anita Anand": 1}, ["Affairs Anita Anand"]),
    ("Le ministre des Finances Eric Girard a déposé le budget.", "fr", {"Eric Girard": 1}, ["Finances Eric Girard"]),
    # a French body goes on through an elided place: a people and where it lives
    ("Le Conseil des Innus d'Ekuanitshit a salué la décision. La Banque du Canada d'abord se tait.", "fr",
     {"Conseil des Innus d'Ekuanitshit": 1, "Banque du Canada": 1}, ["Conseil des Innus", "Ekuanitshit"]),
    # scores number teams, as categories number storms: the team stays a name
    ("Liverpool won 2-1. Arsenal 2, Chelsea 1. Arsenal 3, Chelsea 0 at Stamford Bridge.", "en", {"Chelsea": 2}, []),
    # `of` and `and` in one name, and two bodies joined by `and`
    ("The court cited the Canadian Charter of Rights and Freedoms. The Bank of Montreal and Scotiabank agreed. "
     "The Art Gallery of Nova Scotia lent a work. The Assembly of First Nations and Inuit Tapiriit Kanatami met "
     "the Department of Health and Human Services.", "en",
     {"Canadian Charter of Rights and Freedoms": 1, "Bank of Montreal": 1, "Scotiabank": 1, "Art Gallery of Nova Scotia": 1,
      "Assembly of First Nations": 1, "Inuit Tapiriit Kanatami": 1, "Department of Health and Human Services": 1},
     ["Canadian Charter", "Bank of Montreal and Scotiabank", "Art Gallery", "Nova Scotia"]),
    # a role between a body and the person ending the run: the body and the person, not the role
    ("NOAA Administrator Neil Jacobs spoke. Latah County Prosecutor Bill Thompson filed charges. The AI Compute "
     "Strategy Fund grew.", "en", {"NOAA": 1, "Neil Jacobs": 1, "Latah County": 1, "Bill Thompson": 1},
     ["NOAA Administrator Neil Jacobs", "Administrator Neil Jacobs", "Prosecutor Bill Thompson", "Strategy Fund"]),
    # the role right before the person: a team's name is no role; a rank's words are the role's
    ("Toronto Blue Jays Pitcher Kevin Gausman struck out 10. Ottawa Police Staff Sergeant Jane Doe said so.", "en",
     {"Toronto Blue Jays": 1, "Kevin Gausman": 1, "Ottawa Police": 1, "Jane Doe": 1},
     ["Toronto Blue", "Pitcher Kevin Gausman", "Ottawa Police Staff", "Sergeant Jane Doe"]),
    # an acronym before a person alone is a role; a name's own word is no title
    ("VP Kamala Harris spoke. A court sentenced Sheikh Hasina. Emir Kusturica directed it.", "en",
     {"Kamala Harris": 1, "Sheikh Hasina": 1, "Emir Kusturica": 1}, ["VP Kamala Harris", "Hasina", "Kusturica"]),
    # a role before two people covers the first; a title says who a person is
    ("Justices Clarence Thomas and Samuel Alito dissented. Commodore Jay Tarriela spoke.", "en",
     {"Clarence Thomas": 1, "Samuel Alito": 1, "Jay Tarriela": 1}, ["Justices Clarence Thomas", "Commodore Jay Tarriela"]),
    # a minister's portfolios listed before the title name no one; the place they are of may
    ("Ontario Economic Development, Job Creation and Trade Minister Vic Fedeli spoke. B.C. Jobs and Economic Growth "
     "Minister Marisa Thorvaldson agreed. Bill Young and Health Minister Jane Doe left.", "en",
     {"Vic Fedeli": 1, "Marisa Thorvaldson": 1, "Bill Young": 1, "Jane Doe": 1},
     ["Ontario Economic Development", "Job Creation", "B.C. Jobs", "Economic Growth"]),
    # ... but names and bodies joined by `and` before a minister are names
    ("Mary Simon, Justin Trudeau and Finance Minister Chrystia Freeland came with the United Nations and Foreign "
     "Minister Anita Anand's staff. Canada's Jobs and Families Minister Patty Hajdu did not.", "en",
     {"Mary Simon": 1, "Justin Trudeau": 1, "Chrystia Freeland": 1, "United Nations": 1, "Anita Anand": 1,
      "Patty Hajdu": 1, "Canada": 1}, ["Canada's Jobs", "Families"]),
    # an honorific before a full name is no part of it; before one word it is (`Sheikh Hasina`)
    ("Qatar's Emir Sheikh Tamim bin Hamad Al Thani met them, said Elder Marlene Thomas-Joe. Larry Elder left. "
     "Elder Care Ontario said so.", "en",
     {"Tamim bin Hamad Al Thani": 1, "Marlene Thomas-Joe": 1, "Larry Elder": 1, "Elder Care Ontario": 1},
     ["Sheikh Tamim bin Hamad Al Thani", "Elder Marlene Thomas-Joe", "Care Ontario"]),
    # a secretary's department before the title names no one; a region's adjective is no name,
    # but names a body of its own
    ("Health and Human Services Secretary Robert F. Kennedy Jr. spoke of Southeast Asian makers. Southwestern Public "
     "Health said so.", "en", {"Robert F. Kennedy Jr.": 1, "Southwestern Public Health": 1},
     ["Human Services", "Southeast Asian"]),
    # an acronym with small letters inside is defined too
    ("La Bibliothèque et Archives nationales du Québec (BAnQ) a acheté le journal, et BAnQ l'exposera.", "fr",
     {"Bibliothèque et Archives nationales du Québec": 2}, ["BAnQ"]),
    # a title of a body names the body; which summit is no part of its name; a function word opens a sentence
    ("President of Treasury Board and Minister of Finance Nate Horner spoke. Governor of the Bank of Canada Tiff "
     "Macklem agreed. Whatever Peguis decides, the water rises.", "en",
     {"Treasury Board": 1, "Nate Horner": 1, "Bank of Canada": 1, "Tiff Macklem": 1},
     ["President of Treasury Board", "Bank of Canada Tiff Macklem", "Whatever Peguis"]),
    ("Selon la PDG de Santé Québec, Geneviève Biron, le XXe Sommet de la Francophonie compte.", "fr",
     {"Santé Québec": 1, "Geneviève Biron": 1, "Sommet de la Francophonie": 1},
     ["PDG de Santé Québec", "XXe Sommet de la Francophonie"]),
    # ... but a body named with its government, a portfolio, a Roman ordinal that names, a body's
    # own units are read whole or not at all
    ("The Government of Canada and the Minister of Veterans Affairs met Bank of Montreal Nesbitt Burns and "
     "University of Toronto Mississauga Campus staff.", "en",
     {"Government of Canada": 1, "Bank of Montreal Nesbitt Burns": 1, "University of Toronto Mississauga Campus": 1},
     ["Canada", "Veterans Affairs", "Nesbitt Burns", "Mississauga Campus"]),
    ("La Ve République a succédé à la IVe République.", "fr", {"Ve République": 1, "IVe République": 1}, []),
    # an assembly, a confederation or a college names a body going on in lowercase; a people's name
    # goes on in the plural, and where it lives; never into a person's name
    ("L'Assemblée nationale a adopté le projet, selon la Confédération des syndicats nationaux (CSN), le Collège des "
     "médecins du Québec, l'Assemblée des Premières Nations du Québec et le Conseil des Innus de Pessamit. Le "
     "gouverneur de la Banque du Canada Mark Carney a parlé. Un front froid arrive.", "fr",
     {"Assemblée nationale": 1, "Confédération des syndicats nationaux": 1, "Collège des médecins du Québec": 1,
      "Assemblée des Premières Nations du Québec": 1, "Conseil des Innus de Pessamit": 1, "Banque du Canada": 1,
      "Mark Carney": 1}, ["Assemblée des Premières", "Conseil des Innus", "Banque du Canada Mark Carney", "CSN"]),
    # a chamber, a committee, a festival, a fair of books, a museum, a library, an ombudsman are bodies
    # too, their names going on in lowercase (`Cour supérieure`, `Fédération de l'industrie
    # manufacturière`, a place's adjective last: `du Montréal métropolitain`); `Première` before `Nation`
    # is the First Nation's name, no title; a body of another body is two (the committee, then the
    # Commons), and a ministry's fields end where a body's name starts
    ("La Chambre des communes a voté. Le Festival acadien de Caraquet et le Salon du livre de Montréal ouvrent, le "
     "Musée amérindien de Mashteuiatsh aussi, selon la Chambre de commerce du Montréal métropolitain. Le juge de la "
     "Cour supérieure a tranché; le Protecteur du citoyen a publié son rapport, et la Fédération de l'industrie "
     "manufacturière, un avis. La Première Nation de Kebaowek et le Conseil de la Première Nation Abitibiwinni ont "
     "réagi devant le Comité permanent des langues officielles de la Chambre des communes. Le ministère de la "
     "Culture et des Communications et de la Fondation de BAnQ a payé.", "fr",
     {"Chambre des communes": 2, "Festival acadien de Caraquet": 1, "Salon du livre de Montréal": 1,
      "Musée amérindien de Mashteuiatsh": 1, "Chambre de commerce du Montréal métropolitain": 1, "Cour supérieure": 1,
      "Protecteur du citoyen": 1, "Fédération de l'industrie manufacturière": 1, "Première Nation de Kebaowek": 1,
      "Conseil de la Première Nation Abitibiwinni": 1, "ministère de la Culture et des Communications": 1},
     ["Nation de Kebaowek", "Conseil de la Première", "Nation Abitibiwinni", "Chambre de commerce du Montréal",
      "Comité permanent des langues officielles de la Chambre",
      "ministère de la Culture et des Communications et de la Fondation"]),
    # a body named with a common word keeps it at a sentence's start when the story also names it
    # mid-sentence; a common plural before a place is a body of its people, no one's title; an
    # agency named without `U.S.` is the U.S. one (a state's is another: no `Ohio` merged); a word
    # with its company's suffix is a name even opening a sentence, named once (not `Solution` of `LG
    # Energy Solution Ltd.`)
    ("Hockey Canada said the hockey review is done. Officials at Hockey Canada agreed, as did the head of "
     "Doctors Nova Scotia, where doctors are leaving. U.S. Border Patrol agents found a boat; the Border Patrol "
     "said so. The Ohio Environmental Protection Agency and the Environmental Protection Agency met. Walmart Inc. "
     "lets shoppers buy there. LG Energy Solution Ltd. runs a plant.", "en",
     {"Hockey Canada": 2, "Doctors Nova Scotia": 1, "U.S. Border Patrol": 2, "Ohio Environmental Protection Agency": 1,
      "Environmental Protection Agency": 1, "Walmart": 1}, ["Canada", "Nova Scotia", "Border Patrol", "Solution"]),
    # a body's fields joined by `and` before `Services`; a scale is no name; a union's `Local` and a
    # county's `Co.` are no firm's suffix; with the Supreme Court of Canada named, `the Supreme Court`
    # is no U.S. one; `Services` and `Agreement` go on with no `for` (`for Cape Breton` is a place)
    ("Officers with Fish and Wildlife Enforcement Services came as it fell to minus 30 degrees Fahrenheit (minus "
     "34 Celsius) and Fahrenheit readings fell, as Celsius ones did. Firefighters Local 18 president Tom Smith "
     "spoke. The Supreme Court of Canada ruled; a U.S. Supreme Court ruling was cited; the Supreme Court heard "
     "it. Emergency Health Services for Cape Breton said so.", "en",
     {"Fish and Wildlife Enforcement Services": 1, "Tom Smith": 1, "U.S. Supreme Court": 1, "Cape Breton": 1},
     ["Wildlife Enforcement Services", "Fahrenheit", "Celsius", "Firefighters", "Emergency Health Services for Cape Breton"]),
    # French: the coast guard's name; a councillor's seat is the title's (one word: the councillor's
    # name may follow it); a verb or adverb after a head is no adjective of it; a name going on in
    # capitals is read whole; `la Première Nation` alone names none
    ("La Garde côtière canadienne a déployé un navire. Le conseiller du district des Tisserands, Pierre-Luc "
     "Gervais-Mbala, a voté contre, comme le conseiller du district de Saint-Michel Jean Tremblay. La Chambre "
     "demeure divisée, la Cour demeure saisie et le Comité entier a voté hier. La Fondation du CHU de Québec et "
     "la Fondation du Grand Montréal donnent. Le chef de la Première Nation a dénoncé le projet.", "fr",
     {"Garde côtière canadienne": 1, "Pierre-Luc Gervais-Mbala": 1, "Jean Tremblay": 1,
      "Fondation du CHU de Québec": 1, "Fondation du Grand Montréal": 1},
     ["Tisserands", "Saint-Michel", "Chambre demeure divisée", "Cour demeure", "Comité entier", "Fondation du CHU",
      "Fondation du Grand", "Première Nation"]),
    # a private person named by a first name, an age after it, the surname withheld (not `Gord Downie, a
    # 57-year-old singer`: his full name)
    ("Gord, a 47-year-old father of two who asked that his last name not be used, waited. Gord said so, as did "
     "Statistics Canada.", "en", {"Statistics Canada": 1}, ["Gord"]),
    ("Gord Downie, a 57-year-old singer, spoke. Downie said the tour was over.", "en", {"Gord Downie": 2}, ["Gord"]),
    # an acronym after an adjective of place, compass words and all, is a common noun
    ("The North American EV market grew as Canadian AI firms hired, said Unifor.", "en", {"Unifor": 1},
     ["North American EV", "American EV", "Canadian AI", "EV"]),
    # a long title ends its sentence with its period (`of Commerce. Voters`, `of Health. Six`)
    ("It was hosted by the Greater Charlottetown Area Chamber of Commerce. Voters go to the polls. The Navajo "
     "Department of Health. Six cases. Gov. Gavin Newsom spoke.", "en",
     {"Greater Charlottetown Area Chamber of Commerce": 1, "Navajo Department of Health": 1, "Gavin Newsom": 1},
     ["Greater Charlottetown Area Chamber of Commerce Voters", "Navajo Department of Health Six"]),
    # a disease's acronym names no one, alone or after a common word
    ("The shot protects against HIV, and the Global Fund to Fight AIDS pays; RSV and TB cases fell, said UNAIDS.",
     "en", {"UNAIDS": 1}, ["HIV", "Fight AIDS", "AIDS", "RSV", "TB"]),
    # ... nor does an influenza strain's subtype, however often the story writes it
    ("The H5N1 virus was found in Wyoming County, officials said. H5N1 has reached 19 states, and H3N2 is "
     "common. Le virus H5N1 circule.", "en", {"Wyoming County": 0.5}, ["H5N1", "H3N2"]),
    # ... nor an animal's (`MSX, a parasite`), nor DNA, a common noun
    ("MSX, a parasite that nearly wiped out Bras d'Or oysters, was found, said Unama'ki Institute of Natural "
     "Resources. DNA samples from Mi'kmaw guardians and Mi'kmaw communities came in.", "en",
     {"Unama'ki Institute of Natural Resources": 1}, ["MSX", "DNA", "Mi'kmaw"]),
    # a holiday alone is a day of the calendar (a market named for it is a name); a common noun opening its
    # sentence names nothing, however rare; a Spanish name's `del` is part of it
    ("The food bank expects 2,600 Christmas hampers. Christmas comes early, at the Vancouver Christmas Market. "
     "Pasteurization kills the virus. She founded the Red de Periodistas del Norte in 2009.", "en",
     {"Vancouver Christmas Market": 1, "Red de Periodistas del Norte": 1},
     ["Christmas", "Pasteurization", "Red de Periodistas"]),
    # ... but a place or a surname ending as a common noun does is a name; Lawyers Without Borders is no disease
    ("Caithness was worst hit. Caithness has had three storms. Harkness told reporters. Harkness is the chief. "
     "ASF will sue, and ASF said so.", "en", {"Caithness": 2, "Harkness": 2, "ASF": 2}, []),
    # a law's name joined by `and` is one law; two laws, or a place and a law, are not
    ("The Occupational Health and Safety Act applies, and the Early Learning and Child Care Amendment Act died. "
     "The Online Streaming Act and Online News Act passed.", "en",
     {"Occupational Health and Safety Act": 1, "Early Learning and Child Care Amendment Act": 1,
      "Online Streaming Act": 1, "Online News Act": 1},
     ["Occupational Health", "Early Learning", "Child Care Amendment Act", "Online Streaming Act and Online News Act"]),
    # a firm's name ending in its trade's word is no role before a person
    ("said Benjamin Osterhagen-Diallo, senior economist at Caldwell Ridge Securities in Toronto.", "en",
     {"Caldwell Ridge Securities": 1}, ["Ridge Securities"]),
    # two firms joined by `and`, the first named for its country
    ("The CRTC set rates for the networks of Bell Canada and Telus Corp. in Ontario.", "en",
     {"Bell Canada": 1, "Telus Corp.": 1}, ["Bell Canada and Telus Corp."]),
    # a charter named in full without its country is one name
    ("The court ruled that police breached the Charter of Rights and Freedoms, said the Canadian Civil Liberties "
     "Association.", "en", {"Charter of Rights and Freedoms": 1, "Canadian Civil Liberties Association": 1},
     ["Rights and Freedoms", "Charter"]),
    # adjectives of a region, and a Canadian city's French demonyms
    ("The Nordic ministers met, et des Montréalaises et une Lavalloise ont parlé avec NATO, and Norwegian Air Shuttle "
     "flew.", "en", {"NATO": 1, "Norwegian Air Shuttle": 1}, ["Nordic", "Montréalaises", "Lavalloise", "Air Shuttle"]),
    # a name cut short at its `and` is no name
    ("Monitors from the Organization for Security and Co-operation in Europe watched, said NATO.", "en",
     {"NATO": 1}, ["Organization for Security and", "Organization for Security"]),
    # where a firm trades is no name of it
    ("Shares of Shopify Inc. [NASDAQ:SHOP] fell, and BRP Inc. (TSX: DOO; NYSE: DOOO) rose. Starts rose (Source: "
     "CMHC).", "en", {"Shopify": 1, "BRP": 1, "CMHC": 1}, ["SHOP", "NASDAQ", "DOO", "DOOO", "TSX", "NYSE"]),
    # a French league named by its adjective and its sport (not a verb after an assembly's adjective)
    ("Mathieu connaît la Ligue canadienne de football par cœur. La Ligue nationale de hockey a annoncé lundi "
     "que la ville demande à l'Assemblée nationale de permettre le vote.", "fr",
     {"Ligue canadienne de football": 1, "Ligue nationale de hockey": 1}, ["Ligue", "Assemblée nationale de permettre"]),
    # French copy's common-noun acronyms are no organisations
    ("Le PIB a reculé, selon les PME et le CLSC du quartier. Le CHSLD et le CPE ont fermé. La TPS grimpe. Le CIUSSS "
     "a parlé.", "fr", {}, ["PIB", "PME", "CLSC", "CHSLD", "CPE", "TPS", "CIUSSS"]),
])
def test_acronyms_possessives_titles_and_french_bodies(text, language, wanted, junk):
    found = find_names((text,), [], language)
    assert {name: found.get(name) for name in wanted} == wanted, found
    assert not set(junk) & set(found), found


def test_a_known_place_the_headline_names_is_a_tag_though_the_story_does_not_repeat_it():
    paragraphs = ("Crews fought the Long Lake fire as the woods ban stayed in place.", "Officials said rain would help.")
    assert "Nova Scotia" in find_names(paragraphs, [], "en", "Wildfire grows as Nova Scotia keeps woods ban")
    assert "Nova Scotia" not in find_names(paragraphs, [], "en", "Wildfire grows as woods ban stays")
    # but not a name the story excludes (its byline, source, dateline as written), nor in French the
    # start of a name going on in lowercase
    assert find_names(("Officials said the fire spread.",), ["Ottawa"], "en", "Ottawa fire spreads") == {}
    assert find_names(("Le parti dénonce le projet.",), [], "fr", "Québec solidaire dénonce le projet") == {}


def test_politics_datelined_abroad_is_world_news_and_an_unknown_place_changes_nothing(tmp_path):
    site = SITE_YAML.replace("default_topic:", "  world: {title: World, keywords: [war, summit]}\ndefault_topic:")
    c = Classifier.from_config(load_config(write_site(tmp_path, {}, site)))  # a Canadian site (America/Toronto)
    title, body = "Parliament elects a new chancellor", "The parliament held a vote. The election was close."
    assert c.filing(title, body, "en", "BERLIN") == ("world", True)
    assert c.filing(title, body, "en", "KYIV, Ukraine") == ("world", True)
    assert c.filing(title, body, "en", "OTTAWA") == ("politics", True)
    assert c.filing(title, body, "en", "VICTORIAVILLE, Que.") == ("politics", True)
    assert c.filing(title, body, "en", "SOMEWHERE, Nowhere") == ("politics", True)  # not read, not guessed
    assert c.filing(title, body, "en") == ("politics", True)
    for zone, filed in (("Canada/Eastern", "world"), ("Etc/UTC", "politics")):  # an alias; no country at all
        home = Classifier.from_config(load_config(write_site(tmp_path / zone.replace("/", "-"), {},
                                                             site.replace("America/Toronto", zone))))
        assert home.filing(title, body, "en", "BERLIN") == (filed, True)
    assert c.filing(title, body, "en", "TBILISI, Georgia") == ("world", True)  # the country, not the state


def test_a_story_about_a_section_the_site_lacks_goes_to_the_default_topic(tmp_path):
    c = classifier(tmp_path)  # no religion topic
    body = ("The pope declared two saints at a canonization Mass. Catholic pilgrims filled the square, and "
            "bishops and cardinals joined the pope. The young saint loved football and video games.")
    assert c.filing("Pope declares two new saints", body) == ("general", False)


def test_a_month_in_a_persons_name_is_no_date_and_a_languages_months_are_its_own():
    found = find_names(("Former British prime minister Theresa May spoke on Tuesday. May said she would stay.",
                        "June Jones of the Red Cross said the vote set for May 5 would go ahead.",
                        "Statistics Canada March data came out on Monday, March 3."), [], "en")
    assert found["Theresa May"] == 2 and "June Jones" in found
    assert not {"May", "March", "Statistics Canada March", "Theresa"} & set(found)
    # `Janvier` is a month in French copy, a hamlet in English copy
    assert "Janvier" in find_names(("Residents of Janvier and Chard were told to leave. Janvier is empty.",), [], "en")
    assert find_names(("Le vote aura lieu en Mai. Le 8 Juillet, la séance reprendra.",), [], "fr") == {}


def test_languages_listed_together_are_no_tags_but_a_people_or_a_country_is():
    found = find_names(("Callers can speak Tamil, Tagalog or Punjabi, and Tamil and Tagalog speakers called most, "
                        "said Nora Qaunaq-Lee, who flew to Georgia and back to Georgia.",), [], "en")
    assert not {"Tamil", "Tagalog", "Punjabi"} & set(found), found
    assert {"Nora Qaunaq-Lee", "Georgia"} <= set(found), found
    # a language's name alone may be a people's: `the Cree`
    found = find_names(("Leaders of the Cree met, and the Cree of Eeyou Istchee sent a delegation.",), [], "en")
    assert "Cree" in found, found


def test_a_charter_a_law_or_the_crown_named_short_is_the_one_named_in_full_or_no_tag():
    found = find_names(("The Crown's first witness testified. Crown prosecutor Ruth Abara-Stevens called the Crown's "
                        "case strong, and the Crown rested.",), [], "en")
    assert "Crown" not in found and "Ruth Abara-Stevens" in found, found
    found = find_names(("The groups cite the Canadian Charter of Rights and Freedoms. The Charter protects religion, "
                        "they say, and the Charter prevails.",), [], "en")
    assert "Charter" not in found and found["Canadian Charter of Rights and Freedoms"] == 3, found
    found = find_names(("Selon eux, la Charte protège la liberté de religion, et la Charte l'emporte.",), [], "fr")
    assert "Charte" not in found, found


def test_a_french_paper_the_copy_names_is_no_tag_but_an_english_outlet_may_be_the_subject(tmp_path):
    """A French paper named in the copy is its outlet quoting itself or another's credit (`confie-t-il
    au Courrier de la Nouvelle-Écosse`); a name ending as an English paper's may be what the story is
    about (`Fox News`, `Toronto Star`): the story's own source and credited outlets are excluded apart."""
    tags = classifier(tmp_path).tags("Un pêcheur inquiet", (
        "« Si ça nuit à la ressource, on va le voir », confie-t-il au Courrier de la Nouvelle-Écosse. Le Courrier de la "
        "Nouvelle-Écosse a aussi joint Yvon LeBlanc-Doucet, et Le Peuple Lévis l'a cité.",), [], "fr")
    assert not {"Courrier de la Nouvelle-Écosse", "Peuple Lévis"} & set(tags) and "Yvon LeBlanc-Doucet" in tags, tags
    tags = classifier(tmp_path / "en").tags("Fox News settles", (
        "Fox News settled with Smartmatic on Tuesday. Fox News will pay, and the Toronto Star was sold to Nordstar.",), [])
    assert {"Fox News", "Smartmatic"} <= set(tags), tags


def test_an_agencys_own_product_named_with_its_mark_is_no_tag(tmp_path):
    tags = classifier(tmp_path).tags("What to know about the midterms", (
        "AP VoteCast, a survey of voters, found the economy mattered most, and AP VoteCast will publish results. "
        "Hakeem Jeffries and Hakeem Jeffries' allies disagreed.",), [])
    assert "AP VoteCast" not in tags and "Hakeem Jeffries" in tags, tags


def test_a_name_before_and_an_agencys_mark_in_a_real_name_keep_their_tags(tmp_path):
    found = find_names(("Marco Rubio and Vice-president JD Vance met the pope, and Marco Rubio spoke.",), [], "en")
    assert "Marco Rubio" in found, found
    tags = classifier(tmp_path).tags("Rail strike", ("CP Rail and the PC Party of Ontario disagreed, and CP Rail said so; "
                                                      "AP Dhillon sang, and AP Dhillon left.",), [])
    assert {"CP Rail", "PC Party of Ontario", "AP Dhillon"} <= set(tags), tags


def test_french_countries_and_unions_named_with_their_article_or_a_hyphen_are_tags():
    """`L’Allemagne` opening a sentence is Allemagne (its capital is the sentence's); a body with
    an adjective in -éen is one name (`l'Union européenne`); a country written with a hyphen is
    a country wherever it stands (`Les États-Unis restent`)."""
    found = find_names(("L'Allemagne demeure le premier marché, devant la France.",
                        "Les exportations vers l'Union européenne ont bondi.", "Les États-Unis restent le premier client.",
                        "Les ventes au Japon ont doublé."), [], "fr")
    assert {"Allemagne", "Union européenne", "États-Unis", "Japon"} <= found.keys(), found


def test_a_title_word_in_a_streets_or_a_forces_name_is_part_of_it():
    """`Queen Street East`, `Queen Elizabeth Way`: a street named for a sovereign; `U.S. Army Corps
    of Engineers`, `U.S. Border Patrol`: a country's force, named short as `the Corps`; `Court of
    King's Bench`: a court named for the sovereign's bench, not the King."""
    found = find_names(("Council sold a lot on Queen Street East, near the Queen Elizabeth Way.", "Police Close King Street West",
                        "The film was directed by Michael Bay of Los Angeles, and Michael Bay said so.",
                        "The U.S. Army Corps of Engineers issued the permit. The Corps said the work is safe.",
                        "Agents of the U.S. Border Patrol made arrests.",
                        "Justice Anne Smith of the Court of King's Bench for Saskatchewan agreed."), [], "en")
    assert {"Queen Street East", "Queen Elizabeth Way", "King Street West", "U.S. Border Patrol", "Court of King's Bench",
            "Anne Smith", "Michael Bay", "Los Angeles"} <= found.keys(), found
    assert found["U.S. Army Corps of Engineers"] == 2, found
    assert not {"Street East", "Elizabeth Way", "Army Corps", "Border Patrol", "Corps", "Bench"} & found.keys(), found


def test_agates_team_codes_currencies_and_reuters_codes_are_no_part_of_a_name():
    """A line of agate writes each team in letters before its players and figures; a sum in
    Canadian dollars writes `C$` right after a company's name; Reuters writes each company's
    instrument code after it. None of those letters is a name or part of one."""
    found = find_names((
        "Goaltenders: KEL Pellerin-Voss (W, 31 saves); KAM Andreychuk-Banner (L, 29 saves)",
        "First period\n1. KEL — Kaczmarek-Lee (9) (Vasilenko-Bird, Ribeiro-Clarke) 4:12 (pp)\n"
        "2. KAM — Hargreave-Diaz (11) (unassisted) 15:40",
        "Shots: KAM 12-11-11—34; KEL 10-14-10—34",
        "Jaxon Pellerin-Voss made 31 saves. Cole Andreychuk-Banner stopped 29. Adam Kaczmarek-Lee scored.",
        "Rogers Communications Inc (RCIb.TO), BCE Inc (BCE.TO) and Telus Corp (T.TO) spent C$1 billion.",
        "Bell spent C$338 million, and Telus C$250 million.",
        "CBC — Radio-Canada said at 4:30 p.m. that the NDP and the RCMP agreed."), [], "en")
    assert {"Jaxon Pellerin-Voss", "Cole Andreychuk-Banner", "Adam Kaczmarek-Lee", "Rogers Communications", "BCE",
            "Telus Corp.", "CBC", "RCMP"} <= found.keys(), found
    assert not {"KEL", "KAM", "KEL Pellerin-Voss", "KAM Andreychuk-Banner", "Telus C", "RCIb.TO",
                "BCE Inc and Telus Corp."} & found.keys(), found


def test_first_nations_and_an_acronym_before_its_name_in_prose():
    """`First Nations` opens names (`First Nations Clean Water Act`, `Assembly of First Nations`)
    and alone names peoples, as `Indigenous` does, no body (never `Nations`); a law's name is no
    person's after a body's word. An acronym before a name in prose is no team code in agate."""
    found = find_names(("OTTAWA — First Nations chiefs voted Wednesday to restore the First Nations Clean Water Act.",
                        "The draft bill was circulated to First Nations in October. The Neskantaga First Nation agreed.",
                        "CAE Inc (CAE.TO) rose 4% and BCE Inc (BCE.TO) fell 1%.",
                        "The UBC Thunderbirds (12-3) beat SFU 78-64."), [], "en")
    assert {"First Nations Clean Water Act", "Neskantaga First Nation", "CAE", "BCE", "UBC Thunderbirds", "SFU"} <= found.keys(), found
    assert not {"Nations", "First Nations", "Clean Water Act", "Nations Clean Water Act", "Thunderbirds"} & found.keys(), found


def test_a_storm_is_named_with_its_kind():
    """`Hurricane Marco` opening a sentence keeps its kind, though the story writes `hurricane`
    in lowercase too, and `Marco` alone counts for it; a sentence opening on `Hurricane season`
    names no storm."""
    found = find_names(("Hurricane Marco made landfall after growing from a tropical storm into a major hurricane. "
                        "Marco flooded thousands of homes.", "Tropical Storm Gonzalo formed in the Caribbean.",
                        "Hurricane season ends Sunday, forecasters said."), [], "en",
                       title="Atlantic hurricane season ends after Marco and Gonzalo")
    assert {"Hurricane Marco", "Tropical Storm Gonzalo"} <= found.keys(), found
    assert not {"Marco", "Gonzalo", "Storm Gonzalo", "Hurricane"} & found.keys(), found


def test_french_holidays_and_a_preposition_opening_a_sentence_are_no_names():
    """French capitalises the holidays (`avant les Fêtes`) and a sentence's first word (`Hors
    Québec, ...`): neither is a name, nor part of one."""
    found = find_names(("Héma-Québec lance un appel urgent à l'approche d'une période des Fêtes où les dons chutent.",
                        "Hors Québec, l'approvisionnement est géré ailleurs, et Héma-Québec invite à donner avant les Fêtes."),
                       [], "fr")
    assert "Héma-Québec" in found, found
    assert not {"Fêtes", "Hors Québec", "Hors"} & found.keys(), found


def test_a_body_defined_with_its_list_of_fields_a_regions_dash_and_a_peoples_noun():
    """A body its acronym defines keeps its list of fields, commas and all (a list of things
    is no body: `Diversity, Equity and Inclusion (DEI)`); French nouns of a people (`la
    Slovaque`) and pronouns opening a sentence (`Ceux de`, `Originaire de`) are no part of the
    name after them."""
    found = find_names(("Selon la Commission des normes, de l'équité, de la santé et de la sécurité du travail (CNESST), "
                        "la tranchée n'était pas étançonnée. Selon la CNESST, les effondrements tuent.",
                        "La Slovaque Petra Hudáková a pris le deuxième rang devant la Tchèque Ema Klinec.",
                        "Ceux de Freedom Mobile, qui appartient à Québecor, ne l'ont pas été.",
                        "Originaire de Sudbury, elle a travaillé à Yellowknife."), [], "fr")
    assert {"Commission des normes, de l'équité, de la santé et de la sécurité du travail", "Petra Hudáková",
            "Ema Klinec", "Freedom Mobile", "Sudbury"} <= found.keys(), found
    assert not {"Slovaque Petra Hudáková", "Ceux de Freedom Mobile", "Originaire de Sudbury",
                "Tchèque Ema Klinec"} & found.keys(), found
    found = find_names(("Investors want Environmental, Social and Governance (ESG) reporting. ESG rules vary.",), [], "en")
    assert "Environmental, Social and Governance" not in found, found
    # an institution named by its kind and the name it bears; by a person's name alone after that,
    # hyphenated as French names it for them, it is the institution (not a town's: `Saint-Jean`)
    found = find_names(("Elle a travaillé huit ans à l'Hôpital territorial Stanton.",
                        "Les élèves de l'École secondaire Jean-Grou ont manifesté. Jean-Grou compte 900 élèves.",
                        "Le Centre communautaire Saint-Jean a fermé. À Saint-Jean, les élus ont voté. Saint-Jean grandit."),
                       [], "fr")
    assert found["Hôpital territorial Stanton"] == 1 and found["École secondaire Jean-Grou"] == 2, found
    assert "Jean-Grou" not in found and found["Centre communautaire Saint-Jean"] == 1, found


def test_a_numbered_street_a_word_inside_another_and_the_outlets_newsroom_are_no_names():
    found = find_names(("The teen was crossing 15th Street East near 6th Avenue East when he was hit. (File photo/paNOW "
                        "Staff)", "With 39 of 42 polls reporting, VOCM News is projecting that Sheila Bungay-Rossiter "
                        "will hold the district, VOCM News said.", "Traffic on Queen Street East stopped."),
                       ["VOCM", "paNOW"], "en")
    assert {"Sheila Bungay-Rossiter", "Queen Street East"} <= found.keys(), found
    assert not {"Street East", "Avenue East", "NOW Staff", "VOCM News"} & found.keys(), found
    # a town named as a prince is, where the copy says it is a place (`in Prince Albert`, `Prince George, B.C.`)
    found = find_names(("Prince Albert police asked drivers for video. It is the third collision in Prince Albert this "
                        "month.", "Mills in Prince George, B.C., cut shifts.", "Prince Harry met fans in London."), [], "en")
    assert {"Prince Albert", "Prince George"} <= found.keys() and not {"Albert", "George"} & found.keys(), found


@pytest.mark.parametrize("text, wanted, junk", [
    # what the rules of bodies named with their fields must not glue (a fresh-eyes review's cases)
    ("Mayor Jane Smith and Town Council voted on Monday.", {"Jane Smith", "Town Council"},
     "Mayor Jane Smith and Town Council"),
    ("The Royal Canadian Legion and Army Cadets Council met.", {"Royal Canadian Legion"},
     "Royal Canadian Legion and Army Cadets Council"),
    ("Residents of Oak Ridge and Pine Valley Council met.", {"Pine Valley Council"}, "Oak Ridge and Pine Valley Council"),
    ("The Chamber of Commerce and Downtown Business Association met.", set(),
     "Chamber of Commerce and Downtown Business Association"),
    ("Shoppers at the Rideau Centre were evacuated. Staff at the Rideau Valley Conservation Centre were not.",
     {"Rideau Centre", "Rideau Valley Conservation Centre"}, None),
    ("Pierre Poilievre attacked Justin Trudeau. Just 12 per cent agreed, Poilievre said. Just two days later Trudeau "
     "spoke.", {"Pierre Poilievre", "Justin Trudeau"}, None),
    ("The Leafs–Canadiens game sold out. Mark Carney–Pierre Poilievre debates drew crowds.", {"Pierre Poilievre"},
     "Leafs–Canadiens"),
    ("The Substance Abuse and Mental Health Services Administration said. The Center for Volcanology and Geological "
     "Hazard Mitigation raised the alert.", {"Substance Abuse and Mental Health Services Administration",
                                             "Center for Volcanology and Geological Hazard Mitigation"}, None),
])
def test_bodies_named_with_their_fields_glue_no_people_and_no_two_bodies(text, wanted, junk):
    found = names(text)
    assert wanted <= set(found), found
    assert junk not in found, found
    if "Poilievre attacked" in text:
        assert find_names((text,), [], "en")["Pierre Poilievre"] >= find_names((text,), [], "en")["Justin Trudeau"]


def test_results_codes_peoples_names_and_a_first_nations_full_name():
    """A results list's country codes (`(CAN) 1 min 29,412 s`) are no names; `Congolese`,
    `Icelandic` and `le Sud-Coréen` are peoples' words, no part of the name after them; a given
    name romanized in syllables (`Kang Min-seok`) is part of the name; a First Nation keeps its
    `of` (`Chippewas of Rama First Nation`); a firm named without its trade is the firm
    (`Harrow & Stokes`); French feasts (`la Sainte-Cécile`) and common acronyms (`TDAH`) no names."""
    found = find_names(("500 m : 1. Kang Min-seok (KOR) 40,288 s; 2. Zacharie Bélanger-Tshibangu (CAN) 40,351 s; "
                        "3. Ruben Oosterhuis-Bakker (NED) 40,410 s.", "Le Sud-Coréen Kang Min-seok a gagné.",
                        "Le grand orgue résonnera le jour de la Sainte-Cécile. Les enfants atteints de TDAH attendent. "
                        "Le TDAH touche 5 % des enfants."), [], "fr")
    assert {"Kang Min-seok", "Zacharie Bélanger-Tshibangu", "Ruben Oosterhuis-Bakker"} <= found.keys(), found
    assert not {"KOR", "CAN", "NED", "Sud-Coréen Kang", "Sainte-Cécile", "TDAH"} & found.keys(), found
    found = find_names(("Congolese troops and Icelandic voters met. The Congolese army said so. Icelandic officials "
                        "agreed.", "Chief Ted Williams of the Chippewas of Rama First Nation spoke. The Chippewas of Rama "
                        "First Nation hosted.", "Harrow & Stokes Medical Ltd. will buy Orthalis. Harrow & Stokes said "
                        "the deal closes in March, and Harrow & Stokes shares rose."), [], "en")
    assert {"Chippewas of Rama First Nation", "Ted Williams", "Harrow & Stokes Medical"} <= found.keys(), found
    assert not {"Congolese", "Icelandic", "Rama First Nation", "Harrow & Stokes"} & found.keys(), found


@pytest.mark.parametrize("text, language, wanted, junk", [
    # what the thirteenth set's rules must not do (a fresh-eyes review's cases)
    ("Members of Fort Nelson First Nation voted. Chief Rick Peters of Peguis First Nation said so. Peters of Peguis "
     "First Nation added more.", "en", {"Fort Nelson First Nation", "Rick Peters", "Peguis First Nation"},
     {"Members of Fort Nelson First Nation", "Peters of Peguis First Nation"}),
    ("Edmonton-ite Wayne Gretzky returned. Anti-vax Ontario MPP Randy Hillier spoke. Anti-vax protesters gathered.", "en",
     {"Wayne Gretzky", "Randy Hillier"}, {"Edmonton-ite Wayne Gretzky", "Anti-vax Ontario", "Anti-vax"}),
    ("Johnson & Johnson said Johnson & Johnson Vision would be spun off. Johnson & Johnson shares rose.", "en",
     {"Johnson & Johnson", "Johnson & Johnson Vision"}, set()),
    ("La Congrégation de la Sainte-Croix a présenté ses excuses. La Congrégation de la Sainte-Croix a parlé.", "fr",
     {"Congrégation de la Sainte-Croix"}, set()),
])
def test_peoples_syllables_firms_and_feasts_rules_keep_to_their_cases(text, language, wanted, junk):
    found = find_names((text,), [], language)
    assert wanted <= found.keys() and not junk & found.keys(), found


def test_a_short_form_of_a_given_name_counts_for_its_person():
    """`Wilf` in a column about Wilfred Kettering-Boyd is him, no tag of its own; a country is no
    short form of its people's body (`Russia`, `Russian Embassy`)."""
    found = find_names(("Wilfred Kettering-Boyd has lived in Portsmouth Village since 1971.",
                        "What stands between Wilf and that condo is a teenager with a shovel, Wilf said.",
                        "The Russian Embassy in Ottawa called the sanctions pointless. Russia said more. Russia "
                        "threatened Russia's neighbours."), [], "en")
    assert "Wilf" not in found and found["Wilfred Kettering-Boyd"] == 3, found
    assert found["Russian Embassy"] == 1 and "Russia" in found, found


def test_a_penalty_lines_team_and_a_wards_number_are_no_part_of_a_name():
    """Hockey agate's `Danko Svk (hooking) 2:51` names the player, then his team short; `Ward 3
    Coun. Sheila Tsang` names a ward by number, no body."""
    found = find_names(("Penalties — Danko Svk (hooking) 2:51; Braganza-Lowe Cda (tripping) 9:03.",
                        "Samuel Danko and Ethan Braganza-Lowe scored.",
                        "Ward 3 Coun. Sheila Tsang said no. Ward 1 Coun. Bob Smith said yes.",
                        "Residents of Ward 3 and Ward 5 complained, and Ward 3 voted.",
                        "Penalties — Toronto, Max Domi (tripping) 2:51"), [], "en")
    assert {"Samuel Danko", "Ethan Braganza-Lowe", "Sheila Tsang", "Bob Smith", "Max Domi"} <= found.keys(), found
    assert not {"Danko Svk", "Braganza-Lowe Cda", "Ward"} & found.keys(), found


def test_a_department_named_by_its_fields_a_sea_or_an_order_named_with_of_and_a_combining_mark_stay_whole():
    """`Immigration, Refugees and Citizenship Canada` is one department (not `Citizenship
    Canada`; people listed before a place are people); `Gulf of St. Lawrence`, `Strait of
    Hormuz`, `Order of Canada` are each one name; `Behchokǫ̀` keeps the accent combining with its ǫ."""
    found = find_names(("Officials at Immigration, Refugees and Citizenship Canada and at Innovation, Science and "
                        "Economic Development Canada agreed.", "Mark Carney, Doug Ford and Tim Houston met.",
                        "Whales returned to the Gulf of St. Lawrence; tankers cross the Strait of Hormuz.",
                        "She was named to the Order of Canada.", "Units sit empty in Behchokǫ̀, and Behchokǫ̀ waits."), [], "en")
    assert {"Immigration, Refugees and Citizenship Canada", "Innovation, Science and Economic Development Canada",
            "Mark Carney", "Doug Ford", "Tim Houston", "Gulf of St. Lawrence", "Strait of Hormuz", "Order of Canada",
            "Behchokǫ̀"} <= found.keys(), found
    assert not {"Citizenship Canada", "Economic Development Canada", "St. Lawrence", "Hormuz", "Behchokǫ"} & found.keys(), found


def test_a_box_scores_parts_plays_and_team_codes_are_no_names():
    """`Second Quarter` heads a box score's part; `NDSU—FG Halvorsen-Ley 32`, `TD Caden Thorsgaard 12
    pass` name the team, the play and its scorer: the scorer is the name (`TD Bank` keeps its
    letters, a riding its dash)."""
    found = find_names(("Second Quarter", "NDSU—FG Halvorsen-Ley 32, 4:12. SDSU—TD Caden Thorsgaard 12 pass.",
                        "Blaine Calkins won Battle River—Crowfoot, and the TD Bank agreed.",
                        "Luc Berthold took Mégantic—L'Érable—Lotbinière. Games at TD Place 7 p.m. and TD Place 2 p.m."), [], "en")
    assert {"Caden Thorsgaard", "Halvorsen-Ley", "Battle River—Crowfoot", "TD Bank", "Mégantic—L'Érable—Lotbinière"} \
        <= found.keys() and found["TD Place"] == 2, found
    assert not {"Second Quarter", "NDSU—FG Halvorsen-Ley", "FG Halvorsen-Ley", "TD Caden Thorsgaard"} & found.keys(), found


def test_a_railway_or_an_airline_is_a_body_its_countrys_adjective_and_all():
    found = find_names(("Grain moved on Canadian National Railway Co lines; Canadian Pacific Railway and Canadian North "
                        "Airlines agreed.",), [], "en")
    assert {"Canadian National Railway", "Canadian Pacific Railway", "Canadian North Airlines"} <= found.keys(), found
    assert "National Railway" not in found, found


def test_a_private_person_named_by_a_first_name_alone_is_no_tag():
    """`her daughter, Amara, 2,`, `Ginette, 74 ans,` (her surname withheld), `que nous appellerons Nick`: no
    reader looks them up. A name the copy calls something else stays (`called Jansen "the biggest"`),
    and a team's member is the team (`a Montreal Canadien`)."""
    found = find_names(("King waited with her daughter, Amara, 2, before Amara was admitted. Amara went home.",
                        "Ginette, 74 ans, de Repentigny, attendait. Ginette, qui a demandé que son nom de famille ne soit "
                        "pas publié, a vu l'insecte.",
                        "Un restaurateur, que nous appellerons Nick, a tout perdu. Nick a eu peur.",
                        "Moe called Jansen the biggest private investment, and BHP said Jansen would open in 2027.",
                        "St-Onge had been a Montreal Canadien for 30 hours when the Montreal Canadiens won."), [], "en")
    assert not {"Amara", "Ginette", "Nick", "Montreal Canadien"} & found.keys(), found
    assert {"Jansen", "Montreal Canadiens"} <= found.keys(), found


def test_first_names_and_plurals_rules_keep_to_private_people():
    """A kin word without its commas, an age with no surname withheld, a surname in a firm's name:
    the name stays (`its partner Shopify`, `son Québecor`, `Shakira, 48,`, `Tim Horton` of Tim Hortons)."""
    found = find_names(("The bank said its partner Shopify would run the payments. Shopify shares rose.",
                        "Sa maison mère Québecor a invoqué la loi, et Pierre Karl Péladeau et son Québecor ont annoncé.",
                        "Shakira, 48, will play two shows in June, Shakira said.",
                        "Tim Hortons was named for hockey player Tim Horton, who founded Tim Hortons."), [], "en")
    assert {"Shopify", "Québecor", "Shakira", "Tim Horton", "Tim Hortons"} <= found.keys(), found


def test_a_team_named_without_its_city_and_a_resident_by_her_first_name():
    """`the Maple Leafs` count for the Toronto Maple Leafs (not a body after a place: the Ohio EPA is not
    the EPA); `Une résidente de la rue Granier, Huguette,` is a private person."""
    found = find_names(("The Vancouver Canucks beat the Toronto Maple Leafs. The Maple Leafs tied it late.",
                        "The Environmental Protection Agency sent a team, and the Ohio Environmental Protection Agency tested water.",
                        "Une résidente de la rue Granier, Huguette, a vu le terrain disparaître. Huguette habite là depuis 1979."),
                       [], "en")
    assert {"Toronto Maple Leafs", "Environmental Protection Agency", "Ohio Environmental Protection Agency"} <= found.keys()
    assert not {"Maple Leafs", "Huguette"} & found.keys(), found


def test_streets_residents_and_teams_rules_keep_to_their_names():
    """A place after `a resident of` stays a place (`Whitehorse, Yukon,`); `la montée de Pierre Poilievre`
    and `le chemin Roxham` are no streets; a federal party is no provincial one."""
    found = find_names(("Mary Thrasher-Bell, a longtime resident of Whitehorse, Yukon, said the Yukon government waited.",
                        "La montée de Pierre Poilievre dans les sondages inquiète. Les migrants franchissaient le chemin Roxham.",
                        "The Alberta New Democrats won, and the New Democrats in Ottawa cheered."), [], "fr")
    assert {"Yukon", "Pierre Poilievre", "Roxham", "New Democrats", "Alberta New Democrats"} <= found.keys(), found


def test_a_surname_that_is_a_title_word_and_a_body_named_for_its_members():
    """`Resources Minister Madeleine King and Canada's ...`: the minister is Madeleine King, no junk span
    with the next country; `Colleges and Institutes Canada` is one body. A title stays a title after
    an address (`Madam Secretary-General`) or a common word (`Senate Majority Leader`)."""
    found = find_names(("Resources Minister Madeleine King and Canada's Energy Minister Tim Hodgson signed the pact.",
                        "Colleges and Institutes Canada said the cap hurts. Senate Majority Leader John Thune agreed.",
                        "Madam Secretary-General, the delegates said, the vote is yours."), [], "en")
    assert {"Madeleine King", "Tim Hodgson", "Colleges and Institutes Canada", "John Thune"} <= found.keys(), found
    assert not {"Institutes Canada", "Madam Secretary-General", "Senate Majority Leader"} & found.keys(), found
    assert not any(" and Canada" in name for name in found), found


def test_a_hyphenated_place_before_a_persons_name_is_apart():
    """`conseiller municipal de Trois-Rivières Jean-Guy Lamothe-Roy`: where, then who (a hyphenated
    city and a double-barrelled or rare name; not `Toronto Maple Leafs`)."""
    found = find_names(("L'ancien conseiller de Trois-Rivières Jean-Guy Lamothe-Roy est mort. Lamothe-Roy animait une émission.",
                        "Les Toronto Maple Leafs ont gagné."), [], "fr")
    assert "Jean-Guy Lamothe-Roy" in found and "Toronto Maple Leafs" in found, found
    assert not any(name.startswith("Trois-Rivières ") for name in found), found


def test_a_title_closing_a_run_is_a_surname_only_after_a_given_name():
    """A fresh-eyes review's cases: a place, an acronym, a team or a faith before a title names no one
    (`B.C. Premier`, `RCMP Commissioner`, `Brampton Mayor`, `OpenAI CEO`, `Anglican Bishop`)."""
    found = find_names(("The B.C. Premier and the RCMP Commissioner met. The former Brampton Mayor and the OpenAI CEO came.",
                        "The Anglican Bishop spoke, and the Oilers Coach agreed. Resources Minister Madeleine King signed."),
                       [], "en")
    assert "Madeleine King" in found, found
    assert not {"B.C. Premier", "RCMP Commissioner", "Brampton Mayor", "OpenAI CEO", "Anglican Bishop", "Oilers Coach"} \
        & found.keys(), found


def test_a_list_of_charges_in_sentence_case_and_a_first_nations_title():
    """`charged with: Fraud over $5,000, Possession of property ..., Participating in ...`: each item
    opens as a sentence does, its first word no name (a list of names stays names); a chief's title in
    Kanien'kéha is no part of the name (`Ratsénhaienhs Kirby Montour-Reyes`)."""
    found = find_names(("Police charged three people:", "- Jaden Ferris-Okonjo (22) of Mississauga: Fraud over $5,000 (9 counts), "
                        "Possession of property obtained by crime over $5,000, Participating in a criminal organization",
                        "- Marcus Tillman-Reyes (25) of Brampton: Fraud over $5,000 (6 counts), Possession of property "
                        "obtained by crime over $5,000, Participating in a criminal organization",
                        "Ratsénhaienhs Kirby Montour-Reyes said the nest was needed. Montour-Reyes spoke.",
                        "Guests: Nakashima, Okafor and Lindqvist. The team sent Nakashima, Okafor and Lindqvist again."),
                       [], "en")
    assert {"Jaden Ferris-Okonjo", "Marcus Tillman-Reyes", "Kirby Montour-Reyes", "Okafor", "Lindqvist"} <= found.keys(), found
    assert not {"Possession", "Participating", "Fraud", "Ratsénhaienhs Kirby Montour-Reyes"} & found.keys(), found


def test_a_company_after_its_officers_title_a_wires_mark_and_a_things_acronym():
    """`Chief Executive Officer of Halcyra` names the company, not `of Halcyra`; a release's
    `/CNW Telbec/` is the wire's mark; an acronym the story defines for lowercase words
    (`gaz naturel renouvelable (GNR)`) and a gas (`CO2`) name no one."""
    found = find_names(('"It is big," said Priya Raghunathan-Elwood, President and Chief Executive Officer of Halcyra.',
                        "Halcyra Systems Inc. said. Halcyra rose."), [], "en")
    assert "Halcyra Systems" in found and not any(name.startswith("of ") for name in found), found
    found = find_names(("SAINT-FÉLICIEN, QC, le 20 nov. 2026 /CNW Telbec/ - Groupe Bioverra inc. produira du gaz naturel "
                        "renouvelable (GNR) pour Énergir. Le GNR évitera 40 000 tonnes de CO2. Le GNR sera injecté. "
                        "Le CO2 baissera.",), ["CNW Telbec"], "fr")
    assert "Groupe Bioverra" in found, found
    assert not {"CNW Telbec/", "CNW Telbec", "GNR", "CO2"} & found.keys(), found
    found = find_names(("The Canada Revenue Agency (CRA) said. The CRA and the CRA again.",), [], "en")
    assert "Canada Revenue Agency" in found, found  # (a name's acronym stays its)


def test_a_peoples_word_of_a_country_in_on_and_a_ruling_named_for_a_party():
    """`Lebanese` is Lebanon's people's word (as `Congolese` is Congo's), no tag; `its 2016 Jordan
    decision` is a case (R. v. Jordan), not the country, which stays a tag where the story names it."""
    found = find_names(("UN peacekeepers handed posts to the Lebanese army. Lebanese soldiers raised the flag. Lebanese "
                        "President Joseph Aoun spoke in Lebanon.",
                        "The delay was beyond the 30-month ceiling the Supreme Court set in its 2016 Jordan decision."),
                       [], "en", title="UN peacekeepers hand first posts to Lebanese army")
    assert {"Joseph Aoun", "Lebanon"} <= found.keys() and not {"Lebanese", "Jordan"} & found.keys(), found
    assert "Jordan" in find_names(("Jordan closed its border. Jordan and Egypt met.",), [], "en")


def test_a_french_team_named_short_and_a_sites_address():
    """`le Drakkar` is the Drakkar de Baie-Comeau, named short (a rare word, as `les Olympiques` for the
    Olympiques de Gatineau); a site's address is where to go, no one named (`ReportFraud.ftc.gov`), but
    a company named by its site stays a name (`Rentals.ca`)."""
    found = find_names(("Les Saguenéens ont battu le Drakkar de Baie-Comeau 5-2 samedi.",
                        "Otis-Fairweather a répliqué pour le Drakkar, qui a perdu.", "Le Drakkar rentre à Baie-Comeau."), [], "fr")
    assert "Drakkar de Baie-Comeau" in found and "Drakkar" not in found, found
    found = find_names(("Report the fraud at ReportFraud.ftc.gov or www.antifraudcentre.ca right away.",
                        "Rentals.ca said rents fell. Rentals.ca and Urbanation track listings."), [], "en")
    assert "Rentals.ca" in found and not any("ftc" in n or "antifraud" in n for n in found), found


def test_a_law_named_with_its_small_words_and_a_saints_name():
    """`Access to Information Act`, `Species at Risk Act`: one law, its small words and all (not
    `Information Act`, `Risk Act`); a saint's possessive is part of what is named for them (`St.
    Joseph's Care Group`, `St. John's`), where a person's stays theirs (`Ford's Progressive Conservatives`)."""
    found = find_names(("The bill amends the Access to Information Act and the Species at Risk Act. The Access to "
                        "Information Act is 40 years old.", "Beds are full at St. Joseph's Care Group in St. John's, "
                        "St. Joseph's Care Group said.", "Ford's Progressive Conservatives won. Ford spoke."), [], "en")
    assert {"Access to Information Act", "Species at Risk Act", "St. Joseph's Care Group", "St. John's",
            "Progressive Conservatives"} <= found.keys(), found
    assert not {"Information Act", "Risk Act", "St. Joseph", "Care Group", "St. John"} & found.keys(), found


def test_a_body_named_for_its_unit_or_secretariat():
    """`Thunder Bay District Health Unit`, `Treasury Board Secretariat`: a body whose last word is its
    kind of office, its field words and all (not `Unit`, `Board Secretariat`)."""
    found = find_names(("The Thunder Bay District Health Unit reported 96 cases. The Treasury Board Secretariat's "
                        "figures show delays.",), [], "en")
    assert {"Thunder Bay District Health Unit", "Treasury Board Secretariat"} <= found.keys(), found
    assert not {"Unit", "Board Secretariat"} & found.keys(), found


def test_a_bodys_acronym_in_lowercase_style_and_hereditary_chiefs():
    """A fresh-eyes review's cases: a paper that writes a body in lowercase keeps its acronym a name
    (`special investigations unit (SIU)`), unlike a thing's (`gaz naturel renouvelable (GNR)`); the
    `Gitxsan Hereditary Chiefs` are one body (`Hereditary` is no title to drop)."""
    found = find_names(("The special investigations unit (SIU) is probing. The SIU said the officer was hurt.",
                        "The Gitxsan Hereditary Chiefs blocked the line. The Gitxsan Hereditary Chiefs said CN was warned."),
                       [], "en")
    assert {"SIU", "Gitxsan Hereditary Chiefs"} <= found.keys() and "Chiefs" not in found, found


def test_the_nineteenth_sets_names():
    """Bodies ending in `Initiative` or `Partners`, a department joined by `and` after `Employment`, a
    plural possessive kept as written (`Ontario Teachers' Pension Plan`), a place named with a
    possessive (`Arnold's Cove`), `Université du Québec à Trois-Rivières`, a factbox's lead in capitals
    (`AUTOS - ...`), a French team named short (`le Phoenix`), a role before a name (`Parent`), `Nordics`."""
    found = find_names(("By the International Coral Reef Initiative. Employment and Social Development Canada said. "
                        "Investors include the Ontario Teachers' Pension Plan and Halsey Ridge Partners.",
                        "AUTOS - U.S. tariffs of 25% apply to vehicles.", "She fishes out of Arnold's Cove. Boats in "
                        "Arnold's Cove stayed in port.", "Parent Dominic Lachance-Whitby spoke. Talking to the Nordics is cheap."),
                       [], "en")
    assert {"International Coral Reef Initiative", "Employment and Social Development Canada",
            "Ontario Teachers' Pension Plan", "Halsey Ridge Partners", "Arnold's Cove", "Dominic Lachance-Whitby"} \
        <= found.keys(), found
    assert not {"AUTOS", "Arnold", "Cove", "Nordics", "Parent Dominic Lachance-Whitby"} & found.keys(), found
    found = find_names(("Le Phoenix de Sherbrooke a battu les Tigres. Le Phoenix prendra la route. Le Phoenix a dominé.",
                        "Ancienne rectrice de l'Université du Québec à Trois-Rivières, elle enseigne."), [], "fr")
    assert {"Phoenix de Sherbrooke", "Université du Québec à Trois-Rivières"} <= found.keys() and "Phoenix" not in found, found


def test_the_nineteenth_sets_names_keep_to_their_copy():
    """A fresh-eyes review's cases: `Employment Insurance`, `Education Act`, `Employment Equity Act` keep
    their first word; a sports roundup's `NBA —`, `CFL —` and a second dateline `HALIFAX —` are no
    factbox leads; `Student Aid BC` and `Nurse Next Door` are bodies; the Baltics are a region."""
    found = find_names(("Claims for Employment Insurance rose by 4 per cent. The Education Act was amended. The federal "
                        "Employment Equity Act is under review.", "NBA — The Raptors beat the Celtics on Saturday.",
                        "CFL — The league named a commissioner.", "HALIFAX — Nova Scotia announced its own program.",
                        "Student Aid BC will change its rules. Nurse Next Door hired staff.",
                        "Troops went to the Baltics. Russia has threatened the Baltics."), [], "en")
    assert {"Employment Insurance", "Education Act", "Employment Equity Act", "NBA", "CFL", "HALIFAX", "Student Aid BC",
            "Nurse Next Door", "Baltics"} <= found.keys(), found


def test_the_twenty_first_sets_names_are_whole():
    """A body named with `and` after its field words or its province, or after a province's ministry;
    a district named with a compass word or two names of its own; a French body over a capitalised
    word or two regions; a long name of six words and its small ones. Not names: a germ's genus, a
    measure made from an acronym. Still two: a province and a body after `and`, a hospital and the
    health authority it belongs to, a province and its premier."""
    found = find_names(("In a filing with the Securities and Exchange Commission, the company said. The Casa Verde "
                        "Irrigation District and the Lethbridge Northern Irrigation District agreed.",
                        "The Newfoundland and Labrador Association of Public and Private Employees (NAPE) said so. "
                        "It was announced by Alberta Environment and Protected Areas on Friday.",
                        "A deal between Newfoundland and Labrador and Hydro-Quebec was signed. Newfoundland and "
                        "Labrador Premier John Hogan spoke."), [], "en")
    assert {"Securities and Exchange Commission", "Casa Verde Irrigation District", "Lethbridge Northern Irrigation District",
            "Newfoundland and Labrador Association of Public and Private Employees", "Alberta Environment and Protected Areas",
            "Newfoundland and Labrador", "John Hogan"} <= found.keys(), found
    assert not {"Exchange Commission", "Irrigation District", "Protected Areas", "Alberta Environment",
                "Newfoundland and Labrador Hydro-Quebec", "Newfoundland and Labrador Premier John Hogan"} & found.keys(), found
    found = find_names(("Selon l'Association des producteurs d'arbres de Noël du Québec, la saison est bonne. La "
                        "Direction de santé publique de la Mauricie et du Centre-du-Québec a confirmé douze cas.",
                        "La légionellose, causée par la bactérie Legionella, ne se transmet pas. Le Conseil de la "
                        "Nation Anishnabe du Lac Simon a demandé le dépistage.",
                        "Les mesures de la Banque du Canada, l'IPC-tronq et l'IPC-méd, ont ralenti. Il a été soigné à "
                        "l'Hôpital Sainte-Marie du CIUSSS de la Mauricie-et-du-Centre-du-Québec."), [], "fr")
    assert {"Association des producteurs d'arbres de Noël du Québec",
            "Direction de santé publique de la Mauricie et du Centre-du-Québec",
            "Conseil de la Nation Anishnabe du Lac Simon", "Banque du Canada"} <= found.keys(), found
    assert not {"Legionella", "IPC-tronq", "IPC-méd", "Noël du Québec",
                "Hôpital Sainte-Marie du CIUSSS de la Mauricie-et-du-Centre-du-Québec"} & found.keys(), found


def test_the_twenty_first_sets_rules_keep_to_their_copy_as_a_review_found():
    """A fresh-eyes review's cases: two French bodies joined by `et de la` stay two; a body's acronym
    after `et de la` stays a name; `virus` before a name hides nothing; a province's health body before
    `and Education officials` is not a ministry of both; a bank and its board are not one long name; a
    province and a firm named after a place stay apart."""
    found = find_names(("La Direction de santé publique de Montréal et de la Ville de Laval ont lancé une campagne.",
                        "La Fédération des chambres de commerce du Québec et de la Chambre de commerce de Montréal ont dit.",
                        "Le Syndicat des enseignants de Laval et de la CSN a dit."), [], "fr")
    assert {"Direction de santé publique de Montréal", "Ville de Laval", "Fédération des chambres de commerce du Québec",
            "Chambre de commerce de Montréal", "CSN"} <= found.keys(), found
    found = find_names(("President Donald Trump spoke. The virus Trump once downplayed spread. Trump disagreed. Trump said so.",
                        "Ontario Health and Education officials met Friday.",
                        "The Royal Bank of Canada Board of Directors approved it.",
                        "Newfoundland and Labrador Ontario Power Generation signed."), [], "en")
    assert found["Donald Trump"] == 4 and {"Ontario Health", "Ontario Power Generation"} <= found.keys(), found
    assert not {"Ontario Health and Education", "Royal Bank of Canada Board of Directors",
                "Newfoundland and Labrador Ontario"} & found.keys(), found


def test_a_day_of_the_calendar_is_no_name():
    """`Christmas Eve`, `Boxing Day`, `New Year's Eve` are days, as `Christmas` is; `Lunar New Year` is
    a festival's name."""
    found = find_names(("Stores opened on Boxing Day at 8 a.m. and on Christmas Eve. Christmas Day was quiet, New "
                        "Year's Eve too. The Lunar New Year began.",), [], "en")
    assert "Lunar New Year" in found and not {"Boxing Day", "Christmas Eve", "Christmas Day", "New Year"} & found.keys(), found
    assert "Noël Day-Tremblay" in find_names(("Police said Noël Day-Tremblay, 44, was charged. Noël Day-Tremblay appears "
                                              "Monday.",), [], "en")  # (Noël is a given name too)


def test_a_nickname_names_its_person_and_a_saints_epithet_is_part_of_the_name():
    """An obituary's `GAUDET, Léonce Joseph "Lonnie" –` (given names, then the nickname) and the
    nickname alone later are Léonce Joseph Gaudet, as `Maurice "Mom" Boucher` and `Mom` are one man;
    `the Baptist` is part of a church's name."""
    found = find_names(('GAUDET, Léonce Joseph "Lonnie" – Peacefully, at Prince County Hospital, Léonce Joseph Gaudet '
                        "of Miscouche, at 87. Predeceased by his parents, Joseph and Marie Gaudet.",
                        "Lonnie fished lobster for 50 years. He sang at St. John the Baptist Church in Miscouche."), [], "en")
    assert found["Léonce Joseph Gaudet"] >= 3 and "St. John the Baptist Church" in found, found
    assert not {"Léonce Joseph", "Lonnie", "Joseph", "St. John", "Baptist Church"} & found.keys(), found
    found = find_names(('Maurice "Mom" Boucher died Tuesday. Mom Boucher led the gang. Mom was 72.',), [], "en")
    assert found == {"Maurice Boucher": 3.0}, found
    found = find_names(("The Great Lakes and the Baptist church met.",), [], "en")
    assert "the Baptist" not in found and "Great Lakes" in found, found


def test_a_french_role_of_a_place_then_the_person_with_no_comma():
    """`la conseillère municipale d'Iqaluit Jeannie Pitsiulak-Moreau`: a place the story names alone and
    a person it names by the surname, two names; a run that does not read so stays whole."""
    found = find_names(("Se présentent l'ancienne conseillère municipale d'Iqaluit Jeannie Pitsiulak-Moreau et "
                        "Solomon Akavak-Reid. Le scrutin aura lieu à Iqaluit.",
                        "Mme Pitsiulak-Moreau a dit non."), [], "fr")
    assert {"Jeannie Pitsiulak-Moreau", "Iqaluit"} <= found.keys(), found
    assert "Iqaluit Jeannie Pitsiulak-Moreau" not in found, found
    found = find_names(("Le député de Laval Jean Roy a parlé.",), [], "fr")  # (never named again: as written)
    assert "Laval Jean Roy" in found, found


def test_a_box_scores_team_codes_after_a_goals_number_or_a_labels_dash():
    """`1. BFD, Redcalf-Morin 12 (...) 6:14`, `Goalies - FF: Nordstrom-Ives (L, 24 saves)` and `Power plays -
    FF 0-for-3; BFD 1-for-4`: the teams' codes in agate name no one; an acronym in a sentence still does."""
    found = find_names(("First period - 1. BFD, Redcalf-Morin 12 (Kanipe-Price, Dallaire-Hunt) 6:14; 2. FF, Lavallee-Osei 8 "
                        "(Brightman-Kerr) 17:52.\nGoalies - FF: Nordstrom-Ives (L, 24 saves); BFD: Kowalyk-Dion (W, 29 "
                        "saves).\nPower plays - FF 0-for-3; BFD 1-for-4.",
                        "The SJHL suspended him. The SJHL said so."), [], "en")
    assert "SJHL" in found and not {"BFD", "FF"} & found.keys(), found
