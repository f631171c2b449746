"""An answer's `Table` at the terminal: rich's Table on a TTY, aligned plain-text columns when piped.

Each cell is followed by the number of the source that quotes it, "High [3]", so a reader can find the quote
in the numbered sources below. Both forms fit the given width by wrapping cells, never by cutting them.
"""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from bot.answer import Table

if TYPE_CHECKING:
    from rich.table import Table as RichTable

GAP = 2
"""Spaces between the columns of a plain table."""

MIN_WIDTH = 6
"""Columns are not squeezed below this; a table with too many columns for the width overflows instead."""


def cells(table: Table) -> list[list[tuple[str, int]]]:
    """Every row as (text, citation number) pairs, one per column; a short row or cites list counts as empty."""
    count = max([len(table.columns), *(len(row) for row in table.rows)])
    grid = []
    for i, row in enumerate(table.rows):
        cites = table.cites[i] if i < len(table.cites) else ()
        grid.append([(row[j] if j < len(row) else "", cites[j] if j < len(cites) else 0) for j in range(count)])
    return grid


def header(table: Table) -> list[str]:
    """The column names, padded with empty ones when a row has more cells than there are names."""
    count = max([len(table.columns), *(len(row) for row in table.rows)])
    return [*table.columns, *[""] * (count - len(table.columns))]


def cited(text: str, number: int) -> str:
    """A cell's text followed by its citation number, "High [3]"; just the text when nothing is cited."""
    return f"{text} [{number}]".strip() if number > 0 else text


def plain_lines(table: Table, width: int) -> list[str]:
    """The table as plain lines at most `width` wide: the title, the column names, a rule of dashes (one run
    per column, `GAP` spaces apart), the rows, the rule again. When a cell wraps, a blank line separates the
    rows, so a row's continuation lines are never taken for a new row."""
    names = header(table)
    lines = textwrap.wrap(table.title, max(width, MIN_WIDTH)) if table.title else []
    if not names:
        return lines
    grid = [[cited(" ".join(text.split()), number) for text, number in row] for row in cells(table)]
    widths = _fit([max([len(name), *(len(row[j]) for row in grid)]) for j, name in enumerate(names)], width)
    rule = (" " * GAP).join("-" * w for w in widths)
    rows = [_wrapped(row, widths) for row in grid]
    between = [""] if any(len(row) > 1 for row in rows) else []
    body = [line for k, row in enumerate(rows) for line in (between if k else []) + row]
    return [*lines, *_wrapped(names, widths), rule, *body, rule]


def rich_table(table: Table) -> RichTable:
    """The table for rich to draw at the console's width: cells wrap (a long word folds), numbers in cyan
    like the sources' numbers, a rule between rows so wrapped rows stay apart. Nothing bold: bold is kept
    for the verdict and the notes' labels."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    drawn = RichTable(title=table.title or None, box=box.SIMPLE_HEAD, show_lines=True, header_style="underline")
    for name in header(table):
        drawn.add_column(name, overflow="fold")
    for row in cells(table):
        drawn.add_row(*(Text(f"{text} " if text else "") + Text(f"[{number}]", "cyan") if number > 0 else Text(text)
                        for text, number in row))
    return drawn


def _fit(natural: list[int], width: int) -> list[int]:
    """Column widths within `width` (gaps included): the widest columns shrink first, to no less than
    `MIN_WIDTH`; a column never grows past what its longest cell needs."""
    natural = [max(1, w) for w in natural]
    room = width - GAP * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    low, high = MIN_WIDTH, max(natural)  # the largest cap on every column that fits the room
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in natural) <= room:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in natural]


def _wrapped(row: list[str], widths: list[int]) -> list[str]:
    """One row as lines: each cell wrapped to its column's width (a word longer than that is split)."""
    pieces = [textwrap.wrap(text, w, break_on_hyphens=False) or [""] for text, w in zip(row, widths)]
    return [(" " * GAP).join((piece[k] if k < len(piece) else "").ljust(w) for piece, w in zip(pieces, widths)).rstrip()
            for k in range(max(len(piece) for piece in pieces))]
