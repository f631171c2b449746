"""Chunks for retrieval: one to three whole sentences each, with a stable id, document and section."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corpus.article import Article
from corpus.facts import Fact
from corpus.sentences import split_sentences

MAX_SENTENCES = 3


@dataclass(frozen=True)
class Chunk:
    """A passage the index searches and an answer may quote."""

    id: str
    document: str  # "article", "chart" or "facts"
    section: str
    text: str
    url: str
    sentences: tuple[str, ...]


def slug(text: str) -> str:
    """A stable, readable id part: lower-case words joined by dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


def _groups(sentences: list[str]) -> Iterator[list[str]]:
    """Two sentences a chunk; a lone last sentence joins the group before it (so three at most)."""
    groups = [sentences[i:i + 2] for i in range(0, len(sentences), 2)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2].extend(groups.pop())
    yield from groups


def article_chunks(article: Article) -> list[Chunk]:
    """The article's paragraphs cut into sentence groups, numbered within their section."""
    chunks = []
    for section in article.sections:
        n = 0
        for paragraph in section.paragraphs:
            for group in _groups(split_sentences(paragraph)):
                n += 1
                chunks.append(Chunk(f"article/{slug(section.title)}/{n}", "article", section.title,
                                    " ".join(group), article.url, tuple(group)))
    return chunks


def chart_chunks(article: Article) -> list[Chunk]:
    """One chunk per chart row, every framework's cell in one sentence."""
    chart = article.chart
    chunks = []
    for label, cells in chart.rows.items():
        text = f"{label}: " + "; ".join(f"{name}: {cell}" for name, cell in cells.items()) + "."
        chunks.append(Chunk(f"chart/{slug(label)}", "chart", f"{chart.section} (chart)", text, article.url, (text,)))
    return chunks


def fact_chunks(facts: tuple[Fact, ...]) -> list[Chunk]:
    """One chunk per fact: its one-sentence statement."""
    return [Chunk(f"fact/{f.id}", "facts", f"{f.framework}: {f.attribute} (as of {f.as_of})", f.statement, f.source,
                  (f.statement,)) for f in facts]
