"""One query language for the search box, saved views, rules and ``items --query``.

    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*          words side by side must all match
    unary   := ("NOT" | "-") unary | atom
    atom    := "(" or ")" | NAME ":" value | "a phrase" | word

Free words and phrases are full-text terms: whole words, stemmed ("harbours" finds
"harbour"), or a prefix with a trailing * ("harb*"). The filters:

    feed:WORD   tag:NAME   author:WORD   title:WORD   url:WORD   text:WORD   rule:NAME
    title:/regex/ (any word filter takes a /regex/, matched without regard to case)
    is:unread | is:read | is:starred | is:later | is:dismissed   (every triage state)
    age:<3d  age:>2w   (h, d, w, mo, y; a bare age:3d means newer than 3 days)
    words:>800  words:<300  words:800
    lang:de

The parser turns text into a tree of frozen dataclasses (or a ``QueryError`` naming the
column at fault); ``to_sql`` turns a tree into a WHERE clause over ``items i``.
"""

from __future__ import annotations

import difflib
import re
import time
from dataclasses import dataclass

from newsreader.core.errors import UsageError
from newsreader.core.states import NAMES as STATE_NAMES

WORD_FILTERS = ("feed", "tag", "author", "title", "url", "text", "rule")
FILTERS = (*WORD_FILTERS, "is", "age", "words", "lang")
UNITS = {"h": 3600, "d": 86400, "w": 7 * 86400, "mo": 30 * 86400, "y": 365 * 86400}
IS_VALUES = ("unread", *STATE_NAMES)


class QueryError(UsageError):
    """A query that cannot be read; the message names the column (1-based) at fault."""

    def __init__(self, message: str, column: int, hint: str = "") -> None:
        super().__init__(f"{message} at column {column}{hint}")
        self.column = column


# ---------------------------------------------------------------------------- the tree
@dataclass(frozen=True, slots=True)
class Terms:
    """Full-text words or a phrase, in ``column`` (title, text) or both (None)."""

    words: tuple[str, ...]
    phrase: bool = False
    column: str | None = None


@dataclass(frozen=True, slots=True)
class Filter:
    name: str  # one of FILTERS
    value: str  # the word, the regex's pattern, the state, the language
    regex: bool = False
    op: str = "="  # for age and words: "<", ">" or "="
    number: float = 0.0  # age in seconds, or a word count


@dataclass(frozen=True, slots=True)
class Not:
    part: Node


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any:
    parts: tuple[Node, ...]


Node = Terms | Filter | Not | All | Any


# ---------------------------------------------------------------------------- tokens
@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(", ")", "OR", "AND", "NOT", "word", "phrase", "filter"
    text: str
    column: int  # 1-based
    name: str = ""  # a filter's name
    regex: bool = False
    quoted: bool = False


_SPACE = re.compile(r"\s+")
_FILTER = re.compile(r"([A-Za-z_]+):")


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        column = i + 1
        if text[i] in "()":
            out.append(_Token(text[i], text[i], column))
            i += 1
            continue
        if text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError('unclosed quote "', column)
            out.append(_Token("phrase", text[i + 1:end], column))
            i = end + 1
            continue
        if text[i] == "-" and i + 1 < len(text) and not text[i + 1].isspace():
            out.append(_Token("NOT", "-", column))
            i += 1
            continue
        found = _FILTER.match(text, i)
        if found and not text.startswith("//", found.end()):  # https://… is a word, not a filter
            name = found.group(1).lower()
            i = found.end()
            value, regex, quoted, i = _value(text, i, name, column)
            out.append(_Token("filter", value, column, name=name, regex=regex, quoted=quoted))
            continue
        end = i
        while end < len(text) and not text[end].isspace() and text[end] not in '()"':
            end += 1
        word = text[i:end]
        kind = word if word in {"OR", "AND", "NOT"} else "word"
        out.append(_Token(kind, word, column))
        i = end
    return out


def _value(text: str, i: int, name: str, column: int) -> tuple[str, bool, bool, int]:
    """A filter's value: /regex/, "quoted", or a bare word; returns (value, regex, quoted, end)."""
    if i >= len(text) or text[i].isspace() or text[i] == ")":
        raise QueryError(f"missing value after `{name}:`", column)
    if text[i] == "/":
        end = i + 1
        while end < len(text) and text[end] != "/":
            end += 2 if text[end] == "\\" else 1
        if end >= len(text):
            raise QueryError(f"unclosed /regex/ after `{name}:`", column)
        return text[i + 1:end], True, False, end + 1
    if text[i] == '"':
        end = text.find('"', i + 1)
        if end < 0:
            raise QueryError('unclosed quote "', i + 1)
        return text[i + 1:end], False, True, end + 1
    end = i
    while end < len(text) and not text[end].isspace() and text[end] not in "()":
        end += 1
    return text[i:end], False, False, end


