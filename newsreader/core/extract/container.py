"""Stage 4 of page.py: readability-lxml picks the box that holds the story, and the
headline keeps it honest.

readability scores each box by the prose in it: commas, paragraph lengths, class names.
It knows nothing of the headline, so two kinds of page fool it:

  * a box of long promotional paragraphs (a credit-card carousel, a "featured offers"
    rail) beside a short post outscores the post by a point or two;
  * its rule for a nested <article> steps into a teaser card that sits inside the story
    ("You may also like" as an <article> of its own) and keeps only that card.

A story sits by its headline.  When readability's choice is not by the page's headline and
another of its five best candidates is, that one is the story, if it is a near rival (at
least three fifths of the score and half the text of the choice) and either stands apart
from the choice or scored better and was passed over by readability's later rules.

Where the choice came from readability's own scores, the box above it is the choice if it
scores better, as Readability.js has it and readability-lxml has not: the story's lede set
beside the "read more" box that readability chose.

Its clean-up of the chosen box keeps lists of sentences that link their sources (a
project's weekly notes), which it would drop for their links, and section headings set in
boxes of their own, which it would drop as too short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from readability import Document as Readability
from readability.readability import REGEXES

from newsreader.core.errors import ExtractError
from newsreader.core.extract.domtext import (
    HEADINGS,
    INLINE,
    class_and_id,
    in_running_text,
    link_density,
    text_of,
    words,
)
from newsreader.core.extract.markers import (
    CHROME_HINT,
    is_blurb_heading,
    is_chrome_line,
    normalise_phrase,
)

_RIVALS = 5  # readability's own "top candidates" that it logs
_NEAR_SCORE = 0.6
_NEAR_TEXT = 0.5

Candidate = dict[str, Any]  # readability's {"elem": HtmlElement, "content_score": float}


class AnchoredReadability(Readability):
    """readability-lxml, told the forms of the headline (normalised) before it chooses."""

    def __init__(self, root: HtmlElement, url: str | None, headlines: frozenset[str]) -> None:
        super().__init__(root, url=url)
        self.headlines = headlines
        self._linked_sections: set[HtmlElement] = set()

    def select_best_candidate(self, candidates: dict[HtmlElement, Candidate]) -> Candidate | None:
        first: Candidate | None = super().select_best_candidate(candidates)
        best = self._by_the_headline(first, candidates)
        if best is not None and best is first:
            # (a rival chosen by the headline stands: its parent may hold what it was chosen over)
            best = _score_going_up(best, candidates)
        return best

    def _by_the_headline(self, best: Candidate | None, candidates: dict[HtmlElement, Candidate]) -> Candidate | None:
        if best is None or not self.headlines:
            return best
        heads = [h for h in self.html.iter("h1", "h2", "h3") if normalise_phrase(text_of(h)) in self.headlines]
        if not heads or _by_headline(best["elem"], heads):
            return best
        chosen = best["elem"]
        ranked = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)[:_RIVALS]
        for rival in ranked:
            elem = rival["elem"]
            if elem is chosen or not _by_headline(elem, heads):
                continue
            passed_over = rival["content_score"] > best["content_score"]
            near = (rival["content_score"] >= _NEAR_SCORE * best["content_score"]
                    and len(text_of(elem)) >= _NEAR_TEXT * len(text_of(chosen)))
            apart = not _holds(elem, chosen) and not _holds(chosen, elem)
            if near and (apart or passed_over):
                if chosen.tag == "article" and _holds(elem, chosen):
                    # readability stepped into a card nested in the story: such cards
                    # are other posts (related, next), not parts of this one
                    for card in [a for a in elem.iter("article") if a is not elem and not _holds_any(a, heads)]:
                        card.drop_tree()
                return rival
        return best

    def get_article(self, candidates: dict[HtmlElement, Candidate], best_candidate: Candidate,
                    html_partial: bool = False) -> Any:
        """readability joins a sibling of its choice when the sibling scores a fifth of the
        choice; a story split into boxes of the same class around an inline box (a lede in
        one <div class="articleBody">, the rest in the next) lost its lede.  As Readability.js
        does, a sibling of the same class gets a fifth of the choice's score as a bonus."""
        _same_class_bonus(candidates, best_candidate)
        return super().get_article(candidates, best_candidate, html_partial)

    def merge_article_segments(self, candidates: dict[HtmlElement, Candidate], best_candidate: Candidate,
                               score_threshold: float) -> None:
        """readability joins to its choice the boxes elsewhere on the page that share its
        class ("entry", "post"), as a story split around an ad is.  Two corrections:
          1. a box under a headline that is one link is another story's teaser, and is not
             offered (a "Recent posts" box of cards named "entry", a row of featured posts);
          2. a part readability never scored, having no paragraph (a how-to's list of
             supplies, in a step box like the others), is offered at the threshold.
        readability's own tests (a frame holding both, neither inside the other) decide."""
        # (only a box of the choice's tag can be joined; each parent's headings read once)
        best = best_candidate["elem"]
        beside: dict[HtmlElement, bool] = {}
        segments = {elem: found for elem, found in candidates.items()
                    if elem.tag != best.tag or not _under_a_linked_headline(elem, beside)}
        for part in _unscored_parts(self.html, best, segments, beside):
            segments[part] = {"content_score": score_threshold, "elem": part}
        super().merge_article_segments(segments, best_candidate, score_threshold)

    def sanitize(self, node: HtmlElement, candidates: dict[HtmlElement, Candidate], keep_all_images: bool = False) -> Any:
        """readability drops every heading more than a third link; a section heading that
        links to its subject ("<h4><a href=wiki/Password_Manager>Password Manager</a></h4>"
        over the section's list) is the story's, as Readability.js keeps it."""
        self._linked_sections = {h for h in node.iter(*HEADINGS) if section_heading(h)}
        return super().sanitize(node, candidates, keep_all_images)

    def get_link_density(self, elem: HtmlElement) -> float:
        if elem in self._linked_sections:
            return 0.0  # (read by sanitize's heading rule alone: no heading is scored)
        return float(super().get_link_density(elem))

    def remove_unlikely_candidates(self) -> None:
        """readability drops every element named like chrome ("popup", "share", "extra"),
        down to a link in a sentence ("a <a class="popup">rather elderly</a> man"), and the
        sentence loses its words.  As in Readability.js, links are spared; so is any inline
        element in running text."""
        for elem in self.html.findall(".//*"):
            if elem.tag != "a" and not in_running_text(elem) and unlikely(elem):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability makes a <div> of text and inline tags a <p>, and in a <div> that
        also holds blocks it wraps each run of text in a <p> of its own.  But it starts a
        new <p> at every inline tag that follows a <br>, and the text before that tag goes
        to a <p> of its own: "You can get it from <a>the repository</a>." came out as two
        paragraphs, the second a lone link.  Here a run of text and inline tags is one
        paragraph, up to a <br> or a block, as Readability.js reads it."""
        for elem in list(self.html.iter("div")):
            if not _holds_a_block(elem):
                elem.tag = "p"
        for elem in list(self.html.iter("div")):
            _wrap_runs(elem)

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        """readability's clean-up drops a list whose links weigh more than a fifth of its
        text; a list of sentences that link their sources ("Neil has patches up to
        <a>improve the tab unloader</a>, and <a>show UI when subframes crash</a>") is the
        story's, and stays."""
        kept: dict[HtmlElement, bool] = super().get_preserved_elements(node)
        for found in node.iter("ul", "ol"):
            if _list_of_sentences(found):
                kept[found] = True
        for box in _heading_boxes(node):
            hint = class_and_id(box)
            if self.class_weight(box) >= 0 and not CHROME_HINT.search(hint):
                kept[box] = True
        for box in _story_boxes(node, self):
            kept[box] = True
        return kept


_STORY_LINKS = 1 / 3  # a story's box may link a third of its words (readability allows a fifth)
_SEGMENT_LINKS = 0.2  # readability's own limit for a part it joins (merge_article_segments)
_ITEM_WORDS = 8  # an item of a sentence's length…
_ITEM_UNLINKED = 4  # …that says something in words of its own, not only in its links


# What readability will not read as part of a paragraph (its divToPElementsRe).
_BLOCKS = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})


