"""Full-text search over every note of every meeting, and the list of meetings.

On PostgreSQL, search() hands over to orat_tui.store.search_pg (its own text search, the
same answers). On SQLite, search runs on SQLite's FTS5 index `note_fts` (schema 0003: external content over note.text,
tokenizer unicode61 with diacritics kept, so `för` never finds `for`; case folded, so `ÅSA`
finds `Åsa`). Whatever a person types is a valid query: `to_fts_query` turns it into a safe
FTS5 expression (every word a quoted phrase, a trailing `*` a prefix search, the words joined
with AND), so quotes, `-`, `NOT`, `NEAR(`, `:`, `^` and unbalanced quotes give results or
none, never an error. Hits come newest meeting first, at most `limit` of them: SQLite finds
the matching notes in the index, sorts them by the meeting's start and builds snippets for
the first `limit` only, which takes milliseconds even over ten years of meetings.

No Textual here; the labels of where a note sits (step and field) are made on demand, in the
language chosen when they are shown."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orat_tui.store.meetings import Store

DEFAULT_LIMIT = 50
SNIPPET_TOKENS = 16  # words around the match in a snippet (FTS5 allows at most 64)
ELLIPSIS = "…"
# Markers FTS5 puts around matched words in a snippet; split off again before anyone sees them.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


# The tables of the search index (the FTS5 table and its shadow tables): made by migration
# 0003 by hand, not from the models, so Alembic's autogenerate must leave them alone.
SEARCH_TABLES = frozenset({"note_fts", "note_fts_data", "note_fts_idx", "note_fts_docsize",
                           "note_fts_config"})


SEARCH_INDEXES = frozenset({"ix_note_search"})  # PostgreSQL's (schema 0007)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """For Alembic (`include_name=` in env.py, or opts of compare_metadata): everything but
    the search index's tables (SQLite) and index (PostgreSQL)."""
    return not ((type_ == "table" and name in SEARCH_TABLES)
                or (type_ == "index" and name in SEARCH_INDEXES))


class SearchUnavailable(NotImplementedError):
    """Full-text search cannot run on this database (one line, for the user)."""


@dataclass(frozen=True)
class Place:
    """Where a note sits: its step (kind, title, number, member) or its member, and its field.
    Raw, so that the label is made in the language of the moment it is shown."""

    field: str
    step_kind: str = ""
    step_title: str = ""
    step_number: int = 0
    member_key: str = ""
    member_short: str = ""
    member_name: str = ""


@dataclass(frozen=True)
class Hit:
    meeting_id: str
    title: str  # the meeting's title
    started_at: datetime
    state: str  # live, ended, approved
    series_name: str
    slot: str  # the note: step:<id>:<field> or member:<key>:<field>
    spans: tuple[tuple[str, bool], ...]  # the snippet: (text, is a matched word)
    internal: bool = False  # an internal (egen) note
    place: Place | None = None

    @property
    def snippet(self) -> str:
        """The snippet with the matched words in [brackets]."""
        return "".join(f"[{t}]" if match else t for t, match in self.spans)

    @property
    def where(self) -> str:
        """The note's step and field as the minutes name them ('Polisen · Förra veckan')."""
        return place_label(self.place, self.slot)


@dataclass(frozen=True)
class MeetingListRow:
    id: str
    title: str
    started_at: datetime
    ended_at: datetime | None
    state: str
    series_id: str
    series_name: str
    template_id: str


# -- the query ----------------------------------------------------------------------------------

