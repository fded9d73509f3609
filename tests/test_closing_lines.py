"""Closing lines and teaser sections on unseen pages, in every language the lexicon has:
an author bio, a newsletter prompt and a closing notice after the last paragraph, in an
HTML page and in a plain-text dump (tests/data/closing/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core import lexicon
from newsreader.core.extract.markers import is_author_bio, is_blurb_heading
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


# Other wordings of the same three kinds, as a reader meets them on sites we have never
# seen: a closing notice, a newsletter prompt, an author bio (with a label, a handle, an
# appositive).  Each closes the fixture's story, in a plain-text dump and in a page.
CLOSING_VARIANTS = {
"en": ["Adjust text size:", "Email | Print | Digg | Reddit", "Printer-friendly version", "E-mail this story to a friend", "This material may not be published, broadcast, rewritten or redistributed.", "Ferry keeps its winter timetable Watch Video", "Related Topics: Harbour, Ferries", "Tagged as: ferries, timetable, winter", "Posted by Becky | View all posts by Becky | Published in Architecture, Furniture", "Twitter (17,951 followers) • Facebook (3,507 likes)",
 "Powered by Movable Type.", "TrackBack URL for this entry: https://blog.example/tb/5120", "Twitter: @harbourpost", "Previous 1 / 18 Next",
 "This entry was posted on Thursday, August 9th, 2012 at 12:04 am and is filed under Harbour, Ferries. You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.", "This entry was posted in Harbour News. Bookmark the permalink.", "Both comments and pings are currently closed.",
 "Comments are closed.", "Comments have been disabled for this story.", "Commenting is closed for this article.",
 "The comments section is closed.", "Comments on this article are now closed.", "Comments for this story have been turned off.",
 "This story is no longer accepting comments.", "We have closed comments on this story.", "Comments are moderated and may take a while to appear.", "Comments closed",
 "Sign up for the Morning Briefing newsletter.", "Get our free daily newsletter in your inbox.", "Want more stories like this? Sign up for our weekly newsletter.",
 "Subscribe to the Courier's morning email for the day's top stories.", "Never miss a story: get the Courier Daily delivered to your inbox every morning.",
 "Sign up here for our daily briefing.", "Get the best of the Courier sent to your inbox every weekday.", "Get the Courier morning briefing",
 "Jane Doe is a staff writer at the Courier.", "Jane Doe is a freelance journalist based in Berlin.", "Jane Doe writes about transport for the Courier.",
 "Jane Doe is the Courier's transport correspondent. She previously worked at the Herald.", "Jane Doe, a reporter for the Courier, covers transport and energy.",
 "Jane Doe has covered transport for the Courier since 2015.", "Jane Doe is an editor at large for the Courier.",
 "About the author: Jane Doe is a transport correspondent.", "Jane Doe (@janedoe) is a reporter at the Courier.",
 "Jane Doe is the author of 'Island Crossings' and a contributing writer at the Courier.", "Jane Doe is the Courier's science editor."],
"de": ["Artikel drucken", "Druckversion", "Die Fähre im Sturm Video ansehen", "Dieser Beitrag wurde unter Hafen veröffentlicht. Setze ein Lesezeichen auf den Permalink.", "Dieser Eintrag wurde veröffentlicht am 9. August 2012 um 12:04 und ist abgelegt unter Hafen.",
 "Die Kommentarfunktion ist geschlossen.", "Kommentare sind für diesen Artikel deaktiviert.", "Die Kommentarfunktion zu diesem Artikel wurde geschlossen.",
 "Dieser Artikel kann nicht mehr kommentiert werden.", "Kommentare geschlossen", "Die Kommentare zu diesem Artikel sind geschlossen.",
 "Melden Sie sich für unseren Newsletter an.", "Jetzt den Morgen-Newsletter abonnieren", "Holen Sie sich den Kurier-Newsletter.", "Abonnieren Sie unseren täglichen Newsletter.",
 "Der Newsletter des Kuriers: jeden Morgen in Ihrem Postfach.",
 "Anna Schmidt ist Redakteurin im Lokalressort des Kuriers.", "Anna Schmidt ist freie Journalistin in Berlin.", "Anna Schmidt schreibt für den Kurier über Verkehr.",
 "Anna Schmidt berichtet seit 2015 für den Kurier über Verkehr.", "Anna Schmidt, Redakteurin im Lokalressort, berichtet über Verkehr.", "Über die Autorin: Anna Schmidt ist Korrespondentin in Brüssel."],
"fr": ["Envoyer à un ami", "Version imprimable", "Le bac dans la tempête Voir la vidéo", "Ce contenu a été publié dans Port. Vous pouvez le mettre en favoris avec ce permalien.", "Cette entrée a été publiée le 9 août 2012 à 12:04 et est classée dans Port.",
 "Les commentaires sont fermés.", "Les commentaires de cet article sont fermés.", "Cet article n'accepte plus de commentaires.", "Commentaires fermés",
 "Les commentaires sont désactivés pour cet article.", "Les commentaires sont clos.",
 "Inscrivez-vous à notre newsletter du matin", "Abonnez-vous à notre lettre d'information quotidienne.", "Recevez notre newsletter chaque matin dans votre boîte mail.",
 "Marie Dupont est journaliste au service économie du Courrier.", "Marie Dupont est correspondante du Courrier à Bruxelles.", "Marie Dupont couvre les transports pour Le Courrier.",
 "Marie Dupont, journaliste au Courrier, couvre les transports.", "À propos de l'auteure : Marie Dupont est journaliste au Courrier."],
"es": ["Imprimir esta noticia", "Enviar por e-mail", "El ferri en la tormenta Ver vídeo", "Esta entrada fue publicada en Puerto. Guarda el enlace permanente.",
 "Los comentarios están cerrados.", "Los comentarios de esta noticia están cerrados.", "Comentarios cerrados", "Esta noticia ya no admite comentarios.",
 "Suscríbase a nuestro boletín diario.", "Recibe nuestra newsletter cada mañana en tu correo.", "Apúntate a nuestro boletín de la mañana.",
 "Lucía Pérez es periodista de la sección de economía del Diario.", "Lucía Pérez es corresponsal del Diario en Bruselas.", "Lucía Pérez cubre transporte para El Diario.",
 "Lucía Pérez, periodista del Diario, cubre transporte y energía."],
"it": ["Versione stampabile", "Invia a un amico", "Il traghetto nella tempesta Guarda il video", "Questa voce è stata pubblicata in Porto. Contrassegna il permalink.",
 "I commenti sono chiusi.", "I commenti a questo articolo sono chiusi.", "Commenti chiusi", "Questo articolo non accetta più commenti.",
 "Iscriviti alla nostra newsletter del mattino.", "Ricevi la newsletter del Corriere ogni mattina nella tua casella di posta.",
 "Giulia Rossi è giornalista della redazione economia del Corriere.", "Giulia Rossi è corrispondente del Corriere da Bruxelles.", "Giulia Rossi segue i trasporti per Il Corriere."],
"pt": ["Imprimir esta notícia", "Versão para impressão", "A balsa na tempestade Assista ao vídeo", "Esta entrada foi publicada em Porto. Adicione o link permanente aos seus favoritos.",
 "Os comentários estão fechados.", "Os comentários desta matéria foram encerrados.", "Comentários encerrados", "Esta notícia não aceita mais comentários.",
 "Assine a nossa newsletter diária.", "Receba a newsletter do Jornal todas as manhãs no seu e-mail.", "Inscreva-se na nossa newsletter da manhã.",
 "Ana Costa é jornalista da editoria de economia do Jornal.", "Ana Costa é correspondente do Jornal em Bruxelas.", "Ana Costa cobre transportes para O Jornal."],
"nl": ["Artikel printen", "Stuur door naar een vriend", "De veerboot in de storm Bekijk de video", "Dit bericht werd geplaatst in Haven. Bookmark de permalink.",
 "Reageren is niet meer mogelijk.", "De reacties zijn gesloten.", "Reageren op dit artikel is niet meer mogelijk.", "Reacties gesloten",
 "Meld je aan voor onze ochtendnieuwsbrief.", "Schrijf je in voor de nieuwsbrief van de Krant.", "Ontvang elke ochtend onze nieuwsbrief in je mailbox.",
 "Eva de Vries is verslaggever bij de Krant.", "Eva de Vries is correspondent van de Krant in Brussel.", "Eva de Vries schrijft voor De Krant over verkeer."],
}

# Closing sentences of a story that use the same words and are the story's.
STORY_ENDINGS = {
    "en": ["Residents can send comments on the plan to the council until the end of May.",
           "This entry was posted to the council by a resident who asked not to be named, officials said.",
           "Powered by wind turbines, the island's ferries now run every hour.",
           "Tagged as a risk by the inspectors, the old pier was closed on Monday.",
           "Text size matters for older readers, the library's survey found.",
           "Passengers on the late ferry can now Watch Video, the new screens service, on board.",
           "Joan Hale, a former reporter for the Courier, said the ferry had never been so busy."],
    "de": ["Anwohner können ihre Kommentare zu dem Plan bis Ende Mai beim Gemeinderat einreichen.",
           "Der Newsletter der Reederei erscheint seit 1921 und wird nun nur noch online verschickt."],
    "fr": ["Les habitants peuvent envoyer leurs commentaires sur le projet à la mairie jusqu'à fin mai.",
           "Marie Dupont, ancienne journaliste au Courrier, a dit que le bac n'avait jamais été aussi plein."],
    "es": ["Los vecinos pueden enviar sus comentarios sobre el plan al ayuntamiento hasta finales de mayo.",
           "Lucía Pérez, periodista jubilada, dijo que el ferri nunca había estado tan lleno."],
    "it": ["I residenti possono inviare commenti sul piano al comune fino alla fine di maggio.",
           "Giulia Rossi, giornalista in pensione, ha detto che il traghetto non era mai stato così pieno."],
    "pt": ["Os moradores podem enviar comentários sobre o plano à câmara até ao fim de maio.",
           "Ana Costa, jornalista reformada, disse que a balsa nunca tinha estado tão cheia."],
    "nl": ["Bewoners kunnen tot eind mei reacties op het plan naar de gemeenteraad sturen.",
           "Eva de Vries, oud-verslaggever bij de Krant, zei dat de veerboot nog nooit zo vol was."],
}


def test_every_language_has_its_variants() -> None:
    assert set(CLOSING_VARIANTS) == set(STORY_ENDINGS) == set(lexicon.lexicons())


def _story_with(language: str, last: str, suffix: str) -> tuple[list[str], str]:
    """The fixture's story with ``last`` as its closing line; its paragraphs as kept."""
    title, *story = (CLOSING / f"{language}.txt").read_text().split("\n\n")[:4]
    if suffix == "txt":
        body = "\n\n".join([title, *story, last]) + "\n"
    else:
        body = (f"<html lang='{language}'><head><meta charset='utf-8'><title>{title}</title></head><body>"
                f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in [*story, last]) + "</article></body></html>")
    outcome = process_one(Document(f"x.{suffix}", body.encode()), SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    return story, outcome.article.text


@pytest.mark.parametrize("suffix", ["txt", "html"])
@pytest.mark.parametrize(("language", "line"), [(lang, line) for lang, lines in CLOSING_VARIANTS.items() for line in lines])
def test_other_wordings_of_closing_lines_are_not_the_story(language: str, line: str, suffix: str) -> None:
    story, text = _story_with(language, line, suffix)
    assert text.split("\n\n") == story


@pytest.mark.parametrize("suffix", ["txt", "html"])
@pytest.mark.parametrize(("language", "line"), [(lang, line) for lang, lines in STORY_ENDINGS.items() for line in lines])
def test_a_story_that_ends_on_the_same_words_keeps_its_ending(language: str, line: str, suffix: str) -> None:
    story, text = _story_with(language, line, suffix)
    assert text.split("\n\n") == [*story, line]


# Teaser sections under headings worded as sites word them, in every language: the three
# teasers become blurbs, and the story stays whole, in a page and in a plain-text dump.
TEASER_HEADINGS = {
"en": ["More Great Courier Stories", "More top stories from the Courier", "Other news in brief", "Read more on this story", "More on this story", "Read more about this", "More about this story", "Related stories", "Related reading",
 "More from the Courier", "You might also like", "Read next", "Recommended for you", "Read more:", "READ MORE", "Related:", "More on this topic",
 "Also read", "Keep reading", "What to read next", "You may also be interested in", "More stories like this", "Further reading", "Related content", "In case you missed it", "Don't miss", "Most read", "Editor's picks", "More in Local News", "Latest from the Courier", "Read more from the Courier", "Related articles", "More headlines", "Top stories", "Also in the news", "Recommended reading", "Popular on the Courier", "Related Posts:", "Similar stories", "Read also", "See also", "Explore more", "More coverage", "More stories", "Read more stories", "Other stories", "Related news", "Stories you may have missed", "More like this", "Trending now", "Read this next", "Most Popular Posts", "Most watched/listened", "Most shared this week"],
"de": ["Mehr Nachrichten aus Hamburg", "Weitere aktuelle Artikel", "Mehr zum Thema", "Das könnte Sie auch interessieren", "Lesen Sie auch", "Weitere Artikel", "Auch interessant", "Mehr aus Hamburg", "Ähnliche Artikel", "Meistgelesen", "Empfehlungen der Redaktion", "Mehr Nachrichten", "Das könnte dich auch interessieren", "Weitere Nachrichten", "Passend zum Thema", "Zum Thema", "Lies auch", "Auch lesenswert", "Weitere Meldungen", "Verwandte Artikel", "Meistgesehen", "Meistkommentierte Artikel"],
"fr": ["Plus d'articles sur le sujet", "D'autres actualités", "Lire aussi", "À lire aussi", "Sur le même sujet", "Vous aimerez aussi", "Les plus lus", "Articles similaires", "Dans la même rubrique", "À voir aussi", "Pour aller plus loin", "Voir aussi", "Ces articles peuvent vous intéresser", "À lire également", "Articles liés", "Nos autres articles", "Les plus populaires", "Les plus partagés", "Les articles les plus lus"],
"es": ["Más noticias de Madrid", "Noticias relacionadas", "Te puede interesar", "Lee también", "Más noticias", "Lo más leído", "También te puede interesar", "Artículos relacionados", "Más sobre este tema", "Puede interesarte", "Te recomendamos", "Lea también", "Otras noticias", "Contenido relacionado", "Más información", "Lo más visto", "Las más compartidas"],
"it": ["Altre notizie di cronaca", "Leggi anche", "Articoli correlati", "Potrebbe interessarti", "I più letti", "Ti potrebbe interessare", "Altre notizie", "Notizie correlate", "Sullo stesso tema", "Approfondimenti", "Dello stesso argomento", "Leggi altro", "Ti consigliamo", "Potrebbe interessarti anche", "I più visti", "Le più condivise"],
"pt": ["Mais notícias do Porto", "Leia também", "Notícias relacionadas", "Mais lidas", "Veja também", "Você pode gostar", "Saiba mais", "Artigos relacionados", "Mais notícias", "Leia mais", "Recomendados para você", "Mais sobre o assunto", "Conteúdo relacionado", "Outras notícias", "Pode interessar-lhe", "As mais vistas", "Os mais comentados"],
"nl": ["Meer nieuws uit Utrecht", "Lees ook", "Meer over dit onderwerp", "Gerelateerde artikelen", "Meest gelezen", "Ook interessant", "Meer nieuws", "Bekijk ook", "Lees meer", "Aanbevolen", "Dit vind je misschien ook interessant", "Ander nieuws", "Gerelateerd nieuws", "Meer lezen", "Populair", "Meest bekeken", "Meest gedeelde artikelen"],
}
TEASERS = ["Why the town is borrowing books again", "New children's reading room opens at the library",
           "Council weighs longer Sunday hours for libraries"]


def test_every_language_has_teaser_headings() -> None:
    assert set(TEASER_HEADINGS) == set(lexicon.lexicons())


@pytest.mark.parametrize("suffix", ["txt", "html"])
@pytest.mark.parametrize(("language", "heading"),
                         [(lang, h) for lang, headings in TEASER_HEADINGS.items() for h in headings])
def test_teasers_under_a_heading_worded_otherwise_become_blurbs(language: str, heading: str, suffix: str) -> None:
    title, *story = (CLOSING / f"{language}.txt").read_text().split("\n\n")[:4]
    if suffix == "txt":
        body = "\n\n".join([title, *story, heading, *TEASERS]) + "\n"
    else:
        items = "".join(f"<li><a href='/news/{i}'>{t}</a></li>" for i, t in enumerate(TEASERS))
        body = (f"<html lang='{language}'><head><meta charset='utf-8'><title>{title}</title></head><body>"
                f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in story)
                + f"<h2>{heading}</h2><ul>{items}</ul></article></body></html>")
    article = process_one(Document(f"x.{suffix}", body.encode()), SummarySettings(enabled=False)).article
    assert article is not None
    assert article.text.split("\n\n") == story
    assert [b.title for b in article.blurbs] == TEASERS


