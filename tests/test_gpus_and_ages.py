"""GPU reports and limits, "the old one" by release date, what Keras runs on, and bare "X or Y?" choices.
Every question here is our own wording (the eval sets are only for grading)."""
import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def chat(*questions):
    session = Session()
    return [session.ask(q) for q in questions][-1]


@pytest.mark.parametrize("report", [
    "tf 2.15 won't use my gpu",  # a version after the change: the change before it, on what broke
    "tensorflow sees the gpu but only uses the cpu",  # no version: the limits recorded on GPUs
    "my RTX card is not detected by tensorflow",
])
def test_a_gpu_report_gets_the_native_windows_limit(report):
    answer = ask(report)
    assert "2.10" in answer.text and "WSL2" in answer.text


def test_a_version_report_still_leads_with_what_that_version_changed():
    answer = ask("after moving to tensorflow 2.16 my keras code fails")
    assert "Keras 3" in answer.text and "TF_USE_LEGACY_KERAS" in answer.text and "WSL2" not in answer.text


@pytest.mark.parametrize("question, first", [
    ("will my nvidia card work with tensorflow on plain windows?", "No"),  # the limit on the pair settles it
    ("does tensorflow support gpus on windows?", "No"),
    ("can tensorflow use an nvidia gpu?", "Yes"),  # no platform named: no limit applies
    ("does jax run on tpus?", "Yes"),  # an error message quoted in a fact is no limit
])
def test_a_limit_on_what_is_asked_together_settles_yes_or_no(question, first):
    assert ask(question).text.startswith(first)


@pytest.mark.parametrize("first, then, named, other", [
    ("pytorch and theano, compare", "is the old one still developed?", "Theano", "PyTorch is still"),
    ("jax vs cntk", "what happened to the older one?", "CNTK", "JAX is actively"),
])
def test_the_old_one_is_the_earlier_released(first, then, named, other):
    answer = chat(first, then)
    assert answer.text.startswith(named) or f" {named} " in answer.text[:80]
    assert other not in answer.text


def test_the_new_one_is_the_later_released():
    answer = chat("keras or jax?", "is the newer one maintained?")
    assert "JAX is actively developed" in answer.text and "Keras, now" not in answer.text


def test_which_is_older_after_two_single_questions_compares_both():
    answer = chat("when did keras come out?", "what about jax?", "which one is older?")
    assert answer.verdict == ("Keras",)


@pytest.mark.parametrize("questions", [
    ("what does keras run on these days?",),
    ("can keras still use theano?", "so what does it run on now?"),
])
def test_what_keras_runs_on_is_its_backends_first(questions):
    answer = chat(*questions)
    assert answer.text.startswith("Keras 3 is multi-backend") and "PyTorch" in answer.text


def test_a_bare_either_or_gives_the_situations_for_those_two():
    answer = ask("tensorflow or pytorch??")
    assert "situation" in answer.citations[0].quote
    advice = answer.text.split(". On the")[0]
    assert "PyTorch for" in advice and "TensorFlow for" in advice and "Keras" not in advice


def test_the_whole_chart_cites_first_what_its_summary_says():
    answer = ask("print the entire chart please")
    summary = answer.text.split(". The chart below")[0]
    first = answer.citations[0]
    assert first.id.startswith("chart/") and first.id.split("/")[-1].capitalize() in summary.replace("PyTorch", "Pytorch")
