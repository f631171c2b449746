"""What the Slack app remembers, across a restart (SQLite) and across replicas (Redis), as real
`python -m bot.slack --http` processes against the Web API stand-in and a real redis-server.

Slack waits 3 s for an acknowledgement: every request here is sent with a 3 s client timeout,
so a slower ack fails the test, Redis paused or killed included.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.slack.blocks import SHARE
from redis_server import RedisServer, free_port
from slack_standin import (
    BOT_TOKEN,
    SIGNING_SECRET,
    Call,
    Reply,
    SignedSender,
    SlackProcess,
    SlackStandIn,
    block_action,
    button_value,
    event_callback,
    expected_text,
    mention,
    message,
    unique,
)

FASTER = "which is faster, pytorch or keras?"
FOLLOW_UP = "and for debugging?"
SLACK_ACK = 3.0


def bot_env(standin: SlackStandIn, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": standin.base_url,
            "FWBOT_FEEDBACK_FILE": str(tmp_path / "feedback.jsonl"), **extra}


def in_thread(standin: SlackStandIn, thread_ts: str) -> list[Call]:
    return [c for c in standin.tried("chat.postMessage") if c.body.get("thread_ts") == thread_ts]


def wait_in_thread(standin: SlackStandIn, thread_ts: str, count: int, timeout: float = 20) -> list[Call]:
    deadline = time.monotonic() + timeout
    while len(in_thread(standin, thread_ts)) < count:
        assert time.monotonic() < deadline, f"expected {count} post(s) in thread {thread_ts}"
        time.sleep(0.02)
    return in_thread(standin, thread_ts)


def acked(sender: SignedSender, payload: dict[str, Any], **kwargs: Any) -> Reply:
    """Send within Slack's 3 s (the sender's timeout raises past it) and expect 200."""
    reply = sender.send_json(payload, **kwargs)
    assert reply.status == 200
    return reply


# --- one process, SQLite (the default) --------------------------------------------------------

def test_a_restart_keeps_the_thread_and_does_not_answer_a_redelivery(standin: SlackStandIn, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = bot_env(standin, tmp_path, FWBOT_HOME=str(home))
    first = event_callback(mention(FASTER))
    thread_ts = first["event"]["ts"]
    server = SlackProcess(env, tmp_path)
    try:
        acked(server.slack, first)
        wait_in_thread(standin, thread_ts, 1)
    finally:
        assert "slack-state.sqlite3" in server.stop()
    assert server.process.returncode == 0 and (home / "slack-state.sqlite3").is_file()

    again = SlackProcess(env, tmp_path)
    try:
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        acked(again.slack, first, headers=retry)  # Slack redelivers the event answered before the restart
        acked(again.slack, event_callback(message(FOLLOW_UP, thread_ts=thread_ts)))
        wait_in_thread(standin, thread_ts, 2)
    finally:
        again.stop()  # waits for queued answers: nothing more can be posted after this
    posts = in_thread(standin, thread_ts)
    assert len(posts) == 2 == len(standin.tried("chat.postMessage"))
    assert posts[1].body["text"] == expected_text(FASTER, FOLLOW_UP)  # in the context from before the restart


# --- two replicas sharing one Redis -------------------------------------------------------

@dataclass
class Replicas:
    redis: RedisServer
    standin: SlackStandIn
    one: SlackProcess
    two: SlackProcess


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    """Two bots on one Redis: one told by FWBOT_STATE_URL, the other by --state."""
    tmp_path = tmp_path_factory.mktemp("replicas")
    redis, standin = RedisServer(), SlackStandIn()
    one = two = None
    try:
        one = SlackProcess(bot_env(standin, tmp_path, FWBOT_STATE_URL=redis.url), tmp_path)
        two = SlackProcess(bot_env(standin, tmp_path), tmp_path, ("--state", redis.url))
        one.slack.timeout = two.slack.timeout = SLACK_ACK
        yield Replicas(redis, standin, one, two)
    finally:
        for server in (one, two):
            if server is not None:
                output = server.stop()
                assert server.process.returncode == 0, output
        standin.close()
        redis.close()


def test_the_same_event_to_both_replicas_at_once_is_answered_once(replicas: Replicas) -> None:
    envelopes = [event_callback(mention(FASTER)) for _ in range(20)]
    replies: list[Reply] = []
    errors: list[BaseException] = []

    def deliver(sender: SignedSender, envelope: dict[str, Any], start: threading.Barrier) -> None:
        start.wait()
        try:
            replies.append(acked(sender, envelope))
        except BaseException as error:  # noqa: BLE001  (reported below, with the others)
            errors.append(error)

    threads = []
    for envelope in envelopes:
        start = threading.Barrier(2)
        threads += [threading.Thread(target=deliver, args=(server.slack, envelope, start))
                    for server in (replicas.one, replicas.two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(replies) == 40
    for envelope in envelopes:
        [post] = wait_in_thread(replicas.standin, envelope["event"]["ts"], 1)
        assert post.body["text"] == expected_text(FASTER)
    time.sleep(1.0)  # a second answer, had either replica queued one, would have been posted by now
    assert all(len(in_thread(replicas.standin, e["event"]["ts"])) == 1 for e in envelopes)


def test_a_follow_up_on_the_other_replica_continues_the_thread(replicas: Replicas) -> None:
    first = mention(FASTER)
    acked(replicas.one.slack, event_callback(first))
    wait_in_thread(replicas.standin, first["ts"], 1)
    acked(replicas.two.slack, event_callback(message(FOLLOW_UP, thread_ts=first["ts"])))
    posts = wait_in_thread(replicas.standin, first["ts"], 2)
    assert posts[1].body["text"] == expected_text(FASTER, FOLLOW_UP)


def test_a_private_answer_from_one_replica_is_shared_by_the_other(replicas: Replicas) -> None:
    standin = replicas.standin
    private_url = standin.response_url(unique("slash"))
    assert replicas.one.slack.command(FASTER, private_url).status == 200
    [private] = standin.wait_for("response:" + private_url.rsplit("/", 1)[1])
    share_url = standin.response_url(unique("share"))
    click = block_action(SHARE, button_value(private, SHARE), share_url, ephemeral=True)
    assert replicas.two.slack.action(click).status == 200
    shared, delete = standin.wait_for("response:" + share_url.rsplit("/", 1)[1], 2)
    assert shared.body["response_type"] == "in_channel" and shared.body["text"] == private.body["text"]
    assert delete.body == {"delete_original": True}


@pytest.mark.parametrize("fault", ["paused", "killed"])
def test_with_redis_gone_every_request_is_acked_and_it_recovers(replicas: Replicas, fault: str) -> None:
    standin, one, two = replicas.standin, replicas.one, replicas.two
    known = mention(FASTER)  # a thread both replicas can continue while Redis is there
    acked(one.slack, event_callback(known))
    wait_in_thread(standin, known["ts"], 1)

    replicas.redis.pause() if fault == "paused" else replicas.redis.stop()
    try:
        fresh = [mention(FASTER) for _ in range(4)]
        for n, event in enumerate(fresh):
            acked((one, two)[n % 2].slack, event_callback(event))  # new questions are still answered
        acked(two.slack, event_callback(message(FOLLOW_UP, thread_ts=known["ts"])))  # two cannot know it
        acked(one.slack, event_callback(message(FOLLOW_UP, thread_ts=known["ts"])))  # one can: no context
        for event in fresh:
            [post] = wait_in_thread(standin, event["ts"], 1)
            assert post.body["text"] == expected_text(FASTER)
        posts = wait_in_thread(standin, known["ts"], 2)
        assert posts[1].body["text"] == expected_text(FOLLOW_UP)
    finally:
        replicas.redis.resume() if fault == "paused" else replicas.redis.start()
    assert one.process.poll() is None and two.process.poll() is None
    time.sleep(1.2)  # past the state's one-second cooldown: the next call tries Redis again

    again = mention(FASTER)
    acked(two.slack, event_callback(again))
    wait_in_thread(standin, again["ts"], 1)
    acked(one.slack, event_callback(message(FOLLOW_UP, thread_ts=again["ts"])))
    posts = wait_in_thread(standin, again["ts"], 2)
    assert posts[1].body["text"] == expected_text(FASTER, FOLLOW_UP)  # shared context is back
    assert len(in_thread(standin, known["ts"])) == 2  # the un-knowable follow-up was never answered


def test_start_against_a_dead_redis_fails_in_one_line(tmp_path: Path) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    env = os.environ | {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                        "SLACK_API_URL": "http://127.0.0.1:9/api/"}  # never reached: Redis is checked first
    for args, extra in ((["--state", url], {}), ([], {"FWBOT_STATE_URL": url})):
        done = subprocess.run([sys.executable, "-m", "bot.slack", "--http", *args], env=env | extra,
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and done.stdout == ""
        [line] = done.stderr.splitlines()
        assert line.startswith("fwbot slack: cannot reach Redis at " + url) and "Traceback" not in done.stderr
