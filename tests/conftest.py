"""Fixtures shared by the Slack tests: the Web API stand-in on 127.0.0.1 and the app served against it."""
from collections.abc import Iterator
from pathlib import Path

import pytest

import bot

from slack_standin import RunningApp, SlackStandIn, config_for


@pytest.fixture(autouse=True)
def fwbot_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets an empty $FWBOT_HOME (history, the document library): a developer's own never leaks in."""
    home = tmp_path_factory.mktemp("fwbot-home")
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
