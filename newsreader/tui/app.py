"""The Textual app: feeds, an item list with a summary preview, and the reader."""

from __future__ import annotations

import asyncio
import dataclasses
import time
import tomllib
import webbrowser
from collections.abc import Iterable
from functools import partial
from importlib import resources
from typing import Any, ClassVar, cast

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..core.config import Config, parse_config
from ..core.errors import NewsreaderError
from ..core.models import Article, Blurb, Document
from ..core.pipeline import Outcome, process_feed_content, process_one, process_sources
from ..core.sanitize import clean_line
from ..core.store import FeedRow, ItemRow, Store
from . import text
from .messages import ArticleLoaded, ItemArticle, ItemsLoaded, RefreshDone, RefreshProgress

WIDE = 120  # columns from which the summary sits beside the story
VIEWS = (("all", "All items"), ("unread", "Unread"), ("starred", "Starred"), ("later", "Later"),
         ("dismissed", "Dismissed"))


def age(ts: float | None, now: float | None = None) -> str:
    if not ts:
        return ""
    seconds = max(0, (now or time.time()) - ts)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return "now"


def move_cursor(options: OptionList, step: int) -> None:
    options.action_cursor_down() if step > 0 else options.action_cursor_up()


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        lines = text.Text("Keys\n\n", style="bold")
        for key, description in self.rows:
            lines.append(f"{key:>14}  ", style="bold")
            lines.append(f"{description}\n")
        lines.append("\nctrl+p opens the command palette with every action.", style="dim")
        yield VerticalScroll(Static(lines), id="help")


