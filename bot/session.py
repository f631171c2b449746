"""The public entry points: `ask` for one question, `Session` for a chat with follow-ups. Both take any
string and always return an `Answer`."""
from __future__ import annotations

import logging
import re
import threading
import unicodedata

from bot.answer import Answer
from bot.answerer import compose
from bot.documents import LibrarySpec, consult, library_for
from bot.knowledge import knowledge
from bot.query import read
from bot.router import features
from bot.routing import Context, decide

log = logging.getLogger("fwbot")

MAX_CHARS = 2000
_SLACK_MARKUP = re.compile(r"<(?:[@#!][^>|]*|(?:https?|mailto):[^>|]*)(?:\|([^>]*))?>")


def clean(question: object) -> str:
    """Any input as plain text: bytes decoded, lone surrogates and control characters replaced,
    Slack markup (<@U1>, <!channel>, <http://x|label>) reduced to its visible label."""
    if isinstance(question, (bytes, bytearray)):
        question = bytes(question).decode("utf-8", "replace")
    text = "" if question is None else str(question)
    text = text.encode("utf-8", "replace").decode("utf-8")
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
        kb = knowledge()
        reading = read(text, kb.lexicon)
        probs = kb.router.probabilities(features(reading))
        decision = decide(reading, probs, self._context, kb.lexicon)
        answer = consult(text, compose(kb, decision.reading, decision.route, decision.confidence), self._library)
        r = decision.reading
        if answer.route not in ("help", "out_of_scope"):
            self._context = Context(answer.route, r)
        hits = kb.index.search(text, k=3)
        trace = {
            "route": answer.route, "frameworks": list(r.frameworks), "attribute": r.attribute,
            "polarity": r.polarity, "yesno": r.yesno, "followup": decision.followup,
            "confidence": answer.confidence,
            "probabilities": {k: round(v, 3) for k, v in sorted(probs.items(), key=lambda kv: -kv[1])},
            "passages": [{"id": h.doc.id, "score": round(h.score, 3), "text": h.doc.text} for h in hits],
        }
        return Answer(answer.text, answer.route, answer.verdict, answer.citations, answer.confidence, answer.notes, trace)


def ask(question: object, library: LibrarySpec = None) -> Answer:
    """Answer one question on its own; never raises. The knowledge is built once per process."""
    return Session(library).ask(question)
