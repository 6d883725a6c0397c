"""The facilitator's dashboard."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.i18n.web import current_words
from planner.security import no_store
from planner.services.workspace.dashboard import dashboard

blueprint = Blueprint("dashboard", __name__)


@blueprint.get("/dashboard")
@login_required
@no_store
def index():
    """The next 14 days of appointments, trips with problems, trips awaiting clinic confirmation."""
    return render_template("dashboard/index.html", board=dashboard(current_user.id, utcnow(), current_words()))
