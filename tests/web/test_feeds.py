"""Feeds over HTTP: every feed rule of CALENDAR.md (20–23), revocation, the facilitator's feed, tokens out of logs."""

from __future__ import annotations

import hashlib
import logging
import re
import runpy
import threading
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote
from urllib.request import urlopen

import pytest
from werkzeug.http import http_date
from werkzeug.serving import make_server

from planner.extensions import db
from planner.logs import redact_tokens
from planner.models import FeedToken
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from tests.web.workspace_factories import KNEE, NOW, create_client, create_facilitator, create_trip, log_in

ROOT = Path(__file__).resolve().parents[2]
FEED_URL = re.compile(r'value="(https?://[^"]+/feeds/([A-Za-z0-9_-]{43})\.ics)"')


@pytest.fixture
def trip_feed(app):
    """The token of a non-discreet feed of one knee trip, and the trip's id."""
    with app.app_context():
        user, _ = create_facilitator()
        trip = create_trip(user, create_client(user))
        return create_trip_feed(user.id, trip.id, discreet=False)[1], trip.id


def test_feed_headers(client, trip_feed):
    response = client.get(f"/feeds/{trip_feed[0]}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("inline")
    etag = response.headers["ETag"]
    assert not etag.startswith("W/")  # strong
    assert etag == f'"{hashlib.sha256(response.data).hexdigest()[:32]}"'
    assert response.headers["Last-Modified"] == http_date(NOW)
    assert "Location" not in response.headers


def test_feed_refresh_interval_and_ttl_agree(client, trip_feed):
    body = client.get(f"/feeds/{trip_feed[0]}.ics").data.decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert "\r\nX-PUBLISHED-TTL:PT1H\r\n" in body
    assert "METHOD:PUBLISH" in body


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"If-None-Match": "{etag}"}, 304),
        ({"If-None-Match": '"other", {etag}'}, 304),
        ({"If-None-Match": '"other"'}, 200),
        ({"If-Modified-Since": "{last_modified}"}, 304),
        ({"If-Modified-Since": "{later}"}, 304),
        ({"If-Modified-Since": "{earlier}"}, 200),
        # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
        ({"If-None-Match": '"other"', "If-Modified-Since": "{last_modified}"}, 200),
        ({"If-Modified-Since": "not a date"}, 200),
    ],
)
def test_conditional_requests(client, trip_feed, headers, status):
    first = client.get(f"/feeds/{trip_feed[0]}.ics")
    values = {
        "etag": first.headers["ETag"],
        "last_modified": first.headers["Last-Modified"],
        "later": http_date(NOW + timedelta(hours=1)),
        "earlier": http_date(NOW - timedelta(seconds=1)),
    }
    response = client.get(f"/feeds/{trip_feed[0]}.ics", headers={k: v.format(**values) for k, v in headers.items()})
    assert response.status_code == status
    if status == 304:
        assert response.data == b""
        assert response.headers["ETag"] == first.headers["ETag"]
    else:
        assert response.data == first.data


def test_head_has_the_headers_and_no_body(client, trip_feed):
    get = client.get(f"/feeds/{trip_feed[0]}.ics")
    head = client.head(f"/feeds/{trip_feed[0]}.ics")
    assert head.status_code == 200 and head.data == b""
    for name in ("Content-Type", "ETag", "Last-Modified", "Content-Disposition"):
        assert head.headers[name] == get.headers[name]


@pytest.mark.parametrize("token", ["x" * 43, "short", "-" * 43])
def test_unknown_tokens_are_a_plain_404_never_a_login_page(client, token):
    response = client.get(f"/feeds/{token}.ics")
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert "Location" not in response.headers


def test_a_revoked_feed_is_a_plain_404(app, client):
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user))
        feed, token = create_trip_feed(user.id, trip.id, discreet=False)
        feed_id, trip_id = feed.id, trip.id
        log_in(http, user, browser)
    assert client.get(f"/feeds/{token}.ics").status_code == 200
    revoked = http.post(f"/feeds/{feed_id}/revoke", data={"confirm": "yes"})
    assert revoked.status_code == 302 and revoked.location.endswith(f"/trips/{trip_id}/sharing")
    response = client.get(f"/feeds/{token}.ics")
    assert response.status_code == 404 and response.mimetype == "text/plain"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_feed_token_changes_nothing(client, trip_feed, method):
    response = client.open(f"/feeds/{trip_feed[0]}.ics", method=method)
    assert response.status_code == 405


def test_the_token_is_stored_hashed(app, trip_feed):
    with app.app_context():
        stored = db.session.scalar(db.select(FeedToken.token_hash))
    assert stored == hashlib.sha256(trip_feed[0].encode()).hexdigest()


def test_creating_a_feed_offers_webcal_and_google(app):
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        trip_id = create_trip(user, create_client(user)).id
        log_in(http, user, browser)
    made = http.post(f"/trips/{trip_id}/feeds", data={"discreet": "y"})
    assert made.status_code == 303
    page = http.get(made.location)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    https, token = FEED_URL.search(page.text).groups()
    webcal = "webcal://" + https.split("://", 1)[1]
    assert f'href="{webcal}"' in page.text
    google = re.search(r'href="(https://calendar\.google\.com/calendar/r\?cid=([^"]+))"', page.text)
    assert unquote(google.group(2)) == webcal
    assert "%3A%2F%2F" in google.group(2)  # the address is URL-encoded, not pasted raw
    assert app.test_client().get(f"/feeds/{token}.ics").status_code == 200
    assert token not in http.get(f"/trips/{trip_id}/sharing").text  # shown once
    assert token not in http.get(made.location).text  # a reload of its page does not show it again


