"""A photo essay's captions are its story.

Captions and credits are dropped as chrome: on a story they restate a picture the reader
does not see.  On a photo essay ("Photos: Halloween in Hong Kong") they are the story: one
sentence of standfirst, then a dozen pictures each told in its caption, and dropping them
left the standfirst alone.  A page is a photo essay when it has four captioned pictures or
more and its captions hold as many words as all the rest of its running prose; then each
caption takes its picture's place as a paragraph, where the clean-up keeps it.

Captions are known by their markup only (a <figure>'s <figcaption>, WordPress's caption
box), each beside a picture: a box merely named "caption" may be a whole post.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

from newsreader.core.extract.domtext import is_hidden, prose_words, text_of, words

CAPTION_MARK = "data-caption"  # on the paragraph a kept caption becomes: not a credit line
_MIN_CAPTIONS = 4
_WP_BOX = re.compile(r"(?:^|\s)wp-caption(?:\s|$)")
_WP_TEXT = re.compile(r"(?:^|\s)wp-caption-text(?:\s|$)")


def _captions(root: HtmlElement) -> list[tuple[HtmlElement, HtmlElement]]:
    """(the box a picture and its caption sit in, the caption), in page order."""
    found = []
    for box in root.iter("figure", "div"):
        if box.tag == "figure":
            caption = box.find(".//figcaption")
        elif _WP_BOX.search(box.get("class") or ""):
            caption = next((el for el in box.iter()
                            if isinstance(el.tag, str) and _WP_TEXT.search(el.get("class") or "")), None)
        else:
            continue
        # (read before hidden elements go: a caption hidden, or in a hidden box, is none)
        if (caption is not None and box.find(".//img") is not None and text_of(caption)
                and not any(is_hidden(el) for el in (caption, box, *box.iterancestors()))):
            found.append((box, caption))
    return found


def keep_essay_captions(root: HtmlElement) -> bool:
    """On a photo essay, each captioned picture becomes its caption as a paragraph (marked
    CAPTION_MARK); True when the page was one."""
    captions = _captions(root)
    if len(captions) < _MIN_CAPTIONS:
        return False
    told = sum(words(text_of(caption)) for _, caption in captions)
    if told < prose_words(root, leaving=frozenset(caption for _, caption in captions)):
        return False
    for box, caption in captions:
        if box.getparent() is None:
            continue  # (inside a box already replaced)
        paragraph = lxml.html.Element("p")
        paragraph.set(CAPTION_MARK, "")
        paragraph.text = " ".join(text_of(caption).split())
        paragraph.tail = box.tail
        box.tail = None
        box.addprevious(paragraph)
        box.drop_tree()
    return True
