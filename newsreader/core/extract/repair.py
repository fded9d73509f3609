"""Stage 1 for HTML, before parsing: repairs that keep one slip from emptying a page.

HTML parsers read a few elements as raw text up to their end tag (a title, a script, a
style, a textarea, a comment).  With that end tag missing, the rest of the document
becomes that element: the page has no body, and readability fails on it or finds nothing.
Browsers show such pages blank too; a reader can do better, since the story is right there.

  1. control characters go (lxml refuses them in text set later);
  2. an XML declaration goes (lxml refuses a decoded str that names an encoding);
  3. a <title> is closed where the first tag starts, if its end tag is missing or late;
  4. a script, style or comment left open is closed before the body starts (a script or
     style in the body: before the next block), and a textarea or iframe before the next tag.
"""

from __future__ import annotations

import re

# Control characters have no place in HTML, and lxml refuses them in any text set later
# (a heading's link unwrapped, a tag dropped): a colour escape goes whole, the rest one by one.
_CONTROLS = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_CHARS = tuple(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
# An XML declaration: the text is already decoded (decode.py reads the declared encoding
# from the bytes).
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.IGNORECASE)
_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TAG_START = re.compile(r"<[a-zA-Z/!]")
# What opens raw text; and, for each kind, what ends it.
_RAW_OPEN = re.compile(r"<(?:!--|(script|style|textarea|iframe)(?=[\s/>]))", re.IGNORECASE)
_RAW_CLOSE = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE)
              for name in ("script", "style", "textarea", "iframe")}
_TITLE_CLOSE = re.compile(r"</title", re.IGNORECASE)
_BODY_START = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)
# Where the story starts, for a script or style left open inside the body.
_BLOCK_START = re.compile(r"<(?:p|div|article|main|section|h[1-6]|table|ul|ol|blockquote)[\s>]", re.IGNORECASE)
_STOPS = {"textarea": (_TAG_START,), "iframe": (_TAG_START,), "script": (_BODY_START, _BLOCK_START),
          "style": (_BODY_START, _BLOCK_START), "comment": (_BODY_START,)}


def without_controls(text: str) -> str:
    # Looking for each character is six times faster than the pattern on pages that have
    # none, which is nearly all of them: the pattern alone cost as much as parsing.
    return _CONTROLS.sub("", text) if any(c in text for c in _CONTROL_CHARS) else text


def close_runaway_title(text: str) -> str:
    """Close a <title> whose end tag is missing or misplaced where the first tag starts:
    titles hold no tags."""
    opened = _TITLE_OPEN.search(text, 0, 65536)
    if opened is None:
        return text
    closed = _TITLE_CLOSE.search(text, opened.end())
    end = closed.start() if closed is not None else -1
    content = text[opened.end(): end if end >= 0 else len(text)]
    tag = _TAG_START.search(content)
    if tag is None and end >= 0:
        return text
    cut = opened.end() + (tag.start() if tag is not None else len(content))
    return text[:cut] + "</title>" + text[cut:]


def close_runaway_raw_text(text: str) -> str:
    """Close the script, style, textarea, iframe or comment still open at the end of the
    document, as a parser reads it (inside a script, "<!--" and "<style>" are text)."""
    pos = 0
    while (opened := _RAW_OPEN.search(text, pos)) is not None:
        kind = (opened.group(1) or "comment").lower()
        if kind == "comment":
            end = text.find("-->", opened.end())
            if end < 0:
                return _close(text, kind, opened.end())
            pos = end + 3
        else:
            closed = _RAW_CLOSE[kind].search(text, opened.end())
            if closed is None:
                return _close(text, kind, text.find(">", opened.end()) + 1 or len(text))
            pos = closed.end()
    return text


def _close(text: str, kind: str, start: int) -> str:
    """Close raw text of ``kind`` that is open from ``start``, if the page goes on after it."""
    stop = next((found for stops in _STOPS[kind] if (found := stops.search(text, start))), None)
    if stop is None:
        return text
    end = "-->" if kind == "comment" else f"</{kind}>"
    return text[:stop.start()] + end + text[stop.start():]


def repair(text: str) -> str:
    """The repairs above, in order."""
    text = _XML_DECLARATION.sub("", without_controls(text), count=1)
    return close_runaway_raw_text(close_runaway_title(text))
