"""The state in Redis, shared by every replica of the bot: `--state redis://HOST:PORT/DB`.

Every key is `fwbot:KIND:KEY` and has a TTL, so Redis's memory stays bounded. A claim is one
`SET key 1 NX PX ttl`: atomic, so of two replicas handed the same event only one wins.
The client waits at most `TIMEOUT` s for a connection or a reply and retries once (its
defaults, 5 s and several retries, would hold a request far beyond Slack's 3 s); options in
the URL's query (`?socket_timeout=0.5`) override these.
"""
from __future__ import annotations

from typing import Any

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from bot.kit.state.base import StateUnavailable

TIMEOUT = 0.25
RETRIES = 1
PREFIX = "fwbot:"


class RedisBackend:
    """A `redis.Redis` client with short timeouts; checked with PING when created."""

    shared = True

    def __init__(self, url: str, name: str) -> None:
        self.name = name
        try:
            self._client = redis.Redis.from_url(
                url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT, retry=Retry(NoBackoff(), RETRIES),
                decode_responses=True, client_name="fwbot")
        except ValueError as error:
            raise StateUnavailable(f"{name}: not a usable Redis URL ({error})") from error
        self._run(self._client.ping)

    def claim(self, kind: str, key: str, ttl: float) -> bool:
        return bool(self._run(self._client.set, PREFIX + kind + ":" + key, "1", nx=True, px=_ms(ttl)))

    def get(self, kind: str, key: str) -> str | None:
        return self._run(self._client.get, PREFIX + kind + ":" + key)

    def put(self, kind: str, key: str, value: str, ttl: float) -> None:
        self._run(self._client.set, PREFIX + kind + ":" + key, value, px=_ms(ttl))

    def count(self, kind: str) -> int:
        return self._run(lambda: sum(1 for _ in self._client.scan_iter(match=f"{PREFIX}{kind}:*", count=1000)))

    def close(self) -> None:
        self._client.close()

    def _run(self, operation: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return operation(*args, **kwargs)
        except (redis.RedisError, OSError) as error:
            raise StateUnavailable(f"cannot reach {self.name} ({type(error).__name__}: {error})") from error


def _ms(ttl: float) -> int:
    return max(1, int(ttl * 1000))
