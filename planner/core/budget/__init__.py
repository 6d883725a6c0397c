"""The budget of a plan: cost lines (treatment, lodging, flights, transport, meals, interpreter,
entry), low/typical/high totals in one place, and conversion with the dated rate table.

Money is ``Decimal`` only. It imports ``model`` and ``catalog``.
"""

from __future__ import annotations

from planner.core.budget.totals import Budget, budget_to_dict, compute_budget

__all__ = ["Budget", "budget_to_dict", "compute_budget"]
