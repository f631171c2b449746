"""Recommendations: which framework for a situation ("best for production?"), whether to use one ("should I
use Theano?"), a discontinued framework against a live one, and the article's advice for a truly open
"which should I use?" (which names the situations it distinguishes and asks the user to pick one)."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.query import Reading
from bot.rank import rank
from bot.routes.compare import ranked
from bot.routes.draft import Ask, Draft, names
from bot.routes.overview import section_claims, situations

_OPEN = (None, "definition", "background")
_CHOICE = re.compile(r"\b(better|best|top|should|choose|choice|pick|use|learn|worth|new project|go with|start|switch|which|"
                     r"recommend\w*|suggest\w*|advice|help me|standardi[sz]e on|settle on|adopt|bet on|commit to|go for)\b")
# A choice of one's own: "should I…", "which do we pick", "recommend me…".
_MINE = re.compile(r"\b(should|i|i'm|im|we|me|my|our|us|you recommend|recommend|better|pick|choose|learn)\b")
# "Is Theano any good?", "is JAX worth it?": a judgement of one framework as a whole, which is a recommendation.
JUDGEMENT = re.compile(r"\b(any good|good|worth|recommended|viable|a good (?:choice|idea|pick|option)|ok to (?:use|pick|choose)|fine to (?:use|pick)|"
                       r"usable|decent|solid|must|have to|need to use|required to use|"
                       r"should (?:i|we|you) (?:still )?(?:build|use|pick|start|go with|bet on|adopt|invest in|learn|choose))\b")
# situations where the frameworks' own tools changed since the article: today's way comes with its pick
_NOW_MATTERS = frozenset({"mobile", "deployment", "platforms", "hardware"})
SITUATIONS = ("beginner", "industry", "prototyping", "research", "deployment", "datasets")
# What a truly open "which should I use?" is made of; any other content word asks something specific.
_OPEN_WORDS = frozenset(stems(
    "which what who should would could i we you me my our use using pick choose choosing chose select decide "
    "decision learn learning start starting begin framework frameworks library libraries tool tools one ones "
    "best better good great top right recommend recommendation recommended suggest suggestion advice help pls please "
    "go with get into deep learning dl ml machine ai artificial intelligence neural network networks today now 2026 new project "
    "projects worth it overall general generally option options choice choices between among them these those "
    "three six all any of the for to do does is are a an be in on with and or thanks hey hi so just want "
    "wanna need think guys folks team us work job career next yet first standardize standardise settle adopt bet "
    "commit go for company org organisation organization stack u ya pls plz someone anyone can could "
    "lol haha ok okay hmm um uh idk tbh honestly really actually then now confused constraint constraints "
    "requirement requirements preference preferences idea clue sure unsure undecided greenfield scratch fresh no"))


def _status(d: Draft, framework: str):
    status = d.kb.facts_about(framework, "maintenance")
    return status[0] if status else None


_INSTEAD = re.compile(r"^(?:should|shall|would|do you recommend|is it better)\b.*\b(?:instead of|over|rather than)\b")


def maintained_only(ask: Ask) -> Answer | None:
    """A choice between frameworks, some discontinued: for new work, the ones still maintained."""
    r = ask.reading
    if len(r.frameworks) < 2 or r.attribute not in _OPEN + ("maintenance", "ease") + SITUATIONS:
        return None  # "CNTK or Keras for a beginner?": a discontinued one is no choice, whatever the situation
    instead = bool(_INSTEAD.search(r.text)) and len(r.frameworks) == 2
    if r.yesno and not instead:
        return None  # "is Theano easier to use than PyTorch?", "Keras 3 can still use Theano, right?" ask whether
    if ask.route != "recommend" and not _CHOICE.search(r.text):
        return None  # "compare Theano with TensorFlow" asks for a comparison, not a choice
    d = Draft(ask, "attribute" if r.attribute == "maintenance" else "recommend")  # "which is still developed?" selects
    dead = [f for f in r.frameworks if (s := _status(d, f)) and s.stance == "no"]
    live = [f for f in r.frameworks if f not in dead]
    if not dead or not live:
        return None
    if r.yesno:  # "should I use PyTorch instead of CNTK?": yes when the first is the live one
        d.ev.fact(_status(d, dead[0]))
        return d.finish(f"{'Yes' if r.frameworks[0] in live else 'No'}: {names(live)} is still developed and "
                        f"{names(dead)} is not. {_status(d, dead[0]).statement}", verdict=live, limit=3)
    for claim in section_claims(d, r.frameworks)[:2]:
        d.ev.claim(claim)
    for f in dead:
        d.ev.fact(_status(d, f))
    verb = "is" if len(dead) == 1 else "are"
    lead = (f"{names(live)} {'is' if len(live) == 1 else 'are'} still developed; {names(dead)} {verb} not."
            if r.attribute == "maintenance" else  # "which of the two is still maintained?"
            f"{names(live, 'or')}: {names(dead)} {verb} no longer developed, so not a choice for new work.")
    return d.finish(lead,
                    " ".join(_status(d, f).statement for f in dead), verdict=live, limit=3)


def _about_one(r: Reading, dead: bool) -> bool:
    """"Should I learn X?", "is X still worth it?": a choice about X as a whole. A situation read only from
    "learn"/"use" counts as none; a named situation ("should a beginner start with X?") is a ranking,
    unless X is discontinued, which settles every situation."""
    if r.attribute in _OPEN + ("maintenance",):
        return True
    return r.attribute in SITUATIONS and (dead or (r.attribute == "beginner" and r.attribute_score < 3))


def recommend_one(ask: Ask) -> Answer | None:
    """"Should I use Theano?": no if it is no longer maintained (and what replaced it); else yes, with its
    status today and what the article recommends it for."""
    r = ask.reading
    if len(r.frameworks) != 1 or not asks_choice(r):
        return None  # "is Keras a deep-learning library?" asks what it is, not whether to use it
    d = Draft(ask, "recommend")
    framework = r.frameworks[0]
    status = _status(d, framework)
    dead = bool(status and status.stance == "no")
    if not _about_one(r, dead):
        return None
    if dead:
        d.ev.fact(status)
        successor = d.kb.facts_about(framework, "successor")[:1]
        for fact in successor:
            d.ev.fact(fact)
        return d.finish(f"No. {status.statement}", " ".join(f.statement for f in successor), limit=3)
    today = [f for f in d.kb.facts_about(framework, "maintenance") if not f.id.endswith("-history")][:2]
    for fact in today:  # today's status is the answer, so it is cited first
        d.ev.fact(fact)
    uses = []
    for name in SITUATIONS:
        ranking = rank(d.kb, name)
        if ranking and not ranking.tie and framework in ranking.winners(1):
            d.cite_ranking(ranking, (framework,))
            uses.append(d.kb.lexicon.phrasing[name]["most"])
    if not uses and not today:
        return None
    lead = ("Yes, it is a live choice. " if r.yesno and today else "") + " ".join(f.statement for f in today)
    article = f"According to the article, {framework} is {names(uses)}." if uses else ""
    for fact in d.kb.facts_about(framework, "definition")[:1] if not uses else ():
        d.ev.fact(fact)  # "when to use JAX?": the article recommends it for nothing, so what it is built for
        article = f"What it is built for: {fact.statement}"
    first = rank(d.kb, "beginner")
    if r.attribute == "beginner" and first and not first.tie and framework not in first.winners(1):
        d.cite_ranking(first, first.winners(1))
        article += f" For a first framework, the article suggests {names(first.winners(1))}."
    return d.finish(lead, article.strip(), verdict=(framework,) if uses else ())


def choice_between(ask: Ask) -> Answer | None:
    """"Should I learn PyTorch or TensorFlow?" with no situation named (or only "learn"): the situations the
    article tells apart for these frameworks, and an invitation to say which is yours; no verdict."""
    r = ask.reading
    weak = r.attribute in _OPEN or (r.attribute == "beginner" and r.attribute_score < 3)
    if len(r.frameworks) < 2 or not weak or r.yesno or not _CHOICE.search(r.text) or not _MINE.search(r.text):
        return None  # "Does OpenAI use TensorFlow or PyTorch?" asks about someone else's choice
    d = Draft(ask, "recommend")
    best: dict[str, list[str]] = {}
    for name in SITUATIONS:
        ranking = rank(d.kb, name, r.frameworks)
        if ranking and not ranking.tie:
            winners = ranking.winners(1)
            d.cite_ranking(ranking, winners)
            best.setdefault(names(winners), []).append(d.label(name))
    if len(best) < 2:
        return None  # one of them wins everywhere: a ranking, not a choice of situations
    said = "; ".join(f"{who} for {names(what)}" for who, what in best.items())
    return d.finish(f"It depends on your situation. Of {names(r.frameworks)}, the article recommends {said}. "
                    "Which is yours? Tell me what you will use it for, and I will answer directly.", limit=5)


def situation(ask: Ask) -> Answer | None:
    """"Which is best for production?": a ranking on the situation's attribute."""
    r = ask.reading
    if r.attribute in _OPEN:
        return None
    return ranked(ask, r.frameworks if len(r.frameworks) >= 2 else None, today=r.attribute in _NOW_MATTERS)


def asks_choice(r: Reading) -> bool:
    """Whether the question asks to choose or judge ("should I use…", "is it worth…")."""
    return bool(_CHOICE.search(r.text) or JUDGEMENT.search(r.text))


def is_open_choice(r: Reading) -> bool:
    """Whether the question only asks which framework to choose, with nothing specific in it."""
    return (r.attribute in _OPEN and len(r.frameworks) <= 1 and bool(_CHOICE.search(r.text))
            and not set(r.terms) - _OPEN_WORDS - {f.lower() for f in r.frameworks})


def open_choice(ask: Ask) -> Answer | None:
    """A truly open "which should I use?": the situations the article tells apart, and an invitation to pick
    one. Declines a question that asks something specific the corpus has no word for."""
    r = ask.reading
    if not is_open_choice(r):
        return None
    d = Draft(ask)
    advice = situations(d)
    text = ("It depends on your situation, and the article tells a few apart: " + "; ".join(advice) + ". "
            "Which is yours? Ask, for example, “best for production?” or “best for a beginner?” for a direct answer.")
    return d.finish(text, limit=5)
