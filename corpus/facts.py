"""Curated current facts (facts.toml): each with framework, attribute, value, statement, and the primary source
that states it, in that source's own words, with the date it holds as of and the date it was checked."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from corpus.article import Chart
from corpus.primary import PrimarySources
from corpus.records import FRAMEWORK_NAMES, STANCES, Checker, identified_entries

STATUSES = ("wrong", "outdated")


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_DATE = re.compile(r"(?:\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?)?\b(" + "|".join(MONTHS) + r")\b(?: (\d{1,2}),)? (\d{4})"
                   r"|\b(19[89]\d|20\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """One sourced fact about one framework; `corrects` names article text it shows wrong or dated."""

    id: str
    framework: str
    attribute: str
    value: str
    values: tuple[str, ...]
    statement: str
    source: str
    source_quote: str  # the source's own words that state the fact, verbatim ("[…]" marks a cut)
    as_of: str
    checked: str  # when the source was last read to confirm the fact (YYYY-MM-DD)
    corrects: tuple[str, ...] = ()
    status: str = ""
    stance: str = ""

    @property
    def primary(self) -> bool:
        """Whether this is its framework's current answer on its attribute (id "<framework>-<attribute>")."""
        return self.id == f"{self.framework.lower()}-{self.attribute.replace('_', '-')}"

    @property
    def dates(self) -> list[tuple[int, int, int]]:
        """The dates its value names, as (year, month, day); a bare year or month sorts as its start."""
        found = []
        for day, month, day_after, year, bare in _DATE.findall(self.value):
            if bare:
                found.append((int(bare), 0, 0))
            else:
                found.append((int(year), MONTHS.index(month.lower()) + 1, int(day or day_after or 0)))
        return found

    @property
    def domain(self) -> str:
        """A short name for the source: its host, and on GitHub whose repository ("github.com/keras-team/keras")."""
        url = urlparse(self.source)
        host = url.netloc.lower().removeprefix("www.")
        repo = [part for part in url.path.split("/") if part][:2]
        return "/".join([host, *repo]) if host == "github.com" and len(repo) == 2 else host


def _chart_ref_ok(ref: str, chart: Chart) -> bool:
    _, row, framework = (ref.split(":", 2) + ["", ""])[:3]
    return row in chart.rows and framework in chart.rows[row]


def _date(c: Checker, key: str) -> str:
    """An ISO date field (TOML date or "YYYY-MM-DD" string) as its text; refused if it is not a date."""
    value = c.data.get(key)
    if isinstance(value, dt.date):
        value = value.isoformat()
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        c.fail(f"{key!r} must be a date (YYYY-MM-DD), got {value!r}")
    return str(value)


def load_facts(path: Path, prose: str, chart: Chart, attributes: frozenset[str], primary: PrimarySources) -> tuple[Fact, ...]:
    """Load and check every fact: its source must be primary (on the allow-list) and quoted, its dates real, and
    article text it corrects must exist, verbatim or as a chart cell."""
    facts: list[Fact] = []
    fields = {"id", "framework", "attribute", "value", "values", "statement", "source", "source_quote", "as_of", "checked",
              "corrects", "status", "stance"}
    for c, fid in identified_entries(path, "fact", fields):
        source = c.text("source")
        if urlparse(source).scheme not in ("http", "https") or not urlparse(source).netloc:
            c.fail(f"'source' must be an http(s) URL, got {source!r}")
        if not primary.allows(source):
            c.fail(f"'source' is not a primary source (not on the allow-list in sources.toml): {source!r}")
        corrects = c.texts("corrects", required=False)
        for ref in corrects:
            if ref.startswith("chart:") and not _chart_ref_ok(ref, chart):
                c.fail(f"'corrects' names no chart cell: {ref!r}")
            if not ref.startswith("chart:") and ref not in prose:
                c.fail(f"'corrects' text is not found verbatim in the article: {ref!r}")
        status = c.choice("status", STATUSES, required=bool(corrects))
        facts.append(Fact(
            id=fid, framework=c.choice("framework", FRAMEWORK_NAMES), attribute=c.choice("attribute", attributes),
            value=c.text("value"), values=c.texts("values", required=False), statement=c.text("statement"),
            source=source, source_quote=c.text("source_quote"), as_of=_date(c, "as_of"),
            checked=_date(c, "checked"), corrects=corrects, status=status,
            stance=c.choice("stance", STANCES, required=False),
        ))
    return tuple(facts)
