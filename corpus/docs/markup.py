"""Markdown (markdown-it-py, CommonMark with tables) and reStructuredText (docutils) as text blocks under
their headings, with the line each block starts on."""
from __future__ import annotations

from pathlib import Path

from corpus.docs.readers import Block, Document, ReadError

_MD_BLOCKS = {"paragraph_open", "fence", "code_block", "tr_open"}


def _inline_text(token) -> str:  # markdown_it.token.Token
    """The visible text of an inline token: words, inline code and image alt text, breaks as spaces."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts)


def read_markdown(text: str, path: Path) -> Document:
    """Paragraphs, code blocks and table rows, each under the nearest heading above it."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    title, heading, blocks = "", "", []
    for i, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else None
        if token.type == "heading_open":
            heading = _inline_text(tokens[i + 1]).strip()
            if token.tag == "h1" and not title:
                title = heading
        elif token.type in ("fence", "code_block"):
            blocks.append(Block(token.content.strip(), heading, line))
        elif token.type == "paragraph_open":
            blocks.append(Block(_inline_text(tokens[i + 1]).strip(), heading, line))
        elif token.type == "tr_open":
            cells = []
            for cell in tokens[i + 1:]:
                if cell.type == "tr_close":
                    break
                if cell.type == "inline":
                    cells.append(_inline_text(cell).strip())
            blocks.append(Block(" | ".join(cells), heading, line))
    return Document(title or path.stem, [b for b in blocks if b.text])


def read_rst(text: str, path: Path) -> Document:
    """Paragraphs and literal blocks under their section titles; unknown (e.g. Sphinx) roles and directives
    keep their text; includes and raw output are disabled, so a file cannot pull in another."""
    from docutils import nodes
    from docutils.core import publish_doctree
    from docutils.utils import SystemMessage

    settings = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
                "warning_stream": False, "input_encoding": "unicode"}
    try:
        tree = publish_doctree(text, source_path=str(path), settings_overrides=settings)
    except (SystemMessage, ValueError, AttributeError, IndexError) as e:  # docutils gives up on some broken markup
        raise ReadError(f"not valid reStructuredText: {e}") from None
    title, blocks = "", []
    for node in tree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.literal_block, nodes.title))):
        if any(isinstance(a, nodes.system_message) for a in _ancestors(node)):
            continue
        if isinstance(node, nodes.title):
            title = title or node.astext()
            continue
        section = next((a for a in _ancestors(node) if isinstance(a, nodes.section)), None)
        heading = section[0].astext() if section is not None and len(section) else ""
        blocks.append(Block(" ".join(node.astext().split()) if isinstance(node, nodes.paragraph) else node.astext(),
                            heading, node.line))
    return Document(title or path.stem, [b for b in blocks if b.text.strip()])


def _ancestors(node):  # docutils.nodes.Node -> Iterator[Node]
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
