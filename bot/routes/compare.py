"""Comparisons on one attribute: a verdict from data with an order (the chart's ranks, the article's ranked
or judged claims, facts with a stance), or a plain "not ranked" with what each framework's facts say."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bot.answer import Answer
from bot.rank import Ranking, rank
from bot.routes.matching import FRAMEWORK_WORDS, asked_words, best_facts, fact_words, hits, phrases
from bot.routes.draft import MAX_STATED_CORRECTIONS, Ask, Draft, clause, names
from index.analyzer import FRAMEWORKS

_OPEN = (None, "definition", "background")


_EVERY = re.compile(r"\b(?:all|both|each|every)\b")
_THAN = re.compile(r"\b(?:than|vs\.?|versus|compared?|more|less|better|worse|as \w+ as)\b")


def ranked(ask: Ask, frameworks: Sequence[str] | None = None, route: str | None = None, today: bool = False) -> Answer:
    """The frameworks the question favours on its attribute, and the data behind the order; with `today`,
    what each live framework's current fact on the attribute says comes after the verdict."""
    d = Draft(ask, route)
    r = d.r
    attribute, polarity = r.attribute, r.polarity
    assert attribute is not None
    ranking = rank(d.kb, attribute, frameworks)
    fallback = d.kb.lexicon.fallback.get(attribute)
    if ranking is None and fallback and rank(d.kb, fallback, frameworks):
        # "TensorFlow or Keras for a beginner?": the article ranks them on ease of use, not as first frameworks
        instead = ranked(dataclasses.replace(ask, reading=r.with_context(attribute=fallback)), frameworks, route)
        said = f"The article does not rank {names(frameworks or ())} for {d.label(attribute)}; it does on {d.label(fallback)}: "
        return dataclasses.replace(instead, text=said + instead.text[0].lower() + instead.text[1:])
    if ranking is None:
        return unranked(d, frameworks or (), attribute)
    winners = ranking.tie and tuple(ranking.scores) or ranking.winners(polarity)
    source = "the article" if ranking.row or ranking.claims else "the curated facts"
    lead = f"According to {source}, {ordering(d, ranking, polarity)}."
    if r.yesno and r.frameworks:
        subject = r.subject if r.subject in r.frameworks else r.frameworks[0]
        stances = {ranking.row.stance.get(f) for f in ranking.scores} if ranking.row else set()
        if ranking.tie and len(stances) == 1 and stances <= {"yes", "no"} and not _THAN.search(r.text):  # "does X have it, and Y?"
            every = "both" if len(ranking.scores) == 2 else "all of them"
            lead = (f"Yes, {every}. " if (stances == {"yes"}) == (polarity > 0) else
                    f"No, {'neither' if len(ranking.scores) == 2 else 'none of them'}. ") + lead
        elif _EVERY.search(r.text) and not ranking.tie:  # "are all three fast?": not if one of them is behind
            behind = [f for f in ranking.scores if f not in winners]
            lead = (f"No, not {names(behind)}. " if polarity > 0 else f"No, not {names(winners)}. ") + lead
        else:  # "is PyTorch as fast as TensorFlow?" is a yes to a tie
            even = ranking.tie and bool(re.search(r"\bas \w+ as\b", r.text))
            lead = ("Yes. " if even or (subject in winners and not ranking.tie) else "No. ") + lead
    support = d.cite_ranking(ranking, winners)
    if today:  # "which framework for my phone app?": the article's pick, then each one's way today
        order = [*winners, *(f for f in (frameworks or FRAMEWORKS) if f not in winners)]
        current = [fs[0] for f in order if (fs := _current(d, f, attribute))]
        for fact in current[:3]:
            d.ev.fact(fact)
        lead += " Today: " + " ".join(f.statement for f in current[:3]) if current else ""
    stated = {fact.id for _, fact in d.ev.corrected[:MAX_STATED_CORRECTIONS]}
    room = MAX_STATED_CORRECTIONS - len(stated)
    for fact in _superseding(d, list(ranking.scores), attribute, stated)[:max(room, 0)]:
        d.ev.fact(fact)  # "PyTorch offers no such framework" was never cited, but the ranking rests on it
        lead += f" The article is {fact.status} here: {clause(fact.statement)}"
    for fact in what_is_named(d, list(ranking.scores), attribute):
        d.ev.fact(fact)  # "does PyTorch have a model server like TF Serving?": what became of TorchServe
        lead += f" {fact.statement}"
    return d.finish(lead, support, verdict=winners)


