"""Feed parsing: RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 and JSON Feed to plain entries.

A cascade, cheapest first:
  1. decode: BOM, then the HTTP charset, then the XML declaration (latin-1 and ascii labels
     mean cp1252, as on the web), else UTF-8 and, failing that, cp1252;
  2. repair what real feeds get wrong but mean plainly: HTML named entities (``&eacute;``,
     ``&nbsp;``) become characters, a bare ``&`` becomes ``&amp;``, simple entities declared
     in the document's own DTD are expanded (nested ones, the "billion laughs", are refused);
  3. a strict lxml parse (no network, no entity expansion); a document that stops before its
     root element closes is a cut download and is refused whole, never half-stored;
  4. the fast path reads RSS, RDF and Atom trees directly (titles and bodies of every
     content type, xml:base, guid permalinks, the date forms of ``timestamps``);
  5. anything else well-formed or not (an unknown dialect, XML lxml cannot recover) goes to
     feedparser, the tolerant reference parser, and a recovered fault is reported.

On the bench's 200 feeds the fast path takes every feed; ``benchmarks/feed_parse.py``
times it against feedparser alone, and ``benchmarks/feed_suite.py`` scores both on
feedparser's own test suite.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import codecs
import dataclasses
import hashlib
import html
import html.entities
import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from lxml import etree

from newsreader.core.errors import ParseError
from newsreader.core.feeds.timestamps import parse_timestamp
from newsreader.core.io.decode import codec_name, detect_encoding, utf16_without_bom
from newsreader.core.io.urls import join_url
from newsreader.core.sanitize import clean_line

MAX_ENTRIES = 5000  # a feed of 50,000 items keeps the first this many


@dataclass(frozen=True, slots=True)
class FeedEntry:
    guid: str
    url: str | None
    title: str  # as a reader sees it; may be empty (the store shows the link instead)
    published: float | None  # Unix time, UTC
    content: str  # the feed's own HTML for the item, kept as a fallback
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None = None  # a recovered fault, reported with the feed


# ---------------------------------------------------------------- 1. decode
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"'][^>]*\?>")
_XML_DECL_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


_C1 = re.compile("[\x80-\x9f]")
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_C1_AS_CP1252 = {c: bytes([c]).decode("cp1252", "ignore") or None for c in range(0x80, 0xA0)}


def decode_feed(body: bytes, charset: str | None = None) -> str:
    """The feed's text: BOM, then the HTTP charset, then the XML declaration, else UTF-8.
    C1 control characters, which no one means, are read as the cp1252 quotes and dashes
    that were meant ("don\x92t" is "don’t")."""
    text = _decode(body, charset)
    # C1 characters come from UTF-8 "\xc2\x80"-"\xc2\x9f" (legacy decodings map those bytes
    # to cp1252 already): a bytes search finds that no feed has them, fast.
    return text.translate(_C1_AS_CP1252) if _C1_UTF8.search(body) and _C1.search(text) else text


def _decode(body: bytes, charset: str | None) -> str:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, "replace")
    if (unmarked := utf16_without_bom(body)) is not None:
        return body.decode(unmarked, "replace")
    declared = _XML_DECL.match(body[:400])
    labels: tuple[str | bytes | None, ...] = (charset, declared.group(1) if declared else None)
    for label in labels:
        codec = codec_name(label)
        if codec and not codec.startswith(("utf-16", "utf-32")):
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                if codec != "utf-8":
                    return body.decode(codec, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:  # no label and not UTF-8: detected, as for pages
        return body.decode(detect_encoding(body), "replace")


# ---------------------------------------------------------------- 2. repair
# An ampersand that is not already a character reference or one of XML's five entities.
_AMPERSAND = re.compile(r"&(?!(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);)(?:([A-Za-z][A-Za-z0-9._-]{0,31});)?")
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[(?P<subset>.*?)\]\s*)?>", re.DOTALL | re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]*)\s+(?:\"([^\"]*)\"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)>")


def _declared_entities(text: str) -> tuple[str, dict[str, str]]:
    """Drop the DOCTYPE; keep the simple text entities it declares.  A declaration that
    refers to another entity (the "billion laughs") is refused; external ones are ignored."""
    match = _DOCTYPE.search(text, 0, 4096)
    if match is None:
        return text, {}
    entities: dict[str, str] = {}
    for parameter, name, double, single, external in _ENTITY_DECL.findall(match.group("subset") or ""):
        value = double if double or not single else single
        if parameter or external:
            continue
        if "&" in value or "%" in value:
            raise ParseError("malformed feed, nothing stored: entity declarations that expand "
                             "other entities are refused")
        entities[name] = value[:2000]
    return text[:match.start()] + text[match.end():], entities


def repair_xml(text: str) -> str:
    """Entities as real feeds write them, made well-formed XML."""
    text, declared = _declared_entities(text)

    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return "&amp;"  # a bare ampersand ("?id=1&page=2")
        if name in declared:
            return html.escape(declared[name], quote=False)
        char = html.entities.html5.get(name + ";")
        if char is not None:
            return "".join(f"&#{ord(c)};" for c in char)
        return "&amp;" + name + ";"  # unknown: shown as written, never expanded

    return _AMPERSAND.sub(entity, text)


# ---------------------------------------------------------------- 3. strict parse
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                            load_dtd=False, recover=False, remove_comments=True, remove_pis=True)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)[\s>/]")


def _close_last_tag(text: str) -> str:
    """``…</rss`` at the very end: the document is whole but for its last ``>``."""
    stripped = text.rstrip()
    match = re.search(r"</[A-Za-z_][\w.:-]*$", stripped[-64:])
    return stripped + ">" if match else text


def _strict_parse(text: str) -> tuple[Any, tuple[str, bool] | None]:
    """(tree, None) for well-formed XML, else (None, (message, truncated)).

    Truncated means the document stops before its root element closes: a cut
    download, whose items past the cut are lost, so none of it may be stored.
    """
    try:
        return etree.fromstring(_XML_DECL_TEXT.sub("", text, count=1), _SAFE_XML), None
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
        line = exc.position[0] if exc.position else 0
        root = next((m.group(1) for m in _ROOT.finditer(text[:4096]) if not m.group(1).startswith(("?", "!"))), "")
        truncated = bool(root) and not text.rstrip().endswith("</" + root + ">")
        return None, (f"line {line}: {message}", truncated)


# ---------------------------------------------------------------- 4. the fast path
ATOM10 = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
DC = ("http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/")
MEDIA = ("http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss")
ITUNES = ("http://www.itunes.com/dtds/podcast-1.0.dtd", "http://www.itunes.com/DTDs/Podcast-1.0.dtd",
          "http://example.com/DTDs/Podcast-1.0.dtd")
CONTENT = "http://purl.org/rss/1.0/modules/content/"
XHTML = "http://www.w3.org/1999/xhtml"
# Namespaces whose elements are the feed's own (RSS 0.90/1.0, RDF dialects, no namespace).
_PLAIN = {"", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
          "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
          "http://channel.netscape.com/rdf/simple/0.9/"}
_LOOKS_HTML = re.compile(r"<(?:/?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?|!--.*?--)>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?(?:-->|$)", re.DOTALL | re.IGNORECASE)
# Each starts with a literal "<", which the regex engine finds fast; case is ignored after it.
_UNSAFE_TAGS = re.compile(r"<(?i:script|style|iframe|object|embed|applet|frame|meta|link|blink|marquee|!--)")
_EVENT_ATTRIBUTE = re.compile(r"<[A-Za-z][^>]*\s(?i:on)[A-Za-z]+\s*=")


def _unsafe(markup: str) -> bool:
    return (bool(_UNSAFE_TAGS.search(markup)) or bool(_EVENT_ATTRIBUTE.search(markup))
            or "script:" in markup or "SCRIPT:" in markup or "Script:" in markup)


def safe_html(markup: str) -> str:
    """A feed's HTML without what runs or hides (scripts, styles, frames, embeds, event
    attributes, comments).  Most bodies have none, and are returned as they are."""
    if "<" not in markup or not _unsafe(markup):
        return markup
    from lxml.html.clean import Cleaner  # the lxml[html_clean] extra

    cleaner = Cleaner(scripts=True, javascript=True, comments=True, style=True, inline_style=True,
                      links=True, meta=True, page_structure=False, processing_instructions=True,
                      embedded=True, frames=True, forms=False, annoying_tags=True,
                      remove_unknown_tags=False, safe_attrs_only=True)
    try:
        cleaned = cleaner.clean_html(f"<div>{markup}</div>")
    except (ValueError, etree.ParserError):
        return html.escape(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", markup))), quote=False)
    return cleaned[len("<div>"):-len("</div>")].strip() if cleaned.startswith("<div>") else cleaned


def seen_text(markup: str) -> str:
    """What a reader sees of HTML, as one line: no scripts, styles, comments or tags."""
    return clean_line(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", markup))))


def _ns(el: Any) -> str:
    tag = el.tag
    return tag[1:tag.index("}")] if isinstance(tag, str) and tag.startswith("{") else ""


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_LOCAL = threading.local()  # each thread parses its own tree: its own child index


def _index(el: Any) -> dict[str, list[tuple[str, Any]]]:
    """An element's children by lower-case local name, as (namespace, child): one pass over
    the children however many names are looked up (an item is asked for a dozen)."""
    try:
        cache: dict[Any, dict[str, list[tuple[str, Any]]]] = _LOCAL.index
    except AttributeError:
        cache = _LOCAL.index = {}
    # Keyed by the element itself, which keeps its proxy alive: lxml makes element objects
    # on demand, and a freed one's id() can be handed to another element mid-parse.
    key = el
    found = cache.get(key)
    if found is None:
        found = {}
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag[0] == "{":
                ns, _, local = tag[1:].partition("}")
            else:
                ns, local = "", tag
            found.setdefault(local.lower(), []).append((ns, child))
        cache[key] = found
    return found


def _children(el: Any, name: str, namespaces: set[str] | tuple[str, ...]) -> list[Any]:
    """Child elements by local name (any case: feeds write <TiTlE>) in these namespaces."""
    return [child for ns, child in _index(el).get(name.lower(), ()) if ns in namespaces]


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _resolve(base: str, link: str) -> str:
    return link if _SCHEME.match(link) else (join_url(base, link) or link)


def _has_base(root: Any) -> bool:
    return root.get(XML_BASE) is not None or root.find(f".//*[@{XML_BASE}]") is not None


def _first(el: Any, name: str, namespaces: set[str] | tuple[str, ...]) -> Any | None:
    found = _children(el, name, namespaces)
    return found[0] if found else None


def _base(el: Any, document_url: str) -> str:
    """The element's xml:base, resolved through its ancestors and the document URL."""
    bases = [a.get(XML_BASE) for a in reversed([el, *el.iterancestors()]) if a.get(XML_BASE)]
    base = document_url
    for value in bases:
        base = join_url(base, value.strip()) or base
    return base


