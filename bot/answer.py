"""What the core returns: an `Answer` with its `Citation`s, `Note`s and `Table`s, the one shape every adapter
renders. Data only: adapters never parse the text."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from collections.abc import Mapping
from typing import Any


@dataclass(frozen=True)
class Citation:
    """One quoted passage backing a claim: verbatim corpus text and where it comes from.

    For a curated fact, `quote` is our statement and `source_quote` the cited page's own words that state it;
    for article passages `source_quote` is empty (the quote is already the source's words).
    """

    id: str
    source: str
    section: str
    quote: str
    url: str
    source_quote: str = ""


@dataclass(frozen=True)
class Note:
    """A freshness note: the article's words, whether they are wrong or outdated, and the current fact
    (statement, source, date) that says so. `str(note)` is one line an adapter can show as it is."""

    said: str
    status: str
    fact: str
    source: str
    as_of: str

    @property
    def domain(self) -> str:
        return self.source.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")

    def __str__(self) -> str:
        return f"The article says “{self.said}”, which is {self.status} ({self.domain}, as of {self.as_of})."


@dataclass(frozen=True)
class Table:
    """Rows × columns built from the corpus, for overviews. `cites[i][j]` is the 1-based number of the
    citation behind `rows[i][j]` (0 for a row label or an empty cell)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    cites: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Answer:
    """A direct answer: text, how it was routed, whom it favours, what backs it, caveats and tables."""

    text: str
    route: str
    verdict: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    notes: tuple[Note, ...] = ()
    tables: tuple[Table, ...] = ()
    trace: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (lists, not tuples); `trace` (how it was routed, for `:why`) stays out."""
        data = asdict(self)
        data.pop("trace")
        data["verdict"] = list(self.verdict)
        data["citations"] = [asdict(c) for c in self.citations]
        data["notes"] = [asdict(n) | {"text": str(n)} for n in self.notes]
        data["tables"] = [{"title": t.title, "columns": list(t.columns), "rows": [list(r) for r in t.rows],
                           "cites": [list(r) for r in t.cites]} for t in self.tables]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answer:
        """The `Answer` that `to_dict` gave `data` (for answers kept as JSON, e.g. by the Slack state)."""
        notes = tuple(Note(**{k: v for k, v in n.items() if k != "text"}) for n in data.get("notes", ()))
        tables = tuple(Table(t["title"], tuple(t["columns"]), tuple(tuple(r) for r in t["rows"]),
                             tuple(tuple(c) for c in t["cites"])) for t in data.get("tables", ()))
        return cls(text=data["text"], route=data["route"], verdict=tuple(data["verdict"]),
                   citations=tuple(Citation(**c) for c in data["citations"]),
                   confidence=float(data["confidence"]), notes=notes, tables=tables)
