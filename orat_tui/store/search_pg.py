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


def make_snippet(text: str, terms: list[tuple[list[str], bool]], tokens: int) -> str:
    """The note's text around its matches, `tokens` words at most, the matched words between
    the markers search.split_snippet takes apart (as FTS5's snippet() gives them)."""
    from orat_tui.store.search import _CLOSE, _OPEN, ELLIPSIS

    found = words(text)
    folded = [m.group().lower() for m in found]
    exact = {w.lower() for ws, prefix in terms for w in (ws if not prefix else ws[:-1])}
    starts = [ws[-1].lower() for ws, prefix in terms if prefix]
    hit = [w in exact or any(w.startswith(p) for p in starts) for w in folded]
    if len(found) <= tokens:
        first, last = 0, len(found)
    else:  # the window of `tokens` words with the most matched words, the earliest of those
        best, first = -1, 0
        for i in range(0, len(found) - tokens + 1):
            score = sum(hit[i:i + tokens])
            if score > best:
                best, first = score, i
        last = first + tokens
    out = [ELLIPSIS] if first > 0 else []
    pos = found[first].start() if first > 0 else 0
    for i in range(first, last):
        m = found[i]
        out.append(text[pos:m.start()])
        out.append(f"{_OPEN}{m.group()}{_CLOSE}" if hit[i] else m.group())
        pos = m.end()
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
