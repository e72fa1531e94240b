"""Names in running text: the people, organisations and places a story is about, as an
editor would tag them (titles, honorifics, slogans, adjectives of place and the byline's
people left out; a surname or `M. Legault` counted toward the full name).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from digest.ingest.frequency import zipf
from digest.ingest.places import CANADA_CITIES, dateline_countries, is_known_place
from digest.slugs import slugify

# Portfolios and departments: part of a title (`Health Minister`) or of a body's name
# (`Nova Scotia Health`, `Ministry of Commerce`), never a name on their own.
PORTFOLIOS = {
    "Health", "Finance", "Trade", "Foreign", "Defence", "Defense", "Environment", "Industry", "Commerce",
    "Treasury", "Public", "Safety", "Emergency", "Preparedness", "Immigration", "Housing", "Transport",
    "Labour", "Energy", "Justice", "Agriculture", "Fisheries", "Innovation", "Affairs", "Intergovernmental",
    "Indigenous", "Northern", "Government",
    "Finances", "Santé", "Environnement", "Économie", "Affaires", "Transports", "Sécurité", "Emploi",
    "Éducation", "Culture", "Énergie", "Relations", "Protection", "Famille", "Travail",
}
# Words that precede a name but are not part of it.
TITLES = PORTFOLIOS | {
    "Prime", "Minister", "President", "Vice", "Secretary", "Premier", "Leader", "Governor", "Gov", "Atty", "Coun",
    "Councillor", "Councilor", "Det", "Supt", "General", "Mayor", "Reeve", "Warden", "Senator", "Sen", "Rep", "Representative",
    "Chief", "Commissioner", "Ambassador", "Judge", "Director", "Chancellor", "Deputy", "Mr", "Mrs", "Ms",
    "Dr", "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Pope", "CEO", "Chair",
    "Chairman", "Chairwoman", "Spokesperson", "Spokesman", "Spokeswoman", "Officer", "Coach",
    "Captain", "Capt", "Gen", "Lt", "Col", "Sgt", "Const", "Cpl", "Insp", "Speaker",
    "MP", "MPP", "MLA", "MNA", "Attorney", "U.S.", "Liberal", "Conservative", "NDP", "Green", "Federal",
    "Provincial", "Former", "Interim", "Economist", "Analyst", "Chief Economist", "Governor General",
    "Executive", "Head", "Manager", "Majority", "Minority", "Opposition", "Whip", "Critic", "Parliamentary",
    "Republican", "Democratic", "Democrat", "Advocate", "Ombudsman", "Ombudsperson",
    # French, capitalised at a sentence start or in a title: `Le ministre`, `M. Legault`, `Mme Fréchette`
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Me", "Ministre", "Première", "Président", "Présidente", "Maire",
    "Mairesse", "Chef", "Député", "Députée", "Sénateur", "Sénatrice", "Juge", "Porte-parole", "Directeur",
    "Directrice", "PDG", "Gouverneur", "Gouverneure", "Commissaire", "Secrétaire", "Ministère", "Dre", "Mgr",
    "Cardinal", "Professor", "Prof", "Archbishop", "Bishop", "Rev", "Father", "Pastor",
    "Admiral", "Commodore", "Justices",
    # First Nations' leaders, in their languages: `Ratsénhaienhs Kirby Montour-Reyes` (Kanien'kéha), `Ogimaa`
    # (Anishinaabemowin), `Okimaw` (Cree)
    "Ratsénhaienhs", "Ratitsénhaienhs", "Ogimaa", "Ogichidaa", "Okimaw", "Okimâw",
}
# Roles said before a person's name (`Quarterback Trevor Harris said`), but also surnames and
# words of other names (`John Constable`, `Canada Forward`): dropped only before a person's name
ROLES = {
    "Quarterback", "Goaltender", "Goalie", "Defenceman", "Defenseman", "Forward", "Winger", "Pitcher",
    "Linebacker", "Receiver", "Midfielder", "Striker", "Rookie", "Veteran", "Lawyer", "Trustee", "Constable",
    "Sergeant", "Superintendent", "Inspector", "Detective", "Lieutenant", "Corporal", "Coroner", "Warden",
    "Gardien", "Attaquant", "Défenseur", "Avocat", "Avocate", "Entraîneur", "Capitaine",
    "Parent", "Resident", "Volunteer", "Neighbour", "Neighbor", "Homeowner", "Paramedic", "Firefighter", "Organizer",
    "Organiser",
}
# A run that ends with one of these names a body or a place, title words and all:
# `Public Health Ontario`, `Environment and Climate Change Canada`, `Bank of Canada`.
PLACES = {"Canada", "Ontario", "Quebec", "Québec", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
          "New Brunswick", "Prince Edward Island", "British Columbia", "Northwest Territories",
          "Newfoundland", "Labrador", "Yukon", "Nunavut", "Toronto", "Montreal", "Montréal", "Ottawa",
          "Vancouver", "Calgary", "Edmonton", "Winnipeg", "Halifax"}
# U.S. states, which Babel's country names do not hold; with PLACES, the places a headline may name.
STATES = {"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
          "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
          "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
          "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
          "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
          "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
          "West Virginia", "Wisconsin", "Wyoming"}
# Adjectives of place, never names on their own: `North American automakers`.
DEMONYMS = {
    "Nordics", "Scandinavians",  # a region's peoples, as a country's
    # irregular, not the country's name with a demonym's ending (see _is_demonym)
    "Nordic", "Scandinavian", "Turkish", "Turks", "Dutch", "Swiss", "Greek", "Greeks", "Irish", "Scottish", "Welsh", "Danish", "Swedish",
    "Finnish", "Polish", "Filipino", "Filipinos", "Thai", "Czech", "Saudi", "Saudis", "Emirati", "Kurdish",
    "Turque", "Turcs", "Néerlandais", "Néerlandaise", "Suisse", "Grec", "Grecque", "Grecs",
    "American", "Americans", "Canadian", "Canadians", "European", "Europeans", "British", "French", "German",
    "Chinese", "Japanese", "Mexican", "Mexicans", "Ukrainian", "Ukrainians", "Russian", "Russians", "Israeli",
    "Palestinian", "Indian", "Italian", "Spanish", "Korean", "Australian", "Québécois", "Québécoise",
    "Quebecer", "Quebecers", "Albertan", "Albertans", "Ontarian", "Ontarians", "Western",
    "Eastern", "Northern", "Southern", "North", "South", "East", "West", "Latin", "Central", "Arctic",
    "Atlantic", "Pacific", "Canadien", "Canadienne", "Canadiens", "Américain", "Américaine", "Américains",
    "Européen", "Européenne", "Européens", "Français", "Française", "Anglo", "Franco", "Indigenous", "First",
    "Britannique", "Montréalais", "Montréalaise", "Ontarien", "Ontarienne", "Albertain",
    "Ukrainien", "Ukrainienne", "Russe", "Allemand", "Chinois", "Mexicain", "Manitobans", "Torontonians",
    "Montrealers", "Vancouverites", "Calgarians", "Germans", "Britons",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern", "Southeastern",
    "Southwestern", "Midwestern", "Asian", "Asians", "African", "Africans", "Caribbean",
    # nouns of a people unlike its adjective (not `Finn`, `Dane`, `Scot`: given names too)
    "Spaniard", "Spaniards", "Swede", "Swedes", "Brit", "Brits", "Frenchman", "Frenchmen", "Frenchwoman",
    "Englishman", "Englishwoman", "Irishman", "Irishwoman", "Welshman", "Scotsman", "Scotswoman", "Dutchman",
    "Dutchwoman", "Icelander", "Icelanders", "Filipina", "Filipinas", "Congolese", "Coréen", "Coréenne", "Coréens",
    "Coréennes",
    # a First Nation's adjective (`Mi'kmaw communities`), where its people are named otherwise (the Mi'kmaq)
    "Mi'kmaw", "Mi’kmaw",
}
COMPANY_SUFFIXES = {"Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "LLC", "L.L.C.", "plc", "PLC", "S.A.", "AG", "N.V.", "Limited",
                    "Incorporated", "Ltée", "Local"}  # `Unifor Local 1285` is Unifor
_INCORPORATED = COMPANY_SUFFIXES - {"Co", "Co.", "Local"}  # a firm's own (not a county's `Co.`, a union's `Local`)
# Small words that may sit inside a name: Bank of Canada, Ursula von der Leyen.
CONNECTORS = {"of", "of the", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "del", "bin", "al"}
SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
_MONTHS = {
    "en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"},
    "fr": {"Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre",
           "Novembre", "Décembre"},
}
_WEEKDAYS = {"en": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
             "fr": {"Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
                    "Fêtes"}}  # (French capitalises the holidays, `avant les Fêtes`: a time of year, no name)
MONTHS = _MONTHS["en"] | _MONTHS["fr"]
CALENDAR = MONTHS | _WEEKDAYS["en"] | _WEEKDAYS["fr"]
_CALENDARS = {language: _MONTHS[language] | _WEEKDAYS[language] for language in _MONTHS}
# Capitalised at a sentence start only because they start it.
SENTENCE_WORDS = {
    "A", "An", "The", "And", "But", "Or", "So", "Yet", "If", "In", "On", "At", "As", "By", "For",
    "From", "To", "Of", "With", "Without", "After", "Before", "During", "Since", "Until", "When",
    "While", "Where", "Why", "How", "What", "Who", "Which", "This", "That", "These", "Those",
    "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
    "However", "Meanwhile", "Still", "Also", "Asked", "According", "Some", "Many", "Most",
    "Whatever", "Whenever", "Wherever", "Whoever", "Whichever",
    "Several", "Both", "Each", "Every", "Other", "Others", "Critics", "Officials", "Analysts",
    "Experts", "Earlier", "Later", "Last", "Next", "First", "Then", "There", "Here", "Under",
    "Over", "About", "Among", "Despite", "Although", "Though", "Because", "Unlike", "Like",
    "Instead", "Once", "Now", "Today", "Yesterday", "Tomorrow", "Not", "No", "Yes", "All",
    "Any", "Such", "One", "Two", "Three", "Speaking", "Responding", "Following", "Including",
    "Follow", "Read", "Watch", "Click", "See", "Contact", "Subscribe", "Sign",
    # French sentence openers
    "Le", "La", "Les", "L’", "Un", "Une", "Des", "Du", "De", "Au", "Aux", "Selon", "Dans", "Pour", "Par",
    "Sur", "Avec", "Sans", "Mais", "Et", "Ou", "Donc", "Cette", "Ce", "Cet", "Ces", "Il", "Elle",
    "Ils", "Elles", "Nous", "Vous", "Lors", "Depuis", "Après", "Avant", "En", "Entre", "Chez",
    "Plus", "Moins", "Tout", "Tous", "Toutes", "Toute", "Aucun", "Aucune", "Leur", "Leurs", "Son", "Sa",
    "Ses", "Notre", "Nos", "Quand", "Alors", "Ainsi", "Pourtant", "Toutefois", "Cependant", "Enfin",
    "Déjà", "Encore", "Aussi", "Si", "Comme", "Quant", "Parmi", "Malgré", "Vers", "Contre", "Hier",
    "Demain", "Aujourd’hui", "Rappelons", "Outre", "Hors", "Certains", "Plusieurs", "Chaque", "Là", "Ici", "À",
    "Ceux", "Celles", "Celui", "Celle", "Originaire", "Originaires", "Natif", "Natifs",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands", "Tonight",
    "Shares", "Voters", "Residents", "Police", "Mr", "Ms",
}
# Paragraphs of credits rather than story: their names are staff, not subjects.
_CREDIT_LINE = re.compile(r"^(?:\(?(?:Additional )?[Rr]eporting by|Editing by|Writing by|Follow |With files from)")
ACRONYM_STOP = {"HTML", "URL", "CEO", "CFO", "COO", "GDP", "AM", "PM", "TV", "OK", "USD", "CAD", "AP", "UPDATE", "DNA", "RNA",
                "ADN",
                "COVID", "NEW", "LIVE", "ET", "PT", "EST", "EDT", "UTC", "SME",
                # time zones no body shares letters with (`PST` is also a sales tax, `MST` a movement: after a time, below)
                "GMT", "HNE", "HAE", "HNC", "HNR", "HNP",
                # French common nouns: GDP, SMEs, a kind of clinic, care home, daycare, non-profit, tax,
                # regional health authority, ADHD
                "PIB", "PDG", "PME", "CLSC", "GMF", "CHSLD", "RPA", "CPE", "OBNL", "OSBL", "TPS", "TVQ", "HLM",
                "CISSS", "CIUSSS", "TDAH",
                # diseases, in either language: what a story is about, no one named in it
                "HIV", "AIDS", "RSV", "VIH", "SIDA", "VRS", "TB", "STI", "ITSS", "COPD", "MPOX", "HPV", "VPH",
                # ... and animals': oysters' MSX, deer's chronic wasting disease, la peste porcine africaine
                "MSX", "CWD", "PPA",
                # gases and pollutants, in either language: what is measured, no one named
                "CO2", "CO₂", "CH4", "N2O", "SO2", "NO2", "GHG", "GES"}
# a germ named by its genus after what it is: `la bactérie Legionella`, `the bacterium Salmonella`
_GERM = re.compile(r"\b(?:bactéries?|bacteri(?:um|a)|parasites?)\s+([A-Z][a-z]{3,})\b(?![’'-])(?=[ \t]*[,.;:)]|[ \t]+[a-zà-ÿ])")
_ACRONYM_COMPOUND = re.compile(r"[A-Z]{2,6}-[a-zà-ÿ]+")
_FLU_STRAIN = re.compile(r"H\d{1,2}N\d{1,2}")  # influenza A's subtypes by their two proteins: `H5N1`, `H3N2`
ORG_WORDS = {
    "Unit", "Secretariat", "Directorate", "Initiative", "Partners", "Partnership", "Program", "Programme",
    "Securities", "Holdings", "Investments", "Advisors", "Technologies",  # a firm's last word: `Caldwell Ridge Securities`
    "Bank", "Agency", "Party", "Press", "Association", "Organization", "Organisation", "Council",
    "House", "Senate", "Commission", "Office", "Department", "Ministry", "Court", "University",
    "Inc.", "Ltd.", "Corp.", "Company", "Group", "Fund", "Board", "Bureau", "Services", "Service",
    "Union", "Federation", "League", "Committee", "Institute", "Foundation", "Society", "Club",
    "Network", "News", "Canada", "Commons", "Reserve", "Index", "Police", "Forces", "Authority",
    "Corporation", "Chamber", "Social", "Times", "Post", "Nations", "Centre", "Center", "Hospital",
    "Corp", "Inc", "Ltd", "Banque", "Agence", "Parti", "Conseil", "Cour", "Université",
    "Hôpital", "Société", "Assemblée", "Fédération", "Syndicat", "Institut", "Fondation", "Régie", "Caisse",
    "Tribunal", "Ville", "Groupe", "Coalition", "Alliance", "Centers", "Centres", "Église", "Bloc", "Companies",
    "Congress", "Musée", "Museum", "Théâtre", "Theatre", "Stade", "Stadium", "Aréna", "Arena", "Parc", "Park",
    "Collège", "College", "École", "School", "Cégep", "Cathedral", "Cathédrale", "Church", "Hall",
    "Refinery", "Smelter", "Factory", "Airport", "Aéroport", "Usine", "Assembly", "Gallery", "Galerie",
    "Corps", "Patrol", "Railway", "Railways", "Airlines", "Airways", "Administration", "Survey",
    "Chambre", "Comité", "Festival", "Salon", "Bibliothèque", "Chaire", "Réseau", "Protecteur", "Garde",
} | PLACES
# Bodies whose names go on with `for` or `on`: `Centers for Disease Control and Prevention`,
# `Advisory Committee on Immunization Practices`.
BODY_HEADS = {"Committee", "Centers", "Center", "Centre", "Centres", "Council", "Office", "Commission",
              "Institute", "Agency", "Association", "Coalition", "Alliance", "Foundation", "Society",
              "Network", "Union", "Board", "Department", "Ministry", "Federation", "Bureau", "Fund",
              "Organization", "Organisation", "Campaign", "Partnership", "Secretariat", "Tribunal", "Administration",
              "Hospital", "Conference", "Programme", "Program", "Forum", "Corps", "Patrol"}

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_WORK_KIND = re.compile("carol|hymn|song|poem|novel|album|opera|ballet|chanson|chant|cantique|poème|roman")  # (a first look)
# (the title ends the clause: `the song Gord Downie wrote` names its author)
_WORK_TITLE = re.compile(rf"\b(?:the (?:carol|hymn|song|poem|novel|album|opera|ballet)|(?:la chanson|le chant|le cantique|"
                         rf"le poème|le roman|l['’]album|l['’]opéra))[ \t]+([{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*){{0,4}})"
                         rf"(?=[,.;:)]|[ \t]+(?:by|de|par|which|that|qui|que)\b)")
# `Battle River—Crowfoot`, `Mégantic—L'Érable`: a riding's name keeps its dash (not a box score's `NDSU—FG Halvorsen-Ley 32`;
# an en dash joins matchups and routes as often as regions: `Leafs–Canadiens`, `Montréal–Québec`)
_WORD = rf"[{_UPPER}](?:[\w\u0300-\u036f’'.&/-]|—(?=[{_UPPER}](?:[a-zà-ÿ]|[’'][{_UPPER}])))*"  # (`Behchokǫ̀`: a mark combining with its letter)
# A run of capitalised words, possibly joined by small connectors (Bank of Canada) or by `and`
# (Environment and Climate Change Canada: `_names_in` splits it again unless it names one body).
JOINERS = {"and", "&"}
# (and `Court of Appeal for Ontario`, as every province's is named)
_BODY_PREPOSITION = "(?:" + "|".join(f"(?<={head})" for head in sorted(BODY_HEADS | {"Court of Appeal"})) \
    + r")[ \t]+(?:for|on)"
# an Arabic surname's article, joined by a hyphen: `Abdel Fattah al-Burhan`, `Bashar al-Assad`
_ARTICLES = "al|el|ad|ash|bin|ibn|ben"
_PARTICLE_WORD = rf"(?:{_ARTICLES})-[{_UPPER}][\w’'-]*"
# (a run opens no word: `paNOW Staff` names no `NOW Staff`; `d’Ottawa` opens one)
# a saint's epithet is part of the name: `St. John the Baptist Church`, `St. John the Divine`
_EPITHET = (r"[ \t]+the[ \t]+(?=(?:Baptist|Evangelist|Divine|Apostle)[ \t]+(?:Church|Cathedral|Parish|Chapel|Basilica|"
            r"Anglican|Catholic|School|Elementary|Hospital|Cemetery)\b)")  # (not `Mike Huckabee the Baptist preacher`)
_RUN = re.compile(rf"(?<![^\W\d_]){_WORD}(?:(?:(?:{_BODY_PREPOSITION})?[ \t]+(?:(?:{'|'.join(sorted(CONNECTORS | JOINERS))})[ \t]+)*|{_EPITHET})"
                  rf"(?:{_WORD}|{_PARTICLE_WORD}))*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SHORT_FORMS = {"St", "Ste", "Mt", "Ft", "Sts"}  # `Sault Ste. Marie`: no sentence ends there
# a capitalised word joined to a lowercase one is an adjective (`Toronto-based`), unless a
# capitalised one ends it: `Port-au-Prince`, `Lebel-sur-Quévillon` are places
_LOWER_COMPOUND = re.compile(rf"-[a-z](?!.*-[{_UPPER}])")


def _romanized(token: str) -> bool:
    """A given name romanized in hyphenated syllables (`Min-seok`, `Ha-rin`): a short first
    syllable, then short lowercase parts no word list knows, where an adjective's (`Toronto-based`,
    `Edmonton-ite`, `Anti-vax`) is a common word or follows a longer one."""
    first, *rest = token.split("-")
    return bool(rest) and first[:1].isupper() and len(first) <= 4 and _frequency(first.lower(), "en") < 5 and all(
        part.isalpha() and part.islower() and len(part) <= 5 and _frequency(part, "en") < RARE_ZIPF
        and _frequency(part, "fr") < RARE_ZIPF for part in rest)


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words recur across stories
def _clean_token(token: str) -> str:
    """Drop possessives and trailing punctuation: `Carney’s` -> `Carney`."""
    token = token.removesuffix("’s").removesuffix("'s")
    if token.endswith(".") and token not in SUFFIXES and not _INITIALS.fullmatch(token) \
            and token[:-1] not in _SHORT_FORMS:  # `St. Louis` keeps its period
        token = token.rstrip(".")
    return token.strip("’'-&")


def _named_mid_sentence(phrase: str, text: str) -> bool:
    """Whether `text` writes `phrase` somewhere inside a sentence, as a whole word."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if at and not _opens_sentence(text, at) and not text[at - 1].isalnum() \
                and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(phrase, at + 1)
    return False


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 8): start].rstrip(" \t“\"‘(").rstrip("”\"’)")
    return (before[-1:] or "\n") in ".!?:;\n" or before[-1:] == "," and _opens_item(text, start)


