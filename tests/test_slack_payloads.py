"""Slack as Slack sends it: real request bodies (bolt-python's test payloads, Slack's reference
samples, another library's captured deliveries; see tests/payloads/SOURCES.md), adapted only
where needed, delivered over HTTP and as Socket Mode envelopes. Each is acknowledged at once;
people are answered once; Slackbot, apps and the bot itself never; the rest is logged by kind.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.slack import intake
from bot.slack.blocks import HELPFUL, feedback_value
from bot.kit.feedback import read_feedback
from bot.slack.markup import to_plain
from slack_deliveries import Delivery, HttpSlack, SocketSlack, event_body, load, mention_body
from slack_standin import BOT_USER, SlackStandIn, config_for, expected_text, new_ts, unique

FASTER = "which is faster, pytorch or keras?"
FOLLOW_UP = "and for debugging?"
TYPED = "typed-by-a-person-7f3a"  # stands for what someone typed; must never reach a log
MERCURY_BOT = "U0442US8QGH"  # the app's bot user in MercuryTechnologies/slack-web's captured deliveries


@pytest.fixture(params=["http", "socket"])
def transport(request: pytest.FixtureRequest) -> type[Delivery]:
    """Each of Slack's two ways in: signed HTTP requests, Socket Mode envelopes."""
    return HttpSlack if request.param == "http" else SocketSlack


@pytest.fixture
def slack(transport: type[Delivery], standin: SlackStandIn, tmp_path: Path) -> Iterator[Delivery]:
    """The real app behind `transport`, against the Web API stand-in."""
    delivery = transport(standin, config_for(standin, tmp_path))
    yield delivery
    delivery.close()


def posts(slack: Delivery) -> list[Any]:
    slack.settle()
    return slack.standin.tried("chat.postMessage")


def follow_thread(slack: Delivery, channel: str, thread_ts: str) -> None:
    """Mention the bot at `thread_ts` in `channel` and wait for its answer: the thread is followed."""
    before = len(slack.standin.ok("chat.postMessage"))
    assert slack.deliver("events_api", mention_body(channel, thread_ts, FASTER)) == 200
    [*_, answer] = slack.standin.wait_for("chat.postMessage", before + 1)
    assert answer.body["thread_ts"] == thread_ts and answer.body["text"] == expected_text(FASTER)


# --- who is answered ------------------------------------------------------------------------

def test_slackbot_other_apps_and_the_bot_itself_are_never_answered(slack: Delivery) -> None:
    thread = new_ts()
    follow_thread(slack, "C043YJGBY49", thread)
    never = [
        event_body("mercury_slackbot_im", bot_user=MERCURY_BOT),  # "You have been removed from #…"
        event_body("mercury_own_bot_message_in_thread", bot_user=MERCURY_BOT, thread_ts=thread),
        event_body("mercury_other_app_bot_message", channel="C043YJGBY49", thread_ts=thread),
        event_body("bolt_bot_message", channel="C043YJGBY49", thread_ts=thread),
    ]
    for body in never:
        assert slack.deliver("events_api", body) == 200
    person = event_body("mercury_message_im", bot_user=MERCURY_BOT, text=FASTER)  # the same kind of DM
    assert slack.deliver("events_api", person) == 200
    answered = posts(slack)
    assert [call.body["channel"] for call in answered] == ["C043YJGBY49", person["event"]["channel"]]


def test_a_file_share_from_a_person_is_answered_saying_attachments_are_not_read(slack: Delivery) -> None:
    dm = event_body("mercury_message_file_share_im", bot_user=MERCURY_BOT, text=FASTER)
    assert slack.deliver("events_api", dm) == 200
    [answer] = slack.standin.wait_for("chat.postMessage")
    assert answer.body["channel"] == dm["event"]["channel"] and "thread_ts" not in answer.body
    assert answer.body["text"] == expected_text(FASTER)
    assert intake.ATTACHMENTS_NOT_READ in answer.text

    thread = new_ts()
    follow_thread(slack, "C111", thread)
    in_thread = event_body("bolt_message_file_share", text=FOLLOW_UP, thread_ts=thread, ts=new_ts())
    also_a_mention = dict(in_thread["event"], type="app_mention", text=f"<@{BOT_USER}> {FOLLOW_UP}")
    assert slack.deliver("events_api", in_thread) == 200
    assert slack.deliver("events_api", dict(in_thread, event_id=unique("Ev"), event=also_a_mention)) == 200
    elsewhere = event_body("bolt_message_file_share", text=FASTER, ts=new_ts())  # a channel, no thread
    assert slack.deliver("events_api", elsewhere) == 200
    only_a_file = event_body("mercury_message_file_share_im", bot_user=MERCURY_BOT, text="", ts=new_ts())
    assert slack.deliver("events_api", only_a_file) == 200

    answered = posts(slack)[2:]  # after the DM's answer and the thread opener's
    assert len(answered) == 2  # one follow-up (not two), and the file-only notice (in either order)
    [follow_up] = [call for call in answered if call.body.get("thread_ts") == thread]
    assert follow_up.body["text"] == expected_text(FASTER, FOLLOW_UP)
    assert intake.ATTACHMENTS_NOT_READ in follow_up.text
    [notice] = [call for call in answered if call is not follow_up]
    assert notice.body["text"] == intake.ONLY_ATTACHMENTS and notice.body["channel"] == dm["event"]["channel"]