def what_is_named(d: Draft, frameworks: Sequence[str], attribute: str) -> list:
    """Up to two facts on the attribute that speak to more of the question's own words or phrases than the
    framework's primary fact does ("a model server" finds TorchServe's), the current one first."""
    found = []
    for f in frameworks:
        asked = asked_words(d, f) - d.kb.lexicon.generic.get(attribute, frozenset())
        facts = d.kb.facts_about(f, attribute)
        fit = {x.id: (hits(d, asked, x), phrases(d, x)) for x in facts}
        primary = fit[facts[0].id] if facts and facts[0].primary else (0, 0)
        found += [(-fit[x.id][0], -fit[x.id][1], x.id.endswith("-history"), x.id, x) for x in facts[1:]
                  if fit[x.id] > primary and fit[x.id][0] >= 2 and not d.ev.has(f"fact/{x.id}")]
    return [x for *_, x in sorted(found)[:2]]


def _current(d: Draft, framework: str, attribute: str) -> list:
    """The framework's primary current fact on the attribute, if the framework is still maintained."""
    status = d.kb.facts_about(framework, "maintenance")[:1]
    if status and status[0].stance == "no":
        return []
    return [x for x in d.kb.facts_about(framework, attribute) if x.primary]


def _superseding(d: Draft, frameworks: Sequence[str], attribute: str, stated: set[str]) -> list:
    """Each ranked framework's primary fact on the attribute, where it shows the article wrong or dated."""
    found = []
    for f in frameworks:
        own = d.kb.facts_about(f, attribute)[:1]
        found += [x for x in own if x.status and x.primary and x.id not in stated]
    return found


def ordering(d: Draft, ranking: Ranking, polarity: int) -> str:
    """The ranking in words: "A is faster than B", "A and B tie on speed", "A is the fastest of A, B and C"."""
    attribute = d.r.attribute or ""
    label, phrasing = d.label(attribute), d.kb.lexicon.phrasing.get(attribute, {})
    winners, everyone = ranking.winners(polarity), list(ranking.scores)
    verb = "is" if len(winners) == 1 else "are"
    if ranking.tie:
        return f"{names(everyone)} tie on {label}"
    if len(everyone) == 2:
        loser = next(f for f in everyone if f not in winners)
        return f"{names(winners)} {verb} {phrasing.get('more' if polarity > 0 else 'less', f'ahead on {label}')} than {loser}"
    word = phrasing.get("most" if polarity > 0 else "least", f"ahead on {label}")
    if d.route == "recommend" and not d.r.frameworks:
        return f"{names(winners)} {verb} {word}"
    return f"{names(winners)} {verb} {word} of {names(everyone)}" + (" (a tie)" if len(winners) > 1 else "")


def unranked(d: Draft, frameworks: Sequence[str], attribute: str) -> Answer:
    """No order in the data: say so plainly, and give what each framework's facts say, with no verdict."""
    label = d.label(attribute)
    said, chosen = [], {}
    for f in frameworks:  # the article's own sentence on each comes first among the sources, when it has one
        for claim in d.kb.claims_about(attribute, f)[:1] if not d.kb.lexicon.ordered(attribute) else ():
            d.ev.claim(claim)
    for f in frameworks:
        sibling = d.kb.facts_about(f, d.kb.lexicon.see_also.get(attribute, ""))
        facts = best_facts(d, [*d.kb.facts_about(f, attribute), *sibling], f)  # "…on my M2 Mac?": the Apple-silicon facts
        if facts:
            d.ev.fact(facts[0])
            said.append(facts[0].statement)
            chosen[f] = facts[0]
    if not said:
        return d.not_covered(f"how {names(frameworks) or 'the frameworks'} compare on {label}")
    if not d.kb.lexicon.ordered(attribute):
        return d.finish(_each_has(d, frameworks, attribute, chosen) + f"On {label}: " + " ".join(said), limit=4)
    # Never "No" for "not ranked": the data does not settle the question either way.
    prefix = "The corpus does not settle that. " if d.r.yesno else ""
    return d.finish(f"{prefix}The corpus does not rank {names(frameworks)} on {label}; here is what it says of each: "
                    + " ".join(said), confidence=min(d.ask.confidence, 0.5), limit=4)


