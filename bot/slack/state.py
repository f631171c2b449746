"""What the Slack adapter remembers, for how long, and where (the state URL).

Kinds: "session" (a conversation's chat context, `Config.session_ttl` after its last question),
"event" and "message" (event ids and messages already answered, an hour: Slack redelivers within
minutes), "share" (private answers a "Share in channel" button can still post, a day).
Where: `--state`, else $FWBOT_STATE_URL, else the SQLite file $FWBOT_HOME/slack-state.sqlite3
(FWBOT_HOME defaults to ~/.fwbot).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.kit.state import State, open_state

SEEN_EVENTS = 10_000  # event ids and messages each process also keeps in memory (and memory/SQLite keep)
SHARES = 500
ANSWERED_TTL = 3600.0
SHARE_TTL = 24 * 3600.0
STATE_FILE = "slack-state.sqlite3"


def default_url(env: Mapping[str, str]) -> str:
    """$FWBOT_STATE_URL, else the SQLite file under $FWBOT_HOME (default ~/.fwbot)."""
    url = env.get("FWBOT_STATE_URL", "").strip()
    if url:
        return url
    home = env.get("FWBOT_HOME", "").strip()
    return str((Path(home) if home else Path.home() / ".fwbot") / STATE_FILE)


def open_slack_state(url: str, max_sessions: int, clock: Callable[[], float] = time.monotonic) -> State:
    """The state at `url`, bounded for the Slack adapter's kinds; raises `StateUnavailable` (one line)."""
    limits = {"session": max_sessions, "event": SEEN_EVENTS, "message": SEEN_EVENTS, "share": SHARES}
    return open_state(url, limits, clock)