@pytest.mark.parametrize("heading", ["More about the plan", "Zum Thema", "Saiba mais"])
def test_a_dump_subheading_worded_like_a_teaser_section_keeps_the_story_under_it(heading: str) -> None:
    """In a plain-text dump a teaser heading ends the story; one with a paragraph of two
    sentences under it is the story's own subheading."""
    title, *story = (CLOSING / "en.txt").read_text().split("\n\n")[:4]
    more = ("The operator will publish the new timetable next week. Tickets for the winter "
            "crossings go on sale at the harbour office and online from Monday.")
    body = "\n\n".join([title, *story, heading, more]) + "\n"
    article = process_one(Document("x.txt", body.encode()), SummarySettings(enabled=False)).article
    assert article is not None and not article.blurbs
    assert article.text.split("\n\n") == [*story, heading, more]


def test_a_teaser_title_linked_in_part_is_the_whole_line() -> None:
    """Some sites link only the end of a teaser's headline ("The strange life and <a>mysterious
    death of a coder</a>"): the blurb's title is the whole line, not its linked half."""
    title, *story = (CLOSING / "en.txt").read_text().split("\n\n")[:4]
    items = "".join(f"<li>{head} <a href='/news/{i}'>{tail}</a></li>" for i, (head, tail) in enumerate([
        ("Why the town is", "borrowing books again"),
        ("New children's reading room", "opens at the library"),
        ("Council weighs", "longer Sunday hours for libraries")]))
    body = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in story)
            + f"<div>More Great Courier Stories</div><ul>{items}</ul></article></body></html>")
    article = process_one(Document("x.html", body.encode()), SummarySettings(enabled=False)).article
    assert article is not None
    assert article.text.split("\n\n") == story
    assert [(b.title, b.text) for b in article.blurbs] == [(t, "") for t in TEASERS]


