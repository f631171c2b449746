"""Reads a question: the frameworks it names, the attribute it asks about, its polarity, and its shape
(yes/no, superlative, follow-up). No routing here: that is the router's job."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.lexicon import Lexicon, Phrase, find_phrase, stems
from index.analyzer import STOPWORDS, find_frameworks, normalize, words

_YESNO_START = re.compile(
    r"^(is|are|was|were|does|do|did|can|could|should|would|will|has|have|had|isn't|aren't|doesn't|don't|can't|"
    r"won't|shouldn't|wasn't|hasn't|haven't|didn't)\b")
_ALTERNATIVES = re.compile(r"\b(or|vs|versus)\b")
_SUPERLATIVE = re.compile(
    r"\b(\w+est|best|worst|most|least|number one|top|which (?:framework|library|one|tool)s?|of (?:the|all) (?:three|3|them|these|frameworks))\b")
_NOT_SUPERLATIVE = {"interest", "latest", "test", "request", "suggest", "honest", "rest", "forest", "west", "guest", "contest", "modest", "harvest", "manifest"}
_FOLLOWUP_START = re.compile(r"^(and|also|what about|how about|what of|same for|same question|then|ok and|okay and|so)\b")
_PRONOUN = re.compile(r"\b(it|its|it's|they|them|their|this one|that one|the other one|the other|both|either)\b")
# Words that carry no value to test in a yes/no question ("Does Theano support GPUs?" leaves "gpu").
_FILLER = frozenset(stems(
    "support supports supported use uses using used run runs running work works have has had offer offers provide "
    "provides come comes still today now currently anymore any more yet also really actually officially natively "
    "good well get able possible way ok okay please tell know think true framework frameworks library libraries "
    "version versions new newer old older latest current modern based thing make makes made need needs "
    "kind sort type like s t let"))


@dataclass(frozen=True)
class Reading:
    """What a question names and asks, before routing."""

    text: str
    frameworks: tuple[str, ...] = ()
    attribute: str | None = None
    attribute_score: int = 0
    polarity: int = 1
    yesno: bool = False
    superlative: bool = False
    followup: bool = False
    pronoun: bool = False
    terms: tuple[str, ...] = ()
    tokens: tuple[str, ...] = field(default=(), repr=False)

    def with_context(self, **changes: object) -> Reading:
        """A copy with fields filled in from the chat so far."""
        return replace(self, **changes)


def _attribute(tokens: Phrase, lexicon: Lexicon) -> tuple[str | None, int]:
    """The best-scoring attribute and its score (cue weights summed over their matches)."""
    best, best_score = None, 0
    for name, cues in lexicon.cues.items():
        score = sum(weight * len(find_phrase(tokens, phrase)) for phrase, weight in cues)
        if score > best_score:
            best, best_score = name, score
    return best, best_score


def _polarity(tokens: Phrase, attribute: str | None, lexicon: Lexicon) -> int:
    if attribute is None:
        return 1
    cues = lexicon.negatives.get(attribute, frozenset()) | (lexicon.shared_negatives if lexicon.ordered(attribute) else frozenset())
    return -1 if any(find_phrase(tokens, cue) for cue in cues) else 1


def read(question: str, lexicon: Lexicon) -> Reading:
    """Read one question on its own (no chat context)."""
    text = normalize(question).strip()
    raw_words = words(question)
    tokens = stems(question)
    frameworks = tuple(find_frameworks(question))
    attribute, score = _attribute(tokens, lexicon)
    head = re.sub(r"^(hey|hi|ok|okay|so|well|and|but|also|then|please|quick question)[,!.]?\s+", "", text)
    # "Is TensorFlow high level or low level?" and "Is PyTorch or Keras faster?" ask which, not whether.
    yesno = bool(_YESNO_START.match(head)) and not (_ALTERNATIVES.search(head) and " than " not in f" {head} ")
    superlatives = [m for m in _SUPERLATIVE.findall(head) if m not in _NOT_SUPERLATIVE]
    terms = tuple(t for t, w in zip(tokens, raw_words) if w not in STOPWORDS and t not in _FILLER)
    return Reading(
        text=text,
        frameworks=frameworks,
        attribute=attribute,
        attribute_score=score,
        polarity=_polarity(tokens, attribute, lexicon),
        yesno=yesno,
        superlative=bool(superlatives) and len(frameworks) != 2,
        followup=bool(_FOLLOWUP_START.match(text)),
        pronoun=bool(_PRONOUN.search(text)),
        terms=terms,
        tokens=tokens,
    )
