"""Feed dates to UTC: RFC 822 and its real-world variants, RFC 3339 / W3C-DTF, asctime.

Feeds write dates every way there is: offsets as ``+0100`` or ``+01:00`` or ``GMT+1``,
named zones (``EST``, ``MEST``, US one-letter-less ``ET``/``PT``), no seconds, two-digit
years, no time at all, or only a year.  A partial date means the start of its period.
What cannot be read is None; the store then uses the time the item was first seen.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# Zone names seen in feeds, in hours east of UTC.  Single-letter military zones are
# left out: "A" or "Z" in a date line is more often noise than a zone.
_ZONES = {
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "ist": 1, "cet": 1, "met": 1,
    "cest": 2, "mest": 2, "mesz": 2, "eet": 2, "eest": 3, "msk": 3,
    "at": -4, "ast": -4, "adt": -3, "et": -5, "est": -5, "edt": -4, "ct": -6, "cst": -6, "cdt": -5,
    "mt": -7, "mst": -7, "mdt": -6, "pt": -8, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8,
    "hst": -10, "nzst": 12, "nzdt": 13, "aest": 10, "aedt": 11, "acst": 9.5, "awst": 8, "jst": 9,
    "kst": 9, "hkt": 8, "sgt": 8, "ict": 7,
}

_OFFSET = r"(?P<zone>[+-]\d{1,2}(?::?\d{2})?|(?:gmt|utc|ut|etc/gmt)?\s*[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5}(?:/[a-z_]+)?)"
_RFC822 = re.compile(
    r"^(?:[a-z]{2,10}\.?,?\s*)?"                      # weekday, any language's, or none
    r"(?P<day>\d{1,2})\s*[-\s]\s*(?P<month>[a-z]{3,10})\.?,?\s*[-\s]\s*(?P<year>\d{2,4}),?"
    r"(?:\s+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?:(?P<ampm>[ap])\.?m\.?)?"
    rf"(?:\s*{_OFFSET})?)?\s*$",
    re.IGNORECASE,
)
# "Thu Aug 30 2012 17:26:16 +0200", asctime "Sun Jan  4 16:29:06 2004", "Sun Jul 15 01:16:00 +0000 2012"
_MONTH_FIRST = re.compile(
    r"^(?:[a-z]{2,10},?\s+)?(?P<month>[a-z]{3,10})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?:(?P<year>\d{4})\s+)?(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?"
    rf"(?:\s*{_OFFSET})?(?:\s+(?P<year2>\d{{4}}))?\s*$",
    re.IGNORECASE,
)
_W3CDTF = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{1,3})(?:-(?P<day>\d{1,2}))?)?"
    r"(?:[T\s]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*"
    r"(?P<zone>z|[+-]\d{2}(?::?\d{2})?)?)?\s*$",
    re.IGNORECASE,
)
# Compact ISO 8601: "20031231T101455Z", "031231"
_COMPACT = re.compile(r"^(?P<year>\d{4}|\d{2})(?P<month>\d{2})(?P<day>\d{2})"
                      r"(?:T(?P<h>\d{2})(?P<m>\d{2})(?P<s>\d{2})?(?P<zone>z|[+-]\d{4})?)?$", re.IGNORECASE)
# "Fri, 2006/09/15 08:19:53 EDT" and "2006/09/15 08:19" (Perforce-style)
_SLASHED = re.compile(r"^(?:[a-z]{2,10},?\s+)?(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"
                      rf"(?:\s+(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::(?P<s>\d{{2}}))?(?:\s*{_OFFSET})?)?\s*$", re.IGNORECASE)


_COMMON_ZONES = {"GMT": 0.0, "UTC": 0.0, "Z": 0.0, "+0000": 0.0, "-0000": 0.0, "+00:00": 0.0}


def _offset_seconds(zone: str | None) -> float | None:
    """Seconds east of UTC, or None for a zone nobody can read."""
    if not zone:
        return 0.0
    common = _COMMON_ZONES.get(zone)
    if common is not None:
        return common
    text = zone.strip().lower().replace(" ", "")
    if text.startswith("etc/"):
        text = text[4:]
    for prefix in ("gmt", "utc", "ut"):
        if text.startswith(prefix) and len(text) > len(prefix) and text[len(prefix)] in "+-":
            text = text[len(prefix):]
    if text in _ZONES:
        return _ZONES[text] * 3600.0
    match = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if not match:
        return None
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return sign * (hours * 3600 + minutes * 60.0)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # RFC 822's two-digit years: 69-99 are the 1900s, the rest the 2000s
        year += 1900 if year >= 69 else 2000
    return year


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


def _stamp(year: int, month: int, day: int, h: int, m: int, s: int, offset: float) -> float | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and h <= 24 and m <= 59 and s <= 60):
        return None
    if day > 28 and day > calendar.monthrange(year, month)[1]:
        return None
    return calendar.timegm((year, month, day, h, m, min(s, 59), 0, 0, 0)) - offset


def _from_parts(match: re.Match[str], month: int | None, year: int) -> float | None:
    if month is None:
        return None
    parts = match.groupdict()
    h, m, s = int(parts.get("h") or 0), int(parts.get("m") or 0), int(parts.get("s") or 0)
    ampm = (parts.get("ampm") or "").lower()
    if ampm == "p" and h < 12:
        h += 12
    elif ampm == "a" and h == 12:
        h = 0
    offset = _offset_seconds(parts.get("zone"))
    if offset is None:
        return None
    return _stamp(year, month, int(parts.get("day") or 1), h, m, s, offset)


def parse_timestamp(value: str | None) -> float | None:
    """A feed's date text as Unix time (UTC), or None.  The common forms are read here;
    the rare ones (Korean, Greek, Hungarian, truncated ISO 8601) by feedparser's readers."""
    stamp = _parse_common(value)
    if stamp is None and value and str(value).strip():
        stamp = _parse_rare(str(value))
    return stamp


