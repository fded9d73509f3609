"""Phrases that mark teasers and page chrome, in the major European languages.

These are general signals, matched on whole normalised phrases or prefixes;
they are never keyed to one site's wording.
"""

from __future__ import annotations

import re
import unicodedata

from .models import Blurb

# Section headings that introduce a list of teasers for other stories.
BLURB_SECTION = (
    # English
    "related", "related articles", "related stories", "related coverage", "related content",
    "related news", "related posts", "related links", "related reading", "related topics",
    "more on this story", "more on this topic", "more on this", "more stories", "more news",
    "more from", "more in", "more like this", "you may also like", "you might also like",
    "you may be interested in", "you might be interested in", "recommended", "recommended for you",
    "recommended stories", "recommended reading", "most read", "most popular", "most viewed",
    "popular now", "popular", "trending", "trending now", "top stories", "latest", "latest news",
    "latest stories", "see also", "further reading", "read next", "read more", "what to read next",
    "don't miss", "dont miss", "editor's picks", "editors picks", "also read", "keep reading",
    "in other news", "elsewhere", "around the web", "from around the web", "also on",
    "more to explore", "explore more", "up next", "next up", "watch next", "more coverage",
    "more headlines", "other stories", "see more stories", "more articles",
    # German
    "mehr zum thema", "das könnte sie auch interessieren", "das koennte sie auch interessieren",
    "weitere artikel", "meistgelesen", "meistgelesene artikel", "auch interessant",
    "lesen sie auch", "empfohlen", "verwandte artikel", "mehr aus", "mehr zu", "weitere themen",
    "ebenfalls interessant", "top-artikel", "beliebt",
    # French
    "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "sur le meme sujet",
    "articles similaires", "les plus lus", "voir aussi", "à voir aussi", "nos recommandations",
    "à découvrir", "a decouvrir", "dans la même rubrique", "les plus populaires",
    # Spanish
    "lea también", "lea tambien", "lee también", "lee tambien", "te puede interesar",
    "también te puede interesar", "noticias relacionadas", "lo más leído", "lo mas leido",
    "más noticias", "mas noticias", "relacionados", "relacionadas", "ver también", "ver tambien",
    "te recomendamos", "más leídas", "lo último",
    # Italian
    "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati",
    "i più letti", "i piu letti", "più letti", "vedi anche", "correlati",
    # Portuguese
    "leia também", "leia tambem", "veja também", "veja tambem", "notícias relacionadas",
    "mais lidas", "mais lidos", "você pode gostar", "voce pode gostar", "leia mais", "relacionados",
    # Dutch
    "lees ook", "meer over", "gerelateerde artikelen", "meest gelezen", "bekijk ook",
    "ook interessant", "lees meer", "meer nieuws", "aanbevolen",
)

# Prefixes of inline plugs: "READ MORE: Title", "Related: Title", "— Also on X: Title".
PLUG_PREFIX = re.compile(
    r"""^\W{0,3}(?:
        read\ more|read\ next|read|related|related\ article|related\ story|related\ coverage|see\ also|
        also\ read|also\ on\ [^:]{1,60}|more\ from\ [^:]{1,60}|more\ on\ [^:]{1,60}|more|recommended|
        watch|listen|don'?t\ miss|opinion\ on\ [^:]{1,60}|
        mehr\ zum\ thema|lesen\ sie\ auch|auch\ interessant|mehr\ dazu|
        lire\ aussi|à\ lire\ aussi|a\ lire\ aussi|voir\ aussi|
        lea\ también|lea\ tambien|lee\ también|lee\ tambien|ver\ también|te\ puede\ interesar|
        leggi\ anche(?:\ su)?|vedi\ anche|leia\ também|leia\ tambem|veja\ também|veja\ tambem|leia\ mais|
        lees\ ook|bekijk\ ook|lees\ meer
    )\s*[:：»›>|–—-]\s*(?P<title>\S.*)$""",
    re.IGNORECASE | re.VERBOSE,
)

