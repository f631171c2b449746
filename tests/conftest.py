"""Fixtures shared by the Slack tests: the Web API stand-in on 127.0.0.1 and the app served against it."""
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import bot

from redis_server import RedisServer
from slack_standin import RunningApp, SlackStandIn, config_for


@pytest.fixture(autouse=True, scope="session")
def fwbot_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every bot started by a test (in-process or a child process) keeps its state under a
    temporary FWBOT_HOME, never in the real ~/.fwbot."""
    home = tmp_path_factory.mktemp("fwbot-home")
    saved = {name: os.environ.get(name) for name in ("FWBOT_HOME", "FWBOT_STATE_URL")}
    os.environ["FWBOT_HOME"] = str(home)
    os.environ.pop("FWBOT_STATE_URL", None)
    yield home
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


class _CatchAllWatch(logging.Handler):
    """Counts the core's "answering failed" records: the promise never to raise must not hide a bug."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.fired: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "answering failed":
            self.fired.append(str(record.exc_info[1]) if record.exc_info else "")


@pytest.fixture(scope="module")
def no_catch_all() -> Iterator[None]:
    """Fails the module's tests if the core's catch-all answered any question in them."""
    watch = _CatchAllWatch()
    logger = logging.getLogger("fwbot")
    logger.addHandler(watch)
    yield
    logger.removeHandler(watch)
    assert not watch.fired, f"the core's catch-all fired: {watch.fired[:3]}"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A real Redis shared by the tests that keep it healthy (tests that break one start their own)."""
    server = RedisServer()
    yield server
    server.close()


@pytest.fixture
def docs_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A $FWBOT_HOME of the test's own, for tests that write to the default document library (which every
    later test would otherwise consult)."""
    home = tmp_path_factory.mktemp("docs-home")
    monkeypatch.setenv("FWBOT_HOME", str(home))
    return home


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    stand_in = SlackStandIn()
    yield stand_in
    stand_in.close()


@pytest.fixture
def running(standin: SlackStandIn, tmp_path: Path) -> Iterator[RunningApp]:
    app = RunningApp(config_for(standin, tmp_path))
    yield app
    app.close()


@pytest.fixture
def core_raises(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Every Session.ask raises, as a broken core would; `.undo()` mends it."""
    def boom(self: bot.Session, question: str) -> bot.Answer:
        raise RuntimeError("core exploded")

    monkeypatch.setattr(bot.Session, "ask", boom)
    return monkeypatch
