"""Every language's words in one place: one module a language, each holding a ``LEXICON``.

The stages read the union of all languages (a German page may carry an English share bar),
so adding a language is one new module here, found by its name, plus its test.  A field
is either plain phrases (matched whole, after ``normalise_phrase``) or regex fragments
(``re.VERBOSE``: spaces are written ``\\ ``), as its comment says.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field, fields
from functools import cache


@dataclass(frozen=True, slots=True)
class Lexicon:
    code: str  # ISO 639-1
    name: str  # the language's English name, as sumy and NLTK call it
    # plain words: the commonest function words, for telling languages apart
    stopwords: str = ""
    # month-name prefixes -> month number ("janv" -> 1); a prefix matches any longer form
    months: dict[str, int] = field(default_factory=dict)
    # plain phrases: headings that introduce teasers for other stories ("Related", "Lire aussi")
    blurb_sections: tuple[str, ...] = ()
    # plain prefixes of such headings ("more from ")
    section_prefixes: tuple[str, ...] = ()
    # regex, matched whole on the heading without accents: the shapes such headings take
    # ("more\ great\ wired\ stories" is "more\ (?:\w+\ ){0,3}stories")
    section_shapes: tuple[str, ...] = ()
    # regex: the marker of an inline plug, before its colon or arrow ("read\ more")
    plug_markers: tuple[str, ...] = ()
    # regex: a "read more" link at the end of a teaser
    read_more_tails: tuple[str, ...] = ()
    # regex: a whole line of chrome (share bars, prompts, labels, closing notices)
    chrome_lines: tuple[str, ...] = ()
    # regex, searched: a call to action that makes a short line a promo
    promos: tuple[str, ...] = ()
    # regex: a whole line that is a relative time ("vor\ \d+\ stunden")
    relative_times: tuple[str, ...] = ()
    # regex: the word a byline starts with ("by", "von")
    byline_prefixes: tuple[str, ...] = ()
    # regex: labels of a dateline ("published", "veröffentlicht")
    date_labels: tuple[str, ...] = ()
    # regex, after an author's name: the rest of a one-line author bio ("is\ the\ …\ editor")
    author_bios: tuple[str, ...] = ()
    # regex: a label before such a bio ("about\ the\ author")
    bio_labels: tuple[str, ...] = ()
    # regex: the word before a name that heads a closing box on the author or the company
    # ("about" in "About Acme Corp", "über")
    about_labels: tuple[str, ...] = ()
    # plain words that may stay lower case inside a name ("of", "von")
    name_particles: tuple[str, ...] = ()
    # plain words: folders of a site's addresses whose pages list stories ("topics", "tag")
    listing_folders: tuple[str, ...] = ()


@cache
def lexicons() -> dict[str, Lexicon]:
    """Every language module's lexicon, by code, English first."""
    found: dict[str, Lexicon] = {}
    for module in pkgutil.iter_modules(__path__):
        lexicon = getattr(importlib.import_module(f"{__name__}.{module.name}"), "LEXICON", None)
        if isinstance(lexicon, Lexicon):
            found[lexicon.code] = lexicon
    # English first: it is the fallback language, and it wins ties in language detection.
    return dict(sorted(found.items(), key=lambda item: (item[0] != "en", item[0])))


def union(name: str) -> tuple[str, ...]:
    """One field of every language, in order, without repeats."""
    seen: dict[str, None] = {}
    for lexicon in lexicons().values():
        for item in getattr(lexicon, name):
            seen.setdefault(item, None)
    return tuple(seen)


def alternation(name: str) -> str:
    """A regex field of every language as one non-capturing group."""
    return "(?:" + "|".join(union(name)) + ")"


def months() -> dict[str, int]:
    merged: dict[str, int] = {}
    for lexicon in lexicons().values():
        merged.update(lexicon.months)
    return merged


FIELDS = tuple(f.name for f in fields(Lexicon))
