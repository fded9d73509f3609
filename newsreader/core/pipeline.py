"""The article pipeline as a cascade of small stages: load, decode, extract, separate, summarise.

Each stage is a plain function over frozen dataclasses, so the CLI, the refresh
workers and the TUI run exactly the same code.
"""

from __future__ import annotations

import dataclasses
import traceback
from dataclasses import dataclass
from html import escape as escape_html

from newsreader.core.errors import ExtractError, NewsreaderError
from newsreader.core.extract.mail import read_mail
from newsreader.core.extract.page import extract_html
from newsreader.core.extract.site import SiteRules
from newsreader.core.extract.textdump import extract_text
from newsreader.core.io.decode import decode
from newsreader.core.io.fetch import FetchSettings
from newsreader.core.io.load import load_all
from newsreader.core.lexicon.language import detect_language, normalise_language
from newsreader.core.models import Article, DecodedDocument, Document, SummarySentence
from newsreader.core.sanitize import clean_line, normalise_text
from newsreader.core.settings import SummarySettings
from newsreader.core.summarise.algorithms import summarise


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's result: an article or a one-line error, never both."""

    source: str
    article: Article | None = None
    error: str | None = None
    traceback: str | None = None  # for an unexpected exception: shown under --debug


def extract_document(decoded: DecodedDocument, site: SiteRules | None = None) -> Article:
    """Stages 3-4: find the story and set its blurbs and chrome apart (by the site's
    rules, when it has them)."""
    mail = read_mail(decoded)
    if mail is not None:
        decoded = mail[0]
    article = extract_html(decoded, site) if decoded.kind == "html" else extract_text(decoded)
    if not article.blocks:
        raise ExtractError("no article text found")
    if mail is not None:  # a saved e-mail: its headers name the story, its sender and its day
        head = mail[1]
        article = dataclasses.replace(article, title=head.subject or article.title,
                                      byline=head.author or article.byline, published=head.date or article.published)
    return article


def _clean_fields(article: Article) -> Article:
    """Metadata is shown on one line: strip escapes and fold whitespace."""

    def line(value: str | None) -> str | None:
        return clean_line(value) or None if value else None

    return dataclasses.replace(
        article,
        title=line(article.title),
        publisher=line(article.publisher),
        byline=line(article.byline),
        blocks=tuple(
            dataclasses.replace(b, text=normalise_text(b.text).strip()) for b in article.blocks
        ),
        blurbs=tuple(
            dataclasses.replace(b, title=clean_line(b.title), text=clean_line(b.text),
                                publisher=line(b.publisher))
            for b in article.blurbs if clean_line(b.title)
        ),
    )


def add_summary(article: Article, settings: SummarySettings) -> Article:
    """Stage 5: language (declared, configured or detected) and the summary."""
    language = (
        normalise_language(settings.language)
        or normalise_language(article.language)
        or detect_language(article.text)
    )
    summary: tuple[SummarySentence, ...] = ()
    # A short article is its own summary: a forced count still gets one.
    long_enough = settings.sentences is not None or article.word_count >= settings.min_words
    # (an index lists other stories: a summary would pick two of their standfirsts)
    if settings.enabled and long_enough and article.kind == "story":
        summary = summarise(
            article.blocks, sentences=settings.sentences, ratio=settings.ratio,
            algorithm=settings.algorithm, language=language, title=article.title,
            max_sentences=settings.max_sentences,
        )
    return dataclasses.replace(article, language=language, summary=summary)


def process_document(doc: Document, summary: SummarySettings = SummarySettings(),
                     site: SiteRules | None = None) -> Article:
    """Stages 2-5 for one loaded document."""
    article = _clean_fields(extract_document(decode(doc), site))
    if article.url is None and doc.url:
        article = dataclasses.replace(article, url=doc.url)
    return add_summary(article, summary)


def process_feed_content(
    title: str, content: str, url: str | None, summary: SummarySettings = SummarySettings()
) -> Outcome:
    """An item whose page was not fetched (yet), read from the feed's own HTML for it."""
    head = escape_html(title)
    page = f"<html><head><title>{head}</title></head><body><article><h1>{head}</h1>{content}</article></body></html>"
    return process_one(Document(url or title, page.encode(), url=url, content_type="text/html"), summary)


def process_sources(
    sources: list[str],
    summary: SummarySettings = SummarySettings(),
    fetch: FetchSettings = FetchSettings(),
    site: SiteRules | None = None,
) -> list[Outcome]:
    """The whole pipeline for many inputs; one bad input never stops the others."""
    outcomes: list[Outcome] = []
    for source, loaded in zip(sources, load_all(sources, fetch), strict=True):
        if isinstance(loaded, NewsreaderError):
            outcomes.append(Outcome(source, error=str(loaded)))
            continue
        outcomes.append(process_one(loaded, summary, site))
    return outcomes


def process_one(doc: Document, summary: SummarySettings = SummarySettings(),
                site: SiteRules | None = None) -> Outcome:
    """Stages 2-5 for one document; whatever goes wrong stays this input's error record.

    Third-party code (lxml, readability, sumy) raises its own exceptions on pages nobody
    foresaw; one such page must not take a batch, a refresh or the reader down with it.
    """
    try:
        return Outcome(doc.source, article=process_document(doc, summary, site))
    except NewsreaderError as exc:
        return Outcome(doc.source, error=str(exc))
    except RecursionError:
        return Outcome(doc.source, error="document nested too deeply to read")
    except MemoryError:
        return Outcome(doc.source, error="document too large to read")
    except Exception as exc:
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        return Outcome(doc.source, error=f"could not read the page ({type(exc).__name__}: {first})",
                       traceback=traceback.format_exc())
