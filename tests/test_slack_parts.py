"""The Slack adapter's building blocks: bounded memory, sessions, the feedback file, the pool,
configuration and log redaction."""
from __future__ import annotations

import io
import json
import logging
import threading
from pathlib import Path

import pytest

from bot.kit.bounded import BoundedDict, BoundedSet
from bot.slack.config import ConfigError, load
from bot.kit.feedback import FeedbackStore, read_feedback
from bot.kit.logs import RedactingFilter
from bot.kit.pool import WorkPool
from bot.kit.conversations import SessionStore
from bot.kit.state import open_state
from slack_standin import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET


def test_bounded_set_and_dict_forget_the_oldest() -> None:
    seen: BoundedSet[str] = BoundedSet(2)
    assert seen.add("a") and seen.add("b") and not seen.add("a")
    assert seen.add("c")  # evicts "b" (least recently seen)
    assert "a" in seen and "b" not in seen and len(seen) == 2
    cache: BoundedDict[str, int] = BoundedDict(2)
    cache.put("x", 1), cache.put("y", 2), cache.get("x"), cache.put("z", 3)
    assert cache.get("y") is None and cache.get("x") == 1 and len(cache) == 2


def test_sessions_are_bounded_in_number_and_age() -> None:
    now = [0.0]
    clock = lambda: now[0]  # noqa: E731
    store = SessionStore(open_state("memory", {"session": 2}, clock), capacity=2, ttl=100, clock=clock)
    first = store.open("t1")
    first.ask("what is keras?")
    store.open("t2").ask("what is keras?")
    assert store.open("t1") is first  # same conversation, refreshed
    first.ask("what is keras?")
    store.open("t3").ask("what is keras?")  # over capacity: t2 (least recently used) goes
    assert "t1" in store and "t3" in store and "t2" not in store and len(store) == 2
    now[0] = 150.0
    store.open("t4").ask("what is keras?")
    now[0] = 201.0  # t1 and t3 idle for >100 s, t4 for 51 s
    assert "t1" not in store and "t3" not in store and "t4" in store and len(store) == 1


def test_session_follow_ups_share_context() -> None:
    """A conversation keeps one real Session: its second answer matches a Session asked the same two."""
    store = SessionStore(open_state("memory"))
    conversation = store.open(("C1", "1.0"))
    conversation.ask("which is faster, pytorch or keras?")
    from bot import Session

    reference = Session()
    reference.ask("which is faster, pytorch or keras?")
    assert conversation.ask("and for debugging?").text == reference.ask("and for debugging?").text


def test_feedback_lines_are_whole_and_survive_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "feedback.jsonl"
    store = FeedbackStore(path)
    store.record({"rating": "helpful", "question": "ü <!channel>"})
    with open(path, "ab") as handle:
        handle.write(b'{"rating": "not_hel')  # a crash mid-write
    store.record({"rating": "not_helpful"})
    threads = [threading.Thread(target=store.record, args=({"n": n, "pad": "x" * 5000},)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    records = read_feedback(path)
    assert records[0] == {"rating": "helpful", "question": "ü <!channel>"}
    assert records[1] == {"rating": "not_helpful"}
    assert sorted(r["n"] for r in records[2:]) == list(range(20))
    assert path.read_bytes().endswith(b"\n")


def test_pool_refuses_beyond_capacity_and_survives_failures() -> None:
    pool = WorkPool(workers=1, queue_size=1, name="test")
    gate = threading.Event()
    done: list[int] = []
    assert pool.submit(gate.wait, 10)
    assert pool.submit(done.append, 1)
    assert not pool.submit(done.append, 2)  # one running + one waiting: full
    gate.set()
    assert pool.join(10)
    assert pool.submit(lambda: 1 / 0)  # a failing job is logged, not fatal
    assert pool.submit(done.append, 3)
    assert pool.join(10) and done == [1, 3]
    pool.shutdown(1)
    assert not pool.submit(done.append, 4)


def test_config_names_what_is_missing(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_APP_TOKEN": APP_TOKEN}
    config = load(env | {"SLACK_API_URL": "http://127.0.0.1:9/api", "FWBOT_FEEDBACK_FILE": str(tmp_path / "f")},
                  http=True)
    assert config.api_url == "http://127.0.0.1:9/api/" and config.feedback_file == tmp_path / "f"
    assert load(env, http=False, feedback_file="x.jsonl").feedback_file == Path("x.jsonl")
    assert BOT_TOKEN not in repr(config) and SIGNING_SECRET not in repr(config)
    for http, name in ((True, "SLACK_BOT_TOKEN"), (True, "SLACK_SIGNING_SECRET"), (False, "SLACK_APP_TOKEN")):
        with pytest.raises(ConfigError, match=name):
            load(env | {name: "  "}, http=http)
        with pytest.raises(ConfigError, match=name):
            load({k: v for k, v in env.items() if k != name}, http=http)
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        load(env | {"SLACK_APP_TOKEN": BOT_TOKEN}, http=False)
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        load(env | {"SLACK_API_URL": "file:///etc/passwd"}, http=True)


def test_the_state_is_sqlite_under_fwbot_home_unless_told_otherwise(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "FWBOT_HOME": str(tmp_path)}
    assert load(env, http=True).state == str(tmp_path / "slack-state.sqlite3")
    assert load({**env, "FWBOT_HOME": ""}, http=True).state == str(Path.home() / ".fwbot" / "slack-state.sqlite3")
    shared = "redis://:a-long-redis-password@127.0.0.1:6379/0"
    assert load(env | {"FWBOT_STATE_URL": shared}, http=True).state == shared
    config = load(env | {"FWBOT_STATE_URL": shared}, http=True, state="memory")
    assert config.state == "memory" and "a-long-redis-password" not in config.secrets
    config = load(env, http=True, state=shared)
    assert "a-long-redis-password" in config.secrets and "a-long-redis-password" not in repr(config)


def test_logs_never_show_secrets() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter([SIGNING_SECRET]))
    logger = logging.getLogger("test_slack_parts.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.error("token %s secret %s", BOT_TOKEN, SIGNING_SECRET)
        logger.error("url https://hooks.slack.com/commands/T1/2/abc and xoxp-1-2 and %s", {"t": APP_TOKEN})
        try:
            raise RuntimeError(f"failed with {BOT_TOKEN}")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    for secret in (BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, "xoxp-1-2", "hooks.slack.com/commands"):
        assert secret not in output
    assert output.count("[redacted]") >= 6 and "RuntimeError" in output
    json.dumps(output)  # still plain text


def test_manifest_declares_what_the_app_listens_to() -> None:
    from bot.slack.config import DEFAULT_COMMAND as COMMAND

    manifest = (Path(__file__).resolve().parents[1] / "slack" / "manifest.yaml").read_text()
    for needed in (f"command: {COMMAND}", "- app_mention", "- message.channels", "- message.groups",
                   "- message.mpim", "- message.im", "- app_mentions:read", "- chat:write", "- commands",
                   "- im:history", "- channels:history", "is_enabled: true", "socket_mode_enabled: true"):
        assert needed in manifest, needed