# a list after a colon whose items open as sentences do: `charged with: Fraud over $5,000 (9 counts),
# Possession of property obtained by crime, Participating in a criminal organization`
_SENTENCE_CASE_ITEM = re.compile(r"\s*[A-ZÀ-Þ][\w’'-]*[ \t]+[a-zà-ÿ$]")


def _opens_item(text: str, start: int) -> bool:
    """Whether the capitalised word at `start`, after a comma, opens an item of such a list."""
    colon = text.rfind(":", text.rfind("\n", 0, start) + 1, start)
    if colon < 0 or not _SENTENCE_CASE_ITEM.match(text, start):
        return False
    items = text[colon + 1:start].split(", ")[:-1]
    return bool(items) and all(_SENTENCE_CASE_ITEM.match(item) for item in items)


_MARKUP = re.compile(r"<([a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>]{0,200}>[^<>]{0,300}</\1>")
_EXCHANGE = r"(?:TSX|TSXV|TSX-V|TSE|NYSE|NASDAQ|Nasdaq|CSE|NEO|LSE|ASX|AMEX|OTC|Cboe)"
_TICKER = re.compile(rf"[(\[]{_EXCHANGE}[ \t]*:[ \t]*[A-Z][A-Z.-]{{0,7}}(?:[,;][ \t]*{_EXCHANGE}[ \t]*:[ \t]*[A-Z][A-Z.-]{{0,7}})*[)\]]")
# Reuters' instrument codes: `Rogers Communications Inc (RCIb.TO)`, `(T.TO)`, `(7203.T)`
_INSTRUMENT = re.compile(r"\([A-Z0-9][A-Z0-9]{0,5}[a-z]?(?:_[a-z])?\.[A-Z]{1,3}\)")
# a currency's letters before its sign: `Telus C$250 million`, `US$1.2 billion`
_CURRENCY = re.compile(r"(?<![\w$])[A-Z]{1,3}(?=\$\d)")
# a team's code before each player in a line of agate: `KEL Pellerin-Voss (W, 31 saves); KAM Andreychuk-Banner (L, 29 saves)`
# (or before its figures: `Shots: KAM 12-11-11—34; KEL 10-14-10—34`, `Power plays: KEL 1-4; KAM 1-3`),
# each opening its part of the line (not `CAE Inc (CAE.TO) rose and BCE Inc (BCE.TO) fell`); or after a
# goal's number or a label's dash, before a comma or colon and the player (`1. BFD, Redcalf-Morin 12 (...)`,
# `Goalies - FF: Nordstrom-Ives (L, 24 saves)`, `Power plays - FF 0-for-3; BFD 1-for-4`)
_AGATE_CODE = re.compile(rf"(?:^|(?<=[:;])[ \t]*|(?<=\d\.)[ \t]+|(?<=[ \t]-)[ \t]+)([A-Z]{{2,4}})"
                         rf"(?:[ \t]+(?=[{_UPPER}][\w’'-]*[ \t]+\(|\d{{1,2}}-(?:for-)?\d)"
                         rf"|(?=[,:][ \t]+[{_UPPER}][\w’'-]*[ \t]+[\d(]))", re.M)
# a saint's day, as French names it: `la Sainte-Cécile`, `la Saint-Jean` (not `la rue Sainte-Catherine`)
_FEAST = re.compile(rf"(?<=\bla )Sainte?-[{_UPPER}][\w’'-]*\b(?![ \t]+[{_UPPER}])")
_OF_A_BODY = re.compile(rf"[{_UPPER}][\w’'-]*[ \t]+de[ \t]+la[ \t]+$")  # `la Congrégation de la Sainte-Croix`: its name
# a results list's codes: `1. Florence Ouimet-Adeyemi (CAN) 1 min 29,412 s; 2. Femke Dijkhuis-Vermeer (NED) ...`
_ENTRANT_CODE = re.compile(r"(?<=[\w’'.][ \t])\(([A-Z]{3})\)(?=[ \t]+\d)")
# and a scoring line's: `2. KAM — Hargreave-Diaz (11) (Strachan-Ito, Dufresne-Achar) 15:40`
_SCORING_CODE = re.compile(rf"(?m)^(?:\d{{1,2}}\.[ \t]+)?([A-Z]{{2,4}})[ \t]+[—–-][ \t]+"
                           rf"(?=[{_UPPER}][\w’'-]*[ \t]+\(\d{{1,2}}\)[^\n]*\b\d{{1,2}}:\d\d\b)")


@functools.lru_cache(maxsize=1 << 16)  # a story's runs are mostly names that recur across stories
def _split_run(run: str, named_for: frozenset[str] = frozenset(),
               language: str = "en") -> tuple[tuple[tuple[str, ...], bool | None], ...]:
    """A run of capitalised words split at sentence ends and dates: (words, opens a sentence),
    where None stands for whether the run itself opens one. `named_for`: the words the story
    writes only as possessives (`Hudson's`), which may start a company's name."""
    parts: list[tuple[tuple[str, ...], bool | None]] = []
    current: list[str] = []
    opens: bool | None = None
    raws = run.split()
    # a language's own months and days (`Janvier` in English copy is a place or a name)
    months, calendar = _MONTHS.get(language, MONTHS), _CALENDARS.get(language, CALENDAR)
    if "the" in raws:  # `Office of the Privacy Commissioner`: `of the` is one connector, as `of` is
        merged: list[str] = []
        for raw in raws:
            if raw == "the" and merged and merged[-1] == "of":
                merged[-1] = "of the"
            else:
                merged.append(raw)
        raws = merged
    for at, raw in enumerate(raws):
        if raw == "&" and current and at + 1 < len(raws):
            current.append(raw)  # `Lakehead Wire & Cable`: one firm's name
            continue
        token = _clean_token(raw)
        if token in months and _month_in_name(raws, at):
            current.append(token)  # `Theresa May`, `June Callwood`: a name, not a date
            continue
        if token in calendar or not token or _LOWER_COMPOUND.search(raw) and not _romanized(token) \
                and not (at + 2 < len(raws) and raws[at + 1] in JOINERS and _clean_token(raws[-1]) in BODY_HEADS):
            # (`Toronto-based`, `CUSMA-compliant`; not `Min-seok`, a given name in two syllables, nor a field of a
            # body's, `Canadian Radio-television and Telecommunications Commission`)
            if current:
                parts.append((tuple(current), opens))
            current, opens = [], False
            continue
        if not current and token in named_for and len(raws) - at == 3 and _clean_token(raws[-1]) in _COMPANY_END \
                and raws[at + 1][:1].isupper() and not _is_place(token):
            current.append(raw)  # `Hudson's Bay Company`, never `Hudson` alone: named for someone, not owned by them
            continue
        following = _clean_token(raws[at + 1]) if at + 1 < len(raws) else ""
        if raw.endswith(("’s", "'s")) and current[-1:] in (["St."], ["St"], ["Saint"], ["Ste."]) \
                and (following[:1].isupper() or is_known_place(f"{current[-1]} {raw}")):
            current.append(raw)  # `St. Joseph's Care Group`, `St. John's`: named for the saint (a saint owns nothing)
            continue
        if raw.endswith(("’s", "'s")) and following in _PLACE_HEADS and token in named_for and at + 2 == len(raws):
            current.append(raw)  # `Arnold's Cove`, `Fogo Island`'s neighbour `Joe Batt's Arm`: a place's name
            continue
        if raw.endswith(("’s", "'s")) and following in _NAMED_FOR_SOMEONE \
                and (token in named_for or token in _REGNAL_TITLES) and not _is_place(token) and _opens_name(current):
            # `Queen's University`, `St. Michael's Hospital`, `Court of King's Bench`: named for, not owned by
            current.append(raw)
            continue
        if raw.endswith(("’s", "'s")) and token in _PLURAL_OWNERS and at + 1 < len(raws) and raws[at + 1][:1].isupper():
            current.append(raw)  # `Professional Women's Hockey League`: the women own nothing apart from the league
            continue
        current.append(token)
        if raw.endswith(("’s", "'s")) or raw.endswith(("s’", "s'")) and _frequency(token, "en") < _COMMON_PLURAL \
                and at + 1 < len(raws) and following not in ORG_WORDS and not _is_title(following):
            # `Ford’s Progressive Conservatives`, `the Roughriders’ Grey Cup`: two names (but one
            # in `the Canadian Pharmacists’ Association`, `the Ontario Teachers’ Pension Plan`)
            parts.append((tuple(current), opens))
            current, opens = [], False
        elif raw.endswith(("s’", "s'")) and at + 1 < len(raws):
            current[-1] = raw  # (its apostrophe, as written: `Ontario Teachers' Pension Plan`)
        elif raw.endswith(".") and raw not in SUFFIXES and not _INITIALS.fullmatch(raw) \
                and not (token in TITLES and len(token) <= 5) and token[:-1] not in _SHORT_FORMS:
            # (a title with a period is abbreviated, `Gov.`, `Supt.`: a word that long ends a sentence, `of Commerce.`)
            parts.append((tuple(current), opens))
            current, opens = [], True
    if current:
        parts.append((tuple(current), opens))
    return tuple(parts)


def _month_in_name(raws: list[str], at: int) -> bool:
    """Whether the month at `at` may be (part of) a person's name: alone (`May said`: the names
    decide whose it is), last after one other word (`Theresa May`), or first before one
    (`June Callwood`, `June Jones of the Red Cross`); never before a number (`May 5`)."""
    if at and raws[at - 1].endswith((".", "!", "?")) and not _INITIALS.fullmatch(raws[at - 1]):
        return _month_in_name(raws[at:], 0)  # `... Tuesday. May said`: a sentence of its own
    if len(raws) == 1:
        return True
    if at == len(raws) - 1:
        other = _clean_token(raws[at - 1])
    elif at == 0 and (len(raws) == 2 or raws[2] in CONNECTORS or raws[2] in JOINERS):
        other = _clean_token(raws[1])
    else:
        return False
    return other[:1].isupper() and other.isalpha() and not raws[at].endswith(".") and not (
        _is_place(other) or other in ORG_WORDS or _is_title(other) or other in SENTENCE_WORDS or other in CALENDAR
        or other in CONNECTORS)


# Institutions named for a saint, a sovereign or a cause, in the possessive: `Queen's University`,
# `St. Michael's Hospital`, `Alzheimer's Association` (an owner's department or office is not one)
_PLACE_HEADS = {"Cove", "Harbour", "Harbor", "Island", "Point", "Landing", "Creek", "Falls", "Lake", "River", "Brook",
                "Arm", "Mills", "Crossing", "Beach", "Pond"}
# a department's first word before its `and` (`Employment and Social Development Canada`), no title elsewhere
_DEPARTMENT_FIRST = frozenset({"Employment", "Education", "Science", "Citizenship"})
_NAMED_FOR_SOMEONE = {"University", "College", "Hospital", "Association", "Park", "Church", "Cathedral", "Bench"}


def _opens_name(words: list[str]) -> bool:
    """Whether a word after these (a run so far) would open a name: nothing, or only small
    words and short forms, stand before it since the last `and` or `of` (`the`, `St.`)."""
    at = max((i for i, w in enumerate(words) if w in JOINERS or w in CONNECTORS), default=-1)
    return all(w in SENTENCE_WORDS or w[:-1] in _SHORT_FORMS for w in words[at + 1:])


# `Sean “Diddy” Combs`: a nickname between a first and a last name, or after the given names of an
# obituary's `GAUDET, Léonce Joseph "Lonnie" – Peacefully ...`; `Wilder Institute/Calgary Zoo`: two names
_NICKNAME = re.compile(rf"(?<=\w)[ \t]+[“\"][{_UPPER}][\w’'. -]*[”\"](?=[ \t]+[{_UPPER}]|[ \t]+[–—][ \t])")
_QUOTED_WORD = re.compile(rf"[“\"][{_UPPER}][\w’'-]+[”\"]")  # a cheap first look for one
# the nickname (one word) and the names around it: who `Lonnie` is when the story calls him that alone
_NICKNAMED = re.compile(rf"(?:(?<![\w’'-])([{_UPPER}][{_UPPER}’'-]+),[ \t]+)?"  # an obituary's surname first, in capitals
                        rf"([{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*){{0,2}})[ \t]+[“\"]([{_UPPER}][\w’'-]+)[”\"]"
                        rf"(?:[ \t]+([{_UPPER}][\w’'-]*))?")
# a site's address: with its scheme, `www.` or a host under its domain (`ReportFraud.ftc.gov`); a company
# named by its site (`Rentals.ca`, `Amazon.com Inc.`) stays a name
_ADDRESS_MARKS = (".com", ".ca", ".org", ".gov", ".net", ".info", ".io", "www.", "://")  # a cheap first look
_WEB_ADDRESS = re.compile(r"(?<![\w@.])(?:(?:https?://|www\.)[\w.-]+|(?:[\w-]+\.){2,}(?:com|ca|org|gov|net|info|io)\b"
                          r"|[\w-]+\.gov\b)(?:/[^\s)]*)?", re.I)
# a newswire's mark in a release's dateline, after the day's year: `Nov. 17, 2026 /CNW Telbec/ -`
_WIRE_MARK = re.compile(r"(?<=\d{4} )/[A-Z][\w .&-]{1,30}?/(?= ?[-—–])")
_NAME_SLASH = re.compile(rf"(?<=[a-zà-ÿ])/(?=[{_UPPER}][a-zà-ÿ])")
_NEXT_WORD = re.compile(r"[ \t]+([a-zà-ÿ][\w’'-]*)")


# plurals that own in a body's name: `Professional Women's Hockey League`, `People's Party of Canada`
_PLURAL_OWNERS = {"Women", "Children", "Men", "People", "Peoples"}
_COMMON_PLURAL = 4.0  # a plural this common (Zipf) names a group (`Teachers’`) or a team (`Jets’`): left joined as before

_TEAM_SHORT = re.compile(r"[A-Z][a-z]{2}")
_PENALTY = re.compile(r"[ \t]+\([a-zà-ÿ][^()\n]{1,40}\)[ \t]+\d{1,2}:\d\d")
_INDEX_NUMBER = re.compile(r"[ \t]+\d")
_INDEX_SHAPE = re.compile(r"S&P")  # `AT&T 12 years later` is AT&T


class Run(NamedTuple):
    words: tuple[str, ...]
    opens: bool        # whether it opens a sentence
    start: int         # where its match starts in the paragraph
    next_word: str     # the lowercase word right after the run's last word, or ""
    numbered: bool = False  # a number follows it: `Category 3`, `Phase 2`


def _runs(paragraph: str, named_for: frozenset[str] = frozenset(), language: str = "en") -> list[Run]:
    """Runs of capitalised words, split at sentence ends and dates, each with whether it opens a sentence."""
    text = paragraph
    if "“" in text or '"' in text:
        text = _NICKNAME.sub(lambda m: " " * len(m.group()), text)  # same offsets
    if language == "fr" and "la Saint" in text:  # `le jour de la Sainte-Cécile`: a feast, a day of the year
        text = _FEAST.sub(lambda m: m.group() if _OF_A_BODY.search(text, 0, m.start()) else " " * len(m.group()), text)
    if "/" in text:
        text = _NAME_SLASH.sub("|", _WIRE_MARK.sub(lambda m: " " * len(m.group()), text))  # (same offsets)
    if "</" in text:  # `“<b>Vote Mercer</b> on April 28!”`: copy quoting a page's markup quotes code
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    if "." in text and any(mark in text for mark in _ADDRESS_MARKS) and _WEB_ADDRESS.search(text):
        # `report it at ReportFraud.ftc.gov`: where to go, no one named
        text = _WEB_ADDRESS.sub(lambda m: " " * len(m.group()), text)
    if ("ST" in text or "DT" in text or "GMT" in text or "UTC" in text or " HA" in text or " HN" in text) \
            and ("m." in text or "M " in text or " h" in text):  # `9 p.m. PST`, `10:30 AM CST`, `7 h 15 HNR`: a time's zone
        text = _ZONE_AFTER_TIME.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    if ":" in text:  # `Shopify Inc. [NASDAQ:SHOP]`, `(TSX: SHOP)`: where it trades, not what it is
        text = _TICKER.sub(lambda m: " " * len(m.group()), text)
    if "$" in text or "(" in text:  # (same offsets: spaces)
        # (a code's parentheses stay: they end the name before it, as they did)
        text = _CURRENCY.sub(lambda m: " " * len(m.group()),
                             _INSTRUMENT.sub(lambda m: "(" + " " * (len(m.group()) - 2) + ")", text))
    if ("(" in text or "-" in text) and len({m.group(1) for m in _AGATE_CODE.finditer(text)}) >= 2:
        # two teams' codes, each before a player: the line's codes are no part of any name
        text = _AGATE_CODE.sub(lambda m: " " * len(m.group()), text)
    if ":" in text:
        text = _SCORING_CODE.sub(lambda m: " " * len(m.group()), text)
    if "(" in text and len({m.group(1) for m in _ENTRANT_CODE.finditer(text)}) >= 2:
        # a results list's country or club codes, each after a name and before a time or a score
        text = _ENTRANT_CODE.sub(lambda m: "(" + " " * (len(m.group()) - 2) + ")", text)
    quotes = "“" in text or '"' in text or "«" in text or "‘" in text
    slogans = _title_case_quotes(text) if quotes else ()
    runs: list[Run] = []
    for match in _RUN.finditer(text):
        if quotes and (_quoted(text, match.start(), match.end())
                       or any(start < match.start() and match.end() < end for start, end in slogans)) \
                or text[match.end():match.end() + 1] == "–":
            continue  # `“Elbows Up”`, `« Canada Fort »`: a slogan; `Accord Canada–États-Unis`: part of a compound
        opens = None
        parts = _split_run(match.group(), named_for, language)
        if parts and len(parts[-1][0]) > 1 and _TEAM_SHORT.fullmatch(parts[-1][0][-1]) and _PENALTY.match(text, match.end()) \
                and len(_PENALTY.findall(text)) >= 2:
            # `Danko Svk (hooking) 2:51; Baláž Svk (interference) 8:40`: a line of penalties names each player,
            # then his team in three letters (not `Toronto, Max Domi (tripping) 2:51`)
            parts = parts[:-1] + ((parts[-1][0][:-1], parts[-1][1]),)
        numbered = bool(_INDEX_NUMBER.match(text, match.end()))
        if parts and numbered and _INDEX_SHAPE.fullmatch(parts[-1][0][-1]):
            # `S&P 500`: an index, named with its number, not by the acronym alone
            parts = parts[:-1] + ((parts[-1][0][:-1], parts[-1][1]),) if len(parts[-1][0]) > 1 else parts[:-1]
        follower = _NEXT_WORD.match(text, match.end())
        for index, (words, part_opens) in enumerate(parts):
            if part_opens is None:
                if opens is None:
                    opens = _opens_sentence(text, match.start())
                part_opens = opens
            last = index == len(parts) - 1
            runs.append(Run(words, part_opens, match.start(), follower.group(1) if last and follower else "",
                            last and numbered))
    return runs


