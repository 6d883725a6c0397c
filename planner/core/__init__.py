"""The planning engine, pure Python; ``plan_from_dict`` runs it end to end on a JSON scenario."""

from __future__ import annotations

from functools import cache


@cache
def _default_catalog():
    from planner.core.catalog import load_catalog

    return load_catalog()


def plan_from_dict(scenario: dict, words=None) -> dict:
    """Parse a scenario, plan it, budget it, and return the plan JSON (ScenarioError on bad input).

    Its texts are in ``words``' language (a ``planner.i18n.Words``; English by default): the one
    entry point that runs end to end, so it words the plan the way the edge does.
    """
    # imported here so that importing one core module does not load the whole engine
    from planner.core.budget import compute_budget
    from planner.core.render import plan_to_dict
    from planner.core.scenario import parse_scenario
    from planner.core.schedule import plan
    from planner.i18n import ENGLISH
    from planner.wording import localize
    from planner.wording.budget import word_budget

    catalog = _default_catalog()
    request = parse_scenario(scenario, catalog)
    result = localize(plan(request, catalog), words or ENGLISH)
    budget = word_budget(compute_budget(result, request, catalog), words or ENGLISH)
    return plan_to_dict(result, budget, catalog, request)
