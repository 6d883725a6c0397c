"""The domain's values: protocols and their steps, clinics, the trip request, the plan, money.

Frozen dataclasses and enums with the few rules that belong to a value (a range's arithmetic,
a clinic's hours on a day). It imports nothing of the core: every other package builds on it.
"""

from __future__ import annotations

from planner.core.model.clinic import Clinic, Interval, holiday_name
from planner.core.model.costs import Costs
from planner.core.model.inputs import has_control, is_known_zone
from planner.core.model.itinerary import Appointment, Day, Notice, Plan, Unscheduled, Visit
from planner.core.model.money import MoneyRange, Rates, quantize
from planner.core.model.protocol import (
    After,
    Count,
    MinStay,
    Preparation,
    PriceRange,
    Protocol,
    Step,
    StepKind,
    VisitGap,
)
from planner.core.model.rules import TravelRules
from planner.core.model.trip import (
    KOREA_ZONE,
    NO_LODGING,
    Flight,
    Insurance,
    Pin,
    Traveller,
    TreatmentRequest,
    TripRequest,
    lives_in_korea,
)

__all__ = [
    "After",
    "Appointment",
    "Clinic",
    "Costs",
    "Count",
    "Day",
    "Flight",
    "Insurance",
    "KOREA_ZONE",
    "NO_LODGING",
    "Interval",
    "holiday_name",
    "MoneyRange",
    "Notice",
    "Pin",
    "Plan",
    "Preparation",
    "PriceRange",
    "Protocol",
    "Rates",
    "Step",
    "StepKind",
    "TravelRules",
    "Traveller",
    "TreatmentRequest",
    "TripRequest",
    "lives_in_korea",
    "Unscheduled",
    "Visit",
    "MinStay",
    "VisitGap",
    "has_control",
    "is_known_zone",
    "quantize",
]
