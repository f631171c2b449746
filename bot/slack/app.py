"""The Bolt app: listeners that verify, filter, ack at once and hand work to a pool.

Acted on: `app_mention`; `message` from a person in a DM or a followed thread (plain, `file_share`,
`thread_broadcast`); the configured slash command; the Helpful / Not helpful / Share buttons.
Every other request is acknowledged with 200 and logged by kind (see `intake.log_ignored`).
Listeners run with `process_before_response=True`, i.e. on the thread that received the
request, and decide only from the payload before returning (which sends the ack): filtering,
queueing the job. Nothing there waits on the state store: the claims (event id; channel and ts),
the lookup of a followed thread, answering and posting happen on `WorkPool` threads owned here,
never on Bolt's or the web server's threads.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from slack_bolt import Ack, App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.kit.conversations import SessionStore
from bot.kit.feedback import FeedbackStore
from bot.kit.pool import WorkPool
from bot.kit.remembered import Claims
from bot.kit.state import State
from bot.slack import intake
from bot.slack.blocks import HELPFUL, NOT_HELPFUL, RATINGS, SHARE, notice_message, parse_feedback_value
from bot.slack.config import Config
from bot.slack.responder import BUSY, Responder
from bot.slack.state import ANSWERED_TTL, SEEN_EVENTS, open_slack_state

log = logging.getLogger(__name__)

MAX_RETRY_AFTER = 30
POST_WORKERS, POST_QUEUE = 4, 256  # Slack-only jobs (busy notices, thanks, shares): short, I/O-bound


@dataclass
class SlackBot:
    """The Bolt `app` plus what it owns, so whoever serves it can also shut it down."""

    app: App
    responder: Responder
    sessions: SessionStore
    feedback: FeedbackStore
    answers: WorkPool
    posts: WorkPool
    state: State
    seen_events: Claims  # event ids
    answered: Claims  # (channel, message ts)
    signing_secret: str = field(default="", repr=False)

    def join(self, timeout: float) -> bool:
        """Wait until no answer or post is pending (False on timeout)."""
        return self.answers.join(timeout) and self.posts.join(timeout)

    def stats(self) -> dict[str, int]:
        """How much the bot remembers and has pending (each bounded; logged at shutdown)."""
        return {
            "sessions": len(self.sessions),
            "sessions_max": self.sessions.capacity,
            "events_seen": len(self.seen_events),
            "messages_answered": len(self.answered),
            "remembered_max": SEEN_EVENTS,
            "shareable": len(self.responder.shares),
            "answers_pending": self.answers.pending,
            "posts_pending": self.posts.pending,
        }

    def close(self, timeout: float = 10.0) -> None:
        """Stop taking work, let accepted jobs finish (up to `timeout` s per pool), log what is
        remembered, and close the state."""
        self.answers.shutdown(timeout)
        self.posts.shutdown(timeout)
        log.info("stopped: %s", " ".join(f"{key}={value}" for key, value in self.stats().items()))
        self.state.close()


class _BoundedRateLimitRetry(RateLimitErrorRetryHandler):
    """Retries 429s after Retry-After, unless Slack asks to wait longer than `max_wait` s."""

    def __init__(self, max_retry_count: int, max_wait: int) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:  # type: ignore[no-untyped-def]
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        wait = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
        try:
            return int(wait[0]) <= self.max_wait
        except (ValueError, IndexError):
            return True


class _AnyServerErrorRetry(ServerErrorRetryHandler):
    """Retries every 5xx answer (the stock handler only retries 500 and 503)."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:  # type: ignore[no-untyped-def]
        return response is not None and 500 <= response.status_code < 600


def retry_handlers(max_retries: int) -> list[RetryHandler]:
    """Bounded retries for rate limits (429), server errors (5xx) and connection failures."""
    return [
        _BoundedRateLimitRetry(max_retry_count=max_retries, max_wait=MAX_RETRY_AFTER),
        _AnyServerErrorRetry(max_retry_count=max_retries),
        ConnectionErrorRetryHandler(max_retry_count=max_retries),
    ]


