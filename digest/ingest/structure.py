"""The shape of a story's body: paragraphs, bulleted lists, quotes with their attribution,
subheads and separators; and the notes and credits around it.

Every word of the copy stays; only what the copy's layout already says is made
explicit (a run of `•` lines is a list, `— Mayor Olivia Chow` under a quote is its source).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.ingest.bylines import is_outlet_line
from digest.ingest.families import (
    CONVENTIONS,
    CREDIT_LINE,
    NEWSLETTER_FROM,
    OWN_OUTLET,
    byline_convention,
    family_named,
)

BULLET = re.compile(r"^[•*\-–·▪●◦]\s+(?=\S)")
# the labels newsrooms put over a story's opening list of highlights
HIGHLIGHTS = re.compile(r"(?i)(?:en bref|in brief|highlights|key points|summary|en résumé|quick facts|fast facts|what (?:you need )?to know|the latest|à retenir|"
                        r"faits saillants|ce qu['’]il faut (?:savoir|retenir)|les faits|by the numbers|at a glance|en chiffres)[ \t]*:?")
# A line of a site's page that promotes other things (`READ MORE: ...`, `Related: ...`, `À LIRE
# AUSSI: ...`, a video's caption), a label over a list of such links (`À lire aussi :`), or a
# newsletter's sign-up: a headline, not a sentence (no final period)
_PROMO_LABELS = (r"(?:WATCH|LISTEN|READ MORE|READ ALSO|ALSO READ|Also [Rr]ead|RELATED|Related|Read [Mm]ore|Watch|À LIRE AUSSI|À lire aussi|"
                 r"À VOIR AUSSI|À voir aussi|À ÉCOUTER|VOIR AUSSI|LIRE AUSSI|Lire aussi|Voir aussi|Share this Story|Share this|"
                 r"À LIRE ÉGALEMENT|À lire également|Lire également|Regardez aussi|REGARDEZ AUSSI|"
                 r"Infolettre)")
# labels a page puts alone on their line, over links (with text after them they are the story's: `Most Popular: Olivia`)
_ALONE_LABELS = r"(?:Most Read|Most Popular|Top [Ss]tories(?: of (?:the (?:[Ww]eek|[Yy]ear)|\d{4}))?|Les plus lus|Recommended Stories|In this article|Tags|Related(?: [A-Z][\w’'-]*)? (?i:articles|stories)|" \
    r"What [Tt]o [Rr]ead [Nn]ext|Similar (?:Articles|Stories)|Articles similaires|Articles connexes|Sur le même sujet|" \
    r"Dans la même (?:catégorie|section|rubrique)|In the same (?:category|section)|" \
    r"NEWSLETTER|INFOLETTRE)"
# (a newsletter's, not a service's alerts: `Sign up for ... news alerts to get warnings about road closures.` is advice)
_SIGN_UP = (r"Sign up for [^\n]{2,80}\b(?:newsletters?(?:,\s*(?:delivered|sent)\b[^\n]{0,60}|\s+to get\b[^\n.]{0,60})?"
            r"|(?i:(?:breaking )?news alerts)(?:,\s*(?:delivered|sent)\b[^\n]{0,60})?)\.?")
_INBOX = r"Get [^\n?.]{2,60} (?:in|delivered to|sent to|straight to) your inbox(?: every \w+(?: \w+)?| daily)?[.!]?"
# A label over the page's links to other stories (`READ MORE:`, `À VOIR AUSSI` alone on its line), or
# a newsletter's sign-up line
PROMO = re.compile(rf"^{_PROMO_LABELS}[ \t]*[:|]|^{_PROMO_LABELS}[ \t]*$|^{_ALONE_LABELS}[ \t]*:?[ \t]*$"
                   r"|^[^\n:]{2,60}:\s*(?:abonnez|inscrivez)-vous à (?:notre |nos |l['’])infolettres?\b[^\n]{0,60}$"
                   r"|^Sign up to receive daily headline news from\b|^(?:Abonnez-vous|Inscrivez-vous) à (?:notre |nos |l['’])infolettres?\b"
                   # (its pitch and its sign-up in one block: `Get the latest ag news delivered to your inbox. Sign
                   # up for The Western Producer newsletter.`)
                   # (under its pitch: `Get ... delivered to your inbox every weekday afternoon. Sign up here.`)
                   rf"|^(?:{_INBOX}\s+|[^\n?.]{{2,60}}\?\s+)?{_SIGN_UP}$|^{_INBOX}(?:\s+(?:{_SIGN_UP}|Sign up (?:here|now|today)[.!]?))?$"  # (`Want more Ravens coverage? Sign up ...`)
                   r"|^Get the latest from [^\n]{2,60} straight to your inbox\.?$"
                   # (a newsletter's pitch and its link: `The Reuters Daily Briefing newsletter provides ... Sign up here.`)
                   r"|^(?![^\n]*[\"“«])[^\n.]{0,80}\bnewsletter\b[^\n.]{2,120}\.\s+Sign up here[.!]?$"
                   r"|^(?:Like|Follow) us on (?:Facebook|X|Twitter|Instagram|LinkedIn|TikTok|Bluesky|Threads|YouTube)\b[^\n,]{0,60}$"
                   r"|^Watch [A-Z][^\n,]{1,40} live on (?:air|[A-Z])[^\n,]{0,80}$"
                   r"|^Recevez (?:chaque (?:matin|jour|semaine) )?(?:l['’]|les |nos )infolettres? [^\n]{0,60}$"
                   # an author box's heading (`About the Author: Jane Doe`); a site's push-notification prompt
                   r"|^(?i:about the author)\b(?![’'])[^\n.]{0,60}$|^(?i:à propos de l['’](?:auteure?|autrice))\b(?![’'])[^\n.]{0,60}$"
                   r"|^Be the first to (?:read|know)\b[^\n]{0,80}?\bnotifications\b[^\n]{0,80}$"
                   # Reuters' pointers to links a saved copy no longer has: `(Other stories from the Reuters ... poll)`
                   r"|^\((?:Other stories from|For (?:other|more) (?:stories|news|coverage) (?:on|from|about)|"
                   r"For a (?:graphic|factbox|timeline) on|Click (?:here|on) )[^()\n]{2,160}\)$"
                   # a paper's call to subscribe (Postmedia's); a link to another story by its quoted headline
                   r"|^Subscribe now to read\b[^\n]{0,120}$|^(?:Lisez|Lire|À lire|Read)\s+«[^»\n]{2,160}»$"
                   # a paper's call to subscribe or to support it, between paragraphs (under the story, a credit)
                   r"|^Subscribe to (?:the |The )?[A-Z][^\n]{1,60} for (?:full|unlimited) access\b[^\n]{0,80}$"
                   r"|^(?![^\n]*[\"“«])[^\n]{0,60}\b(?:journalism|reporting) is (?:supported|funded|made possible) by (?:readers|members) "
                   r"like you\b[^\n]{0,120}$")
_LABEL_ALONE = re.compile(rf"(?:{_PROMO_LABELS}|{_ALONE_LABELS})[ \t]*")  # `À VOIR AUSSI` over its links, no colon
SEPARATOR = re.compile(r"^(?:_{3,}|-{3,}|\*{3,}|(?:\* ){2,}\*|—{2,}|={3,}|#{3,})$")
# `— Mayor Olivia Chow` under a quote: a dash, then a name or a title (no sentence, no `— 30 —`).
ATTRIBUTION = re.compile(r"^[—–]\s*(?=[A-ZÀ-Þ])(?!With files from|Avec )[^!?]{1,100}(?<![.!?])$"
                         r"|^[—–]\s*(?=[A-ZÀ-Þ])[^!?]{1,100}\b(?:Jr|Sr|Inc|Ltd|Corp|Co)\.$")
_QUOTE_OPEN = "“\"«‘"
_QUOTE_CLOSE = re.compile(r"[”\"»’][.,!?]?$")
# A note's label, then a colon (`Correction (April 3):`, `Update, 3 p.m.:`, French ` :`), or a
# dash after a label in capitals (`CORRECTION — ...`); AP's `CORRECTS ...`; `This is a corrected story`;
# `This is a developing story.`
_LABELS = "|".join(c.notes for c in CONVENTIONS)
_EDITED_INTERVIEW = (r"^This (?:interview|conversation|Q&A) (?:has been|was) (?:lightly )?(?:edited|condensed|abridged)\b"
                     r"|^Cette (?:entrevue|conversation) a été (?:légèrement )?(?:abrégée|révisée|condensée|éditée)\b"
                     r"|^(?:L['’]entretien|Cet entretien) a été (?:légèrement )?(?:abrégé|révisé|condensé|édité)\b")
NOTE = re.compile(rf"^(?:[*•]\s*)?(?:{_LABELS})(?:\s*\([^()]{{1,40}}\)|,[^:,]{{1,25}})?\s*:\s*\S"
                  rf"|^(?:[*•]\s*)?(?-i:{_LABELS.upper()})\s*[—–-]\s*\S"
                  r"|^(?-i:CORRECTS)\s+\S|^(?-i:Corrects)\s+(?-i:[a-z])"  # (`Corrects to show ...`: no story opens so)
                  r"|^\((?-i:Corrects|CORRECTS)\s[^()\n]{2,300}\)$"  # Reuters': `(Corrects size of ... in paragraph 1)`
                  r"|^\(?This (?:is a corrected (?:story|version)|(?:story|article|report) (?:has been|was) "
                  r"(?:corrected|updated))\b"
                  # an interview's note on its editing: `This interview has been edited for length and clarity.`
                  rf"|{_EDITED_INTERVIEW}"
                  # a first take's word that more is coming: `This is a developing story.`
                  r"|^(?:This is a (?:developing|breaking) (?:news )?story|This (?:story|article) will be updated"
                  r"|(?:Ceci est une|Il s['’]agit d['’]une) nouvelle en (?:développement|évolution)"
                  r"|(?:Cette|La) nouvelle (?:sera|pourrait être) mise à jour)\b[^\n]{0,80}$|^More (?:coming|to come)\.?$", re.I)
_SUBHEAD_MAX_WORDS = 8
_SHAPED_START = frozenset("•*-–·▪●◦—_=#")  # what a bullet, an attribution or a separator opens with


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the body, its text exactly as written."""

    kind: str                     # paragraph, list, quote, subhead, separator
    text: str = ""                # paragraph, quote and subhead text
    items: tuple[str, ...] = ()   # list items, bullets taken off
    attribution: str = ""         # a quote's `— Name` line, dash included


