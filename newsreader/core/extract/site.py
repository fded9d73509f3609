"""Extraction rules for one site, for pages where finding the story by itself fails
(Miniflux's scraper rules): a CSS selector for the story, and selectors to drop.

    [[feeds]]
    url = "https://example.com/feed.xml"
    selector = "div.article-body"          # the story is what this matches, in page order
    drop = [".newsletter-signup", "aside"]  # removed first, wherever they are

``newsreader extract --selector CSS [--drop CSS] PAGE`` tries a selector out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsreader.core.errors import ConfigError, ExtractError

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # lxml loads when a page is read, not with the config


@dataclass(frozen=True, slots=True)
class SiteRules:
    selector: str | None = None
    drop: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.selector or self.drop)


def make_site_rules(selector: str | None, drop: tuple[str, ...], where: str = "") -> SiteRules:
    """Rules with every selector checked, so a typo is a config error, not a silent miss."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    for css in (selector, *drop) if selector or drop else ():
        if css is None:
            continue
        try:
            CSSSelector(css)
        except SelectorError as exc:
            raise ConfigError(f"config: {where}bad CSS selector {css!r}: {exc}") from None
    return SiteRules(selector or None, tuple(drop))


def drop_selected(root: HtmlElement, rules: SiteRules) -> None:
    for css in rules.drop:
        for el in root.cssselect(css):
            if el.getparent() is not None:
                el.drop_tree()


def select_story(root: HtmlElement, rules: SiteRules) -> HtmlElement:
    """The elements the selector matches (outermost only), in page order, in one container."""
    assert rules.selector is not None
    found = root.cssselect(rules.selector)
    if not found:
        raise ExtractError(f"the selector {rules.selector!r} matched nothing on the page")
    chosen = set(found)
    outermost = [el for el in found if not any(a in chosen for a in el.iterancestors())]
    container: HtmlElement = root.makeelement("div")
    for el in outermost:
        container.append(el)  # moved out of the page: the rest is left behind
    return container
