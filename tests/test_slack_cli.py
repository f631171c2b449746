"""`fwbot slack` / `python -m bot.slack` as a process: start-up checks and a real answer over HTTP."""
from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.terminal.cli import main
from slack_standin import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, SignedSender, SlackStandIn, mention

SLACK_VARS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "FWBOT_FEEDBACK_FILE")


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SLACK_VARS}
    return env | values


@pytest.mark.parametrize(
    ("args", "values", "missing"),
    [
        (["--http"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
        (["--http"], {"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": SIGNING_SECRET}, "SLACK_BOT_TOKEN"),
        ([], {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}, "SLACK_APP_TOKEN"),
    ],
)
def test_missing_variable_exits_2_naming_it(args: list[str], values: dict[str, str], missing: str,
                                            tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bot.slack", *args], env=_env(**values), cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert missing in result.stderr and "Traceback" not in result.stderr
    assert BOT_TOKEN not in result.stderr + result.stdout


def test_a_refused_token_exits_1_without_showing_it(tmp_path: Path) -> None:
    standin = SlackStandIn()
    wrong = "xoxb-wrong-not-a-real-token"
    try:
        result = subprocess.run([sys.executable, "-m", "bot.slack", "--http", "--port", "0"],
                                env=_env(SLACK_BOT_TOKEN=wrong, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                                         SLACK_API_URL=standin.base_url),
                                cwd=tmp_path, capture_output=True, text=True, timeout=60)
    finally:
        standin.close()
    assert result.returncode == 1
    assert "could not start" in result.stderr and "invalid_auth" in result.stderr
    assert wrong not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_fwbot_slack_goes_through_the_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in SLACK_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert main(["slack"]) == 2
    assert "SLACK_APP_TOKEN" in capsys.readouterr().err
    assert main(["slack", "--help"]) == 0
    assert "--http" in capsys.readouterr().out


def test_http_server_process_answers_a_signed_mention(tmp_path: Path) -> None:
    standin = SlackStandIn()
    env = _env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_APP_TOKEN=APP_TOKEN,
               SLACK_API_URL=standin.base_url, FWBOT_FEEDBACK_FILE=str(tmp_path / "feedback.jsonl"))
    process = subprocess.Popen([sys.executable, "-m", "bot.slack", "--http", "--host", "127.0.0.1", "--port", "0"],
                               env=env, cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            log.append(line)
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    try:
        url = None
        while url is None:
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", lines.get(timeout=60))
            url = found and found.group(1)
        event = mention("which is faster, pytorch or keras?")
        assert SignedSender(url).event(event).status == 200
        [post] = standin.wait_for("chat.postMessage")
        assert post.body["thread_ts"] == event["ts"]
    finally:
        process.terminate()
        process.wait(timeout=30)
        standin.close()
    assert process.returncode == 0
    output = "".join(log)
    for secret in (BOT_TOKEN, SIGNING_SECRET, APP_TOKEN):
        assert secret not in output