def is_credit(line: str, signatures: tuple[str, ...]) -> bool:
    """A closing line that credits people or states terms rather than telling the story: the
    byline again, or what its author is (`Jane Doe is a reporter with the Telegraph-Journal.`)."""
    flat = _AUTHOR_BOX.sub("", " ".join(line.split()).rstrip(".").casefold())  # `About the Author: Jane Doe covers ...`
    return bool(CREDIT_LINE.match(line)) or flat in signatures or " " in line.strip() and family_named(line.strip()) is not None \
        or len(flat) < 200 and any(flat.startswith(s + " ") and _TAGLINE.match(flat, len(s) + 1) for s in signatures) \
        or (own := OWN_OUTLET.match(line)) is not None and own.group(1).casefold() in signatures \
        or len(flat) < 300 and (show := _OWN_SHOW.search(flat)) is not None \
        and any(len(s) > 3 and s in flat[show.end() - 45:] for s in signatures)


# a station's call to its own show, naming itself: `..., écoutez Le Sport du Sud-Est, tous les samedis dès 11 h, sur
# les ondes de CJSE 89,5 FM.`, `Listen to Morning North weekdays on CBC Sudbury.` (read casefolded)
_OWN_SHOW = re.compile(r"^(?:[^\n,«»“”\"]{0,100}, )?(?:écoutez|regardez|syntonisez|listen to|tune in to|watch)\b[^\n«»“”\"]{2,160}"
                       r"\b(?:sur les ondes de|à l['’]antenne de|on) [^\n«»“”\"]{2,40}$")  # (no one's quote: its invitation opens it)


def _credits_in(lines: list[str], signatures: tuple[str, ...]) -> tuple[bool, bool, bool]:
    """(every line a credit or a separator, some line a credit, every line a credit, a separator or
    what stands beside a credit: an address, an outlet's name)."""
    strong = [is_credit(line, signatures) for line in lines]
    whole = all(SEPARATOR.match(line) or credit for line, credit in zip(lines, strong, strict=True))
    beside = all(SEPARATOR.match(line) or credit or _beside_credit(line) for line, credit in zip(lines, strong, strict=True))
    return whole, any(strong), beside


def _signs_off(lines: list[str], signatures: tuple[str, ...]) -> bool:
    """Whether a block credits, with nothing but credits and what stands beside one (no separator)."""
    strong = [is_credit(line, signatures) for line in lines]
    return any(strong) and all(credit or _beside_credit(line) for line, credit in zip(lines, strong, strict=True))


def _beside_credit(line: str) -> bool:
    """An address or an outlet's name alone: a credit only beside another (`otremblay@hilltimes.com`
    under its reporter's tagline, `The Hill Times` signing off under it)."""
    return _EMAIL_ALONE.fullmatch(line.strip()) is not None or is_outlet_line(line.strip())


