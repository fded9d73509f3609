"""Settings shared by the pipeline, the config and the CLI (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

ALGORITHMS = ("news", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl",
              "reduction", "lead")


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """A summary follows the article: a share of its sentences (``ratio``, at least one, at
    most ``max_sentences``), and none at all under ``min_words``, where it would repeat
    most of the story.  ``sentences`` forces a count instead."""

    enabled: bool = True
    sentences: int | None = None  # None: follow the article
    ratio: float = 0.2
    algorithm: str = "news"
    language: str | None = None  # None: detect from the text
    max_sentences: int = 5
    min_words: int = 150
