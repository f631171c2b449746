"""The contract every state backend keeps, and the one error they raise."""
from __future__ import annotations

from typing import Protocol

DEFAULT_LIMIT = 10_000  # most entries of one kind kept in memory or SQLite (Redis relies on TTLs)


class StateUnavailable(Exception):
    """The store cannot be reached or used right now; the message names it (and never a password)."""


class Backend(Protocol):
    """What each store implements; values are JSON text, `ttl` is in seconds."""

    shared: bool  # True when other processes see the same entries (Redis)

    def claim(self, kind: str, key: str, ttl: float) -> bool: ...
    def get(self, kind: str, key: str) -> str | None: ...
    def put(self, kind: str, key: str, value: str, ttl: float) -> None: ...
    def count(self, kind: str) -> int: ...
    def close(self) -> None: ...
