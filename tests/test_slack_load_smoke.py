"""A small run of the Slack load benchmark (bench/bench_slack_load.py) against the real process:
one bot on memory, one on SQLite, two replicas sharing a real Redis.

Only counts are asserted (nothing lost or duplicated, no 5xx, malformed bodies refused with
4xx, sessions bounded); latency and memory are the benchmark's business, not a test's.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_slack_load.py"


def test_a_small_load_run_loses_and_duplicates_nothing() -> None:
    done = subprocess.run([sys.executable, str(BENCH), "--events", "80", "--rate", "100", "--senders", "8",
                           "--grace", "0.5", "--drain", "30", "--json"],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.stdout, done.stderr
    runs = json.loads(done.stdout)["runs"]
    assert list(runs) == ["memory", "sqlite", "redis"] and runs["redis"]["replicas"] == 2
    for state, report in runs.items():
        kinds = report["kinds"]
        assert kinds["new"] + kinds.get("retry", 0) + kinds.get("duplicate", 0) + kinds["malformed"] == 80
        assert kinds["malformed"] == 4 and kinds.get("retry", 0) + kinds.get("duplicate", 0) == 8
        assert report["answered_exactly_once"] == report["answered_correctly"] == report["questions"] == kinds["new"]
        assert report["lost"] == 0 and report["duplicated"] == 0 and report["stray_posts"] == 0, state
        assert report["http_5xx"] == 0 and report["connection_errors"] == 0
        assert report["http_4xx"] == kinds["malformed"] == report["status"]["400"]
        assert report["remembered_at_stop"]["sessions"] == kinds["new"], state
