"""gunicorn with the project's config, errors provoked on every token route and on a client with
health notes: no log (access, error, the app's, stdout, stderr) holds the notes or any token."""

from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import pytest

from planner import create_app
from planner.extensions import db
from planner.services.accounts.users import issue_reset_token, register
from planner.services.planning.trips import save_trip
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from planner.services.workspace.sharing import create_client_link
from tests.web.workspace_factories import KNEE, PASSWORD, create_client, create_trip

ROOT = Path(__file__).resolve().parents[2]
NOTES = "HIV-positive, on PrEP since 2019"
EMAIL = "logs@example.com"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _data(url: str) -> dict:
    """A facilitator, a client with notes and a trip, and one token of each kind."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False})
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table)

        db.create_all()
        user = register(EMAIL, PASSWORD)
        patient = create_client(user, "Ana Silva", notes=NOTES)
        trip = create_trip(user, patient)
        made = {
            "client": patient.id,
            "shared": create_client_link(user.id, trip.id, hide_costs=False, expires_at=None)[1],
            "trip_feed": create_trip_feed(user.id, trip.id, discreet=True)[1],
            "owner_feed": create_owner_feed(user.agency_id, created_by=user.id)[1],
            "private": save_trip(dict(KNEE), discreet=False),
            "reset": issue_reset_token(EMAIL)[1],
        }
        db.session.remove()
        db.engine.dispose()
    return made


def _forms(token: str) -> list[str]:
    """The token as sent, percent-encoded at both ends, and with characters stuck to it."""
    encoded = f"%{ord(token[0]):02X}{token[1:-1]}%{ord(token[-1]):02x}"
    return [token, encoded, token + "x~", token + "%20junk"]


def _paths(made: dict) -> list[str]:
    paths = []
    for token in _forms(made["trip_feed"]) + _forms(made["owner_feed"]):
        paths.append(f"/feeds/{token}.ics")
    for token in _forms(made["shared"]):
        paths += [f"/shared/{token}", f"/shared/{token}/trip.ics"]
    for token in _forms(made["private"]):
        paths += [f"/t/{token}", f"/t/{token}/calendar.ics", f"/t/{token}/edit"]
    for token in _forms(made["reset"]):
        paths.append(f"/reset-password/{token}")
    return paths


def _get(opener, url: str, **headers) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _post(opener, url: str, data: dict) -> int:
    try:
        with opener.open(url, data=urlencode(data).encode(), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


@pytest.fixture
def server(tmp_path, monkeypatch):
    """gunicorn (one worker) on a SQLite file with the data; yields (base URL, data, log folder)."""
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    monkeypatch.setenv("SECRET_KEY", "log-test-secret-key")
    made = _data(url)
    port = _free_port()
    env = {"PATH": str(Path(sys.executable).parent), "DATABASE_URL": url, "SECRET_KEY": "log-test-secret-key"}
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--access-logfile",
        str(tmp_path / "access.log"),
        "--error-logfile",
        str(tmp_path / "error.log"),
        "--log-level",
        "debug",
        "planner:create_app()",
    ]
    with open(tmp_path / "stdout.log", "wb") as out, open(tmp_path / "stderr.log", "wb") as err:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail("gunicorn did not start: " + (tmp_path / "stderr.log").read_text()[-2000:])
            yield base, made, tmp_path
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_no_log_holds_the_notes_or_a_token(server):
    base, made, folder = server
    database = folder / "planner.sqlite3"
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    anonymous = urllib.request.build_opener()
    paths = _paths(made)

    # the token routes while the database works (the access log sees every form of the URL)
    for path in paths:
        _get(anonymous, base + path, Referer=base + path)

    # an edit of the client with notes that the database refuses: the statement carries the notes
    _, page = _get(browser, base + "/login")
    assert _post(browser, base + "/login", {"csrf_token": _csrf(page), "email": EMAIL, "password": PASSWORD}) == 200
    _, page = _get(browser, f"{base}/clients/{made['client']}/edit")
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TRIGGER fault BEFORE UPDATE ON clients BEGIN SELECT RAISE(ABORT, 'fault'); END")
    form = {"name": "Ana Silva", "contact": "", "home_timezone": "Europe/Lisbon", "language": "en"}
    edit = {"csrf_token": _csrf(page), **form, "notes": NOTES + " and more"}
    assert _post(browser, f"{base}/clients/{made['client']}/edit", edit) == 500

    # every token route with its table gone: each answers 500 or 503 and logs the error
    with sqlite3.connect(database) as connection:
        for table in ("share_links", "feed_tokens", "users"):
            connection.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")
    # a missing table is the database failing: 500, or 503 'not saved, try again' (errors.py)
    failed = [path for path in paths if _get(anonymous, base + path, Referer=base + path)[0] in (500, 503)]
    for route in ("/feeds/", "/shared/", "/t/", "/reset-password/"):
        assert any(path.startswith(route) for path in failed), f"no error provoked on {route}"

    time.sleep(0.5)  # let the worker's log lines reach the files
    logs = {name: (folder / name).read_text() for name in ("access.log", "error.log", "stdout.log", "stderr.log")}
    everything = "\n".join(logs.values())
    logged = everything.count("Exception on") + everything.count("database unavailable on")
    assert logged >= len(failed), "the errors were not logged"
    assert "parameters hidden" in everything
    assert "HIV" not in everything and "PrEP" not in everything
    tokens = [made[kind] for kind in ("shared", "trip_feed", "owner_feed", "private", "reset")]
    for token in tokens:
        # no stretch of 12 characters of a token, in any log: not whole, not encoded, not in pieces
        leaks = [token[i : i + 12] for i in range(len(token) - 11) if token[i : i + 12] in everything]
        assert not leaks, f"a token leaked: {leaks[:3]}"
    assert "/feeds/….ics" in logs["access.log"] and "/shared/…/trip.ics" in logs["access.log"]
