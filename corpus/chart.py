"""What the chart's rows mean (chart.toml): the attribute of each row and its order of frameworks."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.article import Chart
from corpus.records import STANCES, Checker, read_table


@dataclass(frozen=True)
class ChartRow:
    """One chart row: its cells, the attribute it rates, and (where it orders them) rank and stance."""

    label: str
    attribute: str
    cells: dict[str, str]
    rank: dict[str, int]
    stance: dict[str, str]


def load_chart_rows(path: Path, chart: Chart, attributes: frozenset[str]) -> tuple[ChartRow, ...]:
    """Join chart.toml's meaning to the article's chart cells; every row must exist and every rank be whole."""
    rows = []
    for i, entry in enumerate(read_table(path, "row"), 1):
        c = Checker(path.name, f"row {entry.get('label', i)!r}", entry, {"label", "attribute", "rank", "stance"})
        label = c.text("label")
        if label not in chart.rows:
            c.fail(f"no chart row is labelled {label!r}; rows are {list(chart.rows)}")
        cells = chart.rows[label]
        rank = c.framework_map("rank", lambda v: isinstance(v, int) and v >= 1)
        stance = c.framework_map("stance", lambda v: v in STANCES)
        for name in list(rank) + list(stance):
            if name not in cells:
                c.fail(f"{name} has no cell in row {label!r}")
        if rank and set(rank) != set(cells):
            c.fail("'rank' must rank every framework of the row or none")
        rows.append(ChartRow(label, c.choice("attribute", attributes), cells, rank, stance))
    return tuple(rows)