# Whole-line chrome: share bars, promos, subscription and comment prompts, credits.
CHROME_LINE = re.compile(
    r"""^(?:
        share|share\ this|share\ this\ (?:article|story)|share\ on\ \w+|share:.*|tweet|email|print|
        copy\ link|save|listen|listen\ to\ this\ article.*|
        (?:comments?|commentaires?|comentarios?|commenti|comentários|reacties|kommentare)(?:\ \(\d+\))?|\d+\ comments?|
        no\ comments\ yet.*|be\ the\ first\ to\ comment.*|leave\ a\ (?:comment|reply).*|
        advertisement|advertising|advert|anzeige|publicité|publicidad|pubblicità|sponsored(?:\ content)?|
        story\ continues\ below(?:\ advertisement)?|\d+(?:\ \d+){2,}|
        back|voltar|zurück|retour|volver|indietro|terug|
        (?:last\ )?(?:updated|published|posted|modified)(?:\ (?:at|on))?:?\ (?=[^!?]{0,40}$)(?=.*\d).*|
        .{0,80}\brequires\ javascript.*|.{0,80}\benable\ javascript.*|
        ad|skip\ (?:to\ )?(?:main\ )?content|skip\ link|menu|search|log\ ?in|sign\ ?in|subscribe.*|
        sign\ up.*|newsletter.*|get\ the\ app.*|download\ the\ app.*|get\ started.*|
        follow\ us.*|(?:tags?|topics?|filed\ under|categories|categoria|schlagworte|étiquettes)\b:?[^.!?]*|
        (?:photo|photograph|image|picture|credit|source|illustration|video)\s*(?:credit)?\s*:.*|
        ©.*|\(c\)\ .*|copyright.*|all\ rights\ reserved.*|privacy(?:\ policy)?|terms.*|cookie.*|
        .*\buses\ cookies\b.*|we\ value\ your\ privacy.*|accept(?:\ all)?|manage\ (?:preferences|choices).*|
        artikel\ teilen|teilen|drucken|imprimer|partager|compartir|imprimir|condividi|stampa|delen|lesezeit.*|kommentare(?:\ \(\d+\))?|impressum.*|datenschutz.*|
        logo|\[logo\].*|orange\ background|app-store.*|play-store.*|
        read\ full\ article.*|continue\ reading.*|see\ more\ stories|load\ more|show\ more|view\ more|view\ comments|show\ comments|
        reading\ time.*|\d+\s*min(?:ute)?s?\ read|
        back\ to\ top|scroll\ to\ top|related\ articles|related\ coverage|more\ on\ this\ story
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "3 minutes ago", "time2 hours ago", "5h ago", "4h", "1d", "• 3 hrs", "Vor 2 Stunden".
RELATIVE_TIME = re.compile(
    r"""^\W*(?:time)?\s*(?:
        \d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yrs?|years?)
        (?:\s+ago)?|
        (?:just\ now|yesterday|today|an?\ (?:hour|minute|day)\ ago)|
        vor\ \d+\s*(?:sek\w*|min\w*|std\w*|stunden?|tag\w*|woche\w*)|
        il\ y\ a\ \d+\s*\w+|hace\ \d+\s*\w+|\d+\s*\w+\ fa|há\ \d+\s*\w+|\d+\s*\w+\ geleden
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def normalise_phrase(text: str) -> str:
    """Lower case, NFKC, straight quotes, no trailing punctuation or arrows."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\s\u00a0]+", " ", text).strip()
    return text.strip(" :»›>|•·–—-…!.").strip()


_SECTION_SET = frozenset(normalise_phrase(p) for p in BLURB_SECTION)
_SECTION_PREFIXES = ("more from ", "more in ", "more on ", "mehr aus ", "mehr zu ", "also on ",
                     "more stories from ", "the latest from ", "latest from ", "plus de ", "más de ")


def is_blurb_heading(text: str) -> bool:
    """True for a short heading that introduces other stories."""
    phrase = normalise_phrase(text)
    if not phrase or len(phrase) > 60:
        return False
    return phrase in _SECTION_SET or phrase.startswith(_SECTION_PREFIXES)


def is_chrome_line(text: str) -> bool:
    """A whole line of chrome, or a bar of chrome items ("Share · Print · Email")."""
    line = " ".join(text.split())
    if CHROME_LINE.match(line):
        return True
    parts = [p.strip() for p in re.split(r"\s[·•|/]\s", line)]
    return len(parts) > 1 and all(p and CHROME_LINE.match(p) for p in parts)


def is_relative_time(text: str) -> bool:
    return bool(RELATIVE_TIME.match(text.strip()))


_ALSO_ON = re.compile(r"^\W*also\s+on\s+(?P<pub>[^:]{2,60}):", re.IGNORECASE)


def plug_blurb(text: str, url: str | None = None) -> Blurb | None:
    """An inline plug line as a blurb; "— Also on The Harbor Post: …" names its publisher."""
    title = plug_title(text)
    if title is None:
        return None
    also = _ALSO_ON.match(text)
    return Blurb(title=title, publisher=also.group("pub").strip() if also else None, url=url)


def plug_title(text: str) -> str | None:
    """The teaser title of an inline plug line, or None if the line is not one."""
    line = " ".join(text.split())
    if len(line) > 220:
        return None
    match = PLUG_PREFIX.match(line)
    if not match:
        return None
    title = match.group("title").strip(" »›>")
    # "Read more, not less" is prose; a plug's marker is followed by a colon or arrow
    # and a headline, which has no sentence after it.
    if len(title.split()) < 2 or re.search(r"[.!?]\s+[A-Z]", title):
        return None
    return title


# Photo captions and credits: "Photo: X", "(Getty Images)", "Photograph: X".
CREDIT = re.compile(
    r"(?:\b(?:photo(?:graph)?|image|picture|illustration|credit|foto|bild)s?\s*(?:by|:)|"
    r"getty images|\bAP Photo|reuters/|/ reuters|shutterstock|\[photo|"
    r"\((?:photo|foto|image|credit)[^)]{0,60}\)\s*$)",
    re.IGNORECASE,
)


# An agency named as a credit: capitals as the agency writes them (a German "ePA" or the
# US "EPA range" in a sentence is not a credit), at the end of the line after a slash,
# a comma or an opening parenthesis ("Jane Doe/AFP", "(EPA)").
AGENCY_CREDIT = re.compile(r"(?:^|[/(|·,]\s*)(?:AFP|EPA|AP|Reuters|dpa|ANSA|EFE)(?:\s*/\s*[\w ]{1,30})?\)?\.?\s*$")


def is_credit(text: str) -> bool:
    # A caption ends with its credit, so a long caption still counts when it does.
    n = len(text.split())
    return ((n <= 40 and bool(CREDIT.search(text))) or (n <= 90 and bool(CREDIT.search(text[-80:])))
            or (n <= 40 and bool(AGENCY_CREDIT.search(text))))


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "de", "la", "le", "der", "die",
                "das", "und", "&", "du", "des", "del", "van", "von", "y", "e", "di"}
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def looks_like_name(text: str, max_words: int = 5) -> bool:
    """A publisher-shaped label: a few capitalised words and no sentence punctuation."""
    words = text.split()
    if len(words) == 1 and re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", text.strip()):
        return True  # a site that goes by its domain ("nytimes.com")
    if not 1 <= len(words) <= max_words or re.search(r"[.!?:]$", text.strip()):
        return False
    names = [w for w in _NAME_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return bool(names) and all(w[0].isupper() for w in names)


# Promotions inside the story: "Click here to get the app", "Sign up for our newsletter".
PROMO = re.compile(
    r"\bclick(?:ing)?\ here\b|\bsign\ up\ (?:for|to)\b|\bsubscribe\ (?:to|now|today)\b|"
    r"\bdelivered\ (?:to\ your\ inbox|through\ your\ letterbox)\b|\bdownload\ (?:the|our)\ app\b|"
    r"\bget\ the\ app\b|\bfollow\ us\ on\b|\bnewsletter\b.*\binbox\b",
    re.IGNORECASE,
)
# A CMS shortcode left in the text: "[caption id="x" align="left"]…[/caption]", "[gallery]".
# Its words after the name are attributes; "[figure 4: a bracketed note]" is prose.
SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$|^\[/?\w+(?:\s+[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))?)*\s*/?\]$")


def is_promo(text: str) -> bool:
    """A promo box says little else: a short line with the call to action.  A paragraph
    that mentions "click here" or "sign up for" among sentences of its own is prose."""
    n = len(text.split())
    match = PROMO.search(text)
    if match is None or n > 45:
        return False
    sentences = len(re.findall(r"[.!?](?:\s|$)", text))
    return n <= 20 or sentences <= 1


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[^|.,©]+?)"
                        r"(?:\s+\d{4})?(?:[.,|].*)?$", re.IGNORECASE)


def copyright_holder(text: str) -> str | None:
    """'© 2024 Harbor Post Publishing. All rights reserved.' -> 'Harbor Post Publishing'."""
    match = _COPYRIGHT.match(" ".join(text.split()))
    if not match:
        return None
    name = match.group("name").strip(" -–")
    return name if looks_like_name(name, 6) else None


# "By Ann Lee", "Von …", "Par …": the start of a byline line.
BYLINE = re.compile(r"^(?:by|von|par|por|di|door|from|written by|words by|text:|reporting by)\s+(?=\S)",
                    re.IGNORECASE)
_BYLINE_END = re.compile(r"\s*[|,·•—–]\s*|\s+\d|\s+(?:published|updated|on)\b", re.IGNORECASE)


def byline_name(text: str) -> str | None:
    """'By Ann Lee | 3 May 2024 · The Chronicle' -> 'Ann Lee'; None when the line is no byline."""
    line = " ".join(text.split())
    match = BYLINE.match(line)
    if not match or len(line.split()) > 20:
        return None
    name = _BYLINE_END.split(line[match.end():], maxsplit=1)[0].strip()
    return name if looks_like_name(name, 5) else None