# what an author is, after their name: `is a reporter with the Telegraph-Journal`, `est journaliste au Devoir`,
# `is The Narwhal's northern B.C. reporter`, `covers municipal affairs and courts for the Halifax Examiner`
_TAGLINE = re.compile(r"(?:is an? |is the |est )(?:[\w’'.-]+ ){0,5}?(?:reporter|writer|journalist|correspondent|editor|"
                      r"columnist|photographer|journaliste|correspondante?|chroniqueu(?:r|se))\b"
                      r"|(?:covers|writes about|reports on) [^\n]{2,120}? (?:for|at) "
                      # (`has covered the North Stars for the Battlefords News-Optimist since 2019.`: for a paper, since a
                      # year, and only that; not `has reported on shortages since 2023`, nor `... for years, and ...`)
                      # (read casefolded, the closing stop off)
                      r"|has (?:covered|written about|reported on) [^\n,]{2,80}? for [^\n,]{2,60}? since "
                      r"\d{4}(?:\. (?:reach|contact|email|follow) [^\n]{2,100})?$"
                      # a guest's: `Darlene Whitfield-Osei owns Moira Precision Tool & Die Ltd. in Belleville.`
                      r"|(?:owns|runs|founded|is (?:the )?(?:owner|president|founder|chair|director|professor)\b)"
                      # ... or a professional's column: `Dr. Jane Doe is a family physician who has practised in Masset ...`
                      r"|is an? (?:[\w’'.-]+ ){0,3}?(?:physician|doctor|nurse|pharmacist|lawyer|dietitian|psychologist|"
                      r"veterinarian|economist|researcher|médecin|infirmière|infirmier|pharmacienne?|avocate?)\b")
# its heading, on the tagline's line; a title before the author's name (`Dr. Jane Doe is a family physician ...`)
_AUTHOR_BOX = re.compile(r"^(?:about the author|à propos de l['’](?:auteure?|autrice))\s*:\s*|^(?:dr\.?|dre|me|prof\.) (?=\w)")
# a closing line that is only an address to write to (`otremblay@hilltimes.com`)
_EMAIL_ALONE = re.compile(r"(?:E-?mail:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?", re.I)


def split_end(body: list[tuple[int, str]], signatures: tuple[str, ...]
              ) -> tuple[list[tuple[int, str]], tuple[str, ...], tuple[str, ...]]:
    """Take credits, separators and end notes off the end of the body: (body, credits, notes).

    A block is taken only when every one of its lines is a credit or a separator,
    so a sentence that merely mentions a contributor stays story text."""
    credits: list[str] = []
    notes: list[str] = []
    while body:
        if len(body) > 1 and body[-2][1].rstrip().endswith(":"):
            break  # what a paragraph announces with a colon is the story's (`Its name is known everywhere:`)
        lines = body[-1][1].split("\n")
        if _contact_block(lines):
            credits[:0] = lines
            body.pop()
            continue
        whole, credited, beside = _credits_in(lines, signatures)
        # an address or an outlet's name alone is a credit beside another: in its block, under the
        # credits already taken, or over a block that credits (a sign-off under a tagline)
        if whole or beside and (credited or credits and not notes or len(body) > 1 and len(lines) == 1
                                and _signs_off(body[-2][1].split("\n"), signatures)):
            credits[:0] = [line for line in lines if not SEPARATOR.match(line)]
        elif NOTE.match(body[-1][1]):
            notes.insert(0, body[-1][1])
        else:
            break
        body.pop()
    return body, tuple(credits), tuple(notes)


# A release's contact block, its heading alone on the first line: `Media contact:` over a name,
# a title and a number, each on its own line
# (a media contact's: `For more information:` over a food bank's number is the story's)
_CONTACT_HEADING = re.compile(r"(?:Media (?:contacts?|inquiries|enquiries|relations)|Contacts? (?:médias?|presse)|"
                              r"Relations (?:avec les )?médias|Renseignements (?:aux )?médias)[ \u00a0]?:?", re.I)
_SENTENCE_END = re.compile(r"[a-zà-ÿ]{4,}[.!?](?:\s|$)|[!?]")  # not `ext. 5291`, `Inc.`, `Cst.`


def _contact_block(lines: list[str]) -> bool:
    """A name, a title, a number or an address a line, under the heading: no sentence."""
    return 2 <= len(lines) <= 8 and _CONTACT_HEADING.fullmatch(lines[0].strip()) is not None \
        and all(2 <= len(line.strip()) <= 80 and not _SENTENCE_END.search(line) for line in lines[1:])


# Lines of a news site's page that a copy of it carries between paragraphs (Postmedia's `Article
# content` between every few, a video player's error, a sign-in prompt): whole lines, as written
PAGE_FURNITURE = frozenset(line.casefold() for line in (
    "Article content", "Trending", "Advertisement", "Story continues below advertisement", "Join the conversation",
    "Social Sharing", "Share this Story", "We apologize, but this video has failed to load.",
    "You can save this article by registering for free here. Or sign-in if you have an account.",
    "Publicité", "La suite après la publicité", "Cet article est réservé aux abonnés",
    "The audio version of this article is generated by text-to-speech, a technology based on artificial intelligence.",
    "La version audio de cet article est générée par la synthèse vocale, une technologie basée sur l'intelligence artificielle.",
    "La synthèse vocale, basée sur l'intelligence artificielle, permet de générer un texte parlé à partir d'un texte écrit.",
    "CBC's Journalistic Standards and Practices|About CBC News", "Corrections and clarifications|Submit a news tip|Report error", "Report Error Submit a Tip", "Advertise with us",
    "This advertisement has not loaded yet, but your article continues below.", "Recommended from Editorial",
    "La fonctionnalité de synthèse vocale permet d'écouter les textes écrits en format audio.",
    "Story continues below", "Share this article in your social network", "Refresh this page for the latest updates.",
    "Story continues", "Terms and Privacy Policy", "Privacy Dashboard", "Sign in to Yahoo to save articles to your list",
    "Share this article", "Share", "Partager", "Partager cet article", "Report an error", "Signaler une erreur",
    "Skip to main content", "Skip to content", "Aller au contenu principal", "Open this photo in gallery:",
    "Sponsored content", "Contenu commandité", "Trending Now", "Report an editorial error",
    "Subscribe", "Subscribe now", "S'abonner", "S’abonner", "Abonnez-vous",  # a paywall's button alone
    # a newsletter's form set in the story: its field and its button
    "Your email address", "Email address", "Enter your email", "Enter your email address", "Sign up", "Sign me up",
    "Votre adresse courriel", "Adresse courriel", "Votre courriel", "Entrez votre adresse courriel", "Je m'abonne",
    "Je m’abonne", "Je m'inscris", "Je m’inscris", "S'inscrire", "S’inscrire", "Newsletter", "Infolettre",
))
# ... and its pitch: `Recevez chaque jeudi les nouvelles de Prescott-Russell dans votre boîte courriel.`
_NEWSLETTER_PITCH = re.compile(r"(?:Recevez|Get|Receive|Have)\b(?=[^\n]{0,150}\b(?:news|newsletter|headlines|stories|nouvelles|"
                               r"infolettre|bulletin|manchettes)\b)[^\n]{0,150}\b(?:dans votre boîte (?:courriel|de réception|"
                               r"aux lettres électronique)|(?:in|to|straight to|delivered to) your inbox)[.!]?")
