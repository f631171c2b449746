"""How fast fwbot answers, against baselines, in one run.

In a warm process: median and p99 of `bot.ask()` over a question list, against rank-bm25's
bare `BM25Okapi.get_scores` over the same chunks (str.split tokens). As whole processes:
the wall time of `fwbot ask "..."` against `python -c "import bot"` and `python -c pass`.

    .venv/bin/python bench/bench_ask.py [QUESTIONS.jsonl] [--rounds 5] [--runs 7]

Questions come from the "question" field of a .jsonl file (default: the dev set next to the
checkout, ../shared/eval/dev.jsonl), or from a built-in generic list when that is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = REPO.parent / "shared" / "eval" / "dev.jsonl"
FWBOT = str(Path(sys.executable).with_name("fwbot"))
PROCESS_QUESTION = "which is faster, pytorch or keras?"

from questions import QUESTIONS as GENERIC_QUESTIONS  # noqa: E402  (bench/ is on sys.path when run)


def load_questions(path: Path) -> tuple[list[str], str]:
    """The question texts of a .jsonl file, or the generic list; and where they came from."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return list(GENERIC_QUESTIONS), "built-in generic list"
    return [json.loads(line)["question"] for line in lines if line.strip()], str(path)


def time_each(call: Callable[[str], object], questions: Sequence[str], rounds: int) -> list[float]:
    """Seconds per call of `call(q)`, over `rounds` passes of `questions` after one untimed warm-up pass."""
    for q in questions:
        call(q)
    samples = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            call(q)
            samples.append(time.perf_counter() - start)
    return samples


def time_process(cmd: Sequence[str], runs: int) -> list[float]:
    """Wall seconds of each of `runs` runs of `cmd` (output discarded), after one untimed run to warm the OS caches.

    They run from a scratch directory, so they import the installed package as a user's shell does.
    """
    samples = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                       cwd=tempfile.gettempdir(), check=True)
        if i:
            samples.append(time.perf_counter() - start)
    return samples


def p99(samples: Sequence[float]) -> float:
    """The 99th percentile (the maximum when there are fewer than 100 samples to interpolate)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98] if len(samples) > 1 else samples[0]


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt_ms(seconds: float) -> str:
    """Seconds as milliseconds, with precision that suits the size."""
    ms = seconds * 1000
    return f"{ms:.3f} ms" if ms < 1 else f"{ms:.2f} ms" if ms < 100 else f"{ms:.0f} ms"


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS, help="a .jsonl file with a question field")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the questions (default 5)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each process (default 7)")
    args = parser.parse_args(argv)

    questions, origin = load_questions(args.questions)
    start = time.perf_counter()
    import bot
    from corpus import load_chunks
    from rank_bm25 import BM25Okapi

    import_seconds = time.perf_counter() - start
    bm25 = BM25Okapi([chunk.text.lower().split() for chunk in load_chunks()])
    ask = time_each(bot.ask, questions, args.rounds)
    scores = time_each(lambda q: bm25.get_scores(q.lower().split()), questions, args.rounds)

    py = sys.executable
    fwbot = time_process([FWBOT, "ask", PROCESS_QUESTION], args.runs)
    import_bot = time_process([py, "-c", "import bot"], args.runs)
    bare = time_process([py, "-c", "pass"], args.runs)

    m_ask, m_scores = statistics.median(ask), statistics.median(scores)
    m_fwbot, m_import, m_bare = statistics.median(fwbot), statistics.median(import_bot), statistics.median(bare)
    rows = [
        ("ask() in a warm process", len(ask), m_ask, p99(ask), f"{m_ask / m_scores:.2f}x get_scores"),
        ("BM25Okapi.get_scores, str.split tokens", len(scores), m_scores, p99(scores), "baseline"),
        (f'fwbot ask "{PROCESS_QUESTION}"', len(fwbot), m_fwbot, p99(fwbot),
         f"{m_fwbot / m_import:.2f}x import bot, {m_fwbot / m_bare:.1f}x python -c pass"),
        ('python -c "import bot"', len(import_bot), m_import, p99(import_bot), f"{m_import / m_bare:.1f}x python -c pass"),
        ("python -c pass", len(bare), m_bare, p99(bare), "baseline"),
    ]
    print(f"questions: {len(questions)} from {origin}; chunks: {bm25.corpus_size}; "
          f"importing bot, corpus and rank_bm25 here took {fmt_ms(import_seconds)}")
    print(f"machine: {cpu_model()}, {os.cpu_count()} CPUs; Python {platform.python_version()}; {platform.platform()}")
    print()
    width = max(len(r[0]) for r in rows) + 2
    print(f"| {'measure':<{width}}| {'n':>4} | {'median':>10} | {'p99':>10} | ratio")
    print(f"|{'-' * (width + 1)}|------|------------|------------|------")
    for name, n, median, high, ratio in rows:
        print(f"| {name:<{width}}| {n:>4} | {fmt_ms(median):>10} | {fmt_ms(high):>10} | {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
