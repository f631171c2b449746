"""`fwbot eval FILE.jsonl`: grade a labelled question file through the public API and report.

The checks are those of the shared grader (shared/eval/grade.py, format in its README),
written again here so the command does not depend on a file outside the package. On top of
the pass rate it reports per-route precision, recall and F1 with a confusion matrix
(scikit-learn, imported only by this command), per-tag pass rates and every failure with why.
"""
from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot import Answer, Session, ask
from bot.terminal.inputs import UsageError

ROUTES = ("compare", "attribute", "define", "recommend", "search", "help", "out_of_scope")
"""The core's routes, in the order reports list them; unknown labels follow, sorted."""

CRASHED = "(crashed)"
"""The predicted route of an item whose run raised."""

_LIST_FIELDS = ("route", "verdict", "evidence", "must_say", "must_not_say", "after", "tags")


@dataclass(frozen=True)
class Result:
    """One graded item: the item, the answer it got (None if the run raised) and why it failed."""

    item: Mapping[str, Any]
    answer: Answer | None
    why: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """True when no check failed."""
        return not self.why


def norm(text: str | None) -> str:
    """Text as the checks compare it: curly quotes straightened, white space folded, lower case."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def check(item: Mapping[str, Any], answer: Answer) -> list[str]:
    """Why `answer` fails `item`'s labels (empty when it passes); same semantics as shared/eval/grade.py."""
    why: list[str] = []
    if "route" in item and answer.route not in item["route"]:
        why.append(f"route={answer.route!r} want {item['route']}")
    if "verdict" in item and sorted(answer.verdict) != sorted(item["verdict"]):
        why.append(f"verdict={sorted(answer.verdict)} want {sorted(item['verdict'])}")
    text = norm(answer.text)
    if "yesno" in item and not re.match(rf"^\W*{item['yesno']}\b", text):
        why.append(f"does not start with {item['yesno']!r}")
    quotes = [norm(c.quote) for c in answer.citations[:3]]
    if "evidence" in item and not any(norm(e) in q for e in item["evidence"] for q in quotes):
        why.append("no evidence in top-3 citations")
    why.extend(f"text lacks {alt!r}" for alt in item.get("must_say", []) if not any(norm(x) in text for x in alt.split("|")))
    why.extend(f"text says {bad!r}" for bad in item.get("must_not_say", []) if norm(bad) in text)
    if item.get("route") == ["out_of_scope"] and answer.citations:
        why.append("cites passages for an out-of-scope question")
    return why


def load(path: str) -> list[dict[str, Any]]:
    """The items of a .jsonl file, or UsageError naming the file, line and problem."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"eval: cannot read {path}: {e}") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise UsageError(f"eval: {path}:{number}: not JSON ({e.msg})") from None
        problem = _problem(item)
        if problem:
            raise UsageError(f"eval: {path}:{number}: {problem}")
        items.append(item)
    if not items:
        raise UsageError(f"eval: {path} holds no questions")
    return items


def _problem(item: Any) -> str:
    """What makes `item` unusable as a labelled question, or ""."""
    if not isinstance(item, dict):
        return "each line must be a JSON object"
    if not isinstance(item.get("question"), str):
        return '"question" must be a string'
    for key in _LIST_FIELDS:
        if key in item and not (isinstance(item[key], list) and all(isinstance(v, str) for v in item[key])):
            return f'"{key}" must be a list of strings'
    if item.get("yesno", "yes") not in ("yes", "no"):
        return '"yesno" must be "yes" or "no"'
    return ""


def grade(item: Mapping[str, Any]) -> Result:
    """Ask `item`'s question as a user would (its `after` questions first, in one Session) and check it."""
    try:
        if item.get("after"):
            session = Session()
            for earlier in item["after"]:
                session.ask(earlier)
            answer = session.ask(item["question"])
        else:
            answer = ask(item["question"])
    except Exception as e:  # the API promises never to raise; if it does, the item fails and says so
        return Result(item, None, (f"raised {type(e).__name__}: {e}",))
    return Result(item, answer, tuple(check(item, answer)))


