"""The scenario's error and its number readers, each with the bounds a real trip stays within."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

#: longer than any scheduled flight with a stop (Seoul–São Paulo is about 25 hours with one)
MAX_FLIGHT_HOURS = 30
#: people on one trip: more is a group booking, not a plan
MAX_TRAVELLERS = 10
#: any one price, in any currency (₩1,000,000,000 is about €650,000): a bigger one is a typing mistake
MAX_PRICE = Decimal(10**9)


class ScenarioError(ValueError):
    """A scenario field is wrong: ``field`` is its path, ``reason`` says why."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def range_words(low: Decimal | int, high: Decimal | int | None = None) -> str:
    """The one way every number bound is said, on every form and in every scenario error:
    "enter a number from 1 to 10" (or "from 1 up" without a top)."""
    top = f"to {high:,}" if high is not None else "up"
    return f"enter a number from {low:,} {top}"


def kind(value: object) -> str:
    """How a JSON value's type is named in a message ("a string", "a list")."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def integer(value: object, path: str, minimum: int, maximum: int | None = None) -> int:
    """A whole number within [minimum, maximum], or a ScenarioError naming the field."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(path, f"must be a whole number, got {kind(value)}")
    if value < minimum or (maximum is not None and value > maximum):
        raise ScenarioError(path, f"{range_words(minimum, maximum)}, got {_short(value)}")
    return value


def decimal(value: object, path: str, maximum: Decimal | int | None = None, *, positive: bool = False) -> Decimal:
    """A decimal from a string or a JSON number, through its text (never through float maths), ≤ maximum."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ScenarioError(path, f"must be a number, got {kind(value)}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ScenarioError(path, f"{_short(value)!r} is not a number") from None
    if not number.is_finite() or number < 0 or (maximum is not None and number > maximum):
        raise ScenarioError(path, f"{range_words(0, maximum)}, got {_short(value)}")
    if positive and number == 0:
        top = f" up to {maximum:,}" if maximum is not None else ""
        raise ScenarioError(path, f"enter a number more than 0{top}, got 0")
    return number


def _short(value: object) -> str:
    """A value as written in a message, cut short: a 5,000-digit number is not echoed back."""
    text = str(value)
    return text if len(text) <= 24 else f"{text[:20]}…"
