"""Definitions: what a framework is (the article's words, the current fact, and its status when it is no
longer maintained), or what a concept is ("What is deep learning?") from the article's section on it."""
from __future__ import annotations

import re

from collections import Counter

from bot.answer import Answer
from bot.knowledge import Knowledge
from bot.lexicon import stems
from bot.routes.draft import Ask, Draft, q
from bot.routes.matching import fact_words, hits
from corpus import Fact
from index.analyzer import FRAMEWORKS, analyze

_ASKING = frozenset({"defin", "explain", "mean", "describ", "tell"})


_RARE: dict[int, frozenset[str]] = {}
_VERSION_TOKEN = re.compile("(?:" + "|".join(f.lower() for f in FRAMEWORKS) + r"|tf|torch)[\d.]+")


def _rare(kb: Knowledge) -> frozenset[str]:
    """Named words (products, APIs, people) that at most three facts say: one in a question points at them."""
    if id(kb) not in _RARE:
        seen = Counter(t for f in kb.corpus.facts for t in fact_words(f) & kb.lexicon.named)
        _RARE[id(kb)] = frozenset(t for t, n in seen.items() if n <= 3)
    return _RARE[id(kb)]


def _pointed(d: Draft, name: str) -> Fact | None:
    """The framework's fact that a rare named word of the question points at ("Why do the caffe2 links go
    to PyTorch?", "module 'tensorflow' has no attribute 'estimator'"); None when no word does."""
    rare = {t for t in set(d.r.terms) & _rare(d.kb) if not _VERSION_TOKEN.fullmatch(t)}  # "keras3" is a version, not a thing
    if not rare:
        return None
    facts = [f for (fw, _), group in sorted(d.kb.facts.items()) if fw == name for f in group if rare & _about(f)]
    return max(facts, key=lambda f: (len(rare & _about(f)), hits(d, set(d.r.terms), f)), default=None)


def _about(fact: Fact) -> frozenset[str]:
    """What a fact is about: the words of its values and id, not those its statement mentions in passing."""
    return frozenset(stems(" ".join(fact.values) + " " + fact.id.replace("-", " ")))


def framework(ask: Ask) -> Answer | None:
    """What one framework is, or the fact the question points at; declines without a framework."""
    r = ask.reading
    if not r.frameworks:
        return None
    d = Draft(ask, "define")
    name = r.frameworks[0]
    pointed = _pointed(d, name)
    if pointed is not None:  # a fact on one thing, not a definition: an attribute answer
        d = Draft(ask, "attribute", any_topic=True)
        d.ev.fact(pointed)
        return d.finish(pointed.statement, limit=2)
    claims = d.kb.claims_about("definition", name)
    own = [c for c in claims if c.frameworks[:1] == (name,)] or list(claims)
    facts = d.kb.facts_about(name, "definition")
    if len(facts) > 1:  # "what does the name Keras mean?": the definition fact on the name
        facts = sorted(facts, key=lambda f: -hits(d, set(r.terms) - {name.lower()}, f))
    parts = []
    for claim in own[:2]:
        d.ev.claim(claim)
    if own:
        parts.append("The article: " + " ".join(q(c.quote) + "." for c in own[:2]))
    else:
        parts.append(f"The article does not cover {name}.")
    if facts:
        d.ev.fact(facts[0])
        parts.append(f"Today: {facts[0].statement}")
    maker = d.kb.facts_about(name, "developer")[:1] if not own else ()
    for fact in maker:  # the article says who made the three it covers; for the others, the facts do
        d.ev.fact(fact)
        parts.append(fact.statement)
    status = d.kb.facts_about(name, "maintenance")
    if status and status[0].stance == "no":
        d.ev.fact(status[0])
        parts.append(f"Status: {status[0].statement}")
    return d.finish(" ".join(parts), limit=4)


def concept(ask: Ask) -> Answer | None:
    """"What is deep learning?": the article's section on it, else the best passage that has every word."""
    r = ask.reading
    if r.frameworks:
        return None
    wanted = [t for t in analyze(r.text) if t not in _ASKING]
    if not wanted:
        return None
    d = Draft(ask, "define")
    for section in d.kb.corpus.article.sections:
        if set(wanted) <= set(analyze(section.title)):
            chunk = next(c for c in d.kb.corpus.chunks if c.section == section.title)
            d.ev.chunk(chunk)
            return d.finish(f"From the article's “{section.title}” section: {q(chunk.text)}.", limit=2)
    hits = [h for h in d.kb.index.search(r.text, k=5) if set(wanted) <= set(d.kb.index.tokens[d.kb.index.docs.index(h.doc)])]
    if not hits:
        return None
    d.ev.chunk(hits[0].doc)
    return d.finish(f"The closest the corpus comes ({hits[0].doc.section}): {q(hits[0].doc.text)}.", limit=2)
