"""Money: Decimal amounts with an ISO currency, ranges, and a dated table of rates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

#: minor-unit digits per currency (ISO 4217); others default to 2
_DIGITS = {"KRW": 0, "JPY": 0, "VND": 0}


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round an amount (a Decimal, or an int such as a default 0) to the currency's minor unit (banker's rounding)."""
    digits = _DIGITS.get(currency, 2)
    return Decimal(amount).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class MoneyRange:
    """Low, typical and high amounts in one currency."""

    low: Decimal
    typical: Decimal
    high: Decimal
    currency: str

    def __post_init__(self):
        if not (self.low <= self.typical <= self.high):
            raise ValueError(f"range must be low ≤ typical ≤ high, got {self.low}/{self.typical}/{self.high}")

    def __add__(self, other: MoneyRange) -> MoneyRange:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return MoneyRange(self.low + other.low, self.typical + other.typical, self.high + other.high, self.currency)

    def times(self, factor: Decimal | int) -> MoneyRange:
        """This range multiplied by a non-negative quantity."""
        factor = Decimal(factor)
        return MoneyRange(self.low * factor, self.typical * factor, self.high * factor, self.currency)

    @classmethod
    def zero(cls, currency: str) -> MoneyRange:
        """An empty range in a currency."""
        return cls(Decimal(0), Decimal(0), Decimal(0), currency)


@dataclass(frozen=True)
class Rates:
    """Exchange rates on a date: how many ``base`` units one unit of each currency buys."""

    date: date
    base: str  # e.g. "KRW"
    per_unit: dict[str, Decimal]  # {"USD": Decimal("1380"), ...}; base itself is 1
    source: str = ""

    def __hash__(self):
        return hash((self.date, self.base))

    @property
    def currencies(self) -> tuple[str, ...]:
        """Every currency this table converts, base first."""
        return (self.base, *sorted(c for c in self.per_unit if c != self.base))

    def convert(self, amount: Decimal, source: str, target: str) -> Decimal:
        """Convert an amount between two currencies of the table (unrounded)."""
        if source == target:
            return amount
        in_base = amount * self._rate(source)
        return in_base / self._rate(target)

    def convert_range(self, value: MoneyRange, target: str) -> MoneyRange:
        """Convert a range to another currency, rounded to its minor unit."""
        return MoneyRange(
            *(
                quantize(self.convert(a, value.currency, target), target)
                for a in (value.low, value.typical, value.high)
            ),
            target,
        )

    def _rate(self, currency: str) -> Decimal:
        if currency == self.base:
            return Decimal(1)
        try:
            return self.per_unit[currency]
        except KeyError:
            raise ValueError(f"no exchange rate for {currency} in the table of {self.date}") from None
