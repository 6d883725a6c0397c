"""The scenario's error and its number readers, each with the bounds a real trip stays within."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from planner.core.scenario.reasons import english

#: longer than any scheduled flight with a stop (Seoul–São Paulo is about 25 hours with one)
MAX_FLIGHT_HOURS = 30
#: people on one trip: more is a group booking, not a plan
MAX_TRAVELLERS = 10
#: any one price, in any currency (₩1,000,000,000 is about €650,000): a bigger one is a typing mistake
MAX_PRICE = Decimal(10**9)


class ScenarioError(ValueError):
    """A scenario field is wrong: ``field`` is its path, ``reason`` says why (in English).

    The core raises it with a ``code`` and values (``ScenarioError("travellers", code="out_of_range", low=1, …)``):
    the edge words the reason in the caller's language from them (``planner.wording.errors.scenario_reason``).
    A reason given as text (the edge's own errors, already worded) is kept as it is.
    """

    def __init__(self, field: str, reason: str = "", *, code: str = "", **params):
        if code and not reason:
            reason = english(code, params)
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.code = code
        self.params = params


def range_words(low: Decimal | int, high: Decimal | int | None = None) -> str:
    """The one way every number bound is said, on every form and in every scenario error:
    "enter a number from 1 to 10" (or "from 1 up" without a top)."""
    top = f"to {high:,}" if high is not None else "up"
    return f"enter a number from {low:,} {top}"


def kind(value: object) -> str:
    """A JSON value's type as a code ("string", "list"), named in words at the edge."""
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def integer(value: object, path: str, minimum: int, maximum: int | None = None) -> int:
    """A whole number within [minimum, maximum], or a ScenarioError naming the field."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(path, code="not_whole", kind=kind(value))
    if value < minimum or (maximum is not None and value > maximum):
        code = "out_of_range" if maximum is not None else "out_of_range_up"
        raise ScenarioError(path, code=code, low=minimum, high=maximum, got=_short(value))
    return value


def decimal(value: object, path: str, maximum: Decimal | int | None = None, *, positive: bool = False) -> Decimal:
    """A decimal from a string or a JSON number, through its text (never through float maths), ≤ maximum."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ScenarioError(path, code="not_number", kind=kind(value))
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ScenarioError(path, code="not_a_number", value=repr(_short(value))) from None
    if not number.is_finite() or number < 0 or (maximum is not None and number > maximum):
        code = "out_of_range" if maximum is not None else "out_of_range_up"
        raise ScenarioError(path, code=code, low=0, high=maximum, got=_short(value))
    if positive and number == 0:
        raise ScenarioError(path, code="more_than_zero" if maximum is None else "more_than_zero_up_to", high=maximum)
    return number


def _short(value: object) -> str:
    """A value as written in a message, cut short: a 5,000-digit number is not echoed back."""
    text = str(value)
    return text if len(text) <= 24 else f"{text[:20]}…"