_SIBLING_BONUS = 0.2  # Readability.js: a fifth of the top candidate's score


def _same_class_bonus(candidates: dict[HtmlElement, Candidate], best: Candidate) -> None:
    chosen = best["elem"]
    name = " ".join((chosen.get("class") or "").split())
    parent = chosen.getparent()
    if not name or parent is None:
        return
    bonus = _SIBLING_BONUS * best["content_score"]
    for sibling in parent:
        if sibling is chosen or " ".join((sibling.get("class") or "").split()) != name:
            continue
        if sibling in candidates:
            candidates[sibling]["content_score"] += bonus
        else:
            candidates[sibling] = {"content_score": bonus, "elem": sibling}


def unlikely(elem: HtmlElement) -> bool:
    """readability-lxml's own test for a box it never reads: named like chrome (a sidebar,
    a menu, a footer, comments) and not like content, outside code, and holding no <main>,
    <article> or formula."""
    hint = class_and_id(elem)
    return (
        len(hint) >= 2
        and bool(REGEXES["unlikelyCandidatesRe"].search(hint))
        and not REGEXES["okMaybeItsACandidateRe"].search(hint)
        and elem.tag not in ("html", "body")
        and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
        and not elem.xpath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math")
    )


def drop_unlikely_boxes(root: HtmlElement) -> None:
    """Remove the boxes readability never reads (``unlikely``), links and words in a
    sentence aside, and none that holds half the page's text."""
    body = root.find("body")
    half = 0.5 * (words(text_of(body if body is not None else root)) or 1)
    for elem in list(root.iter()):
        if (isinstance(elem.tag, str) and elem.getparent() is not None and elem.tag != "a"
                and (elem.get("class") or elem.get("id")) and not in_running_text(elem)
                and unlikely(elem) and words(text_of(elem)) <= half):
            elem.drop_tree()


