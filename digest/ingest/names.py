"""Names in running text: the people, organisations and places a story is about, as an
editor would tag them (titles, honorifics, slogans, adjectives of place and the byline's
people left out; a surname or `M. Legault` counted toward the full name).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

# Words that precede a name but are not part of it.
TITLES = {
    "Prime", "Minister", "President", "Vice", "Secretary", "Premier", "Leader", "Governor", "Gov", "Atty", "Coun", "Councillor", "Councilor", "Det", "Supt",
    "General", "Mayor", "Senator", "Sen", "Rep", "Representative", "Chief", "Commissioner",
    "Ambassador", "Justice", "Judge", "Director", "Chancellor", "Deputy", "Mr", "Mrs", "Ms",
    "Dr", "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Pope", "CEO", "Chair",
    "Chairman", "Chairwoman", "Spokesperson", "Spokesman", "Spokeswoman", "Officer", "Coach",
    "Captain", "Capt", "Gen", "Lt", "Col", "Sgt", "Const", "Cpl", "Insp", "Supt", "Speaker",
    "MP", "MPP", "MLA", "MNA", "Health", "Finance", "Trade", "Foreign", "Defence", "Defense",
    "Environment", "Industry", "Commerce", "Treasury", "Attorney", "Public", "Safety", "U.S.",
    "Liberal", "Conservative", "NDP", "Bloc", "Green", "Federal", "Provincial", "Former", "Interim",
    "Economist", "Analyst", "Chief Economist", "Governor General", "Executive", "Head", "Manager",
    "Majority", "Minority", "Opposition", "Whip", "Critic", "Parliamentary",
    "Emergency", "Preparedness", "Immigration", "Housing", "Transport", "Labour", "Energy", "Justice",
    "Agriculture", "Fisheries", "Innovation", "Affairs", "Intergovernmental", "Indigenous", "Northern",
    # French, capitalised at a sentence start or in a title: `Le ministre`, `M. Legault`, `Mme Fréchette`
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Me", "Ministre", "Première", "Président", "Présidente", "Maire",
    "Mairesse", "Chef", "Député", "Députée", "Sénateur", "Sénatrice", "Juge", "Porte-parole", "Directeur",
    "Directrice", "PDG", "Gouverneur", "Gouverneure", "Commissaire", "Secrétaire", "Ministère", "Dre", "Mgr",
    "Finances", "Santé", "Environnement", "Économie", "Affaires", "Transports", "Sécurité", "Emploi",
    "Éducation", "Culture", "Énergie", "Relations", "Protection", "Famille", "Travail", "Cardinal", "Professor",
    "Prof", "Archbishop", "Bishop", "Rev", "Father", "Pastor",
}
# A run that ends with one of these names a body or a place, title words and all:
# `Public Health Ontario`, `Environment and Climate Change Canada`, `Bank of Canada`.
PLACES = {"Canada", "Ontario", "Quebec", "Québec", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
          "Newfoundland", "Labrador", "Yukon", "Nunavut", "Toronto", "Montreal", "Montréal", "Ottawa",
          "Vancouver", "Calgary", "Edmonton", "Winnipeg", "Halifax"}
# Adjectives of place, never names on their own: `North American automakers`.
DEMONYMS = {
    "American", "Americans", "Canadian", "Canadians", "European", "Europeans", "British", "French", "German",
    "Chinese", "Japanese", "Mexican", "Mexicans", "Ukrainian", "Ukrainians", "Russian", "Russians", "Israeli",
    "Palestinian", "Indian", "Italian", "Spanish", "Korean", "Australian", "Québécois", "Québécoise",
    "Quebecer", "Quebecers", "Québécois", "Albertan", "Albertans", "Ontarian", "Ontarians", "Western",
    "Eastern", "Northern", "Southern", "North", "South", "East", "West", "Latin", "Central", "Arctic",
    "Atlantic", "Pacific", "Canadien", "Canadienne", "Canadiens", "Américain", "Américaine", "Américains",
    "Européen", "Européenne", "Européens", "Français", "Française", "Anglo", "Franco", "Indigenous", "First",
    "Britannique", "Montréalais", "Montréalaise", "Québécoise", "Ontarien", "Ontarienne", "Albertain",
    "Ukrainien", "Ukrainienne", "Russe", "Allemand", "Chinois", "Mexicain", "Manitobans", "Torontonians",
    "Montrealers", "Vancouverites", "Calgarians", "Albertans", "Americans",
}
COMPANY_SUFFIXES = {"Inc", "Inc.", "Ltd", "Ltd.", "LLC", "L.L.C.", "plc", "PLC", "S.A.", "AG", "N.V.", "Limited",
                    "Incorporated", "Ltée"}
# Small words that may sit inside a name: Bank of Canada, Ursula von der Leyen.
CONNECTORS = {"of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "bin", "al"}
SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
    "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre",
    "Novembre", "Décembre",
}
# Capitalised at a sentence start only because they start it.
SENTENCE_WORDS = {
    "A", "An", "The", "And", "But", "Or", "So", "Yet", "If", "In", "On", "At", "As", "By", "For",
    "From", "To", "Of", "With", "Without", "After", "Before", "During", "Since", "Until", "When",
    "While", "Where", "Why", "How", "What", "Who", "Which", "This", "That", "These", "Those",
    "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
    "However", "Meanwhile", "Still", "Also", "Asked", "According", "Some", "Many", "Most",
    "Several", "Both", "Each", "Every", "Other", "Others", "Critics", "Officials", "Analysts",
    "Experts", "Earlier", "Later", "Last", "Next", "First", "Then", "There", "Here", "Under",
    "Over", "About", "Among", "Despite", "Although", "Though", "Because", "Unlike", "Like",
    "Instead", "Once", "Now", "Today", "Yesterday", "Tomorrow", "Not", "No", "Yes", "All",
    "Any", "Such", "One", "Two", "Three", "Speaking", "Responding", "Following", "Including",
    "Follow", "Read", "Watch", "Click", "See", "Contact", "Subscribe", "Sign",
    # French sentence openers
    "Le", "La", "Les", "L’", "Un", "Une", "Des", "Du", "De", "Au", "Aux", "Selon", "Dans", "Pour", "Par",
    "Sur", "Avec", "Sans", "Mais", "Et", "Ou", "Donc", "Or", "Cette", "Ce", "Cet", "Ces", "Il", "Elle",
    "Ils", "Elles", "On", "Nous", "Vous", "Lors", "Depuis", "Après", "Avant", "En", "Entre", "Chez",
    "Plus", "Moins", "Tout", "Tous", "Toutes", "Toute", "Aucun", "Aucune", "Leur", "Leurs", "Son", "Sa",
    "Ses", "Notre", "Nos", "Quand", "Alors", "Ainsi", "Pourtant", "Toutefois", "Cependant", "Enfin",
    "Déjà", "Encore", "Aussi", "Si", "Comme", "Quant", "Parmi", "Malgré", "Vers", "Contre", "Hier",
    "Demain", "Aujourd’hui", "Rappelons", "Outre", "Certains", "Plusieurs", "Chaque", "Là", "Ici", "À",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands", "Tonight",
    "This", "Shares", "Voters", "Residents", "Police", "Mr", "Ms",
}
# Paragraphs of credits rather than story: their names are staff, not subjects.
_CREDIT_LINE = re.compile(r"^(?:\(?(?:Additional )?[Rr]eporting by|Editing by|Writing by|Follow |With files from)")
ACRONYM_STOP = {"HTML", "URL", "CEO", "CFO", "COO", "GDP", "AM", "PM", "TV", "OK", "USD", "CAD", "AP", "UPDATE",
                "COVID", "NEW", "LIVE", "ET", "PT", "EST", "EDT", "UTC"}
ORG_WORDS = {
    "Bank", "Agency", "Party", "Press", "Association", "Organization", "Organisation", "Council",
    "House", "Senate", "Commission", "Office", "Department", "Ministry", "Court", "University",
    "Inc.", "Ltd.", "Corp.", "Company", "Group", "Fund", "Board", "Bureau", "Services", "Service",
    "Union", "Federation", "League", "Committee", "Institute", "Foundation", "Society", "Club",
    "Network", "News", "Canada", "Commons", "Reserve", "Index", "Police", "Forces", "Authority",
    "Corporation", "Chamber", "Social", "Times", "Post", "Nations", "Centre", "Center", "Hospital",
    "Corp", "Inc", "Ltd", "Banque", "Agence", "Parti", "Conseil", "Commission", "Cour", "Université",
    "Hôpital", "Société", "Assemblée", "Fédération", "Syndicat", "Institut", "Fondation", "Centre",
    "Office", "Régie", "Caisse", "Tribunal", "Ville", "Group", "Groupe", "Coalition", "Alliance", "Ministry",
} | PLACES

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UPPER}][\w’'.&/-]*"
# A run of capitalised words, possibly joined by small connectors (Bank of Canada) or by `and`
# (Environment and Climate Change Canada: `_names_in` splits it again unless it names one body).
JOINERS = {"and", "&"}
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(CONNECTORS | JOINERS))})[ \t]+)*{_WORD})*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SHORT_FORMS = {"St", "Ste", "Mt", "Ft", "Sts"}
_LOWER_COMPOUND = re.compile(r"-[a-z]")  # a capitalised word joined to a lowercase one is an adjective  # `Sault Ste. Marie`: no sentence ends there


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words recur across stories
def _clean_token(token: str) -> str:
    """Drop possessives and trailing punctuation: `Carney’s` -> `Carney`."""
    token = token.removesuffix("’s").removesuffix("'s")
    if token.endswith(".") and token not in SUFFIXES and not _INITIALS.fullmatch(token) \
            and token[:-1] not in _SHORT_FORMS:  # `St. Louis` keeps its period
        token = token.rstrip(".")
    return token.strip("’'-&")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 8): start].rstrip(" \t“\"‘(").rstrip("”\"’)")
    return (before[-1:] or "\n") in ".!?:;\n"


@functools.lru_cache(maxsize=1 << 16)  # a story's runs are mostly names that recur across stories
def _split_run(run: str) -> tuple[tuple[tuple[str, ...], bool | None], ...]:
    """A run of capitalised words split at sentence ends and dates: (words, opens a sentence),
    where None stands for whether the run itself opens one."""
    parts: list[tuple[tuple[str, ...], bool | None]] = []
    current: list[str] = []
    opens: bool | None = None
    for raw in run.split():
        token = _clean_token(raw)
        if token in CALENDAR or not token or _LOWER_COMPOUND.search(raw):  # `Toronto-based`, `CUSMA-compliant`
            if current:
                parts.append((tuple(current), opens))
            current, opens = [], False
            continue
        current.append(token)
        if raw.endswith(("’s", "'s")):  # `Ford’s Progressive Conservatives`: two names
            parts.append((tuple(current), opens))
            current, opens = [], False
        elif raw.endswith(".") and raw not in SUFFIXES and not _INITIALS.fullmatch(raw) \
                and token not in TITLES and token[:-1] not in _SHORT_FORMS:
            parts.append((tuple(current), opens))
            current, opens = [], True
    if current:
        parts.append((tuple(current), opens))
    return tuple(parts)


def _runs(paragraph: str) -> list[tuple[tuple[str, ...], bool]]:
    """Runs of capitalised words, split at sentence ends and dates, each with whether it opens a sentence."""
    runs: list[tuple[tuple[str, ...], bool]] = []
    for match in _RUN.finditer(paragraph):
        if _quoted(paragraph, match.start(), match.end()) or paragraph[match.end():match.end() + 1] == "–":
            continue  # `“Elbows Up”`, `« Canada Fort »`: a slogan; `Accord Canada–États-Unis`: part of a compound
        opens = None
        for words, part_opens in _split_run(match.group()):
            if part_opens is None:
                if opens is None:
                    opens = _opens_sentence(paragraph, match.start())
                part_opens = opens
            runs.append((words, part_opens))
    return runs


_FRENCH_BODY = re.compile(
    r"\b(?:Parti|Cour|Institut|Centre|Banque|Association|Conseil|Commission|Société|Office|Régie|Agence|Bureau|"
    r"Tribunal|Ministère|Fédération|Syndicat|Union|Université|Hôpital|Caisse|Fonds|Autorité|Bloc)"
    r"(?:\s+[a-zà-ÿ’'-]+){0,5}?\s+(?:du|des|de\s+la|de\s+l[’']|de)\s*[A-ZÀ-Þ][\w’'-]*")


def credited_names(credits: tuple[str, ...]) -> list[str]:
    """Names in credit lines (`Associated Press writer Rob Gillies in Toronto contributed`), and
    every shorter run of their words: staff, never subjects, even when the story mentions them."""
    names: list[str] = []
    for line in credits:
        for run in _RUN.findall(line):
            words = run.split()
            names += [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
    return names


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all there is between a pair of quotation marks."""
    before = text[max(0, start - 2):start].rstrip(" \u00a0\u202f")
    after = text[end:end + 3].lstrip(" \u00a0\u202f").lstrip(".,!?")
    return before[-1:] in ("“", '"', "«", "‘") and after[:1] in ("”", '"', "»", "’")


