"""Stage 3 for HTML: readability-lxml finds the story; we clean it into blocks.

The cascade:
  1. repair what would empty the page (repair.py: an element left open), parse, read
     metadata (title, publisher, byline, date, language, canonical);
  2. drop chrome that is never content (scripts, forms, dialogs, captions, share bars),
     but a photo essay's captions, which are its story (captions.py);
  3. take teaser sections and plugs out as blurbs, before readability sees them;
  4. readability picks the story container, anchored at the headline (container.py);
  5. the container becomes blocks (paragraphs, headings, list items, quotes, code);
  6. blocks that are bylines, datelines, captions, repeated headlines or chrome go;
  7. when nothing is left: the page's prose paragraphs, then the body its JSON-LD states
     (a page a script builds), then readability's choice on the page as it came (a page
     readability-lxml can read is never "no article");
  8. a page of teaser cards whose "story" is one of its teasers (a section front) is read
     as an index of its stories instead (index.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from newsreader.core.errors import ExtractError, NewsreaderError
from newsreader.core.extract.captions import CAPTION_MARK, keep_essay_captions
from newsreader.core.extract.container import (
    drop_unlikely_boxes,
    readability_container,
    section_heading,
)
from newsreader.core.extract.dates import has_date, parse_date
from newsreader.core.extract.domtext import (
    HEADINGS,
    class_and_id,
    in_running_text,
    is_hidden,
    iter_blocks,
    link_density,
    prose_words,
    text_of,
    words,
)
from newsreader.core.extract.index import Index, index_blocks, index_cards, story_is_a_teaser
from newsreader.core.extract.markers import (
    BYLINE_LABEL,
    CHROME_HINT,
    DATE_LABEL,
    SHORTCODE,
    byline_name,
    drop_closing_lines,
    is_byline,
    is_chrome_line,
    is_credit,
    is_promo,
    is_relative_time,
    normalise_phrase,
    plug_title,
)
from newsreader.core.extract.meta import PageMeta, read_meta
from newsreader.core.extract.repair import repair, without_controls
from newsreader.core.extract.site import SiteRules, drop_selected, select_story
from newsreader.core.extract.teasers import merge_duplicates, take_blurbs
from newsreader.core.extract.textdump import extract_text, is_subheading
from newsreader.core.io.urls import join_url
from newsreader.core.models import Article, Block, BlockKind, Blurb, DecodedDocument, Link

_NEVER_CONTENT = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button",
    "input", "select", "textarea", "nav", "figcaption", "dialog", "object", "embed", "video",
    "audio", "picture", "source", "map", "menu",
)
# A class that says what a box lacks ("no_caption", "has-no-ads", "without-sidebar") names
# no chrome: the box is whatever else it is.
_NEGATED = re.compile(r"(?:(?<=\s)|^)(?:has-?)?(?:no|without)[-_]\S*", re.IGNORECASE)
# A post's own container lists its taxonomy among its classes (WordPress's "post hentry
# category-news tag-sandy"): a tag named there is the post's, not a tag box.
_POST_CLASS = re.compile(r"(?:(?<=\s)|^)(?:hentry|type-post|post|article|entry)(?=\s|$)", re.IGNORECASE)
_TAXONOMY = re.compile(r"(?:(?<=\s)|^)(?:tag|category|format)-\S*", re.IGNORECASE)
# Reader comments: a whole section of them is never the story, however long it is.
_COMMENTS = re.compile(
    r"comments?|commentlist|comment-?(?:list|section|area|thread|respond|form|wrap(?:per)?|container)|"
    r"comments-?(?:area|section|list|wrap(?:per)?|container|block|box)|disqus_thread|respond|"
    r"(?:reader|user)-?comments",
    re.IGNORECASE,
)
# Post metadata labels ("Posted by: X - Category: Y"): a label starts the line or follows a
# separator, or ends in a colon; "opened by the mayor on 12 March" is a sentence.
_META_LABEL = rf"(?:{DATE_LABEL}|categor\w*|tags?|by)"
_META_WORDS = re.compile(rf"(?:^|[|•·–—-]\s*){_META_LABEL}\b|\b{_META_LABEL}\s*:", re.IGNORECASE | re.VERBOSE)
# An address starts where a run of its characters starts, and its parts have bounded
# lengths: a 100,000-character token cannot make the search quadratic.
_CONTACT = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}", re.IGNORECASE)
_BLOCK_KIND: dict[str, BlockKind] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item",
    "blockquote": "quote", "pre": "code",
}


def parse_html(text: str) -> HtmlElement:
    """Parse leniently; raise a one-line error when there is nothing to parse."""
    text = repair(text)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        if any("Excessive depth" in error.message for error in parser.error_log):
            root = _parse_deep(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractError(f"could not parse HTML: {exc}") from None
    if root is None:
        raise ExtractError("could not parse HTML: no document")
    return root


_MAX_DEPTH = 120  # well inside Python's recursion limit, far below any page's real nesting
# What runs deep on such pages, and says nothing of a paragraph's bounds once lifted.
_LIFTED = frozenset({"font", "span", "b", "i", "u", "em", "strong", "small", "big", "center", "div", "nobr"})
# Of those, the ones that never bound a paragraph: on such a page they are lifted at every
# depth, since the chain of them starts at the top ("<p>…</p><font><b><p>…</p><font><b>…"),
# and a story left half in the chain and half below it is read as two.
_INLINE = _LIFTED - {"div", "center"}


# The same tags in the source: a page deeper than even the raised limit is parsed without them.
_LIFTED_TAG = re.compile(r"</?(" + "|".join(sorted(_LIFTED)) + r")\b[^>]*>", re.IGNORECASE)


def _unnested(text: str) -> str:
    # (a lifted box becomes a space, "<div>a</div><div>b</div>" must not read "ab"; an
    # inline tag becomes nothing, "<b>W</b>ord" is one word)
    return _LIFTED_TAG.sub(lambda m: "" if m[1].lower() in _INLINE else " ", text)


def _parse_deep(text: str) -> HtmlElement:
    """A page nested deeper than the parser's limit of 256 (an old page that never closes
    its <font> tags: one more level a paragraph) loses everything below that depth.  It is
    parsed again with the limit raised (to 2,048) and flattened: font, span and bold tags are
    dropped, and div tags deeper than _MAX_DEPTH, their text and children lifted in order.
    Deeper than 2,048 (thousands of unclosed tags), those tags are taken out of the source
    and the page parsed flat: its boxes are lost, but not its text."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    root = lxml.html.document_fromstring(text, parser=parser)
    if any("Excessive depth" in error.message for error in parser.error_log):
        root = lxml.html.document_fromstring(_unnested(text), parser=parser)
    deep: list[HtmlElement] = []
    depth = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            if el.tag in _INLINE or (depth > _MAX_DEPTH and el.tag in _LIFTED):
                deep.append(el)
        else:
            depth -= 1
    for el in reversed(deep):  # deepest last in document order first: each lift is short
        el.drop_tag()
    return root


