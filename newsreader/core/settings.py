"""Settings shared by the pipeline, the config and the CLI (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

ALGORITHMS = ("news", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl",
              "reduction", "lead")


@dataclass(frozen=True, slots=True)
class SummarySettings:
    enabled: bool = True
    sentences: int | None = 3
    ratio: float | None = None
    algorithm: str = "news"
    language: str | None = None  # None: detect from the text
