"""Stage 5: extractive summaries with sumy, offline, bounded in time.

Every sumy algorithm can be chosen.  Their cost grows with the square of the
sentence count or worse (KL is cubic), so each one sees at most ``CAPS[name]``
sentences: news puts what matters first, so the cap costs little.  The default,
``news``, is the lead, shaped: sentences in order, skipping fragments, run-ons and
near-repeats (TF-IDF cosine over sumy's stems and stop words), with centrality to
fill any gap.

Each summary sentence is found verbatim in its block, with offsets, so the
reader can highlight it in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from newsreader.core.lexicon.language import stopwords
from newsreader.core.models import Block, SummarySentence
from newsreader.core.settings import ALGORITHMS
from newsreader.core.summarise.sentences import OfflineTokenizer
from newsreader.core.wordcount import count_words

CAPS = {"news": 400, "lexrank": 100, "textrank": 100, "lsa": 120, "luhn": 150, "edmundson": 250,
        "sumbasic": 150, "kl": 40, "reduction": 100, "lead": 10_000}


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    block: int
    start: int
    end: int
    heading: bool


def split_sentences(blocks: Sequence[Block], language: str = "en") -> list[_Sentence]:
    """Sentences of every block, located verbatim in their block's text."""
    tokenizer = OfflineTokenizer(language)
    found: list[_Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind == "code":
            continue
        cursor = 0
        for sentence in tokenizer.to_sentences(block.text):
            start = block.text.find(sentence, cursor)
            if start < 0:
                continue
            end = start + len(sentence)
            cursor = end
            found.append(_Sentence(sentence, index, start, end, block.kind == "heading"))
    return found


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for the language, remembering its words: news repeats them, and
    the Snowball stemmer was a sixth of the time a page took to clean."""
    from sumy.nlp.stemmers import Stemmer

    from newsreader.core.lexicon.language import LANGUAGE_NAMES

    try:
        stemmer: Callable[[str], str] = Stemmer(LANGUAGE_NAMES.get(language, "english"))
    except LookupError:
        return str.lower
    return lru_cache(maxsize=50_000)(stemmer)


def _terms(text: str, language: str) -> list[str]:
    stem = _stemmer(language)
    stop = stopwords(language)
    tokens = OfflineTokenizer(language).to_words(text)
    return [stem(w.lower()) for w in tokens if w.lower() not in stop]


def _similarity(sentences: list[_Sentence], language: str) -> Any:
    """Cosine similarity of TF-IDF vectors over sumy's stems, without stop words."""
    import numpy as np

    bags = [_terms(s.text, language) for s in sentences]
    vocab: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            vocab.setdefault(term, len(vocab))
    n = len(sentences)
    tf = np.zeros((n, max(1, len(vocab))))
    for row, bag in enumerate(bags):
        for term in bag:
            tf[row, vocab[term]] += 1.0
    idf = np.log((n + 1) / ((tf > 0).sum(axis=0) + 0.5))
    vectors = tf * idf
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    return unit @ unit.T


MIN_WORDS = 8  # shorter "sentences" are bylines, datelines, captions or fragments
MAX_WORDS = 60  # longer ones are run-ons or lists glued together
REDUNDANT = 0.6  # cosine above which a sentence only repeats one already chosen


def _news_pick(sentences: list[_Sentence], count: int, language: str) -> list[int]:
    """The lead, shaped: news puts the summary first, so take sentences in order,
    skipping fragments, run-ons and repeats; fill any gap by LexRank centrality.

    Measured on SummEval (human highlights) this beats Lead-3 on R-1, R-2 and R-L,
    and every centrality blend tried scored below Lead-3 there (benchmarks/README.md).
    """
    import numpy as np

    window = sentences[: max(count * 4, 12)]
    similarity = _similarity(window, language)
    chosen: list[int] = []
    for i, sentence in enumerate(window):
        if len(chosen) == count:
            break
        n = count_words(sentence.text)
        if not MIN_WORDS <= n <= MAX_WORDS or any(similarity[i, j] > REDUNDANT for j in chosen):
            continue
        chosen.append(i)
    if len(chosen) < count:
        graph = (similarity > 0.1).astype(float)
        centrality = graph.sum(axis=1)
        for i in np.argsort(-centrality):
            if len(chosen) == count:
                break
            if int(i) not in chosen:
                chosen.append(int(i))
    return chosen


def _sumy_ranked(
    name: str, sentences: list[_Sentence], count: int, title: str | None, language: str
) -> list[int]:
    """Indices chosen by one of sumy's own summarizers."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = OfflineTokenizer(language)
    objects = [Sentence(s.text, tokenizer, is_heading=s.heading) for s in sentences]
    paragraphs: list[Any] = []
    if title:
        paragraphs.append(Paragraph([Sentence(title, tokenizer, is_heading=True)]))
    current: list[Any] = []
    last_block = -1
    for sentence, obj in zip(sentences, objects, strict=True):
        if sentence.block != last_block and current:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(obj)
        last_block = sentence.block
    if current:
        paragraphs.append(Paragraph(current))
    picked = _summarizer(name, language)(ObjectDocumentModel(paragraphs), count)
    index = {id(obj): i for i, obj in enumerate(objects)}
    return [index[id(s)] for s in picked if id(s) in index]


def _summarizer(name: str, language: str) -> Any:
    """One of sumy's summarizers, with this language's stemmer and stop words."""
    from sumy.nlp.stemmers import null_stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    stemmer = null_stemmer if name == "kl" else _stemmer(language)
    if name == "edmundson":
        # Position and title only: cue words need lists nobody has for news.
        summarizer = EdmundsonSummarizer(stemmer, cue_weight=0.0, title_weight=1.0,
                                         location_weight=1.0)
        summarizer.bonus_words = ()
        summarizer.stigma_words = ()
        summarizer.null_words = stopwords(language)
    else:
        classes = {
            "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
            "luhn": LuhnSummarizer, "sumbasic": SumBasicSummarizer, "kl": KLSummarizer,
            "reduction": ReductionSummarizer,
        }
        summarizer = classes[name](stemmer)
    summarizer.stop_words = stopwords(language)
    return summarizer


def summary_length(total: int, sentences: int | None, ratio: float | None,
                   max_sentences: int | None = None) -> int:
    """How many sentences: a forced count, or a share of the story (at least one, at most
    ``max_sentences``)."""
    if sentences is not None:
        return max(0, min(total, sentences))
    share = max(1, round(total * (ratio if ratio and ratio > 0 else 0.2)))
    return min(total, share, max_sentences) if max_sentences else min(total, share)


def summarise(
    blocks: Sequence[Block],
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    algorithm: str = "news",
    language: str = "en",
    title: str | None = None,
    max_sentences: int | None = None,
) -> tuple[SummarySentence, ...]:
    """Pick summary sentences from ``blocks``; they come back in story order."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    every = [s for s in split_sentences(blocks, language) if not s.heading]
    count = summary_length(len(every), sentences, ratio, max_sentences)
    if count == 0 or not every:
        return ()
    pool = every[: CAPS[algorithm]]
    if count >= len(pool) or algorithm == "lead":
        picked = list(range(min(count, len(pool))))
    elif algorithm == "news":
        picked = _news_pick(pool, count, language)
    else:
        picked = _sumy_ranked(algorithm, pool, count, title, language)
    return tuple(
        SummarySentence(pool[i].text, pool[i].block, pool[i].start, pool[i].end)
        for i in sorted(set(picked))
    )