# the words that may follow a body's name and start what the sentence says of it
_SMALL_WORD = (r"(?:a|ont|est|sont|sera|était|avait|doit|devra|peut|pourrait|va|vient|qui|que|dont|une?|les?|la|à|lors|"
               r"selon|depuis|cette|ces|son|sa|ses|leur|lundi|mardi|"
               r"mercredi|jeudi|vendredi|samedi|dimanche|s’est|s'est|n’a|n'a)")

# French names of bodies hold lowercase words: `Parti libéral du Canada`, `Cour suprême du
# Canada`, `Église catholique`, `Nouveau Parti démocratique`, `Centre canadien pour la cybersécurité`,
# `Organisation des Nations unies`, and a field in the singular, after its article, when the
# sentence goes on past it with a small word or a stop: `la Régie de l’énergie a autorisé`, `le
# Bureau de la concurrence.` (not `la Commission de la santé et de la sécurité`, the plural `Conseil
# des ministres`, `Conseil d'administration`, nor a verb: `demande à la Régie de la rejeter`).
_FRENCH_ADJECTIVE = r"[a-zà-ÿ]+(?:iques?|ales?|aux|elles?|iens?|iennes?|éens?|éennes?|aines?|aises?|oises?|[éc]ois|aires?|ives?|if|eurs?|érieures?|(?<!prem)(?<!dern)(?<!ent)ières?|é|ée|ional)"
_FRENCH_BODY_HEAD = (
    r"(?:Parti|Cour|Institut|Centre|Banque|Association|Conseil|Commission|Société|Office|Régie|Agence|Bureau|"
    r"Tribunal|Ministère|Fédération|Syndicat|Union|Université|Hôpital|Caisse|Fonds|Autorité|Bloc|Église|"
    r"Administration|Producteurs|Éleveurs|Manufacturiers|Service|Orchestre|Direction|Coopérative|Procureure?|"
    r"Assemblée|Confédération|Collège|Chambre|Comité|Festival|Salon|Musée|Bibliothèque|Chaire|Club|Fondation|"
    r"Protecteur|Protectrice|Réseau|Garde|Ligue)")
_FRENCH_BODY = re.compile(
    rf"(?:\b[{_UPPER}][\w’'-]*\s+)?"
    rf"\b{_FRENCH_BODY_HEAD}"
    # (a people's name goes on in the plural, and where it lives: `Assemblée des Premières Nations du
    # Québec`, `Conseil des Innus de Pessamit`; never into a person's name: `Banque du Canada Mark Carney`)
    rf"(?:(?:\s+[a-zà-ÿ’'-]+){{0,5}}?\s+(?:du|des|de\s+la|de\s+l[’']|de)\s*"
    rf"(?!{_FRENCH_BODY_HEAD}\b)(?:Premières?[ \t]+Nations?(?:[ \t]+[{_UPPER}][\w’'-]*+)?|[{_UPPER}][\w’'-]*+(?:[ \t]+[{_UPPER}][\w’'-]*s\b){{0,2}})"
    rf"(?:(?<=s)[ \t]+(?:du|de)[ \t]+[{_UPPER}][\w’'-]*|[ \t]+du[ \t]+(?:Québec|Canada)\b)?"  # (`... d'arbres de Noël du Québec`)
    # two regions it serves: `Direction de santé publique de la Mauricie et du Centre-du-Québec`
    rf"(?:[ \t]+et[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l[’'])[ \t]*(?!(?:{_FRENCH_BODY_HEAD})\b(?!-)|[{_UPPER}]{{2,}}\b)"
    rf"[{_UPPER}][\w’'-]*(?=[ \t]*[,.;:)]|[ \t]+(?!(?:de|du|des|d['’]))[a-zà-ÿ]))?"
    rf"(?:(?<=Ville)\s+de\s+[{_UPPER}][\w’'-]*)?"  # `Service de police de la Ville de Montréal`
    rf"(?:(?<=Université du Québec)[ \t]+(?:à|en)[ \t]+[{_UPPER}][\w’'-]*)?"  # `Université du Québec à Trois-Rivières`
    # `Chambre de commerce du Montréal métropolitain`: a place's adjective, the name's last word
    rf"(?:[ \t]+[a-zà-ÿ]+(?:aine?s?|ienne?s?|aise?s?|oise?s?|éenne?s?)(?=[ \t\u00a0\u202f]*[.,;:)»?!]|[ \t]+{_SMALL_WORD}\b))?"
    rf"(?:\s+d[’'][{_UPPER}][\w’'-]*)?"  # `Conseil des Innus d’Ekuanitshit`: a people and where it lives
    r"(?:(?<=s)\s+[a-zà-ÿ]+(?:ies|ées|iques|aux|iennes|ales))?"
    # (not cut short where its name goes on in capitals: `Fondation du CHU de Québec`, `Chambre de
    # commerce du Grand Joliette` are read as capitalised runs)
    rf"(?![ \t]+(?:(?:de|du|des)[ \t]+|d[’']|de[ \t]+la[ \t]+|de[ \t]+l[’'])?[{_UPPER}])"
    # `Institut national de la recherche scientifique`, `Institut québécois d’intelligence artificielle`
    rf"|(?:\s+{_FRENCH_ADJECTIVE}){{0,2}}\s+(?:de\s+la\s+|de\s+l[’']\s*|des\s+|du\s+|de\s+|d[’']\s*)[a-zà-ÿ]+(?:\s+{_FRENCH_ADJECTIVE}){{1,2}}\b"
    rf"(?!\s+(?:de|du|des|d[’']|[{_UPPER}]))"
    rf"|(?:\s+(?:du\s+[a-zà-ÿ]+|de\s+(?:la\s+|l[’'])[a-zà-ÿ]+(?<!er)(?<!ir))|(?<=Chambre)\s+des\s+[a-zà-ÿ]+)(?=[ \t\u00a0\u202f]*[.,;:)»?!]|[ \t]+{_SMALL_WORD}\b)"
    rf"|(?:\s+{_FRENCH_ADJECTIVE}){{1,2}}\b(?:\s+pour\s+(?:la|le|les|l[’'])\s*[a-zà-ÿ]+)?"
    rf"(?!\s+(?:de|du|des|d[’']|[{_UPPER}]))"
    # `Ligue canadienne de football`, `Ligue nationale de hockey`: its adjective, then its field, where the sentence goes on
    # (not a verb after it: `demande à l'Assemblée nationale de permettre ...`)
    rf"|(?:\s+{_FRENCH_ADJECTIVE}){{1,2}}\s+de\s+[a-zà-ÿ]+(?<!er)(?<!ir)(?<!re)"
    rf"(?=[ \t\u00a0\u202f]*[.,;:)»?!]|[ \t]+(?:{_SMALL_WORD}|par)\b))")


_FRENCH_ADJECTIVE_WORD = re.compile(_FRENCH_ADJECTIVE)

# Departments named for their fields: `Environnement et Changement climatique Canada`,
# `Ressources naturelles Canada`, `Pêches et Océans Canada`
_FRENCH_FIELD_ADJECTIVE = rf"(?:{_FRENCH_ADJECTIVE}|[a-zà-ÿ]+(?:al|aux))"
_FRENCH_FIELDS = ("Environnement", "Emploi", "Santé", "Sécurité", "Affaires", "Ressources", "Pêches", "Patrimoine",
                  "Immigration", "Innovation", "Agriculture", "Services", "Anciens", "Statistique", "Femmes",
                  "Transports", "Finances", "Justice", "Infrastructure", "Relations", "Développement", "Diversification")
_FRENCH_DEPARTMENT = re.compile(
    rf"\b(?:{'|'.join(_FRENCH_FIELDS)})(?:,[ \t]+[{_UPPER}][\w’'-]*|[ \t]+{_FRENCH_FIELD_ADJECTIVE})*?"
    rf"(?:[ \t]+et[ \t]+[{_UPPER}][\w’'-]*(?:[ \t]+{_FRENCH_FIELD_ADJECTIVE})?|[ \t]+{_FRENCH_FIELD_ADJECTIVE})"
    r"[ \t]+Canada\b")
# A French place is named with its kind in lowercase: `la rivière Chaudière`, `le fleuve Saint-Laurent`
_FRENCH_FEATURE = re.compile(
    rf"\b(?:rivière|fleuve|lac|mont|île|baie|golfe|détroit|chutes?|canal)[ \t]+(?:de[ \t]+la[ \t]+|des?[ \t]+|du[ \t]+|d[’'])?"
    rf"[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*)*")


# A street, its kind in lowercase: `boulevard Lemire`, `la rue Granier`, `boulevard des Allumettières`
_FRENCH_STREET = re.compile(  # (not `le chemin Roxham`, a crossing; nor `la montée de Pierre Poilievre`)
    rf"\b(?:rue|boulevard|boul\.|avenue|av\.|rang|autoroute)[ \t]+"
    rf"(?:de[ \t]+la[ \t]+|des?[ \t]+|du[ \t]+|d[’'])?[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*)*")

# a church by its saint, its kind in lowercase: `l'église Saint-Marc`, `la basilique Notre-Dame` (not the town of Saint-Marc)
_FRENCH_CHURCH = re.compile(rf"\b(?:église|cathédrale|basilique|chapelle|paroisse)[ \t]+(?:Sainte?|Notre-Dame)(?:-[{_UPPER}][\w’'-]*)?\b")
# ... and a works named for someone, its kind in lowercase before the name, is the works, not the person
# (`la centrale thermoélectrique Antonio Guiteras`, `le trophée Armand-Latraverse`, `le pont Jacques-Cartier`;
# a bare `centrale` is a union's federation: `la centrale FTQ`)
_FRENCH_FACILITY = re.compile(
    rf"\b(?:centrale[ \t]+(?:thermique|thermoélectrique|nucléaire|hydroélectrique|électrique|solaire)|trophée|pont|"
    rf"aréna|barrage)[ \t]+[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*){{0,2}}")

# A councillor's seat, part of the title: `le conseiller du district des Tisserands` (a city's subdivision)
_FRENCH_SEAT = re.compile(
    rf"\b[cC]onseill(?:er|ère)(?:[ \t]+municipale?)?[ \t]+(?:du|de[ \t]+la|de[ \t]+l[’'])[ \t]*(?:district|quartier|secteur)"
    rf"(?:[ \t]+électoral)?[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l[’']|des?[ \t]+|du[ \t]+|d[’'])?[{_UPPER}][\w’'-]*")  # (one word:
# `du district de Saint-Michel Jean Tremblay` goes on with the councillor's name)


# An institution named by its kind and the name it bears: `l'Hôpital territorial Stanton`, `le Centre
# hospitalier Pierre-Le Gardeur`, `le parc national Forillon` (its kind and the name, one tag)
_FRENCH_NAMED_PLACE = re.compile(
    rf"\b(?:Hôpital|Centre|Collège|Université|Institut|École|[Pp]arc|Musée)(?:[ \t]+[a-zà-ÿ]+(?:al|aux|el|ier|ière|aire|"
    rf"ique|if|ive|ional)){{1,2}}[ \t]+(?!(?:Le|La|Les|L[’'])\b)[{_UPPER}][\w’'-]*(?:\.[\w’'-]+)*"
    rf"(?:[ \t]+[{_UPPER}][\w’'-]*(?:\.(?=[\w’'-]|[ \t]+[{_UPPER}])[\w’'-]*)*){{0,2}}")


# what a French town's name opens with, before its hyphen: `Saint-Jean`, `Baie-Comeau`, `Rivière-du-Loup`
_PLACE_KINDS = frozenset({"Saint", "Sainte", "St", "Ste", "Baie", "Lac", "Rivière", "Mont", "Port", "Pointe", "Cap",
                          "Île", "Îles", "Notre", "Val", "Grand", "Grande", "Petit", "Petite", "Haute", "Haut", "Bas",
                          "Basse", "Trois", "Anse", "Sault", "Fort", "Chute", "Chutes", "Ville", "Vieux", "Vieille"})


class _Spans:
    """Disjoint spans of a text, sorted: whether a new one overlaps any is one bisection."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Add [start, end) unless it overlaps a span already taken; whether it was added."""
        at = bisect.bisect_left(self.starts, end)
        if at and self.ends[at - 1] > start:
            return False
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True


# A ministry in French running text, named by its fields: `ministère de la Santé et des Services
# sociaux`, `ministère de l'Environnement, de la Lutte contre les changements climatiques, de la
# Faune et des Parcs`, `département du Commerce des États-Unis` (a field but the last may go on
# in lowercase; the last may take an adjective, and the country the ministry is of; the list ends
# where a body's name starts: `et de la Fondation de BAnQ`)
_FIELD_ARTICLE = r"(?:de[ \t]+la[ \t]+|de[ \t]+l[’']|des[ \t]+|du[ \t]+|de[ \t]+|d[’'])"
_FRENCH_MINISTRY = re.compile(
    rf"\b(?:[mM]inistère|[dD]épartement)[ \t]+(?:{_FIELD_ARTICLE}[{_UPPER}][\w’'-]*(?:[ \t]+[a-zà-ÿ’'-]+){{0,4}}?"
    rf"(?:,[ \t]+|[ \t]+et[ \t]+)(?={_FIELD_ARTICLE}(?!{_FRENCH_BODY_HEAD}\b)[{_UPPER}]))*{_FIELD_ARTICLE}[{_UPPER}][\w’'-]*"
    rf"(?:[ \t]+[{_UPPER}][\w’'-]*)*(?:[ \t]+(?:{_FRENCH_ADJECTIVE}|[a-zà-ÿ]+(?:ères?|ables?|ibles?))\b)?"
    rf"(?P<of>[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l[’'])[ \t]*[{_UPPER}][\w’'-]*)?")


# A ministry named by a list of fields, or a minister by a list of portfolios: `Ministry of the
# Environment, Conservation and Parks`, `Minister of Communities, Culture, Tourism and Heritage`
# (a minister's last portfolio is one word: the minister's name may follow it)
_FIELDS = rf"[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*)*"
_LISTED_OFFICE = re.compile(
    rf"\b(?:(?:Ministry|Department)[ \t]+of[ \t]+(?:the[ \t]+)?{_FIELDS}(?:,[ \t]+{_FIELDS})+,?[ \t]+and[ \t]+{_FIELDS}"
    rf"|(Minister)[ \t]+of[ \t]+(?:the[ \t]+)?{_FIELDS}(?:,[ \t]+{_FIELDS})+,?[ \t]+and[ \t]+[{_UPPER}][\w’'-]*)")


