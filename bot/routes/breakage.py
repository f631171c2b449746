"""Reports of something broken by an upgrade ("Model works in TF 2.15 but can't be imported in 2.16!"): what
the facts say changed in the version named, and the way back if they give one."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes.draft import Ask, Draft
from bot.routes.matching import hits

_BROKEN = re.compile(r"\b(?:unable|can'?t|cannot|error|errors|fails?|failed|failing|broke|broken|break|breaks|not working|"
                     r"doesn'?t work|stopped working|no longer works?|not available|not found|missing|after upgrad\w*|"
                     r"after updat\w*|upgrad\w* to)\b")


def answer(ask: Ask) -> Answer | None:
    """The facts naming the newest version the report names, those sharing most of its words first; declines
    a report naming no version the facts know, and yes/no questions."""
    r = ask.reading
    if not r.versions or r.yesno or not _BROKEN.search(r.text) or len(r.frameworks) > 1:
        return None
    d = Draft(ask, "attribute", any_topic=True)
    newest = max(r.versions, key=lambda v: tuple(int(x) for x in re.findall(r"\d+", v)))
    about = [f for f in d.kb.corpus.facts if newest in f.values or any(v.endswith(f" {newest}") for v in f.values)]
    about = [f for f in about if not r.frameworks or f.framework in r.frameworks or r.frameworks[0] in f.statement]
    if not about:
        return None
    asked = set(r.terms)
    about.sort(key=lambda f: (-hits(d, asked, f), f.id.endswith("-history"), f.id))
    for fact in about[:3]:
        d.ev.fact(fact)
    return d.finish(f"What the facts record about {newest}: " + " ".join(f.statement for f in about[:3]), limit=3)
