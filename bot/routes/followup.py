"""Follow-ups that are about the previous answer itself: "is that still true?" re-checks it against the
current facts and says what changed; "why?" gives the reasons behind it, not the same answer again."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.query import read
from bot.routes import compare
from bot.routes.draft import Ask, Draft, names, q
from bot.routes.tense import YEAR
from index.analyzer import FRAMEWORKS

RECHECK = re.compile(
    r"\b(still (?:true|the case|valid|accurate|correct|right|so|hold|holds|current)|is (?:that|this|it) (?:true|right|"
    r"correct|accurate|current|up to date|outdated|dated)|(?:has|did) (?:that|this|it|anything) changed?|"
    r"true (?:today|now|in 20\d\d)|up to date|outdated|out of date|same today|today as well|still like that)\b"
    r"|^(?:and |but |so )?still\W*$")
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
        lead = (f"No, not any more: that came from the article, and the current facts correct it on "
                f"{d.label(attribute)}.")
        named = compare.what_is_named(d, frameworks, attribute)  # "a model server like TF Serving?": TorchServe's fate
        for fact in named:
            d.ev.fact(fact)
        body = " ".join(f.statement for f in changed[:3] + named)
        return d.finish(lead, f"{body} (The article said {said}.)" if said else body, limit=3 + len(named))
    lead = f"Yes, as far as the current facts go: nothing in them contradicts the article on {d.label(attribute)}."
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
    # facts the last answer did not already give: "when did Microsoft stop CNTK?" "why?" gets what it pointed to
    said = set(ask.context.cited)
    fresh = [x for f in frameworks for a in dict.fromkeys((attribute, "maintenance", "successor"))
             for x in d.kb.facts_about(f, a) if f"fact/{x.id}" not in said and not x.id.endswith("-history")
             and (a == attribute or any(m.stance == "no" for m in d.kb.facts_about(f, "maintenance")[:1]))]  # an end explains itself
    # one per framework first: "which are discontinued?" "why?" explains each of them
    place = {x.id: sum(1 for y in fresh[:i] if y.framework == x.framework) for i, x in enumerate(fresh)}
    fresh.sort(key=lambda x: place[x.id])
    facts = fresh[:max(2, len(frameworks))] or [x for f in frameworks for x in d.kb.facts_about(f, attribute)[:1]]
    for fact in facts:
        d.ev.fact(fact)
    if not explaining and not facts:
        return None
    parts = []
    if explaining:
        parts.append("The article's reasons: " + " ".join(q(c.quote) + "." for c in explaining))
    if facts:
        parts.append("What the current facts add: " + " ".join(f.statement for f in facts))
    return d.finish(" ".join(parts), limit=2 + len(facts))


_WHEN = re.compile(r"^(?:and |so |ok |okay |but )?(?:when|since when|what year|which year|what date|in what year)"
                   r"(?: (?:was|did) (?:that|this|it)(?: happen)?| exactly)?\W*$")
# what happens at a date: an end, a merge, a move, a replacement, a default changed
_DATED = frozenset({"maintenance", "integration", "successor", "compile", "deployment", "mobile", "backends", "version",
                    "execution", "platforms", "hardware"})


def when(ask: Ask) -> Answer | None:
    """"and when?": the date of what the last answer said, from the first cited fact that gives one."""
    if ask.context is None or not _WHEN.match(ask.own.text) or ask.context.reading.attribute not in _DATED:
        return None  # "which one did Facebook make?" "and when?": when it came out, the released route's
    facts = [ask.kb.fact_by_id[c.removeprefix("fact/")] for c in ask.context.cited if c.startswith("fact/")]
    named = {p.lower() for p in ask.context.reading.parts}  # "what replaced PyTorch Mobile?": when it ended
    facts += [f for f in ask.kb.corpus.facts if named and named & {v.lower() for v in f.values}]
    dated = next((f for f in facts if YEAR.search(f.statement)), None)
    if dated is None:
        return None
    d = Draft(ask, "attribute", ask.context.reading)
    d.ev.fact(dated)
    return d.finish(dated.statement, limit=1)


_NOW_AGAIN = re.compile(r"^(?:and |so |ok |okay |but )?(?:what about |how about |and )?(?:now|today|these days|nowadays|"
                        r"currently|in 20\d\d)\W*$")


def now_again(ask: Ask) -> Answer | None:
    """"and now?" after a question about the past: the same question about today."""
    if ask.context is None or ask.part is None or not _NOW_AGAIN.match(ask.own.text):
        return None
    before = ask.context.reading
    frameworks = before.frameworks or ask.context.verdict
    if before.attribute in _OPEN or not frameworks:
        return None
    again = read(f"{' vs '.join(frameworks)} {ask.kb.lexicon.labels[before.attribute]} today?", ask.kb.lexicon)
    if again.attribute != before.attribute:
        return None
    return ask.part(ask, again)


_ARTICLE_SAYS = re.compile(r"\b(?:what|how) (?:does|did|do) (?:the |that |your )?(?:article|chart|post|blog)\b"
                           r"|\b(?:and|but|what about|how about) (?:the |that )?(?:article|chart)(?:'s (?:view|take))?\W*$"
                           r"|\baccording to (?:the |that )?(?:article|chart)\W*$")


def article_view(ask: Ask) -> Answer | None:
    """"and what does the article say?": the article's own words on the last question (its chart cell and
    sentences), with a note where the current facts correct them."""
    if ask.context is None or not _ARTICLE_SAYS.search(ask.own.text) or ask.own.frameworks or ask.own.attribute:
        return None
    before = ask.context.reading
    attribute = before.attribute if before.attribute not in _OPEN else "definition"
    d = Draft(ask, ask.context.route, before)
    frameworks = list(before.frameworks or ask.context.verdict)
    row = d.kb.rows.get(attribute)
    cells = [f for f in frameworks if row and f in row.cells]
    for f in cells:
        d.ev.cell(row, f)
    claims = [c for c in d.kb.claims_about(attribute) if not frameworks or set(frameworks) & set(c.frameworks)][:2]
    for claim in claims:
        d.ev.claim(claim)
    if not cells and not claims:
        return d.finish(f"The article says nothing on {d.label(attribute)} of {names(frameworks) or 'them'}.", confidence=0.5)
    said = []
    if cells and row:
        said.append(f"The article's chart ({row.label}): " + "; ".join(f"{f} {q(row.cells[f])}" for f in cells) + ".")
    if claims:
        said.append("The article says: " + " ".join(q(c.quote) + "." for c in claims))
    return d.finish(" ".join(said), limit=len(cells) + len(claims))
