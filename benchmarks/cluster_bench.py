"""Two app instances behind nginx on loopback, on one PostgreSQL and one Redis: they agree, and what it costs.

    .venv/bin/python benchmarks/cluster_bench.py [--seconds 10]      (make bench-cluster)

Starts, all on 127.0.0.1 and from a temporary folder: a PostgreSQL schema of its own
(BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server's ``test`` database), the
migrations and ``flask seed-demo`` in it; two gunicorn instances of the planner (2 sync workers
each, the same SECRET_KEY, PLANNER_PROXY_COUNT=1, rate limits and jobs on BENCH_REDIS_URL or
TEST_REDIS_URL under a key prefix of their own); and Debian's nginx, unprivileged, with its
configuration, pid, logs and temp files in that folder, balancing the two round-robin.

Then it checks, and stops with an error at the first disagreement: a login made on one instance
is valid on the other (and a logout on the other ends it on the first); a CSRF token from a form
of one is accepted by the other; a feed's ETag from one gives 304 on the other, with the same
bytes from both; the same scenario gives the same plan JSON from both (each instance keeps its
own plan memo); a rate limit counts the requests of both instances, and through nginx an
X-Forwarded-For sent by the client does not buy more tries. Last, a bounded load with wrk
(2 threads, 8 connections, ``--seconds`` per run, alternated, best of two): ``/healthz`` and a
feed revalidated with If-None-Match, against one instance directly and against nginx with both.
Prints a Markdown table; every figure comes from the same run.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import redis
from http_bench import BIN, ROOT, Rate, Server, _free_port, best, require_wrk, seconds_argument, wait_for_health, wrk

SCENARIO = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
}
#: the plan API's limit during the check (generous elsewhere, so the load measures serving, not 429s)
PLAN_LIMIT = 10


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back as they are: the checks look at them."""

    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One request, without following redirects or keeping cookies: (status, headers, body)."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def check(condition: bool, what: str) -> None:
    """Stop with the failed agreement's name."""
    if not condition:
        raise SystemExit(f"FAILED: {what}")
    print(f"ok: {what}")


def _cookie(headers: dict, name: str = "session") -> str:
    match = re.search(rf"{name}=([^;]+)", headers.get("Set-Cookie", ""))
    return f"{name}={match.group(1)}" if match else ""


def _csrf(body: bytes) -> str:
    return re.search(rb'name="csrf_token"[^>]*?value="([^"]+)"', body).group(1).decode()


def database(folder: str) -> tuple[str, str, str]:
    """A fresh schema on the PostgreSQL server: (libpq URL, SQLAlchemy URL using the schema, schema)."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    url = url or "postgresql://postgres@127.0.0.1:5432/test"
    schema = f"bench_cluster_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    alchemy = (
        re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url) + f"{separator}options=-csearch_path%3D{schema}"
    )
    return url, alchemy, schema


def nginx_config(folder: Path, port: int, upstreams: list[int]) -> Path:
    """An nginx configuration in ``folder``, with its pid, logs and temp files there: no system file is touched."""
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / name).mkdir()
    servers = "\n".join(f"        server 127.0.0.1:{upstream};" for upstream in upstreams)
    text = f"""
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    proxy_max_temp_file_size 0;
    upstream planner {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://planner;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $http_host;
        }}
    }}
}}
"""
    path = folder / "nginx.conf"
    path.write_text(text)
    return path


class Nginx:
    """Debian's nginx in the foreground on a loopback port, from a configuration in a temporary folder."""

    def __init__(self, folder: Path, upstreams: list[int]):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise SystemExit("nginx is not installed (Debian: apt-get install nginx)")
        self.port = _free_port()
        folder.mkdir()
        config = nginx_config(folder, self.port, upstreams)
        command = [binary, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)]
        account = {}
        if os.geteuid() == 0:  # never as root: nginx runs as nobody, in a folder that nobody owns
            nobody = pwd.getpwnam("nobody")
            folder.parent.chmod(0o711)
            for path in [folder, *folder.rglob("*")]:
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            account = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **account)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_for_health(self.process, self.base, "nginx", tries=100)

    def __enter__(self) -> Nginx:
        return self

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def agreement(a: str, b: str, proxy: str, demo: str) -> str:
    """Check that the two instances (and nginx in front of them) agree; return a feed path for the load."""
    email, password = re.search(r"^facilitator (\S+) (\S+)$", demo, re.M).groups()
    feed = re.search(r"http://127\.0\.0\.1(/feeds/\S+\.ics)", demo).group(1)

    # CSRF and sessions: the form from A, posted to B, logs in; the login then works on A and on B
    status, headers, body = fetch(a + "/login")
    cookie, token = _cookie(headers), _csrf(body)
    form = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": password}).encode()
    status, headers, _ = fetch(b + "/login", data=form, headers={"Cookie": cookie})
    check(status == 302, "a CSRF token from a form of instance A is accepted by instance B (log-in: 302)")
    session = _cookie(headers) or cookie
    for name, base in (("A", a), ("B", b), ("nginx", proxy)):
        status, _, page = fetch(base + "/dashboard", headers={"Cookie": session})
        check(status == 200 and b"Log out" in page, f"the login made on B is valid on {name} (/dashboard: 200)")
    status, headers, page = fetch(a + "/dashboard", headers={"Cookie": session})
    session, token = _cookie(headers) or session, _csrf(page)  # the page may add its CSRF secret to the cookie
    status, _, _ = fetch(
        b + "/logout", data=urllib.parse.urlencode({"csrf_token": token}).encode(), headers={"Cookie": session}
    )
    check(status == 302, "the log-out form of A is accepted by B")
    status, headers, _ = fetch(a + "/dashboard", headers={"Cookie": session})
    check(
        status == 302 and "/login" in headers.get("Location", ""),
        "after the log-out on B, the old cookie is refused on A",
    )

    # feeds: the ETag of one instance revalidates on the other, and the bytes are the same
    _, first, body_a = fetch(a + feed)
    _, second, body_b = fetch(b + feed)
    check(
        body_a == body_b and first["ETag"] == second["ETag"], "a feed is the same bytes with the same ETag from A and B"
    )
    status, _, _ = fetch(b + feed, headers={"If-None-Match": first["ETag"]})
    check(status == 304, "the ETag from A gives 304 on B")
    status, _, _ = fetch(proxy + feed, headers={"If-None-Match": second["ETag"]})
    check(status == 304, "the ETag from B gives 304 through nginx")

    # plans: each instance plans (and memoises) on its own; the same scenario gives the same plan
    document = json.dumps(SCENARIO).encode()
    kind = {"Content-Type": "application/json"}
    plans = [fetch(base + "/api/plan", data=document, headers=kind) for base in (a, b, a, b)]
    check(
        all(p[0] == 200 for p in plans) and len({p[2] for p in plans}) == 1,
        "A and B give the same plan JSON, memoised or not",
    )

    # rate limits: the counters are in Redis, so A and B count together (4 plans already made above)
    answers = [fetch(base + "/api/plan", data=document, headers=kind)[0] for base in (a, b) * 4]
    check(
        answers == [200] * (PLAN_LIMIT - 4) + [429] * 2,
        f"the plan API's {PLAN_LIMIT} per minute are counted across A and B",
    )
    # through nginx, the limit is per client address: a forged X-Forwarded-For does not reset it
    forged = {**kind, "X-Forwarded-For": "203.0.113.99"}
    status, _, _ = fetch(proxy + "/api/plan", data=document, headers=forged)
    check(status == 429, "through nginx a client's own X-Forwarded-For does not buy more tries (429)")
    return feed


