"""What the article gets wrong or has let go out of date ("what does the article get wrong about PyTorch?",
"is the article still accurate?"): every curated fact that corrects it, for the frameworks asked, each with
the article's words and today's fact, cited."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.routes import multipart, overview
from bot.routes.draft import Ask, Draft, clause, names, q
from index.analyzer import FRAMEWORKS

_ASKS = re.compile(
    r"\b(?:article|chart|blog|post|it)\b.{0,40}\b(?:wrong|outdated|out of date|dated|inaccurate|incorrect|mistakes?|"
    r"errors?|obsolete|stale|accurate|correct|up to date|still right|still valid|still true|get right)\b"
    r"|\b(?:wrong|outdated|out of date|inaccurate|incorrect|mistakes?|errors?|obsolete|stale)\b.{0,30}\b(?:article|chart)\b"
    r"|\b(?:what|anything) (?:has )?changed since the (?:article|chart)\b")
_MOST = 5
_STATUS = re.compile(r"\b(?:maintain\w*|develop\w*|dead|alive|status|abandon\w*|discontinu\w*)\b")


def answer(ask: Ask) -> Answer | None:
    """The article's corrections for the frameworks asked (all six when none is); declines other questions."""
    r = ask.reading
    if not _ASKS.search(r.text) or (r.yesno and r.attribute not in (None, "definition", "background") and r.frameworks):
        return None  # "is the article right that Keras is slow?" is about speed
    if not r.yesno and overview.CHART.search(r.text) and overview.wants_overview(r.text):
        return None  # "show me the whole chart but flag what's outdated": the chart, with its notes
    if ask.context is None and len(multipart.parts(ask)) > 1:
        return None  # "deployment + visualization, and is the article still right on both?": each part answers
    frameworks = r.frameworks or FRAMEWORKS
    d = Draft(ask, "attribute", any_topic=True)
    found = [f for f in d.kb.corpus.facts if f.framework in frameworks and f.status and f.corrects]
    # "…wrong about PyTorch's speed?" names a topic; "outdated" alone names none, though it cues maintenance
    topic = r.attribute if r.attribute != "maintenance" or _STATUS.search(r.text) else None
    found = [f for f in found if f.attribute == topic] or found
    if not found:
        return d.finish(f"The curated facts record nothing the article gets wrong about {names(frameworks)}.", limit=0)
    shown = sorted(found, key=lambda f: (f.status != "wrong", frameworks.index(f.framework)))[:_MOST]
    points = []
    for fact in shown:
        d.ev.fact(fact)
        ref = fact.corrects[0]
        said = (f"its chart gives {ref.split(':', 2)[2]}'s {ref.split(':', 2)[1]} as "
                f"{q(d.kb.corpus.article.chart.rows[ref.split(':', 2)[1]][ref.split(':', 2)[2]])}"
                if ref.startswith("chart:") else f"it says {q(ref)}")
        points.append(f"{fact.status.capitalize()}: {said}; today, {clause(fact.statement)}")
    more = f" ({len(found) - len(shown)} more; ask about one topic for them.)" if len(found) > len(shown) else ""
    lead = ("Not entirely. " if r.yesno else "") + (f"The curated facts correct the article on {len(found)} point{'s' if len(found) != 1 else ''} about "
            f"{names(frameworks)}.{more}")
    return d.finish(lead + " " + " ".join(points), limit=_MOST)