# a paywall's notice where the story stops: `This article is for subscribers only.`, `Already a subscriber? Log in`
_PAYWALL = re.compile(r"(?:This|The rest of this) (?:article|story|content) is (?:for|available (?:only )?to|reserved for|"
                      r"exclusive to) (?:our )?(?:paid )?(?:subscribers|members)(?: only)?[.!]?"
                      r"|Already (?:a subscriber|a member|have an account)\s?\?\s*(?:Log ?in|Sign ?in)(?: here)?[.!]?"
                      r"|(?:Cet article|La suite de cet article|Ce contenu) est réservée? aux (?:abonnés|membres)[.!]?"
                      r"|Déjà abonnée?\s?\?\s*(?:Connectez-vous|Se connecter|Ouvrez une session)[.!]?")
# an obituary notice's buttons, alone or in a row: `Sign the Guest Book   Send Flowers`
_NOTICE_BUTTONS = frozenset({"sign the guest book", "sign the guestbook", "send flowers", "plant a tree", "share a memory",
                             "offer condolences", "signer le livre de condoléances", "offrir vos condoléances",
                             "envoyer des fleurs"})
# A page's row of sharing buttons: `Facebook Twitter WhatsApp SMS Email Print Save`, `Copy link  Email  X`
_SHARE_WORDS = frozenset("facebook twitter x whatsapp sms email e-mail courriel print imprimer save enregistrer share "
                         "partager linkedin reddit messenger pinterest bluesky threads telegram copy copier link lien "
                         "le la page this article cet on by via sur par tweet".split())
# A page's notice on an old story: `Prenez note que cet article publié en 2026 pourrait contenir des
# informations qui ne sont plus à jour.`, `This article was published more than 5 years ago ...`
_ARCHIVE_NOTICE = re.compile(r"Prenez note que cet article publié en \d{4} pourrait contenir des informations qui ne "
                             r"sont plus à jour\.|This article (?:was published|is) more than \d+ years? (?:ago|old)\b.{0,120}")


def _notice_buttons(line: str) -> bool:
    """An obituary notice's row of buttons (`Sign the Guest Book   Send Flowers`), or its guest book's alone
    (a story's subhead may be `Plant a tree`)."""
    folded = line.casefold()
    parts = re.split(r"\s{2,}|\s*\|\s*", folded)
    return all(part in _NOTICE_BUTTONS for part in parts) and (len(parts) >= 2 or "guest" in folded
                                                               or "livre de condoléances" in folded)


def is_furniture(text: str) -> bool:
    if text.startswith("We welcome ") and _COMMENT_RULES.fullmatch(text.strip()):
        return True  # (the comment box's rules run longer than a page's lines)
    if len(text) >= 200:
        return False
    line = text.strip()
    words = line.casefold().split()
    return line.casefold() in PAGE_FURNITURE or "|" in line and re.sub(r"\s*\|\s*", "|", line).casefold() in PAGE_FURNITURE or _NUMBERED_AD.fullmatch(line) is not None \
        or len(words) >= 3 and set(words) <= _SHARE_WORDS and any(w in _SHARE_NETWORKS for w in words) \
        or _ARCHIVE_NOTICE.fullmatch(line) is not None or _COMMENT_BOX.fullmatch(line) is not None \
        or _notice_buttons(line) \
        or _PAGE_LINE.fullmatch(line) is not None and not NEWSLETTER_FROM.match(line)  # (that one names the paper)


_SHARE_NETWORKS = frozenset({"facebook", "twitter", "tweet", "whatsapp", "linkedin", "reddit", "messenger", "pinterest",
                             "bluesky"})


# the readers' reactions under a story, each with its count: `Réactions : J'aime 24 · Bravo 9 · Touchant 15`
_REACTIONS = re.compile(r"(?:Réactions|Reactions)[ \u00a0]?:[ \t]*[^\W\d][\w’' -]{0,20}? \d{1,6}"
                        r"(?:[ \t]*[·|•][ \t]*[^\W\d][\w’' -]{0,20}? \d{1,6}){1,7}")
_NUMBERED_AD = re.compile(r"(?:Advertisement|Publicité)(?: \d{1,3})?")
# the page's comment box: its label, its empty text, its call (`What do you think? Let us know in the comments
# below.`: the call, or one question and the call; a story's sentence before it keeps the paragraph the story's)
_COMMENT_BOX = re.compile(r"Comments|Commentaires|Be the first to comment\.[^\n]{0,120}|Soyez le premier à commenter\.?[^\n]{0,120}"
                          r"|(?:[^\n.!?]{0,150}\? )?(?:Let us know|Tell us) in the comments(?: below| section)?[.!]?"
                          r"|(?:[^\n.!?]{0,150} ?\? )?(?:Dites-le-nous|Faites-nous part de votre avis) dans les commentaires[.!]?"
                          # its count, its link, its rules; a French page's call (`Qu'en pensez-vous ? Exprimez votre opinion`)
                          r"|(?:Comments|Commentaires) \(\d+\)|\d{1,5} (?:[Cc]omments?|[Cc]ommentaires?)|(?:Show|View|Voir|Afficher|Lire) (?:all |les |tous les )?(?:\d+ )?"
                          r"(?:comments|commentaires)(?: \(\d+\))?|Conversations are opinions of our readers\b[^\n]{0,200}"
                          r"|Qu['’]en pensez-vous ?\? (?:Exprimez votre opinion|Laissez-nous (?:un|vos) commentaires?)\b[^\n]{0,60}"
                          r"|Join the conversation[.!:]? (?:Please keep (?:your )?comments?\b[^\n]{0,100}|[^\n]{0,80}\bcomments? below\b"
                          r"[^\n]{0,60})"
                          r"|Leave a (?:Reply|Comment)|Laisser un commentaire"
                          # a blog's comment form: `Your email address will not be published. Required fields are marked *`
                          r"|Your email address will not be published\.(?: Required fields are marked \*)?"
                          r"|Votre adresse (?:e-mail|courriel|de messagerie) ne sera pas publiée\.(?: Les champs obligatoires sont indiqués avec \*)?"
                          r"|You must be logged in to (?:post a comment|comment|join the conversation)\.?")
# ... and its rules: `We welcome your comments and opinions on our stories but play nice. We won't censor ...`
# (not a story's `We welcome comments from residents on the draft plan ...`)
_COMMENT_RULES = re.compile(r"We welcome (?:your )?comments\b[^\n]{0,80}?\b(?:on our (?:stories|articles|site)|censor|delete|"
                            r"moderat)[^\n]{0,400}")


def is_promo(text: str) -> bool:
    """One line that promotes the page's other stories or media (PROMO), or such a label over
    its links (`READ MORE:` and a headline a line, bulleted or not: no sentence) or over the
    page's sharing buttons (`Share this:` over `Facebook  X  Email  Print`)."""
    first, _, rest = text.partition("\n")
    if rest and not all(BULLET.match(line) or _link_line(line) or is_furniture(line) or _NEWSLETTER_ASK.search(line)
                        for line in rest.split("\n")):
        return False
    return PROMO.match(first) is not None \
        and (not first.endswith(".") or first.startswith(("Sign up", "Abonnez", "Inscrivez", "Like us", "Follow us", "Watch ",
                                                          "Be the first", "Get ", "Subscribe", "Recevez")) or "like you" in first
                or "? Sign up for " in first  # `Want more Ravens coverage? Sign up for ... newsletter.`
                or first.endswith(". Sign up here."))  # (a newsletter's pitch, then its link)


