"""One framework's attribute: its value from the current facts ("What is JAX written in?"), or its rating as
the article gives it ("Is TensorFlow hard to debug?"), with a yes or no first when the question asks for one.
A question about the present ("still", "today") leads with the current fact; the article's view comes second."""
from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer
from bot.lexicon import find_phrase, stems
from bot.query import RUNS_ON_WHAT, SWITCH_BACKEND
from bot.routes.draft import NOT_SETTLED, POSSIBLE, Ask, Draft, q
from bot.routes.matching import FRAMEWORK_WORDS, WHICH, asked_words, best_facts, denied, fact_words, hits, related_facts
from bot.routes.parts import part_facts
from bot.routes.tense import DROPPED, ENDED, ENDORSED, ended_fact, past_fact, still_ended, what_changed
from corpus import Claim, Fact
from index.analyzer import FRAMEWORKS
from index.analyzer import words as analyze_words

_OPEN = (None, "definition", "background")


_OPINION = re.compile(r"\b(good|bad|great|nice|decent|solid|poor|terrible|awful|excellent|any good)\b")
_YEAR_ASKED = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
_STILL_CALLED = re.compile(r"\bstill (?:called|named|known as)\b")
_RENAMED = re.compile(r"\b(?:now called|renamed|is now|formerly)\b")
_JOINT = re.compile(r"\b(?:jointly|together with|co-?developed|co-?created|contributions from|along with|in collaboration)\b")
_ALONE = re.compile(r"\b(?:alone|only|solely|single-handedly|by (?:itself|themselves)|on (?:its|their) own)\b")
_RELEVANT = re.compile(r"\b(?:relevant|relevance|worth|future|dying|dead|obsolete|taken over|take over|still used|happened|"
                       r"anyone (?:still )?(?:use|using)|going anywhere|a thing)\b")
_NEEDS = re.compile(r"\b(?:need|needs|require|requires|required|necessary|must have|have to have|mandatory)\b")




def _named_values(d: Draft, fact: Fact, framework: str) -> tuple[str, ...]:
    """For "which frameworks can Keras use as a backend?": the frameworks the fact names as its values."""
    if d.r.yesno or not WHICH.search(d.r.text):
        return ()
    values = {v.lower() for v in fact.values}
    return tuple(f for f in FRAMEWORKS if f.lower() in values and f != framework)


_NEGATED = re.compile(r"\b(not|no|never|none|without|cannot|can't|isn't|doesn't|no longer)\b", re.I)


def _says_all(d: Draft, fact: Fact, asked: set[str]) -> bool:
    """Whether the fact, unnegated, says every asked word or one meaning the same ("Is TensorFlow.js usable
    in the browser?")."""
    words = fact_words(fact)
    return (bool(asked) and all(d.kb.lexicon.widen({t}) & words for t in asked)
            and not _NEGATED.search(fact.statement))


_WAY = re.compile(r"^(?:is|are) there (?:a |an |any )?(?:\w+ )?(?:way|option|means|method)s? (?:to|of)\b")
_AND_LIST = re.compile(r"^(?!.*\bor\b).*(?:\band\b|,)")  # values listed with "and", none with "or"


