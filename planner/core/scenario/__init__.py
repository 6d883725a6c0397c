"""The scenario JSON (what ``flask plan``, the API and the forms send) read into a trip request.

Bad input is a ``ScenarioError`` naming the field (``treatments[0].count``) and the reason. It
imports ``model`` and ``catalog`` (to check protocol and clinic ids against the catalog).
"""

from __future__ import annotations

from planner.core.scenario.parse import CLINIC_ZONE, parse_scenario
from planner.core.scenario.pins import PinError, pin_errors
from planner.core.scenario.values import MAX_FLIGHT_HOURS, MAX_PRICE, MAX_TRAVELLERS, ScenarioError, range_words

__all__ = [
    "CLINIC_ZONE",
    "MAX_FLIGHT_HOURS",
    "MAX_PRICE",
    "MAX_TRAVELLERS",
    "PinError",
    "ScenarioError",
    "parse_scenario",
    "pin_errors",
    "range_words",
]
