"""Serving the app: over HTTP with waitress (a threaded production WSGI server) or Socket Mode.

HTTP mode takes Events API requests, slash commands and interactivity all at /slack/events.
"""
from __future__ import annotations

import logging
import threading

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress import create_server
from waitress.server import BaseWSGIServer

from bot.slack.app import SlackBot

log = logging.getLogger(__name__)

PATH = "/slack/events"
MAX_BODY = 1 << 20  # Slack payloads are small; refuse anything bigger than 1 MiB
THREADS = 8


def http_server(bot: SlackBot, host: str, port: int) -> BaseWSGIServer:
    """A waitress server for `bot` on host:port (port 0: any free port, see `effective_port`)."""
    return create_server(
        SlackRequestHandler(bot.app, path=PATH),
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
