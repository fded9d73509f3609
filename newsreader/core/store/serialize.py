"""Articles to and from JSON, for the store."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from newsreader.core.models import Article, Block, Blurb, Link, SummarySentence


def article_to_json(article: Article) -> str:
    data: dict[str, Any] = {
        "title": article.title,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "publisher": article.publisher,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "blocks": [[b.kind, b.text, b.level, [[ln.text, ln.url] for ln in b.links]] for b in article.blocks],
        "blurbs": [[b.title, b.text, b.publisher, b.url] for b in article.blurbs],
        "summary": [[s.text, s.block, s.start, s.end] for s in article.summary],
        "kind": article.kind,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    return Article(
        title=data.get("title"),
        url=data.get("url"),
        canonical_url=data.get("canonical_url"),
        publisher=data.get("publisher"),
        byline=data.get("byline"),
        published=published,
        language=data.get("language"),
        blocks=tuple(Block(k, t, lv, tuple(Link(a, b) for a, b in links))
                     for k, t, lv, links in data.get("blocks", [])),
        blurbs=tuple(Blurb(t, x, p, u) for t, x, p, u in data.get("blurbs", [])),
        summary=tuple(SummarySentence(t, b, s, e) for t, b, s, e in data.get("summary", [])),
        kind="index" if data.get("kind") == "index" else "story",  # (stored before kinds: stories)
    )
