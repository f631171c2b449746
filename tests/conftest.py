"""Fixtures shared by the Slack tests: the Web API stand-in on 127.0.0.1 and the app served against it."""
from collections.abc import Iterator
from pathlib import Path

import pytest

from slack_standin import RunningApp, SlackStandIn, config_for


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
