"""Parts of a framework (TorchServe, torch.compile, PyTorch Mobile): the facts on the part a question names,
and several parts told apart by each one's own fact."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.routes.draft import Ask, Draft
from bot.routes.matching import FRAMEWORK_WORDS, fact_raw_stems, fact_words, overlap
from corpus import Fact


def parts_apart(ask: Ask) -> Answer | None:
    """"What's the difference between torch.export, TorchServe and ExecuTorch?": each part's own fact, for
    parts of one framework; declines a yes/no or a question naming fewer than two parts."""
    r = ask.reading
    if len(r.parts) < 2 or r.yesno or len(r.frameworks) != 1:
        return None
    d = Draft(ask, "attribute", any_topic=True)
    framework = r.frameworks[0]
    told: list[Fact] = []
    for part in d.r.parts:
        words = set(stems(part)) - FRAMEWORK_WORDS
        own = sorted((f for (fw, _), group in d.kb.facts.items() if fw == framework for f in group
                      if words & fact_raw_stems(f) and f not in told),
                     key=lambda f: (part not in " ".join(f.values).lower(), _position(part, f.statement),
                                    f.id.endswith("-history"), f.id))
        told += own[:1]
    both = told and all(set(stems(p)) - FRAMEWORK_WORDS <= fact_raw_stems(told[0]) for p in d.r.parts)
    if len(told) < 2 and not both:  # one fact telling them apart ("DDP is faster than DataParallel") will do
        return None
    for fact in told:
        d.ev.fact(fact)
    return d.finish(" ".join(dict.fromkeys(f.statement for f in told)), limit=len(told))


def _position(part: str, statement: str) -> int:
    """Where the statement names the part: at its start, it is about the part; a fact that never names it last."""
    at = statement.lower().find(part)
    return at if at >= 0 else len(statement) + 1


_RELEASED = re.compile(r"\b(?:released|first release|came out|introduced|launched|arrived)\b")


def part_facts(d: Draft, framework: str) -> list[Fact]:
    """Facts about the part of the framework the question names ("Is TorchScript deprecated?"), any
    attribute, those sharing most of the question's words first."""
    if not d.r.parts:
        return []
    named = {t for part in d.r.parts for t in stems(part)} - FRAMEWORK_WORDS  # "pytorch mobile": its "mobile"
    asked = set(d.r.terms) - {framework.lower()}  # "built" counts here: who built the part
    found = [f for (fw, _), group in d.kb.facts.items() if fw == framework for f in group if named & fact_words(f)]
    # then the facts that are about the part (it is one of their values, named early) over those mentioning it
    when = d.r.attribute == "released"  # "when did TorchServe come out?": the fact on its release leads
    return sorted(found, key=lambda f: (when and not _RELEASED.search(f.statement), -overlap(d, f, asked),
                                        not _among_values(d.r.parts, f),
                                        min(_position(p, f.statement) for p in d.r.parts), f.id))


def _among_values(parts: tuple[str, ...], fact: Fact) -> bool:
    values = " ".join(fact.values).lower()
    return any(part in values for part in parts)