# a newsletter's pitch under its sign-up line: `People always tell us they love our newsletter. Sign up here.`
_NEWSLETTER_ASK = re.compile(r"(?i)\b(?:newsletter|infolettre)\b[^\n]{0,80}\b(?:sign up|subscribe|abonnez-vous|inscrivez-vous)\b")


def _link_line(line: str) -> bool:
    """A headline linked from a page: short, and no sentence (`DriveBC: current road conditions`)."""
    return len(line.split()) <= 15 and line.rstrip()[-1:] not in ".!?»”\"" and line[:1].isupper()


# a prompt's buttons, alone under it (`Enable push notifications ...` over `No thanks`)
_BUTTON = re.compile(r"No thanks|Not now|Maybe later|Non merci|Plus tard")


def takes_links(label: str, following: str) -> bool:
    """Whether a promotion's label alone (`In this article:`, `À VOIR AUSSI`) takes the block after
    it as its links: bullets, or short headlines and tickers that are no sentence."""
    label_only = not label.split(":", 1)[1].strip() if ":" in label else _LABEL_ALONE.fullmatch(label) is not None
    lines = following.split("\n")
    return label_only and all(BULLET.match(x) or len(lines) > 1 and _link_line(x) and not is_furniture(x)
                              or _LINKED.fullmatch(x) is not None for x in lines)


# one line that reads as a link, not a subhead: a ticker (`ERIC`), a headline with its colon (`Route 138 :
# des travaux ...`), a row of topics in capitals (`Crime Courts Immigration`)
_LINKED = re.compile(r"[A-Z]{1,6}(?:\.[A-Z]{1,3})?|[^\n.!?]{2,40} ?: [^\n.!?]{2,80}|(?:[A-ZÀ-Þ][\w’'-]*(?: |$)){3,12}")


def strip_promos(body: list[tuple[int, str]]
                 ) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
    """The body without the page's promotions (PROMO) and furniture (PAGE_FURNITURE): (kept,
    promotions, furniture). A label alone over a list (`À lire aussi :` and its headlines) goes
    with the list."""
    kept: list[tuple[int, str]] = []
    promos: list[tuple[int, str]] = []
    furniture: list[tuple[int, str]] = []
    index = 0
    while index < len(body):
        line, text = body[index]
        if is_furniture(text) or "\n" in text and (all(is_furniture(part) for part in text.split("\n"))
                                                   or _furniture_over_links(text) or _is_poll(text)):
            furniture.append((line, text))  # (`Advertisement 2` over its not-loaded notice: one block)
        elif is_promo(text):
            if index + 1 < len(body) and (takes_links(text, body[index + 1][1]) or _BUTTON.fullmatch(body[index + 1][1])):
                index += 1  # its links, named with it
                text += "\n" + body[index][1]
            promos.append((line, text))
        else:
            kept.append((line, text))
        index += 1
    return kept, promos, furniture


# a reader poll's buttons: `Vote   View results`, `Voter   Voir les résultats`
_POLL_BUTTONS = re.compile(r"(?:Vote|Voter|Submit|Soumettre)(?:\s{2,}(?:View|See|Voir) (?:results|the results|les résultats))?")


def _is_poll(text: str) -> bool:
    """A reader poll the page set in the story, in one block: its question, its answers, its
    buttons (`Question of the day` over `Do you agree ...?`, `Yes   No   Not sure`, `Vote   View results`)."""
    lines = text.split("\n")
    return 3 <= len(lines) <= 12 and _POLL_BUTTONS.fullmatch(lines[-1].strip()) is not None \
        and any(line.rstrip().endswith("?") for line in lines[:-1])


def _furniture_over_links(text: str) -> bool:
    """A page's line over its other links, in one block (`Report an error` over `Journalistic
    Standards` and `About The Star`)."""
    first, _, rest = text.partition("\n")
    return is_furniture(first) and all(_link_line(line) for line in rest.split("\n"))


# a blog's comment thread under the story: its heading (`3 thoughts on "Title"`, `2 Responses to "..."`,
# `4 réflexions sur « ... »`), then each comment (`Name says:` over its time and words) and its `Reply`
_THREAD_HEADING = re.compile(r"(?:\d{1,5}|One|Un|Une) (?:[Tt]houghts?|[Cc]omments?|[Rr]esponses?|[Rr]eplies|[Rr]éflexions?|"
                             r"[Cc]ommentaires?|[Rr]éponses?) (?:on|to|sur|à) [“\"«][^\n]{1,300}[”\"»]")


# (one pattern for the page's lines read by shape: `is_furniture` runs on every paragraph)
_PAGE_LINE = re.compile("|".join(f"(?:{p.pattern})" for p in (_REACTIONS, _THREAD_HEADING, _PAYWALL, _NEWSLETTER_PITCH)))


def comment_thread(body: list[tuple[int, str]]) -> tuple[int, int] | None:
    """(first, end) of the blocks of the readers' comment thread under the story, its heading first, up
    to the comment form's lines (`Leave a Reply`) or the page's end: readers' words, never the story's."""
    for index, (_, text) in enumerate(body):
        if _THREAD_HEADING.fullmatch(text.strip()):
            end = index + 1
            while end < len(body) and not is_furniture(body[end][1]):
                end += 1
            return index, end
    return None


def page_tail(body: list[tuple[int, str]], signatures: tuple[str, ...]) -> set[int]:
    """The blocks under the story that are its page's rather than its own, by index: from the end
    up, the boxes a page labels as its own (`Related stories` over headlines, `Editor's Picks`,
    `Latest National Stories`, a row of topics `Laval · Incendie criminel · Justice`), among the
    page lines every rule knows (`Report an error`, `Sponsored content`, a comment box; not an ad's
    line, which stands between paragraphs too). A story's own closing box (`What happens next`,
    `Three stars`, results) stays whatever is under it; credits stay, for the credits' rule."""
    tail: list[int] = []
    anchored = False
    for index in range(len(body) - 1, 0, -1):
        text = body[index][1]
        lines = text.split("\n")
        if all(SEPARATOR.match(line) or is_credit(line, signatures) for line in lines) or byline_convention(text):
            continue  # (a byline under the story, `Par Jane Doe, journaliste` over its paper: the byline's rule)
        if is_promo(body[index - 1][1]) and (takes_links(body[index - 1][1], text) or _BUTTON.fullmatch(text)):
            continue  # a promotion's links or its button: the promotion's
        if is_furniture(text) or all(is_furniture(line) for line in lines) or _furniture_over_links(text) or is_promo(text):
            anchored = anchored or not all(_BETWEEN_PARAGRAPHS.fullmatch(line.strip()) for line in lines)
        elif _page_box(lines) or index > 1 and _BOX_LABEL.fullmatch(body[index - 1][1].strip()) \
                and all(_link_line(line) and ";" not in line for line in lines):
            tail.append(index)  # (a box's links in a block of their own, under its label's)
            # a box's label over its links says it is the page's, as a page's line would
            anchored = anchored or len(lines) > 1 and _PAGE_ONLY_LABEL.fullmatch(lines[0].strip()) is not None \
                or len(lines) == 1 and _TAG_ROW.fullmatch(lines[0]) is not None  # (`Mots-clés : ...`: a blog's, never a story's)
        else:
            break
    return set(tail) if anchored else set()


