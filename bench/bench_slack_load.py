"""Slack under load: signed requests fired at a real `fwbot slack --http` process, on loopback only.

    .venv/bin/python bench/bench_slack_load.py [--events 2000] [--rate 100] [--senders 16]
                                               [--workers 16] [--queue-size 32] [--api-latency 0]
                                               [--states memory,sqlite,redis] [--json]

The same requests are sent in three runs, reported side by side (--states picks some): one bot
process remembering in memory (`--state memory`), one with the default SQLite file (under a
fresh FWBOT_HOME), and two replicas sharing one redis-server (started on a free loopback port,
saving off), the requests split between them round robin, as a load balancer would, so most
redeliveries reach the other replica than the original did.

Each run starts the Slack Web API stand-in (tests/slack_standin.py) in a process of its own and
the bot as `python -m bot.slack --http --host 127.0.0.1 --port 0`, with SLACK_API_URL pointing at
the stand-in. Then --senders threads send --events signed requests at --rate a second, each
on schedule (open loop: a slow answer does not slow the sending down):

- new questions (the rest), each in a thread or DM of its own, so the bot's bounded store of
  conversations fills up and has to evict;
- redeliveries (--redeliveries, default 10%) of a question sent up to half a second before:
  two in three as Slack retries them (same body, X-Slack-Retry-Num 1-3), one in three as a
  plain duplicate (same event_id in a new envelope);
- malformed bodies (--malformed, default 5%), correctly signed: cut-off JSON, arrays, bytes
  that are not UTF-8, an event_callback without an event, a broken interactivity payload.

After the last request it waits for the replies to drain and counts chat.postMessage calls
per original question on the stand-in: answered exactly once (with the answer the core
gives), lost (no answer), duplicated (more than one reply), plus "busy" notices and
apologies. It reports acknowledgement latency per request (median, p99, max), status counts
(4xx, 5xx, connection errors), how late the senders were against the schedule (to show the
sender was not the bottleneck), and the (first) server's memory from /proc/PID/status: VmRSS after
start-up, after warm-up (--warmup of the requests sent), at the end, and VmHWM (peak). The
bot logs how many conversations it remembers when it stops; that is reported too.

The bot remembers a bounded amount in its own memory: 1,000 conversations, 10,000 event ids and
10,000 answered messages (about 1.5 KB a question in all); in Redis, entries expire instead. Its RSS rises while those fill and, once they have
turned over once, stays flat; a run of 2,000 requests is still filling them (see the timeline
it prints). `--events 40000 --rate 250` shows the plateau.

--api-latency makes every stand-in call take that long, as Slack's API does (0.1-0.3 s): the
answering threads then spend their time waiting, and --workers has to cover rate x latency.

Exit status 0 when the targets hold in every run: p99 ack under 100 ms, nothing lost or
duplicated, no 5xx or connection errors, and RSS after warm-up growing by less than 5% (and
8 MiB) to the end.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import hmac
import http.client
import itertools
import json
import os
import platform
import queue
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"

BOT_TOKEN = "xoxb-test-not-a-real-token"
SIGNING_SECRET = "bench-signing-secret-not-real"
LOAD_CHANNEL = "C0LOAD"
PATH = "/slack/events"

TARGET_P99_MS = 100.0
RSS_FLAT_FRACTION = 0.05
RSS_FLAT_KB = 8 * 1024

from questions import QUESTIONS  # noqa: E402  (bench/ is on sys.path when run)

from bot.kit.state.sqlite import PRUNE_EVERY  # noqa: E402


# --- the stand-in, in a process of its own ------------------------------------------------

def serve_standin(latency: float) -> int:
    """`--serve-standin`: run SlackStandIn; print its URL; answer `count` / `report` / `quit` on stdin.

    Its garbage collector is off: it keeps every call it receives, and full collections of a heap
    that size take long enough (a few hundred ms) to stall the bot's posts, which would be
    counted against the bot."""
    gc.disable()
    sys.path.insert(0, str(TESTS))
    from slack_standin import SlackStandIn

    standin = SlackStandIn(bot_token=BOT_TOKEN, latency=latency)
    print(standin.base_url, flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "count":
            print(len(standin.tried("chat.postMessage")), flush=True)
        elif command == "report":
            calls = [[c.method, c.status, c.body.get("channel"), c.body.get("thread_ts"), c.body.get("text")]
                     for c in standin.tried("chat.postMessage")]
            others = Counter(c.method for c in standin.calls if c.method != "chat.postMessage")
            print(json.dumps({"posts": calls, "others": others}), flush=True)
        elif command == "quit":
            break
    standin.close()
    return 0


class StandInProcess:
    """Talks to the stand-in process over its stdin/stdout."""

    def __init__(self, latency: float) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, "--serve-standin", "--api-latency", str(latency)],
                                        stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, cwd=REPO)
        self.base_url = self._line()

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the Slack stand-in did not start")
        return line.strip()

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._line()

    def close(self) -> None:
        try:
            self.ask("quit")
        except (OSError, RuntimeError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- the bot, as a real process -----------------------------------------------------------

class ServerProcess:
    """`python -m bot.slack --http` on a free port; its stderr is collected line by line."""

    def __init__(self, api_url: str, feedback: Path, workers: int, queue_size: int, hash_seed: int,
                 state: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        env |= {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": api_url,
                "FWBOT_FEEDBACK_FILE": str(feedback), "FWBOT_HOME": str(feedback.parent),
                "PYTHONPATH": str(REPO), "PYTHONHASHSEED": str(hash_seed)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.slack", "--http", "--host", "127.0.0.1", "--port", "0",
             "--workers", str(workers), "--queue-size", str(queue_size), *(("--state", state) if state else ())],
            env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.port = self._wait_for_port()

    def _pump(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            self._lines.put(line)
        self._lines.put("")

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if not line:
                break
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/slack/events", line)
            if found:
                return int(found.group(1))
        raise RuntimeError("the bot did not start:\n" + "".join(self.log))

    def memory_kb(self) -> dict[str, int]:
        """VmRSS and VmHWM (peak RSS) of the server process, in KiB."""
        found: dict[str, int] = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(value.split()[0])
        return found

    def stop(self) -> dict[str, int]:
        """SIGTERM, wait, and return the counts the bot logs when it stops."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        time.sleep(0.1)  # let the pump read the last lines
        for line in reversed(self.log):
            if " stopped: " in line:
                return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line.split(" stopped: ", 1)[1])}
        return {}


