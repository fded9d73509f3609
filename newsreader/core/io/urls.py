"""URL normalisation for de-duplication: one story, however it was linked."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that track the reader rather than name the page.
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|"
    r"ref_url|cmpid|cmp|campaign|source|src|at_\w+|ocid|smid|smtyp|sr_share|share|s_cid|"
    r"ito|int_source|xtor|__twitter_impression|spm|output|outputtype|amp|amp_js_v|usqp|guccounter)$",
    re.IGNORECASE,
)
_AMP_PATH = re.compile(r"(?:/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$)|-amp(?=\.html?$))", re.IGNORECASE)


# Python's URL parser raises on a host in brackets that is no IP address: a template's
# "http://[YOUR-SITE]/" in one link must not cost the page its story.
_UNREADABLE = SplitResult("", "", "", "", "")


def split_url(url: str) -> SplitResult:
    """urlsplit that never raises: an address it cannot read splits as empty."""
    try:
        return urlsplit(url)
    except ValueError:
        return _UNREADABLE


def join_url(base: str | None, href: str) -> str | None:
    """``href`` resolved against ``base``, or None for an address no parser can read."""
    try:
        url = urljoin(base or "", href)
        urlsplit(url)
    except ValueError:
        return None
    return url


# What a web address typed or copied without its scheme looks like: "www.example.com/feed".
_BARE_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)", re.IGNORECASE)


def web_address(text: str) -> str:
    """The http(s) address a user means: "example.com/feed" and the "feed:" scheme that
    subscribe buttons once used ("feed://x", "feed:https://x") are https addresses."""
    text = text.strip()
    lower = text.lower()
    if lower.startswith("feed:"):
        rest = text[5:]
        return rest if rest.lower().startswith(("http://", "https://")) else "https:" + rest
    if "://" not in text and _BARE_HOST.match(text):
        return "https://" + text
    return text


def normalise_url(url: str) -> str:
    """A key equal for the same story behind tracking, AMP and mobile variants."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if parts.scheme not in {"http", "https"}:
        return url.strip()
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))
