"""Bytes to text: BOM, then the HTTP header, then <meta charset>, then detection.

Broken bytes never raise: whatever charset wins, undecodable sequences become
U+FFFD.  Bodies that are plainly binary are refused with a one-line error.
"""

from __future__ import annotations

import codecs
import re

import webencodings

from newsreader.core.errors import ParseError
from newsreader.core.models import DecodedDocument, Document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h[1-6]|span|a\s)[\s>/]",
    re.IGNORECASE,
)
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/octet-stream",
                 "application/zip", "application/pdf", "application/gzip")
# Labels that servers send by default whether or not they are right.
_WEAK_LABELS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}


# The WHATWG Encoding Standard's labels, as browsers read them (webencodings keeps the
# table): a page labelled gb2312 is decoded as GBK, euc-kr as windows-949, shift_jis as
# windows-31j, iso-8859-9 as windows-1254, tis-620 as windows-874.  Sites have always used
# the larger sets under the smaller names (朱镕基 is not in GB 2312), and Python's codecs of
# those names turn such characters into U+FFFD.
_SUPERSET = {"gbk": "gb18030"}  # WHATWG decodes GBK with the GB18030 decoder
_NO_CODEC = {"replacement", "x-user-defined"}  # labels a browser will not decode as text


def codec_name(label: str | bytes | None) -> str | None:
    """Python's codec for a charset label, as a browser reads the label; None for a label
    nobody knows (the bytes then decide)."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    if not label.isascii():  # every charset's name is ASCII (and webencodings encodes it)
        return None
    found = webencodings.lookup(label)
    if found is not None:
        return None if found.name in _NO_CODEC else _SUPERSET.get(found.codec_info.name, found.codec_info.name)
    try:  # a Python name no browser knows ("cp936", "latin_1"): still a charset
        name = codecs.lookup(label.strip().lower()).name
    except (LookupError, ValueError):  # (ValueError: a NUL in the label)
        return None
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else _SUPERSET.get(name, name)


# What files of the common binary kinds start with: images, PDF, archives, media, fonts.
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"RIFF",
          b"OggS", b"ID3\x03", b"ID3\x04", b"fLaC", b"wOFF", b"wOF2", b"\x00\x00\x01\x00", b"7z\xbc\xaf", b"Rar!\x1a")


def utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 saved with no BOM ("Unicode" in old Windows editors): mostly ASCII text with
    every other byte NUL.  The codec, or None."""
    head = body[:512]
    if len(head) < 16:
        return None
    for codec, chars, nuls in (("utf-16-le", head[0::2], head[1::2]), ("utf-16-be", head[1::2], head[0::2])):
        printable = sum(1 for b in chars if 32 <= b < 127 or b in (9, 10, 13))
        if nuls.count(0) >= 0.9 * len(nuls) and printable >= 0.8 * len(chars):
            return codec
    return None


def looks_binary(body: bytes) -> bool:
    """A binary file's signature, NUL bytes beyond a stray one, or many other control bytes
    in the first 4 KiB mean binary.  A page with a stray NUL (a CMS's slip) is still a
    page: browsers show it, and so do we."""
    head = body[:4096]
    if not head or head.startswith(tuple(bom for bom, _ in _BOMS)) or utf16_without_bom(body):
        return False
    if head.startswith(_MAGIC) or head.count(b"\x00") > max(2, len(head) // 100):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.1


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte sequence cut by a size cap still counts as UTF-8.
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"
    return True


def detect_encoding(body: bytes, header_charset: str | None = None) -> str:
    """Pick the charset for ``body``: BOM, header, in-document label, detection."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if (unmarked := utf16_without_bom(body)) is not None:
        return unmarked
    declared = codec_name(header_charset)
    head = body[:8192]
    if declared is None:
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        declared = codec_name(match.group(1)) if match else None
    if declared == "utf-16" or (declared or "").startswith("utf-16"):
        declared = None  # a UTF-16 label on an ASCII-compatible page is wrong
    # Non-ASCII bytes that validate as UTF-8 are UTF-8 whatever the label says: no legacy
    # encoding's text forms valid multi-byte UTF-8 by chance, while pages saved or
    # re-served as UTF-8 under a stale label (charset=gb2312, iso-8859-1) are common.
    if declared != "utf-8" and _is_utf8(body) and not body[:65536].isascii():
        return "utf-8"
    if declared and (header_charset or "").strip().lower() not in _WEAK_LABELS:
        return declared
    # A weak or missing label: UTF-8 that validates is by far the likeliest.
    if _is_utf8(body):
        return "utf-8"
    if declared:
        return declared
    from charset_normalizer import from_bytes

    best = from_bytes(body[:65536]).best()
    detected = codec_name(best.encoding) if best is not None and best.encoding else None
    return detected or "cp1252"


# Any tag or comment at all: a document with none is text whatever its name or type says.
_ANY_TAG = re.compile(r"<(?:[a-zA-Z][\w:-]*[\s/>]|/[a-zA-Z]|!--|!doctype)", re.IGNORECASE)


def _kind(doc: Document, text: str) -> str:
    ctype = doc.content_type or ""
    name = (doc.path or doc.url or "").lower().split("?")[0]
    if ctype.startswith("text/plain") or ctype in {"text/markdown", "text/x-markdown"}:
        return "text"
    if "html" in ctype or "xml" in ctype or name.endswith((".html", ".htm", ".xhtml")):
        # (a story saved or served as HTML with no markup in it: its blank lines are its
        # paragraphs, which an HTML reading would run together into one)
        return "html" if _ANY_TAG.search(text[:65536]) else "text"
    if name.endswith((".txt", ".md", ".markdown", ".text")):
        return "text"
    return "html" if _HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")) else "text"


def decode(doc: Document) -> DecodedDocument:
    """Decode a loaded document, refusing binary bodies and empty input."""
    ctype = doc.content_type or ""
    if ctype.startswith(_BINARY_TYPES) or looks_binary(doc.body):
        raise ParseError(f"not a text document ({ctype or 'binary content'})")
    encoding = detect_encoding(doc.body, doc.charset)
    text = doc.body.decode(encoding, errors="replace")
    if not text.strip():
        raise ParseError("empty document")
    return DecodedDocument(
        source=doc.source,
        text=text.lstrip("\ufeff"),
        kind="html" if _kind(doc, text) == "html" else "text",
        url=doc.url,
        encoding=encoding,
    )
