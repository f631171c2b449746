"""Questions about a version or variant of a framework ("Keras 2 vs Keras 3", "keras vs tf.keras", "what broke
in TensorFlow 2.16?"): the facts that name that version lead, whatever attribute they are filed under."""
from __future__ import annotations

import re

from bot.answer import Answer
from bot.lexicon import stems
from bot.query import Reading
from bot.routes.draft import NOT_SETTLED, POSSIBLE, Ask, Draft
from bot.routes.matching import fact_raw, fact_words
from bot.routes.tense import still_ended
from corpus import Fact
from index.analyzer import FRAMEWORKS

_NEGATED = re.compile(r"\b(not|no longer|never|isn't|aren't|doesn't)\b", re.I)
_OPEN = (None, "definition", "background", "integration")
_NAMES = frozenset(f.lower() for f in FRAMEWORKS)


def _score(d: Draft, fact: Fact, asked: set[str]) -> tuple[int, int]:
    versions = set(d.r.versions) | {v.rsplit(".", 1)[0] for v in d.r.versions if v.count(".") >= 2}  # 2.16.1 is a 2.16
    return len(versions & fact_raw(fact)), len(asked & fact_words(fact))


def _paired(r: Reading) -> bool:
    """"make Keras 2 available for TF 2.16.1": versions of two frameworks say more than a weak attribute word."""
    return len(r.versions) >= 2 and len(r.frameworks) >= 2 and r.attribute_score <= 3


def paired(ask: Ask) -> Answer | None:
    """The facts naming the versions of two frameworks asked together; before relations are tried."""
    return answer(ask) if _paired(ask.reading) else None


def answer(ask: Ask) -> Answer | None:
    """The facts naming the asked versions, most of them and most of the question's words first; declines
    a question with no version, or one on an attribute that has its own answerer."""
    r = ask.reading
    if not r.versions or (r.attribute not in _OPEN and not _paired(r)):
        return None
    d = Draft(ask, "attribute")
    asked = d.kb.lexicon.widen(set(r.terms)) - _NAMES
    frameworks = r.frameworks or FRAMEWORKS
    scored = [(_score(d, f, asked), f.id, f) for (fw, _), group in d.kb.facts.items() if fw in frameworks
              for f in group if not f.id.endswith("-history")]
    found = sorted(((s, i, f) for s, i, f in scored if s[0]), key=lambda t: (-t[0][0], -t[0][1], t[1]))
    if not found:
        return None
    chosen = [f for _, _, f in found[:2]]
    for fact in chosen:
        d.ev.fact(fact)
    return d.finish(_yes_or_no(d, chosen[0], asked) + " ".join(f.statement for f in chosen), limit=3)


def _yes_or_no(d: Draft, fact: Fact, asked: set[str]) -> str:
    """For a yes/no question: "Yes" or "No" when the fact says every asked word, plainly or negated."""
    if not d.r.yesno:
        return ""
    if POSSIBLE.match(d.r.text) and fact.statement.startswith("To "):
        return "Yes. "  # "is it possible to keep Keras 2 with TF 2.16?": the fact says how
    words = fact_words(fact)
    own = set(d.r.terms) - _NAMES - {t for v in d.r.versions for t in stems(v)}
    ended = still_ended(d, fact)
    if ended is not None and own & words:  # "Does TF 2.16 still include tf.estimator?": it was removed
        return "Yes. " if ended else "No. "
    if not own or not all(d.kb.lexicon.widen({t}) & words for t in own):
        return NOT_SETTLED + " "
    return "No. " if _NEGATED.search(fact.statement) else "Yes. "
