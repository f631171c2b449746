"""Collects what an answer cites, in order and without repeats, and the freshness notes those
citations call for: where a cited article passage is wrong or dated, the fact that says so."""
from __future__ import annotations

from bot.answer import Citation, Note
from bot.knowledge import Knowledge
from corpus import ChartRow, Chunk, Claim, Fact
from corpus.chunks import slug


class Evidence:
    """An answer's citations and notes, built up as the answer is composed."""

    def __init__(self, kb: Knowledge, about: frozenset[str] | None = None, topic: frozenset[str] | None = None) -> None:
        self.kb = kb
        self.about = about  # notes only for these frameworks: None for all, empty for none
        self.topic = topic  # ... and only on these attributes: None for any
        self._citations: dict[str, Citation] = {}
        self._corrections: list[tuple[str, Fact]] = []

    @property
    def _article(self) -> str:
        return f"{self.kb.corpus.article.publisher} article"

    def _add(self, citation: Citation) -> Citation:
        self._citations.setdefault(f"{citation.id}|{citation.quote}", citation)
        return citation

    def has(self, citation_id: str) -> bool:
        """Whether a citation with this id ("fact/keras-backends") was made."""
        return any(c.id == citation_id for c in self._citations.values())

    def claim(self, claim: Claim) -> Citation:
        """Cite an article claim: its quote, in the chunk and section it comes from."""
        chunk = self.kb.corpus.chunk_of(claim.quote)
        sentence = self.kb.corpus.sentence_of(claim.quote)
        for fact in self.kb.facts_correcting_sentence(sentence):
            self._note(fact, next(ref for ref in fact.corrects if ref in sentence))
        return self._add(Citation(chunk.id, self._article, chunk.section, claim.quote, chunk.url))

    def cell(self, row: ChartRow, framework: str) -> Citation:
        """Cite one chart cell, with its row label so the quote stands on its own."""
        chart = self.kb.corpus.article.chart
        for fact in self.kb.facts_correcting_cell(row.label, framework):
            self._note(fact, f"{row.label}: {row.cells[framework]}")
        return self._add(Citation(f"chart/{slug(row.label)}/{framework.lower()}", f"{self._article} (chart)",
                                  chart.section, f"{row.label} — {framework}: {row.cells[framework]}",
                                  self.kb.corpus.article.url))

    def fact(self, fact: Fact) -> Citation:
        """Cite a curated fact: its statement, source and date, and the source's own words."""
        label = self.kb.lexicon.labels.get(fact.attribute, fact.attribute)
        return self._add(Citation(f"fact/{fact.id}", fact.domain, f"{fact.framework}: {label} (as of {fact.as_of})",
                                  fact.statement, fact.source, fact.source_quote))

    def chunk(self, chunk: Chunk) -> Citation:
        """Cite a retrieved passage as it stands."""
        if chunk.document == "facts":
            fact = self.kb.fact_by_id[chunk.id.removeprefix("fact/")]
            return self.fact(fact)
        for sentence in chunk.sentences:
            for fact in self.kb.facts_correcting_sentence(sentence):
                self._note(fact, next(ref for ref in fact.corrects if ref in sentence))
        source = self._article + (" (chart)" if chunk.document == "chart" else "")
        return self._add(Citation(chunk.id, source, chunk.section, chunk.text, chunk.url))

    def _note(self, fact: Fact, said: str) -> None:
        if (self.about is not None and fact.framework not in self.about) or (
                self.topic is not None and fact.attribute not in self.topic):
            return
        if all(f.id != fact.id for _, f in self._corrections):
            self._corrections.append((said, fact))

    @property
    def corrected(self) -> tuple[tuple[str, Fact], ...]:
        """(what the article says, the fact that corrects it), for each correction."""
        return tuple(self._corrections)

    @property
    def notes(self) -> tuple[Note, ...]:
        """One per correction: what the article says, that it is wrong or dated, and the current fact."""
        return tuple(Note(said, fact.status, fact.statement, fact.source, fact.as_of, fact.domain) for said, fact in self._corrections)

    def citations(self, limit: int = 6) -> tuple[Citation, ...]:
        """What was cited, in order, then the facts behind the notes, at most `limit` in all."""
        for _, fact in self._corrections:
            self.fact(fact)
        return tuple(self._citations.values())[:limit]
