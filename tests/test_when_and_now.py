"""Questions about when something happened, and about who leads today, as a user would chat. Every
question here is our own wording (the eval sets are only for grading)."""
import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def cited(answer):
    return [c.id for c in answer.citations]


# -- when an event happened: the fact that records it, with its date or version ----------------------

@pytest.mark.parametrize("question, said, fact", [
    ("what year was the torchserve repo archived?", "2025", "fact/pytorch-deployment-torchserve"),
    ("which keras release discontinued the multi-backend version?", "2.4", "fact/keras-backends-multibackend-history"),
    ("since when does tensorflow ship keras 3 as its default keras?", "2.16", None),
    ("roughly when did pytorch 2.0 bring in torch.compile?", "2023", None),
    ("In which TF release did tf.keras become part of the core API?", "1.4", None),
])
def test_when_an_event_happened_the_fact_recording_it_answers(question, said, fact):
    answer = ask(question)
    assert said in answer.text and not answer.text.startswith(("Yes", "No"))
    assert fact is None or cited(answer)[0] == fact


def test_a_plain_release_question_is_still_the_release_date():
    answer = ask("when did jax come out?")
    assert cited(answer)[0].startswith("fact/jax-released") and "2018" in answer.text


def test_an_end_asked_about_is_found_among_facts_recording_an_end():
    answer = ask("when did keras stop being multi-backend?")
    assert "2.4" in answer.text and "discontinued" in answer.text


# -- popularity today: the record that shows a leader, with its date; never a leader without one -----

def test_the_most_popular_framework_today_is_the_one_a_record_shows_leading():
    answer = ask("what's the most popular deep learning framework right now?")
    assert answer.verdict == ("PyTorch",) and "63%" in answer.text and "2022" in answer.text
    assert "fact/pytorch-popularity" in cited(answer)


@pytest.mark.parametrize("question, first", [
    ("pytorch is more popular than tensorflow nowadays?", "Yes"),
    ("is tf still more popular than torch?", "No"),
])
def test_popularity_yes_no_today_follows_the_record(question, first):
    assert ask(question).text.startswith(first)


def test_no_least_popular_and_no_leader_between_frameworks_the_record_does_not_rank():
    assert ask("which one is the least popular these days?").verdict == ()
    assert "PyTorch" not in ask("keras or tensorflow, which is more popular today?").verdict


# -- "when to use X" asks for situations; "the next release" is not in any record -------------------

def test_when_to_pick_a_framework_asks_for_situations_not_a_date():
    answer = ask("when to pick tensorflow?")
    assert answer.route == "recommend" and "2015" not in answer.text.split(".")[0]


def test_when_to_use_a_framework_the_article_never_recommends_says_what_it_is_for():
    answer = ask("when to go for jax?")
    assert answer.route == "recommend" and "fact/jax-definition" in cited(answer)


@pytest.mark.parametrize("question, start", [
    ("when does the next cntk version come out?", "The facts expect no new release"),
    ("is another theano release coming?", "No."),
    ("when's the next keras release due?", "I don't know"),
])
def test_a_future_release_is_never_invented(question, start):
    answer = ask(question)
    assert answer.text.startswith(start) and not answer.verdict


# -- follow-ups that point back: "it" carries the last question's words, "the new one" its version ----

def chat(*questions):
    session = Session()
    return [session.ask(q) for q in questions][-1]


def test_which_release_ended_it_looks_for_what_it_was():
    answer = chat("can keras still run on theano?", "which release ended that?")
    assert "2.4" in answer.text


def test_the_new_one_is_the_newer_version_named_before():
    answer = chat("keras 2 or keras 3 - what changed?", "and when was the newer one released?")
    assert "2023" in answer.text and cited(answer)[0] == "fact/keras-released-keras3"


# -- dates the facts now record: LiteRT's name, TorchScript's deprecation, ONNX's creators -----------

def test_when_tf_lite_got_its_new_name():
    assert "2024" in chat("whats the replacement for tflite?", "since when?").text
    assert "September 2024" in ask("what year did google rename tensorflow lite to litert?").text


@pytest.mark.parametrize("question, said", [
    ("in which pytorch release was torchscript deprecated?", ("2.11", "torch.export")),
    ("who created the onnx format?", ("Microsoft and Facebook", "2017")),  # the passage that says who
])
def test_facts_people_ask_for_are_found(question, said):
    text = ask(question).text
    assert all(s in text for s in said)


def test_when_a_variant_first_appeared_is_its_earliest_record():
    answer = ask("which tensorflow release first shipped tf.keras?")
    assert "1.4" in answer.text and "2017" in answer.text


def test_still_the_go_to_gives_the_dated_ranking_and_each_way_today():
    answer = ask("tensorflow is still the go-to for serving models in production these days?")
    assert "dated" in answer.text and "torch.export" in answer.text and "TensorFlow Serving" in answer.text


def test_a_narrowing_follow_up_keeps_the_last_question_s_words():
    answer = chat("does tf work on windows 11?", "and with the gpu?")
    assert "2.10" in answer.text and "WSL" in answer.text


@pytest.mark.parametrize("question", [
    "nowadays do more people use keras or pytorch?",
    "which one has the most users atm?",
])
def test_usage_today_is_popularity_today(question):
    assert ask(question).verdict == ("PyTorch",)
