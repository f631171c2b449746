"""The slow half of every Slack interaction, run on worker threads after the listener acked.

Asks the core within the right conversation, renders the answer and delivers it: as a
threaded reply (mentions, follow-ups, DMs) or through a slash command's `response_url`.
Also shares ephemeral answers in channel and thanks people for feedback. Any failure is
logged and turned into a short apology; nothing here is allowed to take the bot down.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Hashable
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.webhook import WebhookClient

from bot import Answer
from bot.slack.blocks import Message, answer_message, notice_message
from bot.kit.conversations import SessionStore
from bot.kit.remembered import Records
from bot.kit.state import State
from bot.slack.state import SHARE_TTL

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong while answering that. Please try again in a moment."
BUSY = "I'm answering a lot of questions right now. Please ask again in a minute."
EXPIRED = "That answer is no longer available to share; please ask again."


class Responder:
    """Answers questions and posts results; every public method is safe to run on a worker."""

    def __init__(
        self,
        client: WebClient,
        sessions: SessionStore,
        state: State,
        retry_handlers: list[RetryHandler],
        timeout: int,
        allowed_hosts: tuple[str, ...],
    ) -> None:
        self.client = client
        self.sessions = sessions
        self._retry_handlers = retry_handlers
        self._timeout = timeout
        self._allowed_hosts = allowed_hosts
        self.shares = Records(state, "share", SHARE_TTL)  # answer id -> {"question", "answer"}

    # --- conversations (mentions, thread follow-ups, DMs) ---------------------------------

    def reply(self, channel: str, thread_ts: str | None, key: Hashable, question: str,
              notices: tuple[str, ...] = ()) -> None:
        """Answer `question` in conversation `key`, posting in `channel` (in thread `thread_ts`),
        with `notices` about the question shown above the answer."""
        try:
            answer = self.sessions.open(key).ask(question)
            message = answer_message(answer, answer_id=_new_id(), question=question, notices=notices)
        except Exception:
            log.exception("answering failed in %s", channel)
            self.post(channel, thread_ts, notice_message(APOLOGY))
            return
        if not self.post(channel, thread_ts, message):
            self.post(channel, thread_ts, notice_message(APOLOGY))

    def post(self, channel: str, thread_ts: str | None, message: Message) -> bool:
        """chat.postMessage (retried by the client on 429/5xx/connection errors); False on failure."""
        try:
            self.client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
            return True
        except Exception as error:  # SlackApiError, timeouts, connection errors
            log.error("chat.postMessage to %s failed: %s", channel, _describe(error))
            return False

    # --- slash command ---------------------------------------------------------------------

    def reply_to_command(self, response_url: str, key: Hashable, question: str,
                         notices: tuple[str, ...] = ()) -> None:
        """Answer a slash-command question privately (ephemeral) with a "Share in channel" button."""
        try:
            answer = self.sessions.open(key).ask(question)
            answer_id = _new_id()
            self.shares.put(answer_id, {"question": question, "answer": answer.to_dict()})
            message = answer_message(
                answer, answer_id=answer_id, question=question, show_question=True, shareable=True,
                notices=notices,
            )
        except Exception:
            log.exception("answering a slash command failed")
            self.respond(response_url, notice_message(APOLOGY))
            return
        if not self.respond(response_url, message):
            self.respond(response_url, notice_message(APOLOGY))

    def share(self, response_url: str, answer_id: str, user: str) -> None:
        """Post `user`'s private answer for everyone in the channel, then remove the private copy."""
        shared = self.shares.get(answer_id)
        try:
            answer, question = Answer.from_dict(shared["answer"]), str(shared["question"])  # type: ignore[index]
        except (TypeError, KeyError, ValueError):  # gone (expired, store unavailable) or unreadable
            self.respond(response_url, notice_message(EXPIRED))
            return
        message = answer_message(answer, answer_id=answer_id, question=question, asked_by=user)
        if self.respond(response_url, message, response_type="in_channel"):
            self.respond_raw(response_url, {"delete_original": True})

    def respond(self, response_url: str, message: Message, response_type: str = "ephemeral") -> bool:
        """Send a new message through `response_url` (ephemeral unless told otherwise)."""
        return self.respond_raw(
            response_url,
            {
                "response_type": response_type,
                "replace_original": False,
                "text": message.text,
                "blocks": message.blocks,
                "unfurl_links": False,
                "unfurl_media": False,
            },
        )

    def respond_raw(self, response_url: str, body: dict[str, Any]) -> bool:
        """POST `body` to a Slack `response_url`; False (logged) if refused or unreachable."""
        if urlsplit(response_url).hostname not in self._allowed_hosts and not _is_slack_host(response_url):
            log.warning("ignored a response_url on an unexpected host")
            return False
        webhook = WebhookClient(response_url, timeout=self._timeout, retry_handlers=self._retry_handlers)
        try:
            response = webhook.send_dict(body)
        except Exception as error:
            log.error("response_url post failed: %s", _describe(error))
            return False
        if response.status_code != 200:
            log.error("response_url post refused: HTTP %s", response.status_code)
            return False
        return True

    # --- feedback --------------------------------------------------------------------------

    def thank(self, channel: str, user: str, thread_ts: str | None, response_url: str, text: str) -> None:
        """Tell only the clicker that their feedback was recorded."""
        message = notice_message(text)
        if channel:
            try:
                self.client.chat_postEphemeral(
                    channel=channel, user=user, thread_ts=thread_ts, text=message.text, blocks=message.blocks
                )
                return
            except Exception as error:  # e.g. not_in_channel: fall back to the response_url
                log.info("chat.postEphemeral failed (%s); using response_url", _describe(error))
        if response_url:
            self.respond(response_url, message)


def _new_id() -> str:
    return uuid.uuid4().hex[:16]


def _is_slack_host(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme == "https" and (host.endswith(".slack.com") or host.endswith(".slack-gov.com"))


def _describe(error: Exception) -> str:
    """A one-line reason without request details (a SlackApiError's `error` code if it has one)."""
    response = getattr(error, "response", None)
    code = response.get("error") if hasattr(response, "get") else None
    return f"{type(error).__name__}: {code or str(error)[:200]}"