def _fields_only(office: str) -> bool:
    """Whether a listed office's items are fields (`Environment, Conservation and Parks`), not
    people or bodies listed after it (`Minister of Finance, Chrystia Freeland, and ...`,
    `Department of Finance, Canada Revenue Agency and Statistics Canada`)."""
    fields = re.split(r"[ \t]of[ \t]+(?:the[ \t]+)?", office, maxsplit=1)[1]
    items = re.split(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+", fields)
    return all(_frequency(word.lower(), "en") >= RARE_ZIPF and not _is_place(word)  # (`Social Services` is a field)
               and (word in PORTFOLIOS or not _is_title(word)) for item in items for word in item.split())


_DEPARTMENT_ITEM = rf"[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*){{0,3}}"
# a department named by its fields and the country: `Immigration, Refugees and Citizenship Canada`
# a law whose name holds a small word: capitalised words around `to`, `at`, `on`, `for`, `in` or `and` (`of`
# and `the` a run keeps already; `and` parts names, see _one_law), ending with `Act`; not opening with an
# article or a possessive
_LAW_WORD = rf"(?!(?:The|A|An|This|That|Under|New)\b)[{_UPPER}][\w’'-]*(?<![’']s)"
_LAW = re.compile(rf"(?<![\w’'.-]){_LAW_WORD}(?:[ \t]+[{_UPPER}][\w’'-]*(?<![’']s))*[ \t]+(?:to|at|on|for|in|and)[ \t]+"
                  rf"[{_UPPER}][\w’'-]*(?:[ \t]+(?:[{_UPPER}][\w’'-]*|of|and|the|for|in|on))*?[ \t]+Act\b")
_LISTED_DEPARTMENT = re.compile(rf"(?<![\w’'.-])({_DEPARTMENT_ITEM}(?:,[ \t]+{_DEPARTMENT_ITEM}){{1,5}},?[ \t]+and[ \t]+{_DEPARTMENT_ITEM})[ \t]+Canada\b")


def _one_law(name: str) -> bool:
    """Whether a law's name joined by `and` is one law (`Health and Safety Act`), not a place and a law
    (`Ottawa and Canada Health Act rules`) nor two laws (`Online Streaming Act and Online News Act`)."""
    head = name.split(" and ")[0]
    return head == name or not (_is_place(head) or head.endswith(" Act"))


def _fields_listed(fields: str) -> bool:
    """Whether a list's items are portfolios' words only (not `Mark Carney, Doug Ford and Tim Houston`)."""
    return all(word in PORTFOLIOS or word in FIELD_WORDS for word in re.split(r",?[ \t]+(?:and[ \t]+)?|,", fields) if word)


# a minister's portfolios listed before the title: `Ontario Economic Development, Job Creation and
# Trade Minister Vic Fedeli`, `B.C. Jobs and Economic Growth Minister`, `Health and Human Services
# Secretary` (items and words bounded: a list of thousands of names is read in linear time)
_ITEM = rf"[{_UPPER}][\w’'-]*(?:[ \t]+[{_UPPER}][\w’'-]*){{0,5}}"
_LISTED_PORTFOLIOS = re.compile(rf"(?<![\w’'.-]){_ITEM}(?:,[ \t]+{_ITEM}){{0,6}},?[ \t]+and[ \t]+{_ITEM}"
                                r"(?=[ \t]+(?:Minister|Secretary)\b)")
# the words of portfolios besides PORTFOLIOS' (which are also titles): a list of them names no one
FIELD_WORDS = frozenset("""
    Jobs Job Economy Economic Development Growth Creation Families Family Human Services Social Children
    Community Communities Seniors Youth Women Status Gender Equality Parks Conservation Heritage Tourism Sport
    Sports Arts Culture Natural Resources Mines Mining Forests Forestry Lands Land Water Stewardship Skills
    Training Workforce Infrastructure Municipal Rural Urban Citizenship Diversity Inclusion Veterans Official
    Languages Digital Institutions Democratic Procurement Revenue Small Business Mental Addictions Wellness
    Long-Term Care Wildfire Transportation Highways Attorney Solicitor Consumer Red Tape Reduction Hospital
    Multiculturalism Reconciliation Relations Post-Secondary Advanced Education Learning Labor Security Homeland
    Interior State Climate Change Intergovernmental Francophone Francophonie Northern Housing
    Science Sciences Refugees Oceans Employment Crown-Indigenous
""".split())


def _portfolios(match: re.Match[str]) -> tuple[int, int] | None:
    """The span of the portfolios a `_LISTED_PORTFOLIOS` match lists, after the place they are
    of (`Ontario`, `Canada's`); None unless every item is made of portfolios' words (`Mark
    Carney and Finance Minister`, `the United Nations and Foreign Minister`)."""
    words = match.group().split(" ")
    place = next((n for n in range(len(words) - 1, 0, -1)
                  if _is_place(" ".join(words[:n]).rstrip(",").removesuffix("'s").removesuffix("’s"))), 0)
    rest = " ".join(words[place:])
    items = [item.split() for item in re.split(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+", rest)]
    if not all(items) or not all(word in PORTFOLIOS or word in FIELD_WORDS or word == "&"
                                 for item in items for word in item):
        return None
    return match.end() - len(rest), match.end()


# heads whose bodies are named by their place or owner (`Direction de santé publique de l'Estrie`)
_NAMED_BY_PLACE = {"Direction", "Procureur", "Procureure", "Coopérative", "Orchestre"}


def _french_bodies(paragraph: str, taken: _Spans) -> list[tuple[str, int, int]]:
    """(name, start, end) of each French body or place named in the paragraph, where no span
    already `taken` is."""
    found = []
    for match in _FRENCH_MINISTRY.finditer(paragraph):
        of = match.group("of")  # kept when it names a place: `du Québec`, not `des Aînés`
        end = match.start("of") if of and not dateline_countries(_ELISION.sub("", of.split()[-1])) \
            else match.end()
        if taken.take(match.start(), end):
            found.append((paragraph[match.start():end], match.start(), end))
    for match in (*_FRENCH_DEPARTMENT.finditer(paragraph), *_FRENCH_FEATURE.finditer(paragraph),
                  *_FRENCH_NAMED_PLACE.finditer(paragraph)):
        if taken.take(match.start(), match.end()):
            found.append((match.group(), match.start(), match.end()))
    for match in _FRENCH_BODY.finditer(paragraph):
        if not taken.take(match.start(), match.end()):
            continue
        words = match.group().split()
        if words[0] in SENTENCE_WORDS or _is_title(words[0]):  # `Le Parti libéral`: `Le` opens the sentence
            words = words[1:]
        if words[0] in _NAMED_BY_PLACE and not any(_ELISION.sub("", w)[:1].isupper() for w in words[1:]):
            continue  # `la Direction générale`, `le Procureur général`: whose, the copy does not say
        found.append((" ".join(words), match.start(), match.end()))
    return found


# A name followed by the acronym it is known by: `Union des producteurs agricoles (UPA)`,
# `Food and Drug Administration (FDA)`. The initials say where the name starts, whatever its case.
# (lowercase letters inside, before a capital: `Bibliothèque et Archives nationales du Québec (BAnQ)`)
_DEFINED = re.compile(r"\(([A-ZÀ-Þ](?:[A-ZÀ-Þ&]|[a-zà-ÿ]{1,2}(?=[A-ZÀ-Þ])){1,7})\)")
_SPAN_WORD = re.compile(r"[\w’'&.]+(?:[-–][\w’'.]+)*")
_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "les", "et", "pour", "sur", "à",
                 "au", "aux", "en", "d", "l", "&"}
_ELISION = re.compile(r"^[LlDd][’']")
_CAPITAL_ELISION = re.compile(r"[LD][’']")


def _spells(words: list[str], acronym: str, inside: bool = True) -> bool:
    """Whether the words' initials spell `acronym`, small words skipped or not, a word giving
    more letters of its own in order (`anticorruption`: AC; not when `inside` is False) or
    one per part (`États-Unis`: EU)."""
    @functools.cache  # at most 16 words by 8 letters: each state once, whatever the copy
    def fits(w: int, a: int) -> bool:
        if a == len(acronym):
            return w == len(words)
        if w == len(words):
            return False
        word = words[w]
        if word.lower() in _ACRONYM_SKIP and fits(w + 1, a):
            return True
        if _fold(word[:1]) != acronym[a]:
            return False
        # a word gives its initial, then perhaps more of its letters in order
        rest, at, end = _fold(word[1:]), 0, a + 1
        if fits(w + 1, end):
            return True
        if not inside:
            return False
        while end < len(acronym):
            at = rest.find(acronym[end], at) + 1
            if not at:
                return False
            end += 1
            if fits(w + 1, end):
                return True
        return False
    acronym = _fold(acronym)
    return fits(0, 0)


@functools.lru_cache(maxsize=1 << 12)
def _fold(text: str) -> str:
    """Capitals without accents: `É` spells the E of ACEUM."""
    return "".join(c for c in unicodedata.normalize("NFD", text.upper()) if not unicodedata.combining(c))


_ATTACHED = re.compile(rf"(?:{_WORD}[ \t]+)*$")  # the capitalised words right before a position


def _attached_start(text: str, start: int) -> int:
    """Where the capitalised words right before `start` begin (`S&P Global ... Index (PMI)`)."""
    attached = _ATTACHED.search(text, max(0, start - 200), start)
    if not attached:
        return start
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, attached.start(), start)]
    return ends[-1] if ends else attached.start()  # not across a sentence: `... Mark Carney. Canada Revenue Agency (CRA)`


_SENTENCE_BREAK = re.compile(r"[.!?][ \t]+")


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span overwritten by `|`, offsets kept, in one pass."""
    pieces, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            pieces += [text[last:start], "|" * (end - start)]
            last = end
    return "".join(pieces) + text[last:]


_FRENCH_HEADS = {"Parti", "Cour", "Institut", "Centre", "Banque", "Association", "Conseil", "Commission", "Société",
                 "Office", "Régie", "Agence", "Bureau", "Tribunal", "Ministère", "Fédération", "Syndicat", "Union",
                 "Université", "Hôpital", "Caisse", "Fonds", "Autorité", "Bloc", "Église", "Unité", "Coalition",
                 "Regroupement", "Mouvement", "Alliance", "Ordre", "Accord", "Confédération", "Front", "Collège",
                 "Orchestre", "Direction", "Coopérative", "Procureur", "Procureure", "Chambre", "Comité", "Festival",
                 "Salon", "Musée", "Bibliothèque", "Chaire", "Club", "Fondation", "Protecteur", "Réseau", "Garde", "Ligue"}
# a charter's, a law's or the Crown's word alone names the one of the story named in full, or nothing:
# `la Charte` is the Charte des droits et libertés de la personne, `the Crown` the prosecution
_DOCUMENT_HEADS = {"Charter", "Charte", "Act", "Loi", "Crown"}
_HEAD_WORDS = BODY_HEADS | _FRENCH_HEADS | _DOCUMENT_HEADS  # words a body's name opens with, in either language
_SHORT_NAMES = {"Bloc"}  # a head that is a party's everyday name on its own


def _written_as_name(words: list[str], text: str, start: int, language: str, elided: bool) -> bool:
    rest = [w for w in words[1:] if w.lower() not in _ACRONYM_SKIP]
    if all(w[:1].isupper() or w[:1].isdigit() for w in rest):
        return True
    if language != "fr":
        return False
    return elided or words[0] in _FRENCH_HEADS or not _opens_sentence(text, start)


# what no name defined by its acronym goes on through: a sentence's end, or a comma other than
# a body's list of fields (`Commission des normes, de l'équité, ... du travail (CNESST)`)
_BROKEN_NAME = re.compile(rf"[.!?;:]|,(?![ \t]+(?:[{_UPPER}]|(?:de|du|des|d[’'])[ \t]?))")


_QUOTES = re.compile(r"[“”\"«»]")


def _broken(span: str) -> bool:
    """Whether an acronym's name cannot be `span`: a comma lists a body's fields only, a body's
    word in it (not `Diversity, Equity and Inclusion (DEI)`, `Alberta, Saskatchewan and Manitoba`)."""
    return _BROKEN_NAME.search(span) is not None or "," in span and not any(w in _HEAD_WORDS for w in span.split())


_RUN_IN = re.compile(rf"[{_UPPER}][{_UPPER}’' &/-]{{2,60}}(?= - |: )")  # (not a dateline's dash: `HALIFAX — `)
_ACRONYM_AFTER = re.compile(r"\(([A-Z]{2,6})\)")
# a body's or a programme's kind, written in lowercase by a paper's style: its acronym stays a name
# (`special investigations unit (SIU)`, `réseau express métropolitain (REM)`)
_BODY_NOUN = re.compile(r"\b(?:unit|board|agency|commission|office|service|council|committee|program|programme|network|"
                        r"bureau|tribunal|authority|association|union|party|réseau|régie|conseil|comité|société|agence|"
                        r"parti|syndicat|ordre|fonds|fund|institute|institut|centre|center)s?\b")
_SMALL_INSIDE = frozenset("of and for the de du des d la le les et à en pour".split())


def _common_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for words written in lowercase, a thing and no one's name
    (`gaz naturel renouvelable (GNR)`, `renewable natural gas (RNG)`), lowercased."""
    found = set()
    for match in _ACRONYM_AFTER.finditer(text):
        acronym = match.group(1)
        words = [w for w in re.findall(r"[\w’'-]+", text[max(0, match.start() - 120):match.start()])
                 if _ELISION.sub("", w).lower() not in _SMALL_INSIDE][-len(acronym):]
        if len(words) == len(acronym) and all(w.islower() for w in words) and not _BODY_NOUN.search(" ".join(words)) \
                and "".join(_fold((_ELISION.sub("", w) or w)[0]) for w in words) == _fold(acronym.lower()):
            found.add(acronym.lower())
    return found


def _defined_names(paragraph: str, language: str) -> list[tuple[str, str, int, int]]:
    """(name, acronym, start, end) of each name the paragraph defines an acronym for: the
    shortest run of words before `(ACRONYM)` that starts with a capital and spells it, and
    that is written as a name: in English every word capitalised but the small ones; in
    French a name may be capitalised on its first word only (`Parti québécois (PQ)`), but
    not at a sentence start, where every word is (`Intelligence artificielle (IA)`), unless
    that word is a body's (`Union des producteurs agricoles (UPA) demande ...`)."""
    found = []
    for match in _DEFINED.finditer(paragraph):
        acronym = match.group(1)
        before = [m for m in _SPAN_WORD.finditer(paragraph, max(0, match.start() - 200), match.start())]
        candidates = []  # (where the words start, where the name does, words, their parts, elided), shortest first
        for first in range(len(before) - 1, max(-1, len(before) - 17), -1):
            start = before[first].start()
            head = _ELISION.sub("", before[first].group())
            words = [head] + [m.group() for m in before[first + 1:]]
            if len(words) < 2 or not head[:1].isupper() or _fold(head[:1]) != _fold(acronym[0]) \
                    or _broken(paragraph[start:match.start()].rstrip()[:-1]):
                continue
            parts = [_ELISION.sub("", p) or p for w in words for p in re.split(r"[-–]", w) if p]
            elided = len(before[first].group()) - len(head)
            candidates.append((start, start + elided, words, parts, bool(elided)))
        end = before[-1].end() if before else match.start()
        # initials one per word first: `Toronto Transit Commission (TTC)`, not `Transit Commission`
        # for the t inside Transit; then letters inside words (`Unité permanente anticorruption (UPAC)`)
        named = next((name_start for inside in (False, True)
                      for start, name_start, words, parts, elided in candidates
                      if _spells(parts, acronym, inside) and _written_as_name(words, paragraph, start, language, elided)),
                     None)
        if named is not None:  # as written, its list's commas and all (no quotation marks)
            found.append((" ".join(_QUOTES.sub("", paragraph[named:end]).split()).rstrip(".,"), acronym, named,
                          match.end()))
    return found


def _abbreviated(acronym: str, names: Iterable[str]) -> str | None:
    """The one name of several words whose initials spell `acronym` (three letters at least): all
    of its words, or all but a body's head (`HHS`: the Department of Health and Human Services) or a
    last field after `and` (`CDC`: the Centers for Disease Control and Prevention), if exactly one
    does (not `NHL` for the National Hockey League Players' Association, nor `IBC` for CIBC's name)."""
    owners = [name for name in names if " " in name and _abbreviates(acronym, name)]
    return owners[0] if len(owners) == 1 else None


@functools.lru_cache(maxsize=1 << 14)  # the same acronyms and names recur across stories
def _abbreviates(acronym: str, name: str) -> bool:
    if len(acronym) < 3:  # `US`, `AI`, `BC` stand for too many names
        return False
    # (a compound's part in lowercase gives no letter: `Radio-television` is the R of CRTC)
    words = [p for w in name.split() for at, p in enumerate(re.split(r"[-–]", w)) if p and not (at and p[:1].islower())]
    content = [i for i, w in enumerate(words) if w.lower() not in _ACRONYM_SKIP]
    if len(content) < 2:
        return False
    spans = [(content[0], content[-1])]
    if len(content) >= 3 and words[content[0]] in BODY_HEADS:  # the head aside: `HHS`
        spans.append((content[1], content[-1]))
    if len(content) >= 3 and words[content[-1] - 1] in ("and", "et"):  # the last field aside: `CDC`
        spans.append((content[0], content[-2]))
    return any(_spells(words[first:last + 1], acronym) for first, last in spans)


_POSSESSIVE = re.compile(rf"\b([{_UPPER}][\w-]*)['’]s\b")
_STANDING = re.compile(rf"(?<![\w-])([{_UPPER}][\w-]*+)(?!['’]s\b)")  # a whole word, not a possessive


def _possessive_only(text: str) -> frozenset[str]:
    """The capitalised words the text writes only with a possessive `'s` (`Hudson's Bay`, never
    `Hudson`): a company may be named for them; `Musk's Boring Company` is owned by Musk."""
    possessives = set(_POSSESSIVE.findall(text))
    return frozenset(possessives - set(_STANDING.findall(text))) if possessives else frozenset()


