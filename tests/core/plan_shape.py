"""The plan JSON's documented shape (docs/scheduler.md, "Outputs"), checked key by key and type by type."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

#: "moment" is an ISO 8601 datetime with its offset; "moment?" may be null; "amount" a decimal string
PLAN = {
    "feasible": bool,
    "arrival": "moment",
    "departure": "moment?",
    "earliest_departure": "moment?",
    "jetlag_buffer_days": int,
    "visits": [{"number": int, "arrival": "moment", "departure": "moment?", "proposed": bool}],
    "appointments": [
        {
            "key": str,
            "protocol": str,
            "step": str,
            "occurrence": int,
            "kind": str,
            "title": str,
            "start": "moment",
            "end": "moment",
            "clinic": str,
            "clinic_name": str,
            "in_person": bool,
            "invasive": bool,
            "visit": int,
            "pinned": bool,
            "timezone": str,
            "preparation": [str],
            "moved_by": str,
            "moved_code": str,
            "moved_params": "values",
            "total": int,
        }
    ],
    "days": [
        {
            "date": "date",
            "kind": str,
            "appointments": [str],
            "note": str,
            "visit": int,
            "note_code": str,
            "note_params": "values",
        }
    ],
    "budget": {
        "currency": str,
        "rates_date": "date",
        "low": "amount",
        "typical": "amount",
        "high": "amount",
        "lines": [
            {
                "code": str,
                "label": str,
                "quantity": "amount",
                "unit": str,
                "low": "amount",
                "typical": "amount",
                "high": "amount",
                "currency": str,
                "note": str,
                "to_confirm": bool,
                "source": str,
                "original": "original",
            }
        ],
        "converted": bool,
        "notes": [str],
    },
    "problems": [
        {"code": str, "message": str, "text": str, "params": "values", "fix": "fix", "protocol": str, "step": str}
    ],
    "warnings": [
        {"code": str, "message": str, "text": str, "params": "values", "fix": "fix", "protocol": str, "step": str}
    ],
    "cautions": [{"protocol": str, "name": str, "cautions": [str], "insurance_note": str}],
}
#: keys another part of the engine may add (issue 8: the occurrences a partial plan could not place)
OPTIONAL = frozenset({"unscheduled"})


def check_plan_shape(document: dict) -> None:
    """Every documented key with a value of its type, and no key the documentation does not name."""
    _check(document, PLAN, "plan", optional=OPTIONAL)
    keys = {a["key"] for a in document["appointments"]}
    assert len(keys) == len(document["appointments"]), "appointment keys repeat"
    for day in document["days"]:
        assert set(day["appointments"]) <= keys, f"{day['date']} names an unknown appointment"


def _check(value, shape, path: str, optional: frozenset[str] = frozenset()) -> None:
    if isinstance(shape, dict):
        assert isinstance(value, dict), f"{path}: {value!r} is not an object"
        missing, extra = set(shape) - set(value), set(value) - set(shape) - optional
        assert not missing and not extra, f"{path}: missing {sorted(missing)}, unexpected {sorted(extra)}"
        for key, inner in shape.items():
            _check(value[key], inner, f"{path}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), f"{path}: {value!r} is not a list"
        for index, item in enumerate(value):
            _check(item, shape[0], f"{path}[{index}]")
    elif shape in ("moment", "moment?"):
        if value is None and shape == "moment?":
            return
        assert isinstance(value, str) and datetime.fromisoformat(value).utcoffset() is not None, f"{path}: {value!r}"
    elif shape == "date":
        date.fromisoformat(value)
    elif shape == "values":
        # a sentence's values (planner.wording words them): JSON as they are
        assert isinstance(value, dict) and json.loads(json.dumps(value)) == value, f"{path}: {value!r}"
    elif shape == "amount":
        assert isinstance(value, str) and Decimal(value).is_finite(), f"{path}: {value!r} is not a decimal string"
    elif shape == "original":
        if value is not None:
            _check(value, {"low": "amount", "typical": "amount", "high": "amount", "currency": str}, path)
    elif shape == "fix":
        assert isinstance(value, dict) and all(isinstance(v, str) for v in value.values()), f"{path}: {value!r}"
    else:
        assert type(value) is shape, f"{path}: {value!r} is not {shape.__name__}"
