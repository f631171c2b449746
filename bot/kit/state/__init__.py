"""What an adapter remembers between requests, behind one small interface: memory, SQLite or Redis.

Entries are JSON objects filed under a kind ("session", "event", ...) and a key, each with a
time to live. `claim` is the atomic "first one wins" used to answer an event exactly once.
`open_state(url)` picks the backend: "memory", "sqlite:///PATH" (or a plain path), "redis://…".
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Hashable, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bot.kit.state.base import Backend, StateUnavailable

__all__ = ["Backend", "State", "StateUnavailable", "key_text", "open_state", "public_url"]

log = logging.getLogger(__name__)


class State:
    """A backend behind a circuit breaker, speaking JSON objects.

    Any backend failure raises `StateUnavailable`; after one, calls fail at once (without touching
    the backend) for `cooldown` seconds, so a dead or hung store costs one short timeout per
    cooldown rather than one per request. The first call after the cooldown tries again, which is
    how the state recovers by itself."""

    def __init__(self, backend: Backend, name: str, cooldown: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.backend = backend
        self.name = name  # e.g. "Redis at redis://127.0.0.1:6379/0", for log lines
        self.shared = backend.shared
        self._cooldown = cooldown
        self._clock = clock
        self._down_until: float | None = None
        self._lock = threading.Lock()

    def claim(self, kind: str, key: str, ttl: float) -> bool:
        """Record `key` as taken; True only for the first caller while it lives (atomic)."""
        return self._call(self.backend.claim, kind, key, ttl)

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        """The entry, or None if absent, expired or unreadable."""
        text = self._call(self.backend.get, kind, key)
        if text is None:
            return None
        try:
            data = json.loads(text)
        except ValueError:
            log.warning("ignored an unreadable %s entry in %s", kind, self.name)
            return None
        return data if isinstance(data, dict) else None

    def put(self, kind: str, key: str, data: Mapping[str, Any], ttl: float) -> None:
        """Store `data` (JSON-ready) under `key`, replacing what was there; it lives `ttl` seconds."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self._call(self.backend.put, kind, key, text, ttl)

    def count(self, kind: str) -> int:
        """How many live entries of `kind` there are (for statistics; may scan)."""
        return self._call(self.backend.count, kind)

    def close(self) -> None:
        self.backend.close()

    def _call(self, operation: Callable[..., Any], *args: Any) -> Any:
        with self._lock:
            probing = self._down_until is not None
            if probing:
                now = self._clock()
                if now < self._down_until:
                    raise StateUnavailable(f"{self.name} is unavailable (trying again shortly)")
                self._down_until = now + self._cooldown  # this call probes; the others keep failing fast
        try:
            result = operation(*args)
        except StateUnavailable as error:
            with self._lock:
                self._down_until = self._clock() + self._cooldown
            if not probing:
                log.warning("%s; going on without it until it is back", error)
            raise
        if probing:
            with self._lock:
                self._down_until = None
            log.warning("%s is back", self.name)
        return result


def key_text(key: Hashable) -> str:
    """A conversation or event key as store text: strings as they are, tuples as a JSON list."""
    return key if isinstance(key, str) else json.dumps(list(key) if isinstance(key, tuple) else key)


def open_state(url: str, limits: Mapping[str, int] | None = None,
               clock: Callable[[], float] = time.monotonic) -> State:
    """The state for `url`, checked to be usable now; raises `StateUnavailable` (one line) if not.

    `limits` caps the entries kept per kind in memory and SQLite; `clock` times the memory
    store's TTLs (tests pass a fake one)."""
    limits = dict(limits or {})
    scheme = urlsplit(url).scheme
    if url == "memory":
        from bot.kit.state.memory import MemoryBackend

        return State(MemoryBackend(limits, clock), "the memory state")
    if scheme in ("redis", "rediss", "unix"):
        from bot.kit.state.redisdb import RedisBackend

        name = f"Redis at {public_url(url)}"
        return State(RedisBackend(url, name), name)
    if scheme in ("", "sqlite"):
        from bot.kit.state.sqlite import SqliteBackend

        path = urlsplit(url).path if scheme else url
        return State(SqliteBackend(path, limits), f"the SQLite file {path}")
    raise StateUnavailable(f"unknown state store {public_url(url)!r} (use memory, a SQLite path or redis://HOST:PORT/DB)")


def public_url(url: str) -> str:
    """`url` with any password replaced by ***, fit for a log line or an error message."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
