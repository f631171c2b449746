"""Orders frameworks on an attribute from structured data: the chart's ranks first, else the article's
ranked and judged claims (and facts that take a stance). Nothing is ranked without data."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge import Knowledge
from corpus import ChartRow, Claim, Fact


@dataclass(frozen=True)
class Ranking:
    """Scores (higher = more of the attribute's positive sense) and the data they came from."""

    scores: dict[str, float]
    row: ChartRow | None = None
    claims: tuple[Claim, ...] = ()
    facts: tuple[Fact, ...] = ()

    def winners(self, polarity: int) -> tuple[str, ...]:
        """The frameworks the question favours: the best for a positive question, the worst for "slower"."""
        pick = max if polarity > 0 else min
        best = pick(self.scores.values())
        return tuple(f for f, s in self.scores.items() if s == best)

    @property
    def tie(self) -> bool:
        """Two or more frameworks and nothing between them."""
        return len(self.scores) > 1 and len(set(self.scores.values())) == 1


def _from_chart(row: ChartRow, frameworks: Sequence[str] | None) -> Ranking | None:
    if not row.rank:
        return None
    names = [f for f in (frameworks or row.rank) if f in row.rank]
    if len(names) < 2 or (frameworks and len(names) < len(frameworks)):
        return None
    return Ranking({f: -float(row.rank[f]) for f in names}, row=row)


def _from_claims(kb: Knowledge, attribute: str, frameworks: Sequence[str] | None) -> Ranking | None:
    # Ranked sentences order frameworks pairwise; each sentence that affirms or denies the attribute
    # for a framework is one vote, so what the article says repeatedly weighs more.
    scores: dict[str, float] = {}
    used: list[Claim] = []
    wanted = set(frameworks) if frameworks else None
    for claim in kb.claims_about(attribute):
        ranked = {f: r for f, r in claim.rank.items() if wanted is None or f in wanted}
        judged = {f: s for f, s in claim.stance.items() if (wanted is None or f in wanted) and s != "both"}
        if len(ranked) < 2 and not judged:
            continue
        used.append(claim)
        for f, r in ranked.items() if len(ranked) >= 2 else ():
            scores[f] = scores.get(f, 0.0) + sum(1 for o in ranked.values() if o > r) - sum(1 for o in ranked.values() if o < r)
        for f, s in judged.items():
            scores[f] = scores.get(f, 0.0) + (1.0 if s == "yes" else -1.0)
    facts = [fact for (f, a), group in kb.facts.items() if a == attribute and (wanted is None or f in wanted)
             for fact in group[:1] if fact.stance in ("yes", "no")]
    for fact in facts:
        scores[fact.framework] = scores.get(fact.framework, 0.0) + (1.0 if fact.stance == "yes" else -1.0)
    if frameworks and set(scores) != set(frameworks):
        return None  # a framework the question names has no data on this: no verdict
    if len(scores) < 2 and not (frameworks is None and scores):
        return None
    return Ranking(scores, claims=tuple(used), facts=tuple(facts))


def rank(kb: Knowledge, attribute: str, frameworks: Sequence[str] | None = None) -> Ranking | None:
    """Rank `frameworks` (or every framework with data) on `attribute`; None when the data cannot."""
    row = kb.rows.get(attribute)
    return (row and _from_chart(row, frameworks)) or _from_claims(kb, attribute, frameworks)
