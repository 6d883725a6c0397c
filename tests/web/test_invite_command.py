"""``flask invite OWNER EMAIL --role ROLE``: with no mail server it prints a one-time link that joins the
owner's agency with the role; refusals are one line naming the argument, exit status 2."""

from __future__ import annotations

from sqlalchemy import select

from planner.extensions import db
from planner.models import User
from tests.web.workspace_factories import PASSWORD, create_facilitator


def test_the_printed_link_joins_the_owners_agency_once(app, runner):
    with app.app_context():
        owner, _ = create_facilitator("owner@example.com")
        agency = owner.agency_id
    result = runner.invoke(args=["invite", "owner@example.com", "Sora@Example.com", "--role", "finance"])
    assert result.exit_code == 0, result.output
    url = result.output.strip()
    assert "/join/" in url and len(result.output.splitlines()) == 1
    path = "/join/" + url.rsplit("/join/", 1)[1]
    http = app.test_client()
    assert http.post(path, data={"password": PASSWORD, "confirm": PASSWORD}).status_code == 302
    assert app.test_client().get(path).status_code == 404
    with app.app_context():
        sora = db.session.scalar(select(User).where(User.email == "sora@example.com"))
        assert (sora.agency_id, sora.role) == (agency, "finance")


def test_refusals_name_the_argument(app, runner):
    with app.app_context():
        create_facilitator("owner@example.com")
    unknown = runner.invoke(args=["invite", "nobody@example.com", "x@example.com"])
    assert unknown.exit_code == 2 and unknown.output.startswith("error: owner_email:")
    taken = runner.invoke(args=["invite", "owner@example.com", "owner@example.com"])
    assert taken.exit_code == 2 and "email: " in taken.output and "already has an account" in taken.output
    role = runner.invoke(args=["invite", "owner@example.com", "x@example.com", "--role", "boss"])
    assert role.exit_code == 2 and "boss" in role.output
