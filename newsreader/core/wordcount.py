"""How many words a text holds, in scripts that put spaces between words and in those that
do not: one count for reading times, summary lengths, the store and the cleaning rules."""

from __future__ import annotations

import re

_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Thai, Lao, Myanmar and Khmer write words together too, and put a space between phrases
# or sentences: a paragraph of 60 words has a handful of spaces.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_EITHER = re.compile(f"{_CJK.pattern}|{_UNSPACED.pattern}")


def count_words(text: str) -> int:
    """Words split by spaces; Chinese and Japanese write without spaces, so two of their
    characters count as a word (Korean's syllable blocks too, as before); in Thai, Lao,
    Myanmar and Khmer five characters (vowel and tone marks included) do."""
    spaced = len(text.split())
    if text.isascii() or not _EITHER.search(text):  # (most text: one scan, as before)
        return spaced
    return spaced + len(_CJK.findall(text)) // 2 + len(_UNSPACED.findall(text)) // 5