# the labels only a page's box has (`Recommended reading`, `More on the candidates:` may head a story's own list)
_PAGE_ONLY_LABELS = (r"you (?:may|might) (?:also )?like|vous aimerez (?:aussi|également)|most (?:read|popular|viewed|shared)"
                     r"|trending(?: now| stories)?|les plus (?:lus|populaires)|related (?:stories|articles)|à lire aussi"
                     r"|sur le même sujet")
_PAGE_ONLY_LABEL = re.compile(rf"(?i)(?:{_PAGE_ONLY_LABELS})\s*:?")
# the labels news sites put on the boxes under a story: those, and some a story's own list may have
_BOX_LABEL = re.compile(
    rf"(?i)(?:{_PAGE_ONLY_LABELS}"
    r"|related (?:content|coverage|links|videos?)|more (?:from|on|in) [^\n:]{1,40}|editor['’]s picks?"
    r"|more (?:local |top |latest )?(?:news|sports|stories|headlines|articles|videos|opinion|business|politics|arts|"
    r"entertainment|culture|lifestyle)"
    r"|latest(?: [\w’'-]+){0,2} (?:stories|news|headlines|videos?)|recommended(?: for you| stories| reading)?"
    r"|top stories|sponsored(?: content| stories)?|follow related authors and topics|interact with [^\n:]{1,40}"
    r"|à voir (?:aussi|en vidéo)|à lire également|nos suggestions|dans la même section|plus de nouvelles"
    r"|contenu commandité|vidéos? (?:à voir|populaires))\s*:?")
# a page's lines between paragraphs, under the story too: no sign that the page's tail has begun
_BETWEEN_PARAGRAPHS = re.compile(r"(?i)(?:advertisement|publicité)(?: \d{1,3})?|article content|story continues(?: below)?"
                                 r"(?: advertisement)?|la suite après la publicité|this advertisement has not loaded yet, but "
                                 r"your article continues below\.")
# a blog's row of its tags: `Tags: Kanien'kéha, KORLCC, language, MCK`
_TAG_ROW = re.compile(r"(?:Tags|Tagged|Étiquettes|Mots-clés)[ \u00a0]?:[ \u00a0][^\n.!?:]{1,40}(?:, [^\n.!?:,]{1,40})*")
_ROW = re.compile(r"(?:[A-ZÀ-Þ][^\n:·|]{0,30}\s?:\s)?[^\n·|]{2,40}(?:\s[·|]\s[^\n·|]{2,40}){2,}")


def _page_box(lines: list[str]) -> bool:
    """A page's box by its label, alone or over links (its last line may be one sentence: `Authors
    and topics you follow will be added ...`), or a row of topics."""
    if len(lines) == 1 and (_ROW.fullmatch(lines[0]) or _TAG_ROW.fullmatch(lines[0])):
        return True
    if not _BOX_LABEL.fullmatch(lines[0].strip()):
        return False
    last = lines[-1]
    return all(_link_line(line) and ";" not in line for line in lines[1:-1]) and (
        len(lines) == 1 or _link_line(last) or len(lines) > 2 and len(last.split()) <= 25 and last.endswith("."))


def edited_interview(text: str) -> bool:
    """An interview's note on its editing (`Cette entrevue a été abrégée et révisée ...`)."""
    return re.match(_EDITED_INTERVIEW, text, re.I) is not None


def shape(paragraphs: list[str], interview: bool = False) -> tuple[Block, ...]:
    """Body paragraphs (blank-line separated blocks) -> blocks; consecutive bullets make one list.
    An `interview`'s questions head no parts: they are put to the one who answers."""
    out: list[Block] = []
    paragraphs = _dash_lines_apart(paragraphs)  # first: every index below is of the paragraphs as split
    # a story told by its questions (AP's `What to know`, `Ce qu'il faut savoir`): each heads its part
    # (not an interview's, its editing noted: put to the one who answers, in the second person or
    # not: `Pourquoi se tournent-ils vers une machine ?`)
    # (an explainer, `Here's what to know:`, asks for its reader too: `How can you protect yourself?`)
    generic = not interview and any(_EXPLAINER.fullmatch(text.strip()) for text in paragraphs)
    asked = [index for index, text in enumerate(paragraphs[:-1]) if index and not interview and _asks(text, generic=generic)]
    # (once three do, one that goes on from the last heads its part too: `Et le français dans tout ça ?`)
    headings = frozenset(index for index, text in enumerate(paragraphs[:-1])
                         if index and _asks(text, going_on=True, generic=generic)) if len(asked) >= 3 else frozenset()
    # a magazine's parts headed by short phrases in sentence case (`Au travail, surtout`): two or more
    titled = [index for index, text in enumerate(paragraphs[:-1]) if index and _titles(text, paragraphs[index + 1])
              and not paragraphs[index - 1].rstrip().endswith(":")]  # (a line a colon announces is quoted)
    if len(titled) >= 2:
        headings |= frozenset(titled)
    headings |= _numbered_heads(paragraphs) | brief_heads(paragraphs) | _latest_heads(paragraphs)
    dashed = _dash_list(paragraphs)
    for index, text in enumerate(paragraphs):
        if index in headings:
            out.append(Block("subhead", text))
            continue
        if index in dashed:  # CP's list: `— "Winter Count," by Mathieu Bellefleur (Knopf Canada)`
            item = (text[2:].lstrip(),)
            out[-1:] = [Block("list", items=out[-1].items + item)] if index - 1 in dashed else [out[-1], Block("list", items=item)]
            continue
        if text[0] not in _SHAPED_START and "\n" not in text and (len(text) > 80 or text.upper() != text and not (
                text[-1] == ")" and index and _is_subhead(text))) \
                and not (len(text) < 40 and HIGHLIGHTS.fullmatch(text) and (index == 0 or index + 1 < len(paragraphs)
                                                                             and BULLET.match(paragraphs[index + 1]))) \
                and not _labels_list(paragraphs, index):
            out.append(Block("paragraph", text))  # most wire paragraphs: one line of prose
            continue
        lines = text.split("\n")
        previous = out[-1] if out else None
        if previous and previous.kind == "paragraph" and len(lines) == 1 and ATTRIBUTION.match(text) \
                and _is_quote(previous.text) and len(text.split()) <= 14:
            out[-1] = Block("quote", previous.text, attribution=text)
            continue
        if len(lines) > 1 and ATTRIBUTION.match(lines[-1]) and _is_quote("\n".join(lines[:-1])) \
                and len(lines[-1].split()) <= 14 and not any(BULLET.match(line) for line in lines):
            out.append(Block("quote", "\n".join(lines[:-1]), attribution=lines[-1]))
            continue
        if len(lines) == 1 and SEPARATOR.match(text):
            out.append(Block("separator"))
            continue
        # the first block only as a label over a list, in any case (`EN BREF`, `What to know:` and
        # their highlights, as the header hands them over); alone it is a lede in capitals
        if len(lines) == 1 and (index > 0 and _is_subhead(text) or HIGHLIGHTS.fullmatch(text) and index + 1 < len(paragraphs)
                                and BULLET.match(paragraphs[index + 1]) or _labels_list(paragraphs, index)):
            # (`Quick facts` over its list, anywhere; a short label over a list of its own: `Le match en bref`,
            # `Key dates in the review`)
            out.append(Block("subhead", text))
            continue
        for is_list, run in _runs(lines):
            if is_list:
                items = tuple(BULLET.sub("", line, count=1) for line in run)
                if out and out[-1].kind == "list":
                    out[-1] = Block("list", items=out[-1].items + items)
                else:
                    out.append(Block("list", items=items))
            else:
                out.append(Block("paragraph", "\n".join(run)))
    return tuple(out)


