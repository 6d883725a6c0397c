"""A plan as JSON (the document ``flask plan`` and the API return) and as a text itinerary.

It imports ``model``, ``catalog`` and ``budget``, the things it renders.
"""

from __future__ import annotations

from planner.core.render.json import plan_to_dict
from planner.core.render.text import plan_to_text

__all__ = ["plan_to_dict", "plan_to_text"]
