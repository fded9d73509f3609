"""Article bodies, kept compact: zlib-compressed JSON in their own table, so the rows
the lists scan stay narrow, and the search index holds the words (FTS5 contentless).

The SQL functions registered on every connection live here too: ``item_text`` (an
article's text, for ``text:/regex/``) and ``regexp`` (SQLite's REGEXP operator).
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import zlib

LEVEL = 6  # zlib's default: 3-4x on news prose; level 9 saves a few percent for twice the time


def pack(text: str | None) -> bytes | None:
    return zlib.compress(text.encode("utf-8"), LEVEL) if text else None


def unpack(blob: bytes | str | None) -> str | None:
    if blob is None:
        return None
    if isinstance(blob, str):  # a store written before bodies were compressed
        return blob
    return zlib.decompress(blob).decode("utf-8")


def article_text(blob: bytes | str | None) -> str:
    """The story's text as ``Article.text`` gives it, straight from the stored JSON: what
    the search index holds for the item."""
    if not blob:
        return ""
    return _text(blob)


@functools.lru_cache(maxsize=2048)
def _text(blob: bytes | str) -> str:
    # Cached: fifty rules with text:/regex/ over a refresh's new items read each body once.
    raw = unpack(blob)
    return "\n\n".join(block[1] for block in json.loads(raw).get("blocks", [])) if raw else ""


@functools.lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _regexp(pattern: str, value: object) -> bool:
    return value is not None and _pattern(pattern).search(str(value)) is not None


def register(db: sqlite3.Connection) -> None:
    db.create_function("regexp", 2, _regexp, deterministic=True)
    db.create_function("item_text", 1, article_text, deterministic=True)