def _inner_xml(el: Any) -> str:
    parts = [html.escape(el.text or "", quote=False)]
    for child in el:
        if isinstance(child.tag, str):
            etree.cleanup_namespaces(child)
            markup = etree.tostring(child, encoding="unicode", with_tail=False)
            parts.append(re.sub(r'\sxmlns(?::\w+)?="[^"]*"', "", markup).replace("html:", ""))
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts)


def _atom_html(el: Any) -> str:
    """An Atom text construct (or RSS element) as HTML: text escaped, html as given, xhtml
    serialised, base64 decoded; inline markup in a plain element is kept as markup."""
    kind = (el.get("type") or "").lower()
    mode = (el.get("mode") or "").lower()
    if kind in {"xhtml", "application/xhtml+xml"}:
        div = _first(el, "div", (XHTML,))
        return _inner_xml(div if div is not None else el).strip()
    if len(el):  # naked markup inside the element
        return _inner_xml(el).strip()
    text = el.text or ""
    is_binary = mode == "base64" or (
        kind and kind not in {"text", "html", "text/plain", "text/html"} and not kind.startswith("text/")
        and not kind.endswith(("+xml", "/xml")))
    if is_binary:
        try:
            text = base64.b64decode("".join(text.split()), validate=False).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return ""
        return text.strip()
    if kind in {"text", "text/plain"}:
        return html.escape(text.strip(), quote=False)
    return text.strip()


