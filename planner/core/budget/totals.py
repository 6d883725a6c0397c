"""The trip budget: lines in the patient's currency and their total, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planner.core.budget import lines as budget_lines
from planner.core.budget.flights import flight_lines, flight_notes
from planner.core.budget.lines import Text
from planner.core.catalog import Catalog
from planner.core.model import MoneyRange, Plan, Rates, TripRequest, quantize


@dataclass(frozen=True)
class BudgetLine:
    """One cost of the trip: what, how many, and its range in the budget currency."""

    #: "treatment", "lodging", "airport_transfer", "local_transport", "meals", "interpreter",
    #: "keta", "flights"
    code: str
    label: str  # plain words, filled at the edge (``planner.wording.budget``): "Acupuncture session × 6 (local clinic)"
    quantity: Decimal  # units (sessions, nights, visits, days, people)
    unit: str  # "session", "night", "visit", "day", "trip", "person"
    amount: MoneyRange  # in the budget currency, rounded to its minor unit
    original: MoneyRange | None  # in the source currency, when converted
    note: str = ""  # in words, filled at the edge from ``note_texts``
    to_confirm: bool = False
    source: str = ""
    #: the label and the note's sentences as codes and values (the words of any language come from them)
    label_text: Text | None = field(default=None, hash=False, compare=False)
    note_texts: tuple[Text, ...] = field(default=(), hash=False, compare=False)


@dataclass(frozen=True)
class Budget:
    """The lines of a trip's costs, their total and the date of the rates used."""

    currency: str
    rates_date: date
    lines: tuple[BudgetLine, ...]
    total: MoneyRange  # the sum of the lines
    converted: bool  # any line converted from another currency
    #: what the budget leaves out and why (e.g. the departure is not known yet), in words
    notes: tuple[str, ...] = ()
    #: the same as codes and values
    note_texts: tuple[Text, ...] = field(default=(), hash=False, compare=False)


def compute_budget(plan: Plan, request: TripRequest, catalog: Catalog) -> Budget:
    """The budget of a planned trip, converted to the request's currency.

    Its labels and notes are codes and values (``label_text``, ``note_texts``): the edge words them
    (``planner.wording.budget.word_budget``); ``label``, ``note`` and ``notes`` are empty until then.
    """
    rates = catalog.rates
    if request.currency not in rates.currencies:
        raise ValueError(f"currency: no exchange rate for {request.currency} in the table of {rates.date}")
    if request.travellers < 1:
        raise ValueError(f"travellers: at least 1 person travels, got {request.travellers}")
    all_stays = budget_lines.stays(plan, budget_lines.stay_zone(plan, catalog))
    raw = [
        *budget_lines.treatment_lines(plan, request, catalog),
        *budget_lines.stay_lines(all_stays, request, catalog),
        *budget_lines.visit_lines(plan, all_stays, request, catalog),
        *budget_lines.entry_lines(request, catalog),
        *flight_lines(request, all_stays),
    ]
    lines = tuple(_convert(line, rates, request.currency) for line in raw)
    notes = flight_notes(request, all_stays)
    if any(stay.last is None for stay in all_stays):
        notes = (Text("departure_unknown"), *notes)
    return Budget(
        currency=request.currency,
        rates_date=rates.date,
        lines=lines,
        total=total_of(lines, request.currency),
        converted=any(line.original is not None for line in lines),
        note_texts=notes,
    )


def total_of(lines: tuple[BudgetLine, ...], currency: str) -> MoneyRange:
    """The sum of the lines' amounts (the one place totals are computed)."""
    total = MoneyRange.zero(currency)
    for line in lines:
        total = total + line.amount
    return total


def _convert(line: budget_lines.RawLine, rates: Rates, currency: str) -> BudgetLine:
    source = line.amount
    original = None
    if source.currency != currency:
        original = MoneyRange(
            *(quantize(a, source.currency) for a in (source.low, source.typical, source.high)), source.currency
        )
    return BudgetLine(
        code=line.code,
        label="",
        quantity=line.quantity,
        unit=line.unit,
        amount=rates.convert_range(source, currency),
        original=original,
        to_confirm=line.to_confirm,
        source=line.source,
        label_text=line.label,
        note_texts=line.notes,
    )


def _range_dict(value: MoneyRange) -> dict:
    return {"low": str(value.low), "typical": str(value.typical), "high": str(value.high), "currency": value.currency}


def budget_to_dict(budget: Budget) -> dict:
    """The budget as plain JSON-ready values, amounts as decimal strings."""
    return {
        "currency": budget.currency,
        "rates_date": budget.rates_date.isoformat(),
        **{k: v for k, v in _range_dict(budget.total).items() if k != "currency"},
        "lines": [
            {
                "code": line.code,
                "label": line.label,
                "quantity": str(line.quantity),
                "unit": line.unit,
                **_range_dict(line.amount),
                "note": line.note,
                "to_confirm": line.to_confirm,
                "source": line.source,
                "original": _range_dict(line.original) if line.original else None,
            }
            for line in budget.lines
        ],
        "converted": budget.converted,
        "notes": list(budget.notes),
    }
