"""Socket Mode: the app connects to a local WebSocket stand-in, acks an envelope, answers in thread."""
from __future__ import annotations

from pathlib import Path

from slack_deliveries import SocketSlack
from slack_standin import CHANNEL, SlackStandIn, config_for, event_callback, mention


def test_socket_mode_acks_the_envelope_and_answers(tmp_path: Path) -> None:
    standin = SlackStandIn()
    event = mention("which is faster, pytorch or keras?")
    slack = SocketSlack(standin, config_for(standin, tmp_path, signing_secret=""))
    try:
        assert slack.deliver("events_api", event_callback(event), envelope_id="env-1") == 200
        assert slack.ack("env-1") == {"envelope_id": "env-1"}
        [post] = standin.wait_for("chat.postMessage")
        assert post.body["channel"] == CHANNEL and post.body["thread_ts"] == event["ts"]
        assert [c.method for c in standin.calls][:2] == ["auth.test", "apps.connections.open"]
    finally:
        slack.close()
        standin.close()
