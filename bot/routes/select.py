"""Selection over facts: "which one did Microsoft make?", "which runs on Android?", "which is the oldest?",
"which ones are still maintained?", "which was discontinued first?". The verdict is the frameworks whose
current fact matches (a value, a stance, the earliest or latest date)."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.routes.draft import Ask, Draft, names
from corpus import Fact
from index.analyzer import FRAMEWORKS

_EARLIEST = re.compile(r"\b(oldest|first|earliest|older|earlier|before|initially)\b")
_LATEST = re.compile(r"\b(newest|youngest|latest|last|most recent|newer|later|recent)\b")
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_WHICH = re.compile(r"\b(which|what|who)\b")


def _primary(d: Draft, framework: str, attribute: str) -> Fact | None:
    current = [f for f in d.kb.facts_about(framework, attribute) if not f.id.endswith("-history")]
    return current[0] if current else None


def _year(fact: Fact) -> int | None:
    years = [int(y) for y in _YEAR.findall(fact.value)]
    return min(years) if years else None


def _by_date(d: Draft, candidates: list[str], attribute: str, ended: bool) -> Answer | None:
    """The earliest or latest: release dates, or (for "discontinued first") the year each one ended."""
    text = d.r.text
    latest = bool(_LATEST.search(text)) and not _EARLIEST.search(text)
    if not latest and not _EARLIEST.search(text):
        return None
    dated: dict[str, tuple[int, Fact]] = {}
    for framework in candidates:
        fact = _primary(d, framework, attribute)
        if fact and (not ended or fact.stance == "no") and _year(fact) is not None:
            dated[framework] = (_year(fact), fact)  # type: ignore[assignment]
    if len(dated) < 2 and not (ended and dated):
        return None
    pick = max if latest else min
    best = pick(year for year, _ in dated.values())
    winners = [f for f, (year, _) in dated.items() if year == best]
    for framework in winners + [f for f in dated if f not in winners]:
        d.ev.fact(dated[framework][1])
    what = ("ended" if ended else "came") + (" last" if latest else " first")
    lead = f"{names(winners)} {what} ({best}), according to the curated facts."
    return d.finish(lead, " ".join(dated[f][1].statement for f in winners), verdict=winners, limit=4)


def _by_stance(d: Draft, candidates: list[str], attribute: str) -> Answer | None:
    """"Which are still maintained?" (or, asked negatively, "which are dead?"): facts that take a stance."""
    want = "yes" if d.r.polarity > 0 else "no"
    having = []
    for framework in candidates:
        fact = _primary(d, framework, attribute)
        if fact and fact.stance in (want, "both"):
            having.append(framework)
            d.ev.fact(fact)
    if not having:
        return None
    verb = "is" if len(having) == 1 else "are"
    status = "still actively maintained" if want == "yes" else "no longer maintained"
    return d.finish(f"According to the curated facts, {names(having)} {verb} {status}.",
                    " ".join(c.quote for c in d.ev.citations(4)), verdict=having, limit=4)


def which_have(d: Draft, candidates: list[str], attribute: str) -> Answer | None:
    """"Which framework runs on Android?", "which one came out of Montréal?": the frameworks whose current
    facts have the asked value, on the asked attribute or else on the one attribute whose values name it."""
    names_ = {c.lower() for c in candidates} if attribute not in ("backends", "integration") else set()
    asked = [t for t in d.asked_values(attribute) if t not in names_]
    if not asked:
        attribute, asked = _attribute_naming(d, names_)
        if not asked:
            return None
    having = []
    for framework in candidates:
        facts = [f for f in d.kb.facts_about(framework, attribute) if not f.id.endswith("-history")]
        facts = facts[:1] if attribute in d.kb.lexicon.primary_only else facts
        fact = next((f for f in facts if set(asked) & {s for v in f.values for s in stems(v)}), None)
        if fact:
            having.append(framework)
            d.ev.fact(fact)
            for claim in d.kb.claims_about(attribute, framework):
                if set(asked) & set(stems(claim.quote)):
                    d.ev.claim(claim)
    if not having:
        return _none_has(d, candidates, attribute, asked)
    verb = "does" if len(having) == 1 else "do"
    return d.finish(f"According to the curated facts, {names(having)} {verb}.",
                    " ".join(c.quote for c in d.ev.citations(3)), verdict=having, limit=3)


def _none_has(d: Draft, candidates: list[str], attribute: str, asked: list[str]) -> Answer:
    """No framework has the value today: say so, with the facts that mention it ("Lua was Torch's language")."""
    mention = [f for c in candidates for f in d.kb.facts_about(c, attribute)
               if set(asked) & set(stems(f.statement)) and not f.id.endswith("-history")]
    if not mention:
        return d.not_covered(f"a framework with that {d.label(attribute)}")
    for fact in mention[:2]:
        d.ev.fact(fact)
    return d.finish("None of them, according to the curated facts.", " ".join(f.statement for f in mention[:2]), limit=3)


def _attribute_naming(d: Draft, skip: set[str]) -> tuple[str, list[str]]:
    """The valued attribute whose values name most of the question's words ("montreal": developer)."""
    best, words = "", []
    for attribute, values in d.kb.lexicon.values.items():
        if attribute not in d.kb.lexicon.generic:
            continue
        found = [t for t in d.r.terms if t in values and t not in skip and t not in d.kb.lexicon.generic[attribute]]
        if len(found) > len(words):
            best, words = attribute, found
    return best, words


def answer(ask: Ask) -> Answer | None:
    """A "which of them…" question answered from the facts; declines questions about one framework,
    and attributes the article ranks (those are comparisons)."""
    r = ask.reading
    if len(r.frameworks) == 1 or r.attribute in (None, "definition", "background") or r.yesno:
        return None
    if not (_WHICH.search(r.text) or r.superlative):
        return None
    d = Draft(ask, "attribute")
    candidates = list(r.frameworks) or list(FRAMEWORKS)
    attribute = r.attribute
    if attribute == "released":
        return _by_date(d, candidates, attribute, ended=False) or which_have(d, candidates, attribute)
    if attribute == "maintenance":
        return _by_date(d, candidates, attribute, ended=True) or _by_stance(d, candidates, attribute)
    if attribute in d.kb.lexicon.generic and not d.kb.lexicon.ordered(attribute):
        return which_have(d, candidates, attribute)
    return None
