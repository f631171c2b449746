"""What is not answered from the corpus: help, questions outside the domain, frameworks the corpus does
not cover (named plainly, never swapped for another), and follow-ups with nothing to follow."""
from __future__ import annotations

import dataclasses
import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.query import read
from bot.routes.draft import Ask, Draft, names
from bot.routes.matching import fact_words
from index.analyzer import FRAMEWORKS, find_uncovered
from corpus import Fact

HELP_TEXT = (
    "I answer questions about choosing a deep-learning framework (PyTorch, TensorFlow, Keras, Theano, JAX "
    "and CNTK) from a comparison article and curated, dated facts, and I quote and cite what I say. "
    "Try: “Which is faster, PyTorch or Keras?”, “Is TensorFlow hard to debug?”, "
    "“What should a beginner learn first?”, “Who developed JAX?”."
)
OUT_OF_SCOPE_TEXT = (
    "Sorry, that is outside what I know. I only answer questions about deep-learning frameworks "
    f"({', '.join(FRAMEWORKS)}): how they compare on speed, debugging, ease of use and "
    "more, their history and status, and which to choose for a situation."
)
# Requests to write code or to advise a purchase: not what the corpus can answer, framework or not.
NOT_OURS = re.compile(
    r"^(?:please |pls |(?:can|could|would) (?:you|u) )?(?:write|code|implement|generate)\b(?!.*\b(?:comparison|table|"
    r"summary|overview|list|chart|strategy|plan|migration|migrate|legacy|upgrade)\b)|^(?:please |pls |(?:can|could) (?:you|u) )?(?:build|create|make) (?:me |us )?(?:\w+ ){0,3}"
    r"(?:model|network|cnn|rnn|lstm|gan|transformer|classifier|script|program|app|function|layer)s?\b|"
    r"\b(?:give me|show me|send me|paste) (?:the |some )?(?:code|snippet|script)\b|"
    r"\b(?:buy|buying|purchase|purchasing|shopping for|laptops?|workstations?)\b|"
    r"\binstall(?:ing)? (?:the )?(?:cuda|nvidia|gpu|graphics) drivers?\b|"
    r"\b(?:fix|debug|solve) (?:a |an |my |this |the )?(?:\w+ ){0,4}(?:error|bug|exception|crash)\b|"
    r"\b(?:out of memory|oom error|memory leak|nan loss|loss is nan|segfault|segmentation fault)\b|"
    r"(?:^|\b(?:please|pls|can you|could you|would you|will you)\s+(?:please\s+)?)(?:reimplement|re-implement|rewrite|"
    r"port|convert|translate) (?:this|my|our|the|that|these) (?:\w+ ){0,2}(?:code|script|model|repo|repository|project|"
    r"notebook|program)s?\b")  # "please reimplement this code in PyTorch"; "how do I port my code?" is a question
_NOT_OURS_TEXT = (
    "Sorry, I can't help with that: I don't write or fix code, or give buying advice. I answer questions about choosing "
    f"between deep-learning frameworks ({', '.join(FRAMEWORKS)}), from a comparison article and curated facts."
)
_CHOICE_OR_COMPARISON = re.compile(r"\b(or|vs\.?|versus|compare[ds]?|comparison|better|best|than|instead of|switch|"
                                   r"same|identical|related|relationship|difference|different|differ)\b")
# A follow-up that only makes sense after something: "why?", "is that still true?", "what replaced it?".
_DANGLING = re.compile(r"^(why|how come|how so|really|and|what about|how about|is that|is it still|still true|"
                       r"what replaced it|compare it|what about it|same for)\b|\b(it|that|this|them|they)\b")


def _dangling(ask: Ask) -> Answer | None:
    """A follow-up at the start of a chat ("and when?" after :reset): a question about what it refers to."""
    r = ask.reading
    if ask.context is None and r.tokens and _DANGLING.search(r.text) and not r.frameworks and len(r.tokens) <= 8:
        text = ("There is nothing earlier in this chat for that to refer to. What do you mean? Ask the whole "
                "question, for example “Is Keras still slow?” or “What replaced Theano?”.")
        return Answer(text=text, route="help", confidence=round(ask.confidence, 3))
    return None


def help(ask: Ask) -> Answer:
    """The help text, or a question about what a follow-up with nothing before it refers to."""
    return _dangling(ask) or Answer(text=HELP_TEXT, route="help", confidence=round(ask.confidence, 3))


def out_of_scope(ask: Ask) -> Answer:
    opener = re.match(r"(?:and|why|how come|what about|how about|is that|still)\b", ask.reading.text)
    if opener and (dangling := _dangling(ask)) and not NOT_OURS.search(ask.reading.text):
        return dangling  # "and when?" with nothing before it; "what is it like in Paris?" stays out of scope
    text = _NOT_OURS_TEXT if NOT_OURS.search(ask.reading.text) else OUT_OF_SCOPE_TEXT
    return Answer(text=text, route="out_of_scope", confidence=round(ask.confidence, 3))


_AUX = r"(?:is|are|was|were|does|do|did|can|could|will|would|has|have|should)"


