"""Bodies of the sharing routes (client links, calendar feeds) and of the catalog routes."""

from __future__ import annotations

import marshmallow as ma


class LinkIn(ma.Schema):
    """A new read-only link for the client: costs hidden or not, an end date or none."""

    hide_costs = ma.fields.Boolean(load_default=False)
    expires_at = ma.fields.AwareDateTime(load_default=None, allow_none=True)


class LinkOut(ma.Schema):
    """A client link; its address is in ``url`` only in the answer that made it."""

    id = ma.fields.Integer(required=True)
    hide_costs = ma.fields.Boolean(required=True)
    expires_at = ma.fields.DateTime(required=True, allow_none=True)
    revoked_at = ma.fields.DateTime(required=True, allow_none=True)
    created_at = ma.fields.DateTime(required=True)


class NewLinkOut(LinkOut):
    """A new client link with its address (shown this once)."""

    url = ma.fields.String(required=True)


class FeedIn(ma.Schema):
    """A new calendar feed of the trip."""

    # as on the pages: a feed is read by calendar companies' servers, so treatments stay out unless asked
    discreet = ma.fields.Boolean(
        load_default=True, metadata={"description": "titles without treatments (the default, as on the pages)"}
    )


class FeedOut(ma.Schema):
    """A calendar feed; its addresses are in the answer that made it only."""

    id = ma.fields.Integer(required=True)
    discreet = ma.fields.Boolean(required=True)
    revoked_at = ma.fields.DateTime(required=True, allow_none=True)
    created_at = ma.fields.DateTime(required=True)


class NewFeedOut(FeedOut):
    """A new feed with its subscription addresses (shown this once)."""

    url = ma.fields.String(required=True, metadata={"description": "https address of the .ics"})
    webcal = ma.fields.String(required=True)
    google = ma.fields.String(required=True, metadata={"description": "Google Calendar's add-by-URL link"})


class LinkList(ma.Schema):
    """A trip's client links, newest first."""

    items = ma.fields.List(ma.fields.Nested(LinkOut), required=True)


class FeedList(ma.Schema):
    """A trip's feeds, newest first."""

    items = ma.fields.List(ma.fields.Nested(FeedOut), required=True)


class StepOut(ma.Schema):
    """One step of a protocol."""

    id = ma.fields.String(required=True)
    kind = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    minutes = ma.fields.Integer(required=True)
    occurrences = ma.fields.Integer(required=True, metadata={"description": "at the protocol's default count"})
    description = ma.fields.String(required=True)


class ProtocolOut(ma.Schema):
    """A treatment protocol of the catalog."""

    id = ma.fields.String(required=True)
    name = ma.fields.String(required=True)
    category = ma.fields.String(required=True)
    summary = ma.fields.String(required=True)
    tiers = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "clinic tiers offering it"})


class ProtocolDetail(ProtocolOut):
    """A protocol with its steps."""

    steps = ma.fields.List(ma.fields.Nested(StepOut), required=True)


class ProtocolList(ma.Schema):
    """Every protocol of the catalog, by id."""

    items = ma.fields.List(ma.fields.Nested(ProtocolOut), required=True)


class ClinicOut(ma.Schema):
    """A clinic of the catalog."""

    id = ma.fields.String(required=True)
    name = ma.fields.String(required=True)
    city = ma.fields.String(required=True)
    address = ma.fields.String(required=True)
    timezone = ma.fields.String(required=True)
    tier = ma.fields.String(required=True)
    languages = ma.fields.List(ma.fields.String(), required=True)
    categories = ma.fields.List(ma.fields.String(), required=True)


class ClinicList(ma.Schema):
    """Every clinic of the catalog, by id."""

    items = ma.fields.List(ma.fields.Nested(ClinicOut), required=True)
