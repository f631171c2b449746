"""Serving the app: over HTTP with waitress (a threaded production WSGI server) or Socket Mode.

HTTP mode takes Events API requests, slash commands and interactivity all at /slack/events.
`EventsEndpoint` stands between waitress and Bolt: it refuses, before anything is parsed,
requests without a valid signature (401), and then bodies that are not the JSON or form
Slack sends (400), so Bolt only ever sees well-formed, signed requests. Bodies of 1 MiB or
more are refused by waitress with 413 as soon as the headers say so (or, for a chunked body,
as soon as that much has arrived), without being read.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from waitress import create_server
from waitress.server import BaseWSGIServer

from bot.slack.app import SlackBot

log = logging.getLogger(__name__)

PATH = "/slack/events"
MAX_BODY = 1 << 20  # Slack payloads are small; refuse anything of 1 MiB or more
THREADS = 8
MAX_SKEW = 5 * 60  # seconds between Slack's request timestamp and our clock, as Bolt allows

_TEXT = [("content-type", "text/plain;charset=utf-8")]


class EventsEndpoint:
    """The WSGI application: checks each request cheaply, then hands it to Bolt.

    In order: the path (404) and method (405); the declared length (413, never read); the
    v0 signature over the raw bytes (401, nothing parsed yet); UTF-8, JSON or form, and the
    shape of a Slack request (400). Anything Bolt then raises is logged and answered 500.
    """

    def __init__(self, bot: SlackBot, path: str = PATH, clock: Callable[[], float] = time.time) -> None:
        if not bot.signing_secret:
            raise ValueError("serving over HTTP needs the signing secret (SLACK_SIGNING_SECRET)")
        self.app = bot.app
        self.path = path
        self._secret = bot.signing_secret.encode()
        self._clock = clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        status, headers, body = self._handle(environ)
        start_response(status, headers)
        return [body]

    def _handle(self, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
        if environ.get("PATH_INFO") != self.path:
            return _plain(404, "Not Found")
        if environ.get("REQUEST_METHOD") != "POST":
            status, headers, body = _plain(405, "Method Not Allowed")
            return status, headers + [("allow", "POST")], body
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _plain(400, "Bad Request")
        if length >= MAX_BODY:  # waitress already refuses these; other servers might not
            return _plain(413, "Request Entity Too Large")
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        if not self._signed(environ, raw):
            log.info("refused a request with a missing or invalid signature")
            return _plain(401, "Unauthorized")
        request = WsgiHttpRequest(environ)
        try:
            bolt_request = BoltRequest(body=raw.decode("utf-8"), query=request.query_string,
                                       headers=request.get_headers())
            problem = _shape_problem(bolt_request.body)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as error:
            problem = type(error).__name__
        if problem:
            log.warning("refused a signed but malformed request (%s)", problem)
            return _plain(400, "Bad Request")
        try:
            response = self.app.dispatch(bolt_request)
        except Exception:
            log.exception("the Slack app failed on a request")
            return _plain(500, "Internal Server Error")
        wsgi = WsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
        return wsgi.status, wsgi.get_headers(), b"".join(wsgi.get_body())

    def _signed(self, environ: dict[str, Any], raw: bytes) -> bool:
        """True if the v0 signature matches `raw` and the timestamp is within `MAX_SKEW` of now."""
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not (timestamp.isascii() and timestamp.isdigit() and signature.isascii()):
            return False
        if abs(self._clock() - int(timestamp)) > MAX_SKEW:
            return False
        digest = hmac.new(self._secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
        return hmac.compare_digest("v0=" + digest, signature)


def _shape_problem(body: Any) -> str:
    """Why `body` (as Bolt parsed it) is not a request Slack sends; "" if it looks like one."""
    if not isinstance(body, dict):
        return f"body is a {type(body).__name__}, not an object"
    kind = body.get("type")
    if kind is None:
        if isinstance(body.get("command"), str) or body.get("ssl_check"):
            return ""  # a slash command or Slack's SSL check (form-encoded, no "type")
        return "no type"
    if not isinstance(kind, str):
        return "type is not a string"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event_callback without an event"
        if not isinstance(body.get("event_id", ""), str):
            return "event_id is not a string"
    if kind == "block_actions":  # Bolt reads actions[0] of every click before any listener runs
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions or not isinstance(actions[0], dict):
            return "block_actions without actions"
    return ""


def _plain(code: int, text: str) -> tuple[str, list[tuple[str, str]], bytes]:
    body = text.encode()
    return WsgiHttpResponse(status=code).status, _TEXT + [("content-length", str(len(body)))], body


def http_server(bot: SlackBot, host: str, port: int) -> BaseWSGIServer:
    """A waitress server for `bot` on host:port (port 0: any free port, see `effective_port`)."""
    return create_server(
        EventsEndpoint(bot),
        host=host,
        port=port,
        threads=THREADS,
        max_request_body_size=MAX_BODY,
        ident="fwbot",
    )


def serve_http(bot: SlackBot, host: str, port: int) -> None:
    """Serve until interrupted."""
    server = http_server(bot, host, port)
    log.info("fwbot listening on http://%s:%s%s", host, server.effective_port, PATH)
    try:
        server.run()
    finally:
        server.close()


def socket_mode(bot: SlackBot, app_token: str) -> SocketModeHandler:
    """A Socket Mode connection for `bot` (apps.connections.open, then the WebSocket), connected."""
    handler = SocketModeHandler(bot.app, app_token)
    handler.connect()
    return handler


def serve_socket_mode(bot: SlackBot, app_token: str) -> None:
    """Connect to Slack over a WebSocket (Socket Mode) and serve until interrupted."""
    handler = socket_mode(bot, app_token)
    log.info("fwbot connected in Socket Mode")
    try:
        threading.Event().wait()
    finally:
        handler.close()
