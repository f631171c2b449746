"""Your own documents at scale, in one run, on the HTML of nine Debian documentation packages (installed here
with apt-get when missing; needs root): indexing time and peak memory, re-adding unchanged files, disk size,
load time, warm search median and p99, one-shot `fwbot docs search` against `python -c "import numpy"`,
one-shot `fwbot ask` with and without the library (and from a git ref, e.g. main, as "before"), rank-bm25
and bm25s on the same passages (speed, and how often their top 10 agrees with ours), and, for questions whose
answer sits on one known page (a tuned set and a held-out one), whether that page is in the top 5 and whether
`ask()` cites it.

    .venv/bin/python bench/bench_docs.py [--queries 500] [--runs 7] [--baseline-ref main] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FWBOT = str(Path(sys.executable).with_name("fwbot"))
PACKAGES = ("python3.11-doc", "python-sklearn-doc", "python-pandas-doc", "python-scipy-doc", "python-django-doc",
            "python-sqlalchemy-doc", "python-flask-doc", "sphinx-doc", "python-sympy-doc")
ASK = "which is faster, pytorch or keras?"

from docs_questions import KNOWN_PAGES  # noqa: E402  (bench/ is on sys.path when run)
from docs_questions_heldout import HELD_OUT_PAGES  # noqa: E402


def install() -> list[Path]:
    """The packages' HTML folders, installing the packages with apt-get first when any is missing."""
    roots = [Path(f"/usr/share/doc/{p}/html") for p in PACKAGES]
    if not all(r.exists() for r in roots):
        cmd = ["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if subprocess.run(cmd, env=env, capture_output=True).returncode:
            subprocess.run(["apt-get", "update"], env=env, check=True, capture_output=True)
            subprocess.run(cmd, env=env, check=True, capture_output=True)
    return roots


def run(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, workers included) and peak RSS (MiB, the largest of the
    process and its workers) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def interleaved(commands: dict[str, tuple[list[str], dict[str, str]]], n: int) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of `n` runs of each command, taken in turns (so a busy moment hits all alike),
    after one untimed round that warms the OS caches."""
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(n + 1):
        for name, (cmd, env) in commands.items():
            wall, cpu, _ = run(cmd, env)
            if round_:
                out[name].append((wall, cpu))
    return out


def timed(call: Callable[[object], object], items: Sequence[object], rounds: int = 5,
          clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Each item's best time over `rounds` passes (after one untimed pass). With `clock=time.thread_time`
    it is the CPU time the call used, which other processes busy on the machine do not inflate."""
    for item in items:
        call(item)
    best = [float("inf")] * len(items)
    for _ in range(rounds):
        for n, item in enumerate(items):
            start = clock()
            call(item)
            best[n] = min(best[n], clock() - start)
    return best


def stats(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"n": len(ordered), "median_ms": statistics.median(ordered) * 1e3,
            "p99_ms": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1e3}


def queries(collection, n: int) -> list[str]:
    """The known-page questions, then `n` queries of 2 to 4 words taken from random passages."""
    rng = random.Random(11)
    out = [q for q, _ in KNOWN_PAGES]
    while len(out) < n + len(KNOWN_PAGES):
        words = [w.strip(".,:;()[]\"'") for w in collection.passages[rng.randrange(len(collection.passages))]["t"].split()]
        words = [w for w in words if w.isalpha() and len(w) > 3]
        if len(words) >= 4:
            out.append(" ".join(rng.sample(words, rng.randint(2, 4))))
    return out


def token_lists(collection) -> list[list[str]]:
    """Every passage's tokens rebuilt from the forward index (first-occurrence order, each term tf times):
    what rank-bm25 and bm25s are given, so all three score the same analysed passages."""
    import numpy as np

    v = collection.version
    terms = collection.bm25.vocab.terms()
    ptr, term, tf = (np.load(v / f"fwd_{k}.npy").tolist() for k in ("ptr", "term", "tf"))
    return [[terms[term[j]] for j in range(ptr[i], ptr[i + 1]) for _ in range(tf[j])] for i in range(len(ptr) - 1)]


def top10(scores) -> list[int]:
    import numpy as np

    return [int(i) for i in np.lexsort((np.arange(len(scores)), -np.asarray(scores, dtype=np.float64)))[:10] if scores[i] > 0]


def compare(collection, analysed: list[list[str]], reference_queries: int) -> dict[str, object]:
    """rank-bm25 and bm25s beside ours: build time, per-query time, top-10 agreement, exactness."""
    import bm25s
    import numpy as np
    from rank_bm25 import BM25Okapi

    tokens = token_lists(collection)
    out: dict[str, object] = {}
    start = time.perf_counter()
    okapi = BM25Okapi(tokens)
    out["rank_bm25_build_s"] = time.perf_counter() - start
    start = time.perf_counter()
    fast = bm25s.BM25(method="robertson", k1=1.5, b=0.75)
    fast.index(tokens, show_progress=False)
    out["bm25s_build_s"] = time.perf_counter() - start
    del tokens
    sample = [q for q in analysed if q][:reference_queries]
    ours = {i: collection.bm25.scores(q) for i, q in enumerate(sample)}
    theirs = {}
    out["rank_bm25_search"] = stats(timed(lambda i: theirs.__setitem__(i, okapi.get_scores(sample[i])), range(len(sample)), rounds=1))
    out["rank_bm25_identical_scores"] = sum(ours[i].tobytes() == theirs[i].tobytes() for i in ours)
    out["rank_bm25_max_abs_diff"] = max(float(np.max(np.abs(ours[i] - theirs[i]))) for i in ours)
    out["rank_bm25_top10_same"] = sum(top10(ours[i]) == top10(theirs[i]) for i in ours)
    vocab = fast.vocab_dict
    known = [[t for t in q if t in vocab] for q in analysed if q]
    out["bm25s_search"] = stats(timed(lambda q: fast.get_scores(q) if q else None, known))
    agree = [len(set(top10(collection.bm25.scores(q))) & set(top10(fast.get_scores(k)) if k else [])) / max(1, len(top10(collection.bm25.scores(q))))
             for q, k in zip([q for q in analysed if q], known)]
    out["bm25s_top10_overlap"] = statistics.mean(agree)
    out["bm25s_top10_same"] = sum(a == 1.0 for a in agree)
    out["compared_queries"] = {"rank_bm25": len(sample), "bm25s": len(known)}
    return out


def known_pages(library, pages: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """How many known-page questions have their page in the top 5, and how many `ask()` answers cite it
    (first, or among their sources)."""
    from bot import ask

    def cites(url: str, page: str) -> bool:
        return url.split(":")[0].split("#")[0].endswith(page)

    in_top5, first, cited, misses = 0, 0, 0, []
    for question, page in pages:
        if any(r.path.endswith(page) for r in library.search(question, 5)):
            in_top5 += 1
        else:
            misses.append(question)
        citations = ask(question, library=library).citations
        first += bool(citations) and cites(citations[0].url, page)
        cited += any(cites(c.url, page) for c in citations)
    return {"questions": len(pages), "right_page_in_top5": in_top5, "ask_cites_the_page_first": first,
            "ask_cites_the_page": cited, "missed": misses}


def baseline_checkout(ref: str, into: Path) -> Path | None:
    """The code at git `ref` (e.g. main), unpacked for a "before" run; None when git has no such ref."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True)
    if archive.returncode:
        return None
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=500, help="queries drawn from passages (plus the known-page ones)")
    parser.add_argument("--reference-queries", type=int, default=100, help="queries also scored by rank-bm25 (slow)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each one-shot process")
    parser.add_argument("--baseline-ref", default="main", help='git ref timed as "before" for one-shot fwbot ask')
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    roots = install()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home, empty = Path(tmp) / "home", Path(tmp) / "empty"
        empty.mkdir()
        env = dict(os.environ, FWBOT_HOME=str(home))
        add = [FWBOT, "docs", "add", *map(str, roots), "--name", "debian"]
        results["load_average_at_start"] = os.getloadavg()[0]
        results["index_s"], results["index_cpu_s"], results["index_peak_rss_mib"] = run(add, env)
        results["readd_unchanged_s"], results["readd_cpu_s"], _ = run(add, env)

        sys.path.insert(0, str(REPO))
        from corpus.docs.library import Library
        from index.analyzer import analyze

        library = Library(home / "library")
        collection = library.get("debian")
        results["files"], results["passages"], results["terms"] = (collection.meta[k] for k in ("files", "passages", "terms"))
        results["unreadable_files"] = len(collection.meta["unreadable"])
        results["disk_mib"] = collection.disk_bytes() / 2**20
        load = ("import time; from corpus.docs.library import Library; t = time.perf_counter(); "
                "Library.default().collections(); print(time.perf_counter() - t)")
        results["load_ms"] = statistics.median(float(subprocess.run([sys.executable, "-c", load], env=env, capture_output=True, text=True,
                                                                   cwd=str(REPO), check=True).stdout) for _ in range(args.runs)) * 1e3
        texts = queries(collection, args.queries)
        analysed = [analyze(q) for q in texts]
        results["warm_search"] = stats(timed(lambda q: library.search(q, 10), texts))
        results["warm_search_cpu"] = stats(timed(lambda q: library.search(q, 10), texts, clock=time.thread_time))
        results["warm_scoring_only_cpu"] = stats(timed(lambda t: collection.bm25.top(t, 10), analysed, clock=time.thread_time))
        results["known_pages"] = known_pages(library, KNOWN_PAGES)
        results["held_out_pages"] = known_pages(library, HELD_OUT_PAGES)
        results.update(compare(collection, analysed, args.reference_queries))

        commands = {
            "fwbot docs search": ([FWBOT, "docs", "search", "how do I standardize features?"], env),
            'python -c "import numpy"': ([sys.executable, "-c", "import numpy"], env),
            "fwbot ask, no documents": ([FWBOT, "ask", ASK], dict(env, FWBOT_HOME=str(empty))),
            "fwbot ask, 9 packages added": ([FWBOT, "ask", ASK], env),
            "fwbot ask, answered from documents": ([FWBOT, "ask", "how do I create a virtual environment?"], env),
        }
        before = baseline_checkout(args.baseline_ref, Path(tmp) / "before")
        if before:
            entry = "bot.terminal.cli" if (before / "bot" / "terminal" / "cli.py").exists() else "bot.cli"
            code = f"import sys; sys.path.insert(0, {str(before)!r}); from {entry} import main; sys.exit(main(['ask', {ASK!r}]))"
            commands[f"fwbot ask at {args.baseline_ref} (before)"] = ([sys.executable, "-c", code], dict(env, FWBOT_HOME=str(empty)))
        one_shot = interleaved(commands, args.runs)
        results["one_shot_ms"] = {k: statistics.median(w for w, _ in v) * 1e3 for k, v in one_shot.items()}
        results["one_shot_cpu_ms"] = {k: statistics.median(c for _, c in v) * 1e3 for k, v in one_shot.items()}
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        report(results)
    return 0


def report(r: dict) -> None:
    """The figures as Markdown tables."""
    ws, wc, sc, rb, bs = r["warm_search"], r["warm_search_cpu"], r["warm_scoring_only_cpu"], r["rank_bm25_search"], r["bm25s_search"]
    print(f"load average at start: {r['load_average_at_start']:.1f}; at end: {os.getloadavg()[0]:.1f}")
    print(f"corpus: {r['files']:,} files, {r['passages']:,} passages, {r['terms']:,} terms ({r['unreadable_files']} files skipped as unreadable)\n")
    print("| measure | result |\n|---|---|")
    print(f"| indexing (`fwbot docs add`, 9 packages) | {r['index_s']:.0f} s wall, {r['index_cpu_s']:.0f} s CPU (2 reading processes), peak RSS {r['index_peak_rss_mib']:.0f} MiB |")
    print(f"| re-adding, nothing changed | {r['readd_unchanged_s']:.1f} s wall, {r['readd_cpu_s']:.1f} s CPU |")
    print(f"| disk | {r['disk_mib']:.0f} MiB |")
    print(f"| load (open the library, memory-mapped) | {r['load_ms']:.1f} ms |")
    print(f"| warm `Library.search`, k=10, CPU time ({wc['n']} queries, each its best of 5) | median {wc['median_ms']:.2f} ms, p99 {wc['p99_ms']:.2f} ms |")
    print(f"| the same, wall time | median {ws['median_ms']:.2f} ms, p99 {ws['p99_ms']:.2f} ms |")
    print(f"| scoring and top 10 alone (analysed query), CPU time | median {sc['median_ms']:.2f} ms, p99 {sc['p99_ms']:.2f} ms |")
    print(f"| rank-bm25 `get_scores` ({rb['n']} queries, wall) | median {rb['median_ms']:.1f} ms, p99 {rb['p99_ms']:.1f} ms; build {r['rank_bm25_build_s']:.0f} s |")
    print(f"| scores identical to rank-bm25's (bit for bit) | {r['rank_bm25_identical_scores']}/{rb['n']} queries (max abs diff {r['rank_bm25_max_abs_diff']:.1e}); same top 10: {r['rank_bm25_top10_same']}/{rb['n']} |")
    print(f"| bm25s `get_scores` ({bs['n']} queries, wall) | median {bs['median_ms']:.2f} ms, p99 {bs['p99_ms']:.2f} ms; build {r['bm25s_build_s']:.0f} s |")
    print(f"| bm25s top 10 vs ours | mean overlap {r['bm25s_top10_overlap']:.1%}; identical {r['bm25s_top10_same']}/{bs['n']} |")
    for label, key in (("known-page questions", "known_pages"), ("held-out known-page questions", "held_out_pages")):
        kp = r[key]
        print(f"| {label}: right page in the top 5 | {kp['right_page_in_top5']}/{kp['questions']}; `ask()` cites it: "
              f"{kp['ask_cites_the_page']}/{kp['questions']} (as its first source: {kp['ask_cites_the_page_first']}) |")
    base_wall, base_cpu = r["one_shot_ms"]['python -c "import numpy"'], r["one_shot_cpu_ms"]['python -c "import numpy"']
    for name, ms in r["one_shot_ms"].items():
        cpu = r["one_shot_cpu_ms"][name]
        print(f"| one-shot `{name}` | {ms:.0f} ms wall ({ms / base_wall:.2f}× import numpy), {cpu:.0f} ms CPU ({cpu / base_cpu:.2f}×) |")
    for label, key in (("known-page", "known_pages"), ("held-out", "held_out_pages")):
        if r[key]["missed"]:
            print(f"\n{label} questions without their page in the top 5: " + "; ".join(r[key]["missed"]))


if __name__ == "__main__":
    sys.exit(main())
