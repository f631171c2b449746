"""How well a fact speaks to a question: its words (cached per fact), the question's own words, and the
overlap between them; shared by the answerers that pick facts."""
from __future__ import annotations

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
