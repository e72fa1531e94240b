"""Wire formats as data: what each language's header lines and each source family's
bylines, datelines and boilerplate look like.

The parser (wire.py) reads every file with all of these at once: the shapes do
not overlap, and copy moves between agencies (a CP story closes with an AP
contributor line). Adding an outlet is adding a `Family` here and a story of
its shape to tests/wire_corpus/.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Conventions:
    """How copy in one language labels its header lines and notes."""

    language: str
    byline: str                   # the word before the names: By, Par
    conjunction: str              # between the last two names: and, et
    posted: tuple[str, ...]       # labels of the first-publication time
    updated: tuple[str, ...]      # labels of the last-update time
    notes: str                    # a regex of the labels opening an editor's note, a correction or an update
    example: str                  # a time as this language's copy writes it, for error messages


@dataclass(frozen=True, slots=True)
class Family:
    """One source family: its names as bylines write them, its dateline mark and its boilerplate."""

    name: str                     # the source as front matter gives it
    spellings: tuple[str, ...]    # other ways a byline or signature names it (any case)
    agency_marks: tuple[str, ...]  # what a dateline holds in parentheses: `WASHINGTON (AP) —`
    language: str | None          # the language all of its copy is in, when that is certain
    credits: tuple[str, ...]      # regexes of closing lines that credit people or state terms


ENGLISH = Conventions("en", "By", "and", ("Posted", "Published"), ("Last Updated", "Updated"),
                      r"editors?['’]?s? note|note to readers|corrections?|clarification|update|erratum",
                      "March 28, 2025 11:09 am.")
FRENCH = Conventions("fr", "Par", "et", ("Publié le", "Publié"), ("Mis à jour le", "Mis à jour", "Mise à jour le", "Mise à jour"),
                     r"note de la rédaction|note aux lecteurs|correctif|rectificatif|erratum|mise à jour|précision",
                     "2 avril 2025 à 13 h 48")
CONVENTIONS = (ENGLISH, FRENCH)

# Closing lines any family's copy may carry (copy is passed between agencies). Each is a
# credit only when the rest of it is names: `Reporting by The Canadian Press found ...` is story.
_NAMES = (r"(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|(?:al|el|ad|as|ibn|bin|d)[-’'][A-ZÀ-Þ][\w.'’-]*|and|in|at|the|from|by|with|of|de|du|la|van|von|der|additional|reporting|"
          r"editing|writing|compiled|graphics)[;,&]?)+")
# (`Avec les informations de la police, les enquêteurs ...` is story: after the French forms, names)
_FRENCH_NAME = r"(?:[A-ZÀ-Þ][\w.'’-]*|[dl][’'][A-ZÀ-Þ][\w.'’-]*|et|de|du|des|la|le|les|à|au|aux|en)"
_FRENCH_NAMES = rf"{_FRENCH_NAME}(?:,?\s+{_FRENCH_NAME})*"
_WITH_FILES = (r"^[—–-]?\s*(?:With files from\b[^.;:!?]{1,100}"
               rf"|(?:Avec (?:des|les) informations (?:de |d’|d')|Avec la collaboration de ){_FRENCH_NAMES}"
               r"|Avec l['’](?:Agence France-Presse|AFP))\.?$")  # (the agency's copy merged into the story)
_CONTRIBUTED = r"^[^.]{0,300}\bcontributed(?: reporting)? to this (?:report|story)(?: from .{1,80}?)?\.?$"

FAMILIES = (
    Family("The Canadian Press", ("Canadian Press", "CP"), ("CP",), "en", (
        r"^This (?:report|story|article) by .{2,80} was first published\b[^!?]{0,60}$",
        r"^Companies in this story: \((?:[A-Z]{1,8}:[A-Z0-9.]{1,10})(?:, ?[A-Z]{1,8}:[A-Z0-9.]{1,10}){0,9}\)$",  # its tickers
        # a beat's sponsor, as AP's: `Health coverage receives support through a partnership between The
        # Canadian Press and the Canadian Medical Association. CP is solely responsible for this content.`
        # (or `The Canadian Press health coverage receives support through a partnership with ...`)
        r"^(?:The Canadian Press['’]?s? )?[A-Za-z][\w’' -]{0,40} coverage receives (?:financial )?support through a "
        r"partnership (?:between The Canadian Press and|with)\b",
        _WITH_FILES, _CONTRIBUTED,
        # a fellowship paying for the story: `This story was produced with the financial assistance of the Meta
        # and Canadian Press News Fellowship.`
        r"^This (?:story|report|article) was produced with the financial (?:assistance|support) of the [^\n]{3,120}"
        r"\bFellowship\.?$",
        # ... or a partnership signing it: `This story was produced as part of a partnership between The Canadian
        # Press and The Investigative Journalism Foundation (IJF), a non-profit newsroom.`
        r"^This (?:story|report|article) (?:was produced |is )?(?:as )?part of a partnership between The Canadian Press "
        r"and [^\n]{3,200}$",
    )),
    Family("La Presse Canadienne", ("Presse Canadienne", "PC"), ("PC",), "fr", (
        r"^Ce (?:reportage|texte|article) de .{2,80} a été publié pour la première fois\b[^!?]{0,60}$",
        r"^Ce (?:reportage|texte|article) a été (?:réalisé|produit) (?:avec|grâce à) (?:le soutien|l['’]aide) financi(?:er|ère)"
        r" (?:de la Bourse|des Bourses)\b[^\n]{3,120}$",  # (the French of CP's fellowship line)
        r"^La couverture\b[^.\n]{0,80}\bde La Presse Canadienne (?:bénéficie (?:du soutien|d['’]un partenariat)|reçoit "
        r"(?:du|le) soutien (?:financier )?(?:grâce à|par|dans le cadre d['’])\s?un partenariat)\b",
        _WITH_FILES,
    )),
    Family("The Associated Press", ("Associated Press", "AP"), ("AP",), "en", (
        _CONTRIBUTED,
        r"^(?:The )?(?:Associated Press|AP)\b[^.]{0,300}\bcontributed\.?$",
        # `AP Technology Writer Leo Marchetti contributed from New York.`: names, then a place (a
        # story's `The Associated Press found that donors contributed from Texas` is no credit)
        r"^(?:The )?(?:Associated Press|AP)(?: (?:[A-Z][\w’'.-]*|and|writers?|reporters?|journalists?),?){1,12}"
        r" contributed(?: reporting)? (?:from|in) [A-Z][\w’'.-]*(?:,? [A-Z][\w’'.-]*){0,3}\.?$",
        r"^Follow (?:AP|the AP|The Associated Press)['’]s\b",
        # a reporter's account: `Follow Ruth Nakato-Odhiambo on X at @RuthNakatoAP`
        r"^Follow [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3} on (?:X|Twitter|Bluesky|Instagram|Threads)(?: at)? @\w{1,30}\.?$",
        r"^AP [\w’' -]{1,40}: https?://\S+$",  # `AP World Cup: https://apnews.com/hub/world-cup`, `AP tennis: ...`
        # `Oyelaran reported from Washington.`: a name, then where it was reported from (`..., and
        # Dubois-Kemp from Kigali, Rwanda.`: and another's)
        r"^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?: and [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)? reported from"
        r" [A-Z][\w’'.-]*(?:,? [A-Z][\w’'.-]*){0,3}(?:,? and [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? from"
        r" [A-Z][\w’'.-]*(?:,? [A-Z][\w’'.-]*){0,3})?\.$",
        r"^(?:Copyright|©) (?:©\s*)?\d{4} (?:The )?Associated Press\b",
        r"^The Associated Press(?: [A-Z][\w’']*(?: (?:and|[A-Z][\w’']*)){0,5})? receives (?:financial )?support\b",
        # (`The Associated Press' climate and environmental coverage receives ...`; not `... has reported that the
        # militia receives support from Iran`)
        r"^(?:The )?Associated Press(?:['’]s?)?(?: (?:[A-Za-z][\w’']*|and)){0,5} (?:coverage|reporting|journalism)"
        r"(?: (?:of|on|in) [^\n]{1,60}?)? receives (?:financial )?support (?:through|from)\b(?![^\n]*\bsaid\b)",
        r"^(?:The )?(?:AP|Associated Press) is solely responsible for all content\.?$",
        # a Report for America reporter's line: `Struthers-Waweru is a corps member for The Associated Press/Report
        # for America Statehouse News Initiative. Report for America is a nonprofit ...`
        r"^[A-Z][\w’'. -]{1,60} is a corps member for (?:The )?Associated Press/Report for America\b[^\n]{0,400}$",
        # closing a fact check (AP Fact Focus): `This is part of AP's effort to address widely shared misinformation, ...`
        r"^This is part of (?:The )?(?:AP|Associated Press)['’]s effort to address widely shared misinformation\b[^\n]{0,400}$",
    )),
    Family("Reuters", ("Thomson Reuters", "Reuters Breakingviews"), ("Reuters",), "en", (
        rf"^\(?(?:Additional )?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Gg]raphics) by{_NAMES}\s*\)?\.?$",
        r"^Our Standards: The Thomson Reuters Trust Principles\.?(?:,? opens new tab)?$",  # (as a page's link reads)
        # a Breakingviews column's author line, and the columnist's account
        r"^\(The author is a Reuters Breakingviews columnist\.[^\n()]{0,120}\)$",
        # a column's pitch for Reuters' commentary: `Enjoying this column? Check out Reuters Open Interest (ROI), ...`
        r"^Enjoying this column\? Check out Reuters Open Interest\b[^\n]{0,200}$",
        r"^Follow @\w{1,30} on (?:X|Twitter|Bluesky|Threads)\.?$",
    )),
    Family("CityNews", ("CityNews Toronto", "CityNews Montreal", "CityNews Ottawa", "CityNews Calgary",
                        "CityNews Edmonton", "CityNews Winnipeg", "CityNews Vancouver", "CityNews Halifax",
                        "CityNews Kitchener", "CityNews Everywhere"), (), "en", (_WITH_FILES,)),
    Family("CBC News", ("CBC", "CBC.ca"), ("CBC",), "en", (_WITH_FILES,)),
    Family("Radio-Canada", ("Radio Canada", "ICI Radio-Canada"), (), "fr", (_WITH_FILES,)),
    Family("CTV News", ("CTVNews.ca", "CTV"), (), "en", (_WITH_FILES,)),
)

# A word that makes a byline name an outlet rather than a person: `By Global News`.
OUTLET_WORDS = frozenset({
    "Press", "News", "Staff", "Media", "Times", "Post", "Herald", "Journal", "Gazette", "Star", "Sun",
    "Radio", "TV", "Television", "Network", "Agency", "Service", "Services", "Wire", "Reuters",
    "Bloomberg", "AFP", "Tribune", "Chronicle", "Globe", "Mail", "Daily", "Weekly", "Magazine",
    "Canadienne", "Presse", "Devoir", "Actualité", "Nouvelles", "Rédaction", "Report", "Bureau",
    "CityNews", "Desk", "Newsroom", "Citizen", "Colonist", "Spectator", "Record", "Examiner", "Observer", "Telegram",
    "Guardian", "Standard", "Province", "Expositor", "Courier", "Sentinel", "Nouvelliste", "Soleil", "Droit", "Quotidien",
    "Courrier", "Voix", "Métro", "Info", "Nugget", "Intelligencer",
})
STAFF_WORDS = ("Staff", "staff", "Personnel", "La rédaction", "Rédaction")
# A byline's last part that gives the writer's role at an agency: `AP Business Writer`.
ROLE = re.compile(r"^(?:The\s+)?(.+?)\s+(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){0,2}(?:Writer|Writers|Correspondent|Reporter|Editor|"
                  r"Columnist|Journalist|Photographer)s?$")


def _by_spelling() -> dict[str, Family]:
    table: dict[str, Family] = {}
    for family in FAMILIES:
        for spelling in (family.name, *family.spellings):
            table[spelling.casefold()] = family
            table[spelling.casefold().removeprefix("the ")] = family
    return table


_SPELLINGS = _by_spelling()
_MARKS = {mark.casefold(): family for family in FAMILIES for mark in family.agency_marks}


def byline_convention(text: str) -> Conventions | None:
    """The conventions whose byline word opens `text`, in any case (`By `, `BY `, `Par `), or None."""
    return next((c for c in CONVENTIONS if text[:len(c.byline) + 1].casefold() == c.byline.casefold() + " "), None)


def family_named(source: str) -> Family | None:
    """The family a byline's source names, in any case (`THE ASSOCIATED PRESS`)."""
    return _SPELLINGS.get(source.casefold().strip()) or _SPELLINGS.get(source.casefold().strip().removeprefix("the "))


