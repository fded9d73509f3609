"""The Textual app: its lifecycle, the store behind the screens, and routing.

Screens post what the person asked for (``messages``); the app runs it in a worker
through the core and hands the results down to the screens by their methods.  Reads of
the store run in workers; writes go through one writer thread, in the order they were
asked for, so an undo always lands after the change it undoes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
import webbrowser
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from newsreader.core.config import Config
from newsreader.core.errors import NewsreaderError
from newsreader.core.library import VIEWS, Change
from newsreader.core.models import Article
from newsreader.core.pipeline import process_sources
from newsreader.core.sanitize import clean_line
from newsreader.core.states import state
from newsreader.core.store.db import FeedRow, ItemRow, Store
from newsreader.core.store.listing import ItemFilter

from ..core import library
from .keys import keys_in_force, screen_bindings
from .messages import (
    AddFeed,
    ArticleLoaded,
    CopyLink,
    CountsLoaded,
    FeedsChanged,
    ItemArticle,
    ItemsLoaded,
    MarkAllRead,
    MoreItemsLoaded,
    MoreWanted,
    OpenItem,
    OpenLink,
    OpenSource,
    RefreshDone,
    RefreshProgress,
    RefreshRequested,
    RemoveFeed,
    RenameFeed,
    SaveBlurb,
    Saved,
    SaveFailed,
    SaveView,
    SearchRequested,
    StepUnread,
    TagFeed,
    TriageRequested,
    UndoRequested,
    ViewChosen,
)
from .screens.help import HelpScreen
from .screens.loading import LoadingScreen
from .screens.main import MainScreen, item_label
from .screens.reader import PageReaderScreen, ReaderScreen

__all__ = ["HelpScreen", "MainScreen", "NewsreaderApp", "ReaderScreen", "reader_ready", "run_reader"]


def one_line(error: object) -> str:
    """An error as one safe line: what the person reads in a toast or the status line."""
    return clean_line(str(error)) or type(error).__name__


class NewsreaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    PAGE = 200  # rows a page: a tall screen and more; the next loads as the cursor nears the end

    def __init__(self, config: Config, source: str | None = None, db: str | None = None,
                 store: Store | None = None, article: Article | None = None) -> None:
        super().__init__()
        self.config = config
        self.source = source  # one page to open (the tests' way into the reader)
        self.page = article  # one page already cleaned (newsreader read)
        self.db = db
        self.store = store
        self._own_store = store is None  # a store handed in is closed by whoever opened it
        self._note: str | None = None  # a status word to show once the list reloads
        self.keymap: dict[str, str] = dict(config.keys)
        self.rows: list[ItemRow] = []
        self.feed_rows: list[FeedRow] = []
        self.view: tuple[str, str] = ("view", "all")
        self.search_query: str | None = None
        self.undo_stack: list[Change] = []
        self.refreshing = False
        self._refresh_quiet = False
        self._items_asked = 0  # the newest list request; older answers are dropped
        self._more = False  # the list goes on past the rows loaded
        self._loading_more = False
        self._tags: tuple[str, ...] = ()
        self._view_unread: dict[str, int] = {}
        self._item_asked = 0  # likewise for the item opened
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        if config.theme:
            self.theme = config.theme

    # ---------------------------------------------------------------- start and stop
    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.page is not None:
            self.push_screen(PageReaderScreen(self.page))
            return
        if self.source is not None:
            self.push_screen(LoadingScreen(self.source))
            self.load_sources([self.source])
            return
        self.push_screen(MainScreen())
        self.open_store()

    def on_unmount(self) -> None:
        self._writer.shutdown(wait=True)  # every triage asked for reaches the store
        if self.store is not None and self._own_store:
            self.store.close()

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """Every toast goes through here: one clean line, never parsed as markup."""
        self.notify(one_line(message), severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed in a way nobody foresaw is a toast, never a crash."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.say(f"{event.worker.name or 'task'} failed: {type(error).__name__}: {one_line(error)}",
                     severity="error", timeout=10)
            if event.worker.group == "refresh":
                self.refreshing = False

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def open_store(self) -> None:
        """Open the store off the UI thread; first run imports the welcome set and starter feeds."""
        from newsreader.core.store.db import resolve_db_path

        try:
            if self.store is None:
                self.store = Store(resolve_db_path(self.db, self.config.db))
            self.store.add_configured(self.config.feeds)
            library.first_run(self.store, self.config)
        except NewsreaderError as exc:
            self.call_from_thread(self.say, str(exc), severity="error", timeout=10)
            return
        self.call_from_thread(self.load_items)
        if self.config.refresh_minutes:
            # Every minute, refresh the feeds whose interval (their own, or the default) has passed.
            self.call_from_thread(self.set_interval, 60, self._refresh_due)
            self.call_from_thread(self._refresh_due)  # feeds already due (or never fetched) load now

    def _main(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    # ---------------------------------------------------------------- the item list
    def view_name(self) -> str:
        kind, key = self.view
        if self.search_query:
            return f"search “{clean_line(self.search_query)}”"
        if kind == "view":
            return dict(VIEWS).get(key, key)
        if kind == "tag":
            return f"# {clean_line(key)}"
        if kind == "saved":
            return clean_line(key)
        feed = next((f for f in self.feed_rows if str(f.id) == key), None)
        return clean_line(feed.title or feed.url) if feed else "feed"

    def current_filter(self) -> ItemFilter:
        """The list on screen as the store's filter: the view, feed, tag or saved search
        chosen, narrowed by the search box."""
        kind, key = self.view
        query = self.search_query
        if kind == "saved":
            saved = next((v.query for v in self.config.views if v.name == key), None)
            query = f"({saved}) ({query})" if saved and query else saved or query
        return ItemFilter(state=library.view_filter(key) if kind == "view" else None,
                          feed_id=int(key) if kind == "feed" else None,
                          tag=key if kind == "tag" else None, query=query)

    def load_items(self, keep_item: int | None = None) -> None:
        self._items_asked += 1
        self._loading_more = False
        self._load_items(keep_item, self._items_asked)

    @work(thread=True, exclusive=True, group="items", exit_on_error=False)
    def _load_items(self, keep_item: int | None, generation: int) -> None:
        """The first page of the list (down to ``keep_item``, if it is further on), and
        the feeds without their counts: what the first paint needs, whatever the store's
        size.  The counts follow (``_load_counts``)."""
        if self.store is None:
            return
        try:
            chosen = self.current_filter()
            rows = self._page(chosen, None)
            more = len(rows) == self.PAGE
            if keep_item is not None and more and all(r.id != keep_item for r in rows):
                rows, more = self._rows_down_to(chosen, rows, keep_item)
            feeds = self.store.feeds(counts=False)
            tags = tuple(self.store.tags())
        except NewsreaderError as exc:
            self.call_from_thread(self._list_failed, str(exc))
            return
        if get_current_worker().is_cancelled:
            return  # a newer request (another search, another view) is on its way
        now = time.time()
        labels = [item_label(row, now) for row in rows]
        self.post_message(ItemsLoaded(rows, feeds, keep_item, labels, generation, tags, more))

    def _page(self, chosen: ItemFilter, last: ItemRow | None) -> list[ItemRow]:
        """The page of the list after ``last`` (the first page for None)."""
        assert self.store is not None
        return self.store.items(chosen, after=(last.published or 0.0, last.id) if last else None,
                                limit=self.PAGE)

    def _rows_down_to(self, chosen: ItemFilter, rows: list[ItemRow],
                      keep_item: int) -> tuple[list[ItemRow], bool]:
        """Pages until the item the cursor was on is in (a few at most: it was on screen)."""
        more = True
        for _ in range(50):
            page = self._page(chosen, rows[-1])
            rows += page
            more = len(page) == self.PAGE
            if not more or any(r.id == keep_item for r in page):
                break
        return rows, more

    def _list_failed(self, error: str) -> None:
        self.say(error, severity="error", timeout=10)
        main = self._main()
        if main is not None:
            main.set_status(f"Search: {error}")

    def on_items_loaded(self, message: ItemsLoaded) -> None:
        if message.generation != self._items_asked:
            return
        self.rows = message.items
        self._more = message.more
        self._tags = message.tags
        known = {f.id: f for f in self.feed_rows}  # keep the counts on screen until new ones come
        self.feed_rows = [dataclasses.replace(f, unread=known[f.id].unread, items=known[f.id].items)
                          if f.id in known else f for f in message.feeds]
        main = self._main()
        if main is not None:
            main.show_items(message.items, self.feed_rows, message.keep_item, message.labels,
                            self.view_name(), message.tags, more=message.more,
                            views=self._views_with_counts())
            if self._note:
                main.set_status(self._note)
        self._note = None
        self._load_counts(message.generation)

    def _views_with_counts(self) -> list[tuple[str, int | None]]:
        return [(v.name, self._view_unread.get(v.name)) for v in self.config.views]

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _load_counts(self, generation: int) -> None:
        """Counts read more than a page (the list's size, each feed's and saved view's
        unread items); they follow the first paint and never hold it up."""
        if self.store is None:
            return
        try:
            total, unread = self.store.count(self.current_filter())
            feeds = self.store.feeds(counts=True, totals=False)
            views: dict[str, int] = {}
            for view in self.config.views:
                views[view.name] = self.store.count(ItemFilter(state="unread", query=view.query))[1]
        except NewsreaderError:
            return  # the list itself has said what is wrong
        if not get_current_worker().is_cancelled:
            self.post_message(CountsLoaded(generation, total, unread, feeds, views))

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        if message.generation != self._items_asked:
            return
        self.feed_rows = message.feeds
        self._view_unread = message.view_unread
        main = self._main()
        if main is not None:
            main.show_feeds(message.feeds, self._tags, self._views_with_counts())
            main.set_counts(message.total, message.unread)

    def on_more_wanted(self, message: MoreWanted) -> None:
        if not self._more or self._loading_more or not self.rows or self.store is None:
            if message.then_next_unread:
                self.say("No more unread items.")
            return
        self._loading_more = True
        self._load_more(self._items_asked, self.rows[-1], message.then_next_unread)

    @work(thread=True, exclusive=True, group="more", exit_on_error=False)
    def _load_more(self, generation: int, last: ItemRow, then_next_unread: bool) -> None:
        if self.store is None:
            return
        try:
            rows = self._page(self.current_filter(), last)
        except NewsreaderError as exc:
            self.call_from_thread(self.say, str(exc), severity="error")
            return
        now = time.time()
        labels = [item_label(row, now) for row in rows]
        self.post_message(MoreItemsLoaded(rows, labels, generation, len(rows) == self.PAGE, then_next_unread))

    def on_more_items_loaded(self, message: MoreItemsLoaded) -> None:
        if message.generation != self._items_asked:
            return
        self._loading_more = False
        self._more = message.more
        main = self._main()
        if main is None:
            self.rows.extend(message.items)
            return
        main.append_items(message.items, message.labels, more=message.more)  # extends self.rows
        if message.then_next_unread:
            main.action_next_unread(1)

    def on_view_chosen(self, message: ViewChosen) -> None:
        self.view = (message.kind, message.key)
        if message.kind == "view" and message.key == "all":
            self.search_query = None
        self.load_items()

    def on_search_requested(self, message: SearchRequested) -> None:
        self.search_query = message.query
        self.load_items()

    def _index(self, item_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), None)

    # ---------------------------------------------------------------- triage
    def _save(self, change: Change, reload: bool = False) -> None:
        """Save a change on the writer thread, in the order asked; report back by message."""
        store = self.store

        def run() -> None:
            try:
                if store is None:
                    raise NewsreaderError("no store is open")
                library.apply(store, change)
            except Exception as exc:  # a locked or full store: the change did not happen
                self.post_message(SaveFailed(change, f"{type(exc).__name__}: {exc}"
                                             if not isinstance(exc, NewsreaderError) else str(exc)))
            else:
                self.post_message(Saved(change, reload))

        self._writer.submit(run)

    def on_triage_requested(self, message: TriageRequested) -> None:
        """Save at once (in order, off the UI thread), show it, and move on."""
        index = self._index(message.item_id)
        if index is None:
            return
        row = self.rows[index]
        change = (library.done_reading(row, message.state) if message.from_reader
                  else library.toggle(row, message.state))
        if getattr(row, change.state) != change.on:
            self.undo_stack.append(change)
            self._save(change)
            self._show_change(index, change)
        if message.from_reader:
            if state(change.state).done:
                self._step(message.item_id, 1)
            return
        main = self._main()
        if main is None:
            return
        removed = state(change.state).hides and change.on and self.view != ("view", change.state)
        nxt = main.find_unread(index - (1 if removed else 0), 1)
        if nxt is None and index < len(self.rows):
            nxt = min(index + (0 if removed else 1), len(self.rows) - 1)
        if nxt is not None:
            main.highlight(nxt)

    def _show_change(self, index: int, change: Change, undoable: bool = True) -> None:
        row = self.rows[index]
        main = self._main()
        updated = row.with_state(change.state, change.on)
        hidden = state(change.state).hides and change.on and self.view != ("view", change.state)
        if main is not None:  # the counts on screen follow, without a count of the store
            main.adjust_counts(-int(hidden), int(not updated.read and not hidden) - int(not row.read))
        if hidden:
            if main is not None:
                main.remove_row(index)  # the same list as self.rows
            else:
                del self.rows[index]
        elif main is not None:
            main.replace_row(index, updated)
        else:
            self.rows[index] = updated
        if main is not None:
            main.set_status(f"{change.describe()} · u to undo" if undoable else "")

    def on_save_failed(self, message: SaveFailed) -> None:
        """Show the store's truth again: the row goes back to what was saved."""
        if message.change in self.undo_stack:
            self.undo_stack.remove(message.change)
        self.say(f"Not saved: {message.error}", severity="error", timeout=10)
        main = self._main()
        current = main.current() if main else None
        self.load_items(keep_item=current.id if current else None)

    def on_saved(self, message: Saved) -> None:
        if message.reload:
            keep = message.change.item_ids[0] if len(message.change.item_ids) == 1 else None
            if keep is None:
                main = self._main()
                current = main.current() if main else None
                keep = current.id if current else None
            self.load_items(keep_item=keep)

    def on_undo_requested(self, _: UndoRequested) -> None:
        if not self.undo_stack:
            self.say("Nothing to undo.")
            return
        change = self.undo_stack.pop().inverse()
        self._note = f"Undone: {change.describe()}"
        self._save(change, reload=True)

    def on_mark_all_read(self, message: MarkAllRead) -> None:
        """newsboat's A (the list on screen) and C (everything), as one undoable change."""
        self._mark_read(None if message.everywhere else self.current_filter())

    def _bulk_read(self, change: Change) -> None:
        self.undo_stack.append(change)
        self._note = f"{change.describe()} · u to undo"
        self._save(change, reload=True)

    @work(thread=True, group="bulk", exit_on_error=False)
    def _mark_read(self, chosen: ItemFilter | None) -> None:
        """The unread items of the whole list (not only the rows loaded so far), or of the
        store: read here, marked on the writer thread, in order with every other change."""
        if self.store is None:
            return
        try:
            ids = tuple(self.store.unread_ids() if chosen is None
                        else self.store.item_ids(chosen, unread=True))
        except NewsreaderError as exc:
            self.call_from_thread(self.say, str(exc), severity="error")
            return
        if not ids:
            self.call_from_thread(self.say, "Nothing unread." if chosen is None else "Nothing unread here.")
            return
        self.call_from_thread(self._bulk_read, Change(ids, "read", True))

    # ---------------------------------------------------------------- feeds
    def on_add_feed(self, message: AddFeed) -> None:
        self.say(f"Looking for a feed at {message.url}…")
        self._feed_job("add", message.url)

    def on_remove_feed(self, message: RemoveFeed) -> None:
        if self.view == ("feed", str(message.feed_id)):
            self.view = ("view", "all")
        self._feed_job("remove", message.feed_id)

    def on_rename_feed(self, message: RenameFeed) -> None:
        self._feed_job("rename", message.feed_id, message.title)

    def on_tag_feed(self, message: TagFeed) -> None:
        self._feed_job("tag", message.feed_id, message.tags)

    @work(thread=True, group="feeds", exit_on_error=False)
    def _feed_job(self, job: str, target: object, value: object = None) -> None:
        """Feed changes run the core off the UI thread; the result comes back as a note."""
        from newsreader.core.feeds.subscribe import subscribe

        store = self.store
        if store is None:
            return
        try:
            if job == "add":
                url, new, items = subscribe(store, str(target), self.config.fetch)
                note = (f"Subscribed to {url}: {items} item{'' if items == 1 else 's'}" if new
                        else f"Already subscribed to {url}")
            elif job == "remove":
                store.remove_feed(str(target))
                note = "Feed removed; its starred, later and saved items stay"
            elif job == "rename":
                store.rename_feed(int(str(target)), str(value or "") or None)
                note = "Feed renamed"
            else:
                tags = tuple(value) if isinstance(value, tuple) else ()
                store.set_tags(int(str(target)), tags)
                note = f"Tags: {', '.join(tags) or 'none'}"
        except NewsreaderError as exc:
            self.post_message(FeedsChanged(f"Could not {job} the feed: {exc}", error=True))
            return
        self.post_message(FeedsChanged(note))

    def on_feeds_changed(self, message: FeedsChanged) -> None:
        self.say(message.note, severity="error" if message.error else "information",
                 timeout=8 if message.error else None)
        main = self._main()
        current = main.current() if main else None
        self.load_items(keep_item=current.id if current else None)

    def on_save_view(self, message: SaveView) -> None:
        self._save_view(message.name, message.query)

    @work(thread=True, group="config", exit_on_error=False)
    def _save_view(self, name: str, query: str) -> None:
        from newsreader.core.config import save_view

        try:
            config = save_view(self.config, name, query)
        except NewsreaderError as exc:
            self.call_from_thread(self.say, f"View not saved: {exc}", severity="error", timeout=8)
            return
        self.call_from_thread(self._view_saved, config, name)

    def _view_saved(self, config: Config, name: str) -> None:
        self.config = config
        self.say(f"Saved the view {name} in {config.path}")
        main = self._main()
        current = main.current() if main else None
        self.load_items(keep_item=current.id if current else None)

    # ---------------------------------------------------------------- reading
    def on_open_item(self, message: OpenItem) -> None:
        self._item_asked += 1
        self._open_item(message.item_id, self._item_asked)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _open_item(self, item_id: int, generation: int) -> None:
        """Read the item's article (or the feed's own copy) off the UI thread; the reader
        shows it in place if open, else a new one opens (on_item_article)."""
        if self.store is None:
            return
        try:
            article, error = library.item_article(self.store, item_id, self.config.summary)
        except NewsreaderError as exc:
            article, error = None, str(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(ItemArticle(item_id, article, error, generation))

    def on_item_article(self, message: ItemArticle) -> None:
        if message.generation != self._item_asked:
            return  # the person has moved on to another item
        if message.article is None:
            self.say(message.error or "Could not open the item.", severity="error")
            return
        index = self._index(message.item_id)
        when = self.rows[index].published if index is not None else None
        if index is not None and not self.rows[index].read:
            change = Change((message.item_id,), "read", True)  # opening is not an action to undo
            self._save(change)
            self._show_change(index, change, undoable=False)
        if isinstance(self.screen, ReaderScreen) and self.screen.item_id is not None:
            self.screen.show(message.article, message.item_id, when)
        else:
            self.push_screen(ReaderScreen(message.article, message.item_id, when=when))

    def on_step_unread(self, message: StepUnread) -> None:
        self._step(message.item_id, message.step)

    def _step(self, item_id: int | None, step: int) -> None:
        main = self._main()
        start = self._index(item_id)
        index = main.find_unread(-1 if start is None else start, step) if main else None
        if index is None or main is None:
            self.say("No more unread items.")
            return
        main.highlight(index)
        self.post_message(OpenItem(self.rows[index].id))

    def on_save_blurb(self, message: SaveBlurb) -> None:
        self._save_blurb(message)

    @work(thread=True, group="blurb", exit_on_error=False)
    def _save_blurb(self, message: SaveBlurb) -> None:
        if self.store is None:
            self.call_from_thread(self.say, "No store to save into.", severity="warning")
            return
        blurb = message.blurb
        try:
            _, problem = library.save_blurb(self.store, blurb, self.config.summary, self.config.fetch)
        except NewsreaderError as exc:
            self.call_from_thread(self.say, f"Not saved: {exc}", severity="error")
            return
        if problem:
            self.call_from_thread(self.say, f"Saved “{blurb.title}” with its teaser only: {problem}",
                                  severity="warning", timeout=8)
        else:
            self.call_from_thread(self.say, f"Saved: {blurb.title}")
        self.call_from_thread(self.load_items)

    def on_open_link(self, message: OpenLink) -> None:
        url = message.url
        if not url:
            self.say("No URL for this item.", severity="warning")
            return
        try:
            browser = webbrowser.get(self.config.browser) if self.config.browser else webbrowser.get()
        except webbrowser.Error as exc:
            what = f"browser {self.config.browser!r}: {exc}" if self.config.browser else "No browser found"
            self.say(f"{what}. Set ui.browser in the config, or press y to copy the URL.",
                     severity="error", timeout=8)
            return
        self._open_in(browser, url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        if browser.open(url):
            self.call_from_thread(self.say, f"Opened {url}")
        else:
            self.call_from_thread(self.say, f"The browser did not open {url}; y copies it.",
                                  severity="error", timeout=8)

    def on_copy_link(self, message: CopyLink) -> None:
        if message.url:
            self.copy_to_clipboard(message.url)  # OSC 52
            self.say(f"Copied {message.url}")
        else:
            self.say("No URL for this item.", severity="warning")

    # ---------------------------------------------------------------- one page
    def on_open_source(self, message: OpenSource) -> None:
        self.load_sources([message.url])

    @work(thread=True, group="sources", exit_on_error=False)
    def load_sources(self, sources: list[str]) -> None:
        """Fetch and process off the UI thread; report back by message."""
        for outcome in process_sources(sources, self.config.summary, self.config.fetch):
            self.post_message(ArticleLoaded(outcome))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        outcome = message.outcome
        if outcome.article is None:
            self.say(f"{outcome.source}: {outcome.error}", severity="error", timeout=8)
            if isinstance(self.screen, LoadingScreen):
                self.screen.failed(f"{outcome.source}: {outcome.error}")
            return
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(PageReaderScreen(outcome.article))
        else:
            self.push_screen(ReaderScreen(outcome.article))

    # ---------------------------------------------------------------- refresh
    def on_refresh_requested(self, _: RefreshRequested) -> None:
        self.start_refresh()

    def start_refresh(self, due_minutes: int | None = None) -> None:
        """Refresh every feed (R), or with ``due_minutes`` those due (the timer, quietly)."""
        if self.refreshing and due_minutes is None:
            self.say("A refresh is already running.")
        if self.refreshing or self.store is None:
            return
        self.refreshing = True
        self._refresh_quiet = due_minutes is not None  # the timer's refresh never pops up toasts
        self._refresh(due_minutes)

    def _refresh_due(self) -> None:
        self.start_refresh(self.config.refresh_minutes)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh(self, due_minutes: int | None) -> None:
        from newsreader.core.feeds.refresh import Progress, refresh

        store = self.store
        if store is None:
            return
        last = 0.0

        def progress(p: Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last > 0.1:  # at most ten updates a second
                last = now
                self.post_message(RefreshProgress(p))

        try:
            totals = asyncio.run(refresh(store, fetch=self.config.fetch, summary=self.config.summary,
                                         full_text=self.config.full_text, workers=self.config.workers,
                                         progress=progress, due_minutes=due_minutes,
                                         **library.refresh_settings(self.config)))
        except Exception as exc:  # report, never crash the reader
            self.post_message(RefreshDone(None, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(RefreshDone(totals))

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        p = message.progress
        main = self._main()
        if main is not None:
            main.set_status(f"refreshing {p.phase} {p.done}/{p.total}")
        if p.phase == "feeds" and p.done == p.total:
            current = main.current() if main else None
            self.load_items(keep_item=current.id if current else None)

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refreshing = False
        main = self._main()
        current = main.current() if main else None
        self.load_items(keep_item=current.id if current else None)
        if message.totals is None:
            self.say(f"Refresh failed: {message.error}", severity="error", timeout=10)
            return
        t = message.totals
        summary = (f"{t.new_items} new item{'' if t.new_items == 1 else 's'}, {t.articles} articles"
                   + (f", {t.ruled} changed by rules" if t.ruled else "")
                   + (f", {t.removed} removed by retention" if t.removed else "")
                   + (f"; {t.feed_errors} feed{'' if t.feed_errors == 1 else 's'} failed (marked ! in the"
                      " feeds pane: highlight one to see why)" if t.feed_errors else ""))
        if main is not None:
            self._note = summary  # the status line keeps it once the list reloads
        if self._refresh_quiet:
            return  # a timed refresh (a first run offline, say) never covers the screen
        if len(t.errors) == 1:
            self.say(t.errors[0], severity="warning", timeout=8)
        elif t.errors:  # offline, say: one line, not a wall of toasts
            self.say(f"{len(t.errors)} feeds had errors; first: {t.errors[0]}", severity="warning", timeout=8)
        if t.feeds:
            self.say(f"{summary} in {t.seconds:.1f}s")

    # ---------------------------------------------------------------- palette
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists every action of the screen underneath, with its keys in force."""
        yield from super().get_system_commands(screen)
        for binding in screen_bindings(screen):
            if isinstance(binding, Binding) and binding.description:
                keys = " / ".join(keys_in_force(binding, self.keymap))
                yield SystemCommand(binding.description, f"key: {keys}",
                                    partial(screen.run_action, binding.action))


def reader_ready(app: App[int]) -> bool:
    """True once a reader screen is mounted with its panes (for tests and screenshots)."""
    screen = app.screen
    return isinstance(screen, ReaderScreen) and screen.is_mounted and bool(screen.query("#story"))


def run_reader(config: Config, source: str | None = None, db: str | None = None,
               article: Article | None = None) -> int:
    app = NewsreaderApp(config, source, db, article=article)
    app.run()
    return app.return_code or 0
