"""The public entry points: `ask` for one question, `Session` for a chat with follow-ups. Both take any
string and always return an `Answer`."""
from __future__ import annotations

import dataclasses
import logging
import re
import threading
import unicodedata
from typing import Any

from bot import routes
from bot.answer import Answer
from bot.documents import LibrarySpec, consult, library_for
from bot.knowledge import Knowledge, knowledge
from bot.query import Context, Reading, read
from bot.router import features
from bot.routing import Decision, decide

log = logging.getLogger("fwbot")

MAX_CHARS = 2000
# Typed in any adapter (Slack thread, chat, Python): forget the chat so far.
_RESET = re.compile(r"^[:/!]?(?:reset|start over|new (?:topic|chat|conversation)|forget (?:it|that|everything))[.!]?$", re.I)
_SLACK_MARKUP = re.compile(r"<(?:[@#!][^>|]*|(?:https?|mailto):[^>|]*)(?:\|([^>]*))?>")


def clean(question: object) -> str:
    """Any input as plain text: bytes decoded, lone surrogates and control characters replaced, full-width
    forms folded (NFKC),
    Slack markup (<@U1>, <!channel>, <http://x|label>) reduced to its visible label."""
    if isinstance(question, (bytes, bytearray)):
        question = bytes(question).decode("utf-8", "replace")
    text = "" if question is None else str(question)
    text = unicodedata.normalize("NFKC", text.encode("utf-8", "replace").decode("utf-8"))  # "？" is "?"
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") else ch for ch in text)
    text = _SLACK_MARKUP.sub(lambda m: m.group(1) or " ", text)
    return " ".join(text.split())


class Session:
    """A chat: remembers what was last discussed so follow-ups ("and TensorFlow?") make sense.
    Safe to share between threads: questions on one session are answered one at a time.
    `library`: the user's documents (a Library or its folder; default $FWBOT_HOME/library)."""

    def __init__(self, library: LibrarySpec = None) -> None:
        self._library = library_for(library)
        self._context: Context | None = None
        self._lock = threading.Lock()

    def to_data(self) -> dict[str, Any]:
        """The chat's context as plain JSON-ready data (see `from_data`); never a pickle."""
        with self._lock:
            context = self._context
        if context is None:
            return {"context": None}
        return {"context": {"route": context.route, "reading": dataclasses.asdict(context.reading),
                            "verdict": list(context.verdict), "cited": list(context.cited),
                            "earlier": list(context.earlier)}}

    @classmethod
    def from_data(cls, data: object) -> Session:
        """A chat that continues from `to_data()`'s output, possibly in another process.
        Raises ValueError for data `to_data` did not write."""
        if not isinstance(data, dict):
            raise ValueError("not a Session's data")
        session = cls()
        context = data.get("context")
        if context is None:
            return session
        try:
            route, reading = context["route"], dict(context["reading"])
            names = {f.name for f in dataclasses.fields(Reading)}
            if not isinstance(route, str) or not set(reading) <= names or not isinstance(reading.get("text"), str):
                raise ValueError
            values = {k: tuple(v) if isinstance(v, list) else v for k, v in reading.items()}
            verdict = tuple(context.get("verdict") or ())  # absent in data saved before verdicts were kept
            cited = tuple(context.get("cited") or ())  # …or before citations were
            earlier = tuple(context.get("earlier") or ())
            if not all(isinstance(v, str) for v in verdict + cited + earlier):
                raise ValueError
            session._context = Context(route, Reading(**values), verdict, cited, earlier)
        except (KeyError, TypeError, ValueError):
            raise ValueError("not a Session's data") from None
        return session

    def reset(self) -> None:
        """Forget the chat so far."""
        with self._lock:
            self._context = None

    def ask(self, question: object) -> Answer:
        """Answer one question in this chat; never raises."""
        with self._lock:
            try:
                return self._answer(clean(question))
            except Exception:  # the promise is an Answer for any input; the cause goes to the log
                log.exception("answering failed")
                return Answer(text="Sorry, something went wrong while answering that. Please try rephrasing it.",
                              route="search", confidence=0.0)

    def _answer(self, text: str) -> Answer:
        if len(text) > MAX_CHARS:
            return Answer(text=f"That message is too long for me ({len(text):,} characters). Please ask one "
                               f"question in under {MAX_CHARS:,} characters.", route="help", confidence=1.0)
        if _RESET.match(text):
            self._context = None
            return Answer(text="OK, starting over: ask me anything about PyTorch, TensorFlow, Keras, Theano, JAX or "
                               "CNTK.", route="help", confidence=1.0)
        kb = knowledge()
        reading = read(text, kb.lexicon)
        decision, probs = _decide(kb, reading, self._context)
        answer = consult(text, routes.answer(routes.Ask(kb, decision.reading, reading, decision.route, decision.confidence,
                                                        self._context, part=_part)), self._library,
                         frameworks=bool(decision.reading.frameworks))
        if decision.picked and not answer.verdict:  # "and the Meta one?" after a pick is a pick too
            answer = dataclasses.replace(answer, verdict=decision.picked)
        r = decision.reading
        if answer.route not in ("help", "out_of_scope"):
            before = self._context
            earlier = tuple(dict.fromkeys(before.reading.frameworks + before.earlier))[:4] if before else ()
            self._context = Context(answer.route, r, answer.verdict, tuple(c.id for c in answer.citations[:3]),
                                    tuple(f for f in earlier if f not in r.frameworks))
        hits = kb.index.search(text, k=3)
        trace = {
            "route": answer.route, "frameworks": list(r.frameworks), "attribute": r.attribute,
            "polarity": r.polarity, "yesno": r.yesno, "followup": decision.followup,
            "confidence": answer.confidence,
            "probabilities": {k: round(v, 3) for k, v in sorted(probs.items(), key=lambda kv: -kv[1])},
            "passages": [{"id": h.doc.id, "score": round(h.score, 3), "text": h.doc.text} for h in hits],
        }
        return dataclasses.replace(answer, trace=trace)


def _decide(kb: Knowledge, reading: Reading, context: Context | None) -> tuple[Decision, dict[str, float]]:
    probs = kb.router.probabilities(features(reading))
    return decide(reading, probs, context, kb.lexicon), probs


def _part(ask: routes.Ask, part: Reading) -> Answer:
    """One part of a multi-part question, routed on its own."""
    decision, _ = _decide(ask.kb, part, None)
    return routes.answer(routes.Ask(ask.kb, decision.reading, part, decision.route, decision.confidence))


def ask(question: object, library: LibrarySpec = None) -> Answer:
    """Answer one question on its own; never raises. The knowledge is built once per process."""
    return Session(library).ask(question)
