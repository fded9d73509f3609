"""The lexicon: one module a language, found by name, each complete and consistent."""

from __future__ import annotations

import re

import pytest

from newsreader.core import lexicon
from newsreader.core.extract.markers import is_chrome_line
from newsreader.core.lexicon.language import LANGUAGE_NAMES, detect_language

REGEX_FIELDS = ("section_shapes", "plug_markers", "read_more_tails", "chrome_lines", "promos", "relative_times",
                "byline_prefixes", "date_labels", "author_bios", "bio_labels")


def test_every_language_module_is_found() -> None:
    assert set(lexicon.lexicons()) == {"en", "de", "fr", "es", "it", "pt", "nl"}
    assert {code: lex.name for code, lex in lexicon.lexicons().items()} == LANGUAGE_NAMES


@pytest.mark.parametrize("code", sorted(lexicon.lexicons()))
def test_a_lexicon_is_complete_and_its_patterns_compile(code: str) -> None:
    lex = lexicon.lexicons()[code]
    assert lex.stopwords and lex.months and lex.blurb_sections and lex.chrome_lines and lex.promos
    assert lex.listing_folders and lex.author_bios and lex.bio_labels
    for name in REGEX_FIELDS:
        for fragment in getattr(lex, name):
            re.compile(fragment, re.IGNORECASE | re.VERBOSE)
            # VERBOSE drops bare spaces: a space in a phrase must be written "\ ".
            assert not re.search(r"(?<!\\) ", fragment), (code, name, fragment)
    for name in ("blurb_sections", "section_prefixes", "name_particles", "listing_folders"):
        items = getattr(lex, name)
        assert len(items) == len(set(items)), (code, name)


def test_month_names_agree_across_languages() -> None:
    seen: dict[str, int] = {}
    for lex in lexicon.lexicons().values():
        for name, number in lex.months.items():
            assert name == name.strip() and 1 <= number <= 12
            assert seen.setdefault(name, number) == number, name


@pytest.mark.parametrize(("text", "code"), [
    ("The council said on Monday that the new bridge would open in the spring, and that it was on budget.", "en"),
    ("Der Rat sagte am Montag, dass die neue Brücke im Frühjahr eröffnet werde und im Budget sei.", "de"),
    ("Le conseil a dit lundi que le nouveau pont ouvrirait au printemps et qu'il respectait le budget.", "fr"),
    ("El consejo dijo el lunes que el nuevo puente se abriría en primavera y que estaba dentro del presupuesto.", "es"),
    ("Il consiglio ha detto lunedì che il nuovo ponte aprirà in primavera e che è nel bilancio.", "it"),
    ("O conselho disse na segunda-feira que a nova ponte vai abrir na primavera e que está no orçamento.", "pt"),
    ("De raad zei maandag dat de nieuwe brug in het voorjaar opengaat en dat die binnen het budget blijft.", "nl"),
])
def test_every_language_is_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("line", [
    "43 Responses", "No Responses", "12 Kommentare", "3 commentaires", "5 comentarios",
    "2 commenti", "7 reacties", "4 comentários",
])
def test_a_count_of_comments_is_chrome_in_every_language(line: str) -> None:
    from newsreader.core.extract.markers import is_chrome_line

    assert is_chrome_line(line)
    assert not is_chrome_line("One reply from the minister settled the matter.")


# Sentences that begin with a chrome word are prose: a business story says "Terms of the
# deal were not disclosed", and a list has an item "(c)".
PROSE_WITH_CHROME_WORDS = [
    "Terms of the deal were not disclosed.", "Cookies, lists and coffee?",
    "Subscribers will pay more from January, the company said.",
    "Newsletter publishers are struggling to keep readers, the survey found.",
    "Copyright lawyers say the ruling will change the industry.",
    "Published in 1851, the book sold poorly.", "Reading time for the full report is about an hour.",
    "Leave a comment on another reader's post, then come back and tell us which post made you want to comment.",
    "(c) The council will review the plan in the spring.",
    "Datenschutzbeauftragte kritisieren das neue Gesetz scharf.",
    "Datenschutz ist ein Grundrecht, sagte die Ministerin.", "Lesezeit und Aufmerksamkeit sinken, sagen Forscher.",
    "Share | the fund's part of the cost rose by a third.", "|",
    "Text size matters for readers with poor sight.", "Die Schriftgröße der Zeitung wurde geändert.",
]
CHROME_WITH_THOSE_WORDS = [
    "Terms of Use", "Terms & Conditions", "Cookie policy", "Subscribe to our newsletter", "Newsletter sign-up",
    "Copyright 2012 The Associated Press. All rights reserved.", "Copyright Reuters", "(c) 2024 Harbor Post",
    "Published: November 5th, 2012", "Posted on March 3, 2012", "updated 4:36 p.m. ET July 23, 2012",
    "Reading time: 4 min", "Leave a Reply Cancel reply", "Lesezeit: 3 Minuten", "Impressum | Datenschutz",
    "Datenschutzerklärung",
    # a bar's separator left at an end when its neighbour was a link or an icon, now gone
    "Share|", "Share |", "| Print", "Impressum | Datenschutz |",
    # an article tool's buttons, in each language the lexicon covers
    "Text Size", "A+ A-", "Increase text size", "Schriftgröße", "Taille du texte", "Tamaño de letra",
    "Dimensione testo", "Lettergrootte", "Tamanho da fonte",
]


@pytest.mark.parametrize("line", PROSE_WITH_CHROME_WORDS)
def test_a_sentence_that_begins_with_a_chrome_word_is_prose(line: str) -> None:
    assert not is_chrome_line(line)


@pytest.mark.parametrize("line", CHROME_WITH_THOSE_WORDS)
def test_chrome_lines_with_those_words_are_still_chrome(line: str) -> None:
    assert is_chrome_line(line)
