"""Answering from the user's documents: given the question and the core's Answer, keep it, add one strongly
relevant passage as a source, or, when the core could not answer, answer from the passage (route "search")."""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from bot.answer import Answer, Citation
from corpus.docs.library import Library, Result, index_text
from corpus.sentences import split_sentences
from index.analyzer import analyze

LibrarySpec = Library | str | os.PathLike | None
"""What `Session(library=…)` takes: a Library, a folder holding one, or None for $FWBOT_HOME/library."""

ANSWER_STRENGTH = 0.3
"""An unanswered question is answered from a passage that has every query term (all but one past three)
and scores at least this share of the best possible score..."""
SOURCE_STRENGTH = 0.5
"""...and an answered one gets a passage as an extra source only when it has every term (two or more) and
scores this."""
NOT_COVERED = 0.3
"""The core's confidence when it says its corpus does not cover a question (capped there by `not_covered` in
bot/routes/draft.py): a question naming no framework, answered that way or by the search route's closest
passage, is one the documents may answer."""
MORE_SOURCES = 2
"""An answer from the documents quotes the best page and cites up to this many more, each relevant by the
same test (the page the question is about is not always the best-scored one)."""
QUOTE_CHARS = 400
_ABOUT_THE_BOT = frozenset(analyze("commands questions answers ask help examples bot you use works features list show "
                                   "options menu topics phrase know tell start reset thanks hello"))
"""Words of questions about the bot itself ("list commands", "what kind of questions can you answer?")."""

_open: dict[Path, Library] = {}
_lock = threading.Lock()


def library_for(spec: LibrarySpec) -> Library:
    """The Library for a spec; folders are opened once per process, so their indexes are shared."""
    if isinstance(spec, Library):
        return spec
    root = Path(spec) if spec is not None else Library.default().root
    with _lock:
        return _open.setdefault(root.resolve(), Library(root))


def _relevant(terms: set[str], result: Result, strength: float, strict: bool) -> bool:
    """The passage (with its title and heading) holds every question term (all but one past three unless
    `strict`) and scores at least `strength` of the best possible score; a one-word question must name
    the passage's topic (its title or heading)."""
    if len(terms) == 1:
        return terms <= set(analyze(f"{result.title}\n{result.heading}")) and result.strength >= strength
    found = len(terms & set(analyze(index_text(result.title, result.heading, result.text))))
    allowed_missing = 0 if strict or len(terms) <= 3 else 1
    return bool(terms) and found >= len(terms) - allowed_missing and result.strength >= strength


def _quote(text: str) -> str:
    """Whole sentences of the passage, up to about QUOTE_CHARS, marked […] where cut."""
    out = ""
    for sentence in split_sentences(text):
        if out and len(out) + len(sentence) > QUOTE_CHARS:
            return out + " […]"
        out = f"{out} {sentence}".strip()
    return out


def citation(result: Result) -> Citation:
    """A passage as a source: its file's title and collection, heading, a quote, and `path:line`."""
    return Citation(f"docs/{result.id}", f"{result.title} (your documents: {result.collection})",
                    result.heading or result.title, _quote(result.text), result.location())


def _unanswered(answer: Answer, terms: set[str], frameworks: bool) -> bool:
    """The core said the question is outside what it knows or found nothing to cite; or, for a question
    naming no framework, that its corpus does not cover it or only offered its closest passage (route
    "search"); or it took for small talk a question of two or more words mostly not about the bot ("how do I
    standardize features?")."""
    if answer.route == "help":
        return len(terms) >= 2 and len(terms & _ABOUT_THE_BOT) * 2 <= len(terms)
    if answer.route == "out_of_scope" or (answer.route == "search" and not answer.citations):
        return True
    return not frameworks and not answer.verdict and (answer.route == "search" or answer.confidence <= NOT_COVERED)


def consult(question: str, answer: Answer, library: Library, frameworks: bool = False) -> Answer:
    """The answer, with the documents' say: unchanged when they have nothing strongly relevant.
    `frameworks`: the question (with its chat context) names a framework."""
    if not library.collections():
        return answer
    results = library.search(question, k=1 + MORE_SOURCES)
    if not results:
        return answer
    best, terms = results[0], set(analyze(question))
    if _unanswered(answer, terms, frameworks):
        if not _relevant(terms, best, ANSWER_STRENGTH, strict=False):
            return answer
        cites = [citation(r) for r in results if r is best or _relevant(terms, r, ANSWER_STRENGTH, strict=False)]
        where = f"{best.heading}, {best.location()}" if best.heading else best.location()
        return Answer(f"From your documents ({where}): “{cites[0].quote}”", "search", (), tuple(cites),
                      round(min(0.9, best.strength + 0.3), 3), (), answer.trace)
    if answer.route != "help" and len(terms) >= 2 and _relevant(terms, best, SOURCE_STRENGTH, strict=True):
        return replace(answer, citations=(*answer.citations, citation(best)))
    return answer