_LEADING_NOISE = SENTENCE_WORDS | CONNECTORS


@functools.lru_cache(maxsize=1 << 16)
def _is_title(word: str) -> bool:
    return word in TITLES or "-" in word and all(part in TITLES for part in word.split("-"))


@functools.lru_cache(maxsize=1 << 16)
def _names_in(words: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The name candidates in a run, as (phrase, number of words): split at `and` unless the
    whole names one body, then at titles; runs in capitals (headline shouting) left out."""
    out: list[tuple[str, int]] = []
    for part in _split_and(words):
        for name in _named_in(part):
            phrase = " ".join(name)
            if not (phrase.upper() == phrase and len(name) > 1):
                out.append((phrase, len(name)))
    return tuple(out)


def _split_and(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`Mark Carney and Doug Ford` is two names; `Environment and Climate Change Canada`, with
    a department's word before `and` and a body's word at the end, is one; so is `S & P`."""
    if not any(w in JOINERS for w in words):
        return [words]
    if words[-1] in ORG_WORDS and all(_is_title(words[i - 1]) or words[i] == "&" or words[-1] in _COMPANY_END
                                      for i, w in enumerate(words) if w in JOINERS and i):
        return [tuple(w for w in words)]
    parts: list[tuple[str, ...]] = []
    current: list[str] = []
    for word in words:
        if word in JOINERS:
            if current:
                parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    if current:
        parts.append(tuple(current))
    return parts


_COMPANY_END = {"Corp", "Corporation", "Company", "Inc", "Ltd", "Group"}


def _is_body_word(word: str) -> bool:
    """A word that ends the name of a body or a place: `Bank`, `Canada`, `Radio-Canada`."""
    return word in ORG_WORDS or "-" in word and word.rsplit("-", 1)[1] in ORG_WORDS


def _looks_like_person(words: tuple[str, ...]) -> bool:
    return 2 <= len(words) <= 3 and not any(_is_body_word(w) or _is_title(w) or w in CONNECTORS or w in JOINERS
                                            for w in words)


def _named_in(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    while words and (words[0] in _LEADING_NOISE or words[0] in JOINERS):
        words = words[1:]
    while words and words[-1] in CONNECTORS:  # `Fourth of` (July)
        words = words[:-1]
    if len(words) > 2 and words[0] in DEMONYMS and _looks_like_person(words[1:]):  # `le Britannique George Russell`
        words = words[1:]
    if len(words) == 2 and words[0] in DEMONYMS and words[1].isupper():  # `Canadian AI`
        return []
    if "of" in words[1:-1]:  # `Thom Tillis of North Carolina`: a person and a place; `Bank of Canada`: a body
        at = words.index("of")
        if not _is_body_word(words[at - 1]) and not _is_title(words[at - 1]):
            return _named_in(words[:at]) + _named_in(words[at + 1:])
    for at in range(len(words) - 2):  # `Banque du Canada Mark Carney`: a body, then a person (not `Toronto Maple Leafs`)
        if (at or "-" in words[0]) and _is_body_word(words[at]) and _looks_like_person(words[at + 1:]):
            return _named_in(words[:at + 1]) + [words[at + 1:]]
    while words and words[-1] in COMPANY_SUFFIXES:  # `Shopify Inc.` is Shopify
        words = words[:-1]
    if len(words) > 1 and words[-1] == "Corp":
        words = (*words[:-1], "Corp.")  # `Canada Mortgage and Housing Corp.` keeps its period
    if not words or all(w in DEMONYMS for w in words):  # `North American`: an adjective
        return []
    if len(words) > 1 and words[-1] in ORG_WORDS and not _is_title(words[-1]):
        return [words]  # a body: `Public Health Ontario`, `Bank of Canada`
    titles = [i for i, w in enumerate(words) if _is_title(w)]
    if not titles:
        return [words]
    last = titles[-1]
    after = words[last + 1:]
    if after and after[0] in CONNECTORS and len(after) > 3:  # Secretary of Commerce Howard Lutnick
        after = after[2:]
    if not after:
        return []  # `Canadian Foreign Affairs Minister`: a title, no name
    first = last
    while first > 0 and _is_title(words[first - 1]):
        first -= 1
    before = words[:first]
    # before a title: the body it belongs to (`Bank of Canada Governor`), or more of the
    # title (`Senate Majority Leader`, `Emergency Preparedness Minister`), which is no name
    keep = [before] if len(before) > 1 and before[-1] in ORG_WORDS or len(before) == 1 else []
    return keep + [after]


class _LowercaseWords:
    r"""Whether a word appears in lowercase in a text, as `re.findall(r"\b[a-z][\w’']*", text)`
    would find it: answered for the few words asked about instead of tokenising the whole
    text, which took a third of `find_names`."""

    __slots__ = ("text", "answers")

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = self._find(word)
        return found

    def _find(self, word: str) -> bool:
        if not "a" <= word[:1] <= "z" or not all(_in_token(c) for c in word):
            return False
        text = self.text
        start = text.find(word)  # a substring search, then the boundaries: no regex to compile per word
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _in_token(text[end])):
                if start == 0 or text[start - 1] not in "’'":
                    return True
                # after an apostrophe: findall's word is the one starting earliest in this run of
                # word characters and apostrophes (`Carney’s` gives `s`, `it’s` gives `it’s`)
                run = start - 1
                while run > 0 and _in_token(text[run - 1]):
                    run -= 1
                first = next(i for i in range(run, start + 1)
                             if "a" <= text[i] <= "z" and (i == run or text[i - 1] in "’'"))
                if first == start:
                    return True
            start = text.find(word, start + 1)
        return False


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _in_token(char: str) -> bool:
    """`[\\w’']`: the characters of a word as `_LowercaseWords` counts them."""
    return char.isalnum() or char in "_’'"


def find_names(paragraphs: tuple[str, ...], exclude: Iterable[str], language: str = "en",
               title: str = "") -> dict[str, int]:
    """People, organisations and places named in the text, by mentions, in order of first mention.

    A full name (`Mark Carney`) also collects later mentions of its last word (`Carney said`,
    `M. Legault`). A single word is a name when it is an acronym (NATO), or when the story
    capitalises it mid-sentence at least twice, never writes it in lowercase, and it is no
    common word of the story's language (`Cohere`, `Stellantis`; not `Consumers`).
    """
    lower_words = _LowercaseWords("\n".join(paragraphs))
    excluded = {e.lower() for e in exclude if e}
    excluded |= {e.lower().removeprefix("the ") for e in excluded}
    excluded |= {e.split(",")[0] for e in excluded}  # KYIV, Ukraine -> KYIV
    excluded |= {w.lower() for e in exclude if e and e.isupper() for w in e.replace(",", " ").split()}  # NEW YORK
    full: dict[str, int] = {}
    singles: list[tuple[str, bool]] = []
    for paragraph in paragraphs:
        if _CREDIT_LINE.match(paragraph):
            continue
        for words, opens in _runs(paragraph):
            # a sentence's first word is capitalised anyway: not a name if the text uses it in
            # lowercase (`words` is never empty: _split_run keeps no empty part)
            if opens and (words[0] in SENTENCE_WORDS or words[0].lower() in lower_words):
                words, opens = words[1:], False
            for phrase, n in _names_in(words):
                if phrase.lower() in excluded:
                    continue
                if n == 1:
                    singles.append((phrase, opens and phrase == words[0]))
                elif n <= 6:
                    full[phrase] = full.get(phrase, 0) + 1
    if language == "fr":  # `Parti libéral du Canada`, `Cour suprême du Canada`: French bodies hold lowercase words
        for paragraph in paragraphs:
            for match in _FRENCH_BODY.finditer(paragraph):
                phrase = " ".join(match.group().split())
                if phrase.lower() not in excluded:
                    full[phrase] = full.get(phrase, 0) + 1
    for phrase in list(full):  # `St-Pierre Plamondon` is Paul St-Pierre Plamondon
        longer = [name for name in full if name.endswith(" " + phrase) and not any(w in ORG_WORDS for w in name.split())]
        if len(longer) == 1 and " " in phrase:
            full[longer[0]] += full.pop(phrase)
    surnames: dict[str, str | None] = {}
    for name in full:
        parts = name.split()
        if any(w in ORG_WORDS for w in parts):
            continue
        last = parts[-2] if parts[-1] in SUFFIXES and len(parts) > 1 else parts[-1]
        surnames[last] = None if last in surnames and surnames[last] != name else name
    counts = dict(full)
    mentions: dict[str, int] = {}
    mid_sentence: dict[str, int] = {}
    title_words = set(title.replace("’s", " ").replace("'s", " ").split())
    for word, opens in singles:
        owner = surnames.get(word)
        if owner:
            counts[owner] += 1
        elif re.fullmatch(r"[A-Z][A-Z0-9&]{2,7}|[A-Z]\d{1,2}", word) and word not in ACRONYM_STOP \
                and word.lower() not in excluded and len(word) >= 2:
            counts[word] = counts.get(word, 0) + 1
        else:
            mentions[word] = mentions.get(word, 0) + 1
            mid_sentence[word] = mid_sentence.get(word, 0) + (not opens)
    for word, n in mentions.items():
        if word.lower() in lower_words or not _is_proper_word(word, language):
            continue
        # a word no word list knows as a common one names something wherever it stands; a
        # rarer common word must be capitalised mid-sentence (or in the headline) twice
        evidence = n if _frequency(word, language) < RARE_ZIPF else mid_sentence[word] + (word in title_words)
        if evidence >= (1 if _frequency(word, language) < RARE_ZIPF else 2):
            counts[word] = n
    order = {name: i for i, name in enumerate(counts)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))


_PLACE_ABBREVIATIONS = {"Alta", "Sask", "Nfld", "Calif", "Mass", "Mich", "Conn", "Ariz", "Colo", "Minn", "Okla",
                        "Tenn", "Wash", "Penn", "Wisc", "Mont", "Nebr", "Oreg"}
RARE_ZIPF = 3.0  # below this a word is no common word at all: `Unifor` 1.8, `Stellantis` 0
COMMON_ZIPF = 5.0  # wordfreq's scale: 5 is once per 100,000 words; `Court` 5.4, `Senate` 4.8, `Cohere` 2.0


def _is_proper_word(word: str, language: str) -> bool:
    """A capitalised word that names something rather than being a common word written with a capital."""
    if word in DEMONYMS or word in CALENDAR or _is_title(word) or word in SENTENCE_WORDS or not word[:1].isupper() \
            or len(word) < 4 or word in _PLACE_ABBREVIATIONS or not any(c.islower() for c in word):
        return False
    return _frequency(word, language) < COMMON_ZIPF


@functools.lru_cache(maxsize=1 << 14)
def _frequency(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # its word lists ship inside the package; loaded only here

    return float(zipf_frequency(word, language if language in ("en", "fr") else "en"))
