"""The reader: headline and meta line, the summary beside (or above) the story, blurbs apart."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.core.models import Article

from .. import text
from ..keys import help_rows, screen_bindings, triage_bindings
from ..messages import CopyLink, OpenLink, OpenSource, SaveBlurb, StepUnread, TriageRequested
from .help import HelpScreen

WIDE = 120  # columns from which the summary sits beside the story


def move_cursor(options: OptionList, step: int) -> None:
    options.action_cursor_down() if step > 0 else options.action_cursor_up()


class ReaderScreen(Screen[None]):
    """A stored item (or, under ``newsreader read``, one page) to read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back", id="back"),
        Binding("question_mark", "help", "Help", id="help"),  # early: a narrow footer keeps it
        Binding("t", "toggle_focus", "Summary/story", id="toggle_focus"),
        Binding("b", "blurbs", "Blurbs", id="blurbs"),
        Binding("h", "highlight", "Highlight", id="highlight"),
        Binding("o", "browser", "Browser", id="browser"),
        Binding("y", "copy_url", "Copy URL", id="copy_url"),
        Binding("n", "step(1)", "Next unread", id="next_unread"),
        Binding("p", "step(-1)", "Prev unread", id="previous_unread"),
        *triage_bindings(show=False),
        Binding("a", "save_blurb", "Save blurb", show=False, id="save_blurb"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False, id="page_down"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next"),
        Binding("z", "fold", "Fold panes", show=False, id="fold"),
        *(Binding(str(n), f"link({n})", f"Open link {n}", show=False) for n in range(1, 10)),
    ]
    HELP_EXTRA: ClassVar[tuple[tuple[str, str], ...]] = (
        ("enter", "on a summary sentence: find it in the story; on a blurb: open it"),
        ("1-9", "open the story's link [N] in the reader (o: the page in the browser)"),
    )
    FOLD_BELOW = 32  # rows: a shorter terminal starts with the summary and blurbs folded

    def __init__(self, article: Article, item_id: int | None = None, quit_on_back: bool = False,
                 when: float | None = None) -> None:
        super().__init__()
        self.article = article
        self.item_id = item_id
        self.when = when  # the stored item's time, as the item list shows it
        self.quit_on_back = quit_on_back
        self.highlighting = False
        self._story = text.Text()
        self._starts: list[int] = []  # where each block starts in self._story
        self._told_not_stored = False

    def compose(self) -> ComposeResult:
        yield Static(text.headline(self.article, self.when), id="headline")
        with Horizontal(id="panes"):
            summary = OptionList(id="summary-pane", markup=False)
            summary.border_title = "Summary"
            summary.border_subtitle = "enter: find in story"
            yield summary
            story = VerticalScroll(Static(id="story"), id="story-pane")
            story.border_title = "Story"
            yield story
        yield OptionList(id="blurbs", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        if any(b.kind == "quote" for b in self.article.blocks):
            self.call_after_refresh(self._draw_story)  # now the width is known: quotes wrap with their bar
        self.query_one("#story-pane").focus()
        self._fit(self.app.size.width)
        self.set_class(self.app.size.height < self.FOLD_BELOW, "folded")

    def _fill(self) -> None:
        self.query_one("#headline", Static).update(text.headline(self.article, self.when))
        self._fill_summary()
        self._draw_story()
        self._fill_blurbs()

    def _fill_summary(self) -> None:
        summary = self.query_one("#summary-pane", OptionList)
        items = text.summary_items(self.article)
        options: list[Option | None] = []
        for i, item in enumerate(items):
            options += [None, Option(item, id=str(i))] if i else [Option(item, id=str(i))]
        summary.set_options(options)  # None draws a rule between sentences
        if items:
            summary.highlighted = 0
        else:
            min_words = getattr(getattr(self.app, "config", None), "summary", None)
            short = self.article.word_count < getattr(min_words, "min_words", 150)
            if self.article.kind == "index":
                note = f"No summary: a page of {len(self.article.blurbs)} other stories, each a blurb below."
            elif short:
                note = f"No summary: {self.article.word_count} words, quicker read whole."
            else:
                note = "No summary."
            summary.add_option(Option(text.Text(note, style="dim"), disabled=True))

    def _fill_blurbs(self) -> None:
        blurbs = self.query_one("#blurbs", OptionList)
        blurbs.set_options(Option(text.blurb_label(b), id=str(i)) for i, b in enumerate(self.article.blurbs))
        blurbs.border_title = f"Blurbs ({len(self.article.blurbs)})"
        blurbs.border_subtitle = "enter: open · a: save as an item"
        blurbs.display = bool(self.article.blurbs)
        blurbs.highlighted = 0 if self.article.blurbs else None

    def _draw_story(self) -> None:
        story = self.query_one("#story", Static)
        width = story.content_size.width or story.size.width or None
        self._story, self._starts = text.render_story(self.article, self.highlighting, self.app.console, width)
        story.update(self._story)

    @on(OptionList.OptionSelected, "#summary-pane")
    def _find_in_story(self, event: OptionList.OptionSelected) -> None:
        """Highlight the summary in the story and scroll to the chosen sentence."""
        sentence = self.article.summary[int(event.option.id or 0)]
        if not self.highlighting:
            self.highlighting = True
            self._draw_story()
        story_text = self.query_one("#story", Static)
        width = max(10, story_text.content_size.width or story_text.size.width)
        prefix = self._story[: self._starts[sentence.block] + sentence.start]
        line = max(0, len(prefix.wrap(self.app.console, width)) - 1)
        pane = self.query_one("#story-pane", VerticalScroll)
        pane.scroll_to(y=line, animate=False)
        pane.focus()

    def on_resize(self) -> None:
        self._fit(self.app.size.width)
        if any(b.kind == "quote" for b in self.article.blocks):
            self.call_after_refresh(self._draw_story)  # quotes wrap to the new width

    def _fit(self, width: int) -> None:
        self.set_class(width < WIDE, "narrow")

    def show(self, article: Article, item_id: int | None, when: float | None = None) -> None:
        """Swap in another article without leaving the reader (n/p and triage)."""
        self.article, self.item_id, self.when = article, item_id, when
        self._fill()
        self.query_one("#story-pane", VerticalScroll).scroll_home(animate=False)

    # ---------------------------------------------------------------- actions
    def action_back(self) -> None:
        if self.quit_on_back:
            self.app.exit()
        else:
            self.app.pop_screen()

    def action_toggle_focus(self) -> None:
        story = self.query_one("#story-pane")
        self.query_one("#summary-pane" if story.has_focus else "#story-pane").focus()

    def action_blurbs(self) -> None:
        if self.article.blurbs:
            self.query_one("#blurbs").focus()
        else:
            self.notify("This story has no blurbs.", markup=False)

    def action_fold(self) -> None:
        """Fold the summary and blurbs to one line each, or unfold them."""
        self.toggle_class("folded")

    def action_link(self, number: int) -> None:
        links = self.article.links
        if not 1 <= number <= len(links):
            self.notify(f"This story has {len(links)} link{'' if len(links) == 1 else 's'}.", markup=False)
            return
        url = links[number - 1].url
        if not url.startswith(("http://", "https://")):
            self.notify(f"Link {number} is not a web page: {text.clean_line(url)}", markup=False)
            return
        self.notify(f"Opening link {number}: {text.clean_line(url)}", markup=False)
        self.post_message(OpenSource(url))

    def action_highlight(self) -> None:
        self.highlighting = not self.highlighting
        self._draw_story()

    def _pane(self) -> VerticalScroll:
        focused = self.focused
        return focused if isinstance(focused, VerticalScroll) else self.query_one("#story-pane", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):  # the summary or the blurbs: move the cursor
            move_cursor(focused, lines)
            return
        self._pane().scroll_relative(y=lines, animate=False)

    def action_page_down(self) -> None:
        self._pane().scroll_page_down(animate=False)

    def action_browser(self) -> None:
        self.post_message(OpenLink(self.article.canonical_url or self.article.url))

    def action_copy_url(self) -> None:
        self.post_message(CopyLink(self.article.canonical_url or self.article.url))

    def action_step(self, step: int) -> None:
        self.post_message(StepUnread(self.item_id, step))

    def action_triage(self, state: str) -> None:
        if self.item_id is None:
            if not self._told_not_stored:  # once: the keys are not broken, there is no item
                self._told_not_stored = True
                self.notify("This page is not in the store, so it has no read, star or later state.",
                            severity="warning", markup=False)
            return
        self.post_message(TriageRequested(self.item_id, state, from_reader=True))

    def action_save_blurb(self) -> None:
        blurbs = self.query_one("#blurbs", OptionList)
        if not blurbs.has_focus or blurbs.highlighted is None:
            self.notify("Go to the blurbs (b) to save one.", markup=False)
            return
        self.post_message(SaveBlurb(self.article.blurbs[blurbs.highlighted]))

    def action_help(self) -> None:
        keymap = getattr(self.app, "keymap", {})
        self.app.push_screen(HelpScreen(help_rows(self.app, screen_bindings(self), keymap, self.HELP_EXTRA)))

    @on(OptionList.OptionSelected, "#blurbs")
    def open_blurb(self, event: OptionList.OptionSelected) -> None:
        blurb = self.article.blurbs[int(event.option.id or 0)]
        if not blurb.url:
            self.notify("This blurb has no link.", severity="warning", markup=False)
            return
        self.notify(f"Opening {text.clean_line(blurb.title)}…", markup=False)
        self.post_message(OpenSource(blurb.url))


class PageReaderScreen(ReaderScreen):
    """``newsreader read``: one page, not in the store.  The footer offers only what works
    here, and q quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Quit", id="back"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__(article, item_id=None, quit_on_back=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "step"  # no list to step through
