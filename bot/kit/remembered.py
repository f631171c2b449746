"""What an adapter remembers, seen through the state store: `Records` (JSON entries that expire)
and `Claims` ("have we handled this already?", answered once across restarts and replicas).

Both keep going when the store is unavailable: a record reads as absent and is not kept, and a
claim is granted unless this process has seen the key itself.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from bot.kit.bounded import BoundedSet
from bot.kit.state import State, StateUnavailable, key_text


class Records:
    """Entries of one kind, each living `ttl` seconds after it was last written."""

    def __init__(self, state: State, kind: str, ttl: float) -> None:
        self.state, self.kind, self.ttl = state, kind, ttl

    def get(self, key: Hashable) -> dict[str, Any] | None:
        """The entry for `key`; None if absent, expired, unreadable or the store is unavailable."""
        try:
            return self.state.get(self.kind, key_text(key))
        except StateUnavailable:
            return None

    def put(self, key: Hashable, data: Mapping[str, Any]) -> bool:
        """Keep `data` for `key`; False if the store is unavailable (already logged by the state)."""
        try:
            self.state.put(self.kind, key_text(key), data, self.ttl)
            return True
        except StateUnavailable:
            return False

    def __len__(self) -> int:
        """Live entries (0 while the store is unavailable)."""
        try:
            return self.state.count(self.kind)
        except StateUnavailable:
            return 0


class Claims:
    """Keys handled once, by an atomic claim in the store, which later runs (and, for a shared store,
    other processes) see. In front of a shared store, this process's bounded set of keys it has
    seen answers its own repeats without a round trip, and decides alone while the store is away."""

    def __init__(self, state: State, kind: str, ttl: float, capacity: int) -> None:
        self.state, self.kind, self.ttl = state, kind, ttl
        self._seen: BoundedSet[Hashable] | None = BoundedSet(capacity) if state.shared else None

    def add(self, key: Hashable) -> bool:
        """Claim `key`; True if nobody had (the caller should handle it). With the store unavailable
        the claim is granted, so another replica might handle the same key too."""
        if self._seen is not None and not self._seen.add(key):
            return False
        try:
            return self.state.claim(self.kind, key_text(key), self.ttl)
        except StateUnavailable:
            return True

    def __len__(self) -> int:
        """Keys remembered: by this process in front of a shared store, else by the store."""
        if self._seen is not None:
            return len(self._seen)
        try:
            return self.state.count(self.kind)
        except StateUnavailable:
            return 0
