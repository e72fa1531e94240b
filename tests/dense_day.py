"""A dense synthetic stretch of news: many tariff announcements within three days, each
reported by one to three sources (The Canadian Press, Reuters, The Associated Press, La
Presse Canadienne in French) in their own words and order, so that different events share
nearly all their vocabulary and often their people and places, and only the facts of each
event (the goods, the rate, the money, the minister's words) tell them apart.

`write(folder, events, start, hours, seed)` writes raw files in the CP wire shape and returns
{file name: event}; the same arguments always give the same files.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

# country, its name in French, its trade minister, their title, the capital they speak from
COUNTRIES = [
    ("Canada", "du Canada", "Dominic LeBlanc", "Canada-U.S. trade minister", "Ottawa"),
    ("Mexico", "du Mexique", "Marcelo Ebrard", "economy secretary", "Mexico City"),
    ("Japan", "du Japon", "Ryosei Akazawa", "chief trade negotiator", "Tokyo"),
    ("Brazil", "du Brésil", "Geraldo Alckmin", "vice-president and trade minister", "Brasilia"),
    ("India", "de l'Inde", "Piyush Goyal", "commerce minister", "New Delhi"),
    ("South Korea", "de la Corée du Sud", "Ahn Duk-geun", "trade minister", "Seoul"),
    ("Germany", "de l'Allemagne", "Katherina Reiche", "economy minister", "Berlin"),
    ("Australia", "de l'Australie", "Don Farrell", "trade minister", "Canberra"),
    ("Vietnam", "du Vietnam", "Nguyen Hong Dien", "industry and trade minister", "Hanoi"),
    ("Switzerland", "de la Suisse", "Guy Parmelin", "economy minister", "Bern"),
    ("South Africa", "de l'Afrique du Sud", "Parks Tau", "trade minister", "Pretoria"),
    ("Norway", "de la Norvège", "Cecilie Myrseth", "trade minister", "Oslo"),
]
# goods in English and French, and who makes them
GOODS = [
    ("steel", "l'acier", "steelmakers"), ("aluminum", "l'aluminium", "smelters"),
    ("softwood lumber", "le bois d'œuvre", "sawmills"), ("canola", "le canola", "farmers"),
    ("potash", "la potasse", "miners"), ("auto parts", "les pièces automobiles", "parts makers"),
    ("pharmaceuticals", "les médicaments", "drugmakers"), ("semiconductors", "les semi-conducteurs", "chipmakers"),
    ("copper", "le cuivre", "copper miners"), ("dairy products", "les produits laitiers", "dairy farmers"),
    ("seafood", "les fruits de mer", "fishermen"), ("furniture", "les meubles", "furniture makers"),
    ("solar panels", "les panneaux solaires", "solar makers"), ("wine", "le vin", "wineries"),
    ("textiles", "les textiles", "textile mills"), ("trucks", "les camions", "truck makers"),
    ("fertilizer", "les engrais", "fertilizer plants"), ("beef", "le bœuf", "ranchers"),
    ("machinery", "la machinerie", "machine builders"), ("paper", "le papier", "paper mills"),
]
RATES = ["10", "15", "17.5", "20", "25", "30", "35", "40", "45", "50"]
WORDS = [  # what ministers say; each event draws its own two lines
    "This is an attack on our workers and we will answer it", "We will not be bullied into a bad deal",
    "Every option is on the table", "These duties are illegal under our agreement",
    "We are ready to sit down tomorrow, but not under threat", "Our response will be measured and firm",
    "This hurts American families as much as ours", "We will defend every job in this sector",
    "The numbers they cite are simply wrong", "We expected this and we have a plan",
    "Nobody wins a trade war", "We will take this to the World Trade Organization",
    "Our exporters need certainty, not surprises", "We will stand with the towns that depend on this",
    "This is a negotiating tactic and we see it for what it is", "We will match them dollar for dollar",
]
SHARED = [  # the background every story of such a week repeats
    "The announcement is the latest in a string of trade measures since Trump returned to the White House in January.",
    "Economists have warned that a prolonged trade war could tip several economies into recession.",
    "Markets fell on the news, and the U.S. dollar weakened against most major currencies.",
    "Business groups on both sides of the border urged a negotiated solution.",
]


def write(folder: Path, events: int = 120, start: str = "2025-04-07", hours: int = 72, seed: int = 7,
          index: int = 0) -> dict[str, str]:
    """Write `events` events' versions into `folder`; {file name: event id}."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [(c, g) for c in range(len(COUNTRIES)) for g in range(len(GOODS))]
    rng.shuffle(pairs)
    first = dt.datetime.fromisoformat(start + "T06:00")
    labels = {}
    for number in range(events):
        country, good = COUNTRIES[pairs[number % len(pairs)][0]], GOODS[pairs[number % len(pairs)][1]]
        when = first + dt.timedelta(minutes=rng.randrange(hours * 60 - 600))
        facts = {
            "rate": rng.choice(RATES), "value": f"{rng.randrange(12, 480) / 10:g}", "jobs": f"{rng.randrange(2, 90) * 1000:,}",
            "quote": rng.choice(WORDS), "quote2": rng.choice(WORDS), "weekday": (when + dt.timedelta(days=rng.choice([3, 7, 10]))).strftime("%A"),
            "country": country, "good": good,
        }
        event = f"e{index + number:05d}-{country[0].lower().replace(' ', '-')}-{good[0].replace(' ', '-')}"
        shapes = rng.sample(["cp", "rt", "ap", "pc"], rng.choice([1, 1, 2, 2, 3, 3, 4]))
        for shape in shapes:
            posted = when + dt.timedelta(minutes=rng.randrange(0, 300))
            name = f"{event}-{shape}.txt"
            (folder / name).write_text(_version(shape, posted, facts, rng), encoding="utf-8")
            labels[name] = event
    return labels