def family_desk(source: str) -> Family | None:
    """The family whose regional desk a source names: its name, then the region (`Radio-Canada
    Estrie`, `CBC News Manitoba`, `Radio-Canada Gaspésie–Îles-de-la-Madeleine`)."""
    folded = source.casefold().strip()
    for spelling, family in _SPELLINGS.items():
        if folded.startswith(spelling + " "):
            region = source.strip()[len(spelling) + 1:].split()
            # a region's name, not a sentence (`By Monday, CBC News had confirmed ...`)
            return family if len(region) <= 4 and all(word[:1].isupper() for word in region) else None
    return None


def credited_family(credits: tuple[str, ...]) -> Family | None:
    """The family whose own boilerplate, naming it, closes the copy (`Our Standards: The Thomson
    Reuters Trust Principles.`, `Copyright 2026 The Associated Press ...`); not a line that credits
    people (`The Associated Press contributed.` is a local story's help)."""
    found = {family.name: family for line in credits if "contribut" not in line.casefold()
             for family in FAMILIES if _credits_of(family).match(line) and _names_itself(family, line)}
    return next(iter(found.values())) if len(found) == 1 else None


def _names_itself(family: Family, line: str) -> bool:
    folded = line.casefold()
    return any(spelling.casefold() in folded for spelling in (family.name, *family.spellings) if len(spelling) > 3)


