"""Logging for an adapter with secrets redacted from every line, tracebacks included.

The filter goes on the output handlers, so records from any library (slack_sdk, slack_bolt,
waitress, redis) pass through it. It removes the configured secrets (tokens, a state URL's
password), anything shaped like a Slack token, and Slack webhook addresses (short-lived
credentials).
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

_TOKEN_SHAPES = re.compile(
    r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+"  # xoxb-, xoxp-, xoxe-, xapp- ... tokens
    r"|https://hooks\.slack(?:-gov)?\.com/\S+"  # response_url / webhook addresses
)
REDACTED = "[redacted]"
MIN_SECRET = 8


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with secrets replaced by [redacted]."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Real Slack secrets are long; replacing a 1-character "secret" would garble every line.
        self._secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """`text` without any configured secret or token-shaped string."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return _TOKEN_SHAPES.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # mismatched %-args: show the template rather than break the caller
            message = f"{record.msg} {record.args}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup(secrets: Iterable[str], debug: bool = False) -> RedactingFilter:
    """Send logs to stderr through a `RedactingFilter`; quiet chatty libraries unless `debug`."""
    redactor = RedactingFilter(secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for noisy in ("slack_sdk", "slack_bolt", "urllib3", "redis"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.WARNING)
    return redactor
