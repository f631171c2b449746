"""The article as a document: front matter, sections with verbatim paragraphs, and the restored chart."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import CorpusError


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it, verbatim."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """The comparison chart: its framework columns and, per row label, the cell of each framework."""

    section: str
    columns: tuple[str, ...]
    rows: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Article:
    """The comparison article the bot quotes."""

    title: str
    publisher: str
    url: str
    sections: tuple[Section, ...]
    chart: Chart

    @property
    def prose(self) -> str:
        """All paragraphs, one per line: what quotes from the article must be found in."""
        return "\n".join(p for s in self.sections for p in s.paragraphs)


def _front_matter(text: str, name: str) -> tuple[dict[str, str], str]:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not match:
        raise CorpusError(name, "front matter", "the file must start with a '---' block holding title, publisher and url")
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise CorpusError(name, "front matter", f"line {line!r} is not 'key: value'")
        meta[key.strip()] = value.strip().strip('"')
    for key in ("title", "publisher", "url"):
        if not meta.get(key):
            raise CorpusError(name, "front matter", f"missing {key!r}")
    return meta, text[match.end():]


def _table(lines: list[str], name: str, section: str) -> Chart:
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    header, body = cells[0], [row for row in cells[1:] if not all(set(c) <= set("-: ") for c in row)]
    columns = tuple(header[1:])
    rows: dict[str, dict[str, str]] = {}
    for row in body:
        if len(row) != len(header):
            raise CorpusError(name, f"chart row {row[0]!r}", f"has {len(row)} cells, the header has {len(header)}")
        rows[row[0]] = dict(zip(columns, row[1:]))
    return Chart(section=section, columns=columns, rows=rows)


def parse_article(text: str, name: str = "article.md") -> Article:
    """Parse the article's markdown: '# title', '## section' headings, blank-line paragraphs, one table."""
    meta, body = _front_matter(text, name)
    sections: list[Section] = []
    title, current, paragraphs = meta["title"], "Introduction", []
    chart: Chart | None = None
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        if block.startswith("# "):
            continue
        if block.startswith("## "):
            if paragraphs:
                sections.append(Section(current, tuple(paragraphs)))
            current, paragraphs = block[3:].strip(), []
        elif block.startswith("|"):
            if chart is not None:
                raise CorpusError(name, f"section {current!r}", "a second table; the article has one chart")
            chart = _table(block.splitlines(), name, current)
        else:
            paragraphs.append(" ".join(block.split()))
    if paragraphs:
        sections.append(Section(current, tuple(paragraphs)))
    if chart is None:
        raise CorpusError(name, "chart", "no table found")
    return Article(title=title, publisher=meta["publisher"], url=meta["url"], sections=tuple(sections), chart=chart)


def load_article(path: Path) -> Article:
    """Read and parse the article file."""
    return parse_article(path.read_text(encoding="utf-8"), path.name)
