"""Passages of about a paragraph: short blocks under one heading (and page) are joined, long ones are cut
at sentence ends; each passage keeps the heading and the line (or page) it starts at."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from corpus.docs.readers import Block, Document
from corpus.sentences import split_sentences

MIN_WORDS = 40
"""Blocks are joined until a passage has at least this many words..."""
MAX_WORDS = 160
"""...and a passage never grows past this many (one longer sentence is cut at word boundaries)."""


@dataclass(frozen=True)
class Passage:
    """A searchable, quotable piece of a document."""

    text: str
    heading: str
    line: int | None
    page: int | None


def _pieces(block: Block) -> Iterator[Block]:
    """The block itself, or, past MAX_WORDS, runs of whole sentences (word runs for a huge sentence)."""
    if len(block.text.split()) <= MAX_WORDS:
        yield block
        return
    run: list[str] = []
    for sentence in split_sentences(block.text) if "\n" not in block.text else [block.text]:
        words = sentence.split()
        while len(words) > MAX_WORDS:
            yield from _flush(run, block)
            yield Block(" ".join(words[:MAX_WORDS]), block.heading, block.line, block.page)
            words = words[MAX_WORDS:]
        if sum(len(s.split()) for s in run) + len(words) > MAX_WORDS:
            yield from _flush(run, block)
        run.append(" ".join(words))
    yield from _flush(run, block)


def _flush(run: list[str], block: Block) -> Iterator[Block]:
    if run:
        yield Block(" ".join(run), block.heading, block.line, block.page)
        run.clear()


def chunk(document: Document) -> list[Passage]:
    """The document's passages in reading order; a short last passage under a heading joins the one before
    it when they fit together (so no section ends in a stub that its heading alone would make rank high)."""
    passages: list[Passage] = []
    texts: list[str] = []
    first: Block | None = None
    size = 0

    def flush() -> None:
        if first is None:
            return
        before = passages[-1] if passages else None
        if (size < MIN_WORDS and before and (before.heading, before.page) == (first.heading, first.page)
                and len(before.text.split()) + size <= MAX_WORDS):
            passages[-1] = Passage("\n".join([before.text, *texts]), before.heading, before.line, before.page)
        else:
            passages.append(Passage("\n".join(texts), first.heading, first.line, first.page))

    for block in (p for b in document.blocks for p in _pieces(b)):
        words = len(block.text.split())
        if first is not None and (block.heading != first.heading or block.page != first.page
                                  or size >= MIN_WORDS or size + words > MAX_WORDS):
            flush()
            texts, first, size = [], None, 0
        first = first or block
        texts.append(block.text)
        size += words
    flush()
    return passages
