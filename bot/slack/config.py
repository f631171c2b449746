"""Settings for the Slack adapter, read from the environment (tokens) and command-line options.

Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode SLACK_BOT_TOKEN and
SLACK_SIGNING_SECRET. SLACK_API_URL (optional) replaces https://slack.com/api/ as the Web
API base, e.g. a local stand-in. FWBOT_FEEDBACK_FILE (optional) is where clicks go.
FWBOT_SLASH_COMMAND (or `--command`) names the slash command the bot answers (default /fwbot).
FWBOT_STATE_URL (or --state) is where conversations and answered events are kept (see state.py).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.slack.state import default_url

DEFAULT_FEEDBACK_FILE = "fwbot-feedback.jsonl"
DEFAULT_COMMAND = "/fwbot"
_COMMAND = re.compile(r"/[^\s/]{1,32}")  # Slack: a slash, then up to 32 characters, no spaces
# Answering threads. Answering takes a millisecond or two of CPU, but each answer is then posted
# to Slack, a network round trip of 0.1-0.3 s: a thread spends nearly all its time waiting, so
# keeping up with R questions a second needs about R x round trip threads (16: ~80/s at 0.2 s).
DEFAULT_WORKERS = 16


class ConfigError(Exception):
    """A required setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Config:
    """Everything `create_app` needs; the secrets stay out of its repr."""

    bot_token: str = field(repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str = field(default="", repr=False)
    api_url: str | None = None
    feedback_file: Path = Path(DEFAULT_FEEDBACK_FILE)
    slash_command: str = DEFAULT_COMMAND
    workers: int = DEFAULT_WORKERS
    queue_size: int = 32
    max_sessions: int = 1000
    session_ttl: float = 6 * 3600.0
    http_timeout: float = 10.0
    max_retries: int = 2
    state: str = field(default="memory", repr=False)  # "memory", a SQLite path or redis://… (may hold a password)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values a log line must never show."""
        password = urlsplit(self.state).password if "://" in self.state else None
        return tuple(s for s in (self.bot_token, self.signing_secret, self.app_token, password) if s)


def load(
    env: Mapping[str, str],
    *,
    http: bool,
    feedback_file: str | None = None,
    workers: int = DEFAULT_WORKERS,
    queue_size: int = 32,
    command: str | None = None,
    state: str | None = None,
) -> Config:
    """Build a `Config` for HTTP (`http=True`) or Socket Mode; raise `ConfigError` naming what is missing."""
    bot_token = _required(env, "SLACK_BOT_TOKEN", "xoxb-")
    signing_secret = _required(env, "SLACK_SIGNING_SECRET") if http else ""
    app_token = "" if http else _required(env, "SLACK_APP_TOKEN", "xapp-")
    api_url = env.get("SLACK_API_URL", "").strip() or None
    if api_url:
        parts = urlsplit(api_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/")
        api_url = api_url.rstrip("/") + "/"
    if workers < 1 or queue_size < 0:
        raise ConfigError("--workers must be at least 1 and --queue-size at least 0")
    slash_command = slash_command_name(command or env.get("FWBOT_SLASH_COMMAND", "") or DEFAULT_COMMAND)
    return Config(
        bot_token=bot_token,
        signing_secret=signing_secret,
        app_token=app_token,
        api_url=api_url,
        feedback_file=Path(feedback_file or env.get("FWBOT_FEEDBACK_FILE") or DEFAULT_FEEDBACK_FILE),
        workers=workers,
        queue_size=queue_size,
        slash_command=slash_command,
        state=(state or "").strip() or default_url(env),
    )


def slash_command_name(value: str) -> str:
    """`value` as a slash command name ("fwbot" -> "/fwbot"); `ConfigError` if Slack would not allow it."""
    name = value.strip()
    name = name if name.startswith("/") else "/" + name
    if not _COMMAND.fullmatch(name):
        raise ConfigError(f"--command / FWBOT_SLASH_COMMAND must be a slash command such as {DEFAULT_COMMAND} "
                          "(a slash, then up to 32 characters without spaces)")
    return name


def _required(env: Mapping[str, str], name: str, prefix: str = "") -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is not set (see the Slack section of the README)")
    if prefix and not value.startswith(prefix):
        raise ConfigError(f"{name} should start with {prefix!r}; check that the right token is in it")
    return value