def credited_names(credits: tuple[str, ...]) -> list[str]:
    """Names in credit lines (`Associated Press writer Rob Gillies in Toronto contributed`), and
    every shorter run of their words: staff, never subjects, even when the story mentions them."""
    names: list[str] = []
    for line in credits:
        for run in _RUN.findall(line):
            words = run.split()
            names += [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
    return names


_SPACES = " \u00a0\u202f"
_OPENING_MARKS = ("“", '"', "«", "‘")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all there is between a pair of quotation marks (an opening
    one right before it, or one space before it): asked of every run, so the opening is looked
    at first, character by character."""
    before = text[start - 1] if start else ""
    if before and before in _SPACES:
        before = text[start - 2] if start > 1 else ""
    if before not in _OPENING_MARKS:
        return False
    after = text[end:end + 3].lstrip(_SPACES).lstrip(".,!?")
    return after[:1] in ("”", '"', "»", "’")


# A quotation in title case, in more than one piece, is a slogan or a title: `"Help Now, Argue
# Later"`, `"Serve the Public, Not Your Portfolio."` (one piece alone is `_quoted`'s)
_QUOTATION = re.compile(r'“([^“”\n]{3,120})”|"([^"\n]{3,120})"|«([^«»\n]{3,120})»')
_TITLE_CASE_SMALL = CONNECTORS | JOINERS | {"a", "an", "the", "to", "in", "on", "for", "at", "by", "with", "or", "not",
                                            "et", "les", "pour", "en", "au", "aux", "à", "un", "une", "pas"}


def _title_case_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of a paragraph's title-case quotations of two pieces or more."""
    spans = []
    for match in _QUOTATION.finditer(text):
        quoted = match.group(match.lastindex or 0)
        if not quoted[:1].isupper() or not any(mark in quoted.rstrip(".,!? ") for mark in ",;:!?"):
            continue
        words = [w.strip(".,;:!?()’'") for w in quoted.split()]
        if len(words) <= 12 and all(w[:1].isupper() or w.lower() in _TITLE_CASE_SMALL for w in words if w):
            spans.append(match.span())
    return spans


_LEADING_NOISE = SENTENCE_WORDS | CONNECTORS
# a box score's kind of play before its scorer and the play's yards: `TD Caden Thorsgaard 12 pass`
_SCORING_PLAYS = {"TD", "FG", "PAT", "XP"}


@functools.lru_cache(maxsize=1 << 16)
def _is_title(word: str) -> bool:
    return word in TITLES or "-" in word and all(part in TITLES for part in word.split("-"))


@functools.lru_cache(maxsize=1 << 16)
def _names_in(words: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The name candidates in a run, as (phrase, number of words): split at `and` unless the
    whole names one body, then at titles; runs in capitals (headline shouting) left out."""
    out: list[tuple[str, int]] = []
    while words and words[-1] in ("for", "on"):  # `Food and Drug Administration on Monday`
        words = words[:-1]
    if words and words[-1] in JOINERS:  # a run cut at its `and` by a word in lowercase after it
        if any(w in CONNECTORS or w in ("for", "on") for w in words[:-1]):
            return ()  # `Organization for Security and` (Co-operation in Europe): a body's name cut short
        words = words[:-1]  # `Marco Rubio and` (Vice-president JD Vance): the name is whole
    for part in _split_and(words):
        for name in _named_in(part):
            phrase = " ".join(name)
            if not (phrase.upper() == phrase and len(name) > 1):
                # a word with its company's suffix is a name wherever it stands, as a longer one is
                # (`Walmart Inc. lets ...` opening a sentence, named once)
                suffixed = len(name) == 1 and len(part) > 1 and part[0] == name[0] and part[1] in _INCORPORATED
                out.append((phrase, 2 if suffixed else len(name)))
    return tuple(out)


def _shortens(short: list[str], name: list[str]) -> bool:
    """Whether `short` is `name` called by the surname of the person it is named for, and its
    head: `Gretzky Centre` is the Wayne Gretzky Sports Centre; the Cour du Québec is no Cour
    supérieure du Québec, the Rideau Centre no Rideau Valley Conservation Centre."""
    if len(short) != 2 or short[-1] != name[-1] or _is_place(short[-1]) or short[0] not in name[1:-1] \
            or _frequency(short[0].lower(), "en") >= RARE_ZIPF:
        return False
    at = name.index(short[0])
    return _looks_like_person(tuple(name[at - 1: at + 1])) and not _is_place(name[at - 1])


def _common_plural(word: str) -> bool:
    """`Rights`, `Freedoms`: the plural of a common word (not `Texas`, `Columbus`, `Shriners`)."""
    return word.endswith("s") and word[:-1].isalpha() and not _is_place(word) \
        and _frequency(word[:-1].lower(), "en") >= RARE_ZIPF


def _surname_after_given(words: tuple[str, ...], at: int) -> bool:
    """Whether the title word at `at` is a surname after a given name (`Madeleine King`; not `Brampton
    Mayor`, `B.C. Premier`, `OpenAI CEO`: only a title that is a surname too, after a word that reads
    as a given name)."""
    given = words[at - 1] if at >= 1 else ""
    return words[at] in _TITLE_SURNAMES and given[:1].isupper() and given[1:].islower() and given.isalpha() \
        and not given.endswith("s") and not (_is_title(given) or _is_body_word(given) or given in PORTFOLIOS
                                             or given in JOINERS or given in _HONORIFICS or given in _ADDRESS_WORDS
                                             or _is_place(given) or is_known_place(given) or _is_demonym(given)
                                             or given in _FAITHS)


_FAITHFUL = frozenset({"Christians", "Catholics", "Muslims", "Jews", "Protestants", "Christian", "Catholic", "Muslim",
                       "Jewish", "Chrétiens", "Catholiques", "Musulmans", "Juifs", "Orthodoxes"})
_FAITHS = frozenset({"Anglican", "Catholic", "Orthodox", "Lutheran", "Baptist", "Methodist", "Presbyterian", "United"})


# titles that are surnames too: `Madeleine King`, `Alexis Bishop`, `Kerry-Ann Judge`
_TITLE_SURNAMES = frozenset({"King", "Bishop", "Judge", "Prince", "Pope", "Chancellor", "Cardinal", "Marshal", "Sheriff",
                             "Major", "Dean", "Knight", "Baron", "Duke", "Earl", "Abbott", "Chamberlain"})


_ADDRESS_WORDS = frozenset({"Madam", "Madame", "Mister", "Sir", "Dame", "Lady", "Lord"})  # `Madam Secretary-General`


def _split_and(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`Mark Carney and Doug Ford` is two names; `Environment and Climate Change Canada`, with
    a department's word before `and` and a body's word at the end, is one; so is `S & P`,
    and a place named with `and` (`Newfoundland and Labrador`, `Trinidad and Tobago`)."""
    if not any(w in JOINERS for w in words):
        return [words]
    for start in range(len(words) - 2):  # the longest has five words
        for end in range(min(len(words), start + 5), start + 2, -1):
            if " ".join(words[start:end]) in _JOINED_PLACES:
                rest = _split_and(words[end:]) if end < len(words) else []
                if not start and rest and words[end] not in JOINERS and _named_for_place(rest[0]):
                    # a body named for the province: `Newfoundland and Labrador Association of Public and Private Employees`
                    return [words[:end] + rest[0], *rest[1:]]
                return [*(_split_and(words[:start]) if start else []), words[start:end], *rest]
    first_joiner = next(i for i, w in enumerate(words) if w in JOINERS)
    if first_joiner == 2 and len(words) >= 5 and words[1] in PORTFOLIOS and _is_place(words[0]) \
            and all(_plain_word(w) and not _is_place(w) for w in words[3:]):
        return [words]  # a province's ministry by its portfolios: `Alberta Environment and Protected Areas`
    if _body_preposition(words[:first_joiner]) is not None and all(
            _common_field(w) for w in (words[first_joiner - 1], *words[first_joiner + 1:])):
        # `Department of Health and Human Services`, `Institute of Volcanology and Seismology`:
        # words of its fields; but `Bank of Montreal and Scotiabank`, `Assembly of First Nations
        # and Inuit Tapiriit Kanatami` are two
        return [words]
    if first_joiner >= 3 and words[first_joiner - 2] == "of" and len(words) == first_joiner + 2 \
            and all(_common_plural(w) for w in (words[-3], words[-1])):
        return [words]  # `Charter of Rights and Freedoms`: two common plurals after `of` (not `Texas and Illinois`)
    if len(words) >= 4 and _is_place(words[-1]) and all(w in JOINERS or _common_plural(w) for w in words[:-1]):
        return [words]  # `Colleges and Institutes Canada`: a national body named for its members
    if words[-1] in ORG_WORDS and all((_is_title(words[i - 1]) and not _surname_after_given(words, i - 1)
                                       and words[i - 1] not in _COUNTRY_SHORT)  # (`the U.S. and Canada`: two)
                                      or words[i - 1] in _DEPARTMENT_FIRST or words[i] == "&"
                                      or words[-1] in _COMPANY_END and not (i >= 2 and _is_place(words[i - 1]))
                                      for i, w in enumerate(words) if w in JOINERS and i):
        # (a firm named for its place is one firm before `and`: `Bell Canada and Telus Corp.` are two)
        return [tuple(w for w in words)]
    if (words[-1] in BODY_HEADS or words[-1] == "Services") and (all(  # `Food and Drug Administration`, `Fish and
            # Wildlife Enforcement Services`: one word of its field before each `and`
            (i <= 2 or words[i - 2] in JOINERS) and (_plain_word(words[i - 1]) or i == 1 and _common_field(words[0]))
            for i, w in enumerate(words) if w in JOINERS) or _fields_in_common_words(words, first_joiner)):
        return [words]
    parts: list[tuple[str, ...]] = []
    current: list[str] = []
    for i, word in enumerate(words):
        if word in JOINERS and (word != "&" or _is_place(words[i - 1]) and i + 1 < len(words) and _is_place(words[i + 1])) \
                and not (i and words[i - 1] in PORTFOLIOS and words[-1] in ORG_WORDS):
            # (`&` joins a firm's names, `Lakehead Wire & Cable`, `Procter & Gamble`; not two places)
            if current:
                parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    if current:
        parts.append(tuple(current))
    return parts


# a body's number before its name: `the 9th U.S. Circuit Court of Appeals`, `the 5th Canadian Division`
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th))[ \t]+$")
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+$")
_NUMBERED_UNITS = frozenset({"Circuit", "District", "Division", "Regiment", "Battalion", "Brigade", "Wing", "Squadron",
                             "Fleet", "Army", "Corps", "Precinct", "Congress"})
_PROVINCE_SHORT = frozenset({"PEI", "P.E.I.", "NL", "N.L.", "NB", "N.B.", "NS", "N.S.", "BC", "B.C.", "NWT", "N.W.T."})
_ZONE_AFTER_TIME = re.compile(r"(\d(?:[ \t]?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|h(?:[ \t]?\d\d)?))?[ \t]+)"
                              r"([ECMPAN][SD]T|[AH]ST|HA[ECRPAT]|HN[ECRPAT]|GMT|UTC)\b")
_SPEECH_VERBS = frozenset({"said", "says", "told", "announced", "confirmed", "dit", "affirme", "indique", "annonce"})
_COUNTRY_SHORT = frozenset({"U.S.", "US", "U.K.", "UK", "EU"})  # countries (and a union) by their letters


def _named_for_place(body: tuple[str, ...]) -> bool:
    """Whether words after a place named with `and` are a body of that place's (`Association of Public
    and Private Employees`, `Health Services`), not another place or a person with a title."""
    return not _is_place(body[0]) and (body[0] in ORG_WORDS or body[0] in BODY_HEADS or _is_body_word(body[-1])) \
        and not (any(_is_title(w) for w in body) and _looks_like_person(body[-2:])
                 and _frequency(body[-1].lower(), "en") < _SURNAME_WORD_ZIPF)


_JOINED_PLACES = {"Newfoundland and Labrador", "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda",
                  "Saint Kitts and Nevis", "Turks and Caicos", "Saint Vincent and the Grenadines",
                  "São Tomé and Príncipe", "Heard and McDonald Islands", "Saint Pierre and Miquelon"}


def _long_name(phrase: str) -> bool:
    """A name of more than six words that is still one: six words and its small ones
    (`Newfoundland and Labrador Association of Public and Private Employees`, `Conseil de la
    Nation Anishnabe du Lac Simon`), not two bodies (`Chamber of Commerce and ... Association`,
    `Hôpital Sainte-Marie du CIUSSS de ...`: a body's acronym after its small word)."""
    words = phrase.split()
    first_small = next((i for i, w in enumerate(words) if w in CONNECTORS or w in JOINERS), len(words))
    heads = [i for i, w in enumerate(words) if w in BODY_HEADS or w in ORG_WORDS and not _is_place(w)]
    # (`Royal Bank of Canada Board of Directors`: a body's head after another's small word)
    chained = any(w in CONNECTORS for i, j in zip(heads, heads[1:], strict=False) for w in words[i + 1:j])
    return not _two_heads(phrase) and not chained and sum(w not in JOINERS and w not in CONNECTORS for w in words) <= 6 \
        and not any(len(w) >= 3 and w.isupper() for w in words[first_small:])


def _two_heads(phrase: str) -> bool:
    """Whether a body's word stands both before a phrase's `and` and at its end: two bodies."""
    def head(word: str) -> bool:
        return word in ORG_WORDS or word in BODY_HEADS
    return head(phrase.rsplit(" ", 1)[-1]) and any(head(w) for w in phrase.split(" and ")[0].split())


def _fields_in_common_words(words: tuple[str, ...], first_joiner: int) -> bool:
    """`National Disaster Risk Reduction and Management Council`: a body's fields in common words,
    two or more before its `and` (not `Mayor Jane Smith and Town Council`, `Royal Canadian Legion
    and Army Cadets Council`, `Oak Ridge and Pine Valley Council`: a title, a people, a name)."""
    return first_joiner >= 2 and not _looks_like_person(words[:first_joiner]) and all(
        w in JOINERS or w[:1].isupper() and _plain_word(w) and _common_field(w) and not _is_title(w)
        and not _is_demonym(w) for w in words[:-1])


_FIELD_ENDINGS = ("ology", "ography", "onomy", "ometry", "iatry", "ics")


def _common_field(word: str) -> bool:
    """A word a body's field is named with: a common word, or a field of study however rare
    (`Seismology`), and no place."""
    return not _is_place(word) and (_frequency(word, "en") >= RARE_ZIPF or word.lower().endswith(_FIELD_ENDINGS))


def _plain_word(word: str) -> bool:
    """A capitalised word that is no acronym, place or body of its own: `Food` in `Food and Drug`."""
    return not word.isupper() and not _is_place(word) and word not in ORG_WORDS


_COMPANY_END = {"Corp", "Corporation", "Company", "Companies", "Inc", "Ltd", "Group"}


def _body_preposition(words: tuple[str, ...]) -> int | None:
    """Where a body's name goes on with `of`, `for` or `on` (`Ministry of Commerce`), if it does."""
    return next((i for i, w in enumerate(words) if w in ("of", "for", "on") and i
                 and (words[i - 1] in BODY_HEADS or _is_body_word(words[i - 1]))), None)


def _is_body_word(word: str) -> bool:
    """A word that ends the name of a body or a place: `Bank`, `Canada`, `Radio-Canada`."""
    return word in ORG_WORDS or "-" in word and word.rsplit("-", 1)[1] in ORG_WORDS


def _looks_like_person(words: tuple[str, ...]) -> bool:
    if len(words) == 3 and words[-1] in ("Plant", "Mill"):
        return False  # `Brampton Assembly Plant`, but `Robert Plant`: a surname may be a plant or a mill
    if words and words[-1] in _DOCUMENT_HEADS:
        return False  # `(First Nations) Clean Water Act`: a law's name ends with its kind
    return 2 <= len(words) <= 3 and not any(_is_body_word(w) or _is_title(w) or w in CONNECTORS or w in JOINERS
                                            for w in words)


_MUNICIPAL = frozenset({"City", "Town", "Township", "Village", "Municipality", "County", "Region", "District"})
_ARTICLE_PREFIX = re.compile(rf"^(?:{_ARTICLES})-(?=[^\W\d_])")


_NUMBER_WORDS = frozenset("One Two Three Four Five Six Seven Eight Nine Ten".split())


# `19e`, `1er`; a Roman one only before a gathering held again and again (`XXe Sommet de la
# Francophonie`): before others it names (`Ve République`, `IIIe Reich`)
_ORDINAL = re.compile(r"\d{1,3}(?:e|er|re|ème|ᵉ)")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|re|ème|ᵉ)")
_GATHERINGS = frozenset({"Sommet", "Congrès", "Conférence", "Jeux", "Festival", "Forum", "Rencontre", "Colloque",
                         "Summit", "Conference", "Games", "Congress"})


_STORM_KINDS = frozenset({"Hurricane", "Typhoon", "Cyclone"})


def _storm(words: tuple[str, ...]) -> bool:
    """A storm named with its kind (`Hurricane Marco`, `Tropical Storm Gonzalo`): the kind opening a
    sentence is part of the name, though the story writes `hurricane` in lowercase too."""
    at = 2 if words[:2] == ("Tropical", "Storm") else 1 if words[:1] and words[0] in _STORM_KINDS else 0
    return 0 < at and len(words) == at + 1


