"""The scenario JSON (what ``flask plan``, the API and the forms send) read into a trip request.

Bad input is a ``ScenarioError`` naming the field (``treatments[0].count``) and the reason. It
imports ``model`` and ``catalog`` (to check protocol and clinic ids against the catalog).
"""

from __future__ import annotations

from planner.core.scenario.parse import CLINIC_ZONE, ScenarioError, parse_scenario
from planner.core.scenario.pins import PinError, pin_errors

__all__ = ["CLINIC_ZONE", "PinError", "ScenarioError", "parse_scenario", "pin_errors"]
