"""Which items a list shows, as SQL: a view, a feed, a tag and a query, newest first,
a page at a time.

Pages are keyset pages: the next one starts after the last row's (published, id), so
the thousandth page costs what the first does.  Every view has an index in that order
(``items_order``, and a partial index per state), so a page reads only its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsreader.core import query as q
from newsreader.core.states import STATES
from newsreader.core.states import state as state_named

ORDER = "i.published DESC, i.id DESC"
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


def where(chosen: ItemFilter, now: float | None = None) -> tuple[str, list[object]]:
    """The WHERE clause over ``items i`` for a filter, and its parameters."""
    node = q.parse(chosen.query) if chosen.query else None
    clauses: list[str] = []
    params: list[object] = []
    for hidden in STATES:
        # Items in a hiding state (dismissed) show only where they are asked for.
        if (hidden.hides and not chosen.include_hidden and chosen.state != hidden.name
                and not q.mentions_state(node, hidden.name)):
            clauses.append(f"i.{hidden.name}_at IS NULL")
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
    if node is not None:
        sql, query_params = q.to_sql(node, now)
        clauses.append(sql)
        params += query_params
    return " AND ".join(clauses) or "1 = 1", params


def after(cursor: Cursor | None) -> tuple[str, list[object]]:
    """The keyset condition for the page after ``cursor``."""
    if cursor is None:
        return "1 = 1", []
    return "(i.published, i.id) < (?, ?)", [cursor[0], cursor[1]]
