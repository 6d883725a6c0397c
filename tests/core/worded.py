"""The engine's plan as the edge words it in English: for tests that read its sentences and titles."""

from __future__ import annotations

from planner.core.schedule import run
from planner.i18n import ENGLISH
from planner.wording import localize


def plan(*args, **kwargs):
    """``planner.core.schedule.plan``, localized in English (``planner.wording.localize``)."""
    return localize(run.plan(*args, **kwargs), ENGLISH)