def _stamp(moment: dt.datetime, french: bool = False) -> str:
    if french:
        months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                  "octobre", "novembre", "décembre"]
        return f"{moment.day} {months[moment.month - 1]} {moment.year} à {moment.hour} h {moment.minute:02d}"
    clock = moment.strftime("%I:%M").lstrip("0") + (" am" if moment.hour < 12 else " pm")
    return f"{moment.strftime('%B')} {moment.day}, {moment.year} {clock}."


def _version(shape: str, posted: dt.datetime, f: dict, rng: random.Random) -> str:
    name, name_fr, minister, title, capital = f["country"]
    good, good_fr, makers = f["good"]
    surname = minister.split()[-1]
    rate, value, jobs = f["rate"], f["value"], f["jobs"]
    shared = rng.sample(SHARED, 2)
    if shape == "cp":
        head = f"{name} hit with {rate}% U.S. tariff on {good} as trade fight widens"
        byline = "By Dylan Robertson, The Canadian Press"
        body = [f"{capital.upper()} — U.S. President Donald Trump has imposed a {rate} per cent tariff on {good} from {name}, "
                f"a move {minister} called an attack on the country's {makers}.",
                f"The duties take effect {f['weekday']} and cover about ${value} billion worth of {good} a year.",
                f"“{f['quote']},” {surname}, {name}'s {title}, told reporters in {capital}.",
                shared[0], f"Industry groups say as many as {jobs} jobs in {name} depend on {good} exports to the United States.",
                shared[1]]
    elif shape == "rt":
        head = f"U.S. slaps {rate}% duties on {name}'s {good}; {surname} vows response"
        byline = "By Reuters Staff"
        body = [f"WASHINGTON (Reuters) - The United States will impose tariffs of {rate}% on imports of {good} from {name}, "
                f"the White House said, drawing a vow of retaliation from {minister}.",
                f"“{f['quote2']},” {surname} said in a statement, adding that {name} was weighing its options.",
                f"{name} shipped roughly ${value} billion of {good} to the United States last year; about {jobs} jobs "
                f"are tied to that trade, an industry group estimates.", shared[1],
                f"The duties start on {f['weekday']}."]
    elif shape == "ap":
        head = f"Trump orders {rate}% tariffs on {good} from {name}"
        byline = "By Josh Boak, The Associated Press"
        body = [f"WASHINGTON — President Donald Trump on Monday ordered {rate}% tariffs on {good} imported from {name}, "
                f"widening a trade conflict that has rattled {makers} and their customers.",
                f"{name}'s {title}, {minister}, said: “{f['quote']}.”", shared[0],
                f"The tariffs, which begin {f['weekday']}, apply to about ${value} billion in annual imports."]
    else:
        head = f"Washington impose des droits de {rate.replace('.', ',')} % sur {good_fr} {name_fr}"
        byline = "Par Stéphane Rolland, La Presse Canadienne"
        body = [f"{capital.upper()} — Le président américain Donald Trump impose des droits de douane de "
                f"{rate.replace('.', ',')} % sur {good_fr} en provenance {name_fr}, une décision que {minister} "
                f"a qualifiée d'attaque contre les travailleurs.",
                f"Les droits visent environ {value.replace('.', ',')} milliards $ d'exportations par année, et quelque "
                f"{jobs.replace(',', ' ')} emplois en dépendent, selon l'industrie.",
                f"« Nous répondrons », a déclaré {surname} à {capital}.",
                "Les économistes craignent qu'une guerre commerciale prolongée plonge plusieurs économies en récession."]
    french = shape == "pc"
    posted_line = f"Publié le {_stamp(posted, True)}" if french else f"Posted {_stamp(posted)}"
    blocks = [f"date {posted:%Y-%m-%d} {head}", byline, posted_line, *body]
    return "\n\n".join(blocks) + "\n"