# --- what gets sent -----------------------------------------------------------------------

@dataclass
class Item:
    """One request: its kind, body and extra headers, and the original question it concerns."""

    kind: str  # new, retry, duplicate, malformed
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    original: int = -1


@dataclass
class Original:
    question: str
    key: tuple[str, str | None]  # (channel, thread_ts): where its answer must be posted
    envelope: dict[str, Any]


def plan(events: int, redeliveries: float, malformed: float, seed: int) -> tuple[list[Item], list[Original]]:
    """The requests in sending order, and the original questions they carry."""
    rng = random.Random(seed)
    n_bad = round(events * malformed)
    n_again = round(events * redeliveries)
    kinds = ["new"] * (events - n_bad - n_again) + ["malformed"] * n_bad + ["again"] * n_again
    rng.shuffle(kinds)
    if kinds and "new" in kinds:
        first = kinds.index("new")
        kinds[0], kinds[first] = kinds[first], kinds[0]
    items: list[Item] = []
    originals: list[Original] = []
    ids = itertools.count(1)
    for kind in kinds:
        if kind == "new":
            n = next(ids)
            question = QUESTIONS[rng.randrange(len(QUESTIONS))]
            ts = f"1720000000.{n:06d}"
            if n % 5 == 0:  # a DM, each from a DM channel of its own
                channel = f"D{n:07d}"
                event = {"type": "message", "channel_type": "im", "channel": channel, "user": f"U{n:07d}",
                         "text": question, "ts": ts}
                key: tuple[str, str | None] = (channel, None)
            else:  # a mention that starts a thread of its own
                event = {"type": "app_mention", "channel": LOAD_CHANNEL, "user": f"U{n:07d}",
                         "text": f"<@U0FWBOT> {question}", "ts": ts}
                key = (LOAD_CHANNEL, ts)
            envelope = {"token": "legacy-unused", "team_id": "T0TEST", "api_app_id": "A0FWBOT",
                        "type": "event_callback", "event_id": f"Ev{n:08d}", "event_time": int(time.time()),
                        "authorizations": [{"team_id": "T0TEST", "user_id": "U0FWBOT", "is_bot": True}],
                        "event": event}
            originals.append(Original(question, key, envelope))
            items.append(Item("new", json.dumps(envelope).encode(), original=len(originals) - 1))
        elif kind == "again":
            index = len(originals) - rng.randint(1, min(50, len(originals)))  # sent up to ~0.5 s before
            envelope = originals[index].envelope
            if rng.random() < 2 / 3:
                retry = {"X-Slack-Retry-Num": str(rng.randint(1, 3)), "X-Slack-Retry-Reason": "http_timeout"}
                items.append(Item("retry", json.dumps(envelope).encode(), headers=retry, original=index))
            else:
                again = dict(envelope, event_time=envelope["event_time"] + 1)
                items.append(Item("duplicate", json.dumps(again).encode(), original=index))
        else:
            items.append(_malformed(rng, len(items)))
    return items, originals


