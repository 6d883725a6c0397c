"""An owner's invitation with a mail server: emailed (in the owner's language) with a one-time link that
works once; the record keeps the address and subject, never the link; the page shows no link then."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import MailRecord, User
from tests.mail.conftest import PASSWORD as SMTP_PASSWORD
from tests.mail.conftest import USER
from tests.web import workspace_factories as factories

JOIN = re.compile(r"https?://[^\s]+/join/([A-Za-z0-9_-]{43})")


@pytest.fixture
def app_config(mail_config, smtp_server) -> dict:
    port, _ = smtp_server
    return {**mail_config, "PLANNER_SMTP_URL": f"smtp://{USER}:{SMTP_PASSWORD}@127.0.0.1:{port}?timeout=5"}


def test_an_invitation_is_emailed_with_a_link_that_works_once(app, smtp_server, caplog):
    _, inbox = smtp_server
    owner = app.test_client()
    with app.app_context():
        user, browser = factories.create_facilitator("owner@example.com")
        user.language = "ko"
        db.session.commit()
        factories.log_in(owner, user, browser)
        agency = user.agency_id
    answer = owner.post("/agency/invitations", data={"email": "jun@example.com", "role": "coordinator"})
    assert answer.status_code == 302
    assert "/join/" not in owner.get(answer.location).text  # mailed: the owner's page shows no link
    [(_, recipients, message)] = inbox.messages
    assert recipients == ["jun@example.com"]
    assert "초대" in message["Subject"]  # the owner's language
    token = JOIN.search(message.get_body(("plain",)).get_content()).group(1)
    with app.app_context():
        record = db.session.scalar(select(MailRecord))
        assert record.kind == "invitation" and record.status == "sent" and token not in record.subject
    assert token not in caplog.text
    joined = app.test_client().post(
        f"/join/{token}", data={"display_name": "Jun", "password": factories.PASSWORD, "confirm": factories.PASSWORD}
    )
    assert joined.status_code == 302
    assert app.test_client().get(f"/join/{token}").status_code == 404
    with app.app_context():
        jun = db.session.scalar(select(User).where(User.email == "jun@example.com"))
        assert (jun.role, jun.agency_id) == ("coordinator", agency)
