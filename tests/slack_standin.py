"""Test doubles for Slack on 127.0.0.1: the Web API + response_url stand-in, and a harness
that runs the real app under waitress and sends it signed requests.

`SlackStandIn` is a small threaded http.server answering auth.test, chat.postMessage,
chat.postEphemeral and apps.connections.open under /api/, and response_url posts under
/response/NAME. It records every call and can be told to answer a method's next calls
with a 429 (Retry-After), a 500, or to hang until released.

`RunningApp` serves the real app in this process; `SlackProcess` runs it as
`python -m bot.slack --http` in a child process; `oversized` streams a too-big body.
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import queue
import re
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict, deque
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from slack_sdk.signature import SignatureVerifier

BOT_TOKEN = "xoxb-test-not-a-real-token"
APP_TOKEN = "xapp-test-not-a-real-token"
SIGNING_SECRET = "test-signing-secret-not-real"
BOT_USER = "U0FWBOT"
BOT_ID = "B0FWBOT"
TEAM = "T0TEST"
USER = "U0ALICE"
CHANNEL = "C0GENERAL"
DM = "D0ALICE"


@dataclass
class Call:
    """One request the stand-in received: API method (or "response:NAME"), body, token, status."""

    method: str
    body: dict[str, Any]
    token: str
    status: int

    @property
    def raw(self) -> str:
        """The posted message (text and blocks, button values included) as one JSON string."""
        return json.dumps({"text": self.body.get("text"), "blocks": self.body.get("blocks")}, ensure_ascii=False)

    @property
    def text(self) -> str:
        """What a reader sees: the fallback text and every text in the blocks, one per line."""
        shown = [self.body.get("text") or ""]

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("text"), str):
                    shown.append(node["text"])
                for key, value in node.items():
                    if key != "value":
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.body.get("blocks"))
        return "\n".join(shown)


class SlackStandIn:
    """Records Slack Web API and response_url calls; scriptable failures per method."""

    def __init__(self, bot_token: str = BOT_TOKEN, app_token: str = APP_TOKEN, latency: float = 0.0) -> None:
        self.bot_token = bot_token  # the tokens it accepts (anything else gets invalid_auth)
        self.app_token = app_token
        self.latency = latency  # seconds every call takes, like a real API's round trip
        self.calls: list[Call] = []
        self.ws_url = ""
        self.hanging = 0
        self._plans: dict[str, deque[tuple[str, int]]] = defaultdict(deque)
        self._cond = threading.Condition()
        self._released = threading.Event()
        self._ts = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/response/{name}"

    def plan(self, method: str, *steps: tuple[str, int]) -> None:
        """Answer the next calls to `method` with ("429", retry_after) / ("500", 0) / ("hang", 0)."""
        with self._cond:
            self._plans[method].extend(steps)

    def wait_hanging(self, count: int, timeout: float = 20.0) -> None:
        """Block until `count` calls are hanging (see `plan`)."""
        with self._cond:
            assert self._cond.wait_for(lambda: self.hanging >= count, timeout), "no call is hanging"

    def release(self) -> None:
        """Let hanging calls finish."""
        self._released.set()

    def ok(self, method: str) -> list[Call]:
        """Successful calls to `method` so far."""
        with self._cond:
            return [c for c in self.calls if c.method == method and c.status == 200]

    def tried(self, method: str) -> list[Call]:
        """All calls to `method` so far, failed ones included."""
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 20.0) -> list[Call]:
        """Block until `count` successful calls to `method` arrived; fail after `timeout` s."""
        with self._cond:
            done = self._cond.wait_for(lambda: len(self.ok(method)) >= count, timeout)
        assert done, f"expected {count} successful {method} call(s), saw: {[c.method for c in self.calls]}"
        return self.ok(method)

    def close(self) -> None:
        self._released.set()
        self.server.shutdown()
        self.server.server_close()

    # --- used by the request handler ---

    def _next_step(self, method: str) -> tuple[str, int] | None:
        with self._cond:
            plan = self._plans.get(method)
            return plan.popleft() if plan else None

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _api_result(self, method: str, body: dict[str, Any], token: str) -> dict[str, Any]:
        expected = self.app_token if method == "apps.connections.open" else self.bot_token
        if token != expected:
            return {"ok": False, "error": "invalid_auth"}
        ts = f"1700000000.{next(self._ts):06d}"
        results: dict[str, dict[str, Any]] = {
            "auth.test": {"ok": True, "url": "https://fwbot-test.slack.com/", "team": "fwbot-test",
                          "user": "fwbot", "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID,
                          "is_enterprise_install": False},
            "chat.postMessage": {"ok": True, "channel": body.get("channel"), "ts": ts,
                                 "message": {"text": body.get("text"), "user": BOT_USER, "bot_id": BOT_ID}},
            "chat.postEphemeral": {"ok": True, "message_ts": ts},
            "apps.connections.open": {"ok": True, "url": self.ws_url},
        }
        return results.get(method, {"ok": False, "error": "unknown_method"})


def _handler(standin: SlackStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = _parse(raw, self.headers.get("Content-Type", ""))
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if self.path.startswith("/api/"):
                method = self.path[len("/api/"):].split("?")[0]
            elif self.path.startswith("/response/"):
                method = "response:" + self.path[len("/response/"):]
            else:
                return self._send(404, {"ok": False, "error": "not_found"})
            step = standin._next_step(method)
            if standin.latency:
                time.sleep(standin.latency)
            if step and step[0] == "hang":
                with standin._cond:
                    standin.hanging += 1
                    standin._cond.notify_all()
                standin._released.wait(30)
                standin._record(Call(method, body, token, 599))
                return self._send(200, {"ok": True})
            if step and step[0] == "429":
                standin._record(Call(method, body, token, 429))
                return self._send(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(step[1])})
            if step and step[0] == "500":
                standin._record(Call(method, body, token, 500))
                return self._send(500, {"ok": False, "error": "internal_error"})
            standin._record(Call(method, body, token, 200))
            if method.startswith("response:"):
                return self._send(200, None)
            return self._send(200, standin._api_result(method, body, token))

        def _send(self, status: int, payload: dict[str, Any] | None, headers: dict[str, str] | None = None) -> None:
            data = b"ok" if payload is None else json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if payload is None else "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (timeout test)
                pass

    return Handler


def _parse(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        return json.loads(raw)
    form = dict(urllib.parse.parse_qsl(raw.decode()))
    for key in ("blocks", "attachments"):
        if key in form:
            form[key] = json.loads(form[key])
    return form


# --- requests as Slack would send them ---------------------------------------------------

_ids = itertools.count(1)


def unique(prefix: str) -> str:
    """A fresh id for events, timestamps and response_url names."""
    return f"{prefix}{next(_ids):05d}"


def new_ts() -> str:
    return f"1710000000.{next(_ids):06d}"


def mention(text: str, *, channel: str = CHANNEL, ts: str | None = None, thread_ts: str | None = None,
            user: str = USER) -> dict[str, Any]:
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts or new_ts(),
             "channel": channel}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(text: str, *, channel: str = CHANNEL, channel_type: str = "channel", thread_ts: str | None = None,
            user: str | None = USER, **extra: Any) -> dict[str, Any]:
    event = {"type": "message", "channel_type": channel_type, "text": text, "ts": new_ts(), "channel": channel}
    if user:
        event["user"] = user
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return event


def event_callback(event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy-token-unused", "team_id": TEAM, "api_app_id": "A0FWBOT", "event": event,
        "type": "event_callback", "event_id": event_id or unique("Ev"), "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }


def block_action(action_id: str, value: str, response_url: str, *, channel: str = CHANNEL,
                 message_ts: str | None = None, thread_ts: str | None = None, ephemeral: bool = False,
                 user: str = USER) -> dict[str, Any]:
    message_ts = message_ts or new_ts()
    payload: dict[str, Any] = {
        "type": "block_actions", "user": {"id": user, "username": "alice", "team_id": TEAM},
        "api_app_id": "A0FWBOT", "token": "legacy-token-unused", "trigger_id": "1.2.abc",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": ephemeral},
        "team": {"id": TEAM, "domain": "fwbot-test"}, "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [{"action_id": action_id, "block_id": "fwbot_feedback", "value": value, "type": "button",
                     "action_ts": new_ts()}],
    }
    if not ephemeral:
        payload["message"] = {"type": "message", "ts": message_ts, "bot_id": BOT_ID, "thread_ts": thread_ts}
    return payload


def sign(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """The two headers Slack adds to every request: timestamp and v0 HMAC signature."""
    base = f"v0:{timestamp}:".encode() + body  # over the raw bytes, so non-UTF-8 bodies can be signed too
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if body.isascii():  # the same as Slack's own helper computes
        assert signature == SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


@dataclass
class Reply:
    """The app's HTTP answer to one request."""

    status: int
    body: str