def _malformed(rng: random.Random, n: int) -> Item:
    """A correctly signed body that is not a request Slack would send."""
    valid = json.dumps({"type": "event_callback", "event_id": f"EvBAD{n}",
                        "event": {"type": "app_mention", "channel": LOAD_CHANNEL, "text": "hi", "ts": "1.0"}})
    choice = rng.randrange(7)
    if choice == 0:
        return Item("malformed", valid[: rng.randrange(1, len(valid) - 1)].encode())
    if choice == 1:
        return Item("malformed", rng.choice([b"[]", b"null", b'"event_callback"', b"{}", b"42"]))
    if choice == 2:
        return Item("malformed", b'{"type": "event_callback", "event_id": "EvNOEVENT%d"}' % n)
    if choice == 3:
        return Item("malformed", b"\xff\xfe" + valid.encode())
    if choice == 4:
        return Item("malformed", b"payload=%7Bnot-json", "application/x-www-form-urlencoded")
    if choice == 5:
        return Item("malformed", b"just some text", "text/plain")
    return Item("malformed", b'{"type": "event_callback", "event": "not an object"}')


def signed_headers(body: bytes, content_type: str, extra: dict[str, str]) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": "v0=" + digest.hexdigest(), **extra}


# --- sending ------------------------------------------------------------------------------

@dataclass
class Result:
    kind: str
    status: int  # 0: connection error or timeout
    latency: float  # seconds from sending the request to having read the whole reply
    lateness: float  # seconds the request went out after its scheduled time


