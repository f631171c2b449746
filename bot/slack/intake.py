"""What an incoming Slack request is: who sent a message, what the bot reads of it, and how to
name a request in logs (its kind, never what anyone typed).

Listeners in `app.py` use this to decide quickly, on the acknowledging thread, whether to act;
everything the bot does not act on is acknowledged and logged here by kind.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.slack.markup import to_plain

log = logging.getLogger(__name__)

MAX_QUESTION = 2000
SLACKBOT = "USLACKBOT"
# Message subtypes that a person sends with text the bot should read; every other subtype
# (edits, deletes, joins, bot messages, channel notices ...) is ignored.
PERSON_SUBTYPES = frozenset({"file_share", "thread_broadcast"})

ATTACHMENTS_NOT_READ = "I read only the text of your message; attachments (files, images) are not read."
ONLY_ATTACHMENTS = "I read only text, and your message had only attachments. Please type your question."

# Requests Slack sends whether or not the app subscribed, that an operator must hear about.
WARNINGS = {
    "app_rate_limited": "Slack is rate-limiting event deliveries to this app for team %s (over 30,000 events "
                        "an hour); events are being dropped until the limit lifts",
    "app_uninstalled": "the app was uninstalled from team %s: no more events will come from there and its "
                       "token no longer works",
    "tokens_revoked": "Slack revoked tokens of this app in team %s: the bot cannot post there until the app "
                      "is reinstalled",
}


@dataclass(frozen=True)
class Question:
    """What the core is asked, plus notes to show with the answer (cut text, unread attachments)."""

    text: str
    notes: tuple[str, ...] = ()


def question_from(text: str, bot_user: str | None, *, has_files: bool = False) -> Question:
    """The plain-text question in `text`, cut at `MAX_QUESTION` characters (the answer says so).

    An empty question is "help", unless the message had files: then the text is empty and the
    only note says that attachments are not read."""
    plain = to_plain(text, bot_user)
    notes: list[str] = []
    if len(plain) > MAX_QUESTION:
        notes.append(f"Your message is {len(plain):,} characters long; I read only the first "
                     f"{MAX_QUESTION:,}. Please ask one question in under {MAX_QUESTION:,} characters.")
        plain = plain[:MAX_QUESTION]
    if has_files:
        if not plain.strip():
            return Question("", (ONLY_ATTACHMENTS,))
        notes.append(ATTACHMENTS_NOT_READ)
    return Question(plain or "help", tuple(notes))


def has_files(event: dict[str, Any]) -> bool:
    """True if the message carries files (a `file_share`, or a mention sent with an upload)."""
    files = event.get("files")
    return isinstance(files, list) and bool(files)


def why_ignored(event: dict[str, Any], bot_user_id: str | None) -> str:
    """Why the message in `event` is not one a person wrote for the bot to read; "" if it is."""
    subtype = event.get("subtype")
    if subtype is not None and subtype not in PERSON_SUBTYPES:
        return f"subtype {_token(subtype)}"
    user = event.get("user")
    if not isinstance(user, str) or not user:
        return "no user"
    if user == bot_user_id:
        return "the bot's own message"
    if user == SLACKBOT:
        return "from Slackbot"
    if event.get("bot_id") or event.get("bot_profile") or event.get("app_id"):
        return "from an app"
    if not all(isinstance(event.get(key), str) and event[key] for key in ("channel", "ts")):
        return "no channel or ts"
    return ""


def kind_of(body: Any) -> str:
    """A request's kind for logs: e.g. "event reaction_added", "command /deploy", "block_actions"."""
    if not isinstance(body, dict):
        return "unknown request"
    if isinstance(body.get("command"), str):
        return "command " + _token(body["command"])
    kind = _token(body.get("type"))
    if kind == "event_callback":
        event = body.get("event")
        return "event " + _token(event.get("type") if isinstance(event, dict) else None)
    return kind


def log_ignored(body: Any) -> None:
    """Log a request the bot acknowledges but does not act on: a warning for the kinds in
    `WARNINGS`, debug level for the rest."""
    kind = kind_of(body)
    warning = WARNINGS.get(kind.removeprefix("event "))
    if warning:
        team = _token(body.get("team_id") or team_of(body)) if isinstance(body, dict) else "?"
        log.warning(warning, team)
    else:
        log.debug("acknowledged and ignored: %s", kind)


def team_of(body: dict[str, Any]) -> str:
    """The workspace an interaction came from: `team.id`, or `user.team_id` in an org-wide install
    (where `team` is null)."""
    for holder, key in (("team", "id"), ("user", "team_id")):
        part = body.get(holder)
        if isinstance(part, dict) and isinstance(part.get(key), str) and part[key]:
            return part[key]
    return ""


def _token(value: Any) -> str:
    """`value` if it is a short identifier-like string (a type or command name), else "?"."""
    if isinstance(value, str) and 0 < len(value) <= 64 and all(c.isalnum() or c in "_-./:" for c in value):
        return value
    return "?"
