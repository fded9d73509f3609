"""Which items a list shows, as SQL: a view, a feed, a tag and a query, a page at a time.

Pages are keyset pages: the next one starts after the last row, so the thousandth page
costs what the first does.

- A view, a feed or a tag lists newest first by date, (published, id); every view has
  an index in that order (``items_order``, and a partial index per state), so a page
  reads only its own rows.
- A search (a query with full-text words at its top level) lists newest first by
  arrival (id), driven by the search index in that order: the first page of a word
  found in half a million items costs what a rare word's does.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsreader.core import query as q
from newsreader.core.states import STATES
from newsreader.core.states import state as state_named

Cursor = tuple[float, int]  # (published, id) of the last row shown


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """A list of items: ``state`` is "unread" or a triage state's name; ``query`` is in
    the query language (core/query.py)."""

    state: str | None = None
    feed_id: int | None = None
    tag: str | None = None
    query: str | None = None
    include_hidden: bool = False


@dataclass(frozen=True, slots=True)
class Plan:
    source: str  # the FROM clause: "items i", or the search index joined to items
    where: str
    params: list[object]
    by_arrival: bool  # ordered by id alone (a search), else by (published, id)

    @property
    def order(self) -> str:
        # The search index's own rowid order, which FTS5 reads backwards without sorting.
        return "items_fts.rowid DESC" if self.by_arrival else "i.published DESC, i.id DESC"

    def after(self, cursor: Cursor | None) -> tuple[str, list[object]]:
        """The keyset condition for the page after ``cursor``."""
        if cursor is None:
            return "1 = 1", []
        if self.by_arrival:
            return "items_fts.rowid < ?", [cursor[1]]
        return "(i.published, i.id) < (?, ?)", [cursor[0], cursor[1]]


def _base(chosen: ItemFilter, node: q.Node | None, now: float | None) -> tuple[list[str], list[object]]:
    """The view, feed and tag conditions.  Items in a hiding state (dismissed) show
    only where they are asked for: their own view, or a query naming the state."""
    clauses = [f"i.{s.name}_at IS NULL" for s in STATES
               if s.hides and not chosen.include_hidden and chosen.state != s.name
               and not q.mentions_state(node, s.name)]
    params: list[object] = []
    if chosen.state == "unread":
        clauses.append("i.read_at IS NULL")
    elif chosen.state is not None:
        clauses.append(f"i.{state_named(chosen.state).name}_at IS NOT NULL")
    if chosen.feed_id is not None:
        clauses.append("i.id IN (SELECT item_id FROM feed_items WHERE feed_id = ?)")
        params.append(chosen.feed_id)
    if chosen.tag is not None:
        sql, tag_params = q.to_sql(q.Filter("tag", chosen.tag), now)
        clauses.append(sql)
        params += tag_params
    return clauses, params


def plan(chosen: ItemFilter, now: float | None = None) -> Plan:
    """How to list the items of a filter (a ``QueryError`` if its query cannot be read)."""
    node = q.parse(chosen.query) if chosen.query else None
    clauses, params = _base(chosen, node, now)
    source = "items i"
    searched = q.top_terms(node) if node is not None else None
    if searched is not None:
        match, rest = searched
        source = "items_fts JOIN items i ON i.id = items_fts.rowid"
        clauses.insert(0, "items_fts MATCH ?")
        params.insert(0, match)
        node = rest
    if node is not None:
        sql, query_params = q.to_sql(node, now)
        clauses.append(sql)
        params += query_params
    if searched is None and chosen.feed_id is None and chosen.tag is None:
        index = _state_index(chosen, node)
        if index is not None:
            source = f"items i INDEXED BY {index}"
    return Plan(source, " AND ".join(clauses) or "1 = 1", params, by_arrival=searched is not None)


def _state_index(chosen: ItemFilter, node: q.Node | None) -> str | None:
    """A list that asks for a state (its view, or ``is:starred`` at the top of a query)
    reads that state's partial index, in list order, whatever the planner's statistics
    say: a query that matches nothing then reads the starred items, not a million."""
    wanted = [chosen.state] if chosen.state else []
    parts = node.parts if isinstance(node, q.All) else (node,) if node is not None else ()
    wanted += [p.value for p in parts if isinstance(p, q.Filter) and p.name == "is"]
    hidden_shown = chosen.include_hidden or any(
        s.hides and (chosen.state == s.name or q.mentions_state(node, s.name)) for s in STATES)
    names = set(wanted) - {"read"}
    # The rarest first: a kept state, then unread (whose index also leaves hidden items out).
    for name in [s.name for s in STATES if s.name in names] + ["unread"]:
        if name in names and (name != "unread" or not hidden_shown):
            return f"items_{name}"
    return None


def where(chosen: ItemFilter, now: float | None = None, *,
          ids: q.IdRange = None) -> tuple[str, list[object]]:
    """One WHERE clause over ``items i`` alone, for bulk changes and rules (``ids``: the
    rows asked about lie in this range, see ``query.to_sql``)."""
    node = q.parse(chosen.query) if chosen.query else None
    clauses, params = _base(chosen, node, now)
    if node is not None:
        sql, query_params = q.to_sql(node, now, ids=ids)
        clauses.append(sql)
        params += query_params
    return " AND ".join(clauses) or "1 = 1", params
