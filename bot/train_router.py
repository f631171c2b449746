"""Trains the question router on bot/data/routes.tsv with scikit-learn and stores it as JSON.

Run `python -m bot.train_router` after editing routes.tsv; a test checks the stored model is current.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.knowledge import lexicon
from bot.query import read
from bot.router import MODEL_PATH, ROUTES_PATH, features

C = 16.0  # inverse regularisation: 5-fold CV accuracy on routes.tsv is 0.77 (C=1), 0.80 (4), 0.82 (16), 0.82 (32)


def load_examples(path: Path = ROUTES_PATH) -> tuple[list[str], list[str]]:
    """Questions and their labels from the tab-separated training file."""
    questions, labels = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        label, sep, question = line.partition("\t")
        if not sep:
            raise ValueError(f"{path.name}:{n}: expected 'label<TAB>question'")
        labels.append(label)
        questions.append(question)
    return questions, labels


def pipeline():
    """The scikit-learn pipeline: tf-idf over `features` then multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    lex = lexicon()
    return make_pipeline(
        TfidfVectorizer(analyzer=lambda q: features(read(q, lex)), sublinear_tf=True, lowercase=False),
        LogisticRegression(C=C, max_iter=5000),
    )


def export(model) -> dict:
    """The fitted pipeline as plain JSON-ready numbers."""
    vectorizer, classifier = model.steps[0][1], model.steps[1][1]
    idf = vectorizer.idf_
    coef = classifier.coef_
    weights = {f: [round(float(idf[i]), 6)] + [round(float(w), 6) for w in coef[:, i]]
               for f, i in sorted(vectorizer.vocabulary_.items())}
    return {"classes": [str(c) for c in classifier.classes_], "intercept": [round(float(b), 6) for b in classifier.intercept_],
            "weights": weights}


def train(path: Path = ROUTES_PATH) -> dict:
    """Fit on the training file and return the exported model."""
    questions, labels = load_examples(path)
    model = pipeline()
    model.fit(questions, labels)
    return export(model)


def main() -> int:
    MODEL_PATH.write_text(json.dumps(train(), separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