@functools.cache
def _credits_of(family: Family) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in family.credits) or r"(?!)", re.S)


def family_marked(mark: str) -> Family | None:
    """The family of a dateline's agency mark: `(AP)`, `(Reuters)`."""
    return _MARKS.get(mark.casefold().strip())


@functools.lru_cache(maxsize=1)
def all_source_names() -> tuple[str, ...]:
    """Every family's name and spellings: an agency is never a tag."""
    return tuple(s for f in FAMILIES for s in (f.name, *f.spellings) if len(s) > 3)


# An outlet's closing call for tips, with its address: terms of the page, not the story
_CALL_LINE = r"^Vous avez été victime[^\n?]{0,80}\?\s*Écrivez-nous\.?$"  # a call for readers' stories, no address
_TIP_LINE = (r"^Vous avez un scoop à nous (?:transmettre|communiquer) ?\?$"  # the tip box's heading
             # its text: an address, or a telephone number
             r"|^Vous avez des informations à nous communiquer\b[^\n]{0,200}\b(?:appelez-nous|téléphonez-nous)\b[^\n]{0,60}"
             r"\d[\d -]{2,}[\dA-Z]{2,}\.?$"
             # (`To contact a reporter for this story, email newsroom@... or call ... You can also submit ...`)
             r"|^To (?:contact|reach) (?:a|the|our) (?:reporter|newsroom|editor|journalist)s?\b[^\n@]{0,80}@[\w-]+(?:\.[\w-]+)+[^\n@]{0,200}$"
             r"|^(?:Vous avez (?:un scoop|une nouvelle|des informations|(?:une information|une idée de (?:sujet|reportage)|un sujet) à nous\b)"
             r"|(?:Un scoop|Une nouvelle|Des informations) à nous\b"
             r"|(?:Do you )?[Hh]ave a (?:(?:news |story )?tip|(?:news|story) idea)|Got a (?:(?:news |story )?tip|(?:news|story) idea)|Have a (?:photo|video)(?: or (?:photo|video))?"
             r"|(?:News )?Tips ?\?)"
             r"(?:[^\n@]{0,200}@[\w-]+(?:\.[\w-]+)+(?:,? or (?:call|text|phone) (?:us )?(?:at )?\+?[\d(][\d ().-]{6,}\d)?\.?"
             # (and a phone number or its handle after the address, when the outlet asks for it: `Écrivez-nous`,
             # `email us`, `message us @VOCMNEWS`)
             r"|(?=[^\n]{0,200}\b(?:nous|us|our)\b)[^\n@]{0,200}@[\w-]+(?:\.[\w-]+)+(?:[^\n@]{0,80}@\w{1,30})?"
             r"(?:[^\n@]{0,80}\w)?\.?)$")
