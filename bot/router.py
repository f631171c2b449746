"""The question router's model: features of a question, and a stored linear classifier applied without
scikit-learn (training lives in bot.train_router; the model is plain JSON, never a pickle)."""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.query import Reading
from index.analyzer import FRAMEWORKS, words

MODEL_PATH = Path(__file__).parent / "data" / "router.json"
ROUTES_PATH = Path(__file__).parent / "data" / "routes.tsv"
_FRAMEWORK_TOKENS = {name.lower() for name in FRAMEWORKS}


def features(reading: Reading) -> list[str]:
    """Words with framework names masked (so "X or Y" generalises across frameworks), their bigrams,
    and markers of what the reading found: how many frameworks, an attribute, a yes/no shape."""
    masked = ["FW" if w in _FRAMEWORK_TOKENS else w for w in words(reading.text)]
    feats = masked + [f"{a} {b}" for a, b in zip(["^"] + masked, masked + ["$"])]
    feats.append(f"__fw{min(len(reading.frameworks), 2)}")
    if reading.attribute:
        feats.append("__attr")
    if reading.yesno:
        feats.append("__yesno")
    if reading.superlative:
        feats.append("__superlative")
    return feats


@dataclass(frozen=True)
class RouterModel:
    """Tf-idf (sublinear tf, l2 norm) and multinomial logistic regression, as plain numbers."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, tuple[float, ...]]]  # feature -> (idf, one weight per class)
    intercept: tuple[float, ...]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> RouterModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {f: (float(v[0]), tuple(float(x) for x in v[1:])) for f, v in data["weights"].items()}
        return cls(tuple(data["classes"]), weights, tuple(float(x) for x in data["intercept"]))

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """Class probabilities for a bag of features (unknown features are ignored, as in training)."""
        vector = {f: (1 + math.log(n)) * self.weights[f][0] for f, n in Counter(feats).items() if f in self.weights}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        scores = list(self.intercept)
        for f, v in vector.items():
            for i, w in enumerate(self.weights[f][1]):
                scores[i] += w * v / norm
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}
