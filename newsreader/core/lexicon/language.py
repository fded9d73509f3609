"""Offline language detection by stop-word ratios, for every language the lexicon has."""

from __future__ import annotations

import re
from functools import cache

from newsreader.core import lexicon

# ISO 639-1 code -> the language's English name (as sumy and NLTK call it), from the lexicon.
LANGUAGE_NAMES = {code: lex.name for code, lex in lexicon.lexicons().items()}
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _sets() -> dict[str, frozenset[str]]:
    # The 60-odd most frequent function words of each language: enough to tell them apart.
    return {code: frozenset(lex.stopwords.split()) for code, lex in lexicon.lexicons().items()}


def detect_language(text: str, default: str = "en") -> str:
    """ISO code of the likeliest supported language, judged on the first 2,000 words."""
    words = [w.lower() for w in _WORD.findall(text[:20000])][:2000]
    if len(words) < 5:
        return default
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _sets().items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= 0.08 * len(words) else default


def normalise_language(code: str | None) -> str | None:
    """'en-GB', 'English', 'de_DE' -> 'en', 'de'; unsupported -> None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    if code in LANGUAGE_NAMES:
        return code
    for iso, name in LANGUAGE_NAMES.items():
        if code == name:
            return iso
    return None


@cache
def stopwords(code: str) -> frozenset[str]:
    """Stop words for summarising: sumy's list where it has one, ours otherwise.  Cached:
    sumy reads and parses its file on every call, once a sentence (a quarter of the time
    a page took to clean)."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(LANGUAGE_NAMES[code]))
    except LookupError:
        return _sets()[code]
