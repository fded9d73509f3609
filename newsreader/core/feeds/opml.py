"""OPML import and export; folders become tags."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from newsreader.core.errors import ParseError
from newsreader.core.store.db import FeedRow


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None
    tags: tuple[str, ...]


def parse_opml(text: str | bytes) -> list[Subscription]:
    """Outlines with an xmlUrl are feeds; the outlines around them are folders (tags)."""
    try:
        # defusedxml is not needed: ElementTree never fetches external entities, and a
        # DOCTYPE (the only way to declare an entity bomb) is refused before parsing.
        raw = text.encode() if isinstance(text, str) else text
        if b"<!DOCTYPE" in raw[:4096].upper() or b"<!ENTITY" in raw.upper():
            raise ParseError("OPML with a DOCTYPE or entities is refused")
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        line, column = exc.position
        raise ParseError(f"OPML: line {line}, column {column}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise ParseError("OPML: no <opml><body> found")
    found: list[Subscription] = []

    def walk(node: ET.Element, folders: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = outline.get("xmlUrl") or outline.get("xmlurl")
            title = outline.get("title") or outline.get("text")
            if url:
                categories = tuple(c for c in (outline.get("category") or "").split(",") if c)
                found.append(Subscription(url.strip(), title, tuple(dict.fromkeys(folders + categories))))
            else:
                walk(outline, (*folders, title) if title else folders)

    walk(body, ())
    return found


def export_opml(feeds: list[FeedRow]) -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "newsreader subscriptions"
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            tag = feed.tags[0]
            if tag not in folders:
                folders[tag] = ET.SubElement(body, "outline", text=tag, title=tag)
            parent = folders[tag]
        attrs = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url,
                 "xmlUrl": feed.url}
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        if len(feed.tags) > 1:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
