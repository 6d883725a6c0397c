"""The engine's words as the facilitator reads them: since the languages issue, as they are.

The engine's sentences are worded at the edge (``planner.wording``) in one neutral voice that
reads right to the patient and to the facilitator, so ``about_client`` changes nothing. The filter
stays registered until the templates stop using it.
"""

from __future__ import annotations

from flask import Blueprint


def about_client(text: str, name: str | None = None) -> str:
    """``text`` unchanged (the engine's words need no rewriting for the facilitator any more)."""
    return text


def register_voice(blueprint: Blueprint) -> None:
    """Make ``about_client`` a filter of every template: ``{{ notice.message | about_client(name) }}``."""
    blueprint.add_app_template_filter(about_client, "about_client")
