"""Real Slack request bodies (tests/payloads, see SOURCES.md there) and the two ways Slack
delivers them to the app: signed HTTP requests to /slack/events, and Socket Mode envelopes
over a WebSocket stand-in on 127.0.0.1. Both report whether Slack got its acknowledgement.
"""
from __future__ import annotations

import copy
import json
import queue
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from websockets.sync.server import ServerConnection, serve

from slack_standin import APP_TOKEN, BOT_USER, RunningApp, SlackStandIn, unique

PAYLOADS = Path(__file__).resolve().parent / "payloads"
ACK_WAIT = 5.0  # seconds to wait for a Socket Mode ack before counting the envelope as unacknowledged


def load(name: str) -> Any:
    """The stored body `name` (a file in tests/payloads, without .json), as a fresh object."""
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def event_body(name: str, *, bot_user: str | None = None, **event: Any) -> dict[str, Any]:
    """Events API body `name` adapted to this test: the app's bot user id in it (`bot_user`) becomes
    ours, the event id is fresh, and `event` overrides fields of the inner event (None removes one)."""
    body = load(name)
    if bot_user:
        body = json.loads(json.dumps(body).replace(bot_user, BOT_USER))
    body["event_id"] = unique("Ev")
    for key, value in event.items():
        if value is None:
            body["event"].pop(key, None)
        else:
            body["event"][key] = value
    return body


def mention_body(channel: str, ts: str, text: str) -> dict[str, Any]:
    """bolt-python's app_mention body, posted in `channel` at `ts`, mentioning our bot with `text`."""
    return event_body("bolt_app_mention", bot_user="W111", channel=channel, ts=ts, event_ts=ts,
                      text=f"<@{BOT_USER}> {text}")


class HttpSlack:
    """The app served over HTTP; `deliver` signs and POSTs a body and returns the HTTP status."""

    def __init__(self, standin: SlackStandIn, config: Any) -> None:
        self.standin = standin
        self.running = RunningApp(config)
        self.bot = self.running.bot

    def deliver(self, kind: str, payload: dict[str, Any]) -> int:
        """`kind` is the Socket Mode envelope type: events_api, slash_commands or interactive."""
        slack = self.running.slack
        if kind == "events_api":
            return slack.send_json(payload).status
        if kind == "slash_commands":
            form = urllib.parse.urlencode(payload).encode()
        else:
            form = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        return slack.send(form, "application/x-www-form-urlencoded").status

    def settle(self) -> None:
        self.running.settle()

    def close(self) -> None:
        self.running.close()


class SocketSlack:
    """The app in Socket Mode, connected to a WebSocket stand-in; `deliver` sends an envelope (shaped
    like bolt-python's test envelopes) and returns 200 once the app acks it, 0 if it never does."""

    def __init__(self, standin: SlackStandIn, config: Any) -> None:
        from bot.slack.app import create_app
        from bot.slack.server import socket_mode

        self.standin = standin
        self.templates = {envelope["type"]: envelope for envelope in load("bolt_socket_mode_envelopes")}
        self._acks: dict[str, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._connections: queue.Queue[ServerConnection] = queue.Queue()
        self.server = serve(self._slack_side, "127.0.0.1", 0)
        standin.ws_url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link/?ticket=test"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.bot = create_app(config)
        self.handler = socket_mode(self.bot, APP_TOKEN)
        self.connection = self._connections.get(timeout=20)

    def _slack_side(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1,
                                    "connection_info": {"app_id": "A0FWBOT"}}))
        self._connections.put(connection)
        for frame in connection:
            ack = json.loads(frame)
            with self._cond:
                self._acks[ack.get("envelope_id")] = ack
                self._cond.notify_all()

    def deliver(self, kind: str, payload: dict[str, Any], envelope_id: str = "") -> int:
        envelope = copy.deepcopy(self.templates[kind])
        envelope_id = envelope_id or unique("env-")
        envelope.update(envelope_id=envelope_id, payload=payload)
        if kind == "events_api":
            envelope.update(retry_attempt=0, retry_reason="")  # a first delivery
        self.connection.send(json.dumps(envelope))
        with self._cond:
            acked = self._cond.wait_for(lambda: envelope_id in self._acks, ACK_WAIT)
        return 200 if acked else 0

    def ack(self, envelope_id: str) -> dict[str, Any]:
        """The frame the app sent back for `envelope_id`."""
        with self._cond:
            return self._acks[envelope_id]

    def settle(self) -> None:
        assert self.bot.join(20), "the app still has work pending"

    def close(self) -> None:
        """Disconnect and stop; the Socket Mode client's own threads wind down in the background
        (that takes it about 3 s, and no later test depends on it)."""
        threading.Thread(target=self.handler.close, daemon=True).start()
        self.bot.close(timeout=5)
        self.server.shutdown()


Delivery = HttpSlack | SocketSlack