def binding_rows(bindings: list[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            rows.append((b.key.replace(",", " / "), b.description))
    return rows


def triage_bindings(show: bool) -> list[Binding]:
    """r s l d: the same keys and ids on every screen, so one keymap line remaps both."""
    return [
        Binding("r", "triage('read')", "Read", show=show, id="toggle_read"),
        Binding("s", "triage('starred')", "Star", show=show, id="star"),
        Binding("l", "triage('later')", "Later", show=show, id="later"),
        Binding("d", "triage('dismissed')", "Dismiss", show=show, id="dismiss"),
    ]


class ReaderScreen(Screen[None]):
    """Headline and meta line, summary beside (or above) the story, blurbs apart."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back", id="back"),
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
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(self, article: Article, item_id: int | None = None, quit_on_back: bool = False) -> None:
        super().__init__()
        self.article = article
        self.item_id = item_id
        self.quit_on_back = quit_on_back
        self.highlighting = False
        self._story = text.Text()
        self._starts: list[int] = []  # where each block starts in self._story

    def compose(self) -> ComposeResult:
        yield Static(text.headline(self.article), id="headline")
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

    @property
    def nr(self) -> NewsreaderApp:
        return cast("NewsreaderApp", self.app)

    def on_mount(self) -> None:
        self._fill_summary()
        self._draw_story()
        self._fill_blurbs()
        self.query_one("#story-pane").focus()
        self._fit(self.app.size.width)

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
            summary.add_option(Option(text.Text("No summary.", style="dim"), disabled=True))

    def _fill_blurbs(self) -> None:
        blurbs = self.query_one("#blurbs", OptionList)
        blurbs.set_options(Option(text.blurb_label(b), id=str(i)) for i, b in enumerate(self.article.blurbs))
        blurbs.border_title = f"Elsewhere ({len(self.article.blurbs)})"
        blurbs.display = bool(self.article.blurbs)
        blurbs.highlighted = 0 if self.article.blurbs else None

    def _draw_story(self) -> None:
        self._story, self._starts = text.render_story(self.article, self.highlighting)
        self.query_one("#story", Static).update(self._story)

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

    def _fit(self, width: int) -> None:
        self.set_class(width < WIDE, "narrow")

    def show(self, article: Article, item_id: int | None) -> None:
        """Swap in another article without leaving the reader (n/p and triage)."""
        self.article, self.item_id = article, item_id
        self.query_one("#headline", Static).update(text.headline(article))
        self._fill_summary()
        self._draw_story()
        self._fill_blurbs()
        self.query_one("#story-pane", VerticalScroll).scroll_home(animate=False)

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
            self.notify("This story has no blurbs.")

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
        self.nr.open_link(self.article.canonical_url or self.article.url)

    def action_copy_url(self) -> None:
        self.nr.copy_link(self.article.canonical_url or self.article.url)

    def action_step(self, step: int) -> None:
        self.nr.reader_step(self, step)

    def action_triage(self, state: str) -> None:
        if self.item_id is None:
            self.notify("Only stored items can be triaged.", severity="warning")
            return
        self.nr.triage(self.item_id, state, from_reader=self)

    def _blurb(self) -> int | None:
        blurbs = self.query_one("#blurbs", OptionList)
        return blurbs.highlighted if blurbs.has_focus else None

    def action_save_blurb(self) -> None:
        index = self._blurb()
        if index is None:
            self.notify("Go to the blurbs (b) to save one.")
            return
        self.nr.save_blurb(self.article.blurbs[index])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(binding_rows(self.BINDINGS)))

    @on(OptionList.OptionSelected, "#blurbs")
    def open_blurb(self, event: OptionList.OptionSelected) -> None:
        blurb = self.article.blurbs[int(event.option.id or 0)]
        if not blurb.url:
            self.notify("This blurb has no link.", severity="warning")
            return
        self.notify(f"Opening {clean_line(blurb.title)}…")
        self.nr.load_sources([blurb.url])


def item_label(item: ItemRow, now: float) -> text.Text:
    """One list row: marks, title (bold while unread), publisher and age."""
    marks = ("★" if item.starred else " ") + ("⏲" if item.later else " ")
    label = text.Text()  # one line a row: app.tcss ends long titles in an ellipsis
    label.append(marks + " ", style="yellow")
    label.append_text(text.plain(clean_line(item.title), "" if item.read else "bold"))
    extra = " · ".join(p for p in (clean_line(item.publisher or ""), age(item.published, now)) if p)
    if extra:
        label.append(f"  {extra}", style="dim")
    if item.error and not item.extracted:
        label.append("  !", style="red")
    return label


class Preview(Widget):
    """The highlighted item's summary.  A fixed-size box redrawn without a layout pass,
    so moving through the list costs one repaint."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: text.Text = text.Text()

    def update(self, content: text.Text) -> None:
        self._content = content
        self.refresh()

    def render(self) -> text.Text:
        return self._content


class MainScreen(Screen[None]):
    """Feeds and views on the left; items with a summary preview on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit_or_back", "Quit", id="back"),
        Binding("j", "cursor(1)", "Down", show=False, id="next"),
        Binding("k", "cursor(-1)", "Up", show=False, id="previous"),
        Binding("n", "next_unread(1)", "Next unread", id="next_unread"),
        Binding("p", "next_unread(-1)", "Prev unread", id="previous_unread"),
        *triage_bindings(show=True),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("o", "browser", "Browser", show=False, id="browser"),
        Binding("y", "copy_url", "Copy URL", show=False, id="copy_url"),
        Binding("space", "page_down", "Page down", show=False, id="page_down"),
        Binding("slash", "search", "Search", id="search"),
        Binding("R", "refresh", "Refresh", id="refresh"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            feeds = OptionList(id="feeds", markup=False)
            feeds.border_title = "Feeds"
            yield feeds
            with Vertical(id="right"):
                items = OptionList(id="items", markup=False)
                items.border_title = "Items"
                yield items
                preview = Preview(id="preview-text")
                preview.border_title = "Summary"
                yield preview
        search = Input(placeholder="Search titles and text (enter to search, escape to clear)", id="search")
        search.display = False
        yield search
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#items").focus()

    @property
    def nr(self) -> NewsreaderApp:
        return cast("NewsreaderApp", self.app)

    # ---------------------------------------------------------------- drawing
    FIRST_PAGE = 100  # rows drawn at once (a screenful and more); the rest follow the first paint

    def show_items(self, items: list[ItemRow], feeds: list[FeedRow], keep_item: int | None,
                   labels: list[text.Text]) -> None:
        options = self.query_one("#items", OptionList)
        index = next((i for i, item in enumerate(items) if item.id == keep_item), 0)
        split = max(self.FIRST_PAGE, index + 1)
        options.set_options(Option(label, id=str(item.id))
                            for item, label in zip(items[:split], labels[:split], strict=True))
        if len(items) > split:
            rest = [Option(label, id=str(item.id))
                    for item, label in zip(items[split:], labels[split:], strict=True)]
            self.call_after_refresh(self._add_in_chunks, options, rest, len(items))
        if items:
            options.highlighted = index
        self.show_feeds(feeds)
        self.update_status()
        self.show_preview()

    def _add_in_chunks(self, options: OptionList, rest: list[Option], total: int) -> None:
        """Append the rest of the list a slice at a time, painting and taking keys in between."""
        if len(self.nr.rows) != total:
            return  # a newer list replaced this one
        options.add_options(rest[:2000])
        if len(rest) > 2000:
            self.call_after_refresh(self._add_in_chunks, options, rest[2000:], total)

    def show_feeds(self, feeds: list[FeedRow]) -> None:
        options = self.query_one("#feeds", OptionList)
        current = options.highlighted
        entries = [Option(name, id=f"view:{key}") for key, name in VIEWS]
        for feed in feeds:
            label = text.Text()
            if feed.unread:
                label.append(f"{feed.unread:>4} ", style="dim")
            else:
                label.append("     ")
            label.append_text(text.plain(clean_line(feed.title or feed.url), "bold" if feed.unread else ""))
            if feed.last_error:
                label.append(" !", style="red")
            entries.append(Option(label, id=f"feed:{feed.id}"))
        options.set_options(entries)
        options.highlighted = current if current is not None and current < len(entries) else 0

    def update_status(self, extra: str = "") -> None:
        unread = sum(not i.read for i in self.nr.rows)
        view = self.nr.view_name()
        line = f"{view}: {len(self.nr.rows)} items, {unread} unread"
        self.query_one("#status", Static).update(text.plain(line + (f"  ·  {extra}" if extra else "")))

    def current(self) -> ItemRow | None:
        index = self.query_one("#items", OptionList).highlighted
        rows = self.nr.rows
        return rows[index] if index is not None and index < len(rows) else None

    def show_preview(self) -> None:
        item = self.current()
        preview = self.query_one("#preview-text", Preview)
        if item is None:
            preview.update(text.Text("No items here. Press R to refresh.", style="dim"))
            return
        body = text.Text()
        for sentence in item.summary.splitlines():
            body.append("• ")
            body.append_text(text.plain(sentence))
            body.append("\n")
        if not item.summary:
            body.append(item.error or ("Not fetched yet." if not item.extracted else "No summary."), style="dim")
        preview.update(body)

    @on(OptionList.OptionHighlighted, "#items")
    def _highlighted(self) -> None:
        self.show_preview()

    @on(OptionList.OptionHighlighted, "#feeds")
    def _feed_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A feed's last error shows in the status line while it is highlighted."""
        kind, _, key = (event.option.id or "").partition(":")
        feed = next((f for f in self.nr.feed_rows if kind == "feed" and str(f.id) == key), None)
        self.update_status(f"{clean_line(feed.url)} · last error: {clean_line(feed.last_error)}"
                           if feed is not None and feed.last_error else "")

    # ---------------------------------------------------------------- actions
    def action_cursor(self, step: int) -> None:
        items = self.query_one("#items", OptionList)
        move_cursor(items if items.has_focus else self.query_one("#feeds", OptionList), step)

    def action_next_unread(self, step: int) -> None:
        options = self.query_one("#items", OptionList)
        index = self.nr.find_unread(options.highlighted or 0, step)
        if index is None:
            self.notify("No more unread items.")
        else:
            options.highlighted = index

    def action_page_down(self) -> None:
        self.query_one("#items", OptionList).action_page_down()

    def action_triage(self, state: str) -> None:
        item = self.current()
        if item is not None:
            self.nr.triage(item.id, state)

    def action_undo(self) -> None:
        self.nr.undo()

    def action_browser(self) -> None:
        item = self.current()
        if item is not None:
            self.nr.open_link(item.url)

    def action_copy_url(self) -> None:
        item = self.current()
        if item is not None:
            self.nr.copy_link(item.url)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.nr.search_query = event.value.strip() or None
        self.query_one("#items").focus()
        self.nr.load_items()

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", Input)
        if event.key == "escape" and search.display:
            search.value = ""
            search.display = False
            self.nr.search_query = None
            self.query_one("#items").focus()
            self.nr.load_items()

    def action_refresh(self) -> None:
        self.nr.start_refresh()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(binding_rows(self.BINDINGS)))

    def action_quit_or_back(self) -> None:
        if self.nr.search_query or self.nr.view != ("view", "all"):
            self.nr.search_query = None
            self.query_one("#search", Input).display = False
            self.nr.view = ("view", "all")
            self.query_one("#feeds", OptionList).highlighted = 0
            self.nr.load_items()
        else:
            self.app.exit()

    @on(OptionList.OptionSelected, "#items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.nr.open_item(int(event.option.id or 0))

    @on(OptionList.OptionSelected, "#feeds")
    def _choose_feed(self, event: OptionList.OptionSelected) -> None:
        kind, _, key = (event.option.id or "view:all").partition(":")
        self.nr.view = (kind, key)
        self.nr.load_items()
        self.query_one("#items").focus()


class LoadingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        yield Static(text.plain(f"Opening {self.source}…"), id="loading")
        yield Footer()


class NewsreaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "newsreader"

    def __init__(self, config: Config, source: str | None = None, db: str | None = None,
                 store: Store | None = None) -> None:
        super().__init__()
        self.config = config
        self.source = source
        self.db = db
        self.store = store
        self.rows: list[ItemRow] = []
        self.view: tuple[str, str] = ("view", "all")
        self.search_query: str | None = None
        self.feed_rows: list[FeedRow] = []
        self.undo_stack: list[tuple[int, str, bool]] = []
        self.refreshing = False
        if config.theme:
            self.theme = config.theme

    # ---------------------------------------------------------------- start
    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(dict(self.config.keys))
        if self.source is not None:
            self.push_screen(LoadingScreen(self.source))
            self.load_sources([self.source])
            return
        self.push_screen(MainScreen())
        self.open_store()

    @work(thread=True, exclusive=True, group="store")
    def open_store(self) -> None:
        """Open the store off the UI thread; first run imports the welcome set and starter feeds."""
        from ..core.store import resolve_db_path

        try:
            if self.store is None:
                self.store = Store(resolve_db_path(self.db, self.config.db))
            first_run = not self.store.feeds() and not self.store.counts()["items"]
            self.store.add_configured(self.config.feeds)
            if first_run:
                self._import_welcome()
        except NewsreaderError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        self._post_items(None)
        if self.config.refresh_minutes:
            # Every minute, refresh the feeds whose interval (their own, or the default) has passed.
            self.call_from_thread(self.set_interval, 60, self._refresh_due)
            self.call_from_thread(self._refresh_due)  # feeds already due (or never fetched) load now

    def _import_welcome(self) -> None:
        assert self.store is not None
        folder = resources.files("newsreader") / "data"
        # Newest first in the list, so add them last to first: "Welcome" ends up on top.
        for entry in sorted((folder / "welcome").iterdir(), key=lambda e: e.name, reverse=True):
            outcome = process_one(Document(entry.name, entry.read_bytes(), path=entry.name), self.config.summary)
            if outcome.article is not None:
                self.store.add_article(outcome.article, entry.name)
        starter = tomllib.loads((folder / "starter_feeds.toml").read_text(encoding="utf-8"))
        self.store.add_configured(parse_config(starter).feeds)

    def view_name(self) -> str:
        kind, key = self.view
        if self.search_query:
            return f"search “{self.search_query}”"
        if kind == "view":
            return dict(VIEWS).get(key, key)
        feed = next((f for f in self.feed_rows if str(f.id) == key), None)
        return clean_line(feed.title or feed.url) if feed else "feed"

    def _post_items(self, keep_item: int | None) -> None:
        if self.store is None:
            return
        kind, key = self.view
        state = None if kind != "view" or key == "all" else key
        try:
            rows = self.store.items(
                feed_id=int(key) if kind == "feed" else None, state=state,
                include_dismissed=state == "dismissed", query=self.search_query,
            )
        except NewsreaderError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            rows = []
        now = time.time()
        labels = [item_label(row, now) for row in rows]
        self.post_message(ItemsLoaded(rows, self.store.feeds(), keep_item, labels))

    @work(thread=True, exclusive=True, group="store")
    def load_items(self, keep_item: int | None = None) -> None:
        self._post_items(keep_item)

    def on_items_loaded(self, message: ItemsLoaded) -> None:
        self.rows = message.items
        self.feed_rows = message.feeds
        screen = self._main()
        if screen is not None:
            screen.show_items(message.items, message.feeds, message.keep_item, message.labels)

    def _main(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    # ---------------------------------------------------------------- triage
    def find_unread(self, start: int, step: int) -> int | None:
        order = range(start + step, len(self.rows)) if step > 0 else range(start + step, -1, -1)
        return next((i for i in order if not self.rows[i].read), None)

    def triage(self, item_id: int, state: str, from_reader: ReaderScreen | None = None,
               undoable: bool = True) -> None:
        """Save at once (in a worker), update the row, and move on to the next item."""
        index = next((i for i, r in enumerate(self.rows) if r.id == item_id), None)
        if index is None:
            return
        row = self.rows[index]
        on = not getattr(row, state)  # ItemRow names its flags after the store's states
        if undoable:
            self.undo_stack.append((item_id, state, on))
        self._save_state(item_id, state, on)
        change: dict[str, Any] = {state: on}
        updated = dataclasses.replace(row, **change)
        main = self._main()
        if state == "dismissed" and on and self.view != ("view", "dismissed"):
            del self.rows[index]
            if main is not None:
                main.query_one("#items", OptionList).remove_option_at_index(index)
        else:
            self.rows[index] = updated
            if main is not None:
                main.query_one("#items", OptionList).replace_option_prompt_at_index(
                    index, item_label(updated, time.time()))
        if main is not None:
            options = main.query_one("#items", OptionList)
            if state in {"read", "dismissed"} or from_reader is None:
                nxt = self.find_unread(index - (1 if state == "dismissed" and on else 0), 1)
                if nxt is None and index < len(self.rows):
                    nxt = min(index + (0 if state == "dismissed" and on else 1), len(self.rows) - 1)
                if nxt is not None:
                    options.highlighted = nxt
            main.update_status(f"{state} {'on' if on else 'off'} · u undoes")
        if from_reader is not None and state in {"read", "dismissed"}:
            self.reader_step(from_reader, 1)

    @work(thread=True, group="save")
    def _save_state(self, item_id: int, state: str, on: bool) -> None:
        assert self.store is not None
        try:
            self.store.set_state(item_id, state, on)
        except NewsreaderError as exc:
            self.call_from_thread(self.notify, f"not saved: {exc}", severity="error")

    def undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.")
            return
        item_id, state, on = self.undo_stack.pop()
        self._save_state(item_id, state, not on)
        self.load_items(keep_item=item_id)

    # ---------------------------------------------------------------- reading
    @work(thread=True, group="article")
    def open_item(self, item_id: int) -> None:
        """Read the item's article (or the feed's own copy) off the UI thread; the reader
        shows it in place if open, else a new one opens (on_item_article)."""
        assert self.store is not None
        article = self.store.article(item_id)
        error = None
        if article is None:
            detail = self.store.item_detail(item_id) or {}
            content = str(detail.get("feed_content") or "")
            if content.strip():  # the page was not fetched (yet): read the feed's own copy
                url = str(detail["url"]) if detail.get("url") else None
                outcome = process_feed_content(str(detail.get("title") or ""), content, url, self.config.summary)
                article, error = outcome.article, outcome.error
            else:
                error = str(detail.get("extract_error") or "no text stored for this item")
        self.post_message(ItemArticle(item_id, article, error))

    def on_item_article(self, message: ItemArticle) -> None:
        if message.article is None:
            self.notify(message.error or "Could not open the item.", severity="error")
            return
        index = next((i for i, r in enumerate(self.rows) if r.id == message.item_id), None)
        if index is not None and not self.rows[index].read:
            self.triage(message.item_id, "read", undoable=False)  # opening is not an action to undo
        if isinstance(self.screen, ReaderScreen) and self.screen.item_id is not None:
            self.screen.show(message.article, message.item_id)
        else:
            self.push_screen(ReaderScreen(message.article, message.item_id))

    def reader_step(self, reader: ReaderScreen, step: int) -> None:
        start = next((i for i, r in enumerate(self.rows) if r.id == reader.item_id), -1)
        index = self.find_unread(start, step)
        if index is None:
            self.notify("No more unread items.")
            return
        main = self._main()
        if main is not None:
            main.query_one("#items", OptionList).highlighted = index
        self.open_item(self.rows[index].id)

    @work(thread=True)
    def save_blurb(self, blurb: Blurb) -> None:
        if self.store is None:
            self.call_from_thread(self.notify, "No store to save into.", severity="warning")
            return
        article = Article(title=blurb.title, url=blurb.url, publisher=blurb.publisher,
                          blocks=(), blurbs=())
        if blurb.url:
            outcome = process_sources([blurb.url], self.config.summary, self.config.fetch)[0]
            article = outcome.article or article
        self.store.add_article(article, blurb.url or blurb.title)
        self.call_from_thread(self.notify, f"Saved: {clean_line(blurb.title)}")
        self._post_items(None)

    def open_link(self, url: str | None) -> None:
        if not url:
            self.notify("No URL for this item.", severity="warning")
        elif self.config.browser:
            try:
                webbrowser.get(self.config.browser).open(url)
            except webbrowser.Error as exc:
                self.notify(f"browser {self.config.browser!r}: {exc}", severity="error")
        else:
            self.open_url(url)

    def copy_link(self, url: str | None) -> None:
        if url:
            self.copy_to_clipboard(url)  # OSC 52
            self.notify(f"Copied {url}")

    # ---------------------------------------------------------------- sources
    @work(thread=True, exclusive=False)
    def load_sources(self, sources: list[str]) -> None:
        """Fetch and process off the UI thread; report back by message."""
        for outcome in process_sources(sources, self.config.summary, self.config.fetch):
            self.post_message(ArticleLoaded(outcome))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        outcome: Outcome = message.outcome
        if outcome.article is None:
            self.notify(f"{outcome.source}: {outcome.error}", severity="error", timeout=8)
            if isinstance(self.screen, LoadingScreen):
                self.screen.query_one(Static).update(text.plain(f"Could not open {outcome.source}:\n{outcome.error}"))
            return
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(ReaderScreen(outcome.article, quit_on_back=True))
        else:
            self.push_screen(ReaderScreen(outcome.article))

    # ---------------------------------------------------------------- refresh
    def start_refresh(self, due_minutes: int | None = None) -> None:
        """Refresh every feed (R), or with ``due_minutes`` those due (the timer, quietly)."""
        if self.refreshing and due_minutes is None:
            self.notify("A refresh is already running.")
        if self.refreshing or self.store is None:
            return
        self.refreshing = True
        self._refresh(due_minutes)

    def _refresh_due(self) -> None:
        self.start_refresh(self.config.refresh_minutes)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists every action of the screen underneath, with its key."""
        yield from super().get_system_commands(screen)
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(binding.description, f"key: {binding.key.replace(',', ' / ')}",
                                    partial(screen.run_action, binding.action))

    @work(thread=True, group="refresh")
    def _refresh(self, due_minutes: int | None) -> None:
        from ..core.refresh import Progress, refresh

        assert self.store is not None
        last = 0.0

        def progress(p: Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last > 0.1:  # at most ten updates a second
                last = now
                self.post_message(RefreshProgress(p))

        try:
            totals = asyncio.run(refresh(self.store, fetch=self.config.fetch, summary=self.config.summary,
                                         full_text=self.config.full_text, workers=self.config.workers,
                                         progress=progress, due_minutes=due_minutes))
        except Exception as exc:  # report, never crash the reader
            self.post_message(RefreshDone(None, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(RefreshDone(totals))

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        p = message.progress
        main = self._main()
        if main is not None:
            main.update_status(f"refreshing {p.phase} {p.done}/{p.total}")
        if p.phase == "feeds" and p.done == p.total:
            current = main.current() if main else None
            self.load_items(keep_item=current.id if current else None)

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refreshing = False
        main = self._main()
        current = main.current() if main else None
        self.load_items(keep_item=current.id if current else None)
        if message.totals is None:
            self.notify(f"Refresh failed: {message.error}", severity="error", timeout=10)
            return
        t = message.totals
        if len(t.errors) <= 1:
            for error in t.errors:
                self.notify(error, severity="warning", timeout=8)
        else:  # offline, say: one line, not a wall of toasts (each feed's error is in the feeds list)
            self.notify(f"{len(t.errors)} feeds had errors; first: {t.errors[0]}", severity="warning", timeout=8)
        if t.feeds:
            self.notify(f"{t.new_items} new items, {t.articles} articles, {t.feed_errors} feed errors "
                        f"in {t.seconds:.1f}s")

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()


def reader_ready(app: App[int]) -> bool:
    """True once a reader screen is mounted with its panes (for tests and screenshots)."""
    screen = app.screen
    return isinstance(screen, ReaderScreen) and screen.is_mounted and bool(screen.query("#story"))


def run_reader(config: Config, source: str | None = None, db: str | None = None) -> int:
    app = NewsreaderApp(config, source, db)
    app.run()
    return app.return_code or 0
