"""Reports of something broken ("Model works in TF 2.15 but can't be imported in 2.16!", "TensorFlow can't
detect my GPU"): what the facts say changed in the version named, or before it, or the limits they record
on what the report names, and the way back if they give one."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes.draft import Ask, Draft
from bot.routes.matching import fact_words, hits
from bot.routes.tense import records_change
from corpus import Fact

_BROKEN = re.compile(r"\b(?:unable|can'?t|cannot|error|errors|fails?|failed|failing|broke|broken|break|breaks|not working|"
                     r"doesn'?t work|stopped working|no longer works?|not available|not found|missing|after upgrad\w*|"
                     r"after updat\w*|upgrad\w* to|(?:can'?t|cannot|doesn'?t|does not|won'?t) (?:detect|see|find|use)|"
                     r"(?:uses?|using|runs?|running) only (?:the )?cpu|only (?:uses?|runs? on) (?:the )?cpu|not (?:detected|recogni[sz]ed|"
                     r"being used|used|utili[sz]ed))\b")
_LIMIT = re.compile(r"\b(?:no|not|lost|without)\b")


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version))


def _named_versions(fact: Fact) -> list[str]:
    return [m for m in re.findall(r"\b\d+\.\d+\b", fact.statement)]


def answer(ask: Ask) -> Answer | None:
    """The facts naming the newest version the report names (else the latest change recorded before it), or,
    for a report naming no version, the facts recording a change or a limit on what it names; declines
    yes/no questions and reports the facts say nothing about."""
    r = ask.reading
    numbered = [v for v in r.versions if re.fullmatch(r"\d+(?:\.\d+)+", v)]
    if r.yesno or not _BROKEN.search(r.text) or len(r.frameworks) > (2 if numbered else 1):
        return None  # "my Keras code fails on TF 2.16" reports one break across two frameworks
    d = Draft(ask, "attribute", any_topic=True)
    asked = set(r.terms)
    said_of = asked - set(r.versions)  # what the report says broke, beyond the version it names
    mine = [f for f in d.kb.corpus.facts if not r.frameworks or f.framework in r.frameworks or r.frameworks[0] in f.statement]
    if numbered:
        newest = max(numbered, key=_number)
        about = [f for f in mine if newest in f.values or any(v.endswith(f" {newest}") for v in f.values)]
        # "2.12 is not available", "2.16 can't use the GPU": the change recorded at or before it, in the same
        # line, on what the report names, counts as much as what the version itself changed
        before = [f for f in mine if f not in about and records_change(f) and any(
            _number(v)[:1] == _number(newest)[:1] and _number(v) <= _number(newest) for v in _named_versions(f))]
        best = max((hits(d, said_of, f) for f in about), default=0)
        about += [f for f in before if hits(d, asked, f) and (not about or hits(d, said_of, f) > best)]
        said = f"What the facts record about {newest}: "
    elif r.frameworks and not r.versions:
        values = {t for a in (r.attribute or "",) for t in d.asked_values(a, r.frameworks[0])} if r.attribute else set()
        wanted = values or asked - {r.frameworks[0].lower()}
        about = [f for f in mine if f.framework == r.frameworks[0] and not f.id.endswith("-history")
                 and (records_change(f) or _LIMIT.search(f.statement)) and d.kb.lexicon.widen(wanted) & fact_words(f)]
        said = f"What the facts record that can stop {r.frameworks[0]} here: "
    else:
        return None
    if not about:
        return None
    about.sort(key=lambda f: (-hits(d, said_of, f), not records_change(f), f.id.endswith("-history"), f.id))
    for fact in about[:3]:
        d.ev.fact(fact)
    return d.finish(said + " ".join(f.statement for f in about[:3]), limit=3)
