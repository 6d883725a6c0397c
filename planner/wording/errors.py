"""Why a scenario field is refused, in words: the core's ``ScenarioError`` code and values, worded at the edge.

``scenario_reason(error, words)`` is what forms and the API show (the request's language);
``reason_text(code, params)`` is the English the error carries (logs, the CLI, ``str(error)``).
"""

from __future__ import annotations

from planner.core.catalog.reasons import REASONS as CATALOG_REASONS
from planner.core.scenario.reasons import CATALOG_VALUES, KINDS, NUMBERS, REASONS
from planner.i18n import ENGLISH, Words

__all__ = ["catalog_reason", "catalog_text", "reason_text", "scenario_reason"]


def _number(words: Words, value) -> str:
    return words.number(value) if words.locale != ENGLISH.locale else f"{value:,}"


def reason_text(code: str, params: dict, words: Words = ENGLISH) -> str:
    """The reason of a refused scenario field in ``words``' language (English by default)."""
    template = REASONS.get(code)
    if template is None:
        return code
    values = dict(params)
    if "kind" in values:
        values["kind"] = words.gettext(KINDS.get(values["kind"], values["kind"]))
    for key in NUMBERS:
        if values.get(key) is not None:
            values[key] = _number(words, values[key])
    for key in CATALOG_VALUES.get(code, ()):
        values[key] = words.catalog(values[key])
    return words.gettext(template) % values


def scenario_reason(error, words: Words = ENGLISH) -> str:
    """A ``ScenarioError``'s reason in ``words``' language: from its code and values, else its own text."""
    code = getattr(error, "code", "")
    if not code:
        return error.reason
    return reason_text(code, error.params, words)


def catalog_text(code: str, params: dict, words: Words = ENGLISH) -> str:
    """A catalog mistake's reason in ``words``' language (English by default)."""
    template = CATALOG_REASONS.get(code)
    return words.gettext(template) % params if template else code


def catalog_reason(error, words: Words = ENGLISH) -> str:
    """A ``CatalogError``'s reason in ``words``' language: from its code and values, else its own (English) text."""
    code = getattr(error, "code", "")
    if not code:
        return error.reason
    return catalog_text(code, error.params, words)
