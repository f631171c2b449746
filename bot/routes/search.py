"""The last resort for anything in scope: the best passages, or a plain "I don't know" naming the topic.
A yes/no question here gets "Yes" only when one article sentence says every asked word, unnegated."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes.draft import NOT_SETTLED, POSSIBLE, Ask, Draft, q
from index.analyzer import FRAMEWORKS, analyze

_NEGATION = re.compile(r"\b(not|no|never|none|nor|without|cannot|can't|doesn't|don't|isn't|aren't|won't|lacks?)\b", re.I)
# Words of a plea, not of its topic ("Please bring back native Windows CUDA support!")
_PLEA = frozenset(analyze("please pls plz bring back want wish hope love finally really someone anyone help thanks"))
_POOL = 5  # passages re-ordered by how many of the question's words they say
_TOPIC_DROP = re.compile(r"^(?:(?:what|who|how|why|when|where|which|is|are|does|do|can|could|should|tell me|explain)\b\s*)+", re.I)


def topic(text: str) -> str:
    """The question as a topic to name in "I don't know …": without its question words and mark."""
    return "“" + (_TOPIC_DROP.sub("", text.strip(" ?!.")) or text.strip(" ?!.")) + "”"


def answer(ask: Ask) -> Answer:
    """The best passages for an open question; says plainly when they do not cover it. Never declines."""
    d = Draft(ask)
    r = d.r
    wanted = set(analyze(r.text)) - {f.lower() for f in FRAMEWORKS} - _PLEA
    found = d.kb.index.search(r.text, k=_POOL)
    if not found:
        return d.not_covered(topic(r.text))
    # of the best-scoring passages, those saying more of the question's distinct words first ("who created
    # ONNX?": the one that says "created", not the one repeating "ONNX"),
    named = {f.lower() for f in r.frameworks}  # and those about the frameworks it names before any other
    said = {id(h): (len(named & (words := set(d.kb.index.tokens[d.kb.index.docs.index(h.doc)]))), len(wanted & words))
            for h in found}
    hits = sorted(found, key=lambda h: (-said[id(h)][0], -said[id(h)][1]))[:3]
    best = d.kb.index.tokens[d.kb.index.docs.index(hits[0].doc)]
    coverage = len(wanted & set(best)) / len(wanted) if wanted else 1.0
    if coverage < 0.5:
        return d.not_covered(topic(r.text))
    if r.yesno:
        return _yesno(d, hits, wanted)
    first = [d.ev.chunk(hit.doc) for hit in hits][0]
    return d.finish(f"The most relevant passage ({first.section}): {q(first.quote)}.",
                    confidence=min(ask.confidence, 0.6), limit=3)


def _yesno(d: Draft, hits: list, wanted: set[str]) -> Answer:
    about = {f.lower() for f in d.r.frameworks}
    for hit in hits:
        for sentence in hit.doc.sentences:
            words = set(analyze(sentence))
            if hit.doc.document == "article" and wanted <= words and about <= words | about and not _NEGATION.search(sentence):
                claim = next((c for c in d.kb.corpus.claims if c.quote in sentence or sentence in c.quote), None)
                if claim:
                    d.ev.claim(claim)
                return d.finish(f"Yes, according to the article: {q(sentence)}.", confidence=min(d.ask.confidence, 0.6), limit=3)
    first = [d.ev.chunk(hit.doc) for hit in hits][0]
    if POSSIBLE.match(d.r.text) and first.quote.startswith("To ") and len(wanted & set(analyze(first.quote))) >= 2:
        return d.finish(f"Yes. {first.quote}", confidence=min(d.ask.confidence, 0.6), limit=3)  # the fact says how
    return d.finish(f"{NOT_SETTLED} The closest passage ({first.section}): {q(first.quote)}.",
                    confidence=min(d.ask.confidence, 0.4), limit=3)