def _named_in(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    # (a number opening a sentence is dropped before this; inside one, it opens a name: `Six Nations`)
    while words and (words[0] in _LEADING_NOISE and not (words[0] in _NUMBER_WORDS and len(words) > 1)
                     and words[1:2] not in (("Nations",), ("Nation",)) or words[0] in JOINERS):
        words = words[1:]  # (`First Nations` is a name's start: `First Nations Clean Water Act`)
    if _calendar_day(words):
        return []  # `Christmas Eve`, `Boxing Day`: a day of the calendar, as `Christmas` is (see _HOLIDAYS)
    if words in (("First", "Nations"), ("First", "Nation")):
        return []  # the peoples, or one, as `Indigenous` says: no body (`Assembly of First Nations` is one)
    if len(words) == 2 and words[0] in _ORDINAL_WORDS and words[1] in _GAME_PARTS:
        return []  # `Second Quarter`, `Third Period`: a box score's part of the game
    if len(words) > 1 and (_ORDINAL.fullmatch(words[0]) or _ROMAN_ORDINAL.fullmatch(words[0]) and words[1] in _GATHERINGS):
        words = words[1:]  # `XXe Sommet de la Francophonie`: which one is no part of its name
    if 2 < len(words) <= 4 and _is_title(words[0]) and words[0] not in PORTFOLIOS and words[1] in ("of", "de", "du", "des") \
            and (_is_body_word(words[-1]) or _is_place(words[-1])) \
            and not all(w in PORTFOLIOS or w in FIELD_WORDS for w in words[2:]):
        # `la PDG de Santé Québec`, `President of Treasury Board`: the body (not `Government of
        # Canada`, a body's own name, nor `Minister of Veterans Affairs`, portfolios; with a person
        # after it, `Secretary of State Marco Rubio`, the title's words are read below)
        return _named_in(words[2:])
    if len(words) > 1 and _is_place(" ".join(words)):
        return [words]  # `Prince Edward Island`: no title in a place's name
    while words and words[-1] in CONNECTORS:  # `Fourth of` (July)
        words = words[:-1]
    if len(words) > 2 and _is_demonym(words[0]) and words[0] not in _COMPASS and _looks_like_person(words[1:]):
        # `le Britannique George Russell` (but `West Fraser Timber` is a company)
        words = words[1:]
    if len(words) >= 2 and words[-1].isupper() and _is_demonym(words[-2]) \
            and all(w in _COMPASS for w in words[:-2]):  # `Canadian AI`, `North American EV`
        return []
    if len(words) == 2 and words[1] in ACRONYM_STOP and _frequency(words[0].lower(), "en") >= RARE_ZIPF:
        return []  # `Fight AIDS`, `New CHSLD`: a common word and a common noun's acronym
    if words[-2:] in (("First", "Nation"), ("First", "Nations")) and len(words) > 3 and words[1] in ("of", "of the") \
            and words[0].endswith("s") and not _is_title(words[0]) and _frequency(words[0].lower(), "en") < RARE_ZIPF:
        return [words]  # a people of a place, `Chippewas of Rama First Nation` (not `Members of ...`, `Peters of ...`)
    if "of the" in words[1:-1]:  # `Lisa Young of the University of Calgary`: a person, then a body
        at_the = words.index("of the")
        if all(_is_title(w) for w in words[:at_the]):  # `Governor of the Bank of Canada`, `Queen of the Netherlands`
            return _named_in(words[at_the + 1:])
        if words[at_the - 1] not in BODY_HEADS and words[at_the - 1] not in _MUNICIPAL \
                and not _is_body_word(words[at_the - 1]) and not _is_title(words[at_the - 1]):
            return _named_in(words[:at_the]) + _named_in(words[at_the + 1:])
        if at_the == 1 and (words[0] in BODY_HEADS or words[0] in _MUNICIPAL or _is_body_word(words[0])):
            return [words]  # `Office of the Auditor General`, `Ministry of the Attorney General`: an office's body
    at = _body_preposition(words)
    if at is not None and (_is_place(" ".join(words[at + 1:])) or not any(
            _is_title(w) and w not in PORTFOLIOS for w in words[at + 1:])):  # (`University of Prince Edward Island`)
        # `Ministry of Commerce`, `Centers for Disease Control and Prevention`; but `(Governor of the)
        # Bank of Canada Tiff Macklem` is a body, then a person
        for end in range(at + 1, len(words) - 2):
            person = words[end + 1:]
            if (_is_body_word(words[end]) or _is_place(words[end])) and _looks_like_person(person) \
                    and not _is_place(person[0]) and _frequency(person[0].lower(), "en") < _FIRST_NAME_ZIPF \
                    and all(_frequency(person[-1].lower(), language) < _SURNAME_WORD_ZIPF for language in ("en", "fr")):
                return [words[:end + 1], words[end + 1:]]  # (not `Bank of Montreal Nesbitt Burns`: a common word)
        return [words]
    if "of" in words[1:3] and words[-1] != "of" and words[words.index("of") - 1] in _MUNICIPAL:
        # `City of Ottawa`, `Rural Municipality of Portage la Prairie`: a town's government (and
        # `City of Toronto Mayor Olivia Chow` a government and a person)
        title = next((i for i in range(words.index("of") + 2, len(words)) if _is_title(words[i])), None)
        return [words] if title is None else _named_in(words[:title]) + _named_in(words[title:])
    if "of" in words[1:-1]:  # `Thom Tillis of North Carolina`: a person and a place; `Bank of Canada`: a body
        at = words.index("of")
        if not _is_body_word(words[at - 1]) and not _is_title(words[at - 1]) and not (at == 2 and _is_demonym(words[0])) \
                and words[at - 1] not in _DOCUMENT_HEADS \
                and not (at == 1 and words[0] in _NAMED_OF):  # (`Michael Bay of Los Angeles` is a person and a place)
            return _named_in(words[:at]) + _named_in(words[at + 1:])  # (`Canadian Charter of Rights` is one name)
    for at in range(len(words) - 2):  # `Banque du Canada Mark Carney`: a body, then a person (not `Toronto Maple Leafs`)
        if (at or "-" in words[0]) and _is_body_word(words[at]) and _looks_like_person(words[at + 1:]):
            return _named_in(words[:at + 1]) + [words[at + 1:]]
    if len(words) in (3, 4) and "-" in words[0] and (_is_place(words[0]) or is_known_place(words[0])) \
            and _looks_like_person(words[1:]) and ("-" in words[1] or _frequency(words[1].lower(), "en") < _FIRST_NAME_ZIPF) \
            and ("-" in words[-1] or all(_frequency(words[-1].lower(), language) < _SURNAME_WORD_ZIPF for language in ("en", "fr"))):
        # `conseiller municipal de Trois-Rivières Jean-Guy Lamothe-Roy`: where, then who
        return [words[:1], words[1:]]
    if len(words) > 1 and all(_is_place(w) for w in words):  # `making Indonesia Canada’s largest partner`
        return [(w,) for w in words]
    while words and words[-1] in COMPANY_SUFFIXES:  # `Shopify Inc.` is Shopify
        words = words[:-1]
    if len(words) > 1 and words[-1] == "Corp":
        words = (*words[:-1], "Corp.")  # `Canada Mortgage and Housing Corp.` keeps its period
    if not words or all(_is_demonym(w, of_states=False) for w in words):  # `North American`: an adjective
        return []
    if len(words) > 1 and all(_is_demonym(w, of_states=False) or w in _FAITHS or w in _FAITHFUL for w in words):
        return []  # `Greek Orthodox`, `Orthodox Christians`, `Ukrainian Catholics`: a faith's people, no body
    if len(words) > 1 and words[-1] in ORG_WORDS and not _is_title(words[-1]) \
            or len(words) == 2 and words[0] in PORTFOLIOS and words[1] in _PROVINCE_SHORT:
        return [words]  # a body: `Public Health Ontario`, `Bank of Canada`, `Health PEI`
    if words[0] in _THOROUGHFARES and all(w in _COMPASS for w in words[1:]):
        return []  # `15th Street East`: the street's name is its number
    if len(words) > 1 and (words[-1] in _THOROUGHFARES or len(words) > 2 and words[-1] in _COMPASS
                           and words[-2] in _THOROUGHFARES):
        # a street named for someone, from the title it opens with: `Queen Street East`, `King Edward
        # Avenue` (`Police Close King Street West` names King Street West)
        named = [i for i, w in enumerate(words[:-1]) if _is_title(w)]
        return [words[named[-1]:] if named else words]
    # (a title word closing the run after a given name is a surname: `Minister Madeleine King`)
    # (nor is `Première` before `Nation`: `Première Nation de Kebaowek` is the First Nation's name)
    titles = [i for i, w in enumerate(words) if _is_title(w) and not (
        i == len(words) - 1 and _surname_after_given(words, i) and _frequency(words[i - 1].lower(), "en") < _FIRST_NAME_ZIPF)
        and not (w in ("Première", "Premières") and words[i + 1: i + 2] in (("Nation",), ("Nations",)) and len(words) > i + 2)
        # (nor a compass word in a district's or a body's name: `Lethbridge Northern Irrigation District`)
        and not (w in _COMPASS and (words[-1] in _MUNICIPAL or words[-1] in ORG_WORDS))
        # (nor a province's ministry named by its portfolios: `Alberta Environment and Protected Areas`)
        and not (i == 1 and w in PORTFOLIOS and _is_place(words[0]) and "and" in words and not _is_title(words[-1]))]
    if not titles or titles == [0] and words[0] == "U.S." and not _looks_like_person(words[1:]):
        return [words]  # (`U.S.` names a country's body, `U.S. Geological Survey`: a title before a person only)
    last = titles[-1]
    after = words[last + 1:]
    if after and after[0] in CONNECTORS and len(after) > 3:  # Secretary of Commerce Howard Lutnick
        after = after[2:]
    elif after and after[0] in CONNECTORS and not all(w in PORTFOLIOS or w in FIELD_WORDS or w in CONNECTORS for w in after):
        after = after[1:]  # `Chief Executive Officer of Halcyra`: the company (not `of Halcyra`)
    first = last
    while first > 0 and (_is_title(words[first - 1]) or words[first - 1] == "House" and words[first] in ("Leader", "Speaker")):
        # `Government House Leader`, `House Speaker` (not `White House Chief of Staff`)
        first -= 1
    before = words[:first]
    if _regnal(words[last:]):
        after = words[last:]  # `Pope Leo XIV`, `King Charles III`: the title is part of the name
    if len(words) == 2 and words[0] == "General" and not _is_title(words[1]) and _frequency(words[1], "en") >= _GENERAL_NOUN_ZIPF:
        return [words]  # `General Motors`, `General Assembly`: an adjective before a noun (`General Eyre` is a rank)
    if not after:
        # `Nova Scotia Health`: a place's department is a body; `Canadian Foreign Affairs
        # Minister` or `Senate Majority Leader` is a title with no name
        # (a region's is a body: `Northern Health`, `Southwestern Public Health`)
        if before and all(w in PORTFOLIOS for w in words[first:]) and not all(w in DEMONYMS and w not in _COMPASS
                                                                                for w in before) \
                and not _is_title(before[0]):  # (`Minister of Finance` is a title too)
            return [words]
        return []
    # before a title: the body it belongs to (`Bank of Canada Governor`), or more of the
    # title (`Senate Majority Leader`, `Emergency Preparedness Minister`), which is no name;
    # a party named by its head and its people (`Bloc Québécois Leader`, `Parti Québécois Leader`)
    keep = [before] if len(before) > 1 and (before[-1] in ORG_WORDS or _head_and_people(before)) \
        or len(before) == 1 else []
    if len(after) >= 3 and after[0] in _HONORIFICS and _honoured(after[1:]):  # `President Sheikh Mohamed bin Zayed`
        after = after[1:]
    return keep + [after]


def _head_and_people(words: Sequence[str]) -> bool:
    """A body's head and the adjective of its people: `Bloc Québécois`, `Parti québécois`
    (not `Union Home`, `Council Budget`: a title's words)."""
    return len(words) > 1 and words[0] in _HEAD_WORDS and all(_is_demonym(w) or _is_demonym(w.capitalize())
                                                               for w in words[1:])


# what is named for a place or a people after `of`: `Gulf of St. Lawrence`, `Strait of Hormuz`, `Order of Canada`
_NAMED_OF = {"Gulf", "Strait", "Straits", "Bay", "Sea", "Isle", "Cape", "Order"}
_ORDINAL_WORDS = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Final"}
_GAME_PARTS = {"Quarter", "Half", "Period", "Inning", "Innings", "Round", "Set", "Overtime"}
_THOROUGHFARES = {"Street", "Avenue", "Road", "Way", "Boulevard", "Drive", "Highway", "Crescent", "Parkway",
                  "Expressway", "Bridge"}
_REGNAL_TITLES = {"Pope", "King", "Queen", "Emperor", "Empress"}
_REGNAL_NUMBER = re.compile(r"[IVX]+")


def _regnal(words: tuple[str, ...]) -> bool:
    """A title, a name and its number: `Pope Leo XIV`."""
    return len(words) == 3 and words[0] in _REGNAL_TITLES and bool(_REGNAL_NUMBER.fullmatch(words[2]))


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
               title: str = "", dateline: str = "") -> dict[str, float]:
    """People, organisations and places named in the text, by mentions, in order of first mention.

    A full name (`Mark Carney`) also collects later mentions of its first or last word
    (`Carney said`, `M. Legault`, `Joelle`), unless two names share that word; a party
    collects its members (`Liberals`). A single word is a name when it is an acronym (NATO),
    a country (Babel's names for them), or when the story capitalises it mid-sentence at
    least twice, never writes it in lowercase, and it is no common word of the story's
    language (`Cohere`, `Stellantis`; not `Consumers`) nor a word that only ever qualifies
    the same noun (`Lyme disease`). The `dateline`'s place (`GATINEAU`) is a place of the
    story: where the text names it on its own (`le conseil de Gatineau`), it is a tag.
    """
    text = "\n".join(paragraphs)
    titled_places = {m.group(1) or m.group(2) for m in _TITLED_PLACE.finditer(text)} if "Prince " in text else set()
    filed_from = _dateline_places(dateline, title, text)
    lower_words = _LowercaseWords(text)
    named_for = _possessive_only(text)
    excluded, shouted = _exclusions(exclude)
    if "(" in text:
        excluded |= _common_acronyms(text)
    full: dict[str, float] = {}
    standing: dict[str, Counter] = {}  # (see _place_then_person)
    # (word, opens a sentence, the lowercase word after it, weight, a number after it)
    singles: list[tuple[str, bool, str, float, bool]] = []
    openers: dict[str, str] = {}  # `Summer McIntosh did it again.`: a first name that is also a common word
    capitalised: dict[str, int] = {}  # mid-sentence capitals of every word, in a name or not (`Republican senators`)
    defined: dict[str, str] = {}  # acronym -> the name the story defines it as: `PQ` is the Parti québécois
    for number, paragraph in enumerate(paragraphs):
        if _CREDIT_LINE.match(paragraph) or len(paragraph) <= 60 and paragraph.isupper():
            continue  # credits name staff; a subhead in capitals (`EN BREF`, `TRAINER'S ROOM`) shouts
        taken = _Spans()
        works: list[tuple[str, int, int]] = []
        bodies = [(name, start, end) for name, acronym, start, end in _defined_names(paragraph, language)
                  if defined.setdefault(acronym, name) == name and taken.take(start, end)]
        # a French street (`boulevard Lemire`, `rue Granier`) names no one: no body over it, and its words masked below
        streets = [match.span() for pattern in (_FRENCH_STREET, _FRENCH_SEAT)
                   for match in pattern.finditer(paragraph)] \
            if language == "fr" else []
        if language == "fr":
            for start, end in streets:
                taken.take(start, end)
            bodies += _french_bodies(paragraph, taken)
            works = [(m.group(), m.start(), m.end()) for pattern in (_FRENCH_CHURCH, _FRENCH_FACILITY)
                     for m in pattern.finditer(paragraph) if taken.take(m.start(), m.end())]
            bodies += works
        offices = [match for match in _LISTED_OFFICE.finditer(paragraph)
                   if _fields_only(match.group()) and taken.take(match.start(), match.end())] \
            if ("Minist" in paragraph or "Department" in paragraph) and ", " in paragraph else []
        bodies += [(match.group(), match.start(), match.end()) for match in offices if not match.group(1)]
        if " Act" in paragraph:  # a law named with its small words: `Access to Information Act`, `Species at Risk Act`
            bodies += [(match.group(), match.start(), match.end()) for match in _LAW.finditer(paragraph)
                       if _one_law(match.group()) and taken.take(match.start(), match.end())]
        if ", " in paragraph and " Canada" in paragraph:
            bodies += [(match.group(), match.start(), match.end()) for match in _LISTED_DEPARTMENT.finditer(paragraph)
                       if _fields_listed(match.group(1)) and taken.take(match.start(), match.end())]
        listed = [span for match in _LISTED_PORTFOLIOS.finditer(paragraph) if (span := _portfolios(match))] \
            if " Minister " in paragraph or " Secretary " in paragraph else []
        for found_body in bodies:  # (a building or a trophy is where or what, as a place is: half an actor)
            if found_body[0].lower() not in excluded:
                full[found_body[0]] = full.get(found_body[0], 0) + (LOCATION_WEIGHT if found_body in works else 1)
        # a germ's genus after what it is names no one: `la bactérie Legionella`, `the bacterium Salmonella`
        germs = [m.span(1) for m in _GERM.finditer(paragraph) if not _is_place(m.group(1))] \
            if "bact" in paragraph or "parasit" in paragraph else []
        # a work's title after its kind names no one: `the carol Boh Predvichnyi`, `la chanson Gens du pays`
        germs += [title.span(1) for title in _WORK_TITLE.finditer(paragraph)] \
            if _WORK_KIND.search(paragraph) else []
        if bodies or offices or listed or streets or germs:  # their words are no other names (`Canada` in `Banque du Canada`), nor the
            # capitalised words they follow; a minister's portfolios name no one (`Minister of Communities, Culture
            # and Heritage`, `Jobs, Economy and Trade Minister`)
            paragraph = _masked(paragraph, [(_attached_start(paragraph, start), end) for _, start, end in bodies]
                                + [match.span() for match in offices if match.group(1)] + listed + streets + germs)
        if number and (run_in := _RUN_IN.match(paragraph)) and not is_known_place(run_in.group()) and all(
                len(word) > 4 and _frequency(word.lower(), language) >= RARE_ZIPF
                for word in re.findall(r"[\w’'-]+", run_in.group()) if word not in ("AND", "ET", "OF", "DE")):
            # a factbox's item led by its subject in capitals (`AUTOS - U.S. tariffs of 25% ...`, `SOFTWOOD LUMBER -`):
            # common words shouted, no name
            paragraph = " " * run_in.end() + paragraph[run_in.end():]
        for run in _runs(paragraph, named_for, language):
            words, opens = run.words, run.opens
            if run.numbered and len(words) > 1 and words[0] in _SCORING_PLAYS and (
                    _looks_like_person(words[1:]) or len(words) == 2 and _frequency(words[1].lower(), language) < RARE_ZIPF):
                words = words[1:]  # a scorer's name after the play (not `TD Place 7 p.m.`, `TD Bank 2025`)
            if opens and _CAPITAL_ELISION.match(words[0]) and _is_place(words[0][2:]):
                words = (words[0][2:], *words[1:])  # `L’Allemagne demeure ...`: the sentence's capital, not the name's
            for word in words[1 if opens else 0:]:
                capitalised[word] = capitalised.get(word, 0) + 1
            # a sentence's first word is capitalised anyway: not a name if the text uses it in
            # lowercase (`words` is never empty: _split_run keeps no empty part)
            # (a name the story also writes mid-sentence keeps its first word: `Hockey Canada said`)
            if opens and not _regnal(words) and not _storm(words) and (words[0] in SENTENCE_WORDS or words[0].lower() in lower_words
                          and not (len(words) > 2 and words[-1] in ORG_WORDS)  # `Climate Action Network Canada said`
                          and not (len(words) > 1 and _named_mid_sentence(" ".join(words), text))):
                if len(words) == 2 and _could_be_first_name(words[0]):
                    openers.setdefault(words[1], " ".join(words))
                words, opens = words[1:], False
            if len(words) >= 2 and (_ELISION.match(words[0]) and words[0][2:3].islower() or _MAKER.fullmatch(words[0])) \
                    or len(words) >= 3 and _describes(words, paragraph, run.start, language):
                words, opens = words[1:], False  # `L’avocat de Construction Valmont`, `Automaker Corvexa`: no one's name
            while len(words) >= 3 and words[0] in _HONORIFICS and _honoured(words[1:]):
                words, opens = words[1:], False  # `Emir Sheikh Tamim bin Hamad Al Thani`
            pieces = [words]
            role = _role_inside(words)
            if role:  # `NOAA Administrator Neil Jacobs`: the body, then the person, not the role
                pieces = [words[:role[0]], words[role[1]:]]
            elif language == "fr" and len(words) == 3 and _place_then_person(words, paragraph, run.start, text, standing):
                pieces = [words[:1], words[1:]]  # `la conseillère municipale d’Iqaluit Jeannie Pitsiulak-Moreau`
            # `steel mills in Hamilton`: a place the story happens in weighs less than an actor
            weight = LOCATION_WEIGHT if _LOCATIVE.search(paragraph, max(0, run.start - 12), run.start) else 1.0
            # `à La Broquerie`, `de La Tuque`: an article capitalised mid-sentence is the place's own
            named = [(" ".join(words), 2)] if len(words) == 2 and (" ".join(words) in titled_places or not opens and
                                                                   _article_in_name(words, language) and not
                                                                   _QUOTE_OPENS.search(paragraph, max(0, run.start - 4), run.start)) else \
                (found for piece in pieces for found in _names_in(piece))
            for phrase, n in named:
                if phrase.lower() in excluded or phrase in shouted:
                    continue
                if n == 1:
                    singles.append((phrase, opens and phrase == words[0], run.next_word if phrase == words[-1] else "",
                                    weight, run.numbered and phrase == words[-1]))
                elif n <= 6 or _long_name(phrase):
                    # (`Risk Reduction and Management Council`, not `Chamber of Commerce and ... Association`;
                    # six words and its small ones: `Newfoundland and Labrador Association of Public and Private Employees`)
                    if not _NUMBERED_UNITS.isdisjoint(phrase.split()) and phrase.startswith(words[0] + " ") \
                            and (ordinal := _ORDINAL_BEFORE.search(paragraph, max(0, run.start - 8), run.start)) \
                            and not _MONTH_BEFORE.search(paragraph, max(0, ordinal.start() - 12), ordinal.start()):
                        # (not a date's: `On January 14th City Council approved ...`)
                        phrase = ordinal.group(1) + " " + phrase  # `the 9th U.S. Circuit Court of Appeals`: which one is its name
                    full[phrase] = full.get(phrase, 0) + weight
                weight = 1.0  # only the first name after the preposition
    # `Jean-Grou` is the École secondaire Jean-Grou: French names an institution for a person with hyphens
    borne: dict[str, str] = {name: owner for name, owner in _owners(
        [name for name in full if _FRENCH_NAMED_PLACE.fullmatch(name)],
        lambda parts: " ".join(parts[next(i for i, w in enumerate(parts) if i and w[:1].isupper()):])).items()
        if owner and "-" in name and name.split("-")[0] not in _PLACE_KINDS}  # (not `Saint-Jean`, `Baie-Comeau`: towns)
    for phrase in [p for p in full if p in borne]:
        full[borne[phrase]] += full.pop(phrase)
    for phrase in list(full):  # `St-Pierre Plamondon` is Paul St-Pierre Plamondon (but Nova Scotia is no Doctors Nova Scotia)
        if _is_place(phrase):
            continue
        longer = [name for name in full if name.endswith(" " + phrase) and not any(w in ORG_WORDS for w in name.split())]
        if not longer:  # `la Cour d’appel`: the Cour d’appel du Québec; `les Maple Leafs`: the Maple Leafs de Toronto
            longer = [name for name in full if name.startswith(phrase + " ") and (
                phrase.split()[0] in _HEAD_WORDS or name[len(phrase) + 1:].startswith(("de ", "du ", "des ", "d’", "d'", "et ")))]
        if not longer and phrase.split()[-1] in ORG_WORDS:  # `the Gretzky Centre`: the Wayne Gretzky Sports Centre
            longer = [name for name in full if name != phrase and _shortens(phrase.split(), name.split())
                      and full[name] >= full[phrase]]
        if not longer and phrase.split()[-1] in ORG_WORDS and phrase.split()[-1] not in ("Party", "Parti"):
            # `the Border Patrol`: the U.S. Border Patrol, named without its country (not a party:
            # the Liberal Party is no Quebec Liberal Party)
            # (a state's is another body: the Ohio Environmental Protection Agency is not the EPA; and
            # with another of its kind named, `the Supreme Court` may be the Supreme Court of Canada)
            longer = [name for name in full if name.endswith(" " + phrase) and name[:-len(phrase) - 1] == "U.S."]
            if any(phrase in name and name not in longer and name != phrase for name in full):
                longer = []
        if not longer and "&" in phrase:  # `Harrow & Stokes`: Harrow & Stokes Medical Ltd., named first, its trade left out
            first_seen = list(full)  # in order of first mention (not `Johnson & Johnson`, then its `Johnson & Johnson Vision`)
            longer = [name for name in full if name.startswith(phrase + " ")
                      and first_seen.index(name) < first_seen.index(phrase)
                      and all(w[:1].isupper() and _frequency(w.lower(), "en") >= RARE_ZIPF and not _is_place(w)
                              for w in name[len(phrase) + 1:].split())]
        if len(longer) == 1 and " " in phrase:
            full[longer[0]] += full.pop(phrase)
    people = [name for name in full if not any(w in ORG_WORDS for w in name.split())]
    nicknames: dict[str, str | None] = {}
    if ("“" in text or '"' in text) and _QUOTED_WORD.search(text):
        nicknames, given_only = _nicknamed(text, people)
        # `GAUDET, Léonce Joseph "Lonnie" –`: his given names, then his nickname; `Mom Boucher`: Maurice "Mom" Boucher
        given_only.update({f"{nickname} {owner.split()[-1]}": owner for nickname, owner in nicknames.items() if owner})
        for given, person in given_only.items():
            if given in people and person in full and given != person:
                full[person] += full.pop(given)
                people.remove(given)
    surnames = _owners(people, lambda parts: parts[-2] if parts[-1] in SUFFIXES and len(parts) > 1 else parts[-1])
    for surname, owner in list(surnames.items()):  # `Burhan` is Abdel Fattah al-Burhan
        bare = _ARTICLE_PREFIX.sub("", surname)
        if bare != surname:
            surnames[bare] = owner if surnames.get(bare, owner) == owner else None
    first_names = _owners([name for name in people if _looks_like_person(tuple(name.split()))], lambda parts: parts[0])
    # `Joseph` alone, in an obituary for Léonce Joseph "Lonnie" Gaudet: his name or his kin's, no one else's
    middle_names: dict[str, str | None] = {}
    for name in {name for name in nicknames.values() if name}:
        for word in name.split()[1:-1]:
            middle_names[word] = name if middle_names.get(word, name) == name else None
    parties = [name for name in full if name.split()[-1] in ("Party", "Parti") and " " in name]
    counts = dict(full)
    mentions: dict[str, int] = {}
    mid_sentence: dict[str, int] = {}
    followers: dict[str, set[str]] = {}
    weights: dict[str, float] = {}
    abbreviated: dict[str, str | None] = {}
    namesakes = _owners([name for name in full if name.split()[0].endswith(("’s", "'s"))], lambda parts: parts[0][:-2])
    # `the Bloc` is the Bloc Québécois: a party named short by its head
    heads = _owners([name for name in full if _head_and_people(name.split())], lambda parts: parts[0])
    # `la Régie`, `the Commission`: the one body of the story whose name holds that word
    by_head: dict[str, str | None] = {}
    for name in full:
        parts = name.split()
        for head in set(parts) & _HEAD_WORDS if len(parts) > 1 else ():
            by_head[head] = None if by_head.get(head, name) != name else name
    numbered: dict[str, int] = {}
    for word, opens, follower, weight, number_after in singles:
        if number_after and word in MONTHS:
            continue  # `May 5`: a date
        if _FLU_STRAIN.fullmatch(word):
            continue  # `H5N1`: an influenza virus's subtype, as a disease's acronym (ACRONYM_STOP), no one named
        if _ACRONYM_COMPOUND.fullmatch(_ELISION.sub("", word)):
            continue  # `l'IPC-tronq`, `CPI-trim`, `COVID-era`: a measure or a word made from an acronym, no one named
        # the dateline's place is no one's surname (`Gatineau`, not `Action Gatineau`), but a city
        # alone may be its team (`for Edmonton`: the Edmonton Oilers)
        family = {} if word in filed_from else surnames
        if word not in family and word not in first_names and len(word) >= 3 and word.isalpha() and not _is_place(word) \
                and _frequency(word.lower(), "en") < RARE_ZIPF:
            # `Wilf` for Wilfred Kettering-Boyd: a short form of one person's given name, a word no
            # language uses (not `Just`, `Car`, nor `Louis` or `Daniel`, given names of their own;
            # not `Russia` of a `Russian Embassy`)
            longer = [first for first in first_names if len(first) > len(word) and first.startswith(word)
                      and first[len(word)].islower() and not _is_demonym(first)]
            if len(longer) == 1:
                word = longer[0]
        if word in family or word in first_names or word in middle_names:
            # (a first name two people share is no one's, even when a nicknamed man bears it in the middle)
            owner = family.get(word) or first_names.get(word) if word in family or word in first_names \
                else middle_names.get(word)
            if owner:
                counts[owner] += weight
            continue  # `M. Gagnon` when the story has two Gagnons: neither, and no tag `Gagnon`
        if _ELISION.sub("", word) in defined:  # `the UPA`, `l’UPA`: the Union des producteurs agricoles
            if defined[_ELISION.sub("", word)] in counts:
                counts[defined[_ELISION.sub("", word)]] += weight
            continue
        # `Hudson's Bay` and `Hudson's Bay Company`; `Lonnie`: Léonce Joseph "Lonnie" Gaudet
        owner = namesakes.get(word) or heads.get(word) or borne.get(word) or nicknames.get(word)
        bare = _ELISION.sub("", word)  # `l’OSM` is the OSM
        if owner is None and bare.isupper():  # `HHS` after `the Department of Health and Human Services`
            if bare not in abbreviated:
                abbreviated[bare] = _abbreviated(bare, full)
            owner = abbreviated[bare]
        if owner is not None:
            counts[owner] += weight
            continue
        if word in _HEAD_WORDS and word not in _SHORT_NAMES:  # a head alone names no body: `Régie` is the Régie de l’énergie, or no tag
            body = by_head.get(word)
            if body:
                counts[body] += weight
            continue
        party = next((name for name in parties if word.endswith("s") and name.startswith(word[:-1])), None)
        # `the Oilers`: the Edmonton Oilers; `les Olympiques`: the Olympiques de Gatineau; a singular
        # name after its city's: `the Victoire` is the Montreal Victoire, `le Drakkar` the Drakkar de Baie-Comeau
        team = [name for name in full if name.endswith(" " + word) or name.startswith(word + " de ")] \
            if word.endswith("s") else [name for name in full if name.endswith(" " + word) and _is_place(name[:-len(word) - 1])
                                        or name.startswith(word + " de ") and " " not in name[len(word) + 4:] and "-" not in word
                                        and not (_is_body_word(word) or word in BODY_HEADS or word in ORG_WORDS or _is_title(word))]
        if not team and word.endswith("s") and len(word) >= 5:  # `the Argos`: the Toronto Argonauts; `the
            team = [name for name in full if _nickname_of(word, name.split()[-1])]  # Riders`: Roughriders
        if party:  # `Liberals`: the Liberal Party's members
            counts[party] += weight
        elif len(team) == 1 and not _is_place(word):  # `the Oilers`: the Edmonton Oilers, named short
            counts[team[0]] += weight
        elif re.fullmatch(r"[A-Z][A-Z0-9&]{2,7}|[A-Z]\d{1,2}", word) and word not in ACRONYM_STOP \
                and word.lower() not in excluded and len(word) >= 2:
            counts[word] = counts.get(word, 0) + weight
        else:
            mentions[word] = mentions.get(word, 0) + 1
            weights[word] = weights.get(word, 0) + weight
            # (`Airbnb said ...`: a sentence's subject with no article before it speaks as a name does)
            mid_sentence[word] = mid_sentence.get(word, 0) + (not opens or follower in _SPEECH_VERBS)
            followers.setdefault(word, set()).add(follower)
            numbered[word] = numbered.get(word, 0) + number_after
    title_words = set(title.replace("’s", " ").replace("'s", " ").split())
    spoken = _languages_listed(text) if mentions else frozenset()
    for word, n in mentions.items():
        if word.lower() in lower_words or word in spoken:
            continue
        if word in _countries():  # `China`, however common `china` is
            if not followers[word] <= _RULING_NOUNS:  # (`its 2016 Jordan decision`: R. v. Jordan, a case)
                counts[word] = weights[word]
            continue
        if not _is_proper_word(word, language) or _qualifies_a_noun(n, followers[word]) \
                or numbered[word] == n and (_frequency(word, language) >= _DESIGNATION_ZIPF or word in _DESIGNATIONS):
            continue  # `a Category 3 storm`, `Phase 2`: a common word numbering something names nothing
        # a word no word list knows as a common one names something wherever it stands; a
        # rarer common word must be capitalised mid-sentence (or in the headline) twice, its
        # singular counting for a plural (`Republican senators` for `Republicans`)
        singular = capitalised.get(word[:-1], 0) if word.endswith("s") else 0
        if not mid_sentence[word] and word not in title_words and _COMMON_NOUN_ENDING.search(word):
            continue  # `Pasteurization kills the virus.`: a common noun opening its sentence, rare as it may be
        evidence = n if _frequency(word, language) < RARE_ZIPF else mid_sentence[word] + (word in title_words) + singular
        if evidence >= (1 if _frequency(word, language) < RARE_ZIPF else 2) and not _called_by_first_name(word, text):
            counts[openers.get(word, word)] = weights[word]
    for place in filed_from:  # (a city that has its team in the story names the team alone: `for Edmonton`)
        if place not in counts and place.lower() not in excluded:
            alone = _mentions_alone(place, title, text, counts, located_only=_team_of(place, counts))
            if alone:
                counts[place] = alone
    for place in _places_in(title, language):  # `Tornado tears through St. Louis ... across Missouri`: a known
        # place the headline names is a tag, whether or not the story names it again (unless excluded: a dateline)
        if place not in counts and place.lower() not in excluded and place not in shouted:
            counts[place] = 1.0
    # `the Maple Leafs`: the Toronto Maple Leafs, a team named without its city (a body's name after a place's
    # is another body: the Ohio Environmental Protection Agency is not the EPA)
    for name in [n for n in counts if " " in n and n.endswith("s") and n.split()[-1] not in _PARTY_MEMBERS]:
        teams = [other for other in counts if other.endswith(" " + name) and _is_place(other[:-len(name) - 1])]
        if len(teams) == 1:
            counts[teams[0]] += counts.pop(name)
    for name in [n for n in counts if " " in n and n + "s" in counts and re.search(rf"\b(?:a|an|one|un|une) {re.escape(n)}\b", text)]:
        counts[name + "s"] += counts.pop(name)  # `a Montreal Canadien`: one of the Montreal Canadiens (not `Tim Horton`)
    order = {name: i for i, name in enumerate(counts)}
    merged: dict[str, float] = {}
    spellings: dict[str, str] = {}  # `Quebec` and `Québec` are one tag page: kept in the more frequent spelling
    for name, score in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])):
        first = spellings.setdefault(_spelling(name), name)
        merged[first] = merged.get(first, 0) + score
    return dict(sorted(merged.items(), key=lambda kv: (-kv[1], order[kv[0]])))