def post(url: str, body: bytes, content_type: str, headers: dict[str, str], timeout: float = 10) -> Reply:
    """POST and read the reply; a reply slower than `timeout` seconds raises."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type, **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read().decode())


class SignedSender:
    """Sends signed Events API, slash command and interactivity requests to `url`."""

    def __init__(self, url: str, secret: str = SIGNING_SECRET, timeout: float = 10) -> None:
        self.url = url
        self.secret = secret
        self.timeout = timeout  # seconds to wait for the reply (Slack itself waits 3)

    def send(self, body: bytes, content_type: str, *, skew: int = 0, secret: str | None = None,
             headers: dict[str, str] | None = None) -> Reply:
        signed = sign(body, int(time.time()) + skew, secret or self.secret)
        return post(self.url, body, content_type, {**signed, **(headers or {})}, self.timeout)

    def event(self, event: dict[str, Any], **kwargs: Any) -> Reply:
        return self.send_json(event_callback(event), **kwargs)

    def send_json(self, payload: dict[str, Any], **kwargs: Any) -> Reply:
        return self.send(json.dumps(payload).encode(), "application/json", **kwargs)

    def command(self, text: str, response_url: str, *, user: str = USER, channel: str = CHANNEL) -> Reply:
        form = {"token": "legacy-token-unused", "team_id": TEAM, "team_domain": "fwbot-test",
                "channel_id": channel, "channel_name": "general", "user_id": user, "user_name": "alice",
                "command": "/fwbot", "text": text, "api_app_id": "A0FWBOT", "response_url": response_url,
                "trigger_id": "1.2.abc"}
        return self.send(urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded")

    def action(self, payload: dict[str, Any]) -> Reply:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        return self.send(body, "application/x-www-form-urlencoded")


def button_value(call: Call, action_id: str) -> str:
    """The value of button `action_id` in a posted message."""
    for block in call.body.get("blocks") or []:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element["value"]
    raise AssertionError(f"no {action_id} button in {call.text}")


def config_for(standin: SlackStandIn, tmp_path: Path, **overrides: Any) -> Any:
    """A Config pointing at `standin`, with short timeouts, for tests."""
    from bot.slack.config import Config

    config = Config(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, app_token=APP_TOKEN,
                    api_url=standin.base_url, feedback_file=tmp_path / "feedback.jsonl",
                    http_timeout=2, max_retries=2)
    return replace(config, **overrides)


class RunningApp:
    """The real app (create_app) served by waitress on a free 127.0.0.1 port, in a thread."""

    def __init__(self, config: Any, **create: Any) -> None:
        from bot.slack.app import create_app
        from bot.slack.server import PATH, http_server

        self.bot = create_app(config, **create)
        self.server = http_server(self.bot, "127.0.0.1", 0)
        self.port = self.server.effective_port
        self.url = f"http://127.0.0.1:{self.port}{PATH}"
        self.slack = SignedSender(self.url, config.signing_secret)
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            self.server.run()
        except OSError:
            if not self._stopping:
                raise

    def settle(self, timeout: float = 20.0) -> None:
        """Wait until every accepted job (answers, posts) has finished."""
        assert self.bot.join(timeout), "the app still has work pending"

    def close(self) -> None:
        """Stop waitress, from inside its own loop where possible (closing its sockets from
        this thread races the loop's select)."""
        from waitress import wasyncore

        self._stopping = True
        try:
            self.server.trigger.pull_trigger(lambda: wasyncore.close_all(self.server._map, ignore_all=True))
        except OSError:  # the loop's wake-up pipe is already gone
            wasyncore.close_all(self.server._map, ignore_all=True)
        self._thread.join(10)
        self.server.task_dispatcher.shutdown()
        self.bot.close(timeout=5)


# --- raw HTTP, for bodies too big to be sent the ordinary way -------------------------------

def oversized(port: int, *, declared: int | None, total: int, chunk: int = 64 * 1024,
              headers: dict[str, str] | None = None, wait_first: bool = False) -> tuple[int, int, bool]:
    """POST a body of up to `total` bytes to /slack/events in `chunk`-sized pieces, stopping as soon as
    the server answers (or closes). With `declared`, that is the Content-Length; without, the body
    is sent chunked (Transfer-Encoding). `wait_first`: wait for an answer before sending any body.

    Returns (HTTP status or 0, body bytes sent, whether the server closed the connection after answering).
    """
    lines = ["POST /slack/events HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"Content-Length: {declared}" if declared is not None else "Transfer-Encoding: chunked"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    piece = b"x" * chunk
    framed = piece if declared is not None else b"%x\r\n" % chunk + piece + b"\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        if wait_first:
            select.select([sock], [], [], 20)
        try:
            while sent < total and not select.select([sock], [], [], 0)[0]:
                sock.sendall(framed)
                sent += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass
        reply = b""
        closed = False
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    closed = True
                    break
                reply += data
                head, end_of_head, body = reply.partition(b"\r\n\r\n")
                length = re.search(rb"(?i)content-length:\s*(\d+)", head)
                if end_of_head and len(body) >= (int(length.group(1)) if length else 0):
                    closed = _closed_soon(sock)
                    break
        except (ConnectionResetError, TimeoutError):
            closed = True
    status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.") else 0
    return status, sent, closed


def _closed_soon(sock: socket.socket) -> bool:
    """True if the server closes `sock` (EOF or reset) within the socket's timeout."""
    try:
        while sock.recv(65536):
            pass
        return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


# --- the bot as a process -----------------------------------------------------------------

SLACK_VARS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "FWBOT_FEEDBACK_FILE",
              "FWBOT_SLASH_COMMAND")


class SlackProcess:
    """`python -m bot.slack --http --host 127.0.0.1 --port 0 ARGS` (or `python -c CODE ARGS`) as a child
    process, serving until `stop`; everything it writes to stdout and stderr is kept."""

    def __init__(self, env: dict[str, str], cwd: Path, args: tuple[str, ...] = (), code: str | None = None,
                 secret: str = SIGNING_SECRET) -> None:
        base = {k: v for k, v in os.environ.items() if k not in SLACK_VARS}
        entry = ["-c", code] if code else ["-m", "bot.slack"]
        self.process = subprocess.Popen(
            [sys.executable, *entry, "--http", "--host", "127.0.0.1", "--port", "0", *args],
            env=base | env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stderr: list[str] = []
        self.stdout: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._pumps = [threading.Thread(target=self._pump, args=(self.process.stderr, self.stderr, True), daemon=True),
                       threading.Thread(target=self._pump, args=(self.process.stdout, self.stdout, False), daemon=True)]
        for pump in self._pumps:
            pump.start()
        self.url = self._wait_for_url()
        self.port = int(urllib.parse.urlsplit(self.url).port or 0)
        self.slack = SignedSender(self.url, secret)

    def _pump(self, stream: Any, into: list[str], announce: bool) -> None:
        for line in stream:
            into.append(line)
            if announce:
                self._lines.put(line)
        if announce:
            self._lines.put("")

    def _wait_for_url(self) -> str:
        while True:
            line = self._lines.get(timeout=60)
            assert line, "the bot exited before listening:\n" + "".join(self.stderr)
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line)
            if found:
                return found.group(1)

    def memory_kib(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak) of the process, in KiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return {key: int(fields[key].split()[0]) for key in ("VmRSS", "VmHWM")}

    def stop(self) -> str:
        """SIGTERM, wait for the exit, and return everything it wrote (stdout, then stderr)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for pump in self._pumps:
            pump.join(10)
        return "".join(self.stdout) + "".join(self.stderr)


def expected_text(*questions: str) -> str:
    """The fallback text the bot should post for the last question, asked in one Session."""
    import bot
    from bot.slack.blocks import answer_message

    session = bot.Session()
    answers = [session.ask(q) for q in questions]
    return answer_message(answers[-1], answer_id="x", question=questions[-1]).text
