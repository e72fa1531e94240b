"""Where copy was filed from: the country of a dateline (`KYIV, Ukraine`, `BERLIN`, `SUNRISE,
Fla.`, `KANANASKIS, Alb.`), when the dateline says it plainly, and the site's own country.

Known are the cities of the time zone database (Babel's, with each zone's country), the
countries by their English and French names, Canada's provinces and the U.S. states as the
agencies write them, and the cities the agencies' style books let stand alone. Anything
else is unknown, never guessed.
"""
from __future__ import annotations

import functools

# Provinces and territories as CP, AP and La Presse Canadienne write them after a city
_CANADA = """
    Alberta Alta. Alb. British Columbia B.C. C.-B. Manitoba Man. New Brunswick N.B. N.-B.
    Newfoundland Newfoundland and Labrador N.L. T.-N.-L. Nova Scotia N.S. N.-É. Ontario Ont.
    Prince Edward Island P.E.I. Î.-P.-É. Quebec Que. Québec Qc Qué. Saskatchewan Sask.
    Yukon Y.T. Northwest Territories N.W.T. T.N.-O. Nunavut Nvt. Canada
    Colombie-Britannique Nouveau-Brunswick Nouvelle-Écosse Terre-Neuve-et-Labrador Île-du-Prince-Édouard
    Territoires du Nord-Ouest
"""
# Cities CP and La Presse Canadienne date without a province
CANADA_CITIES = tuple(city.strip() for city in """
    Calgary|Charlottetown|Edmonton|Fredericton|Halifax|Hamilton|Montreal|Montréal|Ottawa|Quebec|Québec|
    Quebec City|Regina|Saint John|St. John's|St. John’s|Saskatoon|Toronto|Vancouver|Victoria|Whitehorse|
    Winnipeg|Yellowknife|Iqaluit|Gatineau|Sherbrooke|Trois-Rivières|Laval|Longueuil|Saguenay|Lévis|Moncton
""".replace("\n", "").split("|"))
# States by name and by AP's abbreviation, and the cities AP dates alone
_UNITED_STATES = """
    Alabama|Ala.|Alaska|Arizona|Ariz.|Arkansas|Ark.|California|Calif.|Colorado|Colo.|Connecticut|Conn.|
    Delaware|Del.|Florida|Fla.|Georgia|Ga.|Hawaii|Idaho|Illinois|Ill.|Indiana|Ind.|Iowa|Kansas|Kan.|
    Kentucky|Ky.|Louisiana|La.|Maine|Maryland|Md.|Massachusetts|Mass.|Michigan|Mich.|Minnesota|Minn.|
    Mississippi|Miss.|Missouri|Mo.|Montana|Mont.|Nebraska|Neb.|Nevada|Nev.|New Hampshire|N.H.|
    New Jersey|N.J.|New Mexico|N.M.|New York|N.Y.|North Carolina|N.C.|North Dakota|N.D.|Ohio|
    Oklahoma|Okla.|Oregon|Ore.|Pennsylvania|Pa.|Rhode Island|R.I.|South Carolina|S.C.|South Dakota|
    S.D.|Tennessee|Tenn.|Texas|Utah|Vermont|Vt.|Virginia|Va.|Washington|Wash.|West Virginia|W.Va.|
    Wisconsin|Wis.|Wyoming|Wyo.|D.C.|
    Atlanta|Baltimore|Boston|Chicago|Cincinnati|Cleveland|Dallas|Denver|Detroit|Honolulu|Houston|
    Indianapolis|Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|New Orleans|Oklahoma City|
    Philadelphia|Phoenix|Pittsburgh|St. Louis|Salt Lake City|San Antonio|San Diego|San Francisco|Seattle
"""
# Capitals the time zone database names no zone after, and French names of some that it does
_ABROAD = {
    "Beijing": "CN", "Pékin": "CN", "New Delhi": "IN", "Geneva": "CH", "Genève": "CH", "The Hague": "NL",
    "La Haye": "NL", "Vatican City": "VA", "Cité du Vatican": "VA", "Londres": "GB", "Moscou": "RU",
    "Bruxelles": "BE", "Varsovie": "PL", "Vienne": "AT", "Le Caire": "EG", "Jérusalem": "IL",
    "Jerusalem": "IL", "Kiev": "UA", "Mexico": "MX", "Mexico City": "MX", "Tel Aviv": "IL", "Munich": "DE",
    "Milan": "IT", "Barcelona": "ES", "Barcelone": "ES", "Frankfurt": "DE", "Francfort": "DE",
    "Scotland": "GB", "Écosse": "GB", "England": "GB", "Angleterre": "GB", "Wales": "GB", "Northern Ireland": "GB",
}


