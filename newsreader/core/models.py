"""Frozen dataclasses that every stage passes along: the article model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from newsreader.core.wordcount import count_words

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "code"]
ArticleKind = Literal["story", "index"]


@dataclass(frozen=True, slots=True)
class Link:
    """A link the story contains, numbered in reading order when shown."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the story's structure."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level (2-6) or list nesting depth
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Blurb:
    """A teaser for another story, set apart from the main one."""

    title: str
    text: str = ""
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence, verbatim from block ``block`` at ``[start, end)``."""

    text: str
    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """Raw input after loading: bytes plus what the transport said about them."""

    source: str  # the input as given (path, "-" or URL)
    body: bytes
    url: str | None = None  # final URL after redirects, for URL inputs
    content_type: str | None = None  # media type from the server, lower case
    charset: str | None = None  # charset parameter from the server
    path: str | None = None  # local file name, for file inputs


@dataclass(frozen=True, slots=True)
class DecodedDocument:
    source: str
    text: str
    kind: Literal["html", "text"]
    url: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned story: its structure, its metadata and the blurbs set apart."""

    title: str | None = None
    blocks: tuple[Block, ...] = ()
    blurbs: tuple[Blurb, ...] = ()
    url: str | None = None
    canonical_url: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    language: str | None = None
    summary: tuple[SummarySentence, ...] = ()
    # "index": a page of other stories (a section front) read as their list, not a story
    kind: ArticleKind = "story"

    @property
    def text(self) -> str:
        """The story alone: blocks separated by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link in the story, in reading order, for numbering."""
        return tuple(link for block in self.blocks for link in block.links)

    @property
    def word_count(self) -> int:
        return sum(count_words(block.text) for block in self.blocks)

    @property
    def reading_minutes(self) -> int:
        # 230 words a minute is the usual adult silent-reading rate for prose.
        return max(1, round(self.word_count / 230)) if self.blocks else 0