def _each_has(d: Draft, frameworks: Sequence[str], attribute: str, chosen: dict) -> str:
    """For "TF and JAX are both from Google, aren't they?": Yes when every framework's fact names the asked
    value, No when none does, and which ones do otherwise; nothing for a question that is not yes/no."""
    asked = set(d.asked_values(attribute, frameworks[0])) - FRAMEWORK_WORDS if frameworks else set()
    if not d.r.yesno or not asked or len(chosen) < len(frameworks):
        return ""
    # who made it is the framework's own (primary) fact, not a board a company sits on
    own = {f: (d.kb.facts_about(f, attribute)[:1] or [chosen[f]])[0] if attribute in d.kb.lexicon.primary_only else chosen[f]
           for f in frameworks}
    having = [f for f in frameworks if d.kb.lexicon.widen(asked) & fact_words(own[f])]
    if len(having) == len(frameworks):
        return ("Yes, both. " if len(having) == 2 else "Yes, all of them. ") if d.r.polarity > 0 else "No. "
    if not having:
        return "No. " if d.r.polarity > 0 else "Yes. "
    return f"No, only {names(having)}. " if d.r.polarity > 0 else f"Only {names(having)}. "


def now_view(ask: Ask, frameworks: Sequence[str] | None) -> Answer | None:
    """A comparison asked about the present where the current facts correct the article: the facts lead
    (with a verdict only when their stances order the frameworks), and the article's dated view follows.
    "Is Keras still slower?" is answered "No": the article's judgement is what the facts correct."""
    d = Draft(ask, "compare")
    r, attribute = d.r, d.r.attribute
    assert attribute is not None
    facts = {f: fs[0] for f in (frameworks or FRAMEWORKS)
             if (fs := [x for x in d.kb.facts_about(f, attribute) if not x.id.endswith("-history")])}
    if not any(f.status for f in facts.values()):
        return None
    stances = {f: x.stance for f, x in facts.items() if x.stance in ("yes", "no")}
    want = "yes" if r.polarity > 0 else "no"
    verdict = [f for f, s in stances.items() if s == want] if len(set(stances.values())) > 1 else []
    leaders = [f for f, s in stances.items() if s == "yes"]
    if len(leaders) == 1 and len(facts) > 1 and d.kb.lexicon.ordered(attribute):
        # "most popular these days?": the one framework a record shows leading; "still behind?": the others
        verdict = leaders if r.polarity > 0 else [f for f in facts if f not in leaders] if r.yesno else verdict

    for fact in facts.values():
        d.ev.fact(fact)
    label = d.label(attribute)
    if r.yesno and verdict:  # "is PyTorch more popular than TensorFlow today?": the one the record shows leading
        subject = r.subject if r.subject in facts else next(iter(facts))
        lead = f"{'Yes' if subject in verdict else 'No'}, by the current facts."
    elif r.yesno:
        lead = "No, not any more, by the current facts."
    elif verdict:
        lead = f"Today, {names(verdict)}, by the current facts."
    else:
        lead = f"Today, the current facts do not rank {names(list(frameworks or facts))} on {label}; they say:"
    lead += " " + " ".join(x.statement for x in facts.values())
    for fact in what_is_named(d, list(facts), attribute):
        d.ev.fact(fact)  # "does PyTorch still lack a model server?": what became of TorchServe
        lead += f" {fact.statement}"
    ranking = rank(d.kb, attribute, frameworks)
    support = ""
    if ranking and not ranking.tie:
        support = f"The article's dated view: {ordering(d, ranking, r.polarity)}. " + d.cite_ranking(ranking, ranking.winners(r.polarity))
    return d.finish(lead, support, verdict=verdict, limit=7)


