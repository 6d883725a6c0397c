"""Thin blueprints: validate, call one service, render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint of the planner to the app."""
    from planner.views.catalog import blueprint as catalog

    app.register_blueprint(catalog)
