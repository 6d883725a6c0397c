"""Thin blueprints: validate, call one service, render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint of the planner to the app."""
    from planner.views import api, gate
    from planner.views.accounts import blueprint as accounts
    from planner.views.agency import blueprint as agency
    from planner.views.api_tokens import blueprint as api_tokens
    from planner.views.catalog import blueprint as catalog
    from planner.views.checklist import blueprint as checklist
    from planner.views.clients import blueprint as clients
    from planner.views.confirmations import blueprint as confirmations
    from planner.views.custom import blueprint as custom
    from planner.views.dashboard import blueprint as dashboard
    from planner.views.facilitator_trips import blueprint as facilitator_trips
    from planner.views.feeds import blueprint as feeds
    from planner.views.health import blueprint as health
    from planner.views.plan_api import blueprint as plan_api
    from planner.views.planner import blueprint as planner
    from planner.views.privacy import blueprint as privacy
    from planner.views.quotes import blueprint as quotes
    from planner.views.reminders import blueprint as reminders
    from planner.views.share import blueprint as share
    from planner.views.trip_messages import blueprint as trip_messages

    gate.init_app(app)
    app.register_blueprint(agency)
    app.register_blueprint(catalog)
    app.register_blueprint(accounts)
    app.register_blueprint(api_tokens)
    app.register_blueprint(checklist)
    app.register_blueprint(clients)
    app.register_blueprint(confirmations)
    app.register_blueprint(custom)
    app.register_blueprint(dashboard)
    app.register_blueprint(facilitator_trips)
    app.register_blueprint(feeds)
    app.register_blueprint(health)
    app.register_blueprint(privacy)
    app.register_blueprint(quotes)
    app.register_blueprint(planner)
    app.register_blueprint(plan_api)
    app.register_blueprint(share)
    app.register_blueprint(trip_messages)
    app.register_blueprint(reminders)
    api.init_app(app)
