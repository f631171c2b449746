"""The state stores behind the Slack adapter, each against the real thing: memory, a SQLite file,
and a real redis-server. Same contract for all three, then what only one of them promises."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import Answer, Session, ask
from bot.kit.remembered import Claims, Records
from bot.kit.state import State, StateUnavailable, open_state, public_url
from bot.kit.state.sqlite import PRUNE_EVERY
from redis_server import RedisServer, free_port


@pytest.fixture(params=["memory", "sqlite", "redis"])
def state(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[State]:
    if request.param == "redis":
        server: RedisServer = request.getfixturevalue("redis_server")
        server.flush()
        url = server.url
    else:
        url = "memory" if request.param == "memory" else f"sqlite://{tmp_path}/state.sqlite3"
    opened = open_state(url, {"session": 50})
    yield opened
    opened.close()


def test_a_claim_is_won_once_among_racing_threads(state: State) -> None:
    barrier = threading.Barrier(16)
    won: list[bool] = []

    def contend() -> None:
        barrier.wait()
        won.append(state.claim("event", "Ev1", 60))

    threads = [threading.Thread(target=contend) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * 15 + [True]
    assert state.claim("event", "Ev2", 60) and state.claim("message", "Ev1", 60)  # other key, other kind


def test_entries_round_trip_as_json_and_expire(state: State) -> None:
    data = {"question": "ü <!channel> 🙂", "n": [1, 2], "nested": {"ok": True, "none": None}}
    state.put("share", "a1", data, 60)
    assert state.get("share", "a1") == data and state.get("share", "nope") is None
    state.put("share", "a1", {"v": 2}, 60)  # replaced
    assert state.get("share", "a1") == {"v": 2} and state.count("share") == 1
    state.put("share", "short", {"v": 3}, 0.2)
    assert state.claim("event", "short", 0.2) and not state.claim("event", "short", 0.2)
    time.sleep(0.3)
    assert state.get("share", "short") is None and state.count("share") == 1
    assert state.claim("event", "short", 60)  # expired, so it can be claimed again


@pytest.mark.parametrize("url", ["memory", "sqlite"])
def test_memory_and_sqlite_keep_the_most_recent_within_the_limit(url: str, tmp_path: Path) -> None:
    opened = open_state("memory" if url == "memory" else str(tmp_path / "s.sqlite3"), {"session": 50})
    for n in range(400):
        opened.put("session", f"t{n}", {"n": n}, 3600)
    slack = 0 if url == "memory" else PRUNE_EVERY
    assert 50 <= opened.count("session") <= 50 + slack
    assert opened.get("session", "t399") == {"n": 399} and opened.get("session", "t0") is None
    opened.close()


def test_every_redis_key_has_a_ttl(redis_server: RedisServer) -> None:
    redis_server.flush()
    opened = open_state(redis_server.url)
    opened.claim("event", "Ev1", 3600)
    opened.put("session", json.dumps(["C1", "1.0"]), {"context": None}, 6 * 3600)
    opened.put("share", "a1", {"x": 1}, 60)
    with redis_server.client() as client:
        keys = sorted(client.scan_iter("*"))
        assert keys == ['fwbot:event:Ev1', 'fwbot:session:["C1", "1.0"]', "fwbot:share:a1"]
        assert all(0 < client.pttl(key) <= 6 * 3600 * 1000 for key in keys)
    opened.close()


def test_sqlite_keeps_everything_across_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "home" / "slack-state.sqlite3"
    first = open_state(str(path))
    assert first.claim("event", "Ev1", 3600)
    first.put("session", "t1", {"context": None}, 3600)
    first.close()
    assert path.stat().st_mode & 0o777 == 0o600  # what people asked: readable by this user only
    again = open_state(f"sqlite://{path}")
    assert not again.claim("event", "Ev1", 3600) and again.get("session", "t1") == {"context": None}
    again.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "slack-state.sqlite3"
    path.write_bytes(b"my notes, not a database\n" * 100)
    with pytest.raises(StateUnavailable, match="slack-state.sqlite3"):
        open_state(str(path))
    assert path.read_bytes() == b"my notes, not a database\n" * 100


def test_a_dead_redis_is_refused_at_start_naming_it_without_the_password() -> None:
    port = free_port()
    with pytest.raises(StateUnavailable, match=f"Redis at redis://127.0.0.1:{port}/0") as refused:
        open_state(f"redis://127.0.0.1:{port}/0")
    assert "\n" not in str(refused.value)
    with pytest.raises(StateUnavailable) as refused:
        open_state(f"redis://fwbot:hunter2-secret@127.0.0.1:{port}/0")
    assert "hunter2-secret" not in str(refused.value) and "fwbot:***@127.0.0.1" in str(refused.value)
    assert public_url("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"
    with pytest.raises(StateUnavailable, match="unknown state store"):
        open_state("mongodb://127.0.0.1/")


def test_a_paused_then_killed_redis_fails_fast_and_recovers_by_itself() -> None:
    server = RedisServer()
    opened = open_state(server.url)
    claims = Claims(opened, "event", 60, capacity=100)
    records = Records(opened, "session", 60)
    try:
        assert claims.add("Ev1") and not claims.add("Ev1") and records.put("t1", {"context": None})
        server.pause()  # connections hang: the client's short timeout gives up
        with pytest.raises(StateUnavailable, match="cannot reach Redis"):
            opened.get("session", "t1")
        with pytest.raises(StateUnavailable, match="trying again shortly"):  # the breaker: Redis not asked
            opened.get("session", "t1")
        assert claims.add("Ev2") and not claims.add("Ev2")  # decided by this process alone meanwhile
        assert records.get("t1") is None and not records.put("t2", {}) and len(records) == 0
        server.resume()
        time.sleep(1.1)  # past the breaker's cooldown
        assert records.get("t1") == {"context": None}
        assert not opened.claim("event", "Ev1", 60)  # still claimed in Redis from before
        server.stop()
        assert records.get("t1") is None  # refused at once
        server.start()  # back, empty
        time.sleep(1.1)
        assert records.put("t3", {"x": 1}) and records.get("t3") == {"x": 1}
    finally:
        opened.close()
        server.close()


# --- what the stores hold: a chat's context and an answer, as plain JSON --------------------

CHATS = [
    ("which is faster, pytorch or keras?", "and for debugging?"),
    ("is tensorflow hard to debug?", "what about pytorch?"),
    ("who developed keras?", "and theano?"),
    ("what is jax?", "who made it?"),
    ("hello", "and tensorflow?"),
    ("which one is from microsoft?", "when did that one stop?"),  # the verdict is kept too
]


@pytest.mark.parametrize(("first", "follow_up"), CHATS)
def test_a_session_round_trip_answers_the_follow_up_as_without_it(first: str, follow_up: str) -> None:
    kept = Session()
    kept.ask(first)
    data = json.loads(json.dumps(kept.to_data()))  # through JSON text, as every store keeps it
    restored = Session.from_data(data)
    assert restored.ask(follow_up) == kept.ask(follow_up)
    assert Session.from_data(Session().to_data()).ask(follow_up) == Session().ask(follow_up)


def test_data_saved_before_verdicts_were_kept_still_loads() -> None:
    older = {"context": {"route": "attribute", "reading": {"text": "who makes cntk?", "frameworks": ["CNTK"],
                                                           "attribute": "developer"}}}
    assert "2019" in Session.from_data(older).ask("and when did it stop?").text


@pytest.mark.parametrize("bad", [None, [], "context", {"context": 3}, {"context": {"route": "compare"}},
                                 {"context": {"route": "compare", "reading": {"text": "x", "bogus": 1}}},
                                 {"context": {"route": 1, "reading": {"text": "x"}}},
                                 {"context": {"route": "compare", "reading": {"text": "x"}, "verdict": [3]}}])
def test_data_a_session_did_not_write_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        Session.from_data(bad)


@pytest.mark.parametrize("question", ["which is faster, pytorch or keras?", "show me the chart"])
def test_an_answer_round_trips_through_its_dict(question: str) -> None:
    answer = ask(question)
    assert answer.citations and (answer.notes or answer.tables)
    restored = Answer.from_dict(json.loads(json.dumps(answer.to_dict())))
    assert restored == answer and restored.to_dict() == answer.to_dict()
