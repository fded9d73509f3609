"""Rules: queries that triage new items by themselves (a kill file, a keep list), and
saved searches (views).  Both are written in the query language (core/query.py).

A rule acts on items nobody triaged by hand, and records its name on each item it
changes, so ``rule:NAME`` (and ``is:dismissed``) finds what it did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsreader.core import query as q
from newsreader.core.errors import ConfigError
from newsreader.core.states import STATES
from newsreader.core.store.listing import ItemFilter

if TYPE_CHECKING:
    from newsreader.core.store.db import Store

# A rule's action: a state's name or its `mark` flag (star, dismiss), or tag:NAME.
_ACTIONS = {**{s.name: s.name for s in STATES}, **{s.flag: s.name for s in STATES}}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    query: str
    action: str  # a state's name, or "tag:NAME"

    @property
    def tag(self) -> str | None:
        return self.action[4:] if self.action.startswith("tag:") else None


@dataclass(frozen=True, slots=True)
class SavedView:
    name: str
    query: str


@dataclass(frozen=True, slots=True)
class RuleHit:
    rule: str
    action: str
    item_id: int
    title: str


def make_rule(name: str, query: str, action: str, where: str) -> Rule:
    """A rule from the config, checked: its query parses and its action is known."""
    check_query(query, where)
    if action.startswith("tag:"):
        tag = action[4:].strip()
        if not tag or "," in tag or "\"" in tag:
            raise ConfigError(f"config: {where}action `{action}` needs one tag name, as tag:later-reading")
        return Rule(name, query, f"tag:{tag}")
    if action not in _ACTIONS:
        choices = ", ".join(sorted({s.flag for s in STATES} | {"tag:NAME"}))
        raise ConfigError(f"config: {where}action must be one of {choices}, not {action!r}")
    return Rule(name, query, _ACTIONS[action])


def check_query(query: str, where: str) -> None:
    try:
        if q.parse(query) is None:
            raise ConfigError(f"config: {where}query is empty")
    except q.QueryError as exc:
        raise ConfigError(f"config: {where}query: {exc}") from None


def apply_rules(store: Store, rules: Iterable[Rule], among: Iterable[int] | None = None, *,
                dry_run: bool = False) -> list[RuleHit]:
    """Run each rule over ``among`` (new items) or the whole store, in order; returns what
    each changed (or would change).  Items triaged by hand are never touched, and an
    item already in a rule's state is not counted again."""
    wanted = list(among) if among is not None else None
    hits: list[RuleHit] = []
    for rule in rules:
        if rule.tag is not None:
            chosen = ItemFilter(query=f"({rule.query}) NOT tag:\"{rule.tag}\"", include_hidden=True)
        else:
            chosen = ItemFilter(query=f"({rule.query}) NOT is:{rule.action}", include_hidden=True)
        ids = store.item_ids(chosen, among=wanted, untouched=True)
        if not ids:
            continue
        titles = store.titles(ids)
        hits += [RuleHit(rule.name, rule.action, i, titles.get(i, "")) for i in ids]
        if dry_run:
            continue
        if rule.tag is not None:
            store.add_item_tag(ids, rule.tag, rule=rule.name)
        else:
            store.set_states(ids, rule.action, True, rule=rule.name)
    return hits