def report(path: str, results: Sequence[Result], seconds: float) -> dict[str, Any]:
    """The machine-readable report: totals, per-route metrics and confusion matrix, tags, failures."""
    passed = sum(r.passed for r in results)
    tags: dict[str, dict[str, Any]] = {}
    for r in results:
        for tag in r.item.get("tags", []):
            counts = tags.setdefault(tag, {"passed": 0, "total": 0})
            counts["passed"] += r.passed
            counts["total"] += 1
    for counts in tags.values():
        counts["rate"] = counts["passed"] / counts["total"]
    return {
        "file": path,
        "total": len(results),
        "passed": passed,
        "crashed": sum(r.answer is None for r in results),
        "pass_rate": passed / len(results),
        "ms_per_question": seconds * 1000 / len(results),
        "routes": route_metrics(results),
        "tags": dict(sorted(tags.items())),
        "failures": [
            {"id": r.item.get("id"), "question": r.item["question"], "route": r.answer.route if r.answer else CRASHED, "why": list(r.why)}
            for r in results
            if not r.passed
        ],
    }


def route_metrics(results: Sequence[Result]) -> dict[str, Any]:
    """Precision, recall, F1 and support per route, their macro average, and the confusion matrix.

    Only items with a route label count. The true label is the predicted one when it is
    among the accepted labels, else the first accepted label.
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    pairs = []
    for r in results:
        if "route" not in r.item or not r.item["route"]:
            continue
        predicted = r.answer.route if r.answer else CRASHED
        pairs.append((predicted if predicted in r.item["route"] else r.item["route"][0], predicted))
    if not pairs:
        return {"labelled": 0, "labels": [], "per_route": {}, "macro": {}, "confusion_matrix": []}
    y_true, y_pred = zip(*pairs)
    seen = set(y_true) | set(y_pred)
    labels = [r for r in ROUTES if r in seen] + sorted(seen - set(ROUTES))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    mp, mr, mf, _ = precision_recall_fscore_support(y_true, y_pred, labels=labels, average="macro", zero_division=0)
    return {
        "labelled": len(pairs),
        "labels": labels,
        "per_route": {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, label in enumerate(labels)
        },
        "macro": {"precision": float(mp), "recall": float(mr), "f1": float(mf)},
        "confusion_matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }


def format_report(data: Mapping[str, Any]) -> str:
    """The report as text: summary, route metrics, confusion matrix, tags, failures."""
    lines = [
        f"{data['file']}: {data['passed']}/{data['total']} = {data['pass_rate']:.1%} passed, "
        f"{data['crashed']} crashed, {data['ms_per_question']:.2f} ms/question",
        "",
    ]
    routes = data["routes"]
    if routes["labels"]:
        labels = routes["labels"]
        width = max(len(label) for label in [*labels, "macro avg"]) + 2
        lines.append(f"Routes ({routes['labelled']} labelled items)")
        lines.append(f"{'':<{width}}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
        for label, m in routes["per_route"].items():
            lines.append(f"{label:<{width}}{m['precision']:>10.2f}{m['recall']:>8.2f}{m['f1']:>8.2f}{m['support']:>9}")
        macro = routes["macro"]
        lines.append(f"{'macro avg':<{width}}{macro['precision']:>10.2f}{macro['recall']:>8.2f}{macro['f1']:>8.2f}")
        lines.append("")
        lines.append("Confusion matrix (rows: expected route, columns: predicted)")
        cells = [len(label) + 2 for label in labels]  # each column as wide as its heading
        lines.append(" " * width + "".join(f"{label:>{cell}}" for label, cell in zip(labels, cells)))
        for label, row in zip(labels, routes["confusion_matrix"]):
            lines.append(f"{label:<{width}}" + "".join(f"{n:>{cell}}" for n, cell in zip(row, cells)))
    else:
        lines.append("Routes: no item has a route label")
    if data["tags"]:
        lines.append("")
        lines.append("Tags")
        width = max(len(tag) for tag in data["tags"]) + 2
        lines.extend(f"  {tag:<{width}}{t['passed']:>4}/{t['total']:<4}{t['rate']:>7.1%}" for tag, t in data["tags"].items())
    lines.append("")
    lines.append(f"Failures ({len(data['failures'])})" if data["failures"] else "Failures: none")
    lines.extend(f"  {f['id'] or '-'} {f['question']!r} -> {f['route']}: {'; '.join(f['why'])}" for f in data["failures"])
    return "\n".join(lines)


def run(path: str, *, as_json: bool, min_rate: float) -> int:
    """Grade `path` and print the report; 1 when the pass rate is below `min_rate` or an item crashed."""
    items = load(path)
    start = time.perf_counter()
    results = [grade(item) for item in items]
    data = report(path, results, time.perf_counter() - start)
    print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else format_report(data))
    return 1 if data["pass_rate"] < min_rate or data["crashed"] else 0
