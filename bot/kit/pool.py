"""A bounded worker pool: an adapter's listeners hand work here and return (ack) at once.

`ThreadPoolExecutor` queues without limit; here at most `workers + queue_size` jobs are
accepted (running or waiting), and `submit` says False beyond that so the caller can reply
"busy" instead of letting a backlog grow. A job that raises is logged; the pool keeps going.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)


class WorkPool:
    """Runs jobs on `workers` threads with at most `queue_size` more waiting."""

    def __init__(self, workers: int, queue_size: int, name: str) -> None:
        if workers < 1 or queue_size < 0:
            raise ValueError("need at least one worker and a non-negative queue size")
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._capacity = workers + queue_size
        self._pending = 0
        self._closed = False
        self._cond = threading.Condition()

    def submit(self, job: Callable[..., Any], *args: Any) -> bool:
        """Queue `job(*args)`; False (nothing queued) when the pool is full or shut down."""
        with self._cond:
            if self._closed or self._pending >= self._capacity:
                return False
            self._pending += 1
        try:
            self._executor.submit(self._run, job, args)
        except RuntimeError:  # interpreter shutting down
            self._done()
            return False
        return True

    @property
    def pending(self) -> int:
        """Jobs accepted and not yet finished (running or waiting)."""
        with self._cond:
            return self._pending

    def join(self, timeout: float) -> bool:
        """Wait until no job is running or waiting; False if `timeout` seconds passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending == 0, timeout)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop accepting jobs and let the accepted ones finish (waiting up to `timeout` s)."""
        with self._cond:
            self._closed = True
        self.join(timeout)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            job(*args)
        except Exception:
            log.exception("%s: a job failed", self.name)
        finally:
            self._done()

    def _done(self) -> None:
        with self._cond:
            self._pending -= 1
            self._cond.notify_all()
