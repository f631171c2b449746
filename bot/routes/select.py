"""Selection over facts: "which one did Microsoft make?", "which runs on Android?", "which is the oldest?",
"which ones are still maintained?", "which was discontinued first?". The verdict is the frameworks whose
current fact matches (a value, a stance, the earliest or latest date)."""
from __future__ import annotations

import dataclasses
import re

from bot.answer import Answer
from bot.lexicon import find_phrase, stems
from bot.query import Reading
from bot.routes import recommend
from bot.routes.draft import Ask, Draft, names
from corpus import Fact
from corpus.facts import MONTHS
from index.analyzer import FRAMEWORKS

_EARLIEST = re.compile(r"\b(oldest|first|earliest|older|earlier|before|initially|longest|most ancient|ancient)\b")
_LATEST = re.compile(r"\b(newest|youngest|latest|last|most recent|newer|later|recent|recently)\b")
_WHICH = re.compile(r"\b(which|what|who)\b")
_WHO_MADE = re.compile(r"^\W*who (?:created|made|built|developed|invented|wrote|started|owns|maintains|makes) "
                       r"(?!(?:the|a|an) (?:one|framework|library)\b)(?:(?:the|a|an) )?([a-z][\w.+#-]*)")
_NOT_A_THING = frozenset("it them that this the a an".split())
_PICK = re.compile(r"\b(?:which|who|whose)\b|\bwhat (?:framework|frameworks|one|ones|library|libraries|tool|tools)\b"
                   r"|\bany(?:thing| one| framework| library| of (?:them|these|those|the \w+))\b")  # "anything from Meta?"


def asks_order(r: Reading) -> bool:
    """"Which came out last?", "which was discontinued first?": a selection by date, in scope even when it
    names no framework, since only the frameworks' facts are dated here."""
    return (r.attribute in ("released", "maintenance", "version") and bool(_WHICH.search(r.text))
            and bool(_EARLIEST.search(r.text) or _LATEST.search(r.text)))


def _primary(d: Draft, framework: str, attribute: str) -> Fact | None:
    current = [f for f in d.kb.facts_about(framework, attribute) if not f.id.endswith("-history")]
    return current[0] if current else None


def _say(when: tuple[int, int, int]) -> str:
    """(2026, 9, 2) as "2 September 2026"; a month or a year alone as just that."""
    year, month, day = when
    return " ".join(str(p) for p in (day or "", MONTHS[month - 1].title() if month else "", year) if p)


def _when(fact: Fact, attribute: str) -> tuple[int, int, int] | None:
    """When the fact's event happened: a latest version by its newest date, a release or an end by its first."""
    dates = fact.dates
    if not dates:
        return None
    return max(dates) if attribute == "version" else min(dates)


def _dated(d: Draft, candidates: list[str], attribute: str, ended: bool) -> dict[str, tuple[tuple[int, int, int], Fact]]:
    """Each framework's date on the attribute (for an end, only of those that ended), with the fact giving it."""
    dated = {}
    for framework in candidates:
        fact = _primary(d, framework, attribute)
        when = _when(fact, attribute) if fact and (not ended or fact.stance == "no") else None
        if when and fact:
            dated[framework] = (when, fact)
    return dated


def _by_date(d: Draft, candidates: list[str], attribute: str, ended: bool) -> Answer | None:
    """The earliest or latest: release dates, latest versions, or (for "discontinued first") when each ended."""
    text = d.r.text
    # "the most recent first release": the latest of the first releases
    latest = bool(_LATEST.search(text)) and not _EARLIEST.search(re.sub(r"\bfirst (?:release|version)\b", "", text))
    if not latest and not _EARLIEST.search(text):
        return None
    dated = _dated(d, candidates, attribute, ended)
    if len(dated) < 2 and not (ended and dated):
        return None
    pick = max if latest else min
    best = pick(when for when, _ in dated.values())
    winners = [f for f, (when, _) in dated.items() if when == best]
    for framework in winners + [f for f in dated if f not in winners]:
        d.ev.fact(dated[framework][1])
    if attribute == "version":
        what = "the most recent release" if latest else "the oldest latest release"
        lead = f"{names(winners)} {'has' if len(winners) == 1 else 'have'} {what} ({_say(best)}), according to the curated facts."
    else:
        lead = f"{names(winners)} {'ended' if ended else 'came'} {'last' if latest else 'first'} ({best[0]}), according to the curated facts."
    return d.finish(lead, " ".join(dated[f][1].statement for f in winners), verdict=winners, limit=4)


_BOUND = re.compile(r"\b(before|prior to|until|till|by|after|since|from)\s+((?:19|20)\d\d)\b")