def section_heading(head: HtmlElement) -> bool:
    """A heading with a section under it: a list or table, or two paragraphs of prose
    (a teaser's heading has one standfirst, or nothing, under it)."""
    after = head.getnext()
    while after is not None and not text_of(after):
        after = after.getnext()  # (a picture or a video between a heading and its text)
    text = text_of(head)
    if after is None or not _WORD.search(text) or is_blurb_heading(text):
        return False
    if after.tag in ("ul", "ol", "dl", "table"):
        return True
    first = words(text_of(after)) if after.tag == "p" else 0
    if first < _SECTION_PARAGRAPH:
        return False
    if first >= _SECTION_LONE:
        return True  # a paragraph no standfirst runs to: a listicle's item, under its link
    then = after.getnext()
    return then is not None and then.tag in ("p", "ul", "ol") and words(text_of(then)) >= _SECTION_NEXT


_SECTION_PARAGRAPH = 20  # words of the first paragraph under a section heading…
_SECTION_NEXT = 10  # …and of the block after it
_SECTION_LONE = 60  # …or of a first paragraph long enough to stand alone


def _holds_a_block(el: HtmlElement) -> bool:
    return any(d.tag in _BLOCKS for d in el.iterdescendants())


def _wrap_runs(div: HtmlElement) -> None:
    """Each run of text and inline tags among a box's blocks becomes one <p>; a <br> ends
    a run (and goes, as readability drops it)."""
    items: list[str | HtmlElement] = [div.text] if div.text else []
    div.text = None
    for child in list(div):
        tail, child.tail = child.tail, None
        div.remove(child)
        items.append(child)
        if tail:
            items.append(tail)
    run: HtmlElement | None = None
    for item in items:
        if isinstance(item, str):
            if run is None and not item.strip():
                continue
            if run is None:
                run = lxml.html.Element("p")
                div.append(run)
            if len(run):
                run[-1].tail = (run[-1].tail or "") + item
            else:
                run.text = (run.text or "") + item
        elif item.tag == "br":
            run = None
        elif item.tag in INLINE and not _holds_a_block(item):
            if run is None:
                run = lxml.html.Element("p")
                div.append(run)
            run.append(item)
        else:
            run = None
            div.append(item)


_FLOOR = 1 / 3  # Readability.js: a parent scoring below a third of the top box is no story
_RISE = 1.1  # a tenth better than the box below: with any rise, a byline box's few lines beside
# the story lifted the choice to a column holding the author's bio and the next-post links


def _score_going_up(best: Candidate, candidates: dict[HtmlElement, Candidate]) -> Candidate:
    """Readability.js's rule, which readability-lxml lacks: if the score goes up on the way
    from the chosen box to the page's body, the box above holds more of the story (a lede
    set in a "story-intro" beside the "read-more" box that readability chose) and is the
    choice.  Walked up until a box scores below a third of the choice."""
    last = best["content_score"]
    for box in best["elem"].iterancestors():
        if box.tag in ("body", "html"):
            break
        found = candidates.get(box)
        if found is None:
            continue
        if found["content_score"] < _FLOOR * best["content_score"]:
            break
        if found["content_score"] > _RISE * last:
            return found
        last = found["content_score"]
    return best


def _list_of_sentences(found: HtmlElement) -> bool:
    """Half its items or more are sentences of inline text (a comment thread's items hold
    blocks: a name, a date, the comment) with words outside their links."""
    items = [li for li in found if li.tag == "li"]
    sentences = 0
    for li in items:
        if any(isinstance(el.tag, str) and el.tag not in INLINE and el.tag not in _NESTED
               for el in li.iterdescendants()):
            continue
        n = words(text_of(li))
        linked = sum(words(text_of(a)) for a in li.iter("a"))
        if n >= _ITEM_WORDS and n - linked >= _ITEM_UNLINKED:
            sentences += 1
    return bool(items) and sentences >= 0.5 * len(items)