def _plain(el: Any | None) -> str:
    """What a reader sees of a title-like element: no tags, entities decoded, one line."""
    if el is None:
        return ""
    kind = (el.get("type") or "").lower()
    if kind in {"text", "text/plain"} and not len(el):
        return clean_line(el.text or "")
    value = _atom_html(el)
    if kind in {"html", "text/html", "xhtml", "application/xhtml+xml"} or el.get("mode") == "escaped" or len(el) \
            or _LOOKS_HTML.search(value):
        return seen_text(value)
    return clean_line(value)


def _atom_author(author: Any) -> str | None:
    """An Atom <author>: "name (email)", as feedparser gives it."""
    parts = {_local(child): child.text or "" for child in author if isinstance(child.tag, str)}
    name = clean_line(parts.get("name", author.text or ""))
    email = clean_line(parts.get("email", ""))
    if name and email:
        return f"{name} ({email})"
    return name or email or None


def _clamp(stamp: float | None, now: float) -> float | None:
    # A date more than a day ahead is a publisher's clock or typo: it counts as now.
    return now if stamp is not None and stamp > now + 86400 else stamp


def _tag_table(groups: dict[tuple[str, ...] | frozenset[str], dict[str, str]]) -> dict[str, str]:
    """Clark-notation tag -> the name we read it by, for every namespace of a group."""
    table: dict[str, str] = {}
    for namespaces, names in groups.items():
        for ns in namespaces:
            for local, key in names.items():
                table[f"{{{ns}}}{local}" if ns else local] = key
    return table


