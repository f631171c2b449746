"""Terminal rendering of an `Answer`: rich colours and wrapping on a TTY, plain text when piped.

Every view is built once as blocks of styled spans, then either printed as plain text (no
escapes, no wrapping: safe to pipe and grep) or through rich. rich is imported only in the
TTY branch, so one-shot piped answers never pay for it.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from bot import Answer

if TYPE_CHECKING:
    from rich.console import Console

Span = tuple[str, str]
"""A piece of text and its rich style ("" for none)."""

Block = tuple[int, tuple[Span, ...]]
"""One paragraph: its left indent and its spans. Wrapped lines keep the indent on a TTY."""

PASSAGE_PREVIEW = 240
"""Characters of a passage shown by `:why`; the full text is in `:sources`."""


def is_tty(out: TextIO) -> bool:
    """Whether `out` is an interactive terminal (closed or fake streams count as not)."""
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def emit(blocks: Iterable[Block], out: TextIO | None = None) -> None:
    """Print `blocks` to `out` (default stdout): through rich on a TTY, else as plain lines."""
    out = out or sys.stdout
    if not is_tty(out):
        out.write("".join(" " * indent + "".join(text for text, _ in spans) + "\n" for indent, spans in blocks))
        out.flush()
        return
    from rich.padding import Padding
    from rich.text import Text

    console = _console(out)
    for indent, spans in blocks:
        # Padding, not spaces, so wrapped lines keep the indent; an empty block is a blank line
        text = Text.assemble(*spans)
        console.print(Padding(text, (0, 0, 0, indent), expand=False) if text else "")


@functools.cache
def _console(out: TextIO) -> Console:
    """One rich console per stream; honours NO_COLOR (layout stays, colours go)."""
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False, no_color="NO_COLOR" in os.environ)


def message(text: str, style: str = "", out: TextIO | None = None) -> None:
    """Print one line of prose (a greeting, an error, a notice) in `style` on a TTY."""
    emit([(0, ((text, style),))], out)


def answer_blocks(answer: Answer, *, quotes: bool = True) -> list[Block]:
    """The answer text, then its numbered sources (with quotes unless `quotes` is False), then notes.

    A note the text already carries word for word is not printed twice.
    """
    blocks: list[Block] = [(0, ((answer.text, "bold"),))]
    if answer.citations:
        blocks.append((0, ()))
        blocks.append((0, (("Sources:", "bold underline"),)))
        blocks.extend(source_blocks(answer, quotes=quotes))
    notes = [note for note in answer.notes if note not in answer.text]
    if notes:
        blocks.append((0, ()))
        blocks.extend((0, (("Note: ", "bold yellow"), (note, "yellow"))) for note in notes)
    return blocks


def source_blocks(answer: Answer, *, quotes: bool = True) -> list[Block]:
    """Each citation numbered from 1: section and source, the verbatim quote, the URL."""
    blocks: list[Block] = []
    for n, cite in enumerate(answer.citations, 1):
        where = f"{cite.section} ({cite.source})" if cite.section and cite.source else cite.section or cite.source
        blocks.append((2, ((f"[{n}] ", "bold cyan"), (where, "cyan"))))
        if quotes:
            blocks.append((6, ((f"\u201c{cite.quote}\u201d", "italic"),)))
        if cite.url:  # a clickable link on terminals that support it (a rich style cannot hold white space)
            link = "" if any(c.isspace() for c in cite.url) else f" link {cite.url}"
            blocks.append((6, ((cite.url, "blue underline" + link),)))
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
    blocks: list[Block] = [(0, ((f"{key}: ", "bold"), (str(value) if value not in (None, "") else "-", "green"))) for key, value in fields]
    passages = trace.get("passages") or []
    blocks.append((0, (("top passages:", "bold"),) if passages else (("top passages: none in the trace", "bold"),)))
    for n, passage in enumerate(passages, 1):
        passage = passage if isinstance(passage, Mapping) else {"text": passage}
        score = passage.get("score")
        score_text = f"{score:.3f}" if isinstance(score, (int, float)) else str(score or "?")
        blocks.append((2, ((f"{n}. ", "bold cyan"), (score_text, "magenta"), ("  ", ""), (str(passage.get("id", "?")), "cyan"))))
        blocks.append((6, ((_preview(str(passage.get("text", ""))), "dim"),)))
    return blocks


def _names(value: Any) -> str:
    """A list of names as "A, B"; anything else as its text."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _preview(text: str) -> str:
    """`text` on one line, cut to `PASSAGE_PREVIEW` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= PASSAGE_PREVIEW else flat[: PASSAGE_PREVIEW - 1].rstrip() + "\u2026"
