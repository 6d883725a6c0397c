"""The catalog of treatments: every protocol, and one protocol's page."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from planner.services import current_catalog
from planner.services.planning.treatments import summarize
from planner.views.visitor_pages import visitor_page

blueprint = Blueprint("catalog", __name__)


@blueprint.get("/treatments")
def index():
    """Every protocol with its summary, typical stay and price per tier."""
    return visitor_page(_index_page)


def _index_page() -> str:
    catalog = current_catalog()
    summaries = [summarize(catalog, catalog.protocols[pid]) for pid in sorted(catalog.protocols)]
    return render_template("catalog/index.html", summaries=summaries, rates=catalog.rates)


@blueprint.get("/treatments/<protocol_id>")
def treatment(protocol_id: str):
    """One protocol: what it involves step by step, stay, prices and sources."""
    catalog = current_catalog()
    protocol = catalog.protocols.get(protocol_id)
    if protocol is None:
        abort(404)
    return visitor_page(lambda: _protocol_page(protocol), protocol_id)


def _protocol_page(protocol) -> str:
    catalog = current_catalog()
    return render_template("catalog/protocol.html", summary=summarize(catalog, protocol), rates=catalog.rates)
