"""What the core returns: an `Answer` with its `Citation`s, the one shape every adapter renders."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
class Answer:
    """A direct answer: text, how it was routed, whom it favours, what backs it, and caveats."""

    text: str
    route: str
    verdict: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    notes: tuple[str, ...] = ()
    trace: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (lists, not tuples); `trace` (how it was routed, for `:why`) stays out."""
        data = asdict(self)
        data.pop("trace")
        data["verdict"] = list(self.verdict)
        data["citations"] = [asdict(c) for c in self.citations]
        data["notes"] = list(self.notes)
        return data
