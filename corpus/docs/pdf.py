"""PDF (pypdf): the text of each page, in paragraphs where the layout shows them, with its page number."""
from __future__ import annotations

import io
import re
from pathlib import Path

from corpus.docs.readers import Block, Document, ReadError

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def read_pdf(data: bytes, path: Path) -> Document:
    """Blocks per page (split on blank lines where pypdf's layout keeps them); the title from the metadata."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        title = (reader.metadata.title if reader.metadata else None) or path.stem
        blocks = []
        for number, page in enumerate(reader.pages, start=1):
            for paragraph in _PARAGRAPH_BREAK.split(page.extract_text() or ""):
                text = " ".join(paragraph.split())
                if text:
                    blocks.append(Block(text, "", None, number))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as e:
        raise ReadError(f"not a readable PDF: {type(e).__name__}: {e}") from None
    return Document(str(title), blocks)
