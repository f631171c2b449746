"""What the core returns: an `Answer` with its `Citation`s, the one shape every adapter renders."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from collections.abc import Mapping
from typing import Any


@dataclass(frozen=True)
class Citation:
    """One quoted passage backing a claim: verbatim corpus text and where it comes from."""

    id: str
    source: str
    section: str
    quote: str
    url: str


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answer:
        """The `Answer` that `to_dict` gave `data` (for answers kept as JSON, e.g. by the Slack state)."""
        return cls(text=data["text"], route=data["route"], verdict=tuple(data["verdict"]),
                   citations=tuple(Citation(**c) for c in data["citations"]),
                   confidence=float(data["confidence"]), notes=tuple(data["notes"]))