def main() -> None:
    """Start the cluster, check that its instances agree, then measure one instance against two behind nginx."""
    seconds = seconds_argument(__doc__)
    require_wrk()
    redis_url = os.environ.get("BENCH_REDIS_URL") or os.environ.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/15"
    prefix = f"bench-cluster-{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        libpq, alchemy, schema = database(name)
        env = dict(
            os.environ,
            DATABASE_URL=alchemy,
            SECRET_KEY="bench-cluster-" + uuid.uuid4().hex,
            PLANNER_BASE_URL="http://127.0.0.1",
            PLANNER_PROXY_COUNT="1",
            RATELIMIT_STORAGE_URI=redis_url,
            PLANNER_REDIS_URL=redis_url,
            PLANNER_JOB_QUEUE=prefix,
            PLANNER_DB_POOL_SIZE="2",
            PLANNER_DB_MAX_OVERFLOW="2",
        )
        flask = [str(BIN / "flask"), "--app", "planner"]
        subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
        demo = subprocess.run(
            [*flask, "seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
        limits = {
            "RATELIMIT_KEY_PREFIX": prefix,
            "PLAN_API_RATE_LIMIT": f"{PLAN_LIMIT} per minute",
            "FEED_RATE_LIMIT": "1000000 per minute",
        }
        app = f"planner:create_app({limits!r})"
        try:
            with Server(app, env) as first, Server(app, env) as second:
                with Nginx(folder / "nginx", [first.port, second.port]) as proxy:
                    feed = agreement(first.base, second.base, proxy.base, demo)
                    etag = fetch(first.base + feed)[1]["ETag"]
                    runs: dict[str, list[Rate]] = {}
                    for _ in range(2):  # alternated, best of two: the machine is shared
                        for label, base in (("one instance", first.base), ("nginx + two instances", proxy.base)):
                            runs.setdefault(f"/healthz, {label}", []).append(wrk(base + "/healthz", seconds))
                            runs.setdefault(f"feed 304, {label}", []).append(
                                wrk(base + feed, seconds, {"If-None-Match": etag})
                            )
        finally:
            with psycopg.connect(libpq, autocommit=True) as connection:
                connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            store = redis.Redis.from_url(redis_url)
            for key in store.scan_iter(f"*{prefix}*"):
                store.delete(key)
            store.close()
    rows = {label: best(rates) for label, rates in runs.items()}
    baseline = rows["/healthz, one instance"].requests_per_second
    print("| request | requests/s | vs /healthz on one instance | non-2xx/3xx | socket errors |")
    print("|---|---|---|---|---|")
    for label, rate in rows.items():
        print(
            f"| {label} | {rate.requests_per_second:,.0f} | {rate.requests_per_second / baseline:.0%} "
            f"| {rate.bad_statuses} | {rate.socket_errors} |"
        )
    bad = sum(rate.bad_statuses + rate.socket_errors for rate in rows.values())
    if bad:
        raise SystemExit(f"FAILED: {bad} answers under load were errors")


if __name__ == "__main__":
    sys.exit(main())