# ---------------------------------------------------------------------------- parsing
def parse(text: str) -> Node | None:
    """The tree of a query, or None for an empty one; ``QueryError`` when it cannot be read."""
    tokens = _tokens(text)
    if not tokens:
        return None
    parser = _Parser(tokens, len(text))
    node = parser.any()
    if parser.at < len(tokens):
        token = tokens[parser.at]
        raise QueryError(f"unexpected `{token.text}`" + (" (no `(` opens it)" if token.kind == ")" else ""),
                         token.column)
    return node


class _Parser:
    def __init__(self, tokens: list[_Token], length: int) -> None:
        self.tokens = tokens
        self.at = 0
        self.end_column = length + 1

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def any(self) -> Node:
        parts = [self.all()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.at += 1
            parts.append(self.all())
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def all(self) -> Node:
        parts = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in {"OR", ")"}:
            if token.kind == "AND":
                self.at += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            previous = self.tokens[self.at - 1]
            raise QueryError(f"nothing after `{previous.text}`", previous.column)
        if token.kind == "NOT":
            self.at += 1
            return Not(self.unary())
        return self.atom()

    def atom(self) -> Node:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "(":
            if (after := self.peek()) is not None and after.kind == ")":
                raise QueryError("empty ()", token.column)
            node = self.any()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError("unclosed (", token.column)
            self.at += 1
            return node
        if token.kind in {")", "OR", "AND"}:
            what = "`)` with no `(` before it" if token.kind == ")" else f"`{token.text}` with nothing before it"
            raise QueryError(what, token.column)
        if token.kind == "phrase":
            words = tuple(token.text.split())
            if not words:
                raise QueryError('empty ""', token.column)
            return Terms(words, phrase=True)
        if token.kind == "word":
            return Terms((token.text,))
        return _filter(token)


def _filter(token: _Token) -> Node:
    name, value, column = token.name, token.text, token.column
    if name not in FILTERS:
        close = difflib.get_close_matches(name, FILTERS, n=1, cutoff=0.5)
        hint = f"; did you mean `{close[0]}:`?" if close else f"; filters: {', '.join(f + ':' for f in FILTERS)}"
        raise QueryError(f"unknown filter `{name}:`", column, hint)
    if token.regex:
        if name not in WORD_FILTERS:
            raise QueryError(f"`{name}:` takes no /regex/", column)
        try:
            re.compile(value)
        except re.error as exc:
            raise QueryError(f"bad regex /{value}/", column, f": {exc.msg}") from None
        return Filter(name, value, regex=True)
    if name in {"title", "text"} and not token.quoted:
        return Terms((value,), column=name)
    if name in {"title", "text"}:
        return Terms(tuple(value.split()) or ("",), phrase=True, column=name)
    if name == "is":
        if value.lower() not in IS_VALUES:
            close = difflib.get_close_matches(value.lower(), IS_VALUES, n=1, cutoff=0.5)
            hint = f"; did you mean `is:{close[0]}`?" if close else ""
            raise QueryError(f"unknown state `is:{value}`", column,
                             hint or f"; use one of {', '.join('is:' + v for v in IS_VALUES)}")
        return Filter("is", value.lower())
    if name == "age":
        found = re.fullmatch(r"([<>]?)(\d+(?:\.\d+)?)(h|d|w|mo|y)", value.lower())
        if not found:
            raise QueryError(f"bad age `age:{value}`", column,
                             "; use < or >, a number and h, d, w, mo or y, as age:<3d")
        op = found.group(1) or "<"
        return Filter("age", value, op=op, number=float(found.group(2)) * UNITS[found.group(3)])
    if name == "words":
        found = re.fullmatch(r"([<>]?)(\d+)", value)
        if not found:
            raise QueryError(f"bad word count `words:{value}`", column, "; use words:>800, words:<300 or words:500")
        return Filter("words", value, op=found.group(1) or "=", number=float(found.group(2)))
    if name == "lang":
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)?", value):
            raise QueryError(f"bad language `lang:{value}`", column, "; use a code such as lang:de")
        return Filter("lang", value.lower())
    return Filter(name, value)


def mentions_state(node: Node | None, name: str) -> bool:
    """Whether the query asks about a state by name (``is:dismissed`` shows hidden
    items), or about what rules did (``rule:``, which shows what a rule dismissed)."""
    if node is None:
        return False
    if isinstance(node, Filter):
        return (node.name == "is" and node.value == name) or node.name == "rule"
    if isinstance(node, Not):
        return mentions_state(node.part, name)
    if isinstance(node, Terms):
        return False
    return any(mentions_state(part, name) for part in node.parts)


# ---------------------------------------------------------------------------- to SQL
def _fts_word(word: str) -> str:
    """A whole word (stemmed by the index's tokenizer), or with a trailing * a prefix."""
    prefix = word.endswith("*") and len(word) > 1
    word = word.rstrip("*") if prefix else word
    return '"' + word.replace('"', '""') + '"' + ("*" if prefix else "")


