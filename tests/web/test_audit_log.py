"""The workspace's audit log: who did what and when, never what the data said; each facilitator sees their own."""

from __future__ import annotations

from sqlalchemy import select

from planner.extensions import db
from planner.models import AuditEntry, User
from tests.web.facilitator_helpers import PASSWORD, add_client, login, register

NOTES = "HIV-positive, on PrEP since 2024"


def _log(app, email: str = "fac@example.com") -> list[tuple[str, int | None]]:
    """The account's entries, oldest first, as (action, client id)."""
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
        rows = db.session.scalars(select(AuditEntry).where(AuditEntry.user_id == user_id).order_by(AuditEntry.id))
        return [(row.action, row.client_id) for row in rows]


def test_log_ins_and_failed_log_ins_are_logged(app, client):
    register(client)
    client.post("/logout")
    login(client, "fac@example.com", "not the password at all")
    login(client, "nobody@example.com", "not the password at all")  # no account: nothing to log it in
    login(client)
    assert _log(app) == [("log_in", None), ("log_in_failed", None), ("log_in", None)]
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(AuditEntry)) == 3


def test_password_changes_and_resets_are_logged(app, client, runner):
    register(client)
    new = "a brand new passphrase"
    client.post("/account/password", data={"current_password": PASSWORD, "password": new, "confirm": new})
    link = runner.invoke(args=["reset-password", "fac@example.com"]).output.strip().split()[-1]
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post(f"/{path}", data={"password": PASSWORD + "!", "confirm": PASSWORD + "!"})
    assert _log(app) == [("log_in", None), ("password_changed", None), ("password_reset", None)]


def test_every_view_of_notes_an_export_and_an_erasure_are_logged_without_content(app, client):
    register(client)
    ana = add_client(client, "Ana Silva", notes=NOTES)
    bora = add_client(client, "Bora Kim")  # no notes: opening her page shows none
    client.get(f"/clients/{ana}")
    client.get(f"/clients/{ana}/edit")
    client.get(f"/clients/{bora}")
    client.get(f"/clients/{ana}/export.json")
    client.post(f"/clients/{ana}/erase", data={"confirm_name": "Ana Silva", "password": PASSWORD})
    assert _log(app) == [
        ("log_in", None),
        ("notes_viewed", ana),  # add_client opens the new client's page
        ("notes_viewed", ana),
        ("notes_viewed", ana),
        ("export", ana),
        ("erase", ana),
    ]
    with app.app_context():
        for entry in db.session.scalars(select(AuditEntry)):
            stored = " ".join(str(getattr(entry, column.name)) for column in AuditEntry.__table__.columns)
            assert "Ana" not in stored and "PrEP" not in stored and "example.com" not in stored
    # the erasure's entry outlives the client it names
    assert client.get(f"/clients/{ana}").status_code == 404


def test_a_wrong_password_at_erasure_erases_and_logs_nothing(app, client):
    register(client)
    ana = add_client(client, "Ana Silva")
    client.post(f"/clients/{ana}/erase", data={"confirm_name": "Ana Silva", "password": "not my password"})
    assert ("erase", ana) not in _log(app)


def test_the_account_page_shows_the_facilitators_own_entries_only(app, client):
    register(client)
    ana = add_client(client, "Ana Silva", notes=NOTES)
    client.get(f"/clients/{ana}/export.json")
    page = client.get("/account").text
    assert "Downloaded a client&#39;s data" in page and f"#{ana}" in page and "Logged in" in page
    assert NOTES not in page and "Ana Silva" not in page
    other = app.test_client()
    register(other, "second@example.com")
    login(other, "fac@example.com", "not the password at all")  # a failed try on the first account
    theirs = other.get("/account").text
    assert "Downloaded a client" not in theirs and f"#{ana}" not in theirs and "Failed log-in" not in theirs
    assert "Logged in" in theirs
    assert "Failed log-in (wrong password)" in client.get("/account").text


def test_the_account_page_needs_a_login(client):
    response = client.get("/account")
    assert response.status_code == 302 and response.location.startswith("/login")
