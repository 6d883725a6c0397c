"""A catalog-shaped protocol as the data that fills the protocol editor (the inverse of its ``document``)."""

from __future__ import annotations

from decimal import Decimal

from planner.forms.custom import PRICE_TIERS, STEP_KEYS


def protocol_form_data(document: dict) -> dict:
    """The form's data for a catalog-shaped protocol (the inverse of ``ProtocolForm.document``)."""
    data = {key: document.get(key, "") for key in ("id", "name", "category", "summary")}
    data.update(_count_data(document.get("count")))
    data["sources"] = "\n".join(document.get("sources", []))
    data["steps"] = [_step_data(step) for step in document.get("steps", [])]
    return data


def _count_data(count: dict | None) -> dict:
    count = count or {}
    return {f"count_{key}": count.get(key) for key in ("min", "max", "default")}


def _step_data(step: dict) -> dict:
    data = {key: step.get(key) for key in STEP_KEYS}
    data["kind"] = step.get("kind")
    data.update(_count_data(step.get("count")))
    data["after"] = "\n".join(_after_line(rule) for rule in step.get("after", []))
    prices = step.get("prices", {})
    data["prices"] = {name: _price_data(prices.get(tier)) for name, tier in PRICE_TIERS}
    data["preparation"] = [dict(note) for note in step.get("preparation", [])] or [{}]
    return data


def _price_data(price: dict | None) -> dict:
    if price is None:
        return {}
    return {key: Decimal(str(price[key])) if key in ("low", "typical", "high") else price[key] for key in price}


def _after_line(rule: dict) -> str:
    days = str(rule.get("min_days", 0))
    if rule.get("max_days") is not None:
        days += f"..{rule['max_days']}"
    anchor = f" {rule['anchor']}" if rule.get("anchor", "last") != "last" else ""
    return f"{rule['step']} {days}{anchor}"
