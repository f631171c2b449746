"""The Source interface: anything that yields chunks, each with its own title (section), location and URL
or path. The article, the facts and each collection of the user's documents are one source each."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from corpus.article import Article
from corpus.chunks import Chunk, article_chunks, chart_chunks, fact_chunks
from corpus.facts import Fact


class Source(Protocol):
    """A named body of text the bot can search and quote."""

    name: str

    def chunks(self) -> Iterator[Chunk]: ...


@dataclass(frozen=True)
class ArticleSource:
    """The comparison article: its prose in sentence groups, then its chart rows."""

    article: Article
    name: str = "article"

    def chunks(self) -> Iterator[Chunk]:
        yield from article_chunks(self.article)
        yield from chart_chunks(self.article)


@dataclass(frozen=True)
class FactsSource:
    """The curated facts, one chunk each."""

    facts: tuple[Fact, ...]
    name: str = "facts"

    def chunks(self) -> Iterator[Chunk]:
        yield from fact_chunks(self.facts)
