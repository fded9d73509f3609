"""Phrases that mark teasers and page chrome, built from every language's lexicon.

These are general signals, matched on whole normalised phrases or prefixes;
they are never keyed to one site's wording.  The words live in ``lexicon/``.
"""

from __future__ import annotations

import re
import unicodedata

from newsreader.core import lexicon
from newsreader.core.extract.dates import MONTH_NAME
from newsreader.core.models import Block, Blurb

# Section headings that introduce a list of teasers for other stories, in every language.
BLURB_SECTION = lexicon.union("blurb_sections")

# Prefixes of inline plugs: "READ MORE: Title", "Related: Title", "— Also on X: Title".
PLUG_PREFIX = re.compile(
    rf"""^\W{{0,3}}{lexicon.alternation("plug_markers")}\s*[:：»›>|–—-]\s*(?P<title>\S.*)$""",
    re.IGNORECASE | re.VERBOSE,
)

# Whole-line chrome in no language in particular: numbers, copyright signs, logos, store badges.
_NEUTRAL_CHROME = (r"\d+(?:\ \d+){2,}", r"©.*", r"\(c\)\ (?:\d{4}|copyright).*", r"logo", r"\[logo\].*",
                   r"orange\ background", r"app-store.*", r"play-store.*",
                   # a share button's name alone ("Email | Print | Digg | Reddit")
                   r"(?:digg|reddit|stumbleupon|delicious|facebook|twitter|linkedin|whatsapp|pinterest|tumblr|flipboard|xing)")