# A page's copyright line: `Copyright 2026 CHCH`, `© 2026 Yukon News`
_COPYRIGHT_LINE = (r"^(?:Copyright|©)\s*(?:©\s*)?\d{4}\s+(?:by\s+)?[A-Z][\w&'’. -]{0,60}?"
                   r"(?:,\s+a (?:division|subsidiary|unit) of [A-Z][\w&'’. -]{0,60}?)?\.?(?:\s*All rights reserved\.?)?$")
# The Local Journalism Initiative's line under a story it paid for; a magazine's issue the story ran in
_FUNDED_LINE = (r"^This (?:story|article|report) is (?:part of|funded by) the Local Journalism Initiative\b[^\n]{0,160}$"
                # the paper's edition it ran in: `This story appears in the Jan. 7, 2027 print edition of the Dauphin Herald.`
                r"|^This (?:story|article|report) (?:appears|appeared|ran) in the [^\n]{2,40}? (?:print|weekend) edition of "
                r"[^\n]{2,60}$"
                # how a paper's regular feature is made: `Court Docket is compiled by Oran staff from court records ...`
                r"|^[A-Z][\w’']*(?: [A-Z][\w’']*){0,3} is compiled by [^\n]{2,60}? staff from\b[^\n]{0,300}$"  # (its name, in capitals)
                r"|^(?:Cet article|Ce texte|Ce reportage|Cette nouvelle) a été (?:rédigée?|réalisée?|produite?|publiée?) "
                r"(?:dans le cadre de|grâce à) l['’]Initiative de "
                r"journalisme local\b[^\n]{0,160}$")
