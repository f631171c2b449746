"""Comparisons on one attribute: a verdict from data with an order (the chart's ranks, the article's ranked
or judged claims, facts with a stance), or a plain "not ranked" with what each framework's facts say."""
from __future__ import annotations

from collections.abc import Sequence

from bot.answer import Answer
from bot.rank import rank
from bot.routes.draft import Ask, Draft, names

_OPEN = (None, "definition", "background")


def ranked(ask: Ask, frameworks: Sequence[str] | None = None, route: str | None = None) -> Answer:
    """The frameworks the question favours on its attribute, and the data behind the order."""
    d = Draft(ask, route)
    r = d.r
    attribute, polarity = r.attribute, r.polarity
    assert attribute is not None
    ranking = rank(d.kb, attribute, frameworks)
    label = d.label(attribute)
    if ranking is None:
        return unranked(d, frameworks or (), attribute)
    winners = ranking.winners(polarity)
    everyone = list(ranking.scores)
    phrasing = d.kb.lexicon.phrasing.get(attribute, {})
    source = "the article" if ranking.row or ranking.claims else "the curated facts"
    verb = "is" if len(winners) == 1 else "are"
    if ranking.tie:
        winners = tuple(everyone)
        lead = f"According to {source}, {names(everyone)} tie on {label}."
    elif len(everyone) == 2:
        loser = next(f for f in everyone if f not in winners)
        word = phrasing.get("more" if polarity > 0 else "less", f"ahead on {label}")
        lead = f"According to {source}, {names(winners)} {verb} {word} than {loser}."
    elif d.route == "recommend" and not r.frameworks:
        word = phrasing.get("most" if polarity > 0 else "least", f"ahead on {label}")
        lead = f"According to {source}, {names(winners)} {verb} {word}."
    else:
        word = phrasing.get("most" if polarity > 0 else "least", f"ahead on {label}")
        tied = " (a tie)" if len(winners) > 1 else ""
        lead = f"According to {source}, {names(winners)} {verb} {word} of {names(everyone)}{tied}."
    if r.yesno and r.frameworks:
        subject = r.frameworks[0]
        lead = ("Yes. " if subject in winners and not ranking.tie else "No. ") + lead
    support = d.cite_ranking(ranking, winners)
    return d.finish(lead, support, verdict=winners)


def unranked(d: Draft, frameworks: Sequence[str], attribute: str) -> Answer:
    """No order in the data: say so plainly, and give what each framework's facts say, with no verdict."""
    label = d.label(attribute)
    said = []
    for f in frameworks:
        facts = d.kb.facts_about(f, attribute)
        if facts:
            d.ev.fact(facts[0])
            said.append(facts[0].statement)
    if not said:
        return d.not_covered(f"how {names(frameworks) or 'the frameworks'} compare on {label}")
    if not d.kb.lexicon.ordered(attribute):
        for f in frameworks:
            for claim in d.kb.claims_about(attribute, f)[:1]:
                d.ev.claim(claim)
        return d.finish(f"On {label}: " + " ".join(said), limit=4)
    # Never "No" for "not ranked": the data does not settle the question either way.
    prefix = "The corpus does not settle that. " if d.r.yesno else ""
    return d.finish(f"{prefix}The corpus does not rank {names(frameworks)} on {label}; here is what it says of each: "
                    + " ".join(said), confidence=min(d.ask.confidence, 0.5), limit=4)


def answer(ask: Ask) -> Answer | None:
    """A comparison on an attribute; declines a question with no attribute (an overview's job)."""
    r = ask.reading
    if r.attribute in _OPEN:
        return None
    frameworks = r.frameworks if len(r.frameworks) >= 2 else None
    return ranked(ask, frameworks)
