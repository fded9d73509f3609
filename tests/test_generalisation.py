"""Pages written here (not from the corpus) in the forms the corpus covers, in other
languages and wordings, so the separator is checked on more than the cases it was built on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

EXPECTED = {
    "it-leggi-anche-piu-letti.html": {
        "title": "Treni, nuovo orario regionale da giugno", "publisher": "Gazzetta del Lago",
        "published": "2024-05-20", "byline": "Marco Bellini", "language": "it", "paragraphs": 4,
        "blurbs": ["Tornano i bus notturni nel fine settimana", "Incendio nel bosco sopra Varenna, evacuate due case",
                   "La regata del lago compie cento anni", "Il porto turistico cerca un nuovo gestore"],
    },
    "en-title-suffix-domain-sources.txt": {
        "title": "Council scraps plan for second bridge over the Avon", "publisher": "The Westbury Echo",
        "published": "2024-07-09", "byline": None, "language": "en", "paragraphs": 5,
        "blurbs": ["Avon towpath to close for repairs", "New bus route links Westbury with the hospital"],
        "sources": ["nytimes.com", "AP"],
    },
    "en-no-meta-more-from.html": {
        "title": "Museum reopens east wing after roof repairs", "publisher": "The Dunmore Herald",
        "published": "2024-10-14", "byline": "Ines Moreau", "language": "en", "paragraphs": 7,
        "blurbs": ["Storm leaves museum roof in tatters", "Theatre announces winter season",
                   "Library extends opening hours", "Harbour festival draws record crowds"],
    },
    "en-markdown-related.md": {
        "title": "City to plant 10,000 trees along its ring road", "publisher": "The Riverside Chronicle",
        "published": "2024-05-06", "byline": "Maya Lindqvist", "language": "en", "paragraphs": 5,
        "blurbs": ["Air quality near schools worse than thought, study finds",
                   "Cycle lanes on the ring road to open in June", "Council approves new park in the northern district"],
    },
    "fr-dump-sur-le-meme-sujet.txt": {
        "title": "Le maire de Valbonne annonce la rénovation du marché couvert", "publisher": "Le Courrier du Var",
        "published": "2024-03-12", "byline": "Claire Dumont", "language": "fr", "paragraphs": 4,
        "blurbs": ["Incendie du marché de Valbonne : les commerçants attendent toujours",
                   "Valbonne : la gare routière rouvre après six mois de travaux",
                   "Budget 2024 : les communes du canton sous pression"],
    },
    "es-lee-tambien.html": {
        "title": "El puerto de Almira bate su récord de cruceros", "publisher": "Diario del Sur",
        "published": "2024-05-02", "byline": "Luis Ortega", "language": "es", "paragraphs": 4,
        "blurbs": ["El nuevo muelle de Almira estará listo en verano",
                   "Las playas de Almira, entre las más limpias del país", "El tranvía llegará al puerto en 2026"],
    },
    "en-aggregator-trending.txt": {
        "title": "Weather alert issued as Storm Petra nears the west coast", "publisher": "Westport Gazette",
        "published": None, "byline": None, "language": "en", "paragraphs": 6,
        "blurbs": ["Harbour wall repairs to start next month", "Island ferry timetable changes announced"],
    },
    "de-obfuscated-auch-interessant.html": {
        "title": "Neue Radwege für die Innenstadt", "publisher": "Nordkurier Online",
        "published": "2024-04-04", "byline": "Jana Weber", "language": "de", "paragraphs": 4,
        "blurbs": ["Busse fahren ab Mai im Zehn-Minuten-Takt", "Brückensanierung dauert länger als geplant",
                   "Stadtrat streitet über den Haushalt 2025"],
    },
}


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    names = sorted(EXPECTED)
    done = subprocess.run([sys.executable, "-m", "newsreader", "extract", "--format", "json", "--no-summary",
                           *(str(DATA / n) for n in names)], capture_output=True, text=True, check=True)
    return dict(zip(names, map(json.loads, done.stdout.splitlines()), strict=True))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_story_meta_and_blurbs(records: dict[str, dict], name: str) -> None:
    got, want = records[name], EXPECTED[name]
    for key in ("title", "publisher", "published", "byline", "language"):
        assert got[key] == want[key], key
    assert len(got["text"].split("\n\n")) == want["paragraphs"]
    assert [b["title"] for b in got["blurbs"]] == want["blurbs"]
    if "sources" in want:
        assert [b["publisher"] for b in got["blurbs"]] == want["sources"]
    assert "**" not in got["text"] and "](" not in got["text"]
    for chrome in ("Photo:", "Facebook", "Subscribe", "Partager", "Commentaires", "Artikel teilen", "Drucken", "See more stories", "©", "Trending"):
        assert chrome not in got["text"]
