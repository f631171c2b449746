"""Answering from the user's documents: given the question and the core's Answer, keep it, add one strongly
relevant passage as a source, or, when the core could not answer, answer from the passage (route "search")."""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from bot.answer import Answer, Citation
from corpus.docs.library import Library, Result
from corpus.sentences import split_sentences
from index.analyzer import analyze

LibrarySpec = Library | str | os.PathLike | None
"""What `Session(library=…)` takes: a Library, a folder holding one, or None for $FWBOT_HOME/library."""

ANSWER_STRENGTH = 0.3
"""An unanswered question is answered from a passage that has every query term (all but one past three)
and scores at least this share of the best possible score..."""
SOURCE_STRENGTH = 0.5
"""...and an answered one gets a passage as an extra source only when it has every term and scores this."""
QUOTE_CHARS = 400

_open: dict[Path, Library] = {}
_lock = threading.Lock()


def library_for(spec: LibrarySpec) -> Library:
    """The Library for a spec; folders are opened once per process, so their indexes are shared."""
    if isinstance(spec, Library):
        return spec
    root = Path(spec) if spec is not None else Library.default().root
    with _lock:
        return _open.setdefault(root.resolve(), Library(root))


def _coverage(question_terms: set[str], result: Result) -> tuple[int, int]:
    """How many of the question's distinct terms the passage (with its heading) holds, and of how many."""
    found = set(analyze(f"{result.heading}\n{result.text}"))
    return len(question_terms & found), len(question_terms)


def _relevant(question: str, result: Result, strength: float, strict: bool) -> bool:
    terms = set(analyze(question))
    found, wanted = _coverage(terms, result)
    allowed_missing = 0 if strict or wanted <= 3 else 1
    return wanted > 0 and found >= wanted - allowed_missing and result.strength >= strength


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


def _unanswered(answer: Answer) -> bool:
    """The core said the question is outside what it knows, or found nothing to cite."""
    return answer.route == "out_of_scope" or (answer.route == "search" and not answer.citations)


def consult(question: str, answer: Answer, library: Library) -> Answer:
    """The answer, with the documents' say: unchanged when they have nothing strongly relevant."""
    if answer.route == "help" or not library.collections():
        return answer
    results = library.search(question, k=1)
    if not results:
        return answer
    best = results[0]
    if _unanswered(answer):
        if not _relevant(question, best, ANSWER_STRENGTH, strict=False):
            return answer
        cite = citation(best)
        where = f"{best.heading}, {best.location()}" if best.heading else best.location()
        return Answer(f"From your documents ({where}): “{cite.quote}”", "search", (), (cite,),
                      round(min(0.9, best.strength + 0.3), 3), (), answer.trace)
    if _relevant(question, best, SOURCE_STRENGTH, strict=True):
        return replace(answer, citations=(*answer.citations, citation(best)))
    return answer