def fts_expression(node: Terms) -> str:
    """A Terms leaf as an FTS5 expression: prefix words, or a phrase."""
    if node.phrase:
        inner = '"' + " ".join(node.words).replace('"', '""') + '"'
    else:
        inner = " AND ".join(_fts_word(w) for w in node.words)
    return f"{node.column} : ({inner})" if node.column else f"({inner})"


def top_terms(node: Node) -> tuple[str, Node | None] | None:
    """When full-text words must all match (a word alone, or words ANDed at the top),
    their FTS5 expression and the rest of the query (None when nothing is left): a
    search can then be driven by the index itself."""
    if isinstance(node, Terms):
        return (fts_expression(node), None) if _searchable(node) else None
    if not isinstance(node, All):
        return None
    terms = [p for p in node.parts if isinstance(p, Terms) and _searchable(p)]
    if not terms:
        return None
    rest = tuple(p for p in node.parts if not isinstance(p, Terms) or not _searchable(p))
    return (" AND ".join(fts_expression(t) for t in terms),
            None if not rest else rest[0] if len(rest) == 1 else All(rest))


IdRange = tuple[int, int] | None


def to_sql(node: Node, now: float | None = None, *, ids: IdRange = None) -> tuple[str, list[object]]:
    """A WHERE clause over ``items i`` and its parameters.  Full-text leaves side by
    side under AND go to FTS5 as one MATCH; regexes use the store's REGEXP function.

    ``ids``: the rows asked about lie between these ids (the new items a rule looks
    at): the index reads only that stretch of each word's list, not every match."""
    params: list[object] = []
    sql = _sql(node, params, time.time() if now is None else now, ids)
    return sql, params


def _match(params: list[object], expression: str, ids: IdRange) -> str:
    params.append(expression)
    if ids is None:
        return "i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
    params.extend(ids)
    return "i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ? AND rowid BETWEEN ? AND ?)"


def _searchable(node: Node) -> bool:
    """Punctuation alone (`-`, `"*"`) has no words to search for: it matches everything."""
    return not isinstance(node, Terms) or any(ch.isalnum() for w in node.words for ch in w)


def _sql(node: Node, params: list[object], now: float, ids: IdRange) -> str:
    if isinstance(node, Terms):
        if not _searchable(node):
            return "1 = 1"
        return _match(params, fts_expression(node), ids)
    if isinstance(node, Not):
        return f"NOT ({_sql(node.part, params, now, ids)})"
    if isinstance(node, Any):
        return "(" + " OR ".join(_sql(p, params, now, ids) for p in node.parts) + ")"
    if isinstance(node, All):
        terms = [p for p in node.parts if isinstance(p, Terms) and _searchable(p)]
        rest = [p for p in node.parts if not isinstance(p, Terms)]
        clauses = []
        if terms:
            clauses.append(_match(params, " AND ".join(fts_expression(t) for t in terms), ids))
        clauses += [_sql(p, params, now, ids) for p in rest]
        return "(" + (" AND ".join(clauses) or "1 = 1") + ")"
    return _filter_sql(node, params, now)


def _text_match(column: str, node: Filter, params: list[object]) -> str:
    params.append(node.value if node.regex else node.value.lower())
    if node.regex:
        return f"{column} REGEXP ?"
    return f"instr(lower(COALESCE({column}, '')), ?) > 0"


def _filter_sql(node: Filter, params: list[object], now: float) -> str:
    name = node.name
    if name == "is":
        if node.value == "unread":
            return "i.read_at IS NULL"
        return f"i.{node.value}_at IS NOT NULL"
    if name == "age":
        params.append(now - node.number)
        return f"i.published {'>' if node.op == '<' else '<'} ?"
    if name == "words":
        params.append(int(node.number))
        return f"i.words {node.op} ?"
    if name == "lang":
        params.extend((node.value, node.value + "-%"))
        return "(lower(i.language) = ? OR lower(i.language) LIKE ?)"
    if name == "author":
        return _text_match("i.author", node, params)
    if name == "url":
        return _text_match("i.url", node, params)
    if name == "rule":
        return _text_match("i.rule", node, params)
    if name in {"title", "text"}:  # only regexes reach here; words go to FTS
        column = "i.title" if name == "title" else "item_text((SELECT b.article FROM bodies b WHERE b.item_id = i.id))"
        return _text_match(column, node, params)
    # feed: and tag: ask, row by row, whether a feed that carries the item matches: a
    # handful of index lookups, where "the items of every matching feed" could be most
    # of the store.
    if name == "tag":
        params.extend((node.value.lower(), node.value.lower()))
        return ("(instr(',' || lower(i.tags) || ',', ',' || ? || ',') > 0 OR EXISTS ("
                "SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.item_id = i.id"
                " AND instr(',' || lower(f.tags) || ',', ',' || ? || ',') > 0))")
    # feed: a word in the feed's title or URL, or its id
    inner = _text_match("COALESCE(f.title, '') || ' ' || f.url", node, params)
    if node.value.isdigit() and not node.regex:
        params.append(int(node.value))
        inner = f"({inner} OR f.id = ?)"
    return f"EXISTS (SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.item_id = i.id AND {inner})"