def decide(d: Draft, framework: str, attribute: str, facts: Sequence[Fact], claims: Sequence[Claim],
           related: bool = False) -> tuple[bool | None, str]:
    """Yes or no for a yes/no question on one framework (None when the data does not settle it), and its
    basis: "value" when a named value was looked up in the current facts ("Is PyTorch written in Lua?"),
    "fact" or "article" when it rests on whether that source affirms the attribute. Facts found on another
    attribute (`related`) settle it only by saying every asked word."""
    current = [f for f in facts if not f.id.endswith("-history")]
    positive = d.r.polarity > 0
    generic = d.kb.lexicon.generic.get(attribute, frozenset())
    distinctive = set(d.r.terms) - generic - {framework.lower()} - {t for p in d.r.parts for t in stems(p)}
    asked_year = _YEAR_ASKED.search(d.r.text)
    if asked_year and not d.r.now and facts:  # "merged into TensorFlow in 2019?": the year is what is asked
        headline = _YEAR_ASKED.search(facts[0].value)  # "First release … 2009 (in use since 2007)": 2009
        if headline:
            return asked_year.group() == headline.group(), "fact"
    if positive and _ALONE.search(d.r.text) and facts:  # "built by Facebook alone?": not if the fact names others too
        asked = set(d.asked_values(attribute, framework))
        named = fact_words(facts[0])
        if asked and d.kb.lexicon.widen(asked) & named and _JOINT.search(facts[0].statement):
            return False, "value"
    if past_fact(d, framework, attribute):
        return True, "fact"  # it was so once, whatever today's facts say
    if POSSIBLE.match(d.r.text) and current and current[0].statement.startswith("To ") and positive:
        return True, "fact"  # "is it possible to keep Keras 2 with TF 2.16?": the fact says how
    if attribute == "maintenance" and re.match(r"(?:will|is \w+ going to|are \w+ going to)\b", d.r.text):
        return None, "fact"  # "will Google drop TensorFlow?": the facts record today, not the future
    ender = ended_fact(d, framework, current)
    if ender is not None:
        return bool(still_ended(d, ender)), "fact"
    if attribute == "hardware" and _NEEDS.search(d.r.text) and current and "cpu" in {
            t for f in current for v in f.values for t in stems(v)} and "cpu" not in d.r.terms:
        return not positive, "value"  # "do I need a GPU for TensorFlow?": no, it runs on CPUs too
    if d.r.parts or related:  # not the framework's own attribute: settled only by a fact saying it all
        if _OPINION.search(d.r.text):
            return None, "value"  # "is Theano's documentation good?": a fact that mentions it does not judge it
        if positive and (_STILL_CALLED.search(d.r.text) or d.r.now) and current and _RENAMED.search(current[0].statement):
            return False, "renamed"  # "is TF Lite still called that / still the thing to use?": it is now LiteRT
        status = d.kb.facts_about(framework, "maintenance")[:1]
        if attribute == "maintenance" and status and status[0].stance == "no" and not any(ENDED.search(f.statement) for f in current):
            return not positive, "fact"  # "is BrainScript still maintained?": not when its framework is not
        dead = d.kb.lexicon.negatives.get("maintenance", ())
        if current and any(find_phrase(d.r.tokens, p) for p in dead):  # asked whether it is dead, not "isn't it"
            about_part = [f for f in current if any(set(stems(p)) - FRAMEWORK_WORDS <= fact_words(f) for p in d.r.parts)]
            if ENDED.search(current[0].statement) or any(ENDED.search(f.statement) for f in about_part):
                return True, "value"  # "is TorchServe dead?": the part's fact records its end
            if about_part and about_part[0] is current[0]:
                return False, "value"  # "is TensorFlow Serving dead?": its current fact records no end
        said = {m.lower() for m in ENDED.findall(d.r.text)}
        if positive and not said and current and ENDORSED.search(d.r.text) and ENDED.search(current[0].statement):
            return False, "value"  # "is TorchScript the recommended way?": it is deprecated
        if said and current and any(w in current[0].statement.lower() for w in said):
            return True, "value"  # "TorchScript is deprecated in recent releases?": the fact says deprecated
        if positive and _WAY.match(d.r.text) and current and d.r.parts and not _NEGATED.search(current[0].statement) and all(
                set(stems(p)) <= fact_words(current[0]) for p in d.r.parts):
            return True, "fact"  # "is there a simple way to use MPS on an M1?": the fact on MPS says how
        asked = set(d.asked_values(attribute, framework)) or distinctive
        return (True, "value") if current and _says_all(d, current[0], asked) else (None, "value")
    own = d.kb.facts_about(framework, attribute)
    primary = own[0] if own and own[0].primary else None
    stated = current[0] if current and current[0].stance else primary if primary and primary.stance else None
    negated = {t for phrase in d.kb.lexicon.negatives.get(attribute, ()) for t in phrase}  # "dying" is no value
    named = set(d.asked_values(attribute, framework)) - negated if attribute in d.kb.lexicon.generic else set()
    every = len(named) > 1 and bool(_AND_LIST.search(d.r.text))  # "supports TensorFlow, Theano and CNTK?": all three
    said = {t for v in stated.values for t in stems(v)} if stated else set()
    if stated and named and not (all if every else any)(d.kb.lexicon.widen({t}) & said for t in named):
        stated = None  # "does TF still need Flask or Django?": the values asked settle it, not the fact's stance
    if stated:  # the fact says outright ("Is CNTK a Keras backend?": not any more)
        return stated.stance == "both" or (stated.stance == "yes") == positive, "fact"
    if attribute in d.kb.lexicon.generic:
        negated = {t for phrase in d.kb.lexicon.negatives.get(attribute, ()) for t in phrase}
        asked = [t for t in d.asked_values(attribute, framework) if t not in negated]  # "closed source" is no value
        own = {t for f in current for v in f.values for t in stems(v)}
        if asked and own:
            if current and denied(current[0].statement, list(d.kb.lexicon.widen(set(asked))), today=not d.r.versions):
                return not positive, "value"  # "does TF work on my Mac GPU?": "no official macOS GPU support"
            every = len(asked) > 1 and bool(_AND_LIST.search(d.r.text))
            return (all if every else any)(d.kb.lexicon.widen({t}) & own for t in asked) == positive, "value"  # "lacks GPUs?" flips
        if current and positive and _says_all(d, current[0], distinctive):
            return True, "fact"
        if current and not positive and not asked and current[0].values and d.kb.lexicon.negatives.get(attribute):
            return False, "value"  # "is there a licence fee for JAX?": its fact gives the licence, Apache 2.0
    row = d.kb.rows.get(attribute)
    stance = row.stance.get(framework) if row else None
    if stance is None:
        votes = [c.stance[framework] for c in claims if framework in c.stance]
        if votes and votes.count("yes") != votes.count("no"):
            stance = "yes" if votes.count("yes") > votes.count("no") else "no"
    if stance is None:
        return None, "article"
    return stance == "both" or (stance == "yes") == positive, "article"