_LIST_LABEL = re.compile(r"[A-ZÀ-Þ][^\n.:;!?…“”\"«»]{2,60}(?<![,\s])")  # a few words, no sentence, no quotation


def _labels_list(paragraphs: list[str], index: int) -> bool:
    """A short label over a list of its own, in the story (`Le match en bref`, `Key dates in the review`).
    (Asked of most paragraphs: the list below is looked for before the label's words.)"""
    if not 0 < index < len(paragraphs) - 1 or not BULLET.match(paragraphs[index + 1]):
        return False
    below = paragraphs[index + 1].split("\n")
    return len(below) > 1 and all(BULLET.match(line) for line in below) and _LIST_LABEL.fullmatch(paragraphs[index]) is not None


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive lines grouped by whether they are bullet lines."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        bullet = bool(BULLET.match(line))
        if runs and runs[-1][0] == bullet:
            runs[-1][1].append(line)
        else:
            runs.append((bullet, [line]))
    return runs


# a list story's items standing alone over their parts: `1. Tariffs come off on day one`
_NUMBERED_HEAD = re.compile(r"(\d{1,2})\. [A-ZÀ-Þ][^\n.!?:;]{1,80}")


def _numbered_heads(paragraphs: list[str]) -> frozenset[int]:
    """The items of a numbered list story, each a phrase (no sentence) alone over its long part,
    numbered 1, 2, 3 ... (two or more); an item that goes on into a sentence is the story's text."""
    heads = [index for index, text in enumerate(paragraphs[:-1])
             if index and _NUMBERED_HEAD.fullmatch(text) and len(paragraphs[index + 1]) > 100]
    numbers = [int(_NUMBERED_HEAD.fullmatch(paragraphs[index]).group(1)) for index in heads]  # type: ignore[union-attr]
    return frozenset(heads) if len(heads) >= 2 and numbers == list(range(1, len(heads) + 1)) else frozenset()


_LATEST = re.compile(r"Here['’]s the latest:?")


def _latest_heads(paragraphs: list[str]) -> frozenset[int]:
    """A live page's entries under `Here's the latest:` (AP), each headed by a line that reads as a
    headline, a sentence with no stop (`Committee chair defends choice of a journalist`) over its
    text: two or more."""
    start = next((index for index, text in enumerate(paragraphs) if _LATEST.fullmatch(text.strip())), None)
    if start is None:
        return frozenset()
    heads = [index for index in range(start + 1, len(paragraphs) - 1) if _entry_head(paragraphs[index], paragraphs[index + 1])]
    return frozenset(heads) if len(heads) >= 2 else frozenset()


def _entry_head(text: str, following: str) -> bool:
    words = text.split()
    return "\n" not in text and 2 <= len(words) <= 12 and len(text) <= 90 and text[0].isupper() \
        and text[-1] not in ".,;:!?»”\")…" and len(following) > 100 and not BULLET.match(text)


def brief_heads(paragraphs: list[str]) -> frozenset[int]:
    """A roundup of briefs, each a place in capitals over its headline over its story (`PEMBINA`
    over `Commercial lanes at border crossing to close for two weeks`): the places and the headlines,
    two briefs or more (the first place heads the story, where a line in capitals alone would be its lede)."""
    places = [index for index in range(len(paragraphs) - 2) if opens_brief(paragraphs[index: index + 3])]
    if len(places) >= 2:
        return frozenset(at for index in places for at in (index, index + 1))
    # (or each its headline over its story opening with its dateline: `Water main break floods Regina
    # underpass` over `REGINA — A water main break ...`, the first headline heading the story too)
    heads = [index for index in range(len(paragraphs) - 1)
             if _headline(paragraphs[index]) and _BRIEF_DATELINE.match(paragraphs[index + 1])]
    return frozenset(heads) if len(heads) >= 2 else frozenset()


_BRIEF_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{1,40}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)? [—–] \S")


def opens_brief(blocks: list[str]) -> bool:
    """Whether the first of these blocks is a brief's place in capitals, over its headline and its story."""
    return len(blocks) == 3 and "\n" not in blocks[0] and blocks[0].isupper() and len(blocks[0]) <= 40 \
        and _headline(blocks[1]) and len(blocks[2]) > 100


def _headline(text: str) -> bool:
    words = text.split()
    return "\n" not in text and 3 <= len(words) <= 14 and len(text) <= 100 and text[0].isupper() \
        and text[-1] not in ".,;:!?»”\")…" and any(w[:1].islower() for w in words[1:])


def _titles(text: str, following: str) -> bool:
    """A short phrase in sentence case standing alone over a long paragraph: no sentence (no
    final stop), some word in lowercase (not a name, not a line in capitals)."""
    words = text.split()
    return "\n" not in text and 2 <= len(words) <= 6 and len(text) <= 50 and text[0].isupper() \
        and text[-1] not in ".,;:!?»”\")…" and any(w[:1].islower() for w in words[1:]) \
        and len(following) > 100 and not BULLET.match(following) and text[0] not in _SHAPED_START


_ANNOUNCES_LIST = re.compile(r"(?i)^(?![^\n]*\b(?:said|says|replied|answered|statement|exchange|went|dit|répondu|rétorqué|"
                             r"déclaré|déclaration|échange|réplique)\b)[^\n]*\b(?:here (?:are|is)|here['’]s (?:a look|what|how)|highlights|the following|"
                             r"key (?:points|measures|facts)|voici|faits saillants|points saillants|principales mesures"
                             # (or a sentence left open for its items: `Extreme cold warnings were in effect for:`)
                             r"|(?:for|in|at|on|to|include|includes|including|are|were)(?=[ \t]*:$))\b[^\n]{0,120}:$")
