import time

from newsreader.core.language import detect_language
from newsreader.core.models import Block
from newsreader.core.summarise import ALGORITHMS, summarise

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
