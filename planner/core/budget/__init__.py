"""The budget of a plan: cost lines (treatment, lodging, flights, transport, meals, interpreter,
entry), low/typical/high totals in one place, and conversion with the dated rate table.

Money is ``Decimal`` only. It imports ``model`` and ``catalog``.
"""
