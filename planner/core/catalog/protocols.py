"""Protocols from TOML-shaped dicts and back, rejecting every mistake with its field and reason."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields

from planner.core.catalog.checks import check_steps
from planner.core.catalog.reader import CatalogError, Invalid, Table, clock, currency, slug
from planner.core.model import After, Count, MinStay, Preparation, PriceRange, Protocol, Step, StepKind, VisitGap

#: clinic price tiers; "*" in a step's prices means any tier
TIERS = ("local", "specialized", "university")
_ANCHORS = ("first", "last")


def parse_protocol(data: dict, *, where: str = "", currencies: Collection[str] | None = None) -> Protocol:
    """A Protocol from a TOML-shaped dict; CatalogError names the field and the reason.

    ``where`` is the file (or form) the dict came from; ``currencies``, when given, are the
    only currencies prices may use (the rate table's).
    """
    protocol_id = data.get("id", "") if isinstance(data, dict) and isinstance(data.get("id"), str) else ""
    known = frozenset(currencies) if currencies is not None else None
    try:
        return _protocol(Table(data), known)
    except Invalid as err:
        raise CatalogError(where, protocol_id, err.field, err.reason, code=err.code, params=err.params) from None


def _protocol(table: Table, known: frozenset[str] | None) -> Protocol:
    table.expect(_names(Protocol))
    protocol_id = slug(table.text("id", required=True), "id")
    steps = tuple(_step(Table(raw, f"steps[{i}]"), known) for i, raw in enumerate(table.items("steps", required=True)))
    if not steps:
        raise Invalid("steps", code="no_step")
    count_table = table.table("count")
    protocol = Protocol(
        id=protocol_id,
        name=table.text("name", required=True),
        category=slug(table.text("category", required=True), "category"),
        summary=table.text("summary", required=True),
        steps=steps,
        count=_count(count_table) if count_table else None,
        visit_gap=_visit_gap(table.table("visit_gap")),
        typical_stay=_stay(table),
        min_stay=_min_stay(table.table("min_stay")),
        cautions=table.texts("cautions"),
        insurance_note=table.text("insurance_note", ""),
        nhi_covered=table.flag("nhi_covered", False),
        sources=table.texts("sources"),
    )
    table.done()
    check_steps(protocol)
    return protocol


def _count(table: Table) -> Count:
    table.expect(_names(Count))
    count = Count(
        min=table.integer("min", required=True),
        max=table.integer("max", required=True),
        default=table.integer("default", required=True),
    )
    table.done()
    if count.min > count.max:
        raise Invalid(table.at("min"), code="min_over_max", min=count.min, max=count.max)
    if not count.min <= count.default <= count.max:
        raise Invalid(table.at("default"), code="default_outside", default=count.default, min=count.min, max=count.max)
    return count


def _visit_gap(table: Table | None) -> VisitGap | None:
    if table is None:
        return None
    table.expect(_names(VisitGap))
    gap = VisitGap(
        min_days=table.integer("min_days", required=True),
        typical_days=table.integer("typical_days", required=True),
        max_days=table.integer("max_days", required=True),
        source=table.text("source", ""),
    )
    table.done()
    if not gap.min_days <= gap.typical_days <= gap.max_days:
        raise Invalid(
            table.path,
            f"must be min_days ≤ typical_days ≤ max_days, got {gap.min_days}/{gap.typical_days}/{gap.max_days}",
        )
    return gap


def _stay(table: Table) -> tuple[int, int] | None:
    if not table.has("typical_stay"):
        return None
    value = table.items("typical_stay")
    if len(value) != 2 or any(isinstance(v, bool) or not isinstance(v, int) for v in value):
        raise Invalid("typical_stay", "must be two whole numbers of days, e.g. [3, 7]")
    if not 0 < value[0] <= value[1]:
        raise Invalid("typical_stay", f"must be 0 < low ≤ high, got {value[0]}..{value[1]}")
    return value[0], value[1]


def _min_stay(table: Table | None) -> MinStay | None:
    if table is None:
        return None
    table.expect(_names(MinStay))
    days = table.items("days", required=True)
    if not days or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in days):
        raise Invalid(table.at("days"), "must be whole numbers of days of at least 1, one per trip, e.g. [3, 5]")
    stay = MinStay(days=tuple(days), source=table.text("source", required=True))
    table.done()
    return stay


def _step(table: Table, known: frozenset[str] | None) -> Step:
    table.expect(_names(Step))
    step_id = slug(table.text("id", required=True), table.at("id"))
    kind_name = table.text("kind", required=True)
    try:
        kind = StepKind(kind_name)
    except ValueError:
        choices = ", ".join(k.value for k in StepKind)
        raise Invalid(table.at("kind"), f"unknown step kind '{kind_name}' (one of: {choices})") from None
    count_table = table.table("count")
    per_week = table.integer("per_week_max")
    if per_week is not None and not 1 <= per_week <= 7:
        raise Invalid(table.at("per_week_max"), code="per_week", value=per_week)
    minutes = table.integer("minutes", required=True)
    if kind.in_person and minutes == 0:
        raise Invalid(table.at("minutes"), code="no_minutes", kind=kind.value)
    step = Step(
        id=step_id,
        kind=kind,
        title=table.text("title", required=True),
        minutes=minutes,
        count=_count(count_table) if count_table else Count(1, 1, 1),
        counted=table.flag("counted", False),
        per_week_max=per_week,
        min_gap_days=table.integer("min_gap_days", 1),
        after=tuple(_after(Table(raw, table.at(f"after[{i}]"))) for i, raw in enumerate(table.items("after"))),
        needs_clinic_open=table.flag("needs_clinic_open", True),
        invasive=table.flag("invasive", False),
        low_risk=table.flag("low_risk", False),
        rest_days=table.integer("rest_days", 0),
        fly_after_days=table.integer("fly_after_days", 0),
        visit=table.integer("visit", 1, minimum=1),
        prices=_prices(table.table("prices"), known),
        preparation=tuple(
            _preparation(Table(raw, table.at(f"preparation[{i}]"))) for i, raw in enumerate(table.items("preparation"))
        ),
        description=table.text("description", ""),
        source=table.text("source", ""),
        latest_start=clock(table.raw("latest_start"), table.at("latest_start")) if table.has("latest_start") else None,
        in_person_if_present=table.flag("in_person_if_present", False),
        in_person_title=table.text("in_person_title", ""),
    )
    table.done()
    if step.low_risk and not step.invasive:
        raise Invalid(table.at("low_risk"), code="low_risk")
    if step.in_person_if_present and kind is not StepKind.REMOTE:
        raise Invalid(table.at("in_person_if_present"), code="in_person_remote", kind=kind.value)
    if step.in_person_title and not step.in_person_if_present:
        raise Invalid(table.at("in_person_title"), code="in_person_title")
    return step


def _after(table: Table) -> After:
    table.expect(_names(After))
    after = After(
        step=table.text("step", required=True),
        min_days=table.integer("min_days", 0),
        max_days=table.integer("max_days"),
        anchor=table.text("anchor", "last"),
    )
    table.done()
    if after.max_days is not None and after.max_days < after.min_days:
        raise Invalid(table.at("max_days"), code="max_under_min", max=after.max_days, min=after.min_days)
    if after.anchor not in _ANCHORS:
        raise Invalid(table.at("anchor"), f"must be 'first' or 'last', got '{after.anchor}'")
    return after


def _prices(table: Table | None, known: frozenset[str] | None) -> dict[str, PriceRange]:
    if table is None:
        return {}
    prices = {}
    for tier in table.data:
        if tier != "*" and tier not in TIERS:
            raise Invalid(table.at(str(tier)), f"unknown tier '{tier}' (one of: *, {', '.join(TIERS)})")
        prices[tier] = price_range(table.table(tier), known)
    return prices


def price_range(table: Table, known: frozenset[str] | None) -> PriceRange:
    """A low/typical/high range with its currency and (required) source."""
    table.expect(_names(PriceRange))
    low, typical, high = (table.amount(k) for k in ("low", "typical", "high"))
    price = PriceRange(
        low=low,
        typical=typical,
        high=high,
        currency=currency(table.text("currency", required=True), table.at("currency"), known),
        source=table.text("source", required=True),
    )
    table.done()
    if low < 0:
        raise Invalid(table.at("low"), code="negative", value=str(low))
    if not low <= typical <= high:
        raise Invalid(table.path, code="price_order", low=str(low), typical=str(typical), high=str(high))
    return price


def _preparation(table: Table) -> Preparation:
    table.expect(_names(Preparation))
    preparation = Preparation(
        text=table.text("text", required=True),
        hours_before=table.integer("hours_before", 0),
        source=table.text("source", ""),
    )
    table.done()
    return preparation


def _names(cls) -> list[str]:
    return [f.name for f in fields(cls)]
