"""A table of the curated facts ("a summary table of all six: who develops each, first release, still
maintained?"): one row per attribute asked, one column per framework, each cell a fact's short value, cited."""
from __future__ import annotations

import dataclasses
import re

from bot.answer import Answer, Table
from bot.routes import multipart
from bot.routes.draft import Ask, Draft, names
from index.analyzer import FRAMEWORKS

_ALL = re.compile(r"\b(?:all|each|every)\b")
_EACH = re.compile(r"\beach of (?:the|them|these|those)\b|\bevery (?:framework|one)\b|\beach (?:framework|one)\b")
_TABLE = re.compile(r"\b(?:table|summary|summari[sz]e|overview|rundown|side by side|side-by-side|cheat ?sheet|at a glance|tl;?dr|"
                    r"one-line|one line|one liner)\b")


def answer(ask: Ask) -> Answer | None:
    """The table when an overview is asked for on attributes with values (developer, release date, status…);
    declines otherwise (the article's chart is the overview for ratings)."""
    r = ask.reading
    if not (_TABLE.search(r.text) or _EACH.search(r.text)) or re.search(r"\bchart\b", r.text) or (len(r.frameworks) == 1 and not _ALL.search(r.text)):
        return None  # "the whole chart" is the article's own table; "tl;dr keras: …" asks each thing in turn
    generic = ask.kb.lexicon.generic
    asked = list(dict.fromkeys(p.attribute for p in multipart.parts(ask) if p.attribute in generic))
    if not asked:
        return None
    frameworks = list(r.frameworks) if r.frameworks and not _ALL.search(r.text) else list(FRAMEWORKS)
    d = Draft(ask, "compare", any_topic=True)
    cells: dict[tuple[str, str], object] = {}
    for attribute in asked:
        for framework in frameworks:
            fact = next((f for f in d.kb.facts_about(framework, attribute) if not f.id.endswith("-history")), None)
            if fact is not None:
                d.ev.fact(fact)
                cells[(attribute, framework)] = fact
    if not cells:
        return None
    labels = [d.label(a) for a in asked]
    lines = [f"{f}: " + "; ".join(f"{d.label(a)}: {cells[(a, f)].value}" for a in asked if (a, f) in cells) + "."
             for f in frameworks if any((a, f) in cells for a in asked)]
    answer = d.finish(f"From the curated facts, the {names(labels)} of {names(frameworks)} (as a table below, each "
                      "cell cited): " + " ".join(lines), limit=len(cells))
    number = {c.id: i + 1 for i, c in enumerate(answer.citations)}
    rows = tuple((d.label(a), *(cells[(a, f)].value if (a, f) in cells else "" for f in frameworks)) for a in asked)
    cites = tuple((0, *(number.get(f"fact/{cells[(a, f)].id}", 0) if (a, f) in cells else 0 for f in frameworks))
                  for a in asked)
    table = Table("From the curated facts", ("", *frameworks), rows, cites)
    return dataclasses.replace(answer, tables=(table,))