@pytest.mark.parametrize("heading", ["Most people agree", "Most of the time", "Most read books of 1999 were novels by women",
                                     "Les plus belles plages", "Lo más importante", "Meest gelezen boeken van 1999 waren romans"])
def test_a_heading_that_begins_like_a_most_read_box_is_not_one(heading: str) -> None:
    assert not is_blurb_heading(heading)


# A bio under its label, in every language, that says nothing of a job at the paper: the
# label alone says what it is.
LABELLED_BIOS = {
    "en": ("About the author", "Mary Brock is a scientist who works on drugs you have never heard of. She enjoys cooking, her cats and the Boston book club."),
    "de": ("Über die Autorin", "Anna Schmidt ist Biologin und lebt mit zwei Katzen am Stadtrand. Sie liest gern und kocht für ihre Freunde."),
    "fr": ("À propos de l'auteure", "Marie Dupont est biologiste et vit avec deux chats près du port. Elle aime lire et cuisiner pour ses amis."),
    "es": ("Sobre la autora", "Lucía Pérez es bióloga y vive con dos gatos cerca del puerto. Le gusta leer y cocinar para sus amigos."),
    "it": ("L'autrice", "Giulia Rossi è biologa e vive con due gatti vicino al porto. Ama leggere e cucinare per gli amici."),
    "pt": ("Sobre a autora", "Ana Costa é bióloga e vive com dois gatos perto do porto. Gosta de ler e de cozinhar para os amigos."),
    "nl": ("Over de auteur", "Eva de Vries is bioloog en woont met twee katten bij de haven. Ze leest graag en kookt voor vrienden."),
}


