"""Socket Mode: the app connects to a local WebSocket stand-in, acks an envelope, answers in thread."""
from __future__ import annotations

import json
import queue
import threading
from pathlib import Path

from websockets.sync.server import ServerConnection, serve

from bot.slack.app import create_app
from bot.slack.server import socket_mode
from slack_standin import APP_TOKEN, CHANNEL, SlackStandIn, config_for, event_callback, mention


def test_socket_mode_acks_the_envelope_and_answers(tmp_path: Path) -> None:
    standin = SlackStandIn()
    event = mention("which is faster, pytorch or keras?")
    envelope = {"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                "retry_attempt": 0, "retry_reason": "", "payload": event_callback(event)}
    from_app: queue.Queue[dict] = queue.Queue()

    def slack_side(connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1,
                                    "connection_info": {"app_id": "A0FWBOT"}}))
        connection.send(json.dumps(envelope))
        for frame in connection:
            from_app.put(json.loads(frame))

    with serve(slack_side, "127.0.0.1", 0) as server:
        standin.ws_url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/link/?ticket=test"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        bot = create_app(config_for(standin, tmp_path, signing_secret=""))
        handler = socket_mode(bot, APP_TOKEN)
        try:
            assert from_app.get(timeout=20) == {"envelope_id": "env-1"}
            [post] = standin.wait_for("chat.postMessage")
            assert post.body["channel"] == CHANNEL and post.body["thread_ts"] == event["ts"]
            assert [c.method for c in standin.calls][:2] == ["auth.test", "apps.connections.open"]
        finally:
            handler.close()
            bot.close(timeout=5)
            server.shutdown()
            standin.close()