@functools.lru_cache(maxsize=1 << 14)  # the same names recur across stories
def _spelling(name: str) -> str:
    """What spellings of one name share (`Quebec`, `Québec`)."""
    return slugify(name) or name


_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:(?:le|la|les|du|des|au|aux)[ \t]+|[lL][’'])$")


def _describes(words: tuple[str, ...], text: str, start: int, language: str = "en") -> bool:
    """Whether the first word before a person's name says what they are rather than naming
    them: a listed role (`Defenceman Josh Morrissey`), a trade in -ist (`Meteorologist Armel
    Castellan`), a noun after a French article (`la Japonaise Naomi Osaka`, `l’Acadienne
    Rachelle Doiron`: French names take none), or in English a common English word that French
    copy hardly uses (`Curator Miriam Oduya`, `VP Kamala Harris`; given names are common in
    both: `Paul St-Pierre Plamondon`; an acronym before a further role is its body: `NOAA
    Administrator Neil Jacobs`). Never a body's word (`la Fondation Jean
    Lapointe`), and only before what reads as a first name (`Methodist Church Hall` is one name), never
    a place's (`Doctors Nova Scotia`)."""
    word = words[0]
    # the person, up to the body the run goes on with: `Meteorologist Jonah Pelletier of Environment Canada`
    cut = next((i for i, w in enumerate(words) if w in CONNECTORS or w in JOINERS), len(words))
    # ... or up to another person: `Justices Clarence Thomas and Samuel Alito`
    person = words[1:cut] if any(w in ORG_WORDS or _is_body_word(w) for w in words[cut:]) \
        or cut < len(words) and words[cut] in JOINERS and _looks_like_person(words[cut + 1:]) else words[1:]
    if _is_body_word(word) or word in BODY_HEADS or word in GIVEN_NAME_WORDS or not _looks_like_person(person) \
            or _is_place(" ".join(person)):  # `Doctors Nova Scotia`: a body of a place's doctors
        return False
    if word in ROLES:
        return True
    if not (words[1] in GIVEN_NAME_WORDS or zipf(words[1].lower(), "en") < _FIRST_NAME_ZIPF):
        return False
    return len(word) >= 8 and word.endswith(("ist", "iste")) \
        or bool(_ARTICLE_BEFORE.search(text, max(0, start - 6), start)) \
        or language == "en" and _frequency(word.lower(), "en") >= RARE_ZIPF and not (word.isupper() and _role_inside(words)) \
        and _frequency(word.lower(), "fr") < _OTHER_LANGUAGE_ZIPF


@functools.lru_cache(maxsize=1 << 14)
def _role_inside(words: tuple[str, ...]) -> tuple[int, int] | None:
    """Where a role stands inside a run, between what it is of and the person who holds it, the
    person ending the run (`NOAA Administrator Neil Jacobs`, `Latah County Prosecutor Bill
    Thompson`): where the body ends and where the person starts, or None. Titles are split off
    by `_names_in`."""
    if len(words) < 4 or any(_is_title(word) for word in words) or words[-1] in _MUNICIPAL or _is_body_word(words[-1]):
        return None  # (`Casa Verde Irrigation District`: a body's name ends it, no person)
    # from the person back: the role stands right before them (`Toronto Blue Jays Pitcher Kevin
    # Gausman`: `Jays` reads as a role before `Pitcher Kevin Gausman` too)
    for at in range(len(words) - 3, max(0, len(words) - 5), -1):
        if not all(word[1:].islower() for word in words[at:at + 2]):
            continue  # `Canadian Sovereign AI Compute Strategy`: a person's name has no acronym
        if words[at - 1] not in CONNECTORS and words[at - 1] not in JOINERS and _describes(words[at:], "", 0):
            body = at
            # the role's other words: `Toronto Police Detective Sergeant`, `RBC Senior Economist`
            while body > 1 and (words[body - 1] in ROLES or words[body - 1] in ("Staff", "Senior")):
                body -= 1
            return body, at + 1
    return None


# Before a full name an honorific, before one word part of a name: `Sheikh Mohamed bin Zayed`,
# `Elder Marlene Thomas-Joe`; `Sheikh Hasina`, `Emir Kusturica`, `Larry Elder`
_HONORIFICS = frozenset({"Sheikh", "Sheik", "Emir", "Elder"})


def _honoured(words: Sequence[str]) -> bool:
    """Whether words after an honorific name a person: no body's word, and a last word that is
    no common word or place (not `Elder Care Ontario`, `Sheikh Zayed Road`, `Elder Scrolls Online`)."""
    return not any(_is_body_word(w) for w in words) and not _is_place(words[-1]) \
        and _frequency(words[-1].lower(), "en") < _SURNAME_ZIPF


_SURNAME_ZIPF = 5.0  # `Nahyan` 0, `Porter` 4.0, `Smith` 4.9; `Road` 5.2, `Online` 5.2, `Care` 5.6
_MAKER = re.compile(r"[A-Z][a-z]{2,}makers?")  # `Automaker`, `Steelmaker`, `Drugmaker`: a trade, before its firm's name
_SURNAME_WORD_ZIPF = 4.0  # `Macklem` 0: a surname; `Burns` 4.5, `Securities` 4.1, `Campus` 4.4: words
_FIRST_NAME_ZIPF = 4.3  # `Church` 4.9 is a word; `Trevor` 3.4, `Naomi` 3.3, `Jean` 4.2 are names
_OTHER_LANGUAGE_ZIPF = 2.5  # in French copy: `curator` 0, `officer` 0; `Paul` 5.0, `Miriam` 3.0, `Tomas` 3.2


_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Northeast",
            "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern", "Southeastern", "Southwestern",
            "Midwestern"}
_DEMONYM_ENDINGS = ("ian", "ians", "an", "ans", "n", "ns", "ese", "lese", "ish", "ic", "i", "ien", "iens", "ienne", "iennes",
                    "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine", "ains", "aines")


@functools.lru_cache(maxsize=1 << 14)
def _is_demonym(word: str, of_states: bool = True) -> bool:
    """An adjective or noun of place (`Canadian`, `Indonesian`, `Japonaise`): the listed ones,
    a country's one-word name (English or French) with a demonym's ending for its own, and a
    Canadian city's with a French one (`Montréalaises`, `Lavalloise`); with `of_states`, a
    province's, a state's or a city's of one word too (`Albertans`, `Idahoan`: also a team's
    name, `the Texans`, which a run keeps for the team named in full)."""
    if word in DEMONYMS:
        return True
    if word in _countries() or word in PLACES or word in STATES or len(word) < 5:
        return False
    compass, _, rest = word.partition("-")
    if rest and compass in ("Sud", "Nord", "South", "North") and _is_demonym(rest):
        return True  # `Sud-Coréen`, `North-Korean`
    singular = word[:-1] if word.endswith("es") else word
    if singular.endswith(("que", "are", "ène", "ole", "ate", "sse")) and _fold(singular[:-1] + "ie") in _folded_countries():
        return True  # French: `Slovaque` of Slovaquie, `Bulgares` of Bulgarie, `Tchèque` of Tchéquie (not `Georges`)
    for ending in _DEMONYM_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and any(
                country == stem or country[:-1] == stem or country[:-1] + "i" == stem
                or country.endswith("on") and country[:-2] == stem  # `Lebanese` of Lebanon
                for country in _countries_by_start(of_states).get(stem[:4], ())):
            return True
    return any(word.endswith(ending) and (word[:-len(ending)] in _CITIES or word[:-len(ending) - 1] in _CITIES
                                          and word[-len(ending) - 1] == word[-len(ending) - 2])
               for ending in _FRENCH_DEMONYM_ENDINGS)


_FRENCH_DEMONYM_ENDINGS = ("ais", "aise", "aises", "ois", "oise", "oises", "ien", "iens", "ienne", "iennes")
_CITIES = frozenset(city for city in CANADA_CITIES if " " not in city)


@functools.lru_cache(maxsize=2)
def _countries_by_start(of_states: bool = True) -> dict[str, tuple[str, ...]]:
    """Countries, and with `of_states` the provinces, states and cities of one word (`Idahoan`, `Albertan`,
    `Calgarian`), by their first four letters."""
    by_start: dict[str, list[str]] = {}
    places = sorted(place for place in PLACES | STATES if " " not in place) if of_states else []
    for country in (*_countries(), *places):
        by_start.setdefault(country[:4], []).append(country)
    return {k: tuple(v) for k, v in by_start.items()}


LOCATION_WEIGHT = 0.5


def _dateline_places(dateline: str, title: str, text: str) -> list[str]:
    """The places a dateline names (`LA RONGE, Sask.`: La Ronge; `BEIJING/WINNIPEG`: both), as
    the headline or the story writes them; none the copy never writes but in capitals."""
    places = []
    whole = title + "\n" + text
    lowered = whole.lower()  # same length: a dateline's letters lower to one character each
    for part in dateline.split("/") if len(lowered) == len(whole) else ():
        city = part.split(",")[0].strip()
        if len(city) < 3 or not city.isupper():
            continue
        at = lowered.find(city.lower())
        while at >= 0:
            written = whole[at: at + len(city)]
            if written[0].isupper() and not written.isupper() and _alone_at(whole, at, at + len(city)):
                places.append(written)
                break
            at = lowered.find(city.lower(), at + 1)
    return places


