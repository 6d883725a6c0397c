"""Faults under load, rerunnable: concurrent writers, worker SIGKILLs and a PostgreSQL outage.

    .venv/bin/python scripts/fault_check.py                       # SQLite file, 16 writers, 20 s
    .venv/bin/python scripts/fault_check.py --database postgresql://postgres@127.0.0.1:5432/test

gunicorn serves the planner with ``gunicorn.conf.py`` (2 sync workers, CSRF on) on loopback.
Each writer logs in as its own facilitator and adds clients through the form. Meanwhile the
script SIGKILLs a worker twice and, on PostgreSQL, cuts the database away for a few seconds
through a TCP proxy of its own (the shared server is never stopped). At the end it reads the
database directly and reports, as JSON: writes acknowledged (a 302 to the new client's page),
acknowledged writes lost (not in the database), 503s (refused, "not saved"), bare 500s (a 500,
or any answer without the security headers) and connections dropped by a killed worker. The
exit status is 0 only when no acknowledged write was lost and no bare 500 was served.

On PostgreSQL it works in a schema of its own (``fault_<pid>``), dropped at the end.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "fault check passphrase"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Proxy:
    """A loopback TCP proxy to PostgreSQL that can cut every connection and refuse new ones for a while."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = _free_port()
        self.down = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            client, _ = self._listener.accept()
            if self.down.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def outage(self, seconds: float) -> None:
        """Cut every open connection, refuse new ones for ``seconds``, then let them through again."""
        self.down.set()
        with self._lock:
            cut, self._sockets = self._sockets, []
        for end in cut:
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        time.sleep(seconds)
        self.down.clear()


class Browser:
    """One facilitator's browser: cookies, no redirects followed, every answer counted."""

    def __init__(self, base: str, tally: dict, lock: threading.Lock):
        self.base, self.tally, self.lock = base, tally, lock
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def send(self, path: str, form: dict | None = None) -> tuple[int, str, str]:
        """(status, Location, body); a dropped connection is status 0."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as response:
                status, headers, body = response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read().decode()
        except OSError:
            self._count("dropped")
            return 0, "", ""
        if status == 500 or "Content-Security-Policy" not in headers:
            self._count("bare_500")
        elif status == 503:
            self._count("refused_503")
        return status, headers.get("Location", ""), body

    def _count(self, key: str) -> None:
        with self.lock:
            self.tally[key] += 1

    def csrf(self, path: str) -> str | None:
        status, _, body = self.send(path)
        found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', body)
        return found.group(1) if status == 200 and found else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _writer(number: int, base: str, stop: threading.Event, acknowledged: list, tally: dict, lock) -> None:
    browser = Browser(base, tally, lock)
    email = f"writer{number}@fault.example"
    while not stop.is_set():
        token = browser.csrf("/login")
        if token and browser.send("/login", {"email": email, "password": PASSWORD, "csrf_token": token})[0] == 302:
            break
        time.sleep(0.2)
    written = 0
    while not stop.is_set():
        token = browser.csrf("/clients/new")
        if token is None:
            time.sleep(0.1)
            continue
        name = f"w{number}-{written}"
        form = {"name": name, "contact": "", "home_timezone": "Asia/Seoul", "language": "en", "notes": ""}
        status, location, _ = browser.send("/clients/new", {**form, "csrf_token": token})
        if status == 302 and re.fullmatch(r"/clients/\d+", location):
            with lock:
                acknowledged.append(name)
        written += 1


def _environment(args, folder: str) -> tuple[dict, str, Proxy | None]:
    """The server's environment, the URL the check reads back with, and the proxy (PostgreSQL only)."""
    env = dict(os.environ, SECRET_KEY=secrets.token_urlsafe(48), PLANNER_BASE_URL="http://127.0.0.1")
    env.pop("PLANNER_CLOCK", None)
    if not args.database:
        url = f"sqlite:///{folder}/fault.sqlite3"
        env["DATABASE_URL"] = url
        return env, url, None
    parts = urllib.parse.urlsplit(args.database)
    schema = f"fault_{os.getpid()}"
    import psycopg

    with psycopg.connect(args.database, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{schema}"')
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    options = f"options=-csearch_path%3D{schema}"
    direct = urllib.parse.urlunsplit(parts._replace(query=options))
    through = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}", query=options)
    env["DATABASE_URL"] = urllib.parse.urlunsplit(through)
    return env, direct, proxy


def _setup(env: dict, writers: int) -> None:
    """Schema by migration, and one facilitator per writer (made here: /register is rate limited)."""
    subprocess.run([str(BIN / "flask"), "--app", "planner", "db", "upgrade"], cwd=ROOT, env=env, check=True)
    code = (
        "import sys\nfrom planner import create_app\nfrom planner.services.accounts.users import register\n"
        "app = create_app()\nwith app.app_context():\n"
        f"    for n in range({writers}): register(f'writer{{n}}@fault.example', {PASSWORD!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def _serve(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"]
    command += ["--access-logfile", "/dev/null", "--error-logfile", str(log), "planner:create_app()"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")


def _kill_a_worker(server: subprocess.Popen) -> int | None:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    if not children:
        return None
    os.kill(int(children[0]), signal.SIGKILL)
    return int(children[0])


def _stored_names(url: str) -> set[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url))
    with engine.connect() as connection:
        names = set(connection.execute(text("SELECT name FROM clients")).scalars())
    engine.dispose()
    return names


def main() -> int:
    """Run the faults and print the report; exit 1 when a write was lost or a bare 500 served."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="a PostgreSQL URL (libpq form); default: a fresh SQLite file")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--outage", type=float, default=3.0, help="seconds PostgreSQL is cut away")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env, direct, proxy = _environment(args, folder)
        _setup(env, args.writers)
        log = Path(folder) / "gunicorn.log"
        server, base = _serve(env, log)
        tally = {"dropped": 0, "refused_503": 0, "bare_500": 0}
        acknowledged: list[str] = []
        lock, stop = threading.Lock(), threading.Event()
        threads = [
            threading.Thread(target=_writer, args=(n, base, stop, acknowledged, tally, lock))
            for n in range(args.writers)
        ]
        for thread in threads:
            thread.start()
        events = []
        try:
            time.sleep(args.seconds * 0.25)
            events.append(f"SIGKILL worker {_kill_a_worker(server)}")
            time.sleep(args.seconds * 0.25)
            if proxy is not None:
                events.append(f"PostgreSQL cut away for {args.outage:g} s")
                proxy.outage(args.outage)
            time.sleep(args.seconds * 0.25)
            events.append(f"SIGKILL worker {_kill_a_worker(server)}")
            time.sleep(args.seconds * 0.25)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
            server.terminate()
            server.wait(timeout=30)
        stored = _stored_names(direct)
        lost = sorted(set(acknowledged) - stored)
        report = {
            "database": "postgresql" if proxy else "sqlite",
            "writers": args.writers,
            "seconds": args.seconds,
            "events": events,
            "acknowledged": len(acknowledged),
            "acknowledged_lost": len(lost),
            **tally,
            "lost_examples": lost[:10],
        }
        if proxy is not None:
            import psycopg

            with psycopg.connect(args.database, autocommit=True) as connection:
                connection.execute(f'DROP SCHEMA IF EXISTS "fault_{os.getpid()}" CASCADE')
    print(json.dumps(report, indent=2))
    return 0 if not lost and tally["bare_500"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
