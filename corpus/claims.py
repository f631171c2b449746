"""What the article says, annotated (claims.toml): a verbatim quote, its frameworks, attribute and order."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.records import FRAMEWORK_NAMES, STANCES, identified_entries


@dataclass(frozen=True)
class Claim:
    """One thing the article says about one attribute, quoted verbatim."""

    id: str
    quote: str
    frameworks: tuple[str, ...]
    attribute: str
    rank: dict[str, int]
    stance: dict[str, str]
    detail: str


def load_claims(path: Path, prose: str, attributes: frozenset[str]) -> tuple[Claim, ...]:
    """Load and check the claims: unique ids, quotes found verbatim in the article, ranks within frameworks."""
    claims: list[Claim] = []
    fields = {"id", "quote", "frameworks", "attribute", "rank", "stance", "detail"}
    for c, cid in identified_entries(path, "claim", fields):
        quote = c.text("quote")
        if quote not in prose:
            c.fail("quote is not found verbatim in the article")
        frameworks = c.texts("frameworks", required=False)
        for name in frameworks:
            if name not in FRAMEWORK_NAMES:
                c.fail(f"unknown framework {name!r}")
        rank = c.framework_map("rank", lambda v: isinstance(v, int) and v >= 1)
        stance = c.framework_map("stance", lambda v: v in STANCES)
        for name in list(rank) + list(stance):
            if name not in frameworks:
                c.fail(f"{name} is ranked or judged but not in 'frameworks'")
        claims.append(Claim(cid, quote, frameworks, c.choice("attribute", attributes), rank, stance,
                            c.text("detail", required=False)))
    return tuple(claims)