def answer(ask: Ask) -> Answer | None:
    """The attribute of the one framework asked about; declines a question with no attribute or framework."""
    r = ask.reading
    if not r.frameworks or r.attribute in _OPEN:
        return None
    d = Draft(ask, "attribute")
    attribute = r.attribute
    # "Is TensorFlow necessary for Keras?": of two named, the one the attribute's facts are about
    framework = max(r.frameworks, key=lambda f: (len(d.kb.facts_about(f, attribute or "")), -r.frameworks.index(f)))
    switching = attribute == "backends" and SWITCH_BACKEND.search(r.text)
    if switching:
        framework = "Keras"  # "changed the backend to torch but it still says tensorflow": backends are Keras's
    assert attribute is not None
    label = d.label(attribute)
    sibling = d.kb.facts_about(framework, d.kb.lexicon.see_also.get(attribute, ""))  # "PyTorch GPU on a Mac": MPS
    facts = part_facts(d, framework) or best_facts(d, [*d.kb.facts_about(framework, attribute), *sibling], framework)
    if switching:  # the fact on choosing the backend leads, whatever else the question names
        facts = sorted(facts, key=lambda f: (f.id.endswith("-history"), not ({"choos", "select"} & fact_words(f))))
    once = past_fact(d, framework, attribute) or (ended_fact(d, framework, facts) if r.yesno else None)
    if once:  # the fact that settles it leads: a past one for "ever…?", one recording an end for "still…?"
        facts = [once] + [f for f in facts if f is not once]
    if attribute == "successor" and r.parts and facts and facts[0].attribute != "maintenance":
        # "what replaced TorchServe?": today's way on the part's own attribute, then what became of the part
        today = [f for f in d.kb.facts_about(framework, facts[0].attribute) if not f.id.endswith("-history")][:1]
        facts = today + [f for f in facts if f not in today]
    # The question's own content, beyond the words that name the attribute ("run on top of" for backends):
    # a fact filed under another attribute that clearly says more of it leads ("last version with native
    # Windows GPU support" is under platforms).
    content = asked_words(d, framework) - {t for name in (attribute, "background") for phrase, _ in d.kb.lexicon.cues.get(name, ())
                                      for t in phrase}  # nor "machine learning", which every framework is about
    elsewhere = related_facts(d, framework)
    if facts and content and elsewhere and elsewhere[0] not in facts and attribute != "successor":
        here, there = hits(d, content, facts[0]), hits(d, content, elsewhere[0])
        if there >= max(here + 4, 4) and r.yesno and elsewhere[0].attribute != attribute:
            # "Can Keras still use MXNet as a backend?" is about backends, settled by today's backend facts
            attribute, label = elsewhere[0].attribute, d.label(elsewhere[0].attribute)
            own = best_facts(d, d.kb.facts_about(framework, attribute), framework)
            facts = own + [elsewhere[0]] if elsewhere[0].id.endswith("-history") else [elsewhere[0], *own]
        elif there >= max(here + 4, 4):
            facts = [elsewhere[0], *facts]
    row = d.kb.rows.get(attribute)
    cell = row.cells.get(framework) if row else None
    # Worth quoting first: passages about this framework, then those with the asked words or the values.
    asked = set(r.terms) - {framework.lower()}
    vocab = d.vocabulary(attribute) - {framework.lower()}
    claims = sorted(d.kb.claims_about(attribute, framework),
                    key=lambda c: (c.frameworks[:1] != (framework,), -len(asked & set(stems(c.quote))),
                                   -len(vocab & set(stems(c.quote)))))
    if r.parts:  # the article never names a framework's parts: only a sentence that does is worth quoting
        claims = [c for c in claims if set(r.parts) & set(analyze_words(c.quote))]
    related = not facts and not claims and cell is None
    if related:
        facts = related_facts(d, framework)[:2]
        if not facts:
            return d.not_covered(f"{framework}'s {label}")
    decided, basis = decide(d, framework, attribute, facts, claims, related) if r.yesno else (None, "")
    primary = next((f for f in facts if f.primary and (f.framework, f.attribute) == (framework, attribute)), None)
    if basis == "value" and decided is False and primary and facts and not set(d.asked_values(attribute, framework)) & {
            t for v in facts[0].values for t in stems(v)}:
        facts = [primary] + [f for f in facts if f is not primary]  # "made by Google?" No: who did make it leads
    corrected = [f for f in facts if f.status and basis == "article"]
    if decided is not None and r.now and corrected and _says_all(d, corrected[0], set(r.terms) - {framework.lower()}):
        decided, basis = r.polarity > 0, "fact"  # "is Keras still multi-backend?": the current fact says just that
    elif decided is not None and r.now and corrected:
        decided, basis = not decided, "now"  # the article's rating is flagged as dated: today it is the reverse
    if decided is not None:  # quote first what agrees with the answer
        agrees = "yes" if decided == (r.polarity > 0) else "no"
        claims = sorted(claims, key=lambda c: c.stance.get(framework, agrees) != agrees)
    valued = attribute in d.kb.lexicon.generic
    fact_first = basis in ("value", "fact", "now", "renamed") or (not r.yesno and (valued or r.now))
    if fact_first and facts:
        d.ev.fact(facts[0])
    if cell is not None and row is not None:
        d.ev.cell(row, framework)
    for claim in claims[:2]:
        d.ev.claim(claim)
    for fact in facts[:1 if fact_first else 2]:
        d.ev.fact(fact)
    article = []
    if cell is not None and row is not None:
        article.append(f"The article's chart gives {framework}'s {row.label} as {q(cell)}.")
    if claims:
        article.append(f"The article says: {q(claims[0].quote)}.")
    noted = {fact.id for _, fact in d.ev.corrected}
    current = [facts[0].statement] if facts and (fact_first or facts[0].id not in noted) else []
    status = d.kb.facts_about(framework, "maintenance")[:1] if attribute in ("successor", "maintenance") else ()
    for fact in [f for f in status if f.stance == "no" and f not in facts[:1]]:
        d.ev.fact(fact)  # "Theano is dead; any alternative?": why it has a successor comes with it
        current.append(fact.statement)
    also, extra = [a for a in [d.kb.lexicon.see_also.get(attribute)] if a], 0
    if attribute == "backends" and RUNS_ON_WHAT.search(r.text):
        also = ["platforms", "hardware"]  # "what does Keras run on?": its backends, and then systems and chips
    if also and not r.yesno and not r.parts and not d.asked_values(attribute, framework) and not (
            set(r.tokens) & d.kb.lexicon.generic.get(attribute, frozenset())):  # "which OS…?" names its attribute
        for fact in [f for a in also for f in d.kb.facts_about(framework, a)[:1]]:  # "what does JAX run on?": systems and chips both
            if fact not in facts[:1]:
                extra += 1
                d.ev.fact(fact)
                current.append(fact.statement)
    if r.parts and facts and ENDED.search(facts[0].statement) and attribute != "successor":
        today = [f for f in d.kb.facts_about(framework, facts[0].attribute)
                 if f.primary and f not in facts[:1]]
        for fact in today:  # "can I still ship with TorchServe?": no, and what the way is today
            d.ev.fact(fact)
            current.append(fact.statement)
    if attribute == "maintenance" and facts and facts[0].stance != "no" and _RELEVANT.search(r.text):
        for fact in ([f for f in facts[1:] if f.attribute == "maintenance" and not f.id.endswith("-history")]
                     + list(d.kb.facts_about(framework, "popularity")[:1]))[:1]:  # else how widely it is used
            d.ev.fact(fact)  # "is TensorFlow still relevant?": being maintained is half of it; where it stands, the rest
            current.append(fact.statement)
    ended_status = d.kb.facts_about(framework, "maintenance")[:1]
    if attribute == "developer" and r.now and ended_status and ended_status[0].stance == "no":
        for fact in [ended_status[0], *d.kb.facts_about(framework, "successor")[:1]]:
            d.ev.fact(fact)  # "who maintains Theano now?": nobody; the fork that carries it on
            current.append(fact.statement)
    if attribute == "maintenance" and facts and facts[0].stance == "no":
        for fact in d.kb.facts_about(framework, "successor")[:1]:
            d.ev.fact(fact)  # "Theano is going away": what carries it on comes with it
            current.append(fact.statement)
    change = what_changed(d, framework, facts[:1]) if r.now or DROPPED & set(r.tokens) else None
    if change:  # "does it still…?": a change the facts record elsewhere is part of the answer
        d.ev.fact(change)
        # "can TF still use my GPU on native Windows?": the change says no to the value or ends what it names
        ended = decided and r.polarity > 0 and (denied(change.statement, d.asked_values(attribute, framework))
                                                 or len(asked_words(d, framework) & fact_words(change)) >= 2)
        current.insert(0, change.statement) if ended else current.append(change.statement)
        if ended:  # "can TF still use my GPU on native Windows?": the change ended it
            decided, basis = False, "ended"
    if basis == "value" and decided and r.now and r.polarity > 0 and facts and facts[0].status and any(
            d.kb.lexicon.widen(set(d.asked_values(attribute, framework))) & set(stems(said)) for said in facts[0].corrects):
        decided, basis = False, "ended"  # "still owned by Facebook?": the value is the one the article gave
    if not r.yesno:
        lead = ""
    elif decided is None:
        lead = NOT_SETTLED + " "
    elif basis == "ended":
        lead = "No, not any more. "
    elif basis == "renamed":
        lead = "No, not under that name. "
    elif basis == "now":
        lead = ("Yes, today" if decided else "No, not today") + " (the article's view is dated). "
    else:
        lead = ("Yes" if decided else "No") + (", according to the article. " if basis == "article" else ". ")
    verdict = _named_values(d, facts[0], framework) if facts else ()
    if fact_first:
        return d.finish(lead + " ".join(current), " ".join(article), verdict=verdict, limit=(3 if valued else 4) + extra)
    return d.finish(lead + " ".join(article[:1]), " ".join(article[1:] + current), limit=4)
