"""Saved e-mail: a newsletter or a list post kept as a file (.eml, an archive's text).

Its headers say what a page says in its <head>: the subject is the title, the sender the
byline, the Date header the date.  Its body is the story, perhaps one part of several,
perhaps in base64 or quoted-printable: the standard library's e-mail parser reads all of
that, and the body goes on to the usual readers as a document of its own.  The HTML part
is read when there is one: it keeps the headings and links (and the blurbs of a
newsletter) that the plain part flattens.  A web page a browser saved as MHTML is the same
format: its page is read, at the address it was saved from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Literal

from newsreader.core.models import DecodedDocument

# A header line, or the mbox separator ("From jane@example.org Tue Mar  3 10:00:00 2020").
_HEADER = re.compile(r"^(?:[A-Za-z][\w-]*:[ \t]|From [^\s:]+ )")
_FOLDED = re.compile(r"^[ \t]+\S")


@dataclasses.dataclass(frozen=True, slots=True)
class MailHead:
    subject: str | None
    author: str | None
    date: dt.date | None


def _header_names(text: str) -> set[str] | None:
    """The names in the block of header lines the text opens with, or None when it does
    not open with one (every line a header or a folded continuation, up to a blank line)."""
    if not _HEADER.match(text):
        return None  # (nearly every document: one match, no split)
    names: set[str] = set()
    lines = text[:65536].splitlines()
    for i, line in enumerate(lines[:200]):
        if not line.strip():
            return names if i else None
        if _HEADER.match(line):
            names.add(line.split(":", 1)[0].split(" ", 1)[0].lower())
        elif not (names and _FOLDED.match(line)):
            return None
    return None


def read_mail(doc: DecodedDocument) -> tuple[DecodedDocument, MailHead] | None:
    """The body of a saved e-mail as a document of its own, and what its headers say; None
    for anything that does not open with mail headers (From, and a Subject or a Date)."""
    text = doc.text.lstrip("\ufeff")
    names = _header_names(text)
    if names is None or "from" not in names or not names & {"subject", "date"}:
        return None
    message = email.message_from_string(text, policy=email.policy.default)
    if not isinstance(message, EmailMessage):
        return None
    part = message.get_body(preferencelist=("html", "plain")) if message.is_multipart() else message
    if not isinstance(part, EmailMessage):
        return None
    try:
        body = part.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken transfer encoding
        body = part.get_payload(decode=False)
    if not isinstance(body, str):
        return None
    kind: Literal["html", "text"] = "html" if part.get_content_type() == "text/html" else "text"
    location = str(message.get("snapshot-content-location") or part.get("content-location") or "").strip()
    url = location if location.startswith(("http://", "https://")) else None
    if "snapshot-content-location" in message or message.get_content_type() == "multipart/related":
        # A web page saved by a browser (MHTML): the headers tell of the saving, not the
        # story, so the page's own title, byline and date stand.
        head = MailHead(subject=None, author=None, date=None)
    else:
        head = MailHead(subject=str(message.get("subject", "")).strip() or None,
                        author=_author(str(message.get("from", ""))), date=_date(message))
    return dataclasses.replace(doc, text=body, kind=kind, url=doc.url or url), head


def _author(sender: str) -> str | None:
    """The sender's name ("Jane Doe <jane@…>"); a bare address names no one."""
    name, _ = parseaddr(sender)
    return name.strip().strip('"') or None


def _date(message: EmailMessage) -> dt.date | None:
    try:
        header = message.get("date")
        when = getattr(header, "datetime", None)
    except (TypeError, ValueError, IndexError):
        return None
    return when.date() if isinstance(when, dt.datetime) else None