# What an RSS/RDF item holds, by the name we read it by.  Dates: of repeated ones the last
# counts (as feedparser); anything else: the first.
_RSS_ITEM = _tag_table({
    frozenset(_PLAIN): {"title": "title", "link": "link", "guid": "guid", "description": "description",
                        "author": "author", "pubDate": "pubdate", "body": "body", "fullitem": "fullitem"},
    DC: {"title": "dc:title", "creator": "dc:creator", "author": "dc:author", "date": "dc:date",
         "issued": "dc:issued", "created": "dc:created", "modified": "dc:modified",
         "description": "dc:description"},
    MEDIA: {"title": "media:title"},
    ITUNES: {"author": "itunes:author", "summary": "itunes:summary"},
    (CONTENT,): {"encoded": "content:encoded"},
    (XHTML,): {"body": "xhtml:body"},
    (ATOM10,): {"published": "atom:published", "updated": "atom:updated"},
})
_RSS_DATES = ("pubdate", "dc:date", "dc:issued", "dc:created", "dc:modified", "atom:published", "atom:updated")
_RSS_LOWER = {tag.lower(): key for tag, key in _RSS_ITEM.items()}  # <TiTlE>, <PUBDATE>


def _collect(el: Any, table: dict[str, str], lower: dict[str, str], dates: tuple[str, ...]) -> tuple[dict[str, Any], list[Any]]:
    """One pass over an element's children: the wanted ones by name, and the Atom links."""
    found: dict[str, Any] = {}
    links: list[Any] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        key = table.get(tag)
        if key is None:
            key = lower.get(tag.lower(), "")
            if len(table) < 4096:  # remembered ("" is not wanted), within reason
                table[tag] = key
        if not key:
            continue
        if key == "atom:link":
            links.append(child)
        elif key in dates or key not in found:
            found[key] = child
    return found, links


def _alternate(links: list[Any], base: str, bases: bool) -> str | None:
    """An Atom link set's alternate (HTML first), resolved against xml:base."""
    preferred = [a for a in links if (a.get("rel") or "alternate") == "alternate"]
    chosen = next((a for a in preferred if (a.get("type") or "text/html") in {"text/html", "application/xhtml+xml"}),
                  preferred[0] if preferred else None)
    if chosen is None or not (chosen.get("href") or "").strip():
        return None
    return _resolve(_base(chosen, base) if bases else base, chosen.get("href").strip())


def _pick_date(found: dict[str, Any], keys: tuple[str, ...]) -> float | None:
    for key in keys:
        el = found.get(key)
        if el is not None and (el.text or "").strip():
            stamp = parse_timestamp(el.text)
            if stamp is not None:
                return stamp
    return None


def _pick_el(found: dict[str, Any], *keys: str) -> Any | None:
    return next((found[k] for k in keys if k in found), None)


_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_RSS_ITEM["{" + ATOM10 + "}link"] = "atom:link"
_RSS_LOWER["{" + ATOM10.lower() + "}link"] = "atom:link"


