"""A question on one topic naming no framework ("Apple M1 GPU support?", "how do I train on multiple GPUs?"):
the fact on it for each framework whose facts speak to the question's own words, with no verdict."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes.draft import Ask, Draft
from bot.routes.matching import asked_words, hits, overlap
from index.analyzer import FRAMEWORKS

_MOST = 3
_QUANTITY = re.compile(r"\bhow (?:many|much)\b")


def answer(ask: Ask) -> Answer | None:
    """Each framework's best fact on the asked attribute, when it says a word of the question beyond the
    attribute's name; declines a question naming a framework, asking for a pick, or with no such fact."""
    r = ask.reading
    if r.frameworks or r.attribute in (None, "definition", "background") or r.superlative or (
            _QUANTITY.search(r.text)):
        return None  # "how many GPU nodes does the cluster have?" asks about the asker's world, not the frameworks'
    d = Draft(ask, "attribute", any_topic=True)
    found = []
    for framework in FRAMEWORKS:
        asked = asked_words(d, framework)
        pool = [*d.kb.facts_about(framework, r.attribute),
                *d.kb.facts_about(framework, d.kb.lexicon.see_also.get(r.attribute, ""))]
        scored = [(overlap(d, f, asked), f) for f in pool if not f.id.endswith("-history") and hits(d, asked, f) >= 2]
        if scored:
            found.append(max(scored, key=lambda t: (t[0], -len(t[1].id)))[::-1])
    found.sort(key=lambda t: -t[1])
    generic = d.kb.lexicon.generic.get(r.attribute, frozenset())
    only_topic = all(d.kb.lexicon.widen({t}) & generic for t in asked_words(d, ""))
    if not found and not r.pronoun and only_topic:  # "how do I train on multiple GPUs?": the topic is all it names
        found = [(facts[0], 0) for framework in FRAMEWORKS
                 if (facts := [f for f in d.kb.facts_about(framework, r.attribute) if not f.id.endswith("-history")])]
    if not found:
        return None
    for fact, _ in found[:_MOST]:
        d.ev.fact(fact)
    return d.finish(" ".join(fact.statement for fact, _ in found[:_MOST]), limit=_MOST)
