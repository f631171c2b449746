"""What a follow-up points at in the chat: "the other one", "the Microsoft one", "the old one" (by first
release), "the new one" (the newest version named), and the one part the last answer was about."""
from __future__ import annotations

import re

from bot.lexicon import Lexicon, stems
from bot.query import Context, Reading
from index.analyzer import FRAMEWORKS, find_parts

# "the other one", "the Microsoft one": a framework named by the chat so far.
OTHER = re.compile(r"\bthe other(?: one| framework| library)?\b")
THE_X_ONE = re.compile(r"\bthe (?:\w+ )?(?:one|framework|library) (?:from|by|made by|built by|of) ([a-z][\w.-]*)"
                       r"|\bthe ([a-z][\w.-]*) (?:one|framework|library)\b"
                       r"|\bthe (?:one|framework|library) (?:that )?([a-z][\w.-]*) (?:contributes?|backs|funds|maintains|develops|"
                       r"built|made|created|wrote|started)\b")  # "the one DeepMind contributes to"
THE_PICK = re.compile(r"\bthe (?:old|older|oldest|first|new|newer|newest|winner|faster|fastest|better|best|same) one\b")
_AGE = re.compile(r"\b(?:(new|newer|newest)|old|older|oldest|first)\b")
NOT_A_NAME = frozenset("other first last new old same previous next right best".split())


def referred(r: Reading, ctx: Context | None, lexicon: Lexicon) -> tuple[str, ...]:
    """The framework "the other one" or "the <word> one" points to in the chat (or, at its start, among all
    six: "the Microsoft one"), if exactly one fits."""
    before = ctx.reading if ctx else Reading("")
    verdict = ctx.verdict if ctx else ()
    pick = THE_PICK.search(r.text)
    if pick and len(verdict) == 1:
        return verdict  # "which came first?" … "tell me more about the old one"
    age = _AGE.search(pick.group(0)) if pick else None
    if age and len(before.frameworks) >= 2 and not r.frameworks:  # "keras vs theano" … "is the old one maintained?"
        dated = [f for f in lexicon.by_age if f in before.frameworks]
        return (dated[-1 if age.group(1) else 0],) if len(dated) == len(before.frameworks) else ()
    if OTHER.search(r.text):
        subject = before.subject or (before.frameworks[0] if before.frameworks else None)
        others = tuple(f for f in before.frameworks if f != subject)
        return others if len(others) == 1 else ()
    named = [w for pair in THE_X_ONE.findall(r.text) for w in pair if w and w not in NOT_A_NAME]
    if not named or r.frameworks:
        return ()
    words = set(stems(" ".join(named)))
    for pool in (verdict or before.frameworks, FRAMEWORKS):
        fits = tuple(f for f in pool if words <= lexicon.known_by.get(f, frozenset()))
        if fits:
            return fits if len(fits) == 1 else ()
    return ()


_NEWER = re.compile(r"\bthe (?:(new|newer|newest|latest|later|current)|old|older|oldest|first|earlier|previous) (?:one|version|release)\b")


def version_named(r: Reading, before: Reading) -> tuple[str, ...]:
    """"keras 2 vs keras 3?" "when did the new one come out?": the newest (or oldest) version named before."""
    pick = _NEWER.search(r.text)
    numbered = [v for v in before.versions if re.search(r"\d", v)]
    if not pick or len(numbered) < 2:
        return ()
    order = sorted(numbered, key=lambda v: tuple(int(x) for x in re.findall(r"\d+", v)))
    return (order[-1],) if pick.group(1) else (order[0],)


def answered_part(ctx: Context) -> tuple[str, ...]:
    """The one part the last answer's first fact was about, by the qualifier its id carries ("TorchServe" from
    fact/pytorch-deployment-torchserve, for "does PyTorch have a model server?")."""
    first = ctx.cited[0].removeprefix("fact/").split("-", 2) if ctx.cited and ctx.cited[0].startswith("fact/") else []
    found = tuple(find_parts(first[2].replace("-", " "))) if len(first) == 3 else ()
    return found if len(found) == 1 else ()