def _alone_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole word, not part of one (`Toronto-based`, `Hydro-Québec`)."""
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-’'_")) \
        and (end == len(text) or not (text[end].isalnum() or text[end] in "-_"))


def _team_of(place: str, names: Iterable[str]) -> bool:
    """Whether a name is a team of `place`: its name and a plural (`Edmonton Oilers`, `Canadiens de Montréal`)."""
    return any(name.startswith(place + " ") and name.endswith("s") or name.endswith(" de " + place)
               and name.split()[0].endswith("s") for name in names)


_OPENS = frozenset("\n.!?—«“\"")


def _mentions_alone(place: str, title: str, text: str, names: Iterable[str], located_only: bool = False) -> float:
    """How often the headline and the story name `place` on its own: not inside a longer name
    (`Université de Sherbrooke`, `Culture Trois-Rivières`, `Toledo Fire Chief`), nor as part of a
    word (`Toronto-based`, `Hydro-Québec`). Each weighs as a place named in passing: the
    dateline already says where the story is; its actors come first. `located_only` when the story
    names the place's team: then only `in Kamloops` names the city (`for Edmonton` is the Oilers)."""
    whole = title + "\n" + text
    taken = [(m.start(), m.end()) for name in names if place in name and name != place
             for m in re.finditer(re.escape(name), whole)]
    found = 0.0
    at = whole.find(place)
    while at >= 0:
        end = at + len(place)
        if _alone_at(whole, at, end) and not any(a <= at and end <= b for a, b in taken):
            after = whole[end:].lstrip(" ")
            before = whole[:at].rstrip(" ")
            words_before = before.rsplit(None, 1) if before[-1:] not in ("", "\n") else []
            word_before = words_before[-1] if words_before else ""
            # a capitalised word after it, or before it mid-sentence, makes it part of a run of them
            if not after[:1].isupper() and not (word_before[:1].isupper()
                                                and before[:-len(word_before)].rstrip(" ")[-1:] not in _OPENS) \
                    and (not located_only or word_before in ("in", "dans")):
                found += LOCATION_WEIGHT
        at = whole.find(place, end)
    return found


# a town named as a prince is (`in Prince Albert`, `Prince George, B.C.`): the place, not a royal
_TITLED_PLACE = re.compile(r"\b(?:in|at|near|à)[ \t]+(Prince[ \t]+[A-Z][a-z]+)\b(?![’'-]|[ \t]+[A-Z])"
                           r"|\b(Prince[ \t]+[A-Z][a-z]+),[ \t]+(?:B\.C\.|Sask\.|Alta\.|Man\.|Ont\.|Que\.|Qc|N\.B\.|"
                           r"N\.S\.|P\.E\.I\.|N\.L\.|C\.-B\.|Md\.|Va\.)")
_LOCATIVE = re.compile(r"\b(?:in|near|across|throughout|dans|à|en|au)[ \t]+$")


def _exclusions(exclude: Iterable[str]) -> tuple[set[str], set[str]]:
    """What may not be a tag: names in any case (the byline's people, the agencies), and a
    dateline's words as written (`MONCTON, N.B.` is no tag; Moncton in the story may be)."""
    names = [e for e in exclude if e and not e.split(",")[0].isupper()]
    excluded = {e.lower() for e in names}
    excluded |= {e.removeprefix("the ") for e in excluded}
    excluded |= {e.split(",")[0] for e in excluded}  # `Kyiv, Ukraine` -> Kyiv
    # `VOCM News`, `CTV News Staff`: the outlet's newsroom
    excluded |= {f"{e.lower()} {desk}" for e in exclude if e and "," not in e for desk in ("news", "staff")}
    # an outlet named by its city calls itself by the rest: `Winnipeg Free Press`, "the Free Press" (not
    # one word: the Toronto Sun's "Sun" may be a surname)
    outlets = [e.split(",")[-1].strip() for e in names]
    excluded |= {o.split(" ", 1)[1].lower() for o in outlets if o.count(" ") >= 2 and _is_place(o.split(" ", 1)[0])}
    shouted = {part.strip() for e in exclude if e and e.split(",")[0].isupper()
               for part in (e, *e.split(","), *e.replace(",", " ").split()) if part.strip().isupper()}
    return excluded, shouted


# `conseillère municipale d’`, `mairesse de ` (not kin: `le fils de Jean Marc Dupuis`)
_OF_A_PLACE = re.compile(r"(?<![\w-])(?!(?:fils|fille|filles|conjointe?|épouse|époux|mari|femme|mère|père|frère|sœur|soeur|"
                         r"neveu|nièce|cousine?|oncle|tante|veuve|veuf|amie?|enfants?|parents?|petite?-(?:fils|fille))[ \t])"
                         r"[a-zà-ÿ]{3,}[ \t]+(?:de[ \t]+|d[’'])$")


def _place_then_person(words: tuple[str, ...], paragraph: str, start: int, text: str, standing: dict[str, Counter]) -> bool:
    """Whether a French run after someone's role is a place and then the person, with no comma
    between (`l’ancienne conseillère municipale d’Iqaluit Jeannie Pitsiulak-Moreau`): the place
    is one the story names alone (`à Iqaluit`), and the story names the person by the surname
    without the given name (`Mme Pitsiulak-Moreau`). `standing` keeps the story's capitalised words
    and pairs of them, counted once a story (a scan of the text for each run would be quadratic)."""
    place, person = words[0], words[1:]
    if not _OF_A_PLACE.search(paragraph, max(0, start - 40), start) or not _looks_like_person(person) \
            or _is_place(person[0]) or is_known_place(person[0]):
        return False
    if not standing:
        standing["alone"] = Counter(_STANDING_WORD.findall(text))
        standing["words"] = Counter(_CAPITALISED.findall(text))
        standing["pairs"] = Counter(_CAPITALISED_PAIR.findall(text))
    return (is_known_place(place) or standing["alone"][place] > 0) \
        and standing["words"][person[-1]] > standing["pairs"][(person[0], person[-1])]


_STANDING_WORD = re.compile(rf"(?<![\w’'-])[{_UPPER}][\w’'-]*(?![\w’'-]|[ \t]+[{_UPPER}])")
_CAPITALISED = re.compile(rf"(?<![\w’'-])[{_UPPER}][\w’'-]*")
_CAPITALISED_PAIR = re.compile(rf"(?<![\w’'-])([{_UPPER}][\w’'-]*)[ \t]+(?=([{_UPPER}][\w’'-]*))")


_QUOTE_OPENS = re.compile(r"[«“\":][ \t\u00a0\u202f]*$")  # (`a lancé : « Le Dollarama ...`: the quote's first word)


def _article_in_name(words: tuple[str, ...], language: str) -> bool:
    """`La Broquerie` written mid-sentence in French copy: the article is part of the name, as in a
    town's (`La Tuque`, `Le Bic`); not before a body's or a title's word (`La Banque`)."""
    return language == "fr" and words[0] in ("La", "Le") and words[1][1:].islower() and words[1].isalpha() \
        and not (_is_title(words[1]) or _is_body_word(words[1]) or words[1] in _HEAD_WORDS or _is_demonym(words[1])) \
        and _frequency(words[1].lower(), "fr") < RARE_ZIPF


def _nicknamed(text: str, people: list[str]) -> tuple[dict[str, str | None], dict[str, str]]:
    """(each nickname the story gives in quotes inside a name -> the one person of `people` it is
    given to, by his given names before it and his surname after it if any, or None; the given
    names written without the surname, before the nickname -> that person)."""
    found: dict[str, str | None] = {}
    given_only: dict[str, str] = {}
    for match in _NICKNAMED.finditer(text):
        shouted, given, nickname, surname = match.group(1), match.group(2).split(), match.group(3), match.group(4)
        if surname is None and shouted is None:
            continue  # (`Captain John Smith "Bluenose" was sailing`: no surname around the quotes, no nickname)
        surname = surname or shouted
        # (his given names in order, then his surname: not his son Joseph Gaudet, nor her sister Anne Murphy)
        owners = {name for name in people if (parts := name.split())[:len(given)] == given and len(parts) > len(given)
                  and parts[-1].casefold() == surname.casefold()}
        owner = owners.pop() if len(owners) == 1 else None
        found[nickname] = owner if found.get(nickname, owner) == owner else None
        if owner and shouted and not match.group(4):
            given_only[" ".join(given)] = owner  # `GAUDET, Léonce Joseph "Lonnie" –`: his given names alone
    return found, given_only


def _owners(names: list[str], key) -> dict[str, str | None]:
    """Each name's first or last word -> the name, or None when two names share it."""
    owners: dict[str, str | None] = {}
    for name in names:
        word = key(name.split())
        owners[word] = None if word in owners and owners[word] != name else name
    return owners


# how copy introduces someone by a first name alone: their kin before it, set apart by commas (`her
# daughter, Amara,`, `Sa fille, Sylvie,`; not `its partner Shopify`, `son Québecor`), a name the copy
# gives them (`que nous appellerons Nick`), or their age after it when the story says it withholds a
# surname (`Ginette, 74 ans,` ... `son nom de famille ne soit pas publié`; not `Shakira, 48,`)
_KIN = (r"(?:daughter|son|wife|husband|mother|father|mom|dad|brother|sister|grandson|granddaughter|resident|neighbou?r|"
        r"fille|fils|mère|père|conjointe?|femme|mari|frère|sœur|soeur|petite?-fille|petit-fils|grand-mère|grand-père|"
        r"résidente?|voisine?)(?: [^\s,.]+){0,5}")  # (`Une résidente de la rue Granier, Huguette,`)
_GIVEN_A_NAME = (r"(?:appellerons|nommerons|(?:we are|we're|we will|we'll|we’ll|we’re) call(?:ing)?(?: (?:him|her|them))?|"
                 r"identified only as|first name,|prénom,)")
_WITHHELD = re.compile(r"(?i)\b(?:last name|family name|surname|nom de famille|only (?:her|his|their) first names?|first names? only|"
                       r"seul(?:ement)? (?:son|leur) prénom|not (?:be )?(?:named|identified)|"
                       r"ne soit pas (?:publié|nommée?|identifiée?))\b")


_PARTY_MEMBERS = frozenset({"Democrats", "Conservatives", "Liberals", "Republicans", "Greens", "Libéraux", "Conservateurs",
                            "Démocrates", "Néo-démocrates"})  # (`New Democrats` are no `Alberta New Democrats`)


def _called_by_first_name(word: str, text: str) -> bool:
    """Whether the story names a private person by this first name alone: no tag (a reader looks
    up no one by `Amara`)."""
    name = re.escape(word)
    introduced = re.search(rf"\b{_KIN}, {name}[,.]|\b{_GIVEN_A_NAME} {name}\b", text) is not None \
        or re.search(rf"\b{name}, (?:\d{{1,3}}(?: ans)?,|an? \d{{1,3}}-year-old\b)", text) is not None \
        and _WITHHELD.search(text) is not None  # (`Gord, a 47-year-old father ...`, his surname withheld)
    # (the place check last: it loads the table of places, and most words meet none of these phrasings)
    return introduced and not (_is_place(word) or is_known_place(word))  # `a resident of Whitehorse, Yukon,`


def _could_be_first_name(word: str) -> bool:
    return word in GIVEN_NAME_WORDS


# Given names that are also common words: at a sentence start (`Summer McIntosh won`) the
# word is part of the name, where `Angry Unifor members` or `Striking Teamsters` are not
GIVEN_NAME_WORDS = frozenset("""
    Amber April Art Autumn Bill Bob Brook Bud Candy Carol Chase Cliff Crystal Daisy Dale Dawn
    Destiny Don Drew Eve Faith Frank Gene Ginger Glen Grace Grant Guy Harmony Hazel Heather Holly
    Honey Hope Hunter Iris Ivy Jack Jade Joy June Ken Lance Lily Mark Matt May Melody Mercy Miles
    Nick Olive Pat Patience Pearl Penny Rich River Rob Robin Rose Ruby Rusty Sandy Sky Sterling
    Summer Sunny Violet Wade Will Willow
    Aimé Ange Blanche Céleste Constant Désiré Fleur Félicité Modeste Prudence Rose Victoire
""".split())


# After a subject's name: verbs and small words, not the noun a name qualifies (`Lyme disease`)
_SUBJECT_FOLLOWERS = {"said", "says", "is", "was", "has", "had", "have", "will", "would", "could", "can", "may",
                      "might", "should", "and", "or", "to", "in", "on", "at", "for", "of", "with", "from", "by",
                      "as", "also", "which", "who", "that", "a", "est", "et", "qui", "de", "du", "des", "en",
                      "à", "au", "aux", "pour", "sur", "dans", "par", "avec", "selon", "ont", "sont", "va", ""}


def _nickname_of(word: str, last: str) -> bool:
    """Whether a plural is a team's name cut short, its start or its end (`Argos`: Argonauts,
    `Riders`: Roughriders), the team's name a plural too."""
    word, last = word.casefold(), last.casefold()
    return last != word and last.endswith("s") and " " not in last and (last.startswith(word[:-1]) or last.endswith(word))


# a court's decision named for a party, as law names it: `the Jordan decision`, `the Jordan ceiling`
_RULING_NOUNS = frozenset({"decision", "ruling", "judgment", "judgement", "ceiling", "framework", "principle", "test",
                           "décision", "arrêt", "jugement", "plafond"})


def _qualifies_a_noun(mentions: int, followers: set[str]) -> bool:
    """`Lyme disease`, `Malayan tapir`: a word that, each time, only qualifies the same noun."""
    if len(followers) != 1 or mentions < 2:
        return False
    (follower,) = followers
    return follower not in _SUBJECT_FOLLOWERS and not follower.endswith(("s", "ed"))


def _is_place(phrase: str) -> bool:
    return phrase in PLACES or phrase in STATES or phrase in _countries()


def _places_in(title: str, language: str = "en") -> list[str]:
    """The places a headline names on their own (not `Grand Prix du Canada`, nor in French the
    start of a name going on in lowercase: `Québec solidaire`)."""
    return [" ".join(part) for run in _runs(title) for part in _split_and(run.words) if _is_place(" ".join(part))
            and not (language == "fr" and part[-1] == run.words[-1] and _FRENCH_ADJECTIVE_WORD.fullmatch(run.next_word))]


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Countries and regions by their one-word English and French names (`China`, `Ukraine`,
    `Chine`): names wherever they stand, however common the word (`china`)."""
    from babel import Locale  # its territory names ship inside the package

    return frozenset(name for language in ("en", "fr") for name in Locale(language).territories.values()
                     if " " not in name)


@functools.lru_cache(maxsize=1)
def _folded_countries() -> frozenset[str]:
    return frozenset(_fold(name) for name in _countries())


_PLACE_ABBREVIATIONS = {"Alta", "Sask", "Nfld", "Calif", "Mass", "Mich", "Conn", "Ariz", "Colo", "Minn", "Okla",
                        "Tenn", "Wash", "Penn", "Wisc", "Mont", "Nebr", "Oreg"}
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_GENERAL_NOUN_ZIPF = 3.8  # `motors` 4.0, `mills` 4.2, `assembly` 4.6; surnames mostly below (`eyre` 3.1)
_DESIGNATIONS = {"Ward", "Wards", "Zone", "District"}  # rarer words that number things (`Ward 3 Coun. ...`)
_DESIGNATION_ZIPF = 4.5  # `category` 4.6, `phase` 4.6 number things; `Chelsea 1` (4.4), `Celtics 98` are scores
RARE_ZIPF = 3.0  # below this a word is no common word at all: `Unifor` 1.8, `Stellantis` 0
COMMON_ZIPF = 5.0  # wordfreq's scale: 5 is once per 100,000 words; `Court` 5.4, `Senate` 4.8, `Cohere` 2.0


# what makes a common noun of a verb (`Pasteurization`, `Vaccination`, `Urbanisation`): no name ends so
# (`-ness` and `-ism` do: `Caithness`, `Harkness`)
_COMMON_NOUN_ENDING = re.compile(r"[iy][sz]ation$")
_SCALES = frozenset({"Celsius", "Fahrenheit", "Kelvin"})  # `minus 30 degrees Fahrenheit`: a unit, named for no one here
# a year's holidays, alone (`Christmas hampers`): days of the calendar, as months are (`Christmas Market` is a name)
_HOLIDAYS = frozenset({"Christmas", "Easter", "Thanksgiving", "Halloween", "Hanukkah", "Diwali", "Ramadan", "Passover",
                       "Noël", "Pâques", "Hogmanay", "Kwanzaa", "Epiphany", "Épiphanie", "Theophany", "Genna", "Rois"})


_HOLIDAY_DAYS = frozenset({("Boxing", "Day"), ("New", "Year"), ("New", "Year's", "Eve"), ("New", "Year's", "Day"),
                           ("Nouvel", "An"), ("Jour", "de", "l'An"), ("Jour", "de", "l'an"), ("Sviat", "Vechir"),
                           ("Fête", "des", "Rois"), ("Rois", "mages")})


def _calendar_day(words: tuple[str, ...]) -> bool:
    """A holiday's day (`Christmas Eve`, `Boxing Day`, `New Year’s Eve`); not `Noël Day`, a person
    (Noël is a given name too)."""
    if len(words) == 2 and words[0] in _HOLIDAYS and words[0] not in ("Noël", "Pâques"):
        return words[1] in ("Eve", "Day", "Morning")
    if len(words) == 2 and words[1] in _HOLIDAYS and (_is_demonym(words[0]) or words[0] in _FAITHS):
        return True  # `Ukrainian Christmas`, `Orthodox Christmas`: a church's calendar, a day as Christmas is
    return tuple(w.replace("’", "'") for w in words) in _HOLIDAY_DAYS


def _is_proper_word(word: str, language: str) -> bool:
    """A capitalised word that names something rather than being a common word written with a capital."""
    if _is_demonym(word) or word in _CALENDARS.get(language, CALENDAR) or word in _SCALES or word in _HOLIDAYS \
            or _is_title(word) or word in SENTENCE_WORDS or not word[:1].isupper() \
            or len(word) < 4 or word in _PLACE_ABBREVIATIONS or not any(c.islower() for c in word) \
            or _PLURAL_ACRONYM.fullmatch(word):  # `SUVs`, `MPs`: common nouns
        return False
    return _frequency(word, language) < COMMON_ZIPF


_LISTED = re.compile(rf"[{_UPPER}][\w’'-]*(?:,[ \t]+[{_UPPER}][\w’'-]*)*,?[ \t]+(?:and|or|et|ou)[ \t]+[{_UPPER}][\w’'-]*")


def _languages_listed(text: str) -> frozenset[str]:
    """Languages a story lists together (`in Tamil, Tagalog and Punjabi`): what calls are made
    in, no names; a language alone may be a people's name too (`the Cree`, `Mohawk Council`)."""
    found: set[str] = set()
    for match in _LISTED.finditer(text):
        words = [w for w in re.split(r",?[ \t]+(?:and|or|et|ou)[ \t]+|,[ \t]+", match.group()) if w]
        spoken = [w for w in words if w in _languages() and w not in _countries() and not _is_place(w)]
        if len(spoken) >= 2:
            found.update(spoken)
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    from babel import Locale  # its language names ship inside the package

    return frozenset(name for language in ("en", "fr") for name in Locale(language).languages.values() if " " not in name)


@functools.lru_cache(maxsize=1 << 14)
def _frequency(word: str, language: str) -> float:
    return zipf(word, language)  # exact at or above RARE_ZIPF (frequency.FLOOR), which is all names ask
