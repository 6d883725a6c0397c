"""A client's data: the JSON export holds everything but tokens; erasure leaves no row in any table."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import JSON, String, Text, select

from planner.extensions import db
from planner.models import Payment, Pin, Quote, QuoteChange, QuoteLine, ReminderSubscription, SentReminder, Trip
from planner.services.reminders.subscriptions import subscribe
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from planner.services.workspace.sharing import create_client_link
from tests.web.workspace_factories import KNEE, PASSWORD, create_client, create_facilitator, create_trip, log_in

NOTES = "Takes warfarin; allergic to latex"
#: where the first trip's reminders go (personal data: exported and erased)
REMINDERS_TO = "ana.reminders@example.com"


@pytest.fixture
def workspace(app):
    """A facilitator with two clients; the first has two trips, a pin, a client link and a feed."""
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user, "Ana Silva", notes=NOTES, contact="ana@example.com")
        bora = create_client(user, "Bora Kim", contact="bora@example.com")
        first = create_trip(user, ana)
        second = create_trip(user, ana, title="Check-up 2027")
        kept = create_trip(user, bora, dict(KNEE, traveller={"name": "Bora Kim", "home_timezone": "Asia/Seoul"}))
        first.pins.append(
            Pin(
                protocol="stem-cell-knee-svf",
                step="consultation",
                occurrence=1,
                start=datetime(2027, 3, 2, 0, 0, tzinfo=UTC),
            )
        )
        quote = Quote(trip_id=first.id, version=1, status="accepted", currency="USD", deposit=Decimal(500))
        quote.lines = [QuoteLine(position=0, code="treatment", label="Ana Silva: knee", amount=Decimal("4000.50"))]
        quote.payments = [
            Payment(
                amount=Decimal(500),
                currency="USD",
                paid_on=date(2026, 11, 16),
                method="transfer",
                reference="Ana Silva",
            )
        ]
        moments = (datetime(2026, 11, 15, 9, 0, tzinfo=UTC), datetime(2026, 11, 16, 9, 0, tzinfo=UTC))
        changes = [
            QuoteChange(trip_id=first.id, version=1, code="client_accepted", status="accepted", at=moments[0]),
            QuoteChange(
                trip_id=first.id, version=1, code="payment_recorded", status="deposit_paid",
                amount=Decimal(500), currency="USD", user_id=user.id, at=moments[1],
            ),
        ]  # fmt: skip
        db.session.add_all([quote, *changes])
        db.session.commit()
        _, link_token = create_client_link(user.id, first.id, hide_costs=True, expires_at=None)
        assert subscribe(link_token, REMINDERS_TO, datetime(2026, 11, 16, tzinfo=UTC))
        subscription = db.session.scalar(select(ReminderSubscription))
        db.session.add(
            SentReminder(
                subscription_id=subscription.id,
                key=f"{first.uuid}/visa_papers/visit-1/2027-03-01",
                code="visa_papers",
                params={"visit": 1},
                due_at=datetime(2027, 2, 1, 9, 0, tzinfo=UTC),
                unsubscribe_hash="0" * 64,
            )
        )
        db.session.commit()
        _, feed_token = create_trip_feed(user.id, second.id, discreet=True)
        _, owner_token = create_owner_feed(user.agency_id, created_by=user.id)
        log_in(http, user, browser)
        return {
            "http": http,
            "ana": ana.id,
            "bora": bora.id,
            "trips": {first.id: first.uuid, second.id: second.uuid},
            "kept": kept.uuid,
            "tokens": (link_token, feed_token),
            "owner_token": owner_token,
        }


def test_export_holds_the_client_trips_pins_and_link_metadata(workspace):
    response = workspace["http"].get(f"/clients/{workspace['ana']}/export.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment")
    document = json.loads(response.data)
    assert document["client"]["name"] == "Ana Silva"
    assert document["client"]["notes"] == NOTES
    assert {trip["uuid"] for trip in document["trips"]} == set(workspace["trips"].values())
    first = next(trip for trip in document["trips"] if trip["uuid"] == workspace["trips"][min(workspace["trips"])])
    assert first["scenario"]["treatments"] == [{"protocol": "stem-cell-knee-svf"}]
    assert first["pins"][0]["start"] == "2027-03-02T00:00:00+00:00"
    assert first["links"][0]["hide_costs"] is True
    [reminders] = first["reminders"]
    assert (reminders["email"], reminders["stopped_at"]) == (REMINDERS_TO, None)
    assert [sent["code"] for sent in reminders["sent"]] == ["visa_papers"]
    second = next(trip for trip in document["trips"] if trip["title"] == "Check-up 2027")
    assert second["feeds"][0]["discreet"] is True
    assert "Bora" not in response.text and workspace["kept"] not in response.text


def test_export_has_no_token_nor_token_hash(app, workspace):
    text = workspace["http"].get(f"/clients/{workspace['ana']}/export.json").text
    for token in workspace["tokens"]:
        assert token not in text
    assert "token" not in text
    with app.app_context():
        from planner.models import FeedToken, ShareLink

        hashes = (
            db.session.scalars(select(ShareLink.token_hash)).all()
            + db.session.scalars(select(FeedToken.token_hash)).all()
        )
    assert hashes and not any(h in text for h in hashes)


def test_erase_needs_the_typed_name(app, workspace):
    http = workspace["http"]
    refused = http.post(f"/clients/{workspace['ana']}/erase", data={"confirm_name": "Bora Kim", "password": PASSWORD})
    assert refused.status_code == 422
    assert 'id="confirm-error"' in refused.text and 'value="Bora Kim"' in refused.text
    with app.app_context():
        assert db.session.scalar(select(Trip.id).where(Trip.client_id == workspace["ana"])) is not None


def test_erase_needs_the_facilitators_password(app, workspace):
    http = workspace["http"]
    for password in ("", "not my password"):
        refused = http.post(
            f"/clients/{workspace['ana']}/erase", data={"confirm_name": "Ana Silva", "password": password}
        )
        assert refused.status_code == 422
        assert 'id="password-error"' in refused.text
        assert 'value="Ana Silva"' in refused.text  # the typed name is kept
    assert "This is not your current password; nothing was erased." in refused.text
    with app.app_context():
        assert db.session.scalar(select(Trip.id).where(Trip.client_id == workspace["ana"])) is not None


def test_erase_leaves_nothing_in_any_table(app, client, workspace):
    http = workspace["http"]
    response = http.post(
        f"/clients/{workspace['ana']}/erase", data={"confirm_name": " ana  silva ", "password": PASSWORD}
    )
    assert response.status_code == 302
    trip_ids = set(workspace["trips"])
    traces = ["Ana Silva", "ana@example.com", REMINDERS_TO, NOTES, *workspace["trips"].values()]
    with app.app_context():
        survivors = 0
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(select(table)).mappings():
                survivors += 1
                for column in table.columns:
                    value = row[column.name]
                    for key in column.foreign_keys:
                        target = key.target_fullname
                        assert not (target == "clients.id" and value == workspace["ana"]), (table.name, column.name)
                        assert not (target == "trips.id" and value in trip_ids), (table.name, column.name)
                    if column.name == "id" and table.name == "clients":
                        assert value != workspace["ana"]
                    if column.name == "id" and table.name == "trips":
                        assert value not in trip_ids
                    if isinstance(column.type, String | Text | JSON) and value is not None:
                        text = json.dumps(value) if isinstance(column.type, JSON) else str(value)
                        for trace in traces:
                            assert trace not in text, (table.name, column.name, trace)
        assert survivors > 0  # the other client, its trip and the facilitator are still there
        assert db.session.scalar(select(Trip.uuid).where(Trip.client_id == workspace["bora"])) == workspace["kept"]
    for token in workspace["tokens"][:1]:
        assert client.get(f"/shared/{token}").status_code == 404
    assert client.get(f"/feeds/{workspace['tokens'][1]}.ics").status_code == 404
    everyone = client.get(f"/feeds/{workspace['owner_token']}.ics")
    assert everyone.status_code == 200
    for uuid in workspace["trips"].values():
        assert uuid.encode() not in everyone.data.replace(b"\r\n ", b"")


@pytest.mark.parametrize("path", ["/clients/{id}/export.json", "/clients/{id}/erase"])
def test_another_facilitator_gets_404(app, workspace, path):
    http = app.test_client()
    with app.app_context():
        other, browser = create_facilitator("second@example.com")
        log_in(http, other, browser)
    assert http.get(path.format(id=workspace["ana"])).status_code == 404
    assert http.post(
        path.format(id=workspace["ana"]), data={"confirm_name": "Ana Silva", "password": PASSWORD}
    ).status_code in (
        404,
        405,
    )


def _tables_holding_client_data() -> set[str]:
    """Walk db.metadata: the clients table and every table with a foreign key into one of them."""
    import planner.models  # noqa: F401  (registers every table)

    found = {"clients"}
    while True:
        more = {
            table.name
            for table in db.metadata.tables.values()
            if table.name not in found and any(key.column.table.name in found for key in table.foreign_keys)
        }
        if not more:
            return found
        found |= more


def _export_keys(document: dict) -> set[str]:
    """The export's keys as EXPORTED_TABLES writes them: top-level, and "trips[].<key>" for each list in a trip."""
    keys = {key for key in document if key not in ("export_version", "exported_at")}
    for trip in document["trips"]:
        keys |= {f"trips[].{key}" for key, value in trip.items() if isinstance(value, list)}
    return keys


