"""Helpers for the protocol and clinic editor tests: form posts built from catalog documents."""

from __future__ import annotations

from decimal import Decimal

from planner.forms.custom_clinic import clinic_form_data
from planner.forms.custom_data import protocol_form_data


def flatten(data, prefix: str = "") -> dict[str, str]:
    """Form data (nested dicts and lists) as the flat fields a browser posts (booleans: present or absent)."""
    flat: dict[str, str] = {}
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        name = f"{prefix}{key}"
        if isinstance(value, (dict, list)):
            flat.update(flatten(value, f"{name}-"))
        elif value is True:
            flat[name] = "y"
        elif value is False or value is None:
            continue
        else:
            flat[name] = str(value) if isinstance(value, (int, Decimal)) else value
    return flat


def protocol_post(document: dict, **changes: str) -> dict[str, str]:
    """The editor's post for a catalog-shaped protocol, with some fields changed (by form name)."""
    data = protocol_form_data(document)
    for step in data["steps"]:
        step["prices"] = {name: price for name, price in step["prices"].items() if price}
    return {**flatten(data), **changes}


def clinic_post(document: dict, **changes: str) -> dict[str, str]:
    """The editor's post for a catalog-shaped clinic, with some fields changed (by form name)."""
    data = clinic_form_data(document)
    categories = data.pop("categories")
    return {**flatten(data), "categories": categories, **changes}