def test_the_facilitator_feed_is_discreet_by_default_and_labels_clients(app, client):
    with app.app_context():
        user, _ = create_facilitator()
        create_trip(user, create_client(user, "Ana Silva"))
        create_trip(
            user, create_client(user, "Bora Kim"), dict(KNEE, arrival="2027-04-05T16:00", departure="2027-04-20T11:00")
        )
        token = create_owner_feed(user.agency_id, created_by=user.id)[1]
    body = client.get(f"/feeds/{token}.ics").data.decode()
    unfolded = body.replace("\r\n ", "")
    assert "SUMMARY:Ana S.: Appointment — " in unfolded
    assert "SUMMARY:Bora K.: Appointment — " in unfolded
    for word in ("harvest", "Harvest", "knee", "Knee", "injection", "Injection", "stem", "svf"):
        assert word not in unfolded.split("BEGIN:VEVENT", 1)[1]


def test_the_facilitator_feed_leaves_out_trips_long_past(app, client):
    with app.app_context():
        user, _ = create_facilitator()
        recent = create_trip(user, create_client(user, "Ana Silva"))
        old = create_trip(
            user, create_client(user, "Bora Kim"), dict(KNEE, arrival="2020-03-01T16:00", departure="2020-03-20T11:00")
        )
        token = create_owner_feed(user.agency_id, discreet=False, created_by=user.id)[1]
        recent_uuid, old_uuid = recent.uuid, old.uuid
    body = client.get(f"/feeds/{token}.ics").data.replace(b"\r\n ", b"")
    assert f"trip-{recent_uuid}".encode() in body
    assert f"trip-{old_uuid}".encode() not in body


def test_a_client_rename_changes_the_facilitator_feed(app, client):
    with app.app_context():
        user, _ = create_facilitator()
        patient = create_client(user, "Ana Silva")
        create_trip(user, patient)
        token = create_owner_feed(user.agency_id, created_by=user.id)[1]
        patient_id = patient.id
    first = client.get(f"/feeds/{token}.ics")
    with app.app_context():
        from planner.models import Client

        db.session.get(Client, patient_id).name = "Ana Costa"
        db.session.commit()
    second = client.get(f"/feeds/{token}.ics", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    assert b"Ana C.: " in second.data


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("GET /feeds/" + "a" * 43 + ".ics HTTP/1.1", "GET /feeds/….ics HTTP/1.1"),
        ("GET /shared/" + "b-_" * 14 + "c/trip.ics HTTP/1.1", "GET /shared/…/trip.ics HTTP/1.1"),
        ("GET /treatments/stem-cell-knee-svf HTTP/1.1", "GET /treatments/stem-cell-knee-svf HTTP/1.1"),
        ("GET /reset?token=" + "Z" * 43, "GET /reset?token=…"),
    ],
)
def test_redact_tokens(line, expected):
    assert redact_tokens(line) == expected


def test_the_development_server_log_has_no_token(app, trip_feed, caplog):
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        with urlopen(f"http://127.0.0.1:{server.server_port}/feeds/{trip_feed[0]}.ics") as response:
            assert response.status == 200
        thread.join(timeout=10)
    server.server_close()
    assert "/feeds/….ics" in caplog.text
    assert trip_feed[0] not in caplog.text


def test_the_gunicorn_access_log_has_no_token(trip_feed):
    from gunicorn.config import Config

    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", settings["access_log_format"])
    logger = settings["logger_class"](config)
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    logger.access_log.addHandler(Keep())
    path = f"/feeds/{trip_feed[0]}.ics"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://example.org{path}",
        "QUERY_STRING": "",
    }

    class Sent:
        status, sent, headers = "200 OK", 1234, [("Content-Type", "text/calendar")]

    class Asked:
        headers = [("USER-AGENT", "Google-Calendar-Importer"), ("REFERER", f"https://example.org{path}")]

    logger.access(Sent(), Asked(), environ, timedelta(milliseconds=3))
    assert lines and all(trip_feed[0] not in line for line in lines)
    assert '"GET /feeds/….ics HTTP/1.1" 200' in lines[0]


def count_queries(app, http, path: str, headers: dict) -> tuple[int, int, list[str]]:
    """(status, number of SQL queries, the queries) of one request."""
    from sqlalchemy import event

    seen: list[str] = []

    def keep(conn, cursor, statement, *args):
        # SQLite's BEGIN IMMEDIATE (database.py) opens every transaction; only real queries count
        if not statement.startswith("BEGIN"):
            seen.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", keep)
        try:
            status = http.get(path, headers=headers).status_code
        finally:
            event.remove(db.engine, "before_cursor_execute", keep)
    return status, len(seen), seen


@pytest.mark.parametrize("trips", [1, 6])
def test_a_revalidation_costs_a_constant_number_of_queries(app, client, trips):
    with app.app_context():
        user, _ = create_facilitator()
        made = [create_trip(user, create_client(user, f"Client {n}")) for n in range(trips)]
        trip_token = create_trip_feed(user.id, made[0].id, discreet=True)[1]
        owner_token = create_owner_feed(user.agency_id, created_by=user.id)[1]
    for token, limit in ((trip_token, 1), (owner_token, 3)):
        etag = client.get(f"/feeds/{token}.ics").headers["ETag"]
        status, queries, seen = count_queries(app, client, f"/feeds/{token}.ics", {"If-None-Match": etag})
        assert status == 304
        assert queries <= limit, f"{queries} queries for a 304 with {trips} trips: {seen}"