def _known_part(ask: Ask, unknown: list[str]) -> tuple[Answer, bool] | None:
    """The question asked again without the frameworks the corpus does not cover, when it asks something of
    the covered ones (an attribute) and the corpus answers it, and whether the uncovered one was its subject
    ("Does KServe support PyTorch serving?": then what the corpus says of PyTorch's serving, no yes or no)."""
    if ask.part is None:
        return None
    names_ = "|".join(rf"(?:apache )?{re.escape(n)}" for n in unknown)
    sentences = [x for x in re.split(r"(?<=[.?!])\s+", ask.own.text) if x.strip()]
    asked = next((x for x in reversed(sentences) if x.rstrip().endswith("?")), sentences[-1] if sentences else "")
    subject = bool(re.match(rf"\W*(?:(?:how|why|what|when|where) )?{_AUX} (?:the )?(?:{names_})(?![\w])", asked, re.I))
    rest = re.sub(rf"(?<![\w.])(?:{names_})(?![\w])", "", ask.own.text, flags=re.I)
    reading = read(" ".join(rest.split()), ask.kb.lexicon)
    if not reading.frameworks or reading.attribute in (None, "definition", "background") or (
            len(reading.frameworks) < 2 and _CHOICE_OR_COMPARISON.search(ask.own.text)):
        return None  # "chainer or keras?": one side of a comparison is no answer
    answered = ask.part(ask, reading.with_context(yesno=False) if subject else reading)
    if answered.route in ("help", "out_of_scope") or answered.text.startswith(("I don't know", "It depends")):
        return None
    return answered, subject


_COMPARE_ASKED = re.compile(r"\b(?:compare|comparison|vs\.?|versus|differences?|differ)\b")


def _said_of_known(ask: Ask, known: str, unknown: str) -> bool:
    """Whether a question naming both is about the covered framework: it comes first ("Keras used to run on
    MXNet?"), or a fact about it says every other word asked ("Amazon had an MXNet fork of Keras?")."""
    text = ask.reading.text.lower()
    if text.find(known.lower()) < text.find(unknown.lower()):
        return True
    lexicon = ask.kb.lexicon
    domain = lexicon.named | set().union(*lexicon.values.values())
    asked = {t for t in ask.reading.terms if t in domain} - set(stems(f"{known} {unknown}"))
    return bool(asked) and any(all(lexicon.widen({t}) & fact_words(f) for t in asked)
                               for f in _mentions(ask, [unknown], [known]) if f.framework == known)


def _mentions(ask: Ask, unknown: list[str], known: list[str]) -> list[Fact]:
    """Facts about covered frameworks that name the uncovered ones ("Caffe2 was merged into PyTorch"), those
    about a framework asked first ("what about Flax?" after JAX: JAX's fact)."""
    found = [f for f in ask.kb.corpus.facts if any(set(stems(n)) <= {t for v in f.values for t in stems(v)} for n in unknown)]
    return sorted(found, key=lambda f: f.framework not in known)


def uncovered(ask: Ask) -> Answer | None:
    """A question naming a framework the corpus does not cover: say so, naming it, with no verdict."""
    unknown = find_uncovered(ask.reading.text)
    before = ask.context.reading if ask.context is not None else None
    if not unknown and before is not None and not before.frameworks and re.search(r"\b(?:it|its|that one|this one)\b", ask.own.text):
        unknown = find_uncovered(before.text)  # "tell me about MXNet" "how does it compare to PyTorch?": it is MXNet
    if not unknown or any(x.asked_in(ask.reading.text.lower()) for x in ask.kb.corpus.relations.entries):
        return None  # "is Caffe2 part of PyTorch now?": the relations record it
    known = list(ask.reading.frameworks)
    valued = set().union(*ask.kb.lexicon.values.values())  # words of the facts' values
    mentioned = all(set(stems(name)) <= valued for name in unknown)
    related = any(cues.search(ask.reading.text) for cues, _ in ask.kb.corpus.relations.cues.values())  # "part of JAX?"
    if len(known) == 1 and not _CHOICE_OR_COMPARISON.search(ask.reading.text) and mentioned and ask.reading.yesno and not related and (
            _said_of_known(ask, known[0], unknown[0])):
        return None  # "Keras used to run on MXNet, right?": a fact about a covered framework names it ("is Flax good?" is about Flax)
    them = "it" if len(unknown) == 1 else "them"
    if known and not (mentioned and len(known) == 1 and not _CHOICE_OR_COMPARISON.search(ask.reading.text)):
        text = f"I don't know {names(unknown)}: the corpus does not cover {them}, so I can't compare {them} with {names(known)}."
        found = _known_part(ask, unknown)
        if found is not None:  # "speed: tensorflow vs mxnet vs pytorch?": the covered ones are still answered
            rest, subject = found
            if subject:
                text = f"I don't know {names(unknown)}: the corpus does not cover {them}."
            return dataclasses.replace(rest, text=f"{text} What I can say of {names(known)}: {rest.text}",
                                       verdict=(), confidence=min(rest.confidence, 0.5))
        text += f" Ask me about {names(known)} on its own, or compare {names(FRAMEWORKS[:3], 'or')}."
        d = Draft(ask, "compare" if _COMPARE_ASKED.search(ask.reading.text) else "search")  # "compare caffe and keras"
        ended = [f for k in known for f in ask.kb.facts_about(k, "maintenance")[:1] if f.stance == "no"]
        merged = [f for f in _mentions(ask, unknown, known) if f.attribute == "integration"][:1]
        for fact in ended + merged:  # "Does ML.NET support CNTK?": that CNTK itself has ended is worth knowing
            d.ev.fact(fact)
        return d.finish(text + "".join(f" Note: {f.statement}" for f in ended + merged), confidence=0.3, limit=len(ended + merged))
    mention = _mentions(ask, unknown, known)
    if mention and not _CHOICE_OR_COMPARISON.search(ask.reading.text):  # "What happened to Caffe2?"
        d = Draft(ask, "search")
        d.ev.fact(mention[0])
        return d.finish(f"I don't know {names(unknown)} as a framework: the corpus does not cover {them}, but a fact "
                        f"about {mention[0].framework} mentions {them}: {mention[0].statement}", confidence=0.4, limit=1)
    text = (f"I don't know {names(unknown)}: the corpus does not cover {them}. I only know "
            f"{names(FRAMEWORKS)}.")
    return Answer(text=text, route="out_of_scope", confidence=0.3)
