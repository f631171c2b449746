"""Overviews: "X vs Y" with no attribute, "show me the chart", "tl;dr X vs Y vs Z", "pros and cons of X".
The text says where each framework is ahead; a `Table` (chart rows × frameworks) carries every cell, cited."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bot.answer import Answer, Table
from bot.rank import rank
from bot.routes.draft import Ask, Draft, names, q
from corpus import ChartRow, Claim
from corpus.chunks import slug
from index.analyzer import FRAMEWORKS, find_frameworks

_OVERVIEW = re.compile(
    r"\b(chart|table|overview|summary|summari[sz]e|tl;?dr|tldr|pros and cons|pros/cons|pros|cons|strengths|weaknesses|"
    r"at a glance|side by side|side-by-side|cheat ?sheet|one line each|in one line|in a nutshell|everything|rundown|"
    r"run-down|recap|breakdown|bad at|good at|weak at|strong points|weak points|one line on each|one-line|one liner|"
    r"a line (?:on|for) each)\b")
PROS_CONS = re.compile(r"\b(pros|cons|strengths?|weaknesses|advantages?|disadvantages?|good and bad|upsides?|downsides?|"
                       r"bad at|good at|weak at|strong points|weak points)\b")
_ALL = re.compile(r"\b(all (?:six|6|the frameworks|frameworks|of them)|every framework|each framework|six frameworks|"
                  r"each of the (?:six|6))\b")
CHART = re.compile(r"\b(chart|table|overview|cheat ?sheet|summary|all (?:three|six|the frameworks))\b")
_OPEN = (None, "definition", "background")
# a choice between the named ("PyTorch or TensorFlow?", "which one, X or Y?"), not a request to compare them
_EITHER = re.compile(r"^(?!.*\b(?:compare|comparison|differ\w*|vs\.?|versus|between)\b).*\bor\b")


_SOURCE = re.compile(r"\b(?:according to|in|on|from|per|by|going by) (?:the |your )?(?:article'?s? )?(?:chart|table|summary)\b")


def wants_overview(text: str) -> bool:
    """Whether the question asks for an overview; "the fastest according to the chart" names a source."""
    return bool(_OVERVIEW.search(_SOURCE.sub("", text)))


def _chart_frameworks(d: Draft, frameworks: Sequence[str]) -> list[str]:
    """The asked frameworks the chart has a column for (all of the chart's when none is asked)."""
    columns = list(d.kb.corpus.chart_rows[0].cells) if d.kb.corpus.chart_rows else []
    return [f for f in (frameworks or columns) if f in columns]


def _with_table(answer: Answer, d: Draft, frameworks: Sequence[str]) -> Answer:
    """The answer with the chart as a table: one row per chart row, each cell cited."""
    number = {c.id: i + 1 for i, c in enumerate(answer.citations)}
    rows, cites = [], []
    for row in d.kb.corpus.chart_rows:
        rows.append((row.label, *(row.cells[f] for f in frameworks)))
        cites.append((0, *(number.get(f"chart/{slug(row.label)}/{f.lower()}", 0) for f in frameworks)))
    table = Table("The article's chart", ("", *frameworks), tuple(rows), tuple(cites))
    return dataclasses.replace(answer, tables=(table,))


def _ahead(d: Draft, frameworks: Sequence[str]) -> dict[str, list[tuple[str, ChartRow]]]:
    """For each framework, the chart rows on which it is ahead of the others asked (phrased "faster")."""
    ahead: dict[str, list[tuple[str, ChartRow]]] = {f: [] for f in frameworks}
    for row in d.kb.corpus.chart_rows:
        ranking = rank(d.kb, row.attribute, frameworks) if row.rank else None
        if ranking and ranking.row and not ranking.tie:
            for f in (w for w in ranking.winners(1) if w in ahead):  # a ranking may reach past those asked
                ahead[f].append((d.kb.lexicon.phrasing[row.attribute]["more"], row))
    return ahead


def section_claims(d: Draft, frameworks: Sequence[str]) -> list[Claim]:
    """The claims of the article's "X vs Y" section on exactly these frameworks, in article order."""
    section = next((s for s in d.kb.corpus.article.sections
                    if " vs " in s.title and set(find_frameworks(s.title)) == set(frameworks)), None)
    if section is None:
        return []
    found = [c for c in d.kb.corpus.claims if d.kb.corpus.chunk_of(c.quote).section == section.title]
    return list({c.quote: c for c in found}.values())  # in article order: a set here made quotes depend on hashing


def situations(d: Draft, frameworks: Sequence[str] = ()) -> list[str]:
    """The article's advice by situation ("PyTorch for a beginner"), among `frameworks` (all when none), with
    its own "everyone's situation is different" passage cited first."""
    for chunk in d.kb.corpus.chunks:
        if chunk.document == "article" and "situation" in chunk.text:
            d.ev.chunk(chunk)
            break
    advice = []
    for name in ("beginner", "industry", "prototyping"):
        ranking = rank(d.kb, name, frameworks or None)
        if ranking and not ranking.tie and ranking.winners(1):
            winners = ranking.winners(1)
            d.cite_ranking(ranking, winners)
            advice.append(f"{names(winners)} for {d.label(name)}")
    return advice


def _cite_chart(d: Draft, frameworks: Sequence[str]) -> None:
    for row in d.kb.corpus.chart_rows:
        for f in frameworks:
            d.ev.cell(row, f)


def _pros_and_cons(ask: Ask, framework: str) -> Answer | None:
    """Where the article's chart and claims put one framework ahead (pros) or behind (cons)."""
    d = Draft(ask, "compare")
    pros, cons = [], []
    for row in d.kb.corpus.chart_rows:
        ranking = rank(d.kb, row.attribute) if row.rank else None
        if not ranking or framework not in ranking.scores or ranking.tie:
            continue
        phrasing = d.kb.lexicon.phrasing[row.attribute]
        if framework in ranking.winners(1):
            pros.append(f"{phrasing['most']} ({row.label}: {q(row.cells[framework])})")
            d.ev.cell(row, framework)
        elif framework in ranking.winners(-1):
            cons.append(f"{phrasing['least']} ({row.label}: {q(row.cells[framework])})")
            d.ev.cell(row, framework)
    for claim in d.kb.corpus.claims:
        stance = claim.stance.get(framework)
        if claim.frameworks[:1] == (framework,) and stance in ("yes", "no") and len(pros) + len(cons) < 8:
            (pros if stance == "yes" else cons).append(q(claim.quote))
            d.ev.claim(claim)
    if not pros and not cons:
        return None
    text = f"From the article, {framework}'s pros: {'; '.join(pros) or 'none stated'}. Cons: {'; '.join(cons) or 'none stated'}."
    return d.finish(text, limit=12)


def answer(ask: Ask) -> Answer | None:
    """An overview when the question asks for one, or names frameworks with nothing to compare them on."""
    r = ask.reading
    asked = wants_overview(r.text)
    if r.attribute not in _OPEN and not (asked and len(find_frameworks(r.text)) != 1):
        return None
    if len(r.frameworks) == 1:
        return _pros_and_cons(ask, r.frameworks[0]) if PROS_CONS.search(r.text) or asked else None
    if not asked and (len(r.frameworks) < 2 or ask.route == "search"):
        return None  # routed to search ("how do I…?"): an overview only when asked for
    d = Draft(ask, "compare", any_topic=True)
    frameworks = list(FRAMEWORKS) if _ALL.search(r.text) else list(r.frameworks)
    columns = _chart_frameworks(d, frameworks)
    if len(columns) < min(2, len(frameworks)) or (not asked and len(columns) < len(frameworks)):  # "tl;dr theano vs cntk"
        return described(d, frameworks)
    ahead = _ahead(d, columns)
    parts = [f"{f} is {names([word for word, _ in rows])}" for f, rows in ahead.items() if rows]
    advice = situations(d, columns) if not asked and _EITHER.search(r.text) else []  # "PyTorch or TensorFlow?"
    if asked:  # "tl;dr", "chart": the summary is read off the chart, so the cells it names come first
        for f, rows in ahead.items():
            for _, row in rows:
                d.ev.cell(row, f)
        _cite_chart(d, columns)
    claims = section_claims(d, columns)[:3]
    for claim in claims:
        d.ev.claim(claim)
    _cite_chart(d, columns)
    text = "It depends on what you need. "
    if advice:
        text += f"The article's advice by situation: {'; '.join(advice)}. "
    if parts:
        text += "On the article's chart, " + "; ".join(parts) + "."
    if asked:
        rows = list(dict.fromkeys(d.label(row.attribute) for row in d.kb.corpus.chart_rows))
        text += f" The chart below compares {names(columns)} on {names(rows)}."
    others = [f for f in frameworks if f not in columns]
    if others:  # the chart has no column for them: what the curated facts say each one is
        text += " Not in the chart: " + " ".join(_summary(d, f) for f in others)
    support = ""
    if claims:
        section = d.kb.corpus.chunk_of(claims[0].quote).section
        support = f"The article's “{section}” section says: " + " ".join(q(c.quote) + "." for c in claims[:2])
    return _with_table(d.finish(text, support, limit=40), d, columns)


def _summary(d: Draft, framework: str) -> str:
    """One framework in a sentence or two from the facts: what it is and, if so, that it is discontinued."""
    said = []
    for attribute in ("definition", "maintenance"):
        facts = d.kb.facts_about(framework, attribute)
        if facts and (attribute == "definition" or facts[0].stance == "no"):
            d.ev.fact(facts[0])
            said.append(facts[0].statement)
    return " ".join(said)


def described(d: Draft, frameworks: Sequence[str]) -> Answer:
    """Frameworks the article's chart leaves out: the article's section on them if it has one, and what
    the curated facts say each one is and who makes it (and whether it is still developed), with no verdict."""
    claims = section_claims(d, frameworks)[:2]
    for claim in claims:
        d.ev.claim(claim)
    said = []
    for f in frameworks:
        facts = d.kb.facts_about(f, "definition")[:1] + d.kb.facts_about(f, "developer")[:1]  # what it is, whose
        for fact in facts:
            d.ev.fact(fact)
            said.append(fact.statement)
        status = d.kb.facts_about(f, "maintenance")
        if status and (status[0].stance == "no" or d.r.attribute == "maintenance"):  # "status of each?": all
            d.ev.fact(status[0])
            said.append(status[0].statement)
    if not said and not claims:
        return d.not_covered(f"a comparison of {names(frameworks)}")
    if claims:
        section = d.kb.corpus.chunk_of(claims[0].quote).section
        missing = [f for f in frameworks if f not in _chart_frameworks(d, ())]
        lead = f"The article's chart has no column for {names(missing)}; its “{section}” section says: " + " ".join(q(c.quote) + "." for c in claims)
    else:
        lead = f"The article does not compare {names(frameworks)}."
    return d.finish(lead, ("What the curated facts say of each: " + " ".join(said) if said else "")
                    + " Ask about one aspect (speed, deployment, ...) for more.", confidence=min(d.ask.confidence, 0.5),
                    limit=2 * len(frameworks) + len(claims))