class Sender:
    """`senders` threads, each with a keep-alive connection per server, sending items on schedule;
    item i goes to server i mod len(ports) (a load balancer's round robin, so a redelivery usually
    lands on another replica than its original)."""

    def __init__(self, ports: list[int], items: list[Item], rate: float, senders: int) -> None:
        self.ports = ports
        self.items = items
        self.rate = rate
        self.senders = senders
        self.results: list[Result | None] = [None] * len(items)
        self.sent = 0
        self._lock = threading.Lock()

    def run(self) -> float:
        """Send everything; returns the wall time it took."""
        start = time.perf_counter() + 0.2
        threads = [threading.Thread(target=self._send_share, args=(k, start), daemon=True)
                   for k in range(self.senders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start

    def _send_share(self, k: int, start: float) -> None:
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for port in self.ports]
        for index in range(k, len(self.items), self.senders):
            item = self.items[index]
            target = index % len(self.ports)
            connection = connections[target]
            due = start + index / self.rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            headers = signed_headers(item.body, item.content_type, item.headers)
            began = time.perf_counter()
            try:
                connection.request("POST", PATH, body=item.body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connections[target] = http.client.HTTPConnection("127.0.0.1", self.ports[target], timeout=10)
            finished = time.perf_counter()
            self.results[index] = Result(item.kind, status, finished - began, began - due)
            with self._lock:
                self.sent += 1
        for connection in connections:
            connection.close()


class MemorySampler:
    """Samples the server's VmRSS every `interval` s, with how many requests were sent by then."""

    def __init__(self, server: ServerProcess, sender: Sender, interval: float = 0.1) -> None:
        self.server = server
        self.sender = sender
        self.interval = interval
        self.samples: list[tuple[int, int]] = []  # (requests sent, VmRSS KiB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.samples.append((self.sender.sent, self.server.memory_kb()["VmRSS"]))
            except (OSError, KeyError):
                return
            self._stop.wait(self.interval)

    def at(self, sent: int) -> int:
        """VmRSS at the first sample taken once `sent` requests had been sent."""
        for count, rss in self.samples:
            if count >= sent:
                return rss
        return self.samples[-1][1]


# --- the run ------------------------------------------------------------------------------

def expected_texts(hash_seed: int) -> dict[str, str]:
    """The fallback text the bot posts for each question asked first in a conversation.

    Computed in a process with the server's PYTHONHASHSEED: for some questions the core's
    wording depends on set order (see the report), and this measures the adapter, not that."""
    code = ("import json, sys\n"
            "from bot import Session\n"
            "from bot.slack.blocks import answer_message\n"
            "questions = json.load(sys.stdin)\n"
            "print(json.dumps({q: answer_message(Session().ask(q), answer_id='x', question=q).text "
            "for q in questions}))\n")
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(QUESTIONS), env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


STATES = {"memory": "one process, state in memory", "sqlite": "one process, state in SQLite (the default)",
          "redis": "two replicas sharing one Redis"}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The same requests against each of `args.states`, one after the other."""
    items, originals = plan(args.events, args.redeliveries, args.malformed, args.seed)
    expected = expected_texts(args.seed)
    runs = {state: run_state(args, state, items, originals, expected) for state in args.states}
    return {"runs": runs, "machine": machine()}


def start_servers(args: argparse.Namespace, state: str, api_url: str, workdir: Path) -> tuple[list[ServerProcess], Any]:
    """The bot processes for `state`, and the Redis server they share (None unless "redis")."""
    redis = None
    if state == "redis":
        sys.path.insert(0, str(TESTS))
        from redis_server import RedisServer

        redis = RedisServer()
    url = {"memory": "memory", "sqlite": "", "redis": redis.url if redis else ""}[state]
    servers: list[ServerProcess] = []
    try:
        for _ in range(2 if redis else 1):
            servers.append(ServerProcess(api_url, workdir / "feedback.jsonl", args.workers, args.queue_size,
                                         args.seed, url))
    except BaseException:
        stop_servers(servers, redis)
        raise
    return servers, redis


def stop_servers(servers: list[ServerProcess], redis: Any) -> list[dict[str, int]]:
    """SIGTERM every server (they finish queued answers), then stop Redis; what each remembered."""
    remembered = [server.stop() for server in servers]
    for server in servers:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
    if redis is not None:
        redis.close()
    return remembered


def run_state(args: argparse.Namespace, state: str, items: list[Item], originals: list[Original],
              expected: dict[str, str]) -> dict[str, Any]:
    from bot.slack.responder import APOLOGY, BUSY

    standin = StandInProcess(args.api_latency)
    workdir = Path(tempfile.mkdtemp(prefix="fwbot-bench-"))
    servers, redis = start_servers(args, state, standin.base_url, workdir)
    server = servers[0]  # the one whose memory is sampled
    try:
        rss_start = server.memory_kb()["VmRSS"]
        sender = Sender([s.port for s in servers], items, args.rate, args.senders)
        sampler = MemorySampler(server, sender)
        sampler.start()
        elapsed = sender.run()
        rss_sent = server.memory_kb()["VmRSS"]
        # drain: until every question has a reply, then a grace period for any late duplicate
        deadline = time.monotonic() + args.drain
        while time.monotonic() < deadline and int(standin.ask("count")) < len(originals):
            time.sleep(0.1)
        drained = time.monotonic() + args.grace
        while time.monotonic() < min(drained, deadline):
            time.sleep(0.1)
        memory = server.memory_kb()
        sampler.stop()
        report = json.loads(standin.ask("report"))
    finally:
        remembered = stop_servers(servers, redis)[0]
        standin.close()

    results = [r for r in sender.results if r is not None]
    statuses = Counter(r.status for r in results)
    by_kind: dict[str, Counter[int]] = {}
    for r in results:
        by_kind.setdefault(r.kind, Counter())[r.status] += 1
    latencies_ms = [r.latency * 1000 for r in results if r.status]
    lateness_ms = [r.lateness * 1000 for r in results]

    where = {o.key: i for i, o in enumerate(originals)}
    replies: list[list[str]] = [[] for _ in originals]
    stray = 0
    for method, status, channel, thread_ts, text in report["posts"]:
        index = where.get((channel, thread_ts))
        if index is None or status != 200:
            stray += 1
        else:
            replies[index].append(text)
    answers = [[t for t in texts if t not in (BUSY, APOLOGY)] for texts in replies]
    exactly_once = sum(1 for texts, a in zip(replies, answers) if len(texts) == 1 and len(a) == 1)
    correct = sum(1 for o, texts, a in zip(originals, replies, answers)
                  if len(texts) == 1 and len(a) == 1 and a[0] == expected[o.question])
    wrong = [{"question": o.question, "expected": expected[o.question][:300], "posted": a[0][:300]}
             for o, texts, a in zip(originals, replies, answers)
             if len(texts) == 1 and len(a) == 1 and a[0] != expected[o.question]]
    lost = sum(1 for a in answers if not a)
    duplicated = sum(1 for texts in replies if len(texts) > 1)
    busy = sum(texts.count(BUSY) for texts in replies)
    apologies = sum(texts.count(APOLOGY) for texts in replies)

    warm_index = max(1, int(len(items) * args.warmup))
    rss_warm = sampler.at(warm_index)
    rss_end = memory["VmRSS"]
    growth = rss_end - rss_warm
    timeline = [(f"{p}%", sampler.at(max(1, len(items) * p // 100))) for p in range(10, 101, 10)]
    result = {
        "requests": len(items),
        "rate_per_s": args.rate,
        "send_seconds": round(elapsed, 2),
        "kinds": dict(Counter(i.kind for i in items)),
        "status": {str(k): v for k, v in sorted(statuses.items())},
        "status_by_kind": {k: {str(s): n for s, n in sorted(c.items())} for k, c in sorted(by_kind.items())},
        "http_2xx": sum(v for k, v in statuses.items() if 200 <= k < 300),
        "http_4xx": sum(v for k, v in statuses.items() if 400 <= k < 500),
        "http_5xx": sum(v for k, v in statuses.items() if 500 <= k < 600),
        "connection_errors": statuses.get(0, 0),
        "ack_ms": {"median": round(statistics.median(latencies_ms), 2),
                   "p99": round(percentile(latencies_ms, 0.99), 2),
                   "max": round(max(latencies_ms), 2)},
        "sender_lateness_ms": {"p99": round(percentile(lateness_ms, 0.99), 2),
                               "max": round(max(lateness_ms), 2)},
        "questions": len(originals),
        "answered_exactly_once": exactly_once,
        "answered_correctly": correct,
        "lost": lost,
        "duplicated": duplicated,
        "busy_replies": busy,
        "apologies": apologies,
        "stray_posts": stray,
        "wrong_answers": wrong[:5],
        "other_api_calls": report["others"],
        "rss_kib": {"after_start": rss_start, "after_warmup": rss_warm, "after_sending": rss_sent,
                    "end": rss_end, "peak": memory["VmHWM"], "growth_after_warmup": growth},
        "rss_timeline_kib": dict(timeline),
        "warmup_requests": warm_index,
        "remembered_at_stop": remembered,
        "server": {"workers": args.workers, "queue_size": args.queue_size},
        "api_latency_s": args.api_latency,
        "senders": args.senders,
        "state": state,
        "replicas": len(servers),
    }
    result["targets"] = {
        "p99_ack_under_100ms": result["ack_ms"]["p99"] < TARGET_P99_MS,
        "none_lost": lost == 0,
        "none_duplicated": duplicated == 0 and stray == 0,
        "no_5xx": result["http_5xx"] == 0 and result["connection_errors"] == 0,
        "rss_flat_after_warmup": growth < min(RSS_FLAT_KB, rss_warm * RSS_FLAT_FRACTION),
        # in Redis, conversations are bounded by their TTL rather than a count; SQLite prunes every PRUNE_EVERY writes
        "sessions_bounded": state == "redis" or remembered.get("sessions", 0) <= remembered.get("sessions_max", 0)
        + (PRUNE_EVERY if state == "sqlite" else 0),
    }
    return result


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}",
            "slack_bolt": version("slack_bolt"), "waitress": version("waitress"), "redis": version("redis"),
            "redis_server": redis_server_version()}


def redis_server_version() -> str:
    try:
        done = subprocess.run(["redis-server", "--version"], capture_output=True, text=True, timeout=10)
    except OSError:
        return "not installed"
    found = re.search(r"v=(\S+)", done.stdout)
    return found.group(1) if found else "?"


def render(report: dict[str, Any]) -> str:
    """The runs side by side, one column per state."""
    runs, m = report["runs"], report["machine"]

    def mib(kib: int) -> str:
        return f"{kib / 1024:.1f}"

    def row(r: dict[str, Any]) -> dict[str, str]:
        ack, rss, rem, kinds = r["ack_ms"], r["rss_kib"], r["remembered_at_stop"], r["kinds"]
        return {
            "requests": (f"{r['requests']} at {r['rate_per_s']:g}/s: {kinds.get('new', 0)} new, "
                         f"{kinds.get('retry', 0) + kinds.get('duplicate', 0)} redelivered, "
                         f"{kinds.get('malformed', 0)} malformed"),
            "ack median / p99 / max (ms)": f"{ack['median']} / {ack['p99']} / {ack['max']}",
            "HTTP 5xx / connection errors": f"{r['http_5xx']} / {r['connection_errors']}",
            "answered exactly once": f"{r['answered_exactly_once']} / {r['questions']} ({r['answered_correctly']} as expected)",
            "lost / answered twice": f"{r['lost']} / {r['duplicated']} (stray {r['stray_posts']})",
            "busy / apologies": f"{r['busy_replies']} / {r['apologies']}",
            "RSS start / warm / end (MiB)": f"{mib(rss['after_start'])} / {mib(rss['after_warmup'])} / {mib(rss['end'])}",
            "remembered: sessions, event ids": f"{rem.get('sessions', '?')}, {rem.get('events_seen', '?')}",
            "sender lateness p99 (ms)": str(r["sender_lateness_ms"]["p99"]),
            "targets": "OK" if all(r["targets"].values()) else
                       "MISSED " + ", ".join(k for k, v in r["targets"].items() if not v),
        }

    columns = {state: row(r) for state, r in runs.items()}
    labels = list(next(iter(columns.values())))
    header = ["", *(STATES[state] for state in columns)]
    table = [header] + [[label, *(columns[s][label] for s in columns)] for label in labels]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in table]
    first = next(iter(runs.values()))
    lines.append(f"server: --workers {first['server']['workers']} --queue-size {first['server']['queue_size']}; "
                 f"stand-in API latency {first['api_latency_s'] * 1000:g} ms; {first['senders']} sender threads")
    lines.append(f"machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, {m['system']}, "
                 f"slack_bolt {m['slack_bolt']}, waitress {m['waitress']}, redis-py {m['redis']}, "
                 f"redis-server {m['redis_server']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="requests to send (default 2000)")
    parser.add_argument("--rate", type=float, default=100.0, help="requests a second (default 100)")
    parser.add_argument("--senders", type=int, default=16, help="sending threads (default 16)")
    parser.add_argument("--redeliveries", type=float, default=0.10, help="share of retries/duplicates (0.10)")
    parser.add_argument("--malformed", type=float, default=0.05, help="share of malformed bodies (0.05)")
    parser.add_argument("--workers", type=int, default=16, help="the bot's --workers (default 16, as the bot's)")
    parser.add_argument("--queue-size", type=int, default=32, help="the bot's --queue-size (default 32)")
    parser.add_argument("--api-latency", type=float, default=0.0,
                        help="seconds the Web API stand-in takes per call (default 0; Slack's is ~0.1-0.3)")
    parser.add_argument("--warmup", type=float, default=0.25, help="share of requests counted as warm-up (0.25)")
    parser.add_argument("--drain", type=float, default=60.0, help="most seconds to wait for replies (60)")
    parser.add_argument("--grace", type=float, default=2.0, help="seconds to wait for late duplicates (2)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--states", default=",".join(STATES),
                        help="comma-separated runs: memory, sqlite, redis (two replicas) (default all three)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--serve-standin", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_standin:
        return serve_standin(args.api_latency)
    if args.events < 2 or args.rate <= 0 or args.senders < 1:
        parser.error("need --events >= 2, --rate > 0 and --senders >= 1")
    args.states = [s.strip() for s in args.states.split(",") if s.strip()]
    if not args.states or not set(args.states) <= set(STATES):
        parser.error(f"--states takes a comma-separated list of {', '.join(STATES)}")
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0 if all(all(r["targets"].values()) for r in result["runs"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
