"""Yes/no about every one of several frameworks ("are all three…?", "both from Google?"), renamed parts asked
about today, problems as negative cues, and the latest of first releases.
Every question here is our own wording (the eval sets are only for grading)."""
import pytest

from bot import ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


@pytest.mark.parametrize("question, first", [
    ("do all 3 have pre-trained models?", "Yes, all of them"),
    ("are all three quick?", "No, not Keras"),  # one is behind on the chart
    ("are all 6 still being developed?", "No"),
    ("keras and pytorch are both from google, right?", "No"),
])
def test_every_one_of_them(question, first):
    assert ask(question).text.startswith(first)


def test_both_from_one_company_names_the_one_that_is():
    answer = ask("are jax and cntk both google projects?")
    assert answer.text.startswith("No, only JAX")


def test_a_renamed_part_asked_about_today_is_a_no_under_that_name():
    answer = ask("is tensorflow lite what i should use on android today?")
    assert answer.text.startswith("No, not under that name") and "LiteRT" in answer.text


def test_a_problem_is_a_negative_cue():
    assert ask("is debugging still a problem in tensorflow?").text.startswith("No")


def test_the_most_recent_first_release_is_the_latest():
    assert ask("which framework had the most recent first release?").verdict == ("JAX",)


@pytest.mark.parametrize("question, route", [("keras vs. jax", "compare"), ("TensorFlow vs. Theano?", "compare")])
def test_vs_with_a_full_stop_is_one_question(question, route):
    answer = ask(question)
    assert answer.route == route and not answer.text.startswith(("The most relevant", "I don't know that"))


def test_behind_in_a_comparison_is_not_who_is_behind_it():
    answer = ask("is jax still behind pytorch in popularity?")
    assert answer.text.startswith("Yes") and "PyTorch" in answer.text  # behind is less popular, not who backs it


def test_can_not_without_is_a_need():
    assert ask("jax cant run without tensorflow, right?").text.startswith("No")


def test_a_fragment_with_still_is_a_yes_no_question():
    assert ask("theano still a good pick in 2026?").text.startswith("No")


def test_two_when_parts_are_both_answered():
    answer = ask("when did cntk come out and when did microsoft stop it?")
    assert "2.7" in answer.text and ("2016" in answer.text or "2015" in answer.text)
