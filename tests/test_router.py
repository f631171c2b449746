"""The question router: the stored model is what training gives today, applying it without
scikit-learn gives scikit-learn's probabilities, and it generalises to questions it never saw."""
import json
import subprocess
import sys

import pytest

from bot.knowledge import lexicon
from bot.query import read
from bot.router import MODEL_PATH, RouterModel, features
from bot.train_router import export, load_examples, pipeline, train


@pytest.fixture(scope="module")
def fitted():
    questions, labels = load_examples()
    model = pipeline()
    model.fit(questions, labels)
    return model


def test_the_stored_model_is_up_to_date_with_the_training_file(fitted):
    stored = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    fresh = export(fitted)
    assert stored["classes"] == fresh["classes"]
    assert stored["weights"].keys() == fresh["weights"].keys(), "run: python -m bot.train_router"
    for feature in list(fresh["weights"])[::50]:
        assert stored["weights"][feature] == pytest.approx(fresh["weights"][feature], abs=1e-4)


@pytest.mark.parametrize("question", ["is jax quicker than theano", "what license is keras under", "good morning!",
                                      "best pizza in town", "and what about cntk?", "why is the sky blue"])
def test_applying_the_stored_numbers_gives_scikit_learns_probabilities(fitted, question):
    ours = RouterModel.load()
    expected = dict(zip(fitted.classes_, fitted.predict_proba([question])[0]))
    got = ours.probabilities(features(read(question, lexicon())))
    assert got == pytest.approx(expected, abs=1e-4)


def test_the_router_generalises_to_held_out_questions():
    from sklearn.model_selection import train_test_split

    questions, labels = load_examples()
    train_q, test_q, train_l, test_l = train_test_split(questions, labels, test_size=0.2, random_state=7, stratify=labels)
    model = pipeline().fit(train_q, train_l)
    assert model.score(test_q, test_l) >= 0.8


def test_training_refuses_a_malformed_line(tmp_path):
    bad = tmp_path / "routes.tsv"
    bad.write_text("compare\twhich is faster\nno tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="routes.tsv:2"):
        train(bad)


def test_answering_does_not_import_scikit_learn():
    code = "import sys, bot; bot.ask('which is faster, pytorch or keras?'); print('sklearn' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
