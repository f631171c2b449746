"""Everything an answer is made from, built once per process and shared read-only by all threads."""
from __future__ import annotations

import dataclasses
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from bot.lexicon import Lexicon, stems
from bot.router import RouterModel
from corpus import DATA_DIR, ChartRow, Chunk, Claim, Corpus, Fact, load_attributes, load_corpus
from index import BM25Index
from index.analyzer import STOPWORDS

_lock = threading.Lock()


@dataclass(frozen=True)
class Knowledge:
    """The corpus with its lookups, the BM25 index over its chunks, the lexicon and the router model."""

    corpus: Corpus
    index: BM25Index[Chunk]
    lexicon: Lexicon
    router: RouterModel
    rows: dict[str, ChartRow]
    claims: dict[str, tuple[Claim, ...]]
    facts: dict[tuple[str, str], tuple[Fact, ...]]

    fact_by_id: dict[str, Fact]

    def facts_about(self, framework: str, attribute: str) -> tuple[Fact, ...]:
        """The facts on one framework's attribute, the primary one ("<framework>-<attribute>") first."""
        return self.facts.get((framework, attribute), ())

    def facts_correcting_sentence(self, sentence: str) -> tuple[Fact, ...]:
        """Facts that show part of this article sentence to be wrong or dated."""
        return tuple(f for f in self.corpus.facts if any(ref in sentence for ref in f.corrects if not ref.startswith("chart:")))

    def facts_correcting_cell(self, row: str, framework: str) -> tuple[Fact, ...]:
        """Facts that show this chart cell to be wrong or dated."""
        return tuple(f for f in self.corpus.facts if f"chart:{row}:{framework}" in f.corrects)

    def claims_about(self, attribute: str, framework: str | None = None) -> tuple[Claim, ...]:
        """Claims on an attribute, in article order; with a framework, only those naming it."""
        found = self.claims.get(attribute, ())
        return tuple(c for c in found if framework is None or framework in c.frameworks)


@cache
def lexicon() -> Lexicon:
    """The attribute lexicon alone (training the router needs nothing more)."""
    return Lexicon.build(load_attributes(DATA_DIR / "attributes.toml"))


# Ordinary words among the facts' values: they name nothing particular to the domain.
_ORDINARY = frozenset(stems(
    "use run not name yes end high low open late select function most data face team print save learn model "
    "train default mode module process program product network neural deep machine library framework compute "
    "python java late early grow lead limit origin custom single multi cross variable static dynamic fast "
    "fastest easy host drop remove name natural optim loop array vision audio cloud source standalone via "
    "january february march april may june july august september october november december"))


def _value_words(facts: tuple[Fact, ...], cues: frozenset[str]) -> dict[str, object]:
    """Words that name something the facts are about (a product, a company, a format): a question with
    one of them is in the domain even when it names no framework ("What is PyTensor?"); for each
    attribute, the words of its values ("microsoft" for developer); for each framework, the words of its
    primary facts' values ("the Microsoft one" is CNTK; PyTorch's board members do not make it Microsoft's)."""
    common = {t for f in facts for t in stems(f.attribute)} | set(STOPWORDS) | _ORDINARY | cues
    by_attribute: dict[str, set[str]] = defaultdict(set)
    by_framework: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        words = {t for v in fact.values for t in stems(v) if t[0].isalpha()} - set(STOPWORDS)
        by_attribute[fact.attribute] |= words
        if fact.primary:  # what it is known by
            by_framework[fact.framework] |= words - _ORDINARY
    named = {t for f in facts for t in stems(" ".join(f.values) + " " + f.id.replace("-", " ")) if t[0].isalpha() and len(t) > 2}
    released = {f.framework: min(f.dates) for f in facts if f.attribute == "released" and f.primary and f.dates}
    return {"named": frozenset(named - common), "values": {k: frozenset(v) for k, v in by_attribute.items()},
            "known_by": {k: frozenset(v) for k, v in by_framework.items()},
            "by_age": tuple(sorted(released, key=released.__getitem__))}


def _build() -> Knowledge:
    corpus = load_corpus()
    claims: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        claims[claim.attribute].append(claim)
    facts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        facts[(fact.framework, fact.attribute)].append(fact)
    return Knowledge(
        corpus=corpus,
        index=BM25Index(corpus.chunks),
        lexicon=dataclasses.replace(lexicon(), **_value_words(corpus.facts, lexicon().words)),  # type: ignore[arg-type]
        router=RouterModel.load(),
        rows={row.attribute: row for row in corpus.chart_rows},
        claims={k: tuple(v) for k, v in claims.items()},
        facts={k: tuple(sorted(v, key=lambda f: not f.primary)) for k, v in facts.items()},
        fact_by_id={f.id: f for f in corpus.facts},
    )


_built: list[Knowledge] = []


def knowledge() -> Knowledge:
    """The process-wide knowledge, built on first use (under a lock, so only once)."""
    if not _built:
        with _lock:
            if not _built:
                _built.append(_build())
    return _built[0]
