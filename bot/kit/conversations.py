"""One chat `Session` per conversation (a Slack thread, DM or slash-command user), kept in the state
store as plain data so it outlives a restart and any replica can continue it.

A conversation is registered here the moment the adapter decides to answer in it (cheap, no
store call) so follow-ups arriving meanwhile are recognised. Each question loads the context
from the store, is answered, and the context is written back with a fresh TTL. Conversations
idle longer than `ttl`, or beyond `capacity` here (least recently used first), are forgotten:
a follow-up there needs a fresh mention. With the store unavailable, questions are answered
without the earlier context.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot import Answer, Session
from bot.kit.remembered import Records
from bot.kit.state import State

log = logging.getLogger(__name__)


class Conversation:
    """A conversation's key plus a lock, so this process answers one of its questions at a time."""

    def __init__(self, key: Hashable, records: Records) -> None:
        self._key = key
        self._records = records
        self._lock = threading.Lock()

    def ask(self, question: str) -> Answer:
        """Answer in this conversation's context, then keep the new context."""
        with self._lock:
            session = self._load()
            answer = session.ask(question)
            self._records.put(self._key, session.to_data())
            return answer

    def _load(self) -> Session:
        data = self._records.get(self._key)
        if data is None:
            return Session()
        try:
            return Session.from_data(data)
        except ValueError:
            log.warning("a stored conversation was unreadable; starting it afresh")
            return Session()


class SessionStore:
    """Thread-safe map from a conversation key to its `Conversation`, backed by `state`."""

    def __init__(
        self,
        state: State,
        capacity: int = 1000,
        ttl: float = 6 * 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or ttl <= 0:
            raise ValueError("capacity and ttl must be positive")
        self._records = Records(state, "session", ttl)
        self._capacity = capacity
        self._ttl = ttl
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, Conversation]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        """The most conversations remembered at once in this process."""
        return self._capacity

    def open(self, key: Hashable) -> Conversation:
        """The conversation for `key`, registered if new, and marked as just used."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            entry = self._entries.pop(key, None)
            conversation = entry[1] if entry else Conversation(key, self._records)
            self._entries[key] = (now, conversation)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
            return conversation

    def __contains__(self, key: object) -> bool:
        """True if the bot is (still) taking part in conversation `key`, here or in another process."""
        with self._lock:
            self._expire(self._clock())
            if key in self._entries:
                return True
        return isinstance(key, Hashable) and self._records.get(key) is not None

    def __len__(self) -> int:
        """Conversations the store remembers (0 while it is unavailable)."""
        return len(self._records)

    def _expire(self, now: float) -> None:
        """Drop entries idle for longer than the ttl (they sit at the front: least recent first)."""
        while self._entries:
            used, _ = next(iter(self._entries.values()))
            if now - used <= self._ttl:
                break
            self._entries.popitem(last=False)
