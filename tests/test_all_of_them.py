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
