"""A crash or Ctrl-C during `fwbot docs add` leaves the library readable and as it was."""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.docs import store
from corpus.docs.indexer import add
from corpus.docs.library import Library

FILES = 600


def _write_docs(folder: Path, marker: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(FILES):
        paragraphs = [f"Document {i} paragraph {j} talks about topic{i % 17} and subject{j} in some detail." for j in range(12)]
        (folder / f"doc{i:03}.md").write_text(f"# Doc {i}\n\n" + "\n\n".join(paragraphs) + f"\n\n{marker} appears here.\n")


def _snapshot(root: Path) -> tuple[Path | None, list[tuple[str, float]]]:
    library = Library(root)
    assert library.get("big") is not None, "the collection must stay readable"
    return store.current_version(root / "big"), [(r.path, r.score) for r in library.search("topic3 subject5", 10)]


def _start_add(folder: Path, home: Path, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "bot.terminal.cli", "docs", "add", str(folder), "--name", "big", "--workers", str(workers)],
                            env=dict(os.environ, FWBOT_HOME=str(home)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_until_adding(root: Path, proc: subprocess.Popen[bytes]) -> None:
    """Wait until `proc` holds the library's writer lock: imports are done and the add has begun."""
    deadline = time.monotonic() + 60
    with open(root / ".lock", "a") as lock:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(lock, fcntl.LOCK_UN)
            time.sleep(0.005)
    raise AssertionError("the add never started")


@pytest.fixture
def big(tmp_path: Path, docs_home: Path) -> tuple[Path, Path]:
    folder = tmp_path / "big"
    _write_docs(folder, "oldmarker")
    add(Library(docs_home / "library"), [folder], "big", workers=1)
    _write_docs(folder, "newmarker")  # every file changed: the next add must read them all
    return folder, docs_home / "library"


def _signal_while_reading(folder: Path, home: Path, sig: int, workers: int) -> subprocess.Popen[bytes]:
    """Start `fwbot docs add`, and send it `sig` once it is reading files."""
    proc = _start_add(folder, home, workers)
    _wait_until_adding(home / "library", proc)
    time.sleep(0.1)
    assert proc.poll() is None, "the add finished before the signal; make the test set bigger"
    proc.send_signal(sig)
    return proc


def test_killing_add_while_reading_leaves_the_library_unchanged(big: tuple[Path, Path], docs_home: Path):
    folder, root = big
    before = _snapshot(root)
    _signal_while_reading(folder, docs_home, signal.SIGKILL, workers=1).wait()
    assert _snapshot(root) == before
    assert Library(root).search("oldmarker", 1) and not Library(root).search("newmarker", 1)


def test_killing_add_while_writing_leaves_a_whole_version(big: tuple[Path, Path], docs_home: Path):
    folder, root = big
    before = _snapshot(root)
    proc = _start_add(folder, docs_home, workers=1)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.name.startswith(".tmp-") for p in (root / "big").iterdir()):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0005)
    proc.wait()
    after = _snapshot(root)
    library = Library(root)
    if after[0] == before[0]:  # killed before the swap: the old version, whole
        assert after == before and library.search("oldmarker", 1) and not library.search("newmarker", 1)
    else:  # killed after the swap: the new version, whole
        assert library.search("newmarker", 1) and not library.search("oldmarker", 1)
    finished = add(library, [folder], "big", workers=1)
    assert finished.written and not any(p.name.startswith(".tmp-") for p in (root / "big").iterdir())
    assert len([p for p in (root / "big").iterdir() if p.is_dir()]) == 1


def test_ctrl_c_during_add_stops_workers_and_keeps_the_library(big: tuple[Path, Path], docs_home: Path):
    folder, root = big
    before = _snapshot(root)
    proc = _signal_while_reading(folder, docs_home, signal.SIGINT, workers=2)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in err and b"Traceback" not in err, err.decode()
    assert _snapshot(root) == before


def test_reading_in_worker_processes_gives_the_same_index(big: tuple[Path, Path], tmp_path: Path):
    folder, _ = big
    one, two = Library(tmp_path / "one"), Library(tmp_path / "two")
    add(one, [folder], "big", workers=1)
    add(two, [folder], "big", workers=2)
    for query in ("topic3 subject5", "newmarker", "document 17"):
        assert [(r.id, r.score) for r in one.search(query, 10)] == [(r.id, r.score) for r in two.search(query, 10)]
