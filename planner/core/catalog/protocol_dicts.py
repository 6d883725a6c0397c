"""Protocols back to TOML-shaped dicts: ``parse_protocol`` reads each one back to an equal protocol."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.core.catalog.reader import hhmm
from planner.core.model import After, Count, PriceRange, Protocol, Step


def protocol_to_dict(protocol: Protocol) -> dict[str, Any]:
    """The TOML-shaped dict of a protocol (parse_protocol reads it back to an equal protocol)."""
    data: dict[str, Any] = {
        "id": protocol.id,
        "name": protocol.name,
        "category": protocol.category,
        "summary": protocol.summary,
        "steps": [_step_dict(s) for s in protocol.steps],
        "cautions": list(protocol.cautions),
        "insurance_note": protocol.insurance_note,
        "nhi_covered": protocol.nhi_covered,
        "sources": list(protocol.sources),
    }
    if protocol.count is not None:
        data["count"] = _count_dict(protocol.count)
    if protocol.visit_gap is not None:
        gap = protocol.visit_gap
        data["visit_gap"] = {
            "min_days": gap.min_days,
            "typical_days": gap.typical_days,
            "max_days": gap.max_days,
            "source": gap.source,
        }
    if protocol.typical_stay is not None:
        data["typical_stay"] = list(protocol.typical_stay)
    if protocol.min_stay is not None:
        data["min_stay"] = {"days": list(protocol.min_stay.days), "source": protocol.min_stay.source}
    return data


def _count_dict(count: Count) -> dict[str, int]:
    return {"min": count.min, "max": count.max, "default": count.default}


def _step_dict(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": step.id,
        "kind": step.kind.value,
        "title": step.title,
        "minutes": step.minutes,
        "count": _count_dict(step.count),
        "counted": step.counted,
        "min_gap_days": step.min_gap_days,
        "after": [_after_dict(a) for a in step.after],
        "needs_clinic_open": step.needs_clinic_open,
        "invasive": step.invasive,
        "rest_days": step.rest_days,
        "fly_after_days": step.fly_after_days,
        "visit": step.visit,
        "prices": {tier: price_dict(p) for tier, p in step.prices.items()},
        "preparation": [{"text": p.text, "hours_before": p.hours_before, "source": p.source} for p in step.preparation],
        "description": step.description,
        "source": step.source,
    }
    if step.per_week_max is not None:
        data["per_week_max"] = step.per_week_max
    if step.latest_start is not None:
        data["latest_start"] = hhmm(step.latest_start)
    if step.low_risk:
        data["low_risk"] = True
    if step.in_person_if_present:
        data["in_person_if_present"] = True
    if step.in_person_title:
        data["in_person_title"] = step.in_person_title
    return data


def _after_dict(after: After) -> dict[str, Any]:
    data: dict[str, Any] = {"step": after.step, "min_days": after.min_days, "anchor": after.anchor}
    if after.max_days is not None:
        data["max_days"] = after.max_days
    return data


def price_dict(price: PriceRange) -> dict[str, Decimal | str]:
    """The TOML-shaped dict of a price range."""
    return {
        "low": price.low,
        "typical": price.typical,
        "high": price.high,
        "currency": price.currency,
        "source": price.source,
    }
