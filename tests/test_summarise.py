import time

from newsreader.core.lexicon.language import detect_language
from newsreader.core.models import Block
from newsreader.core.summarise.algorithms import ALGORITHMS, summarise

STORY = [
    Block("paragraph", "The city council voted on Monday to close the old swimming pool. "
          "The decision followed two years of debate. Officials cited repair costs of $4 million."),
    Block("heading", "What residents say"),
    Block("paragraph", "Many residents opposed the closure of the swimming pool. "
          "\"It is where my children learned to swim,\" said Ana Ruiz. A petition drew 3,000 names."),
    Block("paragraph", "The council said a new pool could open in 2027. Funding is not yet secured."),
]


def test_every_algorithm_gives_verbatim_located_sentences() -> None:
    for name in ALGORITHMS:
        summary = summarise(STORY, sentences=2, algorithm=name, title="Council closes pool")
        assert len(summary) == 2, name
        for sentence in summary:
            block = STORY[sentence.block]
            assert block.text[sentence.start:sentence.end] == sentence.text
            assert block.kind != "heading"
        assert [s.block for s in summary] == sorted(s.block for s in summary)


def test_ratio_sets_length() -> None:
    assert len(summarise(STORY, ratio=0.5)) == 4  # 8 sentences
    assert len(summarise(STORY, sentences=0)) == 0


def test_long_article_is_bounded() -> None:
    blocks = [Block("paragraph", f"Sentence number {i} talks about topic {i % 7} and budget {i}.")
              for i in range(600)]
    for name in ALGORITHMS:
        started = time.perf_counter()
        assert summarise(blocks, sentences=3, algorithm=name)
        # a generous ceiling: only a runaway (unbounded) algorithm trips it
        assert time.perf_counter() - started < 30, name


def test_language_detection() -> None:
    assert detect_language("Die Stadtwerke erhöhen die Preise, wie das Unternehmen am Mittwoch mitteilte und sagte, dass es nicht anders gehe.") == "de"
    assert detect_language("Le conseil municipal a voté pour la fermeture de la piscine, qui était trop chère.") == "fr"
    assert detect_language("El ayuntamiento votó el lunes para cerrar la piscina, que era muy cara para la ciudad.") == "es"
    assert detect_language("De gemeenteraad heeft maandag besloten het zwembad te sluiten, want het is te duur.") == "nl"
    assert detect_language("Il consiglio comunale ha votato per chiudere la piscina, che era troppo cara per la città.") == "it"
    assert detect_language("A câmara votou na segunda-feira para fechar a piscina, que era muito cara para a cidade.") == "pt"
    assert detect_language("The council voted on Monday to close the pool because it was too expensive.") == "en"


SAMPLES = {
    "de": "Die Stadtwerke erhöhen zum 1. Mai die Preise für Fernwärme. Das Unternehmen nannte höhere Kosten als Grund. "
          "Der Mieterverein kritisierte die Entscheidung scharf. Die Stadt prüft nun einen Zuschuss für Haushalte.",
    "fr": "Le conseil municipal a voté lundi la fermeture de la piscine. La décision a été prise après deux ans de débats. "
          "Les habitants ont exprimé leur colère devant la mairie. Une nouvelle piscine pourrait ouvrir en 2027.",
    "es": "El ayuntamiento aprobó el lunes el cierre de la piscina municipal. La decisión llegó tras dos años de debate. "
          "Los vecinos protestaron frente al edificio del gobierno local. Una nueva piscina podría abrir en 2027.",
    "it": "Il consiglio comunale ha approvato lunedì la chiusura della piscina. La decisione è arrivata dopo due anni di discussioni. "
          "I residenti hanno protestato davanti al municipio. Una nuova piscina potrebbe aprire nel 2027.",
    "pt": "A câmara municipal aprovou na segunda-feira o encerramento da piscina. A decisão surgiu após dois anos de debate. "
          "Os moradores protestaram em frente à câmara. Uma nova piscina poderá abrir em 2027.",
    "nl": "De gemeenteraad heeft maandag besloten het zwembad te sluiten. Het besluit kwam na twee jaar van discussie. "
          "De bewoners protesteerden voor het gemeentehuis. Een nieuw zwembad kan in 2027 opengaan.",
}


def test_languages_split_stem_and_summarise_offline() -> None:
    from newsreader.core.models import Article
    from newsreader.core.pipeline import SummarySettings, add_summary
    from newsreader.core.summarise.algorithms import _stemmer, split_sentences

    for code, text in SAMPLES.items():
        article = add_summary(Article(title="x", blocks=(Block("paragraph", text),)), SummarySettings(sentences=2, algorithm="lexrank"))
        assert article.language == code, code
        assert len(split_sentences(article.blocks, code)) == 4, code  # "1. Mai" is not a sentence end
        assert len(article.summary) == 2
        assert _stemmer(code)("protestaron" if code == "es" else "entscheidungen") != ""
    forced = add_summary(Article(blocks=(Block("paragraph", SAMPLES["fr"]),)), SummarySettings(language="de"))
    assert forced.language == "de"  # the config overrides detection