_NESTED = frozenset({"ul", "ol", "li", "br"})
_WORD = re.compile(r"[^\W\d_]{3}")


def _story_boxes(node: HtmlElement, readability: Readability) -> Iterator[HtmlElement]:
    """A box that holds most of the article readability chose, is not named as chrome and
    is not mostly links, is the story.  readability's clean-up weighs each box by counts,
    and dropped the very box it had chosen, and with it the whole story: a photo story
    (a picture in every paragraph: "too many images"), a blog post whose sentences link
    their sources (a fifth of its words in links: "too many links").  Readability.js, left
    with too little, tries again without that clean-up; here the story's box is spared."""
    total = len(text_of(node))
    for box in node.iter("div", "section", "table", "ul"):
        if (box is not node and len(text_of(box)) > 0.5 * total and readability.class_weight(box) >= 0
                and link_density(box) <= _STORY_LINKS):
            yield box


def _unscored_parts(html: HtmlElement, best: HtmlElement, scored: dict[HtmlElement, Candidate],
                    beside: dict[HtmlElement, bool]) -> Iterator[HtmlElement]:
    """Boxes of the choice's tag that share one of its content classes (readability's
    positive names), hold text, are not linky and are no teaser, but were never scored."""
    named = {n for n in (best.get("class") or "").split() if REGEXES["positiveRe"].search(n)}
    if not named:
        return
    for elem in html.iter(best.tag):
        if (elem not in scored and named & set((elem.get("class") or "").split()) and text_of(elem)
                and link_density(elem) <= _SEGMENT_LINKS and not _under_a_linked_headline(elem, beside)):
            yield elem


def _under_a_linked_headline(elem: HtmlElement, beside: dict[HtmlElement, bool]) -> bool:
    """A heading that is one link sits in the box, or beside it in its parent: a teaser.
    ``beside`` keeps, for each parent seen, whether such a heading is among its children."""
    parent = elem.getparent()
    if parent is not None and parent not in beside:
        beside[parent] = any(child.tag in HEADINGS and _one_link(child) for child in parent)
    return (parent is not None and beside[parent]) or any(_one_link(head) for head in elem.iter(*HEADINGS))


def _one_link(head: HtmlElement) -> bool:
    links = head.findall(".//a")
    return len(links) == 1 and bool(text_of(head)) and text_of(links[0]) == text_of(head)


def _heading_boxes(node: HtmlElement) -> Iterator[HtmlElement]:
    """Boxes that hold a section heading and nothing else (a CMS sets each heading in a
    <div> of its own); readability drops such a box as too short for content.  Found from
    the headings up, so a page of many boxes costs a look per heading, not per box."""
    for head in node.iter(*HEADINGS):
        text = text_of(head)
        # (a word in it: "1 of 6" over a gallery's slides is a counter)
        if not _WORD.search(text) or is_chrome_line(text) or is_blurb_heading(text):
            continue
        for box in head.iterancestors():
            # (readability has made the innermost <div> a <p> by now: climb through it)
            if box is node or box.tag not in ("div", "section", "p") or text_of(box) != text:
                break
            if box.tag != "p":
                yield box


def _holds_any(outer: HtmlElement, inner: list[HtmlElement]) -> bool:
    """One of ``inner`` is ``outer`` or inside it."""
    return any(el is outer or _holds(outer, el) for el in inner)


def _holds(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(el is outer for el in inner.iterancestors())


def _by_headline(elem: HtmlElement, heads: list[HtmlElement]) -> bool:
    """The headline is in the box, or beside it in its parent (but the page's <body> is
    beside everything)."""
    return any(box is not None and box.tag not in ("body", "html") and _holds_any(box, heads)
               for box in (elem, elem.getparent()))


def readability_container(root: HtmlElement, url: str | None,
                          headlines: frozenset[str] = frozenset()) -> HtmlElement:
    """Run readability-lxml on an already-parsed tree and parse its choice."""
    try:
        summary = AnchoredReadability(root, url, headlines).summary(html_partial=True)
    except Exception as exc:  # readability raises bare Exceptions on odd trees
        raise ExtractError(f"could not find an article: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not summary.strip():
        raise ExtractError("could not find an article in the page")
    try:
        return lxml.html.fragment_fromstring(summary, create_parent="div")
    except (AssertionError, lxml.etree.ParserError):
        # readability hands back the whole document when it has no body (a page cut off
        # inside its head, or all head), and lxml will not read that as a fragment
        raise ExtractError("could not find an article in the page") from None