def test_a_thread_broadcast_in_a_followed_thread_is_a_follow_up(slack: Delivery) -> None:
    broadcast = event_body("bolt_message_thread_broadcast", text=FOLLOW_UP)
    thread = broadcast["event"]["thread_ts"]
    follow_thread(slack, broadcast["event"]["channel"], thread)
    assert slack.deliver("events_api", broadcast) == 200
    unfollowed = event_body("bolt_message_thread_broadcast", text=FOLLOW_UP, thread_ts=new_ts(), ts=new_ts())
    assert slack.deliver("events_api", unfollowed) == 200
    answered = posts(slack)
    assert len(answered) == 2
    assert answered[1].body["thread_ts"] == thread
    assert answered[1].body["text"] == expected_text(FASTER, FOLLOW_UP)


def test_a_long_message_is_answered_saying_it_was_cut(slack: Delivery) -> None:
    text = " ".join([FASTER] * 80)
    body = mention_body("C111", new_ts(), text)
    assert slack.deliver("events_api", body) == 200
    [answer] = slack.standin.wait_for("chat.postMessage")
    plain = to_plain(body["event"]["text"], BOT_USER)
    assert len(plain) == 2799 and answer.body["text"] == expected_text(plain[:intake.MAX_QUESTION])
    assert "2,799 characters long; I read only the first 2,000" in answer.text
    assert slack.deliver("events_api", event_body("slack_docs_message_im", text=text + "?")) == 200  # a DM
    [_, in_dm] = slack.standin.wait_for("chat.postMessage", 2)
    assert in_dm.body["text"] == answer.body["text"] and "2,800 characters long" in in_dm.text


# --- what is acknowledged and ignored ---------------------------------------------------------

def _typed(body: dict[str, Any], *path: str | int) -> dict[str, Any]:
    """`body` with the value at `path` replaced by `TYPED`."""
    holder: Any = body
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = TYPED
    return body


def _ignored(standin: SlackStandIn) -> list[tuple[str, str, dict[str, Any], str]]:
    """(name, envelope type, body, what the log line says) for requests the bot acknowledges and ignores."""
    thread = "1600000000.000100"
    command = load("bolt_slash_command") | {"text": TYPED, "response_url": standin.response_url("ignored")}
    shortcut_on_message = load("bolt_message_action") | {"response_url": standin.response_url("ignored")}
    return [
        ("app_rate_limited", "events_api", load("slack_docs_app_rate_limited"), "rate-limiting"),
        ("app_home_opened", "events_api", event_body("mercury_app_home_opened", bot_user=MERCURY_BOT),
         "event app_home_opened"),
        ("reaction_added", "events_api", event_body("bolt_reaction_added"), "event reaction_added"),
        ("member_joined_channel", "events_api", event_body("bolt_member_joined_channel"),
         "event member_joined_channel"),
        ("app_uninstalled", "events_api", event_body("bolt_app_uninstalled"), "uninstalled from team T111"),
        ("tokens_revoked", "events_api", event_body("bolt_tokens_revoked"), "revoked tokens"),
        ("channel_rename", "events_api", event_body("slack_docs_channel_rename"), "event channel_rename"),
        ("channel_created", "events_api", event_body("mercury_channel_created"), "event channel_created"),
        ("channel_left", "events_api", event_body("mercury_channel_left", bot_user=MERCURY_BOT),
         "event channel_left"),
        ("message_changed", "events_api", _typed(event_body("mercury_message_changed", thread_ts=thread),
                                                 "event", "message", "text"), "subtype message_changed"),
        ("message_deleted", "events_api", _typed(event_body("mercury_message_deleted", thread_ts=thread),
                                                 "event", "previous_message", "text"), "subtype message_deleted"),
        ("channel_join", "events_api", event_body("mercury_channel_join", bot_user=MERCURY_BOT, thread_ts=thread),
         "subtype channel_join"),
        ("top-level message", "events_api", event_body("bolt_message_file_share", text=TYPED),
         "not a DM or a thread the bot follows"),
        ("another slash command", "slash_commands", command, "command /hello-world"),
        ("an older version's button", "interactive", _typed(load("bolt_block_actions"), "actions", 0, "value"),
         "block_actions"),
        ("global shortcut", "interactive", load("bolt_shortcut"), "shortcut"),
        ("message shortcut", "interactive", _typed(shortcut_on_message, "message", "text"), "message_action"),
        ("view submission", "interactive",
         _typed(load("bolt_view_submission"), "view", "state", "values", "hspI", "maBWU", "value"),
         "view_submission"),
        ("view closed", "interactive", load("bolt_view_closed_org_wide"), "view_closed"),
        ("block suggestion", "interactive", _typed(load("bolt_block_suggestion"), "value"), "block_suggestion"),
    ]