def create_app(config: Config, *, clock: Callable[[], float] = time.monotonic, state: State | None = None) -> SlackBot:
    """Build the app (this calls auth.test with the bot token) and register its listeners.

    `state` is where it remembers (default: opened from `config.state`); `clock` times the
    conversations' idle limit (tests pass a fake one)."""
    state = state or open_slack_state(config.state, config.max_sessions, clock)
    handlers = retry_handlers(config.max_retries)
    timeout = max(1, int(config.http_timeout))
    client = WebClient(
        token=config.bot_token,
        base_url=config.api_url or WebClient.BASE_URL,
        timeout=timeout,
        retry_handlers=handlers,
    )
    bolt_log = logging.getLogger("fwbot.slack.bolt")
    bolt_log.addFilter(_not_token_unused)  # added once: the same function is not added twice
    app = App(
        client=client,
        signing_secret=config.signing_secret,
        process_before_response=True,
        raise_error_for_unhandled_request=True,  # lets `on_error` ack them (Bolt's own answer is a 404)
        ignoring_self_events_enabled=False,  # `intake.why_ignored` does it, and logs it by kind only
        logger=bolt_log,
        name="fwbot",
    )
    sessions = SessionStore(state, capacity=config.max_sessions, ttl=config.session_ttl, clock=clock)
    allowed = (urlsplit(config.api_url).hostname or "",) if config.api_url else ()
    bot = SlackBot(
        app=app,
        responder=Responder(client, sessions, state, handlers, timeout, allowed),
        sessions=sessions,
        feedback=FeedbackStore(config.feedback_file),
        answers=WorkPool(config.workers, config.queue_size, "fwbot-answer"),
        posts=WorkPool(POST_WORKERS, POST_QUEUE, "fwbot-post"),
        state=state,
        seen_events=Claims(state, "event", ANSWERED_TTL, SEEN_EVENTS),
        answered=Claims(state, "message", ANSWERED_TTL, SEEN_EVENTS),
        signing_secret=config.signing_secret,
    )
    _register(bot, config.slash_command)
    return bot


def _not_token_unused(record: logging.LogRecord) -> bool:
    """Drops Bolt's "`token` will be unused" warning: Bolt reads SLACK_BOT_TOKEN itself, but the client
    we give it was built with that same token, so the warning on every start says nothing."""
    return record.getMessage() != warning_client_prioritized_and_token_skipped()