def _key(place: str) -> str:
    return " ".join(place.replace("’", "'").split()).casefold()


@functools.lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """Place name (casefolded) -> ISO country code."""
    from babel import Locale
    from babel.core import get_global

    known: dict[str, str] = {}
    for zone, country in get_global("zone_territories").items():
        if "/" in zone and len(country) == 2:
            known.setdefault(_key(zone.rsplit("/", 1)[1].replace("_", " ")), country)
    known.update({_key(k): v for k, v in _ABROAD.items()})
    known.update({_key(p): "CA" for p in CANADA_CITIES})
    known.update({_key(p): "US" for p in _UNITED_STATES.split("|")})
    known.update({_key(p): "CA" for p in canada_regions()})
    for language in ("en", "fr"):  # last: `TBILISI, Georgia` is the country (AP writes the state `Ga.`)
        for code, name in Locale(language).territories.items():
            if _is_country(code):
                known[_key(name)] = code
    return known


def is_known_place(name: str) -> bool:
    """A city, region or country this knows by name (`Paris`, `Saguenay`, `Kyiv`; not `Entrevue`)."""
    return _key(name) in _known()


def is_country(name: str) -> bool:
    """A country's (or a world region's) name in English or French (`China`, `Chine`)."""
    return _key(name) in _country_names()


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from babel import Locale

    return frozenset(_key(name) for language in ("en", "fr") for name in Locale(language).territories.values())


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code != "ZZ"  # ZZ: unknown region


def canada_regions() -> list[str]:
    """Canada's provinces and territories as copy names them (`Nova Scotia`, `N.S.`, `Québec`)."""
    multi = ["British Columbia", "New Brunswick", "Newfoundland and Labrador", "Nova Scotia",
             "Prince Edward Island", "Northwest Territories", "Territoires du Nord-Ouest"]
    text = _CANADA
    for name in multi:
        text = text.replace(name, "")
    return multi + text.split()


def dateline_countries(dateline: str) -> frozenset[str]:
    """The countries a dateline names (`BEIJING/WINNIPEG`: two), or none when any part of it
    is unknown: where the copy's place cannot be read, no rule may lean on it."""
    known = _known()
    found = set()
    for part in dateline.split("/"):
        city, _, region = part.partition(",")
        country = known.get(_key(region)) if region.strip() else known.get(_key(city))
        if country is None:
            return frozenset()
        found.add(country)
    return frozenset(found)


def home_country(timezone: str) -> str | None:
    """The country of the site's time zone (`America/Toronto`, `America/Montreal`: CA); None
    for UTC and the like."""
    from babel.core import get_global

    zone = get_global("zone_aliases").get(timezone, timezone)
    country = get_global("zone_territories").get(zone)
    return country if country and _is_country(country) else None


def country_names(code: str | None) -> frozenset[str]:
    """A country's names in English and French (`CA`: Canada; `US`: United States, États-Unis)."""
    if code is None:
        return frozenset()
    from babel import Locale

    return frozenset(name for language in ("en", "fr") if (name := Locale(language).territories.get(code)))
