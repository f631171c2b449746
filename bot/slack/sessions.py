"""One chat `Session` per Slack conversation (thread, DM or slash-command user), bounded in count and age.

A conversation is registered the moment the bot decides to answer in it (cheap, on the
listener thread) so follow-ups arriving meanwhile are recognised; the `Session` itself is
built lazily on a worker. Entries idle longer than `ttl` seconds, or beyond `capacity`
(least recently used first), are forgotten: a follow-up there needs a fresh mention.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot import Answer, Session


class Conversation:
    """A lazily created `Session` plus a lock so one conversation answers one question at a time."""

    def __init__(self, factory: Callable[[], Session]) -> None:
        self._factory = factory
        self._session: Session | None = None
        self._lock = threading.Lock()

    def ask(self, question: str) -> Answer:
        """Ask within this conversation's context (serialised: Session is not thread-safe)."""
        with self._lock:
            if self._session is None:
                self._session = self._factory()
            return self._session.ask(question)


class SessionStore:
    """Thread-safe map from a conversation key to its `Conversation`, evicting the stalest."""

    def __init__(
        self,
        capacity: int = 1000,
        ttl: float = 6 * 3600.0,
        factory: Callable[[], Session] = Session,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or ttl <= 0:
            raise ValueError("capacity and ttl must be positive")
        self._capacity = capacity
        self._ttl = ttl
        self._factory = factory
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, Conversation]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        """The most conversations remembered at once."""
        return self._capacity

    def open(self, key: Hashable) -> Conversation:
        """The conversation for `key`, created if absent, and marked as just used."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            entry = self._entries.pop(key, None)
            conversation = entry[1] if entry else Conversation(self._factory)
            self._entries[key] = (now, conversation)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
            return conversation

    def __contains__(self, key: object) -> bool:
        """True if the bot is (still) taking part in conversation `key`."""
        with self._lock:
            self._expire(self._clock())
            return key in self._entries

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._entries)

    def _expire(self, now: float) -> None:
        """Drop entries idle for longer than the ttl (they sit at the front: least recent first)."""
        while self._entries:
            used, _ = next(iter(self._entries.values()))
            if now - used <= self._ttl:
                break
            self._entries.popitem(last=False)
