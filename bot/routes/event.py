"""When something happened ("When was the TorchServe repository archived?", "which TensorFlow version made
Keras 3 the default?"): the fact that records that event with its date or version. A plain "when was PyTorch
released?" names no event beyond the framework and is left to the attribute answerer."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.routes.draft import Ask, Draft
from bot.routes.matching import fact_raw, hits
from bot.routes.tense import CHANGE_WORDS, YEAR, records_change
from corpus import Fact

_WHEN = re.compile(r"^(?:(?:and|so|ok) )?(?:when|since when|since (?:what|which) (?:\w+ )?(?:version|release)|what year|which year|in (?:what|which) (?:year|(?:\w+ )?"
                   r"(?:version|release))|(?:what|which) (?:\w+ )?(?:version|release)|what date|how long ago)\b")
# "when did Keras 3 come out, and which backends…?" asks two things: the multi-part answerer's
_SECOND = re.compile(r"\S\s*(?:,|\band\b)\s*(?:what|which|who|how|where|why|when|is|are|does|do|can)\b")  # not a leading "and"
_CHANGED = re.compile(r"\b(?:dropped|drop|removed|remove|ended|deprecated|stopped supporting|dropped support for|"
                      r"lost|abandoned|replaced|added|gained)\s+(?:support for\s+)?([a-z][\w.]*)")
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b\d+\.\d+\b")
_POINTS_BACK = re.compile(r"\b(?:it|that|this|they|them)\b")
# Words that say "when" rather than what happened.
_ASKING = frozenset(stems("when year date version release released first ago exactly did happen ship shipped launch "
                          "launched arrive arrived out available roughly become became get got one ones"))
_ENOUGH = 3  # one of the event's own words and a version it names, or two words (one may be a synonym)
_BEGINNING = re.compile(r"\b(?:first|initially|originally|introduc\w*|start\w*|begin|began|appear\w*|debut\w*)\b")


def _year(fact: Fact) -> int:
    return min((int(y) for y in YEAR.findall(fact.statement)), default=9999)


def _score(d: Draft, event: set[str], fact: Fact) -> int:
    return hits(d, event, fact) + 3 * len(set(d.r.versions) & fact_raw(fact))


def answer(ask: Ask) -> Answer | None:
    """The dated fact that says most of the event asked about; declines when nothing says enough of it, and
    yes/no or multi-part questions."""
    r = ask.reading
    if r.yesno or not _WHEN.match(r.text) or _SECOND.search(r.text):
        return None
    d = Draft(ask, "attribute", any_topic=True)
    # a framework named right after a change word is part of the event ("which Keras dropped Theano?")
    objects = {m.lower() for m in _CHANGED.findall(r.text)}
    named = {f.lower() for f in r.frameworks} - objects
    event = {t for t in r.terms if t not in named and t not in _ASKING}
    if ask.context is not None and _POINTS_BACK.search(ask.own.text):  # "which version dropped it?": what "it" was
        before = ask.context.reading  # its words, and the name of what it asked about ("run on Theano": backends)
        event |= {t for t in (*before.terms, *stems(before.attribute or "")) if t not in named and t not in _ASKING}
    ending = bool(event & CHANGE_WORDS)  # "when did Keras stop being multi-backend?": only facts recording an end
    variant = [v for v in r.versions if not v[-1].isdigit()]  # "when did tf.keras first ship?": the variant's start
    if not event - CHANGE_WORDS and not variant:  # "when was Keras 3 released?" is the version's release date
        return None
    pool = [f for f in d.kb.corpus.facts if (not r.frameworks or f.framework in r.frameworks)
            and _DATED.search(f.statement) and (not ending or records_change(f))]
    # of facts saying as much: one giving a year, one recording the past ("-history"), one about the
    # framework named first ("which TensorFlow version made Keras 3 the default?")
    first = r.frameworks[0] if r.frameworks else None
    earliest = bool(_BEGINNING.search(r.text))  # "when did tf.keras first appear?": of equals, the earliest year
    scored = sorted(((-_score(d, event, f), not YEAR.search(f.statement), _year(f) if earliest else 0,
                      not f.id.endswith("-history"), f.framework != first, f.id, f) for f in pool), key=lambda t: t[:6])
    if not scored or -scored[0][0] < _ENOUGH or not (hits(d, event, scored[0][-1]) or variant):
        return None
    best = scored[0][-1]
    d.ev.fact(best)
    return d.finish(best.statement, limit=2)


_ABOUT_RELEASES = (None, "released", "version", "maintenance", "definition", "background")
_UPCOMING = re.compile(r"\b(?:next|upcoming|future|coming|new|another) (?:\w+ )?(?:release|version|update)s?\b"
                       r"|\bwhen (?:is|will|does) .{0,30}\b(?:release|come out|ship|update)")


def upcoming(ask: Ask) -> Answer | None:
    """"Next CNTK release date?": the facts announce no future release; for a framework no longer developed
    that means none is coming (its status says so), for a live one the newest release so far."""
    r = ask.reading
    if not r.frameworks or not _UPCOMING.search(r.text) or r.versions or r.attribute not in _ABOUT_RELEASES:
        return None
    d = Draft(ask, "attribute")
    said, ended = [], []
    for framework in r.frameworks:
        status = d.kb.facts_about(framework, "maintenance")[:1]
        dead = bool(status) and status[0].stance == "no"
        facts = status if dead else [f for f in d.kb.facts_about(framework, "version") if not f.id.endswith("-history")][:1]
        for fact in facts:
            d.ev.fact(fact)
            said.append(fact.statement)
        ended += [framework] if dead else []
    if not said:
        return None
    if len(ended) == len(r.frameworks):
        lead = ("No. " if r.yesno else "") + "The facts expect no new release: "
    else:
        lead = "I don't know: the facts announce no date for a future release. What they record: "
    return d.finish(lead + " ".join(said), limit=3)
