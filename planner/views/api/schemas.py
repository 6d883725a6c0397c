"""The API's request and response bodies (marshmallow): the spec is generated from these.

The input rules are the forms' rules (planner/forms/clients.py): the same bounds, zones and
languages, and no control character in any text.
"""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from planner.core.model import has_control, is_known_zone
from planner.i18n import LOCALES, normalize
from planner.models.client import NOTES_MAX
from planner.models.trip import TRIP_STATUSES
from planner.services.documents.nationalities import nationality_codes


def _no_control(multiline: bool = False):
    def check(value: str) -> None:
        if has_control(value, multiline=multiline):
            raise ma.ValidationError("must not contain control characters (such as a NUL byte)")

    return check


def _zone(value: str) -> None:
    if not is_known_zone(value) or ("/" not in value and value != "UTC"):
        raise ma.ValidationError(f"unknown time zone {value[:64]!r}: use a name such as Europe/Lisbon")


def _text(max_length: int, *, required: bool = False, multiline: bool = False, **kwargs) -> ma.fields.String:
    checks = [validate.Length(min=1 if required else 0, max=max_length), _no_control(multiline)]
    return ma.fields.String(required=required, validate=checks, **kwargs)


class _Locale(ma.fields.String):
    """One of the six languages (LOCALES); a tag naming one ("zh-CN", "ko-KR") is read as it."""

    def __init__(self, **kwargs):
        super().__init__(validate=validate.OneOf(LOCALES), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        return normalize(text) or text


class _Nationality(ma.fields.String):
    """An ISO 3166-1 alpha-2 code ("PT", read in any case), or null when not known."""

    def __init__(self, **kwargs):
        super().__init__(allow_none=True, metadata={"description": "ISO 3166-1 alpha-2, or null"}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).strip().upper()
        if code not in nationality_codes():
            raise ma.ValidationError(f"unknown nationality {code[:8]!r}: use an ISO 3166-1 alpha-2 code such as PT")
        return code


class PageArgs(ma.Schema):
    """Paging: at most ``limit`` items after ``cursor`` (the ``next`` of the page before)."""

    limit = ma.fields.Integer(load_default=50, validate=validate.Range(min=1, max=100))
    cursor = ma.fields.String(
        validate=validate.Regexp(r"^[0-9]{1,10}$", error="not a cursor this API gave"),
        metadata={"description": "the `next` value of the previous page (opaque)"},
    )


class ClientSearchArgs(PageArgs):
    """The client list: paging, and a search in names and contacts."""

    q = _text(200, metadata={"description": "words in the client's name or contact"})


class _ClientRules(ma.Schema):
    """What the client form does besides its bounds: a name that is not blank, texts trimmed."""

    @ma.validates("name")
    def _named(self, value: str, **_kwargs) -> None:
        if not value.strip():
            raise ma.ValidationError("must not be empty")

    @ma.post_load
    def _trimmed(self, data: dict, **_kwargs) -> dict:
        trimmed = ("name", "contact")
        return {key: value.strip() if key in trimmed else value for key, value in data.items()}


class ClientIn(_ClientRules):
    """A new client; the same fields and bounds as the client form."""

    name = _text(200, required=True)
    contact = _text(200, load_default="")
    home_timezone = ma.fields.String(load_default="UTC", validate=[validate.Length(max=64), _zone])
    language = _Locale(load_default="en")
    nationality = _Nationality(load_default=None)
    notes = _text(NOTES_MAX, multiline=True, load_default="", metadata={"description": "health notes (private)"})


class ClientPatch(_ClientRules):
    """Changes to a client: only the fields sent change."""

    name = _text(200)
    contact = _text(200)
    home_timezone = ma.fields.String(validate=[validate.Length(max=64), _zone])
    language = _Locale()
    nationality = _Nationality()
    notes = _text(NOTES_MAX, multiline=True)


class ClientSummary(ma.Schema):
    """A client in a list: everything but the health notes."""

    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    contact = ma.fields.String(required=True)
    home_timezone = ma.fields.String(required=True)
    language = ma.fields.String(required=True)
    nationality = ma.fields.String(required=True, allow_none=True)
    created_at = ma.fields.DateTime(required=True)
    updated_at = ma.fields.DateTime(required=True)


class ClientOut(ClientSummary):
    """One client, with their health notes (each read of notes goes in the audit log)."""

    notes = ma.fields.String(required=True)


class ClientPage(ma.Schema):
    """A page of clients (without their notes: read one client for them)."""

    items = ma.fields.List(ma.fields.Nested(ClientSummary), required=True)
    next = ma.fields.String(required=True, allow_none=True, metadata={"description": "the next page's cursor"})


#: the scenario of ``flask plan`` (checked by the engine, which names the field it refuses)
SCENARIO = {
    "type": "object",
    "description": "a trip request, as `flask plan SCENARIO.json` reads it (see the README)",
    "required": ["arrival", "treatments"],
    "properties": {
        "traveller": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "home_timezone": {"type": "string"}},
        },
        "arrival": {"type": "string", "examples": ["2027-02-28T16:00"]},
        "departure": {"type": "string", "examples": ["2027-03-21T11:00"]},
        "treatments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["protocol"],
                "properties": {
                    "protocol": {"type": "string", "examples": ["acupuncture-chronic-pain"]},
                    "count": {"type": "integer"},
                    "clinic": {"type": "string"},
                    "clinic_tier": {"type": "string"},
                },
            },
        },
        "lodging": {"type": "string", "enum": ["budget", "mid", "upscale", "none"]},
        "currency": {"type": "string", "examples": ["EUR"]},
    },
}
#: the plan JSON of ``flask plan --format json``
PLAN = {
    "type": "object",
    "description": "the plan, exactly as `flask plan --format json` prints it",
    "required": ["feasible"],
    "properties": {"feasible": {"type": "boolean"}},
}


