"""Stage 5: extractive summaries with sumy, offline, bounded in time.

Every sumy algorithm can be chosen.  Their cost grows with the square of the
sentence count or worse (KL is cubic), so each one sees at most ``CAPS[name]``
sentences: news puts what matters first, so the cap costs little.  The default,
``news``, rates sentences with LexRank centrality (over sumy's tokens, stems and
stop words, computed with numpy) blended with a lead prior and title overlap,
and drops near-duplicates.

Each summary sentence is found verbatim in its block, with offsets, so the
reader can highlight it in place.
"""

from __future__ import annotations

import os

# LSA's SVD on a busy 2-core machine is 20-50x slower with threaded BLAS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .language import stopwords
from .models import Block, SummarySentence
from .settings import ALGORITHMS
from .tokenize import OfflineTokenizer

CAPS = {"news": 400, "lexrank": 120, "textrank": 150, "lsa": 150, "luhn": 300, "edmundson": 300,
        "sumbasic": 150, "kl": 40, "reduction": 120, "lead": 10_000}


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
    from sumy.nlp.stemmers import Stemmer

    from .language import LANGUAGE_NAMES

    try:
        return Stemmer(LANGUAGE_NAMES.get(language, "english"))
    except LookupError:
        return str.lower


def _terms(text: str, language: str) -> list[str]:
    stem = _stemmer(language)
    stop = stopwords(language)
    tokens = OfflineTokenizer(language).to_words(text)
    return [stem(w.lower()) for w in tokens if w.lower() not in stop]


_QUOTE_ONLY = re.compile(r"^[\"“„«']")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))?\s*[-–—:]\s")


def _news_scores(sentences: list[_Sentence], title: str | None, language: str) -> list[float]:
    """Centrality (LexRank) + lead prior + title overlap + shape, each in [0, 1]."""
    import numpy as np

    bags = [_terms(s.text, language) for s in sentences]
    vocab: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            vocab.setdefault(term, len(vocab))
    n = len(sentences)
    if not vocab:
        return [1.0 / (i + 1) for i in range(n)]
    tf = np.zeros((n, len(vocab)))
    for row, bag in enumerate(bags):
        for term in bag:
            tf[row, vocab[term]] += 1.0
    df = (tf > 0).sum(axis=0)
    idf = np.log((n + 1) / (df + 0.5))
    vectors = tf * idf
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    similarity = unit @ unit.T
    # LexRank: PageRank over the thresholded similarity graph.
    graph = (similarity > 0.1).astype(float)
    degree = graph.sum(axis=1, keepdims=True)
    degree[degree == 0] = 1.0
    transition = 0.15 / n + 0.85 * graph / degree
    rank = np.full(n, 1.0 / n)
    for _ in range(50):
        updated = transition.T @ rank
        if np.abs(updated - rank).sum() < 1e-6:
            rank = updated
            break
        rank = updated
    centrality = rank / rank.max()
    title_terms = set(_terms(title or "", language))
    scores: list[float] = []
    for i, sentence in enumerate(sentences):
        position = 1.0 / math.sqrt(1.0 + i)
        overlap = len(title_terms & set(bags[i])) / len(title_terms) if title_terms else 0.0
        words = len(sentence.text.split())
        shape = 1.0
        if words < 8 or sentence.heading:
            shape = 0.3
        elif words > 60:
            shape = 0.7
        if _QUOTE_ONLY.match(sentence.text) and i > 0:
            shape *= 0.8
        if sentence.text.endswith("?") or sentence.text.endswith(":"):
            shape *= 0.6
        scores.append(shape * (0.45 * position + 0.35 * float(centrality[i]) + 0.2 * overlap))
    # Redundancy: a sentence too like a better one already chosen loses its place.
    order = sorted(range(n), key=lambda i: -scores[i])
    chosen: list[int] = []
    for i in order:
        if any(similarity[i, j] > 0.6 for j in chosen):
            scores[i] *= 0.2
        else:
            chosen.append(i)
    return scores


def _sumy_ranked(
    name: str, sentences: list[_Sentence], count: int, title: str | None, language: str
) -> list[int]:
    """Indices chosen by one of sumy's own summarizers."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import null_stemmer

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
    document = ObjectDocumentModel(paragraphs)
    summarizer = _summarizer(name, _stemmer(language) if name != "kl" else null_stemmer)
    summarizer.stop_words = stopwords(language)
    if name == "edmundson":
        summarizer.null_words = stopwords(language)
    picked = summarizer(document, count)
    index = {id(obj): i for i, obj in enumerate(objects)}
    return [index[id(s)] for s in picked if id(s) in index]


def _summarizer(name: str, stemmer: Callable[[str], str]) -> Any:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer, "edmundson": EdmundsonSummarizer, "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer, "reduction": ReductionSummarizer,
    }
    if name == "edmundson":
        # Position and title only: cue words need lists nobody has for news.
        summarizer = EdmundsonSummarizer(stemmer, cue_weight=0.0, title_weight=1.0,
                                         location_weight=1.0)
    else:
        summarizer = classes[name](stemmer)
    if name == "edmundson":
        summarizer.bonus_words = ()
        summarizer.stigma_words = ()
    return summarizer


def summary_length(total: int, sentences: int | None, ratio: float | None) -> int:
    """How many sentences: a fixed count, or a share of the story (at least one)."""
    if ratio is not None and ratio > 0:
        return max(1, min(total, round(total * ratio)))
    return max(0, min(total, sentences if sentences is not None else 3))


def summarise(
    blocks: Sequence[Block],
    *,
    sentences: int | None = 3,
    ratio: float | None = None,
    algorithm: str = "news",
    language: str = "en",
    title: str | None = None,
) -> tuple[SummarySentence, ...]:
    """Pick summary sentences from ``blocks``; they come back in story order."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    every = [s for s in split_sentences(blocks, language) if not s.heading]
    count = summary_length(len(every), sentences, ratio)
    if count == 0 or not every:
        return ()
    pool = every[: CAPS[algorithm]]
    if count >= len(pool) or algorithm == "lead":
        picked = list(range(min(count, len(pool))))
    elif algorithm == "news":
        scores = _news_scores(pool, title, language)
        picked = sorted(range(len(pool)), key=lambda i: -scores[i])[:count]
    else:
        picked = _sumy_ranked(algorithm, pool, count, title, language)
    return tuple(
        SummarySentence(pool[i].text, pool[i].block, pool[i].start, pool[i].end)
        for i in sorted(set(picked))
    )
