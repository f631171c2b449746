"""Questions with several parts ("who makes pytorch and what's it written in?", "speed + debugging: torch vs
tf?"): each part is answered on its own, with the frameworks the whole question names, and the answers joined."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bot.answer import Answer
from bot.query import Reading, read
from bot.routes.draft import Ask
from index.analyzer import find_frameworks

_SPLIT = re.compile(r"\s*(?:\band\b|\balso\b|[+&;?,]|:\s|\s-+\s|(?<=[a-z])\.\s|(?:^|\s)\d[.)]\s)\s*")  # a piece with no attribute of its own is dropped
_CONDITION = re.compile(r"^(if|since|because|given|as|assuming|now that)\b")
_DEFINE = re.compile(r"^(what is|what's|whats|wat is|wats|what are|who is|tell me about|what(?= \S+$)|"
                     r"what does (?:the |its )?name\b|why is it (?:called|named)|where does (?:the |its )?name\b|"
                     r"what(?= (?:it|they|its) (?:is |are )?(?:for|used for|good for)\b))\b")  # "what jax", "what's it for"
_NAME = re.compile(r"^(?:what does (?:the |its )?name|why is it (?:called|named)|where does (?:the |its )?name)\b")
_OPEN = (None, "definition", "background")


_WHEN_OF_IT = re.compile(r"^(?:since (?:which|what) (?:\w+ )?(?:version|release)|since when|in (?:which|what) (?:\w+ )?(?:version|release)|"
                         r"(?:from|as of) (?:which|what) (?:\w+ )?(?:version|release))\W*$")
_QUESTION = re.compile(r"^(what|which|who|when|where|why|how|is|are|was|were|does|do|did|can|could|has|have)\b")


def _kind(part: Reading) -> str | None:
    # A weak cue ("learn") makes a part of its own only when the part is worded as a question.
    if part.attribute not in _OPEN and (part.attribute_score >= 3 or _QUESTION.match(part.text)):
        return part.attribute
    named = part.frameworks or part.pronoun or bool(_NAME.match(part.text))  # "…and what does the name mean?"
    return "definition" if _DEFINE.match(part.text) and named else None  # "what's it for"


def parts(ask: Ask) -> list[Reading]:
    """The question's parts, each read on its own and given the whole question's frameworks; one part
    when it asks one thing."""
    lexicon = ask.kb.lexicon
    text = ask.own.text
    sentences = re.split(r"(?<=[.?!])\s+", text)
    if any(x.rstrip().endswith("?") for x in sentences):  # "We used Theano. Is it dead? Any fork?": the questions
        text = " ".join(x for x in sentences if x.rstrip().endswith("?") or _QUESTION.match(x))
    # "If TorchServe is gone, what else is there?": a condition is not a question of its own
    pieces = [p for p in _SPLIT.split(text) if p and p.strip(" :,.-") and (_WHEN_OF_IT.match(p) or not _CONDITION.match(p))]
    # "does PyTorch support TensorBoard, and since which version?": the when is of the part before
    since = {f"{p} {pieces[i - 1]}" for i, p in enumerate(pieces) if i and _WHEN_OF_IT.match(p)}
    pieces = [f"{p} {pieces[i - 1]}" if i and _WHEN_OF_IT.match(p) else p for i, p in enumerate(pieces)]
    if len(pieces) < 2:
        return [ask.reading]
    asked, kinds = [], []
    for piece in pieces:  # a kind asked twice ("…is it alive, what's the fork?") is answered once
        r = read(piece, lexicon)
        kind = _kind(r)
        kind = f"when {kind}" if kind and piece in since else kind  # "…, since which version?" asks a new thing
        # "which did Microsoft make and which did MILA make?": the same kind asked of different values
        if kind in lexicon.primary_only:
            kind = f"{kind} {' '.join(sorted(t for t in r.terms if t in lexicon.values.get(kind, ())))}"
        if kind and kind not in kinds:
            asked.append((r, _last_named(ask.own.text[:ask.own.text.find(piece)])))
            kinds.append(kind)
    if len(asked) < 2:
        return [ask.reading]
    whole = ask.reading
    return [r.with_context(frameworks=_frameworks(r, whole, last), parts=r.parts or (() if r.frameworks else whole.parts),
                           versions=r.versions or whole.versions, yesno=r.yesno) for r, last in asked]


def _last_named(text: str) -> str | None:
    """The framework mentioned last in `text`: what "it" in the next part refers to."""
    named = [f for f in (find_frameworks(w) for w in text.split()) if f]
    return named[-1][0] if named else None


def _frameworks(part: Reading, whole: Reading, last: str | None = None) -> tuple[str, ...]:
    """A part's frameworks: its own, else the whole question's; "is it still tied to TensorFlow?" after
    Keras keeps Keras as "it" and adds TensorFlow; "it" with none named is the one mentioned last before."""
    if not part.frameworks:
        if part.pronoun:  # "when did it come out?": the subject, or the one named just before
            return (last,) if last else whole.frameworks[:1]
        return whole.frameworks
    if part.pronoun and whole.frameworks and whole.frameworks[0] not in part.frameworks:
        return (whole.frameworks[0], *part.frameworks)
    return part.frameworks


def _unsaid(answer: Answer, before: list[Answer]) -> Answer:
    """The answer without the quoted statements an earlier part already said ("…no longer developed…")."""
    text = answer.text
    for quote in {c.quote for a in before for c in a.citations if len(c.quote) > 40 and c.quote in a.text}:
        text = text.replace(quote, "")
    if text == answer.text:
        return answer
    text = re.sub(r"(?<=[.!?])\s*\.+", "", " ".join(text.split()))  # the removed sentence's own full stop
    return dataclasses.replace(answer, text=text.strip(" ") if text.strip(" .") else "")


def answer(ask: Ask, route_part: Callable[[Ask, Reading], Answer]) -> Answer | None:
    """Each part answered through the route table (`route_part`), then joined: texts in order, citations
    and notes without repeats; a verdict only when every part gives the same one."""
    if ask.context is not None and ask.reading is not ask.own:
        return None  # a follow-up filled in from the chat is one question
    readings = parts(ask)
    if len(readings) < 2:
        return None
    answers: list[Answer] = []
    for part in readings:
        if not part.frameworks and part.pronoun and answers and answers[-1].verdict:
            part = part.with_context(frameworks=answers[-1].verdict)  # "which did Microsoft build, and is it…"
        answered = _unsaid(route_part(ask, part), answers)
        if not answered.text or any(answered.text in a.text for a in answers):
            continue  # two parts answered by the same fact say it once
        answers = [a for a in answers if a.text not in answered.text] + [answered]  # …or the fuller answer
    if len(answers) < 2:
        return answers[0]
    citations = list(dict.fromkeys(c for pair in zip(*(a.citations[:3] for a in answers)) for c in pair))
    citations += [c for a in answers for c in a.citations if c not in citations]
    notes = tuple(dict.fromkeys(n for a in answers for n in a.notes))
    verdicts = {a.verdict for a in answers if a.verdict}
    return Answer(text=" ".join(a.text for a in answers), route=answers[0].route,
                  verdict=verdicts.pop() if len(verdicts) == 1 else (), citations=tuple(citations[:8]),
                  confidence=min(a.confidence for a in answers), notes=notes,
                  tables=tuple(t for a in answers for t in a.tables))