class TripIn(ma.Schema):
    """A new trip for a client: a title and the scenario to plan."""

    title = _text(200, load_default="")
    scenario = ma.fields.Dict(required=True, metadata=SCENARIO)
    discreet = ma.fields.Boolean(load_default=False, metadata={"description": "calendar titles without treatments"})


class TripPatch(ma.Schema):
    """Changes to a trip: its title, its scenario (re-planned) or its discreet titles."""

    title = _text(200)
    scenario = ma.fields.Dict(metadata=SCENARIO)
    discreet = ma.fields.Boolean()


class StatusIn(ma.Schema):
    """The status to move a trip to, along the workflow (docs/api.md lists the moves)."""

    status = ma.fields.String(required=True, validate=validate.OneOf(TRIP_STATUSES))


class TripOut(ma.Schema):
    """A trip as the lists show it."""

    id = ma.fields.Integer(required=True)
    client_id = ma.fields.Integer(required=True, allow_none=True)
    title = ma.fields.String(required=True)
    status = ma.fields.String(required=True, validate=validate.OneOf(TRIP_STATUSES))
    discreet = ma.fields.Boolean(required=True)
    scenario = ma.fields.Dict(required=True)
    problems = ma.fields.List(ma.fields.Raw(), required=True)
    created_at = ma.fields.DateTime(required=True)
    updated_at = ma.fields.DateTime(required=True)


class PinOut(ma.Schema):
    """An appointment fixed at the time the clinic confirmed."""

    id = ma.fields.Integer(required=True)
    protocol = ma.fields.String(required=True)
    step = ma.fields.String(required=True)
    occurrence = ma.fields.Integer(required=True)
    start = ma.fields.DateTime(required=True)


class TripDetail(TripOut):
    """A trip with its plan (null, with the reason, when it no longer fits the catalog) and its pins."""

    plan = ma.fields.Dict(required=True, allow_none=True, metadata=PLAN)
    plan_error = ma.fields.String(required=True, allow_none=True)
    pins = ma.fields.List(ma.fields.Nested(PinOut), required=True)


class TripPage(ma.Schema):
    """A page of trips."""

    items = ma.fields.List(ma.fields.Nested(TripOut), required=True)
    next = ma.fields.String(required=True, allow_none=True, metadata={"description": "the next page's cursor"})


class PinIn(ma.Schema):
    """Pin one of the plan's appointments (its ``key``) at a confirmed time (with a UTC offset)."""

    key = _text(200, required=True)
    start = ma.fields.AwareDateTime(required=True, metadata={"examples": ["2027-03-02T10:00:00+09:00"]})
