"""Full-text search on PostgreSQL: the same queries and answers as on SQLite's FTS5
(orat_tui.store.search), on PostgreSQL's own text search (schema 0007: a GIN index over
`orat_search_words(note.text)`, configuration `simple`).

The user's text becomes a tsquery built here, never parsed by PostgreSQL's query syntax:
every term is cut into words the way FTS5's unicode61 tokenizer cuts them (runs of letters,
digits and private-use characters), each word a quoted lexeme, the words of one term a phrase
(`<->`), a trailing `*` a prefix (`:*`) on its last word, the terms joined with `&`. So
quotes, `!`, `&`, `|`, `:` or `<->` in what was typed are words or nothing, never an error.

Snippets are made here too, from the note's text, with the same markers FTS5's snippet()
uses, so both databases show hits alike."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orat_tui.store.meetings import Store
    from orat_tui.store.search import Hit

# a word, as FTS5's unicode61 tokenizer sees one: letters, digits (and marks on them), private use
_WORD = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")


def words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery_text(text: str) -> tuple[str | None, list[tuple[list[str], bool]]]:
    """The tsquery (for to_tsquery('simple', ...)) of whatever the user typed, and its terms as
    (words, prefix) for marking snippets; (None, []) when it holds no word."""
    from orat_tui.store.search import query_terms

    parts, terms = [], []
    for term, prefix in query_terms(text):
        found = [m.group() for m in words(term)]
        if not found:
            continue
        lexemes = [_lexeme(w) for w in found]
        if prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
        terms.append((found, prefix))
    return (" & ".join(parts) if parts else None), terms


def _matches(folded: list[str], terms: list[tuple[list[str], bool]]) -> list[tuple[int, int]]:
    """The word ranges (first, last) where a term occurs: a phrase only as a whole, in its
    order; overlapping ranges merged."""
    found = []
    for ws, prefix in terms:
        want = [w.lower() for w in ws]
        n = len(want)
        for i in range(len(folded) - n + 1):
            if all(folded[i + k] == want[k] or (prefix and k == n - 1
                                                and folded[i + k].startswith(want[k]))
                   for k in range(n)):
                found.append((i, i + n - 1))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def make_snippet(text: str, terms: list[tuple[list[str], bool]], tokens: int) -> str:
    """The note's text around its matches, `tokens` words at most, each match (a phrase as a
    whole) between the markers search.split_snippet takes apart, as FTS5's snippet() gives
    them."""
    from orat_tui.store.search import _CLOSE, _OPEN, ELLIPSIS

    found = words(text)
    ranges = _matches([m.group().lower() for m in found], terms)
    in_match = [False] * len(found)
    for a, b in ranges:
        for i in range(a, b + 1):
            in_match[i] = True
    if len(found) <= tokens:
        first, last = 0, len(found)
    else:  # the window of `tokens` words with the most matched words, the earliest of those
        best, first = -1, 0
        for i in range(0, len(found) - tokens + 1):
            score = sum(in_match[i:i + tokens])
            if score > best:
                best, first = score, i
        last = first + tokens
    starts = {a: b for a, b in ranges}
    out = [ELLIPSIS] if first > 0 else []
    pos = found[first].start() if first > 0 else 0
    i = first
    while i < last:
        m = found[i]
        out.append(text[pos:m.start()])
        end = min(starts.get(i, i), last - 1) if i in starts else i
        if i in starts:
            out.append(f"{_OPEN}{text[m.start():found[end].end()]}{_CLOSE}")
        else:
            out.append(m.group())
        pos = found[end].end()
        i = end + 1
    if last < len(found):
        out.append(ELLIPSIS)
    else:
        out.append(text[pos:])
    return "".join(out)


_SEARCH = """
SELECT note.meeting_id, meeting.title, meeting.started_at, meeting.state, series.name,
       note.slot, note.internal, note.text
FROM note
JOIN meeting ON meeting.id = note.meeting_id
JOIN series ON series.id = meeting.series_id
WHERE orat_search_words(note.text) @@ to_tsquery('simple', :query) {series}
ORDER BY meeting.started_at DESC, note.ctid
LIMIT :limit
"""
# Within a meeting, notes come in the order they were written (ctid: the row's place in the
# table), as on SQLite (rowid): for a meeting written in agenda order, the agenda's order.


def search_postgresql(store: Store, query: str, limit: int, series_id: str | None,
                      snippet_tokens: int) -> list[Hit]:
    from sqlalchemy import Boolean, DateTime, String, text
    from sqlalchemy.exc import ProgrammingError

    from orat_tui.store.search import Hit, SearchUnavailable, _places, split_snippet

    tsquery, terms = to_tsquery_text(query)
    if tsquery is None or limit <= 0:
        return []
    sql = text(_SEARCH.replace("{series}", "AND meeting.series_id = :series" if series_id else ""))
    sql = sql.columns(started_at=DateTime(), internal=Boolean(), slot=String())
    params = {"query": tsquery, "limit": limit}
    if series_id:
        params["series"] = series_id
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sql, params).all()
            places = _places(conn, [(r[0], r[5]) for r in rows])
    except ProgrammingError as exc:
        if "orat_search_words" in str(exc.orig):
            raise SearchUnavailable("this database has no search index yet: open it once "
                                    "with this orat to upgrade it") from None
        raise
    return [Hit(meeting_id=mid, title=title, started_at=started, state=state,
                series_name=series or "", slot=slot,
                spans=split_snippet(make_snippet(body or "", terms, snippet_tokens)),
                internal=bool(internal), place=places.get((mid, slot)))
            for mid, title, started, state, series, slot, internal, body in rows]