def _read_rss(root: Any, url: str, now: float) -> ParsedFeed:
    channel = _first(root, "channel", _PLAIN)
    holder = channel if channel is not None else root
    items = _children(holder, "item", _PLAIN) or _children(root, "item", _PLAIN)
    title_el = _first(holder, "title", _PLAIN) if channel is not None else None
    if title_el is None and channel is not None:
        title_el = _first(channel, "title", DC)
    link_el = _first(holder, "link", _PLAIN) if channel is not None else None
    site = (link_el.text or "").strip() if link_el is not None else ""
    if not site and channel is not None:
        site = _alternate(_children(channel, "link", (ATOM10,)), url, False) or ""
    entries = []
    bases = _has_base(root)
    for item in items[:MAX_ENTRIES]:
        found, atom_links = _collect(item, _RSS_ITEM, _RSS_LOWER, _RSS_DATES)
        base = _base(item, url) if bases else url
        title = _plain(_pick_el(found, "title", "dc:title", "media:title"))  # media:title: a fallback
        link_el = found.get("link")
        link = (link_el.text or "").strip() if link_el is not None else ""
        guid_el = found.get("guid")
        guid = (guid_el.text or "").strip() if guid_el is not None else ""
        if not link and guid and guid_el is not None and (guid_el.get("isPermaLink") or "true").lower() != "false":
            link = guid  # a permalink guid is the item's link
        resolved = _resolve(base, link) if link else _alternate(atom_links, base, bases)
        if resolved is None and item.get(_RDF_ABOUT):
            resolved = _resolve(base, item.get(_RDF_ABOUT).strip())
        body_el = _pick_el(found, "content:encoded", "xhtml:body", "body", "fullitem", "description",
                           "dc:description", "itunes:summary")
        body = safe_html(_atom_html(body_el)) if body_el is not None else ""
        author_el = _pick_el(found, "author", "dc:creator", "dc:author", "itunes:author")
        author = (clean_line(author_el.text or "") or None) if author_el is not None else None
        entries.append(FeedEntry(guid or resolved or title or "", resolved, title,
                                 _clamp(_pick_date(found, _RSS_DATES), now), body, author))
    site_url = _resolve(_base(holder, url) if bases else url, site) if site else None
    return ParsedFeed(_plain(title_el) or None, site_url, _unique(entries))


_ATOM_NAMES = {"id": "id", "title": "title", "content": "content", "summary": "summary", "author": "author",
               "published": "published", "issued": "issued", "created": "created", "updated": "updated",
               "modified": "modified", "link": "atom:link"}
_ATOM_ENTRY = _tag_table({(ATOM10, ATOM03, ""): _ATOM_NAMES, DC: {"date": "dc:date", "creator": "dc:creator"}})
_ATOM_LOWER = {tag.lower(): key for tag, key in _ATOM_ENTRY.items()}
_ATOM_DATES = ("published", "issued", "created", "updated", "modified", "dc:date")


def _read_atom(root: Any, url: str, now: float) -> ParsedFeed:
    ns = _ns(root)
    names = (ns,)
    bases = _has_base(root)
    entries = []
    for entry in _children(root, "entry", names)[:MAX_ENTRIES]:
        found, links = _collect(entry, _ATOM_ENTRY, _ATOM_LOWER, _ATOM_DATES)
        link = _alternate(links, url, bases)
        id_el = found.get("id")
        guid = (id_el.text or "").strip() if id_el is not None else ""
        title = _plain(found.get("title"))
        body_el = found.get("content")
        if body_el is None or (body_el.get("src") and not (body_el.text or "").strip()):
            body_el = found.get("summary")
        body = safe_html(_atom_html(body_el)) if body_el is not None else ""
        author = _atom_author(found["author"]) if "author" in found else None
        if author is None and "dc:creator" in found:
            author = clean_line(found["dc:creator"].text or "") or None
        entries.append(FeedEntry(guid or link or title or "", link, title,
                                 _clamp(_pick_date(found, _ATOM_DATES), now), body, author))
    site = _alternate(_children(root, "link", names), url, bases)
    return ParsedFeed(_plain(_first(root, "title", names)) or None, site, _unique(entries))


