"""HTML (lxml): the main content only (the page's <main>, role="main", <article> or Sphinx body; never
navigation, headers, footers, sidebars or scripts), as blocks under their headings with source lines."""
from __future__ import annotations

from pathlib import Path

from corpus.docs.readers import Block, Document, ReadError

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"}
_DROP_ROLES = {"navigation", "search", "banner", "contentinfo"}
_DROP_CLASSES = {"headerlink", "sphinxsidebar", "related", "toctree-wrapper"}


def _main_rank(element) -> int:  # lxml.html.HtmlElement
    """How surely an element is the page's main content: 0 <main>, 1 role="main", 2 <article>, 3 Sphinx's
    body, 4 <body>, 5 not at all."""
    if element.tag == "main":
        return 0
    if element.get("role") == "main":
        return 1
    if element.tag == "article":
        return 2
    if "body" in (element.get("class") or "").split():
        return 3
    return 4 if element.tag == "body" else 5


def _text(element) -> str:  # lxml.html.HtmlElement
    return " ".join(element.text_content().split())


def read_html(data: bytes, path: Path) -> Document:
    """Headings, paragraphs, list items, table rows (cells joined by " | ") and code blocks of the main content."""
    import lxml.etree
    import lxml.html

    if b"\x00" in data[:4096]:
        raise ReadError("binary data, not HTML")
    try:
        root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as e:
        raise ReadError(f"not readable HTML: {e}") from None
    drop, main, rank = [], None, 5
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if (element.tag in _DROP_TAGS or element.get("role") in _DROP_ROLES
                or _DROP_CLASSES.intersection((element.get("class") or "").split())):
            drop.append(element)
        elif (found := _main_rank(element)) < rank:
            main, rank = element, found
    for element in drop:
        element.drop_tree()
    if main is None:
        raise ReadError("not readable HTML: no body")
    h1 = main.xpath(".//h1")
    title = _text(h1[0]) if h1 else " ".join(root.findtext(".//title", default="").split())
    blocks: list[Block] = []
    _walk(main, [""], blocks)
    if not blocks:
        raise ReadError("no text in the page's main content")
    return Document(title or path.stem, blocks)


def _walk(element, heading: list[str], blocks: list[Block]) -> None:
    """Blocks of `element`'s subtree in document order; `heading` holds the latest heading seen."""
    for child in element.iterchildren():
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _HEADINGS:
            heading[0] = _text(child)
        elif tag == "tr":
            cells = [_text(c) for c in child.iterchildren() if isinstance(c.tag, str)]
            _add(blocks, " | ".join(c for c in cells if c), heading[0], child.sourceline)
        elif tag == "pre":
            _add(blocks, child.text_content().strip(), heading[0], child.sourceline)
        elif tag and any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in child.iterdescendants()):
            _add(blocks, " ".join((child.text or "").split()), heading[0], child.sourceline)
            _walk(child, heading, blocks)
        elif tag:
            _add(blocks, _text(child), heading[0], child.sourceline)
        if child.tail and child.tail.strip() and element.tag in _BLOCKS:
            _add(blocks, " ".join(child.tail.split()), heading[0], child.sourceline)


def _add(blocks: list[Block], text: str, heading: str, line: int | None) -> None:
    if text:
        blocks.append(Block(text, heading, line))