# Whole-line chrome: share bars, promos, subscription and comment prompts, credits, closing notices.
CHROME_LINE = re.compile(
    rf"""^(?:{"|".join(lexicon.union("chrome_lines") + _NEUTRAL_CHROME)})\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "3 minutes ago", "time2 hours ago", "5h ago", "4h", "1d", "• 3 hrs", "Vor 2 Stunden".
RELATIVE_TIME = re.compile(
    rf"""^\W*(?:time\s*)?{lexicon.alternation("relative_times")}\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


# Class and id words of boxes that are never the story (share bars, promos, comments…).
CHROME_HINT = re.compile(
    r"share|social|newsletter|subscribe|signup|sign-up|promo|advert|\bads?\b|sponsor|cookie|consent|"
    r"comment|byline|author-?bio|bio-?box|caption|credit|breadcrumb|\btags?\b|tag-?list|paywall|"
    r"related|recommend|most-?read|popular|trending|outbrain|taboola|toolbar|print|disclaimer|"
    r"read-?more|more-?from|further|newsletter|app-?promo|meta-?data|post-?meta|dateline|timestamp",
    re.IGNORECASE,
)


def normalise_phrase(text: str) -> str:
    """Lower case, NFKC, straight quotes, no trailing punctuation or arrows."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    text = " ".join(text.split())  # (str.split takes U+00A0 and every other space)
    return text.strip(" :»›>|•·–—-…!.").strip()


def _unaccented(text: str) -> str:
    """Without accents: sites write "A lire egalement" and "Ahnliche Artikel" too."""
    if text.isascii():
        return text  # (most headings: no character to look at one by one)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_SECTION_SET = frozenset(_unaccented(normalise_phrase(p)) for p in BLURB_SECTION)
_SECTION_PREFIXES = tuple(_unaccented(p) for p in lexicon.union("section_prefixes"))
_SECTION_SHAPE = re.compile(lexicon.alternation("section_shapes"), re.IGNORECASE | re.VERBOSE)


def is_blurb_heading(text: str) -> bool:
    """True for a short heading that introduces other stories."""
    phrase = _unaccented(normalise_phrase(text))
    if not phrase or len(phrase) > 60:
        return False
    return (phrase in _SECTION_SET or phrase.startswith(_SECTION_PREFIXES)
            or (len(phrase.split()) <= 6 and _SECTION_SHAPE.fullmatch(phrase) is not None))


def is_chrome_line(text: str) -> bool:
    """A whole line of chrome, or a bar of chrome items ("Share · Print · Email")."""
    line = " ".join(text.split())
    if CHROME_LINE.match(line):
        return True
    # (a bar's separator left at an end, its neighbour gone: "Share|", "| Print")
    bare = line.strip(" ·•|/")
    if bare != line and bare and CHROME_LINE.match(bare):
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
# A label counts where a credit starts: the line's start, after a bracket or a separator,
# or after a sentence ("… parade. Photo: AP"); "inspired a motion picture:" and "ran an AP
# photo of" are prose.
CREDIT = re.compile(
    r"(?:(?:^|[(\[|/·•–—-]\s*|[.!?]\s+)(?:main |top |cover |featured |header |lead )?"
    r"(?:photo(?:graph)?|image|picture|illustration|credit|foto|bild)s?\s*(?:credit\s*)?(?:by|:)(?!\s*$)|"
    r"getty images|(?:^|[(\[/]\s*)AP Photo|reuters/|/ reuters|shutterstock|\[photo|"
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


_SMALL_WORDS = frozenset(lexicon.union("name_particles"))
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
PROMO = re.compile(lexicon.alternation("promos"), re.IGNORECASE | re.VERBOSE)
# A CMS shortcode left in the text: "[caption id="x" align="left"]…[/caption]", "[gallery]".
# Its words after the name are attributes; "[figure 4: a bracketed note]" is prose.
SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$|^\[/?\w+(?:\s+[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))?)*\s*/?\]$")


# Where a sentence stops: a promo line and an author bio are counted in sentences.
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


_ASIDE = re.compile(r"\([^()]{0,200}\)")


def is_promo(text: str) -> bool:
    """A promo box says little else: a short line with the call to action.  A paragraph
    that mentions "click here" or "sign up for" among sentences of its own is prose."""
    n = len(text.split())
    if n > 45 or PROMO.search(text) is None:
        return False
    if len(said := _ASIDE.sub(" ", text).split()) >= 12 and not PROMO.search(" ".join(said)):
        return False  # the call is an aside of a sentence: "… a gift set (click here for the rules)."
    sentences = len(_SENTENCE_STOP.findall(text))
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


# "Jane Doe is the Courier's science editor.": a one-line author bio closing a story.  The
# name: one to four words, perhaps a handle, "(@janedoe)", or a comma before what she is,
# and perhaps a label before it ("About the author:").
_AUTHOR_BIO = re.compile(
    rf"^(?:{lexicon.alternation('bio_labels')}\s*:\s*)?(?:{_NAME_WORD.pattern}\s+){{0,3}}{_NAME_WORD.pattern}"
    rf"(?:\s+\(@?\w+\))?,?\s+{lexicon.alternation('author_bios')}",
    re.IGNORECASE | re.VERBOSE)


def is_author_bio(text: str) -> bool:
    """A short line that names a person and their job at the paper, in any language."""
    words = text.split()
    if not 5 <= len(words) <= 45 or not words[0][:1].isupper():
        return False
    # (a bio may go on with where to follow or write to the author: three sentences at most)
    return len(_SENTENCE_STOP.findall(text)) <= 3 and bool(_AUTHOR_BIO.match(" ".join(words)))


# "About the author" on a line of its own, or as the label of the bio's paragraph.
_BIO_LABEL_LINE = re.compile(rf"^\W*{lexicon.alternation('bio_labels')}\s*:?\s*$", re.IGNORECASE | re.VERBOSE)
_BIO_LABELLED = re.compile(rf"^\W*{lexicon.alternation('bio_labels')}\s*:\s*\S", re.IGNORECASE | re.VERBOSE)
_LABELLED_BIO_WORDS = 150  # what follows the label: a bio of a few sentences, not a story


_ABOUT = re.compile(rf"^{lexicon.alternation('about_labels')}\s*(?P<name>.+?)\s*:?$", re.IGNORECASE | re.VERBOSE)


def is_bio_label(text: str) -> bool:
    """The label of a closing box on the author or the company, on a line of its own:
    "About the author", "L'autrice", or "About Acme Corp", "Über Anna Weber" (a name of one
    to five words, capitalised but for its particles)."""
    if _BIO_LABEL_LINE.match(text):
        return True
    about = _ABOUT.match(" ".join(text.split()))
    if about is None:
        return False
    name = about["name"].split()
    return (1 <= len(name) <= 5 and name[0][:1].isupper()
            and all(word[:1].isupper() or word in _SMALL_WORDS for word in name))


def drop_closing_lines(blocks: list[Block]) -> list[Block]:
    """Author bios and promo lines after the last paragraph of the story go: the story's
    own last paragraph may mention a reporter or a newsletter, a closing line is only that.
    A bio under its label ("About the author", "About Acme Corp") goes whatever it says:
    the label says what it is ("Mary Brock is a scientist who works on drugs…")."""
    for start in range(max(0, len(blocks) - 3), len(blocks)):
        block = blocks[start]
        after = blocks[start + 1:]
        labelled = (is_bio_label(block.text) and after) or (not after and _BIO_LABELLED.match(block.text))
        if labelled and sum(len(b.text.split()) for b in (block, *after)) <= _LABELLED_BIO_WORDS:
            blocks = blocks[:start]
            break
    while blocks and blocks[-1].kind == "paragraph" and (
            is_author_bio(blocks[-1].text) or is_promo(blocks[-1].text)):
        blocks = blocks[:-1]
    return blocks


# "By Ann Lee", "Von …", "Par …": the start of a byline line.
BYLINE = re.compile(rf"^{lexicon.alternation('byline_prefixes')}\s+(?=\S)", re.IGNORECASE | re.VERBOSE)
# A byline's label left alone when its name, set in a box of its own, went with the chrome.
BYLINE_LABEL = re.compile(rf"^\W*{lexicon.alternation('byline_prefixes')}\s*:?\s*$", re.IGNORECASE | re.VERBOSE)
# "By changesets", "By the numbers": a byline's next word is a name, capitalised, perhaps
# after an article ("By the Associated Press", "Por la redacción"); a lower-case word
# goes on with the line.
_ARTICLE = re.compile(r"(?:the|la|el|le|les|der|die|das|de|da|do|a|o)\s+", re.IGNORECASE)


def is_byline(text: str) -> bool:
    match = BYLINE.match(text)
    if not match:
        return False
    rest = text[match.end():]
    rest = rest[article.end():] if (article := _ARTICLE.match(rest)) else rest
    return bool(rest) and not (rest[0].isalpha() and not rest[0].isupper())


# Where the name in a byline ends: a separator, a number, a dateline label.
DATE_LABEL = lexicon.alternation("date_labels")
# (?<!\s): a match starts where a run of spaces starts, so a long run costs one pass, not n².
# (and where a date starts with its month: "By Lance Whitney July 23, 2012")
_BYLINE_END = re.compile(rf"(?<!\s)\s*[|,·•—–]\s*|(?<!\s)\s+-(?=\s|$)|(?<!\s)\s+\d|(?<!\s)\s+(?:{DATE_LABEL}|on)\b|"
                         rf"(?<!\s)\s+{MONTH_NAME}\s+\d", re.IGNORECASE)


def byline_name(text: str) -> str | None:
    """'By Ann Lee | 3 May 2024 · The Chronicle' -> 'Ann Lee'; None when the line is no byline."""
    line = " ".join(text.split())
    match = BYLINE.match(line)
    if not match or len(line.split()) > 20:
        return None
    name = _BYLINE_END.split(line[match.end():], maxsplit=1)[0].strip()
    if not looks_like_name(name, 5):
        return None
    return name.title() if name.isupper() and len(name) > 3 else name  # "BY JANE DOE"
