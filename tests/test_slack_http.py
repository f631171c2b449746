"""The real Slack app over HTTP (waitress on 127.0.0.1) against the Slack Web API stand-in."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.slack.blocks import HELPFUL, NOT_HELPFUL, SHARE
from bot.kit.feedback import read_feedback
from bot.slack.markup import to_plain
from bot.slack.responder import APOLOGY, BUSY, EXPIRED
from slack_standin import (
    expected_text,
    BOT_ID,
    BOT_USER,
    CHANNEL,
    DM,
    USER,
    RunningApp,
    SlackStandIn,
    block_action,
    button_value,
    config_for,
    event_callback,
    mention,
    message,
    new_ts,
    unique,
)
from slack_standin import post as http_post

FASTER = "which is faster, pytorch or keras?"


def test_url_verification(running: RunningApp) -> None:
    reply = running.slack.send_json({"token": "t", "challenge": "c-123", "type": "url_verification"})
    assert reply.status == 200 and "c-123" in reply.body


def test_mention_is_answered_in_a_thread(running: RunningApp, standin: SlackStandIn) -> None:
    event = mention(FASTER)
    reply = running.slack.event(event)
    assert reply.status == 200
    [post] = standin.wait_for("chat.postMessage")
    assert post.body["channel"] == CHANNEL and post.body["thread_ts"] == event["ts"]
    assert post.body["text"] == expected_text(FASTER)
    assert any(b["type"] == "actions" for b in post.body["blocks"])
    assert [c.method for c in standin.calls] == ["auth.test", "chat.postMessage"]  # tokens checked by the stand-in


def test_direct_message_is_answered(running: RunningApp, standin: SlackStandIn) -> None:
    running.slack.event(message(FASTER, channel=DM, channel_type="im"))
    [post] = standin.wait_for("chat.postMessage")
    assert post.body["channel"] == DM and "thread_ts" not in post.body
    assert post.body["text"] == expected_text(FASTER)


def test_acks_do_not_wait_for_delivery(running: RunningApp, standin: SlackStandIn) -> None:
    standin.plan("chat.postMessage", ("hang", 0))
    standin.plan("response:slow", ("hang", 0))
    assert running.slack.event(mention(FASTER)).status == 200
    assert running.slack.command(FASTER, standin.response_url("slow")).status == 200
    standin.wait_hanging(2)  # both acked while their answers are still on the way
    assert standin.ok("chat.postMessage") == [] and standin.ok("response:slow") == []
    standin.release()
    running.settle()


def test_follow_up_in_thread_continues_the_chat_without_a_mention(
    running: RunningApp, standin: SlackStandIn
) -> None:
    first = mention(FASTER)
    running.slack.event(first)
    standin.wait_for("chat.postMessage")
    running.slack.event(message("and for debugging?", thread_ts=first["ts"]))
    posts = standin.wait_for("chat.postMessage", 2)
    follow_up = posts[1].body
    assert follow_up["thread_ts"] == first["ts"]
    assert follow_up["text"] == expected_text(FASTER, "and for debugging?")
    assert follow_up["text"] != expected_text("and for debugging?")  # the context mattered
    assert "debug" in follow_up["text"].lower()


def test_untagged_messages_elsewhere_are_ignored(running: RunningApp, standin: SlackStandIn) -> None:
    running.slack.event(message(FASTER))  # top level in a channel, no mention
    running.slack.event(message(FASTER, thread_ts=new_ts()))  # a thread the bot is not in
    running.settle()
    assert standin.tried("chat.postMessage") == []


def test_mention_in_known_thread_answered_once(running: RunningApp, standin: SlackStandIn) -> None:
    """Slack delivers such a message twice (app_mention and message); one answer."""
    first = mention(FASTER)
    running.slack.event(first)
    standin.wait_for("chat.postMessage")
    again = mention("and for debugging?", thread_ts=first["ts"])
    as_message = dict(again, type="message", channel_type="channel")
    running.slack.event(as_message)
    running.slack.event(again)
    running.settle()
    assert len(standin.tried("chat.postMessage")) == 2


def test_slash_command_is_ephemeral_and_can_be_shared(running: RunningApp, standin: SlackStandIn) -> None:
    url = standin.response_url(unique("slash"))
    reply = running.slack.command(FASTER, url)
    assert reply.status == 200 and reply.body == ""
    [private] = standin.wait_for("response:" + url.rsplit("/", 1)[1])
    assert private.body["response_type"] == "ephemeral"
    assert private.body["text"] == expected_text(FASTER)
    assert "Question: " + FASTER in private.text
    answer_id = button_value(private, SHARE)

    share_url = standin.response_url(unique("share"))
    reply = running.slack.action(block_action(SHARE, answer_id, share_url, ephemeral=True))
    assert reply.status == 200
    shared, delete = standin.wait_for("response:" + share_url.rsplit("/", 1)[1], 2)
    assert shared.body["response_type"] == "in_channel" and shared.body["text"] == private.body["text"]
    assert f"<@{USER}> asked: {FASTER}" in shared.text
    assert not any(e.get("action_id") == SHARE for b in shared.body["blocks"] for e in b.get("elements", []))
    assert delete.body == {"delete_original": True}
    assert standin.tried("chat.postMessage") == []


def test_sharing_a_forgotten_answer_says_so(running: RunningApp, standin: SlackStandIn) -> None:
    url = standin.response_url(unique("share"))
    running.slack.action(block_action(SHARE, "no-such-answer", url, ephemeral=True))
    [notice] = standin.wait_for("response:" + url.rsplit("/", 1)[1])
    assert notice.body["response_type"] == "ephemeral" and notice.body["text"] == EXPIRED


def test_helpful_click_is_recorded_before_the_ack(running: RunningApp, standin: SlackStandIn, tmp_path: Path) -> None:
    event = mention(FASTER)
    running.slack.event(event)
    [post] = standin.wait_for("chat.postMessage")
    value = button_value(post, HELPFUL)
    url = standin.response_url(unique("click"))
    reply = running.slack.action(block_action(HELPFUL, value, url, message_ts="1700000000.000002",
                                              thread_ts=event["ts"]))
    assert reply.status == 200
    [record] = read_feedback(tmp_path / "feedback.jsonl")  # on disk by the time of the ack
    assert record["rating"] == "helpful" and record["question"] == FASTER and record["user"] == USER
    assert record["channel"] == CHANNEL and record["route"] and record["answer_id"]
    [thanks] = standin.wait_for("chat.postEphemeral")
    assert thanks.body["user"] == USER and thanks.body["thread_ts"] == event["ts"]
    assert "helpful" in thanks.body["text"]


def test_not_helpful_on_a_private_answer_thanks_through_response_url(
    running: RunningApp, standin: SlackStandIn, tmp_path: Path
) -> None:
    url = standin.response_url(unique("click"))
    running.slack.action(block_action(NOT_HELPFUL, '{"a": "x1", "r": "compare", "q": "q"}', url, ephemeral=True))
    [thanks] = standin.wait_for("response:" + url.rsplit("/", 1)[1])
    assert thanks.body["response_type"] == "ephemeral" and "not helpful" in thanks.body["text"]
    assert read_feedback(tmp_path / "feedback.jsonl")[0]["rating"] == "not_helpful"


@pytest.mark.parametrize(("skew", "secret"), [(0, "wrong-secret"), (-6 * 60, None), (6 * 60, None)])
def test_unverified_requests_get_401_and_no_answer(
    running: RunningApp, standin: SlackStandIn, skew: int, secret: str | None
) -> None:
    reply = running.slack.event(mention(FASTER), skew=skew, secret=secret)
    assert reply.status == 401
    command = running.slack.send(b"command=%2Ffwbot&text=hi", "application/x-www-form-urlencoded",
                                 skew=skew, secret=secret)
    assert command.status == 401
    running.settle()
    assert [c.method for c in standin.calls] == ["auth.test"]


def test_retries_and_duplicates_are_answered_once(running: RunningApp, standin: SlackStandIn) -> None:
    body = event_callback(mention(FASTER))
    assert running.slack.send_json(body).status == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert running.slack.send_json(body, headers=retry).status == 200
    assert running.slack.send_json(body).status == 200
    running.settle()
    assert len(standin.tried("chat.postMessage")) == 1


def test_broadcasts_links_and_mentions_in_questions_stay_harmless(
    running: RunningApp, standin: SlackStandIn
) -> None:
    question = "<!channel> <!here|here> which is faster, <http://evil.example|pytorch> or keras? <@U0BOB> &lt;b&gt;"
    running.slack.event(mention(question))
    url = standin.response_url(unique("slash"))
    running.slack.command(question, url)
    running.slack.event(message(question + " and search <!everyone>", channel=DM, channel_type="im"))
    running.settle()
    posted = standin.ok("chat.postMessage") + standin.ok("response:" + url.rsplit("/", 1)[1])
    assert len(posted) == 3
    for call in posted:
        for markup in ("<!channel", "<!here", "<!everyone", "<http://evil", "<@U0BOB"):
            assert markup not in call.raw  # not even in button values
        assert "<b>" not in call.text
    assert "Question: @channel @here which is faster, pytorch or keras? @U0BOB &lt;b&gt;" in posted[-1].text
    assert to_plain(question, BOT_USER).startswith("@channel @here which is faster, pytorch or keras? @U0BOB <b>")


def test_rate_limit_and_server_errors_are_retried(running: RunningApp, standin: SlackStandIn) -> None:
    standin.plan("chat.postMessage", ("429", 1), ("500", 0))
    running.slack.event(mention(FASTER))
    [post] = standin.wait_for("chat.postMessage")
    assert [c.status for c in standin.tried("chat.postMessage")] == [429, 500, 200]
    assert post.body["text"] == expected_text(FASTER)


def test_a_long_retry_after_is_not_waited_for(running: RunningApp, standin: SlackStandIn) -> None:
    standin.plan("chat.postMessage", ("429", 3600))
    running.slack.event(mention(FASTER))
    [apology] = standin.wait_for("chat.postMessage")
    assert apology.body["text"] == APOLOGY
    assert [c.status for c in standin.tried("chat.postMessage")] == [429, 200]


def test_a_hanging_api_gets_an_apology_and_the_app_keeps_serving(
    running: RunningApp, standin: SlackStandIn
) -> None:
    standin.plan("chat.postMessage", ("hang", 0))
    first = mention(FASTER)
    running.slack.event(first)
    [apology] = standin.wait_for("chat.postMessage")  # the answer timed out (2 s); the apology did not
    assert apology.body["text"] == APOLOGY and apology.body["thread_ts"] == first["ts"]
    running.slack.event(mention(FASTER))
    posts = standin.wait_for("chat.postMessage", 2)
    assert posts[1].body["text"] == expected_text(FASTER)


def test_an_answer_that_raises_gets_an_apology_and_the_app_keeps_serving(
    running: RunningApp, standin: SlackStandIn, core_raises: pytest.MonkeyPatch
) -> None:
    running.slack.event(mention(FASTER))
    [apology] = standin.wait_for("chat.postMessage")
    assert apology.body["text"] == APOLOGY
    core_raises.undo()
    running.slack.event(mention(FASTER))
    posts = standin.wait_for("chat.postMessage", 2)
    assert posts[1].body["text"] == expected_text(FASTER)


def test_bots_edits_and_other_subtypes_are_ignored(running: RunningApp, standin: SlackStandIn) -> None:
    first = mention(FASTER)
    running.slack.event(first)
    standin.wait_for("chat.postMessage")
    thread = first["ts"]
    ignored = [
        message(FASTER, thread_ts=thread, bot_id="B0OTHER"),
        message(FASTER, thread_ts=thread, user=None, subtype="bot_message", bot_id="B0OTHER"),
        message(FASTER, thread_ts=thread, user=BOT_USER, bot_id=BOT_ID),
        message(FASTER, thread_ts=thread, subtype="message_changed",
                message={"text": FASTER, "user": USER, "thread_ts": thread}),
        message("", thread_ts=thread, user=None, subtype="message_deleted"),
        message("joined", thread_ts=thread, subtype="channel_join"),
        dict(mention(FASTER), bot_id="B0OTHER"),
        message(FASTER, channel=DM, channel_type="im", bot_id="B0OTHER"),
    ]
    for event in ignored:
        assert running.slack.event(event).status == 200
    running.settle()
    assert len(standin.tried("chat.postMessage")) == 1


def test_a_full_pool_answers_busy_instead_of_queueing(standin: SlackStandIn, tmp_path: Path) -> None:
    running = RunningApp(config_for(standin, tmp_path, workers=1, queue_size=0, http_timeout=10))
    try:
        standin.plan("chat.postMessage", ("hang", 0))
        running.slack.event(mention(FASTER))
        standin.wait_hanging(1)  # the only worker is stuck posting
        second = mention(FASTER)
        running.slack.event(second)
        [busy] = standin.wait_for("chat.postMessage")
        assert busy.body["text"] == BUSY and busy.body["thread_ts"] == second["ts"]
        url = standin.response_url(unique("slash"))
        running.slack.command(FASTER, url)
        [busy_slash] = standin.wait_for("response:" + url.rsplit("/", 1)[1])
        assert busy_slash.body["text"] == BUSY
        standin.release()
        running.settle()
    finally:
        running.close()


def test_other_paths_are_not_found(running: RunningApp) -> None:
    reply = http_post(running.url.replace("/slack/events", "/admin"), b"{}", "application/json", {})
    assert reply.status == 404
    assert json.loads(running.slack.send_json({"type": "url_verification", "challenge": "z"}).body)["challenge"] == "z"


def test_an_answer_from_documents_shows_the_file_it_quotes(docs_home: Path, standin: SlackStandIn, tmp_path: Path) -> None:
    """With documents in the default library, Slack's answer cites the file as text: its path and line."""
    from corpus.docs.indexer import add
    from corpus.docs.library import Library
    from docs_fixtures import make_docs

    docs = make_docs(tmp_path / "team")
    add(Library(docs_home / "library"), [docs], "team")
    app = RunningApp(config_for(standin, tmp_path))
    try:
        app.slack.event(mention("how do I standardize features?"))
        [post] = standin.wait_for("chat.postMessage")
    finally:
        app.close()
    sources = [b["elements"][0]["text"] for b in post.body["blocks"] if b["type"] == "context" and "*[1]*" in b["elements"][0]["text"]]
    assert len(sources) == 1 and sources[0].startswith("*[1]* Scaling guide · ")
    assert sources[0].endswith(f"\n`{docs / 'guide.html'}:8`")
