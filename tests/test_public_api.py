"""Pins the public API: what `bot` exports and the shape of an Answer."""
import dataclasses
import json

import pytest

import bot
from bot import Answer, Citation, Session, ask


def test_the_public_names_are_exactly_these():
    assert sorted(bot.__all__) == ["Answer", "Citation", "Session", "ask"]


def test_answer_and_citation_fields_are_pinned():
    assert [f.name for f in dataclasses.fields(Answer)] == ["text", "route", "verdict", "citations", "confidence", "notes", "tables", "trace"]
    assert [f.name for f in dataclasses.fields(Citation)] == ["id", "source", "section", "quote", "url", "source_quote"]
    answer = ask("Which is faster, PyTorch or Keras?")
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.text = "changed"  # type: ignore[misc]


def test_to_dict_is_json_ready_and_leaves_out_the_trace():
    data = ask("Which is faster, PyTorch or Keras?").to_dict()
    assert set(data) == {"text", "route", "verdict", "citations", "confidence", "notes", "tables"}
    assert isinstance(data["verdict"], list) and isinstance(data["citations"][0], dict)
    assert json.loads(json.dumps(data)) == data


def test_session_has_ask_and_reset():
    session = Session()
    assert isinstance(session.ask("hi"), Answer)
    session.reset()
