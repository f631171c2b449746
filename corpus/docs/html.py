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
_DROP = ("//script | //style | //noscript | //template | //nav | //header | //footer | //aside | //form"
         " | //*[@role='navigation' or @role='search' or @role='banner' or @role='contentinfo']"
         " | //*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
         " | //*[contains(concat(' ', normalize-space(@class), ' '), ' sphinxsidebar ')]"
         " | //*[contains(concat(' ', normalize-space(@class), ' '), ' related ')]"
         " | //*[contains(concat(' ', normalize-space(@class), ' '), ' toctree-wrapper ')]")
_MAIN = ("//main", "//*[@role='main']", "//article", "//*[contains(concat(' ', normalize-space(@class), ' '), ' body ')]", "//body")


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
    for element in root.xpath(_DROP):
        element.drop_tree()
    main = next((found[0] for query in _MAIN if (found := root.xpath(query))), None)
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
