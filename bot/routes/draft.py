"""One answer in the making: the question as read, what it cites so far, and how it is finished (the
answer first, then any correction the current facts make to the article, then the supporting quotes)."""
from __future__ import annotations

import re

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.answer import Answer, Table
from bot.evidence import Evidence
from bot.knowledge import Knowledge
from bot.lexicon import stems
from bot.query import Context, Reading
from bot.rank import Ranking
from index.analyzer import FRAMEWORKS, STOPWORDS

_OPENERS = frozenset("because since although though while when after before both today through by in on as the a an there it its this".split())
MAX_STATED_CORRECTIONS = 2
NOT_SETTLED = "I don't know for sure: the corpus does not settle that plainly."


def names(frameworks: Sequence[str], joiner: str = "and") -> str:
    """"A", "A and B", "A, B and C" ("the frameworks" for none)."""
    items = list(frameworks)
    if not items:
        return "the frameworks"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} " + items[-1]


# "Is it possible to keep Keras 2 with TF 2.16?": answered yes by a fact that says how ("To keep using…, install…")
POSSIBLE = re.compile(r"(?:is it possible|is there a way|can (?:i|we|you) (?:still )?(?:use|keep|run|stay))\b")


def q(text: str) -> str:
    return f"“{text.rstrip('.')}”"


def clause(sentence: str) -> str:
    """A sentence made to follow a colon: "Because TF2..." reads "because TF2..."; names keep their case."""
    first = sentence.split(" ", 1)[0]
    return sentence[0].lower() + sentence[1:] if first.lower() in _OPENERS else sentence


@dataclass
class Ask:
    """What an answerer is given: the knowledge, the routed reading (filled in from the chat), the question
    as read on its own, the route's name and confidence, and the chat so far (None at its start)."""

    kb: Knowledge
    reading: Reading
    own: Reading
    route: str
    confidence: float
    context: Context | None = None
    part: Callable[[Ask, Reading], Answer] | None = None  # routes one part of a multi-part question


_VOCABULARY: dict[tuple[int, str], frozenset[str]] = {}


class Draft:
    """Citations, notes and text for one answer; `finish` puts them together in a fixed order."""

    def __init__(self, ask: Ask, route: str | None = None, reading: Reading | None = None, *, any_topic: bool = False) -> None:
        self.ask, self.kb = ask, ask.kb
        self.r = reading or ask.reading
        self.route = route or ask.route
        open_ = any_topic or self.r.attribute in (None, "definition", "background")
        topic = None if open_ else frozenset({self.r.attribute})
        self.ev = Evidence(self.kb, frozenset(self.r.frameworks) or None, topic)

    def label(self, attribute: str) -> str:
        return self.kb.lexicon.labels.get(attribute, attribute)

    def finish(self, lead: str, support: str = "", verdict: Sequence[str] = (), confidence: float | None = None,
               tables: Sequence[Table] = (), limit: int = 6) -> Answer:
        """The answer first, then what the current facts correct in the article (at most two, each once),
        then the supporting quotes."""
        citations = self.ev.citations(limit)
        corrections = []
        stated = self.ev.corrected[:MAX_STATED_CORRECTIONS] if self.ev.topic or self.r.frameworks else ()
        for said, fact in stated:
            if fact.statement not in lead and fact.statement not in support:
                corrections.append(f"The article is {fact.status} here: {clause(fact.statement)}")
        text = " ".join(p.strip() for p in (lead, " ".join(corrections), support) if p.strip())
        return Answer(text=text, route=self.route, verdict=tuple(verdict), citations=citations,
                      confidence=round(self.ask.confidence if confidence is None else confidence, 3),
                      notes=self.ev.notes, tables=tuple(tables))

    def not_covered(self, what: str) -> Answer:
        """In scope but not in the corpus: say so, and offer the closest passages, with no verdict."""
        hits = self.kb.index.search(self.r.text, k=3)
        self.ev = Evidence(self.kb, about=frozenset())  # the closest passages carry no notes: they answer nothing
        for hit in hits:
            self.ev.chunk(hit.doc)
        closest = " The closest passages I have are cited below." if hits else ""
        return self.finish(f"I don't know that: the corpus does not cover {what}.{closest}",
                           confidence=min(self.ask.confidence, 0.3), limit=3)

    def cite_ranking(self, ranking: Ranking, first: Sequence[str]) -> str:
        """Cite what the ranking rests on, the favoured frameworks first; return the supporting sentence."""
        order = list(first) + [f for f in ranking.scores if f not in first]
        if ranking.row:
            for f in order:
                self.ev.cell(ranking.row, f)
            cells = "; ".join(f"{f} {q(ranking.row.cells[f])}" for f in order)
            support = f"The article's chart ({ranking.row.label}): {cells}."
            claims = [c for c in self.kb.claims_about(ranking.row.attribute) if c.rank and set(c.rank) <= set(order)]
            for claim in claims[:1]:
                self.ev.claim(claim)
                support += f" It also says: {q(claim.quote)}."
            return support
        useful = sorted(ranking.claims, key=lambda c: (not any(f in c.rank or c.stance.get(f) == "yes" for f in first), -len(c.rank)))
        for claim in useful[:3]:
            self.ev.claim(claim)
        for fact in ranking.facts:
            if fact.framework in first:
                self.ev.fact(fact)
        quotes = [q(c.quote) for c in useful[:2]]
        if quotes:
            return "The article says: " + " and ".join(quotes) + "."
        return " ".join(f.statement for f in ranking.facts if f.framework in first)  # ranked by the facts alone

    # -- the values an attribute can take, for yes/no and selection questions -------------------------

    def vocabulary(self, attribute: str) -> set[str]:
        """Words that name a value of this attribute anywhere in the data (computed once per attribute)."""
        key = (id(self.kb), attribute)
        if key not in _VOCABULARY:
            _VOCABULARY[key] = frozenset(self._vocabulary(attribute))
        return set(_VOCABULARY[key])

    def _vocabulary(self, attribute: str) -> set[str]:
        vocab = {t for group in self.kb.facts.values() for f in group if f.attribute == attribute for v in f.values for t in stems(v)}
        row = self.kb.rows.get(attribute)
        if row:
            vocab |= {t for cell in row.cells.values() for t in stems(cell)}
        if attribute in ("backends", "integration"):
            vocab |= {f.lower() for f in FRAMEWORKS}
        vocab |= self.kb.lexicon.asked.get(attribute, frozenset())
        return vocab - STOPWORDS

    def asked_values(self, attribute: str, framework: str | None = None) -> list[str]:
        """The words of the question that name a value of a valued attribute ("lua", "gpu", "microsoft")."""
        generic = self.kb.lexicon.generic.get(attribute, frozenset())
        vocab = self.vocabulary(attribute) - generic
        return [t for t in self.r.terms if self.kb.lexicon.widen({t}) & vocab and t != (framework or "").lower()]
