"""Find publication dates in the forms pages print them."""

from __future__ import annotations

import datetime as dt
import re

from newsreader.core import lexicon

_MONTHS = lexicon.months()  # name prefixes of every language, prefix-matched
_MONTH_NAMES = sorted(_MONTHS, key=len, reverse=True)
_MONTH_RE = "(?:" + "|".join(re.escape(m) for m in _MONTH_NAMES) + r")[a-zéûäç]*\.?"
MONTH_NAME = _MONTH_RE  # a month's name or abbreviation, in any language the lexicon has

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s+(?:de\s+)?({_MONTH_RE})\s+(?:de\s+)?(\d{{4}})", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_DE_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_RE})\s*(\d{{4}})", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")


def _month(name: str) -> int | None:
    name = name.lower().rstrip(".")
    for key in _MONTH_NAMES:
        if name.startswith(key):
            return _MONTHS[key]
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str | None, month_first: bool = False) -> dt.date | None:
    """The first plausible date in ``text``, or None.

    Numeric dates are read day-first (as most of the world writes them) unless the first
    number cannot be a day-first month, as in US ``11/19/2024``, or the page is American
    (``month_first``) and writes the date with slashes (``3/4/2024`` is 4 March there).
    """
    if not text or not _YEAR.search(text):  # every form below writes a year: most lines end here
        return None
    text = text.strip()
    found: list[tuple[int, dt.date]] = []
    for match in _ISO.finditer(text):
        date = _make(int(match[1]), int(match[2]), int(match[3]))
        if date:
            found.append((match.start(), date))
    for match in _NUMERIC.finditer(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        us = month_first and "/" in match[0] and first <= 12
        date = _make(year, second, first) if second <= 12 and not us else _make(year, first, second)
        if date:
            found.append((match.start(), date))
    for pattern in (_DAY_MONTH_YEAR, _DE_DAY_MONTH):
        for match in pattern.finditer(text):
            month = _month(match[2])
            date = _make(int(match[3]), month, int(match[1])) if month else None
            if date:
                found.append((match.start(), date))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _month(match[1])
        date = _make(int(match[3]), month, int(match[2])) if month else None
        if date:
            found.append((match.start(), date))
    return min(found, key=lambda item: item[0])[1] if found else None


def has_date(text: str) -> bool:
    return parse_date(text) is not None