def _has_token(text: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a word in `text` (letters, digits and private
    use characters are word characters; everything else separates words)."""
    return any(ch.isalnum() or unicodedata.category(ch) == "Co" for ch in text)


def query_terms(text: str) -> list[tuple[str, bool]]:
    """The user's text as (term, prefix) pairs: words split at white space, a "quoted part"
    one term (a phrase), a trailing `*` a prefix search. Terms without a single word character
    (`-`, `*`, `(`, `""`) are dropped; an unbalanced quote is ignored."""
    text = unicodedata.normalize("NFC", text.encode("utf-8", "replace").decode("utf-8"))
    text = text.replace("\x00", " ")
    terms: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"' and text.find('"', i + 1) != -1:
            end = text.find('"', i + 1)
            term, i = text[i + 1:end], end + 1
            prefix = i < n and text[i] == "*"
            while i < n and text[i] == "*":
                i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and not (text[j] == '"' and j > i):
                j += 1
            term, i = text[i:j], j
            prefix = term.endswith("*")
        term = term.strip().rstrip("*") if prefix else term.strip()
        if _has_token(term):
            terms.append((term, prefix))
    return terms


def to_fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for whatever the user typed; None when it holds no word."""
    parts = []
    for term, prefix in query_terms(text):
        parts.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " AND ".join(parts) if parts else None


def one_line(text: str) -> str:
    """Text for one line of a terminal: white space runs (line breaks too) one space, control
    characters (a terminal escape sequence among them) shown as visible codes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", _SPACE.sub(" ", text))


def split_snippet(marked: str) -> tuple[tuple[str, bool], ...]:
    """FTS5's snippet, with its markers, as (text, is a match) spans: one line, control
    characters shown as visible codes."""

    def clean(t: str) -> str:
        return one_line(t.replace(_OPEN, "").replace(_CLOSE, ""))

    spans: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARKED.finditer(marked):
        if m.start() > pos:
            spans.append((clean(marked[pos:m.start()]), False))
        spans.append((clean(m.group(1)), True))
        pos = m.end()
    if pos < len(marked):
        spans.append((clean(marked[pos:]), False))
    merged: list[tuple[str, bool]] = []
    for t, match in spans:
        if not t:
            continue
        if merged and merged[-1][1] == match:
            merged[-1] = (merged[-1][0] + t, match)
        else:
            merged.append((t, match))
    if merged and not merged[0][1]:
        merged[0] = (merged[0][0].lstrip(), False)
    if merged and not merged[-1][1]:
        merged[-1] = (merged[-1][0].rstrip(), False)
    return tuple((t, m) for t, m in merged if t)


# -- search -------------------------------------------------------------------------------------

# Two passes: the first finds every matching note in the index and keeps the newest `limit`
# (sorting rowids by the meeting's start); the second makes snippets for those only (the
# index seeks each rowid), so a common word costs the sort, never thousands of snippets.
# The second also finds where each note sits (its step, and the member it is about), so a
# search is one query: a query for places besides cost more than the search itself.
_SEARCH = """
WITH top AS (
    SELECT note.rowid AS r
    FROM note
    JOIN meeting ON meeting.id = note.meeting_id
    WHERE note.rowid IN (SELECT rowid FROM note_fts WHERE note_fts MATCH :query) {series}
    ORDER BY meeting.started_at DESC, note.rowid
    LIMIT :limit
)
SELECT note.meeting_id, meeting.title, meeting.started_at, meeting.state, series.name,
       note.slot, note.internal,
       snippet(note_fts, 0, :open, :close, :ellipsis, :tokens) AS snippet,
       step.kind, step.title, step.number, step.member_key,
       (SELECT attendee.short || char(31) || attendee.name FROM attendee
        WHERE attendee.meeting_id = note.meeting_id
          AND attendee.key = CASE WHEN note.slot LIKE 'member:%'
                                  THEN substr(note.slot, 8, instr(substr(note.slot, 8), ':') - 1)
                                  ELSE step.member_key END
        LIMIT 1) AS person
FROM note_fts
JOIN note ON note.rowid = note_fts.rowid
JOIN meeting ON meeting.id = note.meeting_id
JOIN series ON series.id = meeting.series_id
LEFT JOIN step ON note.slot LIKE 'step:%'
              AND step.id = substr(note.slot, 6, instr(substr(note.slot, 6), ':') - 1)
WHERE note_fts MATCH :query AND note_fts.rowid IN (SELECT r FROM top)
ORDER BY meeting.started_at DESC, note.rowid
"""


def _dialect(store: Store) -> str:
    """"sqlite" or "postgresql"; any other database: SearchUnavailable."""
    name = store.engine.dialect.name
    if name not in ("sqlite", "postgresql"):
        raise SearchUnavailable(f"full-text search works on SQLite and PostgreSQL, not on {name}")
    return name


def search(store: Store, query: str, limit: int = DEFAULT_LIMIT,
           series_id: str | None = None) -> list[Hit]:
    """The notes that hold every word of `query` (any text: never a syntax error), newest
    meeting first, at most `limit`; only the series `series_id` if given."""
    from sqlalchemy import Boolean, DateTime, String, text
    from sqlalchemy.exc import OperationalError

    if _dialect(store) == "postgresql":
        from orat_tui.store.search_pg import search_postgresql

        return search_postgresql(store, query, limit, series_id, SNIPPET_TOKENS)
    fts = to_fts_query(query)
    if fts is None or limit <= 0:
        return []
    sql = text(_SEARCH.replace("{series}", "AND meeting.series_id = :series" if series_id else ""))
    sql = sql.columns(started_at=DateTime(), internal=Boolean(), slot=String())
    params = {"query": fts, "limit": limit, "open": _OPEN, "close": _CLOSE,
              "ellipsis": ELLIPSIS, "tokens": SNIPPET_TOKENS}
    if series_id:
        params["series"] = series_id
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sql, params).all()
    except OperationalError as exc:
        if "no such table: note_fts" in str(exc.orig):
            raise SearchUnavailable("this database has no search index: the SQLite it was "
                                    "upgraded with had no full-text search (FTS5)") from None
        raise
    return [Hit(meeting_id=r[0], title=r[1], started_at=r[2], state=r[3], series_name=r[4] or "",
                slot=r[5], spans=split_snippet(r[7] or ""), internal=bool(r[6]),
                place=_place(r[5], *r[8:]))
            for r in rows]


def _place(slot: str, step_kind: str | None, step_title: str | None, step_number: int | None,
           step_member: str | None, person: str | None) -> Place:
    """Where the note `slot` sits, from the step and the member the search query found."""
    kind, ident, field_name = (slot.split(":", 2) + ["", ""])[:3]
    member = ident if kind == "member" else ""
    if step_kind is not None:
        member = step_member or ""
    short, _, name = (person or "").partition("\x1f")
    return Place(
        field=field_name if kind in ("step", "member") else slot,
        step_kind=step_kind or "",
        step_title=step_title or "",
        step_number=step_number or 0,
        member_key=member,
        member_short=short if person is not None else member,
        member_name=name if person is not None else member)


def place_label(place: Place | None, slot: str = "") -> str:
    """'Polisen · Past week', '3. Samlad lägesbild · Notes', 'To pass on to Polisen' (in the
    language of the moment); the slot itself when nothing is known of it."""
    if place is None:
        return slot
    from orat_tui.domain.agenda import Step
    from orat_tui.labels import field_label, step_label

    label = field_label(place.field).replace("{name}", place.member_short)
    if place.step_kind:

        class _Names:  # what step_label asks of a meeting
            def short_of(self, _key: str) -> str:
                return place.member_short

            def name_of(self, _key: str) -> str:
                return place.member_name

        step = Step(place.step_kind, 0.0, member=place.member_key, title=place.step_title,
                    number=place.step_number)
        return f"{step_label(_Names(), step)} · {label}"
    if place.member_key and place.field != "pass_on":
        return f"{place.member_short} · {label}"
    return label


def rebuild_index(store: Store) -> None:
    """Build the search index again from the notes: a repair, for an index that lost step
    with the notes (a future migration that rebuilt the note table, say). On PostgreSQL the
    index is over the notes' own text and cannot fall out of step: nothing to do."""
    if _dialect(store) != "sqlite":
        return
    with store._write, store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO note_fts(note_fts) VALUES ('rebuild')")


def index_in_step(store: Store) -> bool:
    """Whether the index holds exactly the words of the notes (FTS5's integrity check, which
    for an external-content index compares it with the note table)."""
    from sqlalchemy.exc import DatabaseError

    if _dialect(store) != "sqlite":
        return True  # PostgreSQL's index is over the notes' own text (schema 0007)
    try:
        with store.engine.connect() as conn:
            conn.exec_driver_sql(
                "INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)")
            conn.rollback()
    except DatabaseError:
        return False
    return True


# -- the meetings -------------------------------------------------------------------------------

def list_meetings(store: Store, series_id: str | None = None, limit: int | None = None,
                  template_id: str | None = None) -> list[MeetingListRow]:
    """Every meeting (or those of one series, by series id or template id), newest first,
    with its series' name and its state. Works on any database."""
    from sqlmodel import Session, select

    from orat_tui.store.models import MeetingRow, Series

    stmt = (select(MeetingRow, Series.name, Series.template_id)
            .join(Series, Series.id == MeetingRow.series_id)
            .order_by(MeetingRow.started_at.desc(), MeetingRow.id))
    if series_id:
        stmt = stmt.where(MeetingRow.series_id == series_id)
    if template_id:
        stmt = stmt.where(Series.template_id == template_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with Session(store.engine) as s:
        return [MeetingListRow(m.id, m.title, m.started_at, m.ended_at, m.state, m.series_id,
                               name, tid)
                for m, name, tid in s.exec(stmt).all()]


# The places of hits found by PostgreSQL's search (search_pg.py), which looks them up apart.
from orat_tui.store.search_places import _chunks, _places  # noqa: E402,F401
