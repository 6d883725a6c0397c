"""Feed throughput over HTTP against hello-world, in one run: gunicorn (2 sync workers) + wrk.

    .venv/bin/python benchmarks/feed_throughput.py [--seconds 10]

Needs `wrk` (Debian: apt-get install wrk). Builds a temporary SQLite database with
`flask seed-demo`, then measures, each with the same wrk settings:
hello-world; a feed revalidated with If-None-Match (304); the feed sent in full from the
per-process memo; and a true full render (memo off, PLANNER_FEED_CACHE_SIZE=0).
Targets (issue 4): 304 ≥ 80% of hello-world, full render ≥ 10%. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(app: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [
        str(BIN / "gunicorn"),
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--access-logfile",
        "/dev/null",
        app,
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not start: {server.stderr.read().decode()[-2000:]}")


def _wrk(url: str, seconds: int, headers: dict[str, str] | None = None) -> float:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", url]
    for name, value in (headers or {}).items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    statuses = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if statuses:
        raise SystemExit(f"{url}: {statuses.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    """Run the four measurements and print them as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
            SECRET_KEY="bench",
            PLANNER_BASE_URL="http://127.0.0.1",
        )
        setup = (
            "from planner import create_app; from planner.extensions import db; import planner.models\n"
            "app = create_app()\nwith app.app_context(): db.create_all()"
        )
        subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, check=True)
        demo = subprocess.run(
            [str(BIN / "flask"), "--app", "planner", "seed-demo"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        path = re.search(r"http://127\.0\.0\.1(/feeds/\S+\.ics)", demo).group(1)
        rows = []
        hello, base = _serve("benchmarks.hello:app", env)
        try:
            rows.append(("hello-world", _wrk(base + "/", args.seconds)))
        finally:
            hello.terminate()
            hello.wait()
        planner, base = _serve("planner:create_app()", env)
        try:
            etag = urllib.request.urlopen(base + path).headers["ETag"]
            rows.append(("feed, If-None-Match → 304", _wrk(base + path, args.seconds, {"If-None-Match": etag})))
            rows.append(("feed, 200 from the memo", _wrk(base + path, args.seconds)))
        finally:
            planner.terminate()
            planner.wait()
        uncached, base = _serve("planner:create_app({'PLANNER_FEED_CACHE_SIZE': 0})", env)
        try:
            rows.append(("feed, full render (memo off)", _wrk(base + path, args.seconds)))
        finally:
            uncached.terminate()
            uncached.wait()
    baseline = rows[0][1]
    print("| request | requests/s | vs hello-world |\n|---|---|---|")
    for name, rate in rows:
        print(f"| {name} | {rate:,.0f} | {rate / baseline:.0%} |")


if __name__ == "__main__":
    main()
