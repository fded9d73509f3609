"""Metadata from an HTML page: title, publisher, byline, date, language, canonical URL."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from newsreader.core.extract.dates import has_date, parse_date
from newsreader.core.extract.domtext import class_and_id, text_of
from newsreader.core.extract.markers import DATE_LABEL, byline_name, looks_like_name
from newsreader.core.io.urls import join_url, split_url


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    language: str | None = None
    canonical_url: str | None = None
    headline_texts: tuple[str, ...] = ()  # every form of the headline seen on the page
    article_body: str | None = None  # the JSON-LD articleBody, as the publisher states it
    month_first: bool = False  # an American page: "3/4/2024" is 4 March


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _ld_objects(root: HtmlElement) -> list[dict[str, Any]]:
    """JSON-LD objects, flattened through lists and @graph."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in {"BlogPosting", "Report"}) for k in kinds)


def _names(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


_SEPARATORS = re.compile(r"(?<!\s)\s+[|–—·•:-]\s+|(?<!\s)\s+[|–—·•]\s*")  # (?<!\s): linear on long runs


def strip_site_suffix(title: str, publisher: str | None = None) -> str:
    """'Headline | Section | Site' -> 'Headline' (keeps the longest leading part)."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    head = parts[0]
    if publisher and parts[0].strip().lower() == publisher.lower():
        return " ".join(parts[1:]) if len(parts) == 2 else title
    if len(head.split()) >= 3 or publisher is not None:
        return head.strip()
    # A short first part is a kicker ("Floods - a year on: Headline | Site"): only the
    # trailing site name goes.
    last = _SEPARATORS.split(title)[-1]
    if looks_like_name(last.strip(), 4) and len(last) < len(title):
        return title[: title.rfind(last)].rstrip(" |–—·•:-")
    return title


_DATE_WORDS = re.compile(rf"\b{DATE_LABEL}\b", re.IGNORECASE | re.VERBOSE)


def _dateline(root: HtmlElement, month_first: bool) -> tuple[str | None, dt.date | None]:
    """Byline and date from the short line under the headline ("By X — Published 14 October 2024")."""
    for el in root.iter("div", "p", "span", "address", "header", "time"):
        text = text_of(el)
        if not text or len(text.split()) > 20:
            continue
        byline = byline_name(text)
        if byline is None and not _DATE_WORDS.search(text):
            continue
        date = parse_date(text, month_first)
        if byline or date:
            return byline, date
    return None, None


_HEADLINE_TAGS = ("h2", "h3", "h4", "b", "strong", "font", "big", "span", "em")


def _headline_part(root: HtmlElement, title_tag: str) -> tuple[str | None, str | None]:
    """Of a two-part <title>, the part the page sets as a line of its own is the headline and
    the other the site: old pages have no <h1> and often put the site first."""
    parts = [p.strip() for p in _SEPARATORS.split(title_tag)]
    if len(parts) != 2 or not all(parts):
        return None, None
    shown = set()
    for el in root.iter(*_HEADLINE_TAGS):
        text = text_of(el)
        if text in parts:
            shown.add(text)
    if len(shown) != 1:
        return None, None
    headline = shown.pop()
    return headline, parts[1] if headline == parts[0] else parts[0]


_UNSEEN = re.compile(r"screen-?reader|sr-only|visually-?hidden|assistive|skip", re.IGNORECASE)


_JUNK_PARTS = re.compile(r"\s*(?:»|›|\||:|–|—|-)\s*blog archive\s*(?=»|›|\||:|–|—|-)", re.IGNORECASE)


_NAME_SEPARATORS = ":»›|–—-·•«"


def without_site_name(title: str, site_names: set[str]) -> str:
    """'The Fischbowl: Backwards!' -> 'Backwards!' when the page names its site 'The Fischbowl'
    (its logo, og:site_name); WordPress's '» Blog Archive »' goes too."""
    title = _JUNK_PARTS.sub(" ", title).strip()
    folded = title.casefold()
    for name in sorted(site_names, key=len, reverse=True):
        if len(name) >= len(folded) - 3:
            continue
        if folded.startswith(name) and (rest := title[len(name):].lstrip())[:1] in _NAME_SEPARATORS:
            return rest.lstrip(_NAME_SEPARATORS + " ").strip()
        if folded.endswith(name) and (head := title[: len(title) - len(name)].rstrip())[-1:] in _NAME_SEPARATORS:
            return head.rstrip(_NAME_SEPARATORS + " ").strip()
    return title


def _front_page_link(h1: HtmlElement) -> bool:
    """An <h1> that is only a link to the site's front page: the logo."""
    links = list(h1.iter("a"))
    if len(links) != 1 or text_of(links[0]) != text_of(h1):
        return False
    href = split_url(links[0].get("href") or "#")
    return href.path in {"", "/"} and not href.query and not href.fragment and bool(href.path or href.netloc)


def _story_h1(root: HtmlElement, sources: list[str], site_names: set[str]) -> tuple[str | None, set[str]]:
    """The <h1> that names the story, and the names of the site its logo gives.  A page may
    have several <h1>s: the site's logo (its name), a "Main menu" for screen readers, a
    section's name.  The first that agrees with what the page's metadata calls the story
    (one holds the other) is it; else the first that is neither logo (the site's name, a
    link to its front page) nor hidden."""
    texts = []
    logos: set[str] = set()
    for h1 in root.iter("h1"):
        text = text_of(h1).rstrip(" ¶#🔗")  # (a permalink mark)
        parent = h1.getparent()
        hint = " ".join(class_and_id(el) for el in (h1, parent) if el is not None)
        if not text or _UNSEEN.search(hint) or any(a.tag == "nav" for a in h1.iterancestors()):
            continue
        if text.casefold() in site_names or _front_page_link(h1):
            logos.add(text.casefold())  # the logo names the site: its titles may carry it
            continue
        texts.append(text)
    folded = [s.casefold() for s in sources if s]
    for text in texts:
        # (a short <h1> agrees only by being a source: "Health" is in many a title)
        key = text.casefold()
        if any(key == s or (len(text.split()) >= 3 and (key in s or s in key)) for s in folded):
            return text, logos
    return (texts[0] if texts else None), logos


_AUTHOR_CLASS = re.compile(r"^(?:author|author-?name|byline-?name|byline__name|(?:post|article|entry)-?author)$", re.IGNORECASE)


# What a link or a box marked "author" says when it is not a name: "View Profile", "About Us".
_NOT_A_NAME = frozenset({"view", "profile", "about", "us", "more", "posts", "articles", "stories", "google",
                         "contact", "follow", "all", "author", "authors", "bio", "home", "email", "website"})


def _author_name(text: str) -> str | None:
    """The name in what a box marked "author" holds, or None when it holds no name."""
    if not looks_like_name(text, 5) or _NOT_A_NAME & set(re.findall(r"\w+", text.casefold())):
        return None
    return byline_name(text) or text  # ("By Jane Doe" inside the box)


def _marked_author(root: HtmlElement, microdata: list[HtmlElement]) -> str | None:
    """An author the markup names: microdata's author, a link with rel=author, or an element
    whose class says it holds the author's name, when what it holds is a name."""
    found = [*microdata, *root.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")]
    for el in found:
        named = el.xpath(".//*[@itemprop='name']") if el.get("itemprop") == "author" else []
        if name := _author_name(text_of(named[0] if named else el)):
            return name
    for el in root.xpath("//*[contains(@class, 'author') or contains(@class, 'byline')]"):
        if any(_AUTHOR_CLASS.match(token) for token in el.get("class", "").split()) and (
                name := _author_name(text_of(el))):
            return name
    return None


_ADDRESS_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?=[/-]|$)")


def _date_in_address(url: str | None) -> dt.date | None:
    """The date a site writes into its addresses ("/2024/03/04/footbridge"), when the page
    gives none: a story's address names the day it was published."""
    match = _ADDRESS_DATE.search(split_url(url).path) if url else None
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def read_meta(root: HtmlElement, url: str | None) -> PageMeta:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = " ".join(content.split())
    ld = [obj for obj in _ld_objects(root) if _is_article(obj)]
    article = ld[0] if ld else {}

    publisher = (
        metas.get("og:site_name")
        or _names(article.get("publisher"))
        or metas.get("application-name")
        or metas.get("publisher")
    )
    title_tag = next((text_of(t) for t in root.iter("title")), None)
    # Microdata, in one pass over the tree: (the few) elements with an itemprop, by name.
    microdata: dict[str, list[HtmlElement]] = {}
    for el in root.xpath("//*[@itemprop]"):
        microdata.setdefault(el.get("itemprop", ""), []).append(el)
    itemprop = next((text_of(el) for el in microdata.get("headline", ())
                     if el.tag != "meta"), None)
    site_names = {n.casefold() for n in (publisher, metas.get("og:site_name")) if n}
    h1, logos = _story_h1(root, [c for c in (metas.get("og:title"), _text(article.get("headline")),
                                             metas.get("twitter:title"), title_tag, itemprop) if c], site_names)
    site_names |= logos
    named = [c for c in (
        metas.get("og:title"), _text(article.get("headline")), metas.get("twitter:title"), h1, itemprop or None,
    ) if c]
    candidates = [*named, strip_site_suffix(title_tag, publisher)] if title_tag else named
    title = None
    if h1 and (lead := next((c for c in candidates if c != h1 and len(c.split()) >= 3 and h1.startswith(c)
                             and has_date(h1[len(c):])), None)):
        title = lead  # the <h1> holds the headline and its date ("… 3 March 2024")
    elif h1 and any(h1 == c or c.startswith(h1) for c in candidates[:3]):
        title = h1
    elif not named and title_tag:
        # Only the <title> names the story: "Site - Headline" or "Headline - Site".
        title, site = _headline_part(root, title_tag)
        publisher = publisher or site
        title = title or candidates[0]
    elif candidates:
        title = strip_site_suffix(candidates[0], publisher)
    byline = (
        _names(article.get("author"))
        or metas.get("author")
        or metas.get("article:author")
        or metas.get("byl")
        or metas.get("dc.creator")
    )
    if byline and byline.startswith(("http://", "https://")):
        byline = None
    byline = byline or _marked_author(root, microdata.get("author", []))
    if byline and byline.isupper() and len(byline) > 3:
        byline = byline.title()  # "JANE DOE", as some sites set it
    date_sources = [
        metas.get("article:published_time"), _text(article.get("datePublished")),
        metas.get("datepublished"), metas.get("date"), metas.get("pubdate"),
        metas.get("publishdate"), metas.get("dc.date"), metas.get("dc.date.issued"),
        metas.get("sailthru.date"), metas.get("parsely-pub-date"), _text(article.get("dateCreated")),
        *(el.get("content") or el.get("datetime") or el.text_content()
          for el in (*microdata.get("datePublished", ()), *microdata.get("dateCreated", ()))),
        # hAtom, the blogs' microformat: <abbr class="published" title="2012-09-10T13:38:45">
        *(el.get("title") for el in root.iter("abbr") if "published" in (el.get("class") or "").split()),
        metas.get("og:updated_time"), _text(article.get("dateModified")),
    ]
    lang = root.get("lang") or metas.get("og:locale") or metas.get("content-language")
    month_first = (lang or "").replace("_", "-").lower() == "en-us"
    published = next((d for d in (parse_date(t, month_first) for t in date_sources) if d), None)
    if published is None:
        for time in root.iter("time"):
            published = parse_date(time.get("datetime") or time.text_content(), month_first)
            if published:
                break
    if title:
        title = without_site_name(title, site_names) or title
    if publisher is None and title_tag:
        # "Headline - The Dunmore Herald": the suffix names the site.
        tail = _SEPARATORS.split(title_tag)[-1].strip()
        if tail != title_tag and looks_like_name(tail, 6):
            publisher = tail
    if byline is None or published is None:
        found_byline, found_date = _dateline(root, month_first)
        byline = byline or found_byline
        published = published or found_date
    language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = join_url(url, link.get("href", ""))
            break
    canonical = canonical or metas.get("og:url")
    if canonical and split_url(canonical).scheme not in {"http", "https"}:
        canonical = None
    published = published or _date_in_address(canonical) or _date_in_address(url)
    headlines = tuple(dict.fromkeys(c for c in [*candidates, title_tag, title] if c))
    body = article.get("articleBody")
    article_body = body if isinstance(body, str) and body.strip() else None
    return PageMeta(title, publisher, byline, published, language or None, canonical, headlines, article_body,
                    month_first)
