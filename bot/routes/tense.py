"""What a question asks of time: whether a thing was once so ("did Keras ever run on MXNet?"), whether it
still is when a fact records its end ("is TorchScript still the way?"), and what changed since the article."""
from __future__ import annotations

import re
from collections.abc import Sequence

from bot.lexicon import find_phrase, stems
from bot.routes.draft import Draft
from bot.routes.matching import asked_words, fact_words, hits
from corpus import Fact

ENDED = re.compile(r"\b(deprecated|archived|discontinued|removed|retired|end of life|no longer (?:actively )?"
                    r"(?:maintained|developed|supported|recommended))\b")

# "is TorchScript the recommended way?": asks whether it is today's choice, which a recorded end denies
ENDORSED = re.compile(r"\b(recommended|preferred|the (?:\w+ )?way|way to go|go-to|standard|best practice|"
                      r"should (?:i|we) (?:still )?use|still)\b")
_CHANGE = re.compile(r"\b(no longer|last (?:release|version)|lost|removed|deprecated|dropped|archived|ended|"
                     r"discontinued|after (?:tf |tensorflow |version )?\d|from \d+\.\d+ on|since \d)")
_A_YEAR = re.compile(r"^(19|20)\d\d$")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "dropped GPU support?": words that ask about a change; they say that something changed, not what
DROPPED = frozenset(stems("drop dropped dropping removed remove lost stopped"))
CHANGE_WORDS = DROPPED | frozenset(stems("deprecated ended end stop discontinued archived abandoned killed"))


def records_change(fact: Fact) -> bool:
    """Whether the fact records an end or a loss ("no longer", "deprecated", "last version", "dropped")."""
    return bool(_CHANGE.search(fact.statement) or ENDED.search(fact.statement))


def what_changed(d: Draft, framework: str, shown: Sequence[Fact]) -> Fact | None:
    """For a question about the present: the framework's fact, on any attribute, that records a change
    touching the question's words ("still support GPUs?": native Windows lost GPU support after 2.10)."""
    values = set(d.asked_values(d.r.attribute, framework)) if d.r.attribute else set()  # "dropped GPU support?": gpu
    asked = {t for t in asked_words(d, framework) | values  # "in 2026" says when, "dropped" that it changed: not what
             if not _A_YEAR.match(t) and t not in CHANGE_WORDS}
    found = [(hits(d, asked, f), f.id, f) for (fw, _), group in d.kb.facts.items() if fw == framework
             for f in group if f not in shown and _CHANGE.search(f.statement) and hits(d, asked, f)]
    return max(found, key=lambda t: (t[0], t[1]))[2] if found else None


_PAST_ASKED = re.compile(r"^(?:was|were|did|had)\b|\b(?:ever|used to|originally|back then|in the past|at first|initially|once|had|"
                         r"was|were)\b")


def past_fact(d: Draft, framework: str, attribute: str) -> Fact | None:
    """For "did Keras ever run on MXNet?": the framework's past-only fact that names the asked value."""
    if not _PAST_ASKED.search(d.r.text):
        return None
    asked = set(d.asked_values(attribute, framework))
    found = next((f for f in d.kb.facts_about(framework, attribute) if f.id.endswith("-history")
                  and asked & {t for v in f.values for t in stems(v)}), None)
    if found:
        return found
    words = set(d.r.terms) - {framework.lower()} - d.kb.lexicon.generic.get(attribute, frozenset())
    return next((f for (fw, _), group in sorted(d.kb.facts.items()) if fw == framework for f in group  # "an MXNet fork"
                 if f.id.endswith("-history") and len(words & {t for v in f.values for t in stems(v)}) >= 1
                 and words & set(d.kb.lexicon.named)), None)


def still_ended(d: Draft, fact: Fact) -> bool | None:
    """For "is TorchScript still the way?" ("is it dead now?"): the answer when the fact records that the
    thing was deprecated, removed or archived (no, or yes to the dead sense); None when it records no end."""
    if not d.r.now or not ENDED.search(fact.statement):
        return None
    dead = d.kb.lexicon.negatives.get("maintenance", ())
    return d.r.polarity < 0 or any(find_phrase(d.r.tokens, phrase) for phrase in dead)


def ended_fact(d: Draft, framework: str, facts: Sequence[Fact]) -> Fact | None:
    """The first fact, or a later one on what the question names ("Is PyTorch Mobile still supported?"), that
    records an end for a present-tense question."""
    named = (set(d.r.terms) - {framework.lower()}) | {t for p in d.r.parts for t in stems(p)}
    # a past end a current fact took back ("multi-backend Keras ended in 2.4": Keras 3 is multi-backend again) is history
    about = [f for f in list(facts[:1]) + [f for f in facts[1:] if named & fact_words(f)] if not f.id.endswith("-history")]
    return next((f for f in about if still_ended(d, f) is not None), None)