_CONTENT_HINT = re.compile(r"(?:^|[\s_-])(?:content|main|post|entry|article|story|text|body)(?:$|[\s_-])",
                           re.IGNORECASE)


def _box_around(el: HtmlElement, limit: int = 60) -> HtmlElement:
    """The widest ancestor of ``el`` with at most ``limit`` words (a promo box).  It never
    takes in a headline or a container named as the content: a short post with a comment
    field under it is not a promo box."""
    box = el
    for parent in el.iterancestors():
        if parent.tag in {"body", "html", "article", "main"} or words(text_of(parent)) > limit:
            break
        hint = class_and_id(parent)
        if _CONTENT_HINT.search(hint) or parent.find(".//h1") is not None:
            break
        box = parent
    return box


def drop_code_and_forms(root: HtmlElement) -> None:
    """Remove code, hidden elements and promo boxes built around a form field.

    Forms themselves stay: ASP.NET pages wrap the whole page in one <form>.
    """
    for field in list(root.iter("input", "button", "textarea", "select")):
        kind = (field.get("type") or "").lower()
        if field.getparent() is not None and (field.tag != "input" or kind in {"email", "submit", "text", ""}):
            box = _box_around(field)
            if box.getparent() is not None:
                box.drop_tree()
    for el in list(root.iter(*_NEVER_CONTENT)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and is_hidden(el):
            el.drop_tree()


def unlink_heading_anchors(root: HtmlElement) -> None:
    """A section heading that links to itself (``<h3 id=x><a href="#x">Title</a></h3>``,
    the permalink of blogs and docs) is a heading, not a link: readability drops any
    heading that is mostly link, and the story would lose its section titles.  The link
    becomes plain text; a bare mark beside the title ("¶", "#", "🔗") goes."""
    for heading in root.iter(*HEADINGS):
        for anchor in list(heading.iter("a")):
            if not (anchor.get("href") or "").startswith("#"):
                continue
            if re.search(r"\w", anchor.text_content() or ""):
                anchor.drop_tag()
            else:
                anchor.drop_tree()


_EMBED = re.compile(r"tweet|twitter|instagram|tiktok|facebook-post|bluesky|mastodon|embed", re.IGNORECASE)


def unmask_embeds(root: HtmlElement) -> None:
    """Embedded posts are quoted in the story, but readability's "unlikely" classes
    (tweet, twitter …) would drop them: clear those classes on the quote and its wrappers."""
    for quote in root.iter("blockquote"):
        el: HtmlElement | None = quote
        while el is not None and el.tag not in {"body", "article", "main"}:
            hint = class_and_id(el)
            if _EMBED.search(hint):
                el.attrib.pop("class", None)
                el.attrib.pop("id", None)
            parent = el.getparent()
            if parent is None or len(parent) > 2:
                break
            el = parent


def drop_comment_sections(root: HtmlElement) -> None:
    """Remove reader-comment sections whole.  Readability scores a long comment thread
    as prose, and once the story's own captions and boxes are gone it can win; a section
    is kept only if it holds most of the page's text (then the name is a misnomer)."""
    body = root.find("body")
    total = words(text_of(body if body is not None else root)) or 1
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in {"body", "html"}:
            continue
        tokens = class_and_id(el).split()
        if not tokens:
            continue  # (most elements: no pattern to run)
        if any(_COMMENTS.fullmatch(t) for t in tokens) and words(text_of(el)) < 0.6 * total:
            el.drop_tree()


def _standfirst(el: HtmlElement) -> bool:
    """A <header> holding only a sentence or two of prose (no heading, no link) is the
    story's standfirst, as some sites mark it up inside the article body."""
    return (el.tag == "header" and words(text_of(el)) >= 12 and el.find(".//a") is None
            and not any(True for _ in el.iter(*HEADINGS)))


def drop_chrome(root: HtmlElement) -> None:
    """Remove boxes that are never the story: figures, asides, dialogs, hinted chrome.

    No box holding most of the page's text is dropped, whatever its tag or name: on a page
    whose markup leaves a <header> open, the header holds the story too."""
    drop_comment_sections(root)
    body = root.find("body")
    most = 0.5 * (words(text_of(body if body is not None else root)) or 1)
    for el in list(root.iter("figure", "aside", "footer", "header")):
        if el.getparent() is None or words(text_of(el)) > most or _standfirst(el):
            continue
        # Figures and asides hold captions and boxes; keep the rare one that is prose.
        if el.tag in {"figure", "footer"} or words(text_of(el)) < 120 or link_density(el) > 0.3:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag in {"body", "html", "article", "main"}:
            continue
        role = (el.get("role") or "").lower()
        if role in {"dialog", "alertdialog", "navigation", "banner", "contentinfo",
                    "complementary", "search"} and words(text_of(el)) <= most:
            el.drop_tree()
            continue
        if not (el.get("class") or el.get("id")):
            continue  # most elements are named nothing: no pattern to run
        if "nocontent" in (el.get("class") or "").lower().split() and words(text_of(el)) <= most:
            # (Google's mark for what a site search should not index: the publisher's
            # own word that the box is not the page's content)
            el.drop_tree()
            continue
        if el.tag == "a" and in_running_text(el):
            continue  # a link in a sentence is words of it ("<a class="tag">Obama</a> said"); a
            # labelled span beside a caption ("credit") is not
        hint = class_and_id(el)
        if _NEGATED.search(hint):
            hint = _NEGATED.sub(" ", hint)
        if _POST_CLASS.search(hint):
            hint = _TAXONOMY.sub(" ", hint)
        if CHROME_HINT.search(hint) and el.find(".//blockquote") is None:
            # (an embedded post sits in a "social" box, but it is quoted in the story)
            n = words(text_of(el))
            # A hinted container is chrome when small, or when mostly links.
            if n < 40 or (link_density(el) > 0.5 and n < 400):
                el.drop_tree()


def _heading_forms(meta: PageMeta) -> frozenset[str]:
    return frozenset(normalise_phrase(t) for t in meta.headline_texts if t)


def _links_and_separators(text: str, links: list[tuple[str, str]]) -> bool:
    """A menu line: two or more links and nothing between them but separators."""
    if len(links) < 2:
        return False
    # (the labels in their order, each looked for after the last: one pass over the line,
    # where taking each label out of the line again cost a copy per link)
    pos = 0
    for label, _ in links:
        at = text.find(label, pos)
        if at < 0:
            continue
        if _NON_SEPARATOR.search(text, pos, at):
            return False
        pos = at + len(label)
    return not _NON_SEPARATOR.search(text, pos)


_NON_SEPARATOR = re.compile(r"[^\s|/·•:;,>»–—-]")


def meta_reason(
    text: str, links: list[tuple[str, str]], meta: PageMeta, headlines: frozenset[str]
) -> str | None:
    """Why a line is not the story (a byline, dateline, caption, credit, repeated headline
    or chrome), or None when it is.  Named reasons make the rules measurable one by one."""
    phrase = normalise_phrase(text)
    n = words(text)
    if phrase in headlines:
        return "headline"
    if is_chrome_line(text):
        return "chrome"
    if is_relative_time(text):
        return "time"
    linked = sum(len(label) for label, _ in links)
    if (n <= 5 and linked >= 0.9 * len(text)) or _links_and_separators(text, links):
        return "link-only"  # a kicker or tag that is only a link; "Home - News - Sport"
    if n >= 6 and len(links) >= 2 and linked >= 0.75 * len(text):
        return "link-run"  # a run of links (related names, topics), not a paragraph
    if n <= 14 and is_byline(text) and not text.rstrip().endswith((".", "?", "!", '"', "”")):
        return "byline"
    if n <= 2 and BYLINE_LABEL.match(text):
        return "byline"  # "By", its name gone with a box named "byline"
    if meta.byline and n <= 12 and normalise_phrase(meta.byline) in phrase:
        return "byline"
    if n <= 10 and has_date(text) and not re.search(r"[.!?:][\"”']?$", text) and not text.startswith(("—", "–")):
        # (but not an embedded post's "— Name (@handle) date", nor a line that
        # introduces what follows: "Update, 3 May 2024:")
        return "dateline"
    if n <= 30 and _META_WORDS.search(text) and has_date(text):
        return "post-meta"  # "05/10/2018 - Posted by: X - Category: Y - Tags: z"
    if is_promo(text) or SHORTCODE.match(text):
        return "promo"
    if is_credit(text):
        return "credit"
    if n <= 25 and _CONTACT.search(text):
        # a "send us a tip" or contact box; a longer paragraph that gives an address is
        # the story's (instructions, a press release's contacts), and a bio closing the
        # story goes by its own test
        return "contact"
    if n <= 25 and plug_title(text):
        return "plug"
    return None


_CODE_MARKS = re.compile(r"[{}();=<>\[\]$#\\|_*/@]")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?(?=\s|$)")
_ALIGNED = re.compile(r"\S {2,}\S")


def prose_in_pre(text: str) -> list[str] | None:
    """The paragraphs of a plain-text story set in a <pre> (mailing-list posts, minutes,
    old sites), or None for code, a poem or a table.  Prose: long hard-wrapped lines,
    sentences, and almost none of the marks code is made of."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or len(_SENTENCE_END.findall(text)) < 3:
        return None
    if sum(map(len, lines)) / len(lines) < 50 or len(_CODE_MARKS.findall(text)) > 0.01 * len(text):
        return None
    if sum(1 for line in lines if _ALIGNED.search(line.strip())) > 0.2 * len(lines):
        return None
    return [" ".join(para.split()) for para in re.split(r"\n\s*\n", text) if para.strip()]


def _typed_blocks(paragraphs: list[str]) -> list[Block]:
    """Typed paragraphs, where a subheading is found by the plain-text reader's own test."""
    blocks = []
    for i, para in enumerate(paragraphs):
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if is_subheading(para, following):
            blocks.append(Block("heading", para, 2))
        else:
            blocks.append(Block("paragraph", para))
    return blocks


def _data_row(el: HtmlElement) -> bool:
    """A table row read as one line (iter_blocks yields a <tr> only for a row of data
    cells), not mostly links: its date or name is the table's, not a dateline or byline."""
    return el.tag == "tr" and link_density(el) < 0.5


def _link_list_items(container: HtmlElement) -> set[HtmlElement]:
    """The items of lists whose items are links and nothing else (a menu, "Recent posts"):
    three items or more, four in five of them all link.  Judged once a list."""
    found: set[HtmlElement] = set()
    for listing in container.iter("ul", "ol", "menu"):
        items = [li for li in listing if li.tag == "li"]
        linked = [li for li in items if link_density(li) >= 0.9 or _counted_link(li)]
        if len(items) >= 3 and len(linked) >= 0.8 * len(items):
            found.update(linked)
    return found


# "News (1752)", "Oct 2012 [31]": a category's or a month's link and its count of posts
_COUNT_TAIL = re.compile(r"\s*[(\[]\d[\d,.]*[)\]]\s*$")


def _counted_link(li: HtmlElement) -> bool:
    """An item of an archive's or a category box's list: a link, then a count."""
    text = text_of(li)
    tail = _COUNT_TAIL.search(text)
    if tail is None:
        return False
    linked = sum(len(text_of(a)) for a in li.iter("a"))
    return linked >= 0.9 * len(text[:tail.start()].strip())


_SIGNATURES = frozenset({"byline", "post-meta", "dateline"})


def _signature(text: str, reason: str | None) -> bool:
    """A line that signs or dates a post: a byline, a dateline, "Posted by X at 12:10 PM"."""
    return reason in _SIGNATURES or (reason == "chrome" and bool(_POSTED_BY.match(text)) and has_date(text))


# "Posted by Ellen at September 10, 2012 12:10 PM", which the chrome lines hold ("posted at 10:12")
_POSTED_BY = re.compile(r"\W*(?:posted|written|submitted)\s+by\b", re.IGNORECASE)


def _thread_signatures(lines: list[tuple[str, str | None]]) -> set[int]:
    """Which signature lines stay: when three or more sign the posts of one page (a comment
    thread readability kept, a live blog's entries, a spec sheet's dates), they are the
    page's lines, and without them the entries run together as one voice.  The first one
    still goes to the byline.  One or two are the story's own byline and date."""
    signed = [i for i, (text, reason) in enumerate(lines) if _signature(text, reason)]
    return set(signed[1:]) if len(signed) >= 3 else set()


def _to_blocks(
    container: HtmlElement, meta: PageMeta, base: str | None
) -> tuple[list[Block], str | None, dt.date | None]:
    """The story's blocks, and a byline and date found among the lines dropped."""
    headlines = _heading_forms(meta)
    link_lists = _link_list_items(container)
    blocks: list[Block] = []
    byline = None
    date: dt.date | None = None
    lines = []
    for el, text, links in iter_blocks(container):
        tag = el.tag if isinstance(el.tag, str) else "p"
        kind: BlockKind = _BLOCK_KIND.get(tag, "paragraph")
        reason = (None if kind == "code" or _data_row(el) or el.get(CAPTION_MARK) is not None
                  else meta_reason(text, links, meta, headlines))
        if reason == "link-only" and kind == "heading" and section_heading(el):
            reason = None  # (a section's heading that links to its subject: the story's)
        lines.append((el, text, links, tag, kind, reason))
    kept_signatures = _thread_signatures([(text, reason) for _, text, _, _, _, reason in lines])
    for i, (el, text, links, tag, kind, reason) in enumerate(lines):
        if reason is not None and i not in kept_signatures:
            byline = byline or byline_name(text)
            date = date or (parse_date(text, meta.month_first) if words(text) <= 20 else None)
            continue
        if el in link_lists:
            continue
        if kind == "code" and (paragraphs := prose_in_pre(text)):
            blocks += _typed_blocks(paragraphs)
            continue
        level = int(tag[1]) if kind == "heading" else 0
        if kind == "heading" and level == 1:
            level = 2
        block_links = tuple(
            Link(label, url) for label, href in links
            if not href.startswith(("#", "javascript:")) and (url := join_url(base, href))
        )
        blocks.append(Block(kind, text, level, block_links))
    # A standfirst that repeats the opening of the next paragraph is said once.
    blocks = [b for i, b in enumerate(blocks)
              if not (i + 1 < len(blocks) and b.kind == "paragraph"
                      and blocks[i + 1].text.startswith(b.text) and len(blocks[i + 1].text) > len(b.text))]
    # A trailing heading with nothing under it is a leftover section title; an author bio
    # or a newsletter prompt closing the story is not the story.
    while blocks and blocks[-1].kind == "heading":
        blocks.pop()
    blocks = drop_closing_lines(blocks)
    while blocks and blocks[-1].kind == "heading":
        blocks.pop()
    return blocks, byline, date


def _prose_fallback(html: str, meta: PageMeta, base: str | None) -> list[Block]:
    """When readability finds nothing, the page's running text: every paragraph of
    prose left after the chrome, the teasers and the boxes readability never reads are
    gone (rare, so it re-parses)."""
    root = parse_html(html)
    drop_code_and_forms(root)
    take_blurbs(root, base)
    drop_chrome(root)
    drop_unlikely_boxes(root)  # (as readability would: its sidebars, menus and comments are no prose)
    body = root.find("body")
    blocks, _, _ = _to_blocks(body if body is not None else root, meta, base)
    return [b for b in blocks if b.kind != "paragraph" or words(b.text) >= 12]


def _stated_body(body: str, doc: DecodedDocument) -> list[Block]:
    """The story as the page's JSON-LD states it (articleBody), for a page whose body is
    built by a script and holds no text: plain text read by the text-dump reader, or the
    HTML some sites put there read as HTML."""
    if _MARKUP.search(body):
        try:
            fragment = lxml.html.fragment_fromstring(without_controls(body), create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            return []
        return _every_block(fragment)
    return list(extract_text(DecodedDocument(doc.source, body, "text", url=doc.url)).blocks)


_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li)\b", re.IGNORECASE)


def _untouched_container(html: str, headlines: frozenset[str]) -> HtmlElement | None:
    """Readability's choice on the page as it came (scripts and styles aside)."""
    try:
        root = parse_html(html)
        for el in list(root.iter("script", "style", "noscript", "template")):
            if el.getparent() is not None:
                el.drop_tree()
        return readability_container(root, None, headlines)
    except NewsreaderError:
        return None


Untouched = Callable[[], "HtmlElement | None"]  # readability's choice on the untouched page, made once


def _readability_alone(untouched: Untouched) -> list[Block]:
    """The last resort: readability's choice on the page as it came, every block of it.
    Our clean-up may judge a short page to be all chrome; a reader still gets the text
    that readability-lxml alone would give, rather than "no article"."""
    container = untouched()
    return _every_block(container) if container is not None else []


def _every_block(container: HtmlElement) -> list[Block]:
    """Every block of a container as it stands, none judged: the last resorts' reading."""
    blocks = []
    for el, text, _ in iter_blocks(container):
        kind: BlockKind = _BLOCK_KIND.get(el.tag, "paragraph") if isinstance(el.tag, str) else "paragraph"
        blocks.append(Block(kind, text, 2 if kind == "heading" else 0))
    return blocks


def _block_words(blocks: list[Block]) -> int:
    return sum(words(b.text) for b in blocks)


def _second_opinion(
    untouched: Untouched, blocks: list[Block], prose: int, meta: PageMeta, base: str | None
) -> list[Block] | None:
    """Readability's choice on the untouched page, when ours is doubtful and it is better.

    Ours is doubtful when the page holds half as much prose again as we kept: our clean-up
    took a box for chrome, or readability picked a part of the story once the chrome was
    gone.  The other reading wins only when it holds ours (so it is the same story, not
    the comments or another article), is half as long again, and is no longer than the
    page's prose by more than a third (so what it adds is prose, not a list of links).
    """
    kept = _block_words(blocks)
    if prose < 1.5 * max(kept, 1):
        return None
    container = untouched()
    if container is None:
        return None
    other, _, _ = _to_blocks(container, meta, base)
    found = _block_words(other)
    if not (1.5 * kept <= found <= 1.3 * prose):
        return None
    theirs = normalise_phrase(" ".join(b.text for b in other))
    held = sum(words(b.text) for b in blocks if normalise_phrase(b.text) in theirs)
    return other if held >= 0.9 * kept else None


_REPEAT_WORDS = 12  # a paragraph this long is said once; a short line ("Yes.") may recur


def _without_repeats(blocks: list[Block]) -> list[Block]:
    """The story told twice: a paywalled page keeps its teaser twice (once hidden, for a
    script to show), and readability joins the two.  When the paragraphs that open the story
    come again as soon as they end, the copy goes.  Other repeats stay: a meal plan gives
    the same line every day, a test page the same paragraph in every section."""
    def key(block: Block) -> str | None:
        return normalise_phrase(block.text) if block.kind == "paragraph" and words(block.text) >= _REPEAT_WORDS else None

    first = next((i for i, block in enumerate(blocks) if key(block)), None)
    if first is None:
        return blocks
    opening = key(blocks[first])
    for j in range(first + 1, len(blocks)):
        if key(blocks[j]) == opening and key(blocks[j - 1]) != opening:
            run = 0
            while j + run < len(blocks) and first + run < j and blocks[j + run].text == blocks[first + run].text:
                run += 1
            # (told again as soon as it was told, two paragraphs or more: a section that
            # reuses a paragraph is no copy)
            if first + run == j and sum(1 for block in blocks[j:j + run] if key(block)) >= 2:
                return blocks[:j] + blocks[j + run:]
            return blocks
    return blocks


def extract_html(doc: DecodedDocument, site: SiteRules | None = None) -> Article:
    """1. parse, and read the page's metadata; 2. drop code, forms, and what the site's
    rules drop; 3. set the blurbs apart; 4. the story: what the site's selector matches,
    else readability's choice with the chrome dropped, else the page's prose, else
    readability's choice on the page as it came; 5. on a page of teasers whose story is
    one of them, the index of its stories."""
    root = parse_html(doc.text)
    meta = read_meta(root, doc.url)
    base = meta.canonical_url or doc.url
    frames = [url for frame in root.iter("frame") if frame.get("src") and (url := join_url(base, frame.get("src", "")))]
    keep_essay_captions(root)  # (a photo essay's captions are its story: before captions go)
    drop_code_and_forms(root)
    if site:
        drop_selected(root, site)
    # (a section front's cards, read before the clean-up takes them apart; a site's
    # selector names the story, and no index is looked for)
    index = Index() if site and site.selector else index_cards(root, base)
    blurbs: list[Blurb] = take_blurbs(root, base)
    if site and site.selector:
        blocks, byline, date = _to_blocks(select_story(root, site), meta, base)
        if not blocks:
            raise ExtractError(f"the selector {site.selector!r} matched no text")
        return Article(title=meta.title, blocks=tuple(blocks), blurbs=tuple(blurbs), url=doc.url,
                       canonical_url=meta.canonical_url, publisher=meta.publisher,
                       byline=meta.byline or byline, published=meta.published or date, language=meta.language)
    drop_comment_sections(root)
    headlines = _heading_forms(meta)
    prose = prose_words(root)
    drop_chrome(root)
    unmask_embeds(root)
    unlink_heading_anchors(root)
    try:
        container = readability_container(root, doc.url, headlines)
        blocks, byline, date = _to_blocks(container, meta, base)
    except NewsreaderError:
        blocks, byline, date = [], None, None
    # Read once, and only if the second opinion or the last resort asks for it.
    untouched: Untouched = functools.cache(lambda: _untouched_container(doc.text, headlines))
    blocks = _second_opinion(untouched, blocks, prose, meta, base) or blocks
    if not blocks:
        blocks = _prose_fallback(doc.text, meta, base)
    is_index = story_is_a_teaser(blocks, index)
    if is_index:
        # (a page of teasers, where what we kept is one of them: its stories, not a stray
        # line; and no byline, which would be a teaser's)
        blocks, date = index_blocks(index.cards), None
        blurbs = merge_duplicates([*index.cards, *blurbs])
    if not blocks and meta.article_body:
        blocks = _stated_body(meta.article_body, doc)
    if not blocks:
        blocks = _readability_alone(untouched)
    if not blocks and frames:
        # (an old site's frameset: the text is in the pages it frames, which the reader
        # can open; "no article text found" would say nothing of where it is)
        raise ExtractError(f"a page of frames with no text of its own; its frames: {' '.join(frames[:4])}")
    return Article(
        title=meta.title,
        blocks=tuple(_without_repeats(blocks)),
        blurbs=tuple(blurbs),
        url=doc.url,
        canonical_url=meta.canonical_url,
        publisher=meta.publisher,
        byline=None if is_index else meta.byline or byline,
        published=meta.published or date,
        language=meta.language,
        kind="index" if is_index else "story",
    )