def _register(bot: SlackBot, slash_command: str) -> None:
    """Attach the middleware and listeners to `bot.app`; `slash_command` is the command to answer."""
    app, sessions, responder = bot.app, bot.sessions, bot.responder
    seen_events, answered = bot.seen_events, bot.answered  # event ids; (channel, message ts)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse | None:
        """Ack what no listener handles (200, logged by kind, never its text); a listener that
        raised keeps Bolt's 500 and is logged with its traceback."""
        if isinstance(error, BoltUnhandledRequestError):
            intake.log_ignored(body)
            return BoltResponse(status=200, body="")
        log.error("the Slack app failed on a request (%s)", intake.kind_of(body), exc_info=error)
        return None

    def take(kind: str, event: dict[str, Any], body: dict[str, Any], request: BoltRequest,
             context: BoltContext) -> None:
        """Queue the handling of a message event (claims, thread lookup, answer): on the answer pool,
        or, when that is full, on the post pool with "busy" instead of the answer."""
        retry = (request.headers.get("x-slack-retry-num") or ["-"])[0]
        job = (kind, _field(body, "event_id"), retry, event, context.bot_user_id)
        if not bot.answers.submit(handle, *job, True):
            log.warning("answer pool full; telling %s we are busy", _field(event, "channel"))
            _post_or_drop(bot, handle, *job, False)

    def handle(kind: str, event_id: str, retry: str, event: dict[str, Any], bot_user: str | None,
               answering: bool) -> None:
        """On a worker: claim the event and the message, find the conversation, then answer (or
        say "busy" when not `answering`) or drop it."""
        if event_id and not seen_events.add(event_id):
            log.info("ignored a repeated delivery of event %s (retry %s)", event_id, retry)
            return
        channel, ts = _field(event, "channel"), _field(event, "ts")
        thread_ts: str | None = _field(event, "thread_ts") or None
        if kind == "app_mention":
            thread_ts = thread_ts or ts
        elif event.get("channel_type") != "im" and (channel, thread_ts) not in sessions:
            return ignored(kind, "not a DM or a thread the bot follows")
        if not answered.add((channel, ts)):  # a mention in a known thread also arrives as a message
            return ignored(kind, "already answered")
        key = (channel, thread_ts)  # in a DM without thread: the whole DM is one conversation
        question = intake.question_from(_field(event, "text"), bot_user, has_files=intake.has_files(event))
        sessions.open(key)  # from now on, follow-ups in this thread are ours
        if not question.text:  # nothing but attachments: say what the bot reads
            responder.post(channel, thread_ts, notice_message(" ".join(question.notes)))
        elif answering:
            responder.reply(channel, thread_ts, key, question.text, question.notes)
        else:
            responder.post(channel, thread_ts, notice_message(BUSY))

    def ignored(kind: str, reason: str) -> None:
        log.debug("ignored a %s event: %s", kind, reason)

    @app.event("app_mention")
    def on_mention(ack: Ack, event: dict[str, Any], body: dict[str, Any], request: BoltRequest,
                   context: BoltContext) -> None:
        """`@fwbot question` in a channel: answer in a thread under it."""
        ack()
        reason = intake.why_ignored(event, context.bot_user_id)
        if reason:
            return ignored("app_mention", reason)
        take("app_mention", event, body, request, context)

    @app.event("message")
    def on_message(ack: Ack, event: dict[str, Any], body: dict[str, Any], request: BoltRequest,
                   context: BoltContext) -> None:
        """DMs, and un-tagged follow-ups in threads the bot is already answering in."""
        ack()
        reason = intake.why_ignored(event, context.bot_user_id)
        if not reason and event.get("channel_type") != "im" and not _field(event, "thread_ts"):
            reason = "not a DM or a thread the bot follows"
        if reason:
            return ignored("message", reason)
        take("message", event, body, request, context)

    @app.command(slash_command)
    def on_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
        """`/fwbot question`: ack now, answer privately through the response_url."""
        ack()
        question = intake.question_from(_field(command, "text"), context.bot_user_id)
        response_url = _field(command, "response_url")
        key = ("slash", _field(command, "channel_id"), _field(command, "user_id"))
        if not bot.answers.submit(responder.reply_to_command, response_url, key, question.text, question.notes):
            _post_or_drop(bot, responder.respond, response_url, notice_message(BUSY))

    @app.action(re.compile(f"^({HELPFUL}|{NOT_HELPFUL})$"))
    def on_feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Record a Helpful / Not helpful click durably, then ack, then thank the clicker."""
        user = _field(_object(body, "user"), "id")
        channel = _field(_object(body, "channel"), "id")
        container = _object(body, "container")
        rating = RATINGS[action["action_id"]]
        try:
            bot.feedback.record({
                "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "rating": rating,
                **parse_feedback_value(_field(action, "value")),
                "user": user,
                "team": intake.team_of(body),
                "channel": channel,
                "message_ts": _field(container, "message_ts"),
            })
            thanks = "Thanks, noted as " + rating.replace("_", " ") + "."
        except OSError:
            log.exception("could not record feedback in %s", bot.feedback.path)
            thanks = "Sorry, I could not record that feedback."
        ack()
        thread_ts = _field(_object(body, "message"), "thread_ts") or None  # thank inside the answer's thread
        in_channel = channel if not container.get("is_ephemeral") else ""
        _post_or_drop(bot, responder.thank, in_channel, user, thread_ts, _field(body, "response_url"), thanks)

    @app.action(SHARE)
    def on_share(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Post a private slash-command answer in the channel."""
        ack()
        user = _field(_object(body, "user"), "id")
        _post_or_drop(bot, responder.share, _field(body, "response_url"), _field(action, "value"), user)


def _field(data: dict[str, Any], key: str) -> str:
    """`data[key]` if it is a string, else "" (a signed but odd payload must not raise)."""
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _object(data: dict[str, Any], key: str) -> dict[str, Any]:
    """`data[key]` if it is an object, else {}."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _post_or_drop(bot: SlackBot, job: Callable[..., Any], *args: Any) -> None:
    """Queue a Slack-only job (no answering) on the post pool; log and drop it if that is full."""
    if not bot.posts.submit(job, *args):
        log.warning("post pool full; dropped a %s", getattr(job, "__name__", "job"))