# An outlet describing itself under the story: `The Narwhal is a non-profit news organization ...`,
# `ONFR est le média d'information de TFO.` (the outlet is the story's source when nothing else says)
SELF_DESCRIBED = re.compile(r"^((?:The |L['’]|La |Le )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}) (?:is an? |est (?:le |la |un |une ))"
                            r"[^\n.]{0,80}?\b(?:news (?:site|organization|outlet|service)|média d['’]information"
                            r"|(?:daily |weekly |community )?newspaper(?=[,.]| (?:that|which|serving|based|published)\b))"
                            r"[^\n]{0,240}$")
# ... or as a news website or, in French, the paper it is, when it is the page's own outlet (its masthead or
# source): `Ku'ku'kwes News is an independent Indigenous news website ...`, `Le Nord est l'hebdomadaire
# francophone de Hearst ...` (a story about another outlet may end so: `Le Droit est le quotidien de l'Outaouais`)
OWN_OUTLET = re.compile(r"^(?![^\n]*\b(?:a (?:rappelé|dit|déclaré|indiqué|ajouté|souligné)|selon|said|says)\b)"
                        r"((?:The |L['’]|La |Le |Les )?[A-ZÀ-Þ][\w’'.-]*(?: (?:du |de la |de |des |of the |of |d['’](?=[A-ZÀ-Þ]))?[A-ZÀ-Þ][\w’'.-]*){0,3})"
                        r" (?:is an? |est (?:le |la |l['’]|un |une ))"
                        r"[^\n.]{0,80}?(?:\bnews website\b|(?<=[ '’])(?:hebdomadaire|quotidien|journal)"
                        r"(?= (?:[a-zà-ÿœ-]+ )?(?:francophone|régional|local|communautaire|bilingue|de|du|des)\b))[^\n]{0,240}$")
# ... or asking its readers to subscribe, as the newspaper it is: `Vous aimez lire Le Gaboteur? Abonnez-vous
# pour soutenir le seul journal de langue française de Terre-Neuve-et-Labrador.`
_PITCH_LINE = (r"^Subscribe to (?:the |The )?[A-Z][^\n]{1,60} for (?:full|unlimited) access\b[^\n]{0,80}$"
               r"|^(?:Vous aimez (?:lire )?|Vous appréciez |Enjoy(?:ing)? (?:reading )?|Like (?:reading )?)"
               r"[^?\n]{2,60}?[ \u00a0\u202f]?\?[ \u00a0]+(?:Abonnez-vous|Subscribe|Soutenez-nous|Support us)\b"
               r"[^\n]{0,160}\b(?:journal|newspaper|news site|média d['’]information|information locale|local news)\b[^\n]{0,120}$")
