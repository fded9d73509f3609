"""Closing lines that leaked into stories on unseen pages, in every language the lexicon has:
an author bio, a newsletter prompt and a closing notice after the last paragraph, in an
HTML page and in a plain-text dump (tests/data/closing/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core import lexicon
from newsreader.core.extract.markers import is_author_bio
from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

CLOSING = Path(__file__).parent / "data" / "closing"


def test_every_language_has_its_fixtures() -> None:
    assert {p.stem for p in CLOSING.glob("*.html")} == set(lexicon.lexicons())


@pytest.mark.parametrize("name", sorted(p.name for p in CLOSING.iterdir()))
def test_closing_lines_are_not_the_story(name: str) -> None:
    outcome = process_one(Document(name, (CLOSING / name).read_bytes(), path=str(CLOSING / name)),
                          SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    paragraphs = outcome.article.text.split("\n\n")
    assert len(paragraphs) == 3, paragraphs  # the story, and only the story
    dump = (CLOSING / name.replace(".html", ".txt")).read_text().split("\n\n")
    assert paragraphs == dump[1:4]


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_a_read_more_heading_over_a_read_more_title_keeps_its_teasers(suffix: str) -> None:
    """"Read more on this story" introduces teasers, even when the first teaser's own title
    begins "Read More …": the three become blurbs, and the story stays whole."""
    path = Path(__file__).parent / "data" / f"en-read-more-on-this-story.{suffix}"
    outcome = process_one(Document(path.name, path.read_bytes(), path=str(path)), SummarySettings(enabled=False))
    assert outcome.article is not None
    assert [b.title for b in outcome.article.blurbs] == [
        "Read More Than Ever: why the town is borrowing books again",
        "New children's reading room opens at the library",
        "Council weighs longer Sunday hours for libraries",
    ]
    assert len(outcome.article.text.split("\n\n")) == 3


# One bio per language in the form "NAME covers BEAT for PUBLICATION", with where to write;
# and a closing sentence of a story with the same verbs, which is no bio.
BEATS = {
    "en": ("Joan Hale covers energy and transport for The Harbor Post. Follow her on Twitter at "
           "@joanhale. Her email address is joan.hale@example.com.",
           "The new policy covers flood damage for homeowners in the valley."),
    "de": ("Anna Weber berichtet für die Süddeutsche Rundschau über Verkehr und Energie. "
           "Sie ist unter anna.weber@example.de erreichbar.",
           "Die Stadt berichtet für jedes Quartal über die Kosten der Brücke."),
    "fr": ("Marie Dupont couvre l'énergie et les transports pour Le Courrier du Port. "
           "Écrivez-lui à marie.dupont@example.fr.",
           "L'assurance couvre les dégâts pour les habitants de la vallée."),
    "es": ("Lucía Pérez cubre energía y transporte para El Diario del Puerto. "
           "Escríbale a lucia.perez@example.es.",
           "El seguro cubre los daños para los vecinos del valle."),
    "it": ("Giulia Rossi segue energia e trasporti per Il Corriere del Porto. "
           "Scrivete a giulia.rossi@example.it.",
           "La polizza copre i danni per gli abitanti della valle."),
    "pt": ("Ana Costa cobre energia e transportes para O Jornal do Porto. "
           "Escreva para ana.costa@example.pt.",
           "O seguro cobre os danos para os moradores do vale."),
    "nl": ("Eva de Vries schrijft voor De Havenkrant over energie en verkeer. "
           "Mail haar via eva.devries@example.nl.",
           "De gemeente schrijft voor elke brug een nieuw plan voor de komende jaren."),
}


def test_every_language_has_a_beat_bio() -> None:
    assert set(BEATS) == set(lexicon.lexicons())


@pytest.mark.parametrize("language", sorted(BEATS))
def test_a_bio_naming_the_beat_closes_no_story(language: str) -> None:
    bio, sentence = BEATS[language]
    assert is_author_bio(bio)
    assert not is_author_bio(sentence)
