"""What `fwbot slack` says when it starts: a clear line when Slack cannot be reached, no noise when it can."""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.error import URLError

import pytest

from slack_standin import BOT_TOKEN, SIGNING_SECRET, SlackStandIn, config_for


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_slack_says_where_and_what_to_check(tmp_path: Path) -> None:
    api = f"http://127.0.0.1:{closed_port()}/api/"
    env = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": api}
    done = subprocess.run([sys.executable, "-m", "bot.slack", "--http", "--port", "0"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    last = done.stderr.splitlines()[-1]
    assert last.startswith("fwbot slack: could not reach Slack to check the bot token: ")
    assert f"no answer from {api}auth.test (Connection refused)" in last
    assert f"Check that SLACK_API_URL ({api}) is right" in last
    assert "will be unused" not in done.stderr
    assert "Traceback" not in done.stderr and BOT_TOKEN not in done.stderr + done.stdout


def test_without_a_network_the_message_points_at_slack_com_and_the_proxy() -> None:
    from bot.slack import _unreachable

    no_dns = URLError(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
    message = _unreachable(None, no_dns)
    assert "no answer from https://slack.com/api/auth.test (Name or service not known)" in message
    assert "reach slack.com over HTTPS" in message and "HTTPS_PROXY" in message
    assert "timed out" in _unreachable(None, URLError(TimeoutError("timed out")))


def test_starting_logs_no_token_unused_warning(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                               tmp_path: Path) -> None:
    from bot.slack.app import create_app

    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)  # as `fwbot slack` runs: Bolt reads it too
    standin = SlackStandIn()
    try:
        with caplog.at_level(logging.DEBUG):
            create_app(config_for(standin, tmp_path)).close()
    finally:
        standin.close()
    assert [r for r in caplog.records if "auth.test" in r.getMessage()], "precondition: start-up logs are captured"
    assert not [r.getMessage() for r in caplog.records if "unused" in r.getMessage()]