# ... or asking them to pay for it: `Support local journalism. Subscribe to The Pointer.`, `The Coast is Halifax's
# independent source for news, arts and culture. Support local journalism: become a member today.`
_SUPPORT_LINE = (r"^(?:[^\n.!?]{2,120}\. )?Support (?:local|independent|community) (?:journalism|news|reporting)\b[.:!,]? "
                 r"(?:by )?(?:[Ss]ubscrib\w*|[Bb]ecom\w* a (?:member|subscriber|supporter)|[Dd]onat\w*|[Jj]oin\w*)\b[^\n]{0,120}$"
                 r"|^(?:[^\n.!?]{2,120}\. )?Soutenez (?:le journalisme|l['’]information) (?:local|locale|indépendant|indépendante)"
                 r"[.:!,]? (?:[Aa]bonnez-vous|[Dd]evenez membre|[Ff]aites un don)\b[^\n]{0,120}$"
                 # `Le Goût de vivre est le seul journal ... Abonnez-vous pour soutenir l'information locale en français.`
                 r"|^(?:[^\n.!?]{2,160}\. )?(?:Abonnez-vous|Subscribe|Faites un don|Donate) (?:pour|to) (?:soutenir|support) "
                 r"(?:l['’]information|le journalisme|votre journal|notre (?:journal|salle)|(?:local|independent|community) "
                 r"(?:journalism|news)|our (?:journalism|newsroom|reporting))\b[^\n]{0,120}$")
# An opinion page's disclaimer under a column: `The views expressed in this column are those of the author ...`
_VIEWS_LINE = (r"^\(?The (?:views|opinions) expressed (?:here |in this [\w-]+(?: [\w-]+)? )?are (?:those of the (?:author|writer)s?|the "
               r"(?:author|writer)['’]s own|(?:his|her|their) own)\b[^\n]{0,160}$"
               # a health column's caution: `This column offers general information and is not a substitute for advice ...`
               r"|^This (?:column|article|story|content) (?:offers|provides|contains|is)\b[^\n]{0,80}\bnot (?:a substitute|"
               r"intended to replace|meant to replace) for\b[^\n]{0,160}$"
               r"|^Les opinions exprimées (?:dans (?:ce|cette) [\w-]+ )?(?:sont celles de l['’](?:auteure?|autrice)|n['’]engagent que)[^\n]{0,160}$")
ISSUE_LINE = re.compile(r"^(?:Cet article a été publié dans le numéro (?:de |d['’])[^\n]{2,40}? (?:de |d['’])"
                        r"((?:L['’]|La |Le |Les )?[A-ZÀ-Þ][^,.\n]{1,60})"
                        r"|This (?:article|story) (?:appeared|was published|first appeared) in the [^\n]{2,40}? issue of "
                        r"((?:The )?[A-Z][^,.\n]{1,60})"
                        # (a notice's: `Published in the Journal Pioneer on Dec. 23, 2026.`)
                        r"|Published in (?:the )?((?:The )?[A-Z][^,.\n]{1,60}?) (?:on|from) [A-Z][a-z]{2,8}\.? \d{1,2}"
                        r"(?:,? \d{4})?(?: to [A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?)\.$")
CREDIT_LINE = re.compile("|".join(f"(?:{p})" for p in dict.fromkeys([*(p for f in FAMILIES for p in f.credits), _TIP_LINE,
                                                                       _FUNDED_LINE, ISSUE_LINE.pattern, _COPYRIGHT_LINE, _CALL_LINE,
                                                                       SELF_DESCRIBED.pattern, _PITCH_LINE, _SUPPORT_LINE, _VIEWS_LINE])), re.S)
# Postmedia's papers name themselves in their newsletter's sign-up line
NEWSLETTER_FROM = re.compile(r"^Sign up to receive daily headline news from (.{2,60}?), a division of Postmedia Network Inc\.?$"
                             r"|^Sign up for (?:the )?(.{2,60}?)[’']s [^\n]{0,60}newsletters?\b[^\n]{0,80}$"
                             r"|^Get the latest from (.{2,60}?) straight to your inbox\.?$")
