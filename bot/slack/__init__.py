"""fwbot in Slack: mentions, DMs, thread follow-ups, the `/fwbot` command, feedback buttons.

`run(argv)` is what `fwbot slack ...` calls: Socket Mode by default, `--http` to serve the
Events API over HTTP. Only this package imports slack_bolt; the core never does.
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
from types import FrameType

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
"""Where the Web API is when SLACK_API_URL is not set (slack_sdk's default)."""


def run(argv: list[str]) -> int:
    """Start the Slack bot; returns the exit status (2: bad usage or missing variable)."""
    from bot.kit import logs
    from bot.slack.config import ConfigError, load

    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already printed by argparse
        return int(stop.code or 0)
    try:
        config = load(
            os.environ,
            http=args.http,
            feedback_file=args.feedback_file,
            workers=args.workers,
            queue_size=args.queue_size,
            command=args.command,
            state=args.state,
        )
    except ConfigError as error:
        print(f"fwbot slack: {error}", file=sys.stderr)
        return 2
    redactor = logs.setup(config.secrets, debug=args.debug)

    from bot.kit.state import StateUnavailable
    from bot.slack.app import create_app
    from bot.slack.server import serve_http, serve_socket_mode
    from bot.slack.state import open_slack_state

    try:
        state = open_slack_state(config.state, config.max_sessions)
    except StateUnavailable as error:  # e.g. Redis not running at that address
        print(f"fwbot slack: {redactor.redact(str(error))}", file=sys.stderr)
        return 2
    log.info("remembering conversations in %s%s", state.name, " (shared)" if state.shared else "")
    try:
        bot = create_app(config, state=state)
    except OSError as error:  # auth.test got no answer: no network, DNS, proxy, firewall, wrong SLACK_API_URL
        state.close()
        print(f"fwbot slack: {_unreachable(config.api_url, error)}", file=sys.stderr)
        return 1
    except Exception as error:  # auth.test refused the token
        state.close()
        print(f"fwbot slack: could not start: {redactor.redact(str(error))}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupt)
    _settle_memory()
    try:
        if args.http:
            serve_http(bot, args.host, args.port)
        else:
            serve_socket_mode(bot, config.app_token)
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        bot.close()
    return 0


def _unreachable(api_url: str | None, error: OSError) -> str:
    """What to tell the user when Slack could not be reached to check the token: where, why, what to check."""
    url = (api_url or DEFAULT_API_URL) + "auth.test"
    reason = getattr(error, "reason", error)  # URLError wraps the socket's error
    why = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    if api_url:
        check = f"Check that SLACK_API_URL ({api_url}) is right and that its server is up."
    else:
        check = ("Check that this machine can reach slack.com over HTTPS: its network and DNS, a firewall, "
                 "or a proxy (set HTTPS_PROXY if one is needed).")
    return f"could not reach Slack to check the bot token: no answer from {url} ({why}). {check}"


def _parser() -> argparse.ArgumentParser:
    from bot.slack.config import DEFAULT_WORKERS

    parser = argparse.ArgumentParser(
        prog="fwbot slack",
        description="Run fwbot as a Slack app (Socket Mode unless --http).",
        epilog="Environment: SLACK_BOT_TOKEN; SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET "
        "(--http); optional SLACK_API_URL, FWBOT_FEEDBACK_FILE, FWBOT_SLASH_COMMAND, FWBOT_STATE_URL, FWBOT_HOME.",
    )
    parser.add_argument("--http", action="store_true", help="serve the Events API over HTTP at /slack/events")
    parser.add_argument("--host", default="127.0.0.1", help="HTTP listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000; 0 = any free port)")
    parser.add_argument("--feedback-file", help="JSON-lines file for feedback (default $FWBOT_FEEDBACK_FILE "
                        "or ./fwbot-feedback.jsonl)")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                        help=f"answering threads (default {DEFAULT_WORKERS}; they mostly wait on Slack)")
    parser.add_argument("--command", help="the slash command to answer, as named in the app's settings "
                        "(default $FWBOT_SLASH_COMMAND or /fwbot)")
    parser.add_argument("--queue-size", type=int, default=32, help="questions waiting before 'busy' (default 32)")
    parser.add_argument("--state", metavar="URL",
                        help="where conversations and answered events are kept: redis://HOST:PORT/DB to share "
                        "them between replicas, a SQLite file, or 'memory' (default $FWBOT_STATE_URL, else "
                        "$FWBOT_HOME/slack-state.sqlite3, FWBOT_HOME defaulting to ~/.fwbot)")
    parser.add_argument("--debug", action="store_true", help="verbose logs (secrets still redacted)")
    return parser


def _settle_memory() -> None:
    """Load the core now and move everything loaded so far (corpus, index, router, libraries) out
    of the garbage collector's view: it lives as long as the process, and full collections that
    skip it stay short, so they do not hold up acknowledgements."""
    from bot import ask

    ask("help")
    gc.collect()
    gc.freeze()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops the server the same way Ctrl-C does."""
    raise KeyboardInterrupt
