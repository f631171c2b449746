"""fwbot: answers questions about deep-learning frameworks with quoted, cited passages.

Public API: `ask(question) -> Answer`, `Session().ask(question)` for chats with follow-ups,
and the `Answer` and `Citation` dataclasses. Everything else is private.
"""
from bot.answer import Answer, Citation
from bot.session import Session, ask

__all__ = ["Answer", "Citation", "Session", "ask"]
