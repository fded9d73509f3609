"""Make untrusted text safe to show in a terminal.

Article and feed text may carry ANSI/OSC escape sequences, C0/C1 control
characters, bidi overrides and zero-width characters.  None of them may reach
the terminal: they could move the cursor, retitle the window or reorder text.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST) and two-byte escapes.  The 8-bit C1
# forms (U+009B CSI, U+009D OSC) are handled the same way.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                 # CSI
  | (?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)          # OSC
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]).*?(?:\x1b\\|\x9c|$)  # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                  # other escapes
    """,
    re.VERBOSE | re.DOTALL,
)

# Bidi embeddings, overrides and isolates, plus zero-width and invisible
# formatting characters.  ZWJ (U+200D) is kept: emoji sequences need it.
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_escapes(text: str) -> str:
    """Remove terminal escape sequences and control characters, keep \\n and \\t."""
    if text.isprintable():
        return text  # every escape, control and invisible character is non-printable
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """A single display line: safe characters, whitespace folded."""
    return " ".join(strip_escapes(text).split())


def normalise_text(text: str) -> str:
    """NFC-normalise and strip escapes; paragraph breaks survive."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return strip_escapes(text)
