"""Recommendations for a situation, as users ask them: the article's pick comes with today's way where the
frameworks' own tools changed, and an open question with no constraints gets the situations. Our wording."""
import pytest

from bot import ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


@pytest.mark.parametrize("question, today", [
    ("what should i use for an on-device model in an iphone app?", ("LiteRT", "ExecuTorch")),
    ("best pick for putting models into production?", ("torch.export",)),
])
def test_a_situation_pick_comes_with_todays_way(question, today):
    answer = ask(question)
    assert answer.route == "recommend" and answer.verdict
    assert all(t in answer.text for t in today) and "Today:" in answer.text


def test_no_constraints_is_still_an_open_choice():
    answer = ask("no constraints yet, which framework would you pick?")
    assert answer.route == "recommend" and answer.verdict == () and "Which is yours?" in answer.text


def test_a_condition_after_the_question_is_given_not_asked():
    answer = ask("how do keras and pytorch differ if both are open source?")
    assert "licen" not in answer.text.split(".")[0].lower()