WARNED = {"app_rate_limited", "app_uninstalled", "tokens_revoked"}


def test_what_the_bot_does_not_act_on_is_acked_at_once_and_logged_by_kind(
    slack: Delivery, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="bot.slack")
    follow_thread(slack, "C111", "1600000000.000100")
    problems = []
    for name, kind, body, logged in _ignored(slack.standin):
        caplog.clear()
        status = slack.deliver(kind, body)
        lines = [(r.levelno, r.getMessage()) for r in caplog.records]
        level = logging.WARNING if name in WARNED else logging.DEBUG
        if status != 200:
            problems.append(f"{name}: acknowledged with {status or 'nothing'}")
        if not any(lvl == level and logged in text for lvl, text in lines):
            problems.append(f"{name}: no {logging.getLevelName(level)} line saying {logged!r}: {lines}")
        if any(lvl >= logging.WARNING for lvl, _ in lines) and name not in WARNED:
            problems.append(f"{name}: warned: {lines}")
        if any(TYPED in text or "Unhandled request" in text or "@app." in text for _, text in lines):
            problems.append(f"{name}: a log line shows the request's text: {lines}")
    assert problems == []
    assert len(posts(slack)) == 1 and slack.standin.tried("response:ignored") == []


# --- settings and records --------------------------------------------------------------------

def test_the_slash_command_is_the_one_configured(
    transport: type[Delivery], standin: SlackStandIn, tmp_path: Path
) -> None:
    slack = transport(standin, config_for(standin, tmp_path, slash_command="/hello-world"))
    try:
        renamed = load("bolt_slash_command") | {"text": FASTER, "response_url": standin.response_url("renamed")}
        default = renamed | {"command": "/fwbot", "response_url": standin.response_url("default")}
        assert slack.deliver("slash_commands", renamed) == 200
        assert slack.deliver("slash_commands", default) == 200
        [answer] = standin.wait_for("response:renamed")
        assert answer.body["response_type"] == "ephemeral" and answer.body["text"] == expected_text(FASTER)
        slack.settle()
        assert standin.tried("response:default") == []
    finally:
        slack.close()


def test_the_command_name_comes_from_the_option_or_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.slack import run
    from bot.slack.config import ConfigError
    from bot.slack.config import load as load_config

    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}
    assert load_config(env, http=False).slash_command == "/fwbot"
    assert load_config(env | {"FWBOT_SLASH_COMMAND": "ask-ml"}, http=False).slash_command == "/ask-ml"
    assert load_config(env | {"FWBOT_SLASH_COMMAND": "/ask-ml"}, http=False, command="/fw2").slash_command == "/fw2"
    for bad in ("/two words", "/", "/" + "x" * 33, "/a/b"):
        with pytest.raises(ConfigError, match="FWBOT_SLASH_COMMAND"):
            load_config(env, http=False, command=bad)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert run(["--command", "/two words"]) == 2
    assert "--command / FWBOT_SLASH_COMMAND must be a slash command" in capsys.readouterr().err
    manifest = (Path(__file__).resolve().parents[1] / "slack" / "manifest.yaml").read_text()
    assert "--command" in manifest and "FWBOT_SLASH_COMMAND" in manifest


def test_an_org_wide_install_records_the_team_from_the_user(slack: Delivery, tmp_path: Path) -> None:
    click = load("bolt_block_actions_org_wide")  # "team": null
    click["actions"][0].update(action_id=HELPFUL, value=feedback_value("a1", "compare", FASTER))
    click["response_url"] = slack.standin.response_url("org")
    assert slack.deliver("interactive", click) == 200
    [record] = read_feedback(tmp_path / "feedback.jsonl")  # on disk by the time of the ack
    assert record["team"] == "T_expected" and record["user"] == "W111" and record["rating"] == "helpful"
    [thanks] = slack.standin.wait_for("response:org")  # the answer was private: thanked through response_url
    assert "helpful" in thanks.body["text"]