def test_bug_export_omits_trip_appointments_every_table_is_exported(app, workspace):
    from planner.services.workspace.privacy import EXPORTED_TABLES

    assert set(EXPORTED_TABLES) == _tables_holding_client_data()
    document = json.loads(workspace["http"].get(f"/clients/{workspace['ana']}/export.json").data)
    assert set(EXPORTED_TABLES.values()) <= _export_keys(document)
    with app.app_context():
        from planner.models import TripAppointment

        stored = db.session.scalars(select(TripAppointment.key).where(TripAppointment.client_id == workspace["ana"]))
        stored = sorted(stored)
    exported = sorted(a["key"] for trip in document["trips"] for a in trip["appointments"])
    assert stored and exported == stored


def test_the_export_holds_each_quote_version_with_its_lines_and_payments(workspace):
    document = json.loads(workspace["http"].get(f"/clients/{workspace['ana']}/export.json").data)
    assert document["export_version"] == 6
    [quote] = [q for trip in document["trips"] for q in trip["quotes"]]
    assert quote["version"] == 1 and quote["status"] == "accepted" and quote["deposit"] == "500.0000"
    assert quote["lines"] == [{"code": "treatment", "label": "Ana Silva: knee", "amount": "4000.5000"}]
    assert quote["payments"][0]["amount"] == "500.0000" and quote["payments"][0]["paid_on"] == "2026-11-16"
    changes = [c for trip in document["trips"] for c in trip["quote_changes"]]
    assert [(c["code"], c["by"], c["amount"]) for c in changes] == [
        ("client_accepted", "client", None),
        ("payment_recorded", "facilitator", "500.0000"),
    ]
    assert changes[1]["at"] == "2026-11-16T09:00:00+00:00" and changes[1]["currency"] == "USD"
