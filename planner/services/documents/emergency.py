"""Korea's emergency and help numbers a client carries on the trip, each with where it comes from.

The labels are English msgids marked with ``N_``: the print template words them in the client's
language. 1339 is left out on purpose: it is no longer an emergency line (it became the disease
control hotline), although older guides still give it.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:  # noqa: N802
    """Mark a label for translation; it is translated where it is shown (the print template)."""
    return message


@dataclass(frozen=True)
class HelpNumber:
    """A number to call in Korea: the digits, what answers (an English msgid), and the source."""

    number: str
    label: str
    #: True for the lines to call when life or safety is at risk
    emergency: bool
    source: str


#: the numbers, emergencies first (the agencies' notices, quality S)
HELP_NUMBERS: tuple[HelpNumber, ...] = (
    HelpNumber("119", N_("Ambulance, with interpreting"), True, "National Fire Agency notice — S"),
    HelpNumber("112", N_("Police"), True, "Korean National Police Agency notice — S"),
    HelpNumber("1330", N_("Tourist hotline"), False, "Korea Tourism Organization notice — S"),
    HelpNumber("1345", N_("Immigration contact centre"), False, "Ministry of Justice notice — S"),
    HelpNumber("120", N_("Seoul help line"), False, "Seoul Metropolitan Government notice — S"),
)
