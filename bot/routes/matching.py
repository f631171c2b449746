"""How well a fact speaks to a question: its words (cached per fact), the question's own words, the overlap
between them, and the facts that speak to it best; shared by the answerers that pick facts."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.lexicon import stems
from bot.routes.draft import Draft
from corpus import Fact
from index.analyzer import FRAMEWORKS, raw_tokens

FRAMEWORK_WORDS = frozenset(f.lower() for f in FRAMEWORKS)


@cache
def fact_words(fact: Fact) -> frozenset[str]:
    """A fact's stemmed words (statement, values, id), computed once per fact."""
    return frozenset(stems(f"{fact.statement} {' '.join(fact.values)} {fact.id.replace('-', ' ')}"))


@cache
def fact_raw(fact: Fact) -> frozenset[str]:
    return frozenset(raw_tokens(f"{fact.statement} {' '.join(fact.values)}"))


def asked_words(d: Draft, framework: str) -> set[str]:
    """The question's own words, less the attribute's name, the framework's, and those of frameworks named
    only around the question ("I use TF. Is CNTK dead?")."""
    generic = d.kb.lexicon.generic.get(d.r.attribute or "", frozenset())
    aside = FRAMEWORK_WORDS - {f.lower() for f in d.r.frameworks}
    return set(d.r.terms) - generic - {framework.lower()} - aside


def hits(d: Draft, asked: set[str], fact: Fact) -> int:
    """How many of the asked words the fact says: 2 for the word itself, 1 for a word meaning the same."""
    words = fact_words(fact)
    return sum(2 if t in words else 1 if d.kb.lexicon.widen({t}) & words else 0 for t in asked)


def overlap(d: Draft, fact: Fact, asked: set[str]) -> int:
    """How much of the question a fact speaks to; a version the question names ("Keras 3") counts double,
    and naming a value of the asked attribute (a company, for "who built it?") counts once."""
    words = fact_words(fact)
    versions = len(set(d.r.versions) & fact_raw(fact))
    on_topic = bool(words & d.kb.lexicon.values.get(d.r.attribute or "", frozenset()) - FRAMEWORK_WORDS)
    return hits(d, asked, fact) + 2 * versions + on_topic


@cache
def fact_raw_stems(fact: Fact) -> frozenset[str]:
    """The stems of a fact's statement and values (not its id)."""
    return frozenset(stems(f"{fact.statement} {' '.join(fact.values)}"))


@cache
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    said = stems(text)
    return frozenset(zip(said, said[1:]))


def phrases(d: Draft, fact: Fact) -> int:
    """How many of the question's word pairs the fact says as pairs too ("model server"), to tell apart facts
    that say the same words."""
    asked = {(a, b) for a, b in zip(d.r.terms, d.r.terms[1:])
             if not {a, b} & FRAMEWORK_WORDS and min(len(a), len(b)) >= 4}  # "model server", not "keras backend"
    return len(asked & _bigrams(fact.statement))


_PAST = re.compile(r"^(?:did|was|were|had)\b")
WHICH = re.compile(r"\b(which|what)\b(?: \w+){0,3} (frameworks?|ones?|libraries|backends?)\b")


_DENIAL = frozenset({"no", "not", "lost", "without", "never", "dropped", "removed", "lacks"})
_RELEASE = frozenset({"release", "version"})


def denied(statement: str, asked: list[str], today: bool = False) -> bool:
    """Whether the statement denies an asked value: a negation at most three words before it ("no official
    macOS GPU support", "native Windows lost GPU support"), or, for a question about today, an end before it
    ("2.10 was the last release with GPU support on native Windows")."""
    tokens = [t.lower() for t in re.findall(r"[\w.+#-]+", statement)]
    stemmed = [stems(t)[0] if stems(t) else t for t in tokens]
    wanted = set(asked)
    return any(s in wanted and (_DENIAL & set(tokens[max(0, i - 3):i]) or (
        today and "last" in tokens[max(0, i - 4):i] and _RELEASE & set(tokens[max(0, i - 4):i])))
        for i, s in enumerate(stemmed))


def best_facts(d: Draft, facts: Sequence[Fact], framework: str) -> list[Fact]:
    """The facts in the order the question calls for: the primary (current) one first, unless another
    matches more of the question's own words ("How do I switch the backend?" picks the one on choosing)."""
    asked = asked_words(d, framework)
    current = [f for f in facts if not f.id.endswith("-history")] or list(facts)
    if not current:
        return []
    # a past event may answer "which release dropped it?", never "is it dead?" (today's state)
    pool = current if d.r.yesno and not _PAST.match(d.r.text) else list(facts)
    which = bool(WHICH.search(d.r.text))  # "which frameworks can Keras use?": a fact naming them says it

    def fit(f: Fact) -> tuple[int, bool, int]:
        # "nvidia gpu on native windows?": of facts that say as much, one recording a limit on it settles it
        said = [t for t in asked if d.kb.lexicon.widen({t}) & fact_words(f)]
        limit = d.r.yesno and len(said) >= 2 and denied(f.statement, list(d.kb.lexicon.widen(asked)), today=not d.r.versions)
        return overlap(d, f, asked) + limit, which and bool({v.lower() for v in f.values} & FRAMEWORK_WORDS), phrases(d, f)
    best = max(pool, key=fit)
    first = best if fit(best) > fit(current[0]) else current[0]
    return [first] + [f for f in facts if f is not first]


def related_facts(d: Draft, framework: str) -> list[Fact]:
    """When the asked attribute has no data: the framework's facts on any attribute that speak to the
    question's own words ("What replaced PyTorch Mobile?"), best first; none when nothing does."""
    asked = asked_words(d, framework)
    found = [(score, f.id, f) for (fw, _), group in d.kb.facts.items() if fw == framework for f in group
             if hits(d, asked, f) and (score := overlap(d, f, asked))]
    return [f for _, _, f in sorted(found, key=lambda t: (-t[0], t[1]))]