def test_every_language_has_a_labelled_bio() -> None:
    assert set(LABELLED_BIOS) == set(lexicon.lexicons())


def _story_closed_by(language: str, closing: list[str], suffix: str) -> tuple[list[str], str]:
    """The fixture's story with ``closing`` after it: in a page, the first line a heading."""
    title, *story = (CLOSING / f"{language}.txt").read_text().split("\n\n")[:4]
    if suffix == "txt":
        body = "\n\n".join([title, *story, *closing]) + "\n"
    else:
        first, *rest = closing
        body = (f"<html lang='{language}'><head><meta charset='utf-8'><title>{title}</title></head><body>"
                f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in story)
                + (f"<h3>{first}</h3>" if rest else f"<p>{first}</p>") + "".join(f"<p>{p}</p>" for p in rest)
                + "</article></body></html>")
    outcome = process_one(Document(f"x.{suffix}", body.encode()), SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    return story, outcome.article.text


@pytest.mark.parametrize("suffix", ["txt", "html"])
@pytest.mark.parametrize("language", sorted(LABELLED_BIOS))
def test_a_bio_under_its_label_is_not_the_story(language: str, suffix: str) -> None:
    """"About the author", then "Mary Brock is a scientist who works on drugs…": no job at
    the paper is named, and the bio was kept as the story's last paragraph."""
    label, bio = LABELLED_BIOS[language]
    for closing in ([label, bio], [f"{label}: {bio}"]):
        story, text = _story_closed_by(language, closing, suffix)
        assert text.split("\n\n") == story, closing


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_a_long_section_about_a_books_author_is_the_story(suffix: str) -> None:
    """A review's closing section on the author of the book runs long: it is the story's."""
    section = " ".join(["Her first novel, written on the night ferry between the islands over six winters, "
                        "was turned down by eleven publishers before a small press in Leith took it on."] * 6)
    story, text = _story_closed_by("en", ["About the author", section], suffix)
    assert text.split("\n\n")[:3] == story and section in text


# A press release's or a blog's closing box on the company or the author, under "About"
# and a name, in every language.
ABOUT_BOXES = {
    "en": ("About Harbour Ferries Ltd", "Harbour Ferries runs eleven routes between the islands and the mainland and employs 400 people."),
    "de": ("Über Hafenfähren GmbH", "Hafenfähren betreibt elf Linien zwischen den Inseln und dem Festland und beschäftigt 400 Menschen."),
    "fr": ("À propos de Bacs du Port", "Bacs du Port exploite onze lignes entre les îles et le continent et emploie 400 personnes."),
    "es": ("Acerca de Ferris del Puerto", "Ferris del Puerto opera once rutas entre las islas y el continente y emplea a 400 personas."),
    "it": ("Informazioni su Traghetti del Porto", "Traghetti del Porto gestisce undici linee tra le isole e la terraferma e impiega 400 persone."),
    "pt": ("Sobre Balsas do Porto", "Balsas do Porto opera onze linhas entre as ilhas e o continente e emprega 400 pessoas."),
    "nl": ("Over Havenveren BV", "Havenveren vaart op elf lijnen tussen de eilanden en het vasteland en heeft 400 mensen in dienst."),
}


def test_every_language_has_an_about_box() -> None:
    assert set(ABOUT_BOXES) == set(lexicon.lexicons())


@pytest.mark.parametrize("suffix", ["txt", "html"])
@pytest.mark.parametrize("language", sorted(ABOUT_BOXES))
def test_a_closing_box_about_the_company_is_not_the_story(language: str, suffix: str) -> None:
    story, text = _story_closed_by(language, list(ABOUT_BOXES[language]), suffix)
    assert text.split("\n\n") == story


def test_a_closing_section_that_is_no_name_stays() -> None:
    """"About the study" heads the story's own last section: no name follows "About"."""
    closing = ["About the study", "The survey asked 2,000 islanders how often they took the ferry in 2023."]
    story, text = _story_closed_by("en", closing, "html")
    assert text.split("\n\n") == [*story, *closing]