def _unique(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    """Duplicate GUIDs in one document: the first wins.  An entry with no id, link or
    title is known by a digest of what it has, so it is kept and found again next time."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if not entry.guid:
            digest = hashlib.sha1(f"{entry.published}\n{entry.content}".encode()).hexdigest()[:16]
            entry = dataclasses.replace(entry, guid=f"digest:{digest}")
        if entry.guid not in seen:
            seen.add(entry.guid)
            kept.append(entry)
    return tuple(kept)


def _read_tree(root: Any, url: str, now: float) -> ParsedFeed | None:
    name = _local(root)
    if name == "feed":  # Atom 1.0, 0.3, or a <feed> with no namespace
        return _read_atom(root, url, now)
    if name in {"rss", "RDF", "channel"} or _children(root, "item", _PLAIN):
        return _read_rss(root, url, now)
    return None


# ---------------------------------------------------------------- 5. the tolerant fallback
def _read_feedparser(body: bytes, url: str, charset: str | None, now: float) -> ParsedFeed:
    import feedparser  # the tolerant reference parser; slow, so only for what the fast path leaves

    headers = {"content-location": url}
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    entries = []
    for entry in (parsed.get("entries") or [])[:MAX_ENTRIES]:
        href = entry.get("link")
        link = join_url(url, str(href)) if href else None
        title = seen_text(str(entry.get("title") or ""))
        content = entry.get("content") or []
        body_html = safe_html(str(content[0].get("value") if content else entry.get("summary") or ""))
        stamp = None
        present = set(entry.keys())  # not entry.get("updated"): feedparser warns on its alias
        for key in ("published", "updated", "created"):
            stamp = parse_timestamp(entry[key]) if key in present and entry[key] else None
            if stamp is None and f"{key}_parsed" in present and entry[f"{key}_parsed"]:
                stamp = float(calendar.timegm(entry[f"{key}_parsed"]))
            if stamp is not None:
                break
        author = entry.get("author")
        entries.append(FeedEntry(str(entry.get("id") or link or title), link, title,
                                 _clamp(stamp, now), body_html, clean_line(str(author)) if author else None))
    feed = parsed.get("feed") or {}
    site = feed.get("link")
    feed_title = seen_text(str(feed.get("title") or "")) or None
    return ParsedFeed(feed_title, join_url(url, str(site)) if site else None, _unique(entries))


def _read_json(body: bytes, url: str, now: float) -> ParsedFeed:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise ParseError(f"not a feed: invalid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ParseError("not a feed: JSON without an items list")
    entries = []
    for item in data["items"][:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        link = join_url(url, str(link)) if link else None
        title = clean_line(str(item.get("title") or ""))
        author = item.get("author") or (item.get("authors") or [None])[0]
        name = author.get("name") if isinstance(author, dict) else None
        stamp = parse_timestamp(str(item.get("date_published") or item.get("date_modified") or "")) or None
        body_html = str(item.get("content_html") or "") or html.escape(str(item.get("content_text") or item.get("summary") or ""))
        entries.append(FeedEntry(str(item.get("id") or link or title), link, title,
                                 _clamp(stamp, now), body_html, clean_line(str(name)) if name else None))
    site = data.get("home_page_url")
    return ParsedFeed(clean_line(str(data.get("title") or "")) or None,
                      join_url(url, str(site)) if site else None, _unique(entries))


def parse_feed(body: bytes, url: str, charset: str | None = None) -> ParsedFeed:
    """Parse a feed document; raise a one-line error when it is not a usable feed.
    ``charset`` is the one the HTTP response named, if any."""
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise ParseError("empty feed document")
    now = time.time()
    if stripped.startswith((b"{", b"[")):
        return _read_json(stripped, url, now)
    text = decode_feed(body, charset)
    head = text.lstrip("\ufeff \t\r\n")[:300].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise ParseError("an HTML page, not a feed")
    tree, problem = _strict_parse(_close_last_tag(repair_xml(text)))
    if problem is not None and problem[1]:
        raise ParseError(f"malformed feed (truncated XML, nothing stored): {problem[0]}")
    try:
        parsed = _read_tree(tree, url, now) if tree is not None else None
    finally:
        _LOCAL.__dict__.pop("index", None)  # the tree's elements are freed with it
    if parsed is not None:
        return parsed
    try:
        parsed = _read_feedparser(body, url, charset, now)
    except Exception as exc:  # the fallback's own failures are this feed's error line
        raise ParseError(f"not a feed: {type(exc).__name__}: {exc}") from None
    if problem is None and not parsed.entries and parsed.title is None:
        raise ParseError(f"not a feed: <{_local(tree) if tree is not None else '?'}> is no feed format")
    if problem is not None:
        if not parsed.entries:
            raise ParseError(f"malformed feed, nothing stored: {problem[0]}")
        return ParsedFeed(parsed.title, parsed.site_url, parsed.entries,
                          f"malformed feed, {len(parsed.entries)} items recovered: {problem[0]}")
    return parsed


_ALTERNATE = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
               "application/json", "application/rdf+xml", "text/xml", "application/xml")


def discover_feeds(page: str, base: str) -> list[str]:
    """Feed URLs a page announces with <link rel="alternate" type="…">."""
    found: list[str] = []
    for tag in _ALTERNATE.findall(page[:200_000]):
        attrs = dict(re.findall(r'([a-zA-Z-]+)\s*=\s*["\']([^"\']*)["\']', tag))
        attrs = {k.lower(): v for k, v in attrs.items()}
        if "alternate" in attrs.get("rel", "").lower().split() and attrs.get("type", "").lower() in _FEED_TYPES and attrs.get("href"):
            url = join_url(base, attrs["href"]) or attrs["href"]
            if url not in found:
                found.append(url)
    return found