_SAID = re.compile(r"(?i)\b(?:said|says|replied|asked|a (?:dit|répondu|rétorqué|déclaré|lancé|ajouté|demandé))\b|\bje\b|\bnous\b")
_SPOKEN = re.compile(r"[?!«»“”]|\b(?:tu|toi|vous|you|your|merci|oui|non|yes|no)\b|\b[tmj][’']", re.I)
_NAMED_ITEM = re.compile(r"— (?:(?:Dr|Mr|Mrs|Ms|Mme|M)\.? )?[A-ZÀ-Þ][\w’'.-]+(?: (?:[A-ZÀ-Þ][\w’'.-]+|de|du|des|van|von|der|"
                         r"den|la|le|da|di|dos|bin|al)){1,4},")


def _dash_lines_apart(paragraphs: list[str]) -> list[str]:
    """A colon's list of `— ` lines pasted as one block (no blank line between them), as
    paragraphs of their own, when `_dash_list` reads them all as its items (dialogue's lines stay
    one block, as written)."""
    split: list[str] = []
    blocks: list[tuple[str, range]] = []  # each block, and where its lines stand once split
    for text in paragraphs:
        lines = text.split("\n")
        if len(lines) >= 2 and split and split[-1].rstrip().endswith(":") and all(line.startswith("— ") for line in lines):
            blocks.append((text, range(len(split), len(split) + len(lines))))
            split += lines
        else:
            blocks.append((text, range(len(split), len(split) + 1)))
            split.append(text)
    if len(split) == len(paragraphs):
        return paragraphs
    dashed = _dash_list(split)
    return [line for text, at in blocks for line in ([split[i] for i in at] if len(at) > 1 and all(i in dashed for i in at)
                                                   else [text])]


def _dash_list(paragraphs: list[str]) -> frozenset[int]:
    """The paragraphs that are items of a list told with dashes (`— ` on each), two or more after a
    paragraph that announces them with a colon (`The other finalists were:`)."""
    found: set[int] = set()
    index = 1
    while index < len(paragraphs):
        end = index
        # (a list announced as one, `Here are some highlights of the update:`, may hold sentences)
        announced = paragraphs[index].startswith("— ") and _ANNOUNCES_LIST.search(paragraphs[index - 1]) is not None
        while end < len(paragraphs) and paragraphs[end].startswith("— ") and "\n" not in paragraphs[end] \
                and (paragraphs[end].rstrip()[-1] not in ".?!…»”\"" or paragraphs[end].rstrip()[-1] == "."
                     and (announced and not _SAID.search(paragraphs[end]) or _NAMED_ITEM.match(paragraphs[end])
                          or end > index and paragraphs[end - 1].rstrip().endswith(";"))
                     and not _SPOKEN.search(paragraphs[end])):
            end += 1  # (not dialogue's lines; a list of people may end so: `— Dr. Wendy Akiwenzie-Lavallée, an
            # Anishinaabe physician (Ontario).`; and items closed by semicolons, the last by a stop)
        if end - index >= 2 and paragraphs[index - 1].rstrip().endswith(":"):
            found.update(range(index, end))
        index = max(end, index + 1)
    return frozenset(found)


def _is_quote(text: str) -> bool:
    return text[:1] in _QUOTE_OPEN and bool(_QUOTE_CLOSE.search(text))


def _is_subhead(text: str) -> bool:
    """A short line in capitals standing alone: `THE HOUSING PLAN`, `CE QUE PRÉVOIT LE PLAN`,
    `UNOFFICIAL RESULTS (42 of 42 polls reporting)` (not a quotation, not an exclamation). Cheap
    tests first: this runs on every paragraph."""
    if not (len(text) <= 80 and text[-1] not in ".,;!" and text[0] not in _QUOTE_OPEN
            and len(text.split()) <= _SUBHEAD_MAX_WORDS and not BULLET.match(text)):
        return False
    qualified = _QUALIFIED.search(text) if text[-1] == ")" else None
    head = text[:qualified.start()] if qualified else text  # its qualifier in parentheses, as written
    return head.upper() == head and sum(c.isalpha() for c in head) >= 2 and not (qualified and " " not in head)


# a qualifier in lowercase or figures (not `OTTAWA (Reuters)`, `CUPE (Canadian Union of Public Employees)`)
_QUALIFIED = re.compile(r"\s+\((?=[a-z0-9])[^()]{1,40}\)$")


_FOR_EVERYONE = re.compile(r"(?i)\bwe know\b")  # AP's `What do we know?`, `When will we know results?`


def _asks(text: str, going_on: bool = False, generic: bool = False) -> bool:
    """A short question standing alone that heads a part: of the matter, in the third person
    (`What's on the agenda?`, `Où et quand ?`), quoting no one; not a question put to someone
    (`Avez-vous vu l'accusé ?`, `Q: ...?`) nor one that goes on from the last (`And what do they get?`).
    In an explainer (`generic`) the reader's `you` is anyone's: `How can you protect yourself?`."""
    return text.endswith("?") and len(text) <= 100 and "\n" not in text and len(text.split()) <= 10 \
        and text[0].isupper() and not any(mark in text for mark in "“”\"«»") \
        and not ((_FIRST_PERSON if generic else _PUT_TO).search(text)
                 and not (_FOR_EVERYONE.search(text) and (generic or not _YOU.search(text)))) \
        and (going_on or not _GOING_ON.match(text))


# A question put to someone (no heading), or going on from the one before
_PUT_TO = re.compile(r"^(?:Q|R|A)\s*[:.-]|\b(?:you|your|I|me|my|we|us|our|vous|votre|vos|"
                     r"je|j['’]|me|moi|mon|ma|mes|nous|notre|nos|tu|te|toi)\b|-(?:vous|tu|je|nous)\b", re.I)
_FIRST_PERSON = re.compile(r"^(?:Q|R|A)\s*[:.-]|\b(?:I|me|my|we|us|our|je|j['’]|moi|mon|ma|mes|nous|notre|nos)\b", re.I)
_EXPLAINER = re.compile(r"(?i)(?:here['’]s |here is |voici )?(?:what (?:you need )?to know|ce qu['’]il faut savoir)"
                        r"(?: [^\n.?!:]{1,60})?[ \u00a0]?[:.]?")
_YOU = re.compile(r"(?i)^(?:Q|R|A)\s*[:.-]|\b(?:you|your|I|me|my)\b")
_GOING_ON = re.compile(r"(?:And|But|So|Or|Et|Mais|Alors|Ou)\b")


def texts(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The words of the body, one text per paragraph, item, quote and subhead (what classifying reads)."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "list":
            out.extend(block.items)
        elif block.kind == "quote":
            out += [block.text, block.attribution]
        elif block.text:
            out.append(block.text)
    return tuple(out)