def _by_year(d: Draft, candidates: list[str], attribute: str, ended: bool) -> Answer | None:
    """"Which stopped before 2020?", "which came out after 2016?": every framework whose date is on that side
    of the year (for an end, only those that ended)."""
    bound = _BOUND.search(d.r.text)
    if not bound:
        return None
    word, year = bound.group(1), int(bound.group(2))
    test = {"after": year.__lt__, "since": year.__le__, "from": year.__le__}.get(word, year.__gt__)
    dated = _dated(d, candidates, attribute, ended)
    winners = [f for f, (when, _) in dated.items() if test(when[0])]
    for framework in winners:
        d.ev.fact(dated[framework][1])
    if not winners:
        return d.finish(f"None of them, according to the curated facts ({bound.group(0)}).", verdict=(), limit=0)
    verb = "ended" if ended else "came out"
    said = "; ".join(f"{f} {dated[f][0][0]}" for f in winners)
    return d.finish(f"{names(winners)} {verb} {bound.group(0)}, according to the curated facts ({said}).",
                    " ".join(dated[f][1].statement for f in winners), verdict=winners, limit=len(winners))


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
    # the rest are named too, so the pick reads as a pick ("Theano and CNTK are not")
    rest = [f for f in candidates if f not in having and _primary(d, f, attribute)]
    other_state = "not" if want == "yes" else "still maintained"
    besides = f" {names(rest)} {'is' if len(rest) == 1 else 'are'} {other_state}." if rest else ""
    return d.finish(f"According to the curated facts, {names(having)} {verb} {status}.{besides}",
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
    found: dict[str, tuple[tuple[int, int], Fact]] = {}
    for framework in candidates:
        facts = [f for f in d.kb.facts_about(framework, attribute) if not f.id.endswith("-history")]
        facts = facts[:1] if attribute in d.kb.lexicon.primary_only else facts
        matched = [(_said(d, f), len(set(asked) & {s for v in f.values for s in stems(v)}), f) for f in facts]
        best = max(matched, key=lambda m: m[:2], default=(0, 0, None))
        if best[2] is not None and best[1]:
            found[framework] = (best[:2], best[2])  # type: ignore[assignment]
    most = max((n for n, _ in found.values()), default=(0, 0))
    having = [f for f, (n, _) in found.items() if n == most]  # "Google Brain": the one that says both words
    for framework in having:
        d.ev.fact(found[framework][1])
        for claim in d.kb.claims_about(attribute, framework):
            if set(asked) & set(stems(claim.quote)):
                d.ev.claim(claim)
    if not having:
        return _none_has(d, candidates, attribute, asked)
    verb = "does" if len(having) == 1 else "do"
    return d.finish(f"According to the curated facts, {names(having)} {verb}.",
                    " ".join(c.quote for c in d.ev.citations(3)), verdict=having, limit=3)


def _said(d: Draft, fact: Fact) -> int:
    """The length, in words, of the longest of the fact's values the question says whole ("Google Brain": 2)."""
    asked = d.r.tokens
    return max((len(v) for v in map(stems, fact.values) if find_phrase(asked, v)), default=0)


def _none_has(d: Draft, candidates: list[str], attribute: str, asked: list[str]) -> Answer:
    """No framework has the value today: say so, with the facts that mention it ("Lua was Torch's language")."""
    mention = [f for c in candidates for f in d.kb.facts_about(c, attribute)
               if set(asked) & set(stems(f.statement)) and not f.id.endswith("-history")]
    if not mention:
        return d.not_covered(f"a framework with that {d.label(attribute)}")
    for fact in mention[:2]:
        d.ev.fact(fact)
    # "which one is written in Lua?": the article's chart says so of PyTorch, and the facts show it wrong
    said = [(ref.split(":", 2)[2], f.status) for f in mention[:2] if f.status for ref in f.corrects
            if ref.startswith("chart:") and set(asked) & set(stems(d.kb.corpus.article.chart.rows[ref.split(":", 2)[1]][ref.split(":", 2)[2]]))]
    dated = "".join(f" The article's chart gives it for {who}, but that is {status}." for who, status in said[:1])
    return d.finish(f"None of them, according to the curated facts.{dated}", " ".join(f.statement for f in mention[:2]), limit=3)


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
    """A "which of them…" question answered from the facts ("is anything here from Microsoft?" gets a yes or
    no first); declines questions about one framework, and attributes the article ranks (comparisons)."""
    anything = ask.reading.yesno and bool(_ANY.search(ask.reading.text))
    found = _pick(ask, anything)
    if found is None or not anything:
        return found
    if not found.verdict:  # "is any of them from Amazon?": no framework's fact has it
        text = found.text if found.text.startswith("None of them") else "None of them, according to the curated facts."
        return dataclasses.replace(found, text="No. " + text)
    return dataclasses.replace(found, text="Yes. " + found.text)


_ANY = re.compile(r"\bany(?:thing| of (?:them|these|those|the \w+)| one| framework| library)\b")


def _pick(ask: Ask, anything: bool) -> Answer | None:
    r = ask.reading
    if len(r.frameworks) == 1 or r.attribute == "definition" or (r.yesno and not anything) or (
            r.parts and r.attribute in ("version", "released")):
        return None  # "in which TF version did tf.keras first ship?" asks of the part, not for a pick
    if not (_PICK.search(r.text) or r.superlative or asks_order(r)):
        return None  # "what do you see as the future of…?" picks nothing
    thing = _WHO_MADE.match(r.text)
    if thing and thing.group(1) not in _NOT_A_THING:
        return None  # "who created ONNX?" asks about ONNX, not which framework made something
    d = Draft(ask, "attribute")
    candidates = list(r.frameworks) or list(FRAMEWORKS)
    attribute = r.attribute
    if attribute in (None, "background") and recommend.is_open_choice(r):
        return None  # "which framework should our team standardise on?" names no value, however "team" reads
    if attribute in (None, "background"):  # "which of them came from the Google Brain team?": a value names it
        attribute, named = _attribute_naming(d, set())
        return which_have(d, candidates, attribute) if named else None
    numbered = any(v[0].isdigit() for v in r.versions)  # "whose last release was 2.7?": the one whose facts say 2.7
    found = which_have(d, candidates, "version") if numbered and attribute in ("released", "version", "maintenance") else None
    if found is not None:
        return found
    if attribute in ("released", "version"):
        return (_by_year(d, candidates, attribute, ended=False) or _by_date(d, candidates, attribute, ended=False)
                or which_have(d, candidates, attribute))
    if attribute == "maintenance":
        return (_by_year(d, candidates, attribute, ended=True) or _by_date(d, candidates, attribute, ended=True)
                or _by_stance(d, candidates, attribute))
    if attribute in d.kb.lexicon.generic and not d.kb.lexicon.ordered(attribute):
        return which_have(d, candidates, attribute)
    # a value no attribute's cue words include ("C#"; not "API" or "simplest", which ask how they rank)
    other, named = _attribute_naming(d, {c.lower() for c in candidates} | d.kb.lexicon.words)
    if named and other != attribute and r.attribute_score < 6 and "which" in r.text.split():  # "…has a C# API?"
        return which_have(d, candidates, other)
    values = d.kb.lexicon.values.get(attribute, frozenset()) - d.kb.lexicon.generic.get(attribute, frozenset())
    valued = [t for t in r.terms if t in values and t not in {c.lower() for c in candidates}]
    ranked_in_chart = attribute in d.kb.rows  # "which is higher level?" asks the chart's ranking
    if valued and _CAN.search(r.text) and not _BEST.search(r.text) and not ranked_in_chart and len(r.frameworks) < 2 and "which" in r.text.split() and (
            _few_have(d, candidates, attribute, valued)):
        return which_have(d, candidates, attribute)  # "which lets you run models in the browser?": not a ranking
    return None


# "which one lets you…/runs…?" asks what each can do; "which one for an Android app?" asks for a pick
_CAN = re.compile(r"\b(?:lets?|allows?|can|runs?|supports?|has|have|works?|offers?|provides?|ships?)\b")
_BEST = re.compile(r"\b(?:best|most|least|worst|top|better|worse|\w{3,}est)\b")


def _few_have(d: Draft, candidates: list[str], attribute: str, words: list[str]) -> bool:
    """Whether only one or two of the frameworks have a current fact on the attribute naming these words."""
    having = [f for f in candidates if any(set(words) & {s for v in x.values for s in stems(v)}
                                           for x in d.kb.facts_about(f, attribute) if not x.id.endswith("-history"))]
    return 1 <= len(having) <= 2
    return None


def order_yesno(ask: Ask) -> Answer | None:
    """"Theano came out before TensorFlow, didn't it?", "is JAX older than TensorFlow?": yes or no from the two
    release dates, the first named being the one asked about."""
    r = ask.reading
    latest = bool(_LATEST.search(r.text) or re.search(r"\b(?:after|younger)\b", r.text))
    if not r.yesno or r.attribute != "released" or len(r.frameworks) != 2 or not (latest or _EARLIEST.search(r.text)):
        return None
    d = Draft(ask, "compare")
    dated = {f: (when, fact) for f in r.frameworks if (fact := _primary(d, f, "released")) and (when := _when(fact, "released"))}
    if len(dated) < 2:
        return None
    subject, other = r.frameworks
    if dated[subject][0] == dated[other][0]:
        return None
    holds = (dated[subject][0] > dated[other][0]) == latest
    for framework in r.frameworks:
        d.ev.fact(dated[framework][1])
    first = min(r.frameworks, key=lambda f: dated[f][0])
    return d.finish(f"{'Yes' if holds else 'No'}: {subject} came out in {dated[subject][0][0]}, {other} in "
                    f"{dated[other][0][0]}.", " ".join(dated[f][1].statement for f in r.frameworks),
                    verdict=(first,) if not latest else (max(r.frameworks, key=lambda f: dated[f][0]),), limit=2)
