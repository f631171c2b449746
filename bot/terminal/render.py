"""Terminal rendering of an `Answer`: rich colours and wrapping on a TTY, plain text when piped.

Every view is built once as blocks of styled spans, then either printed as plain text (no
escapes, no wrapping: safe to pipe and grep) or through rich. rich is imported only in the
TTY branch, so one-shot piped answers never pay for it. Bold is kept for the verdict and the
notes' labels, so they stand out; a URL is never broken across lines.
"""
from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from bot import Answer
from bot.answer import Table
from bot.terminal import hyperlinks, tables

if TYPE_CHECKING:
    from rich.console import Console

Span = tuple[str, str]
"""A piece of text and its rich style ("" for none)."""


class Block(NamedTuple):
    """One paragraph: its left indent and its spans. Wrapped lines keep the indent on a TTY."""

    indent: int
    spans: tuple[Span, ...] = ()
    link: str = ""
    """The URL this line shows: printed whole, never wrapped (the terminal may fold it, nothing is inserted),
    and a hyperlink on terminals that show them."""
    table: Table | None = None
    """A table drawn in place of the spans: rich's on a TTY, aligned plain columns otherwise."""


SOURCE_SAYS = "The source says: "
"""Leads the cited page's own words under a fact's statement."""

PASSAGE_PREVIEW = 240
"""Characters of a passage shown by `:why`; the full text is in `:sources`."""

PLAIN_WIDTH = 100
"""The width plain tables fit when $COLUMNS does not say (piped output has no terminal to ask)."""

def is_tty(out: TextIO) -> bool:
    """Whether `out` is an interactive terminal (closed or fake streams count as not)."""
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def emit(blocks: Iterable[Block], out: TextIO | None = None) -> None:
    """Print `blocks` to `out` (default stdout): through rich on a TTY, else as plain lines.

    Plain `(indent, spans)` tuples are taken as blocks too."""
    out = out or sys.stdout
    blocks = [Block(*block) for block in blocks]
    if not is_tty(out):
        out.write("".join(_plain(block) for block in blocks))
        out.flush()
        return
    from rich.padding import Padding
    from rich.style import Style
    from rich.text import Text

    console = _console(out)
    links = hyperlinks.supported()
    for block in blocks:
        text = Text.assemble(*block.spans)
        if block.table:
            console.print(Padding(tables.rich_table(block.table), (0, 0, 0, block.indent), expand=False))
        elif block.link:  # whole, on its own line: rich would cut it and indent the rest
            if links and not any(c.isspace() for c in block.link):
                text.stylize(Style(link=block.link))
            console.print(Text(" " * block.indent) + text, soft_wrap=True)
        else:  # Padding, not spaces, so wrapped lines keep the indent; an empty block is a blank line
            console.print(Padding(text, (0, 0, 0, block.indent), expand=False) if text else "")


def _plain(block: Block) -> str:
    """One block as plain lines: its spans' text, or its table fitted to $COLUMNS (default `PLAIN_WIDTH`)."""
    if block.table:
        width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns - block.indent
        return "".join(" " * block.indent + line + "\n" for line in tables.plain_lines(block.table, width))
    return " " * block.indent + "".join(text for text, _ in block.spans) + "\n"


@functools.cache
def _console(out: TextIO) -> Console:
    """One rich console per stream; honours NO_COLOR (layout stays, colours go)."""
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False, no_color="NO_COLOR" in os.environ)


def message(text: str, style: str = "", out: TextIO | None = None) -> None:
    """Print one line of prose (a greeting, an error, a notice) in `style` on a TTY."""
    emit([Block(0, ((text, style),))], out)


def answer_blocks(answer: Answer, *, quote_limit: int | None = None) -> list[Block]:
    """The answer text, its verdict, its tables (each cell followed by its source's number), its numbered
    sources, then notes (each says which article words are dated and where the current fact comes from; the
    fact itself is in the text).

    Quotes are cut to `quote_limit` characters when given. Only the verdict and the notes' labels are
    bold, so they stand out.
    """
    blocks = [Block(0, ((answer.text, ""),))]
    if answer.verdict:
        blocks.append(Block(0, (("Verdict: " + ", ".join(answer.verdict), "bold"),)))
    for table in answer.tables:
        blocks += [Block(0), Block(0, table=table)]
    if answer.citations:
        blocks.append(Block(0))
        blocks.append(Block(0, (("Sources:", "underline"),)))
        blocks.extend(source_blocks(answer, quote_limit=quote_limit))
    if answer.notes:
        blocks.append(Block(0))
        blocks.extend(Block(0, (("Note: ", "bold yellow"), (str(note), "yellow"))) for note in answer.notes)
    return blocks


def source_blocks(answer: Answer, *, quote_limit: int | None = None) -> list[Block]:
    """Each citation numbered from 1: where it is, the quote (a chart cell's names its row and column, which
    tells apart cells that share the chart's title and URL), for a fact the source's own words, the URL on
    its own line."""
    blocks: list[Block] = []
    for n, cite in enumerate(answer.citations, 1):
        where = f"{cite.section} ({cite.source})" if cite.section and cite.source else cite.section or cite.source
        blocks.append(Block(2, ((f"[{n}] ", "cyan"), (where, "cyan"))))
        quote = cite.quote if quote_limit is None else _preview(cite.quote, quote_limit)
        blocks.append(Block(6, ((f"\u201c{quote}\u201d", "italic"),)))
        if cite.source_quote:  # a fact: our statement above, the cited page's own words here
            said = cite.source_quote if quote_limit is None else _preview(cite.source_quote, quote_limit)
            blocks.append(Block(6, ((SOURCE_SAYS, "cyan"), (f"\u201c{said}\u201d", "italic"))))
        if cite.url:
            blocks.append(Block(6, ((cite.url, "blue underline"),), link=cite.url))
    return blocks


def why_blocks(answer: Answer) -> list[Block]:
    """How the answer came about, from `Answer.trace`: route, frameworks, attribute, confidence, top passages.

    The trace is free-form, so every key is optional and every value is shown with `str`.
    """
    trace: Mapping[str, Any] = answer.trace or {}
    confidence = trace.get("confidence", answer.confidence)
    fields = [
        ("route", trace.get("route", answer.route)),
        ("frameworks", _names(trace.get("frameworks"))),
        ("attribute", trace.get("attribute")),
        ("verdict", _names(answer.verdict)),
        ("confidence", f"{confidence:.2f}" if isinstance(confidence, (int, float)) else confidence),
    ]
    blocks = [Block(0, ((f"{key}: ", "bold"), (str(value) if value not in (None, "") else "-", "green"))) for key, value in fields]
    passages = trace.get("passages") or []
    blocks.append(Block(0, (("top passages:", "bold"),) if passages else (("top passages: none in the trace", "bold"),)))
    for n, passage in enumerate(passages, 1):
        passage = passage if isinstance(passage, Mapping) else {"text": passage}
        score = passage.get("score")
        score_text = f"{score:.3f}" if isinstance(score, (int, float)) else str(score or "?")
        blocks.append(Block(2, ((f"{n}. ", "bold cyan"), (score_text, "magenta"), ("  ", ""), (str(passage.get("id", "?")), "cyan"))))
        blocks.append(Block(6, ((_preview(str(passage.get("text", "")), PASSAGE_PREVIEW), "dim"),)))
    return blocks


def _names(value: Any) -> str:
    """A list of names as "A, B"; anything else as its text."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _preview(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"
