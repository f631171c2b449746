"""The Slack app under faults, over HTTP on 127.0.0.1: Slack's API failing for good, the answerer
raising on the slash-command path, malformed and unsigned requests, bodies over 1 MiB; feedback
clicks under concurrency; the per-thread sessions staying bounded through the app. After each
fault the app answers the next valid request correctly.

(Retried 429/500s, a long Retry-After, a hanging API and a raising answer on mentions are in
test_slack_http.py.)
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from bot.slack.blocks import HELPFUL, NOT_HELPFUL, feedback_value
from bot.kit.feedback import read_feedback
from bot.slack.responder import APOLOGY
from bot.slack.server import MAX_BODY
from slack_standin import (
    expected_text,
    BOT_TOKEN,
    SIGNING_SECRET,
    RunningApp,
    SlackProcess,
    SlackStandIn,
    block_action,
    config_for,
    event_callback,
    mention,
    message,
    oversized,
    sign,
    unique,
)
from slack_standin import post as http_post

FASTER = "which is faster, pytorch or keras?"


def answers_next_mention(app: RunningApp, standin: SlackStandIn) -> None:
    """The app is still well: a fresh mention is acked and answered correctly in its thread."""
    before = len(standin.ok("chat.postMessage"))
    event = mention(FASTER)
    assert app.slack.event(event).status == 200
    post = standin.wait_for("chat.postMessage", before + 1)[-1]
    assert post.body["thread_ts"] == event["ts"] and post.body["text"] == expected_text(FASTER)


# --- Slack's API failing -------------------------------------------------------------------

@pytest.mark.parametrize("failure", [("500", 0), ("429", 0)])
def test_an_api_that_keeps_failing_is_given_up_on_and_the_app_keeps_serving(
    standin: SlackStandIn, tmp_path: Path, failure: tuple[str, int]
) -> None:
    """Every try fails (answer and apology, each retried once): nothing is posted, nothing crashes."""
    app = RunningApp(config_for(standin, tmp_path, max_retries=1))
    try:
        standin.plan("chat.postMessage", *[failure] * 4)
        assert app.slack.event(mention(FASTER)).status == 200
        app.settle()
        assert [c.status for c in standin.tried("chat.postMessage")] == [int(failure[0])] * 4
        assert standin.ok("chat.postMessage") == []
        answers_next_mention(app, standin)
    finally:
        app.close()


@pytest.mark.parametrize("failure", [("500", 0), ("429", 0)])
def test_a_response_url_that_keeps_failing_and_the_next_command_is_answered(
    standin: SlackStandIn, tmp_path: Path, failure: tuple[str, int]
) -> None:
    app = RunningApp(config_for(standin, tmp_path, max_retries=1))
    try:
        name = unique("slash")
        standin.plan("response:" + name, *[failure] * 4)
        assert app.slack.command(FASTER, standin.response_url(name)).status == 200
        app.settle()
        assert [c.status for c in standin.tried("response:" + name)] == [int(failure[0])] * 4
        again = unique("slash")
        app.slack.command(FASTER, standin.response_url(again))
        [private] = standin.wait_for("response:" + again)
        assert private.body["text"] == expected_text(FASTER)
    finally:
        app.close()


def test_a_hanging_response_url_gets_an_apology(running: RunningApp, standin: SlackStandIn) -> None:
    name = unique("slash")
    standin.plan("response:" + name, ("hang", 0))
    running.slack.command(FASTER, standin.response_url(name))
    [apology] = standin.wait_for("response:" + name)  # the answer timed out (2 s); the apology did not
    assert apology.body["text"] == APOLOGY
    standin.release()
    answers_next_mention(running, standin)


def test_a_slash_command_whose_answer_raises_gets_an_apology(
    running: RunningApp, standin: SlackStandIn, core_raises: pytest.MonkeyPatch
) -> None:
    name = unique("slash")
    running.slack.command(FASTER, standin.response_url(name))
    [apology] = standin.wait_for("response:" + name)
    assert apology.body["text"] == APOLOGY and apology.body["response_type"] == "ephemeral"
    core_raises.undo()
    again = unique("slash")
    running.slack.command(FASTER, standin.response_url(again))
    assert standin.wait_for("response:" + again)[0].body["text"] == expected_text(FASTER)


# --- requests that are not Slack's -------------------------------------------------------------

VALID = json.dumps(event_callback(mention(FASTER)))
MALFORMED = [
    pytest.param(VALID[:-7].encode(), "application/json", id="cut-off-json"),
    pytest.param(b"{not json", "application/json", id="not-json"),
    pytest.param(b"[]", "application/json", id="array"),
    pytest.param(b'"event_callback"', "application/json", id="string"),
    pytest.param(b"{}", "application/json", id="no-type"),
    pytest.param(b"", "application/json", id="empty"),
    pytest.param(b"\xff\xfe" + VALID.encode(), "application/json", id="not-utf8"),
    pytest.param(b'{"type": "event_callback", "event_id": "EvX1"}', "application/json", id="no-event"),
    pytest.param(b'{"type": "event_callback", "event": "x"}', "application/json", id="event-not-object"),
    pytest.param(b'{"type": "event_callback", "event_id": ["EvX2"], "event": {"type": "app_mention"}}',
                 "application/json", id="event-id-not-string"),
    pytest.param(b'{"type": 7}', "application/json", id="type-not-string"),
    pytest.param(b"payload=%7Bnot-json", "application/x-www-form-urlencoded", id="form-payload-not-json"),
    pytest.param(b"payload=%5B1%5D", "application/x-www-form-urlencoded", id="form-payload-array"),
    pytest.param(b"payload=" + urllib.parse.quote(json.dumps({"type": "block_actions", "actions": []})).encode(),
                 "application/x-www-form-urlencoded", id="block-actions-without-actions"),
    pytest.param(b"just some text", "text/plain", id="plain-text"),
]


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
def test_a_signed_malformed_body_gets_400_and_the_app_keeps_serving(
    running: RunningApp, standin: SlackStandIn, body: bytes, content_type: str
) -> None:
    reply = running.slack.send(body, content_type)
    assert reply.status == 400
    running.settle()
    assert standin.tried("chat.postMessage") == []
    answers_next_mention(running, standin)


def test_odd_field_types_in_a_well_formed_event_do_not_break_the_app(
    running: RunningApp, standin: SlackStandIn
) -> None:
    """Signed events whose fields have the wrong types are acked and ignored (or read as empty), or
    refused with 400 where Bolt itself cannot read them; never a 500, never an answer gone wrong."""
    odd = [
        dict(mention(FASTER), channel=["C1"]),
        dict(mention(FASTER), ts={"x": 1}),
        dict(message(FASTER, channel_type="im"), channel=5),
        dict(mention(FASTER), thread_ts=["1.0"], text=None),
    ]
    assert [running.slack.event(event).status for event in odd] == [200, 200, 400, 200]
    weird_click = dict(block_action(HELPFUL, "{}", standin.response_url("odd")), user="U0", channel=[1],
                       container=None)
    assert running.slack.action(weird_click).status == 200
    running.settle()
    posted = standin.ok("chat.postMessage")
    assert all(p.body["text"] != APOLOGY for p in posted)
    answers_next_mention(running, standin)


def test_requests_without_signature_headers_get_401(running: RunningApp, standin: SlackStandIn) -> None:
    body = VALID.encode()
    signed = sign(body, int(time.time()))
    assert http_post(running.url, body, "application/json", {}).status == 401
    for headers in ({"X-Slack-Request-Timestamp": signed["X-Slack-Request-Timestamp"]},
                    {"X-Slack-Signature": signed["X-Slack-Signature"]},
                    {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": signed["X-Slack-Signature"]}):
        assert http_post(running.url, body, "application/json", headers).status == 401
    running.settle()
    assert standin.tried("chat.postMessage") == []
    assert http_post(running.url, body, "application/json", signed).status == 200  # with both: accepted
    assert standin.wait_for("chat.postMessage")[0].body["text"] == expected_text(FASTER)


def test_http_is_never_served_without_a_signing_secret(standin: SlackStandIn, tmp_path: Path) -> None:
    from bot.slack.app import create_app
    from bot.slack.server import http_server

    unsigned = create_app(config_for(standin, tmp_path, signing_secret=""))
    try:
        with pytest.raises(ValueError, match="SLACK_SIGNING_SECRET"):
            http_server(unsigned, "127.0.0.1", 0)
    finally:
        unsigned.close(timeout=1)


def test_only_post_to_the_events_path(running: RunningApp) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(running.url, timeout=10)
    assert refused.value.code == 405 and refused.value.headers["Allow"] == "POST"


# --- bodies over 1 MiB ---------------------------------------------------------------------------

def test_a_declared_body_over_1_mib_gets_413_before_it_is_sent(running: RunningApp, standin: SlackStandIn) -> None:
    body_headers = sign(b"", int(time.time()))
    status, sent, closed = oversized(running.port, declared=64 << 20, total=64 << 20, headers=body_headers,
                                     wait_first=True)
    assert status == 413 and closed  # answered on the headers alone, then the connection is dropped
    assert sent < 64 << 20
    answers_next_mention(running, standin)


def test_a_chunked_body_is_refused_once_past_1_mib(running: RunningApp, standin: SlackStandIn) -> None:
    status, sent, closed = oversized(running.port, declared=None, total=64 << 20)
    assert status == 413 and closed
    assert MAX_BODY <= sent < 64 << 20  # refused once 1 MiB had arrived, not at the end
    answers_next_mention(running, standin)


def test_the_limit_is_1_mib(running: RunningApp, standin: SlackStandIn) -> None:
    """A signed event padded to just under 1 MiB is answered; one byte more is refused."""
    body = json.dumps(event_callback(mention(FASTER))).encode()
    just_under = body + b" " * (MAX_BODY - 1 - len(body))
    assert running.slack.send(just_under, "application/json").status == 200
    standin.wait_for("chat.postMessage")
    status, _, _ = oversized(running.port, declared=MAX_BODY, total=MAX_BODY, wait_first=True,
                             headers=sign(just_under + b" ", int(time.time())))
    assert status == 413


def test_others_are_served_while_a_big_body_trickles_in(running: RunningApp, standin: SlackStandIn) -> None:
    """waitress buffers a slow upload without holding a worker thread: a mention meanwhile is answered."""
    with socket.create_connection(("127.0.0.1", running.port), timeout=20) as slow:
        slow.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n" + (b"10000\r\n" + b"x" * 0x10000 + b"\r\n") * 8)
        answers_next_mention(running, standin)
        slow.sendall((b"10000\r\n" + b"x" * 0x10000 + b"\r\n") * 16)
        assert slow.recv(100).startswith(b"HTTP/1.1 413")
    answers_next_mention(running, standin)


def test_oversized_bodies_do_not_raise_the_servers_memory(tmp_path: Path) -> None:
    """Against the real process: 20 bodies of 64 MiB declared and 20 streamed chunked past the
    limit leave its peak RSS (VmHWM) within a few MiB; it is still answering afterwards."""
    standin = SlackStandIn()
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": standin.base_url,
           "FWBOT_FEEDBACK_FILE": str(tmp_path / "feedback.jsonl")}
    server = SlackProcess(env, tmp_path)
    try:
        assert server.slack.event(mention(FASTER)).status == 200
        standin.wait_for("chat.postMessage")
        before = server.memory_kib()
        streamed = 0
        for _ in range(20):
            status, sent, _ = oversized(server.port, declared=64 << 20, total=64 << 20)
            assert status == 413
            streamed += sent
            status, sent, _ = oversized(server.port, declared=None, total=16 << 20)
            assert status == 413
            streamed += sent
        after = server.memory_kib()
        assert after["VmHWM"] - before["VmHWM"] < 8 * 1024, (before, after, streamed)
        assert after["VmRSS"] - before["VmRSS"] < 8 * 1024, (before, after, streamed)
        assert server.slack.event(mention(FASTER)).status == 200
        standin.wait_for("chat.postMessage", 2)
    finally:
        server.stop()
        standin.close()
    assert server.process.returncode == 0


# --- feedback ------------------------------------------------------------------------------------

def test_concurrent_clicks_are_whole_lines_on_disk_before_each_ack(
    running: RunningApp, standin: SlackStandIn, tmp_path: Path
) -> None:
    """200 clicks from 16 threads, on a file a crash had left with a torn last line: every click
    is one JSON line, already in the file when its ack arrives; the torn line is skipped."""
    path = tmp_path / "feedback.jsonl"
    path.write_bytes(b'{"rating": "helpful", "answer_id": "before"}\n{"rating": "not_hel')
    problems: list[str] = []
    clicks = 200

    def click(n: int) -> None:
        action = HELPFUL if n % 3 else NOT_HELPFUL
        value = feedback_value(f"answer{n:03d}", "compare", f"question {n} ü")
        reply = running.slack.action(block_action(action, value, standin.response_url(f"c{n}")))
        if reply.status != 200:
            problems.append(f"click {n}: HTTP {reply.status}")
        elif f'"answer_id":"answer{n:03d}"' not in path.read_text(encoding="utf-8"):
            problems.append(f"click {n} acked before it was on disk")

    def clicker(k: int) -> None:
        for n in range(k, clicks, 16):
            click(n)

    threads = [threading.Thread(target=clicker, args=(k,)) for k in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert problems == []
    raw = path.read_bytes().split(b"\n")
    assert raw[-1] == b"" and raw[1] == b'{"rating": "not_hel'  # the torn line stayed on a line of its own
    lines = [line for line in raw[2:] if line]
    assert len(lines) == clicks
    records = [json.loads(line) for line in lines]  # every line parses on its own
    assert sorted(r["answer_id"] for r in records) == [f"answer{n:03d}" for n in range(clicks)]
    for r in records:
        n = int(r["answer_id"][6:])
        assert r["rating"] == ("helpful" if n % 3 else "not_helpful") and r["question"] == f"question {n} ü"
    with open(path, "ab") as handle:
        handle.write(b'{"rating": "helpful", "answer_id": "cut')  # and a crash cuts the last line short
    assert len(read_feedback(path)) == clicks + 1
    standin.wait_for("chat.postEphemeral", clicks)  # every clicker was thanked


# --- conversations stay bounded ----------------------------------------------------------------

def test_conversations_are_bounded_in_number_and_age_through_the_app(
    standin: SlackStandIn, tmp_path: Path
) -> None:
    """120 threads against a store of 25: the oldest threads are forgotten (a follow-up there is
    ignored), the newest still follow the chat; once idle past the ttl, all are forgotten."""
    now = [1000.0]
    config = config_for(standin, tmp_path, max_sessions=25, session_ttl=600, queue_size=200)  # never "busy"
    app = RunningApp(config, clock=lambda: now[0])
    try:
        threads = []
        for n in range(120):
            event = mention(FASTER)
            threads.append(event["ts"])
            assert app.slack.event(event).status == 200
        standin.wait_for("chat.postMessage", 120)
        app.settle()
        assert len(app.bot.sessions) == 25 and app.bot.stats()["sessions"] == 25
        app.slack.event(message("and for debugging?", thread_ts=threads[0]))  # evicted long ago
        app.slack.event(message("and for debugging?", thread_ts=threads[-1]))
        posts = standin.wait_for("chat.postMessage", 121)
        app.settle()
        assert len(standin.tried("chat.postMessage")) == 121
        assert posts[-1].body["thread_ts"] == threads[-1]
        assert posts[-1].body["text"] == expected_text(FASTER, "and for debugging?")
        now[0] += 601  # every conversation idle for longer than the ttl
        assert len(app.bot.sessions) == 0
        app.slack.event(message("and for debugging?", thread_ts=threads[-1]))
        app.settle()
        assert len(standin.tried("chat.postMessage")) == 121
    finally:
        app.close()
