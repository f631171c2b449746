"""One reader per format, chosen by file name: each gives a `Document` (title and text blocks, each with its
heading and line or page). A file that cannot be read raises `ReadError` with a reason for the summary."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class ReadError(Exception):
    """The file is not readable as its format: the message says why, for the summary of `add`."""


@dataclass(frozen=True)
class Block:
    """A paragraph-like piece of a document: a paragraph, list item, table row or code block."""

    text: str
    heading: str
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """What a reader gives: the document's title and its blocks in reading order."""

    title: str
    blocks: list[Block]


def decode(data: bytes, path: Path) -> str:
    """Bytes as text, or ReadError: NUL bytes mean binary, and the text must be UTF-8 (a BOM is allowed)."""
    if b"\x00" in data:
        raise ReadError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReadError(f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def read_text(data: bytes, path: Path) -> Document:
    """Plain text: paragraphs are separated by blank lines; the title is the file name."""
    blocks, start, lines = [], 0, []
    for number, line in enumerate(decode(data, path).splitlines() + [""], start=1):
        if line.strip():
            start = start or number
            lines.append(line.strip())
        elif lines:
            blocks.append(Block(" ".join(lines), "", start))
            start, lines = 0, []
    return Document(path.stem, blocks)


def _markdown(data: bytes, path: Path) -> Document:
    from corpus.docs.markup import read_markdown

    return read_markdown(decode(data, path), path)


def _rst(data: bytes, path: Path) -> Document:
    from corpus.docs.markup import read_rst

    return read_rst(decode(data, path), path)


def _html(data: bytes, path: Path) -> Document:
    from corpus.docs.html import read_html

    return read_html(data, path)


def _pdf(data: bytes, path: Path) -> Document:
    from corpus.docs.pdf import read_pdf

    return read_pdf(data, path)


READERS: dict[str, Callable[[bytes, Path], Document]] = {
    ".md": _markdown, ".markdown": _markdown, ".rst": _rst, ".rest": _rst, ".txt": read_text, ".text": read_text,
    ".html": _html, ".htm": _html, ".xhtml": _html, ".pdf": _pdf,
}


def reader_for(path: Path) -> Callable[[bytes, Path], Document] | None:
    """The reader for this file's format, or None when the format is not supported."""
    return READERS.get(path.suffix.lower())
