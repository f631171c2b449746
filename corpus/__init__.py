"""The knowledge: the article, its chart's meaning, its annotated claims and the curated facts (each citing a
primary source on the allow-list), loaded, checked against each other, and cut into chunks."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from corpus.article import Article, Chart, Section, load_article
from corpus.chart import ChartRow, load_chart_rows
from corpus.chunks import Chunk
from corpus.claims import Claim, load_claims
from corpus.errors import CorpusError
from corpus.facts import Fact, load_facts
from corpus.primary import load_primary_sources
from corpus.relations import Relation, Relations, load_relations
from corpus.sources import ArticleSource, FactsSource, Source

__all__ = ["Article", "Chart", "ChartRow", "Chunk", "Claim", "Corpus", "CorpusError", "Fact", "Section",
           "DATA_DIR", "Relation", "Relations", "Source", "load_chunks", "load_corpus"]

DATA_DIR = Path(__file__).parent / "data"


def load_attributes(path: Path) -> dict[str, dict]:
    """The attribute vocabulary (attributes.toml): each attribute's words, phrasing and polarity cues."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(path.name, "file", f"not valid TOML: {exc}") from None
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise CorpusError(path.name, f"attribute {name!r}", "needs a table with a 'label' string")
    return data


@dataclass(frozen=True)
class Corpus:
    """Everything the bot knows, immutable once loaded."""

    article: Article
    attributes: dict[str, dict]
    chart_rows: tuple[ChartRow, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    relations: Relations
    chunks: tuple[Chunk, ...]
    _sentence_chunk: dict[str, Chunk] = field(repr=False)

    def chunk_of(self, quote: str) -> Chunk:
        """The chunk holding an article quote (a sentence or part of one)."""
        for sentence, chunk in self._sentence_chunk.items():
            if quote in sentence:
                return chunk
        raise KeyError(quote)

    def sentence_of(self, quote: str) -> str:
        """The whole article sentence a quote comes from."""
        return next(s for s in self._sentence_chunk if quote in s)


def load_corpus(data_dir: Path | None = None) -> Corpus:
    """Load and cross-check every data file in `data_dir` (the built-in corpus by default)."""
    data_dir = data_dir or DATA_DIR
    attributes = load_attributes(data_dir / "attributes.toml")
    names = frozenset(attributes)
    article = load_article(data_dir / "article.md")
    prose = article.prose
    chart_rows = load_chart_rows(data_dir / "chart.toml", article.chart, names)
    claims = load_claims(data_dir / "claims.toml", prose, names)
    primary = load_primary_sources(data_dir / "sources.toml")
    facts = load_facts(data_dir / "facts.toml", prose, article.chart, names, primary)
    relations = load_relations(data_dir / "relations.toml", frozenset(f.id for f in facts))
    chunks = tuple(c for source in (ArticleSource(article), FactsSource(facts)) for c in source.chunks())
    sentence_chunk = {s: c for c in chunks if c.document == "article" for s in c.sentences}
    return Corpus(article, attributes, chart_rows, claims, facts, relations, chunks, sentence_chunk)


def load_chunks() -> tuple[Chunk, ...]:
    """The built-in corpus's chunks (for benchmarks and tools that only need the passages)."""
    return load_corpus().chunks
