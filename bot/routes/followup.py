"""Follow-ups that are about the previous answer itself: "is that still true?" re-checks it against the
current facts and says what changed; "why?" gives the reasons behind it, not the same answer again."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes.draft import Ask, Draft, q
from index.analyzer import FRAMEWORKS

RECHECK = re.compile(
    r"\b(still (?:true|the case|valid|accurate|correct|right|so|hold|holds|current)|is (?:that|this|it) (?:true|right|"
    r"correct|accurate|current|up to date|outdated|dated)|(?:has|did) (?:that|this|it|anything) changed?|"
    r"true (?:today|now|in 20\d\d)|up to date|outdated|out of date|same today|today as well|still like that)\b")
_WHY = re.compile(r"^(?:but |and |so |ok |okay )?(why|how come|how so|what makes|what's the reason|what is the reason|"
                  r"reason|reasons|explain|because)\b")
_OPEN = (None, "definition", "background")


def recheck(ask: Ask) -> Answer | None:
    """The previous answer's subject against the current facts: what changed since the article, if anything."""
    if ask.context is None or not RECHECK.search(ask.own.text) or ask.own.frameworks:
        return None
    before = ask.context.reading
    attribute = before.attribute if before.attribute not in _OPEN else "definition"
    d = Draft(ask, "attribute" if len(before.frameworks) <= 1 else "compare", before)
    frameworks = list(before.frameworks) or list(FRAMEWORKS)
    facts = [fs[0] for f in frameworks if (fs := [x for x in d.kb.facts_about(f, attribute) if not x.id.endswith("-history")])]
    if not facts:
        return d.not_covered(f"how {d.label(attribute)} stands today")
    changed = [f for f in facts if f.status]
    for fact in changed or facts:
        d.ev.fact(fact)
    if changed:
        said = "; ".join(q(ref.split(":", 2)[-1] if ref.startswith("chart:") else ref) for f in changed for ref in f.corrects[:1])
        lead = (f"Not any more: that came from the article, and the current facts correct it on "
                f"{d.label(attribute)}.")
        body = " ".join(f.statement for f in changed[:3])
        return d.finish(lead, f"{body} (The article said {said}.)" if said else body, limit=3)
    lead = f"As far as the current facts go, yes: nothing in them contradicts the article on {d.label(attribute)}."
    return d.finish(lead, " ".join(f.statement for f in facts[:3]), limit=3)


def reasons(ask: Ask) -> Answer | None:
    """"why?": the sentences that explain the previous answer, and what the current facts add."""
    if ask.context is None or not _WHY.match(ask.own.text) or ask.own.frameworks or ask.own.attribute:
        return None
    before = ask.context.reading
    attribute = before.attribute if before.attribute not in _OPEN else "definition"
    d = Draft(ask, ask.context.route, before)
    frameworks = list(before.frameworks or ask.context.verdict)  # "which is most popular?" "why?": about the winner
    claims = [c for c in d.kb.claims_about(attribute) if not frameworks or set(frameworks) & set(c.frameworks)]
    # what ranked them first, then what names most of them
    explaining = sorted(claims, key=lambda c: (not c.rank, -len(set(frameworks) & set(c.frameworks)), -len(c.quote)))[:2]
    for claim in explaining:
        d.ev.claim(claim)
    facts = [x for f in frameworks for x in d.kb.facts_about(f, attribute)[:1]]
    for fact in facts[:2]:
        d.ev.fact(fact)
    if not explaining and not facts:
        return None
    parts = []
    if explaining:
        parts.append("The article's reasons: " + " ".join(q(c.quote) + "." for c in explaining))
    if facts:
        parts.append("What the current facts add: " + " ".join(f.statement for f in facts[:2]))
    return d.finish(" ".join(parts), limit=4)
