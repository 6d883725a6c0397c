"""Shared pieces of the HTTP throughput scripts: gunicorn on loopback, wrk, the workers' peak memory.

Every measurement serves the planner app itself with ``gunicorn.conf.py`` (2 sync workers); the
baseline is the app's own ``/healthz`` route, so the baseline pays the same middleware
(security headers, session, CSRF, limiter, database hooks) as the page it is compared with.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: wrk's settings for every row: 2 threads, 8 connections, loopback only
WRK = ("-t2", "-c8")


@dataclass(frozen=True)
class Rate:
    """One wrk run: requests per second, answers that were not 2xx/3xx, and socket errors."""

    requests_per_second: float
    bad_statuses: int
    socket_errors: int


def require_wrk() -> None:
    """Stop with a clear message when wrk is missing."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_health(process: subprocess.Popen, base: str, name: str, tries: int = 150) -> None:
    """Wait until ``base``/healthz answers (0.1 s between tries); else stop ``process`` and exit with its last words."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{name} did not start: {process.stderr.read().decode()[-2000:]}")


class Server:
    """gunicorn serving an app spec on a free loopback port, as ``gunicorn.conf.py`` configures it."""

    def __init__(self, app: str, env: dict):
        self.port = _free_port()
        command = [
            str(BIN / "gunicorn"),
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--access-logfile",
            "/dev/null",
            app,
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_for_health(self.process, self.base, "gunicorn")

    def workers(self) -> list[int]:
        """The pids of the worker processes (children of the gunicorn master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        return [int(pid) for pid in children.split()]

    def peak_rss_mb(self) -> list[float]:
        """Each worker's peak resident memory (VmHWM) in MB."""
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return peaks

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url: str, seconds: int, headers: dict[str, str] | None = None) -> Rate:
    """Load ``url`` for ``seconds`` with wrk and read the rate and the errors from its report."""
    command = ["wrk", *WRK, f"-d{seconds}s", "--timeout", "5s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    statuses = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Rate(
        float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        int(statuses.group(1)) if statuses else 0,
        sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def best(rates: list[Rate]) -> Rate:
    """The fastest of several runs of one row, with the errors of all of them."""
    fastest = max(rates, key=lambda rate: rate.requests_per_second)
    return Rate(fastest.requests_per_second, sum(r.bad_statuses for r in rates), sum(r.socket_errors for r in rates))


def alternating(base: str, paths: list[str], seconds: int, rounds: int = 2) -> dict[str, Rate]:
    """Each path (``/healthz`` first among them) loaded in turn, ``rounds`` times, the best of each kept."""
    runs: dict[str, list[Rate]] = {path: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            runs[path].append(wrk(base + path, seconds))
    return {path: best(rates) for path, rates in runs.items()}


def seconds_argument(doc: str) -> int:
    """The ``--seconds`` option of a benchmark script (each wrk run's length)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    return parser.parse_args().seconds


def database_env(folder: str, **extra: str) -> dict:
    """The environment of a planner on a fresh SQLite file in ``folder`` (schema created)."""
    import os

    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        SECRET_KEY="bench",
        PLANNER_BASE_URL="http://127.0.0.1",
        **extra,
    )
    setup = (
        "from planner import create_app; from planner.extensions import db; import planner.models\n"
        "app = create_app()\nwith app.app_context(): db.create_all()"
    )
    subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, check=True)
    return env


def table(rows: list[tuple[str, Rate]]) -> str:
    """The rows as a Markdown table, each rate also as a share of the first row's."""
    baseline = rows[0][1].requests_per_second
    lines = ["| request | requests/s | vs /healthz | non-2xx/3xx | socket errors |", "|---|---|---|---|---|"]
    for name, rate in rows:
        lines.append(
            f"| {name} | {rate.requests_per_second:,.0f} | {rate.requests_per_second / baseline:.0%} "
            f"| {rate.bad_statuses} | {rate.socket_errors} |"
        )
    return "\n".join(lines)
