"""Helpers for the protocol and clinic editor tests: form posts built from catalog documents."""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

from planner.forms.custom_clinic import clinic_form_data
from planner.forms.custom_data import protocol_form_data
from planner.services.planning.custom_catalog import blank_clinic


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


def new_clinic(**changes) -> dict:
    """A new clinic's document as the editor starts it, with a name, id and address."""
    return {**blank_clinic(), "id": "my-clinic", "name": "Hana Clinic", "address": "5 Teheran-ro, Seoul", **changes}


def error_next_to(html: str, field_id: str) -> str:
    """The error paragraph rendered for a field (empty if none)."""
    marker = f'<p class="error" id="{field_id}-error">'
    if marker not in html:
        return ""
    return unescape(html.split(marker, 1)[1].split("</p>", 1)[0])


def typed_value(html: str, name: str) -> str:
    """The value an input or textarea named ``name`` shows."""
    tag = re.search(rf'<(input|textarea)[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert tag, name
    if tag.group(1) == "textarea":
        return unescape(html[tag.end() :].split("</textarea>", 1)[0]).strip("\r\n")
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else ""
