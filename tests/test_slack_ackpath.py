"""Nothing on the acknowledgement path waits on the state store: the real app, in-process, in front of
a real Redis whose every call the test holds until it lets go, acks new deliveries and a redelivery
before any store call has returned, and answers each question exactly once afterwards.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from bot.kit.state import State
from bot.kit.state.base import Backend
from bot.slack.state import open_slack_state
from redis_server import RedisServer
from slack_standin import DM, RunningApp, SlackStandIn, config_for, event_callback, expected_text, mention, message

FASTER = "which is faster, pytorch or keras?"
SLACK_ACK = 3.0  # Slack's own limit, as the client timeout: a slower ack raises


class HeldBackend:
    """The real backend, with every call blocked until the test sets `release`."""

    def __init__(self, real: Backend) -> None:
        self.real, self.shared = real, real.shared
        self.entered = threading.Event()  # a call is waiting on `release`
        self.release = threading.Event()

    def _held(self, name: str, *args: Any) -> Any:
        self.entered.set()
        self.release.wait(30)
        return getattr(self.real, name)(*args)

    def claim(self, kind: str, key: str, ttl: float) -> bool:
        return bool(self._held("claim", kind, key, ttl))

    def get(self, kind: str, key: str) -> str | None:
        return self._held("get", kind, key)  # type: ignore[no-any-return]

    def put(self, kind: str, key: str, value: str, ttl: float) -> None:
        self._held("put", kind, key, value, ttl)

    def count(self, kind: str) -> int:
        return int(self._held("count", kind))

    def close(self) -> None:
        self.real.close()


def test_deliveries_are_acked_while_every_store_call_is_still_blocked(
    standin: SlackStandIn, tmp_path: Path, redis_server: RedisServer
) -> None:
    real = open_slack_state(redis_server.url, 100)
    held = HeldBackend(real.backend)
    app = RunningApp(config_for(standin, tmp_path), state=State(held, real.name))
    app.slack.timeout = SLACK_ACK
    try:
        try:
            first = event_callback(mention(FASTER))
            dm = event_callback(message(FASTER, channel=DM, channel_type="im"))
            # each ack returns (within Slack's 3 s) while the store cannot answer at all
            for payload, headers in ((first, {}), (dm, {}), (first, {"X-Slack-Retry-Num": "1"})):
                assert app.slack.send_json(payload, headers=headers).status == 200
            assert held.entered.wait(20)  # the claims are made, by the jobs, after the acks
            assert standin.tried("chat.postMessage") == []
        finally:
            held.release.set()  # the store answers from now on
        posts = standin.wait_for("chat.postMessage", 2)
        app.settle()
        thread = first["event"]["ts"]
        channels = sorted(p.body["channel"] for p in standin.ok("chat.postMessage"))
        assert channels == sorted([first["event"]["channel"], DM])
        [in_thread] = [p for p in posts if p.body.get("thread_ts") == thread]  # the redelivery was not answered
        assert in_thread.body["text"] == expected_text(FASTER)
    finally:
        app.close()