def _parse_rare(text: str) -> float | None:
    """Korean, Greek and Hungarian dates, and ISO 8601's truncated forms ("-0312",
    "03335"), by feedparser's own readers for them.  Its catch-all reader is not used: it
    reads "2013-xx-27" as a date, and a wrong date is worse than none."""
    try:
        from feedparser.datetimes import (  # private modules, guarded
            greek,
            hungarian,
            iso8601,
            korean,
        )
    except ImportError:
        return None
    readers = [korean._parse_date_onblog, korean._parse_date_nate, greek._parse_date_greek,
               hungarian._parse_date_hungarian]
    if re.fullmatch(r"-?\d{2,4}(?:-?\d{2,3}){0,2}", text.strip()):
        readers.append(iso8601._parse_date_iso8601)
    for reader in readers:
        try:
            parsed = reader(text)
            if parsed:
                return float(calendar.timegm(parsed))
        except Exception:  # its readers raise on some garbage (and year 10000); no date
            continue
    return None


# The two forms nearly every feed writes, read without the general patterns' cost.
_CANONICAL_822 = re.compile(r"(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC|Z|[+-]\d{4})")
_CANONICAL_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})")


def _canonical(text: str) -> float | None:
    if match := _CANONICAL_822.fullmatch(text):
        month = _MONTHS.get(match.group(2).lower())
        zone = match.group(7)
        if month is None:
            return None
        offset = 0
        if zone[0] in "+-":
            hours, minutes = int(zone[1:3]), int(zone[3:5])
            if hours > 14 or minutes > 59:
                return None
            offset = (-1 if zone[0] == "-" else 1) * (hours * 3600 + minutes * 60)
        return _stamp(int(match.group(3)), month, int(match.group(1)), int(match.group(4)),
                      int(match.group(5)), int(match.group(6)), offset)
    if _CANONICAL_ISO.fullmatch(text):
        try:
            return float(math.floor(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()))
        except ValueError:
            return None
    return None


def _parse_common(value: str | None) -> float | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    if not text or len(text) > 80:
        return None
    fast = _canonical(text)
    if fast is not None:
        return fast
    if match := _RFC822.match(text):
        return _from_parts(match, _month(match.group("month")), _year(match.group("year")))
    if match := _W3CDTF.match(text):
        year = int(match.group("year"))
        month_text = match.group("month")
        if month_text and len(month_text) == 3:  # "2003-012-31": a zero-padded month
            month_text = month_text.lstrip("0") or "0"
        return _from_parts(match, int(month_text or 1), year)
    if match := _COMPACT.match(text):
        return _from_parts(match, int(match.group("month")), _year(match.group("year")))
    if match := _MONTH_FIRST.match(text):
        year_text = match.group("year") or match.group("year2")
        return _from_parts(match, _month(match.group("month")), int(year_text)) if year_text else None
    if match := _SLASHED.match(text):
        return _from_parts(match, int(match.group("month")), int(match.group("year")))
    return None
