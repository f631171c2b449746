"""Yes/no over a list ("A, B and C?"), both-or-neither, model servers by name, "why?" for each framework picked,
and names the corpus does not cover asked as the subject. Every question here is our own wording."""
import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def chat(*questions):
    session = Session()
    return [session.ask(q) for q in questions][-1]


@pytest.mark.parametrize("question, first", [
    ("keras can use jax, tensorflow and theano?", "No"),  # one of the three is gone: not all of them
    ("keras 3 runs on jax and pytorch, right?", "Yes"),
    ("can keras run on cntk or jax?", "Yes"),  # "or": one is enough
])
def test_a_list_with_and_needs_every_item(question, first):
    assert ask(question).text.startswith(first)


@pytest.mark.parametrize("question, first", [
    ("do tensorflow and keras both come with trained models?", "Yes, both"),
    ("is keras as fast as pytorch?", "No"),  # not a tie: the chart ranks them
    ("is tensorflow as fast as pytorch?", "Yes"),  # a tie is a yes to "as fast as"
    ("is tensorflow faster than pytorch?", "No"),  # …and a no to "faster than"
])
def test_both_and_as_fast_as_read_a_tie_right(question, first):
    assert ask(question).text.startswith(first)


@pytest.mark.parametrize("questions", [
    ("is there anything like tf serving for pytorch models, a model server?",),
    ("does pytorch ship a model server?", "still the case in 2026?"),
    ("what's the top replacement for torchserve?",),
])
def test_a_model_server_question_says_what_became_of_torchserve(questions):
    answer = chat(*questions)
    assert "torch.export" in answer.text
    if "replacement" not in questions[0]:
        assert "archived" in answer.text and "TorchServe" in answer.text


def test_why_after_a_pick_of_several_explains_each():
    answer = chat("which of the six are dead now?", "how come?")
    assert "MILA" in answer.text and "Microsoft" in answer.text


@pytest.mark.parametrize("question, name", [
    ("is haiku worth learning for jax users?", "Haiku"),
    ("does equinox play well with keras?", "Equinox"),
])
def test_an_uncovered_subject_is_named_not_answered_for_its_neighbour(question, name):
    answer = ask(question)
    assert answer.text.startswith(f"I don't know {name}") and not answer.text.startswith("Yes")


def test_an_uncovered_framework_merged_into_a_covered_one_says_so():
    answer = ask("caffe2 or keras?")
    assert answer.text.startswith("I don't know Caffe2") and "merged into PyTorch" in answer.text