def answer(ask: Ask) -> Answer | None:
    """A comparison on an attribute; declines a question with no attribute (an overview's job)."""
    r = ask.reading
    if r.attribute in _OPEN:
        return None
    frameworks = r.frameworks if len(r.frameworks) >= 2 else None
    if r.attribute == "maintenance" and frameworks:
        return statuses(ask, frameworks)
    return (r.now and now_view(ask, frameworks)) or ranked(ask, frameworks)


def statuses(ask: Ask, frameworks: Sequence[str]) -> Answer:
    """"Status check on Theano, CNTK and JAX?": each one's maintenance status from the facts (no ranking: the
    facts say alive or not, not how alive); the verdict, for "which…", is the ones still maintained."""
    d = Draft(ask)
    said, live = [], []
    for f in frameworks:
        for fact in d.kb.facts_about(f, "maintenance")[:1]:
            d.ev.fact(fact)
            said.append(fact.statement)
            live += [f] if fact.stance == "yes" else []
    if not said:
        return unranked(d, frameworks, "maintenance")
    picks = d.r.superlative or "which" in d.r.text.split()
    lead = f"Still maintained: {names(live) if live else 'none of them'}." if picks or d.r.yesno else ""
    if d.r.yesno:  # "is Theano more actively maintained than PyTorch?": yes only if it lives and the others do not
        subject = d.r.subject if d.r.subject in frameworks else frameworks[0]
        others = [f for f in frameworks if f != subject]
        than = " than " in f" {d.r.text} "
        if _EVERY.search(d.r.text):  # "are all six still maintained?", "are both alive?": every one of them
            yes = len(live) == len(frameworks) if d.r.polarity > 0 else not live
        elif d.r.polarity > 0:
            yes = subject in live and not (than and any(o in live for o in others))
        else:  # "is CNTK deader than JAX?"
            yes = subject not in live and not (than and any(o not in live for o in others))
        lead = ("Yes. " if yes else "No. ") + lead
    return d.finish(f"{lead} {' '.join(said)}".strip(), verdict=live if picks else (), limit=len(said) + 1)


_LEADER = re.compile(r"\b(?:go-?to|go to|the best|the leader|king|the standard|the default|top choice|number one|"
                     r"dominant|the winner|the way to go|the most \w+)\b")


def leader_now(ask: Ask) -> Answer | None:
    """"Is TensorFlow still the go-to for deployment?": the article's ranking is dated, so the answer gives it
    and then each live framework's current fact on the attribute; it says no more than the data does."""
    r = ask.reading
    if not (r.yesno and r.now and len(r.frameworks) == 1 and r.attribute not in _OPEN and _LEADER.search(r.text)):
        return None
    d = Draft(ask, "attribute")
    attribute, framework = r.attribute, r.frameworks[0]
    ranking = rank(d.kb, attribute)
    order = [framework, *(f for f in FRAMEWORKS if f != framework)]
    current = [fs[0] for f in order if (fs := _current(d, f, attribute))]
    if ranking is None or len(current) < 2:
        return None
    winners = ranking.winners(1)
    article = f"The article ranks {names(winners)} first on {d.label(attribute)}"
    support = d.cite_ranking(ranking, winners)
    for fact in current[:3]:
        d.ev.fact(fact)
    leaders = [f.framework for f in current if f.stance == "yes"]
    if len(leaders) == 1:  # "is Keras still the most popular?": a record shows another one leading today
        lead = ("Yes" if leaders == [framework] else "No") + f", by the current facts. {article}, but that is dated."
    else:
        lead = ("No, not as the only choice any more. " if framework in winners else "No. ") + f"{article}, but that is dated."
    return d.finish(f"{lead} Today: " + " ".join(f.statement for f in current[:3]), support, limit=5)
