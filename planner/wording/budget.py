"""The budget's words, chosen at the edge in the caller's language.

The core's budget lines carry a label and notes as codes and values (``planner.core.budget.lines.Text``);
``word_budget(budget, words)`` returns the budget with ``label``, ``note`` and ``notes`` in one language.
Amounts are not touched: they stay Decimal, formatted where they are shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.budget.lines import Text
from planner.core.budget.totals import Budget, BudgetLine
from planner.core.budget.totals import compute_budget as neutral_budget
from planner.i18n import ENGLISH, Words

__all__ = ["budget_label", "budget_note", "compute_budget", "word_budget"]


def _people(words: Words, n: int) -> str:
    return words.ngettext("%(num)d person", "%(num)d people", n)


def _days(words: Words, n: int) -> str:
    return words.ngettext("%(num)d day", "%(num)d days", n)


def _tier(words: Words, tier: str) -> str:
    if tier == "local":
        return words.gettext("local clinic")
    if tier == "specialized":
        return words.gettext("specialized clinic")
    if tier == "university":
        return words.gettext("university hospital")
    return words.gettext("%(tier)s clinic", tier=tier)


def _hotel(words: Words, lodging: str) -> str:
    if lodging == "budget":
        return words.gettext("Budget hotel")
    if lodging == "mid":
        return words.gettext("Mid-range hotel")
    if lodging == "upscale":
        return words.gettext("Upscale hotel")
    return lodging


def _trip(words: Words, item: str, params: dict) -> str:
    """The label of one trip's line: ", trip 2", ", trip 2 (proposed)", " (proposed dates)"."""
    number, proposed, several = params.get("trip", 1), params.get("proposed", False), params.get("several", False)
    if number > 1:
        if proposed:
            return words.gettext("%(item)s, trip %(trip)d (proposed)", item=item, trip=number)
        return words.gettext("%(item)s, trip %(trip)d", item=item, trip=number)
    if proposed:
        if several:
            return words.gettext("%(item)s, trip %(trip)d (proposed dates)", item=item, trip=number)
        return words.gettext("%(item)s (proposed dates)", item=item)
    if several:
        return words.gettext("%(item)s, trip %(trip)d", item=item, trip=number)
    return item


def _flight(words: Words, params: dict) -> str:
    leg = words.gettext("Flight to Korea") if params.get("leg") == "outbound" else words.gettext("Flight home")
    if params.get("estimate"):
        item = words.gettext("%(item)s, trip %(trip)d (estimate)", item=leg, trip=params["trip"])
    else:
        item = words.gettext("%(item)s, trip %(trip)d", item=leg, trip=1) if params.get("several") else leg
        if params.get("number"):
            item = words.gettext("%(item)s %(number)s", item=item, number=params["number"])
    return words.gettext("%(item)s × %(people)s", item=item, people=_people(words, params["travellers"]))


def budget_label(text: Text, words: Words = ENGLISH) -> str:
    """A budget line's label: "Acupuncture session × 6 (local clinic)", "Meals × 4 days × 2 people"."""
    p = text.params
    if text.code == "treatment":
        label = words.catalog(p["title"])
        if p["count"] != 1:
            label = words.gettext("%(item)s × %(count)d", item=label, count=p["count"])
        if p.get("tier"):
            label = words.gettext("%(item)s (%(tier)s)", item=label, tier=_tier(words, p["tier"]))
        return label
    if text.code == "lodging":
        nights = words.ngettext("%(num)d night", "%(num)d nights", p["nights"])
        item = words.gettext("%(hotel)s, one room × %(nights)s", hotel=_hotel(words, p["lodging"]), nights=nights)
        return _trip(words, item, p)
    if text.code == "meals":
        item = words.gettext(
            "Meals × %(days)s × %(people)s", days=_days(words, p["days"]), people=_people(words, p["travellers"])
        )
        return _trip(words, item, p)
    if text.code == "airport_transfer":
        return words.gettext(
            "Airport transfer × %(count)d (one way) × %(people)s",
            count=p["count"],
            people=_people(words, p["travellers"]),
        )
    if text.code == "local_transport":
        return words.gettext(
            "Local transport to the clinic × %(days)s × %(people)s",
            days=_days(words, p["days"]),
            people=_people(words, p["travellers"]),
        )
    if text.code == "interpreter":
        visits = words.ngettext("%(num)d clinic visit", "%(num)d clinic visits", p["visits"])
        return words.gettext("Medical interpreter × %(visits)s", visits=visits)
    if text.code == "keta":
        return words.gettext(
            "K-ETA (electronic travel authorization) × %(people)s", people=_people(words, p["travellers"])
        )
    if text.code == "flight":
        return _flight(words, p)
    return text.code


def budget_note(text: Text, words: Words = ENGLISH) -> str:
    """One sentence of a line's note or of the budget's notes."""
    p = text.params
    code = text.code
    if code == "nhi_share":
        return words.gettext(
            "National Health Insurance: your share %(percent)s%% — to be confirmed with the clinic",
            percent=p["percent"],
        )
    if code == "not_scheduled":
        if p["later"] == p["count"]:
            return words.gettext("Not scheduled yet: see the plan's problems.")
        return words.gettext(
            "%(later)d of %(count)d not scheduled yet: see the plan's problems.", later=p["later"], count=p["count"]
        )
    if code == "meals_days":
        return words.gettext("Arrival and departure days count as days of stay.")
    if code == "interpreter_coordinator":
        return words.gettext("Clinics often include a coordinator; ask before booking your own.")
    if code == "keta_exempt":
        until = words.date(date.fromisoformat(p["until"]), "yMMMd")
        return words.gettext("Not needed under 18, from 65, or for the 67 exempt countries until %(date)s.", date=until)
    if code == "keta_everyone":
        return words.gettext("Needed by every visitor except under 18 or from 65.")
    if code == "flight_price":
        return words.gettext("Price as entered for this flight.")
    if code == "flight_estimate":
        return words.gettext(
            "Estimated from trip 1's fare; book once the clinic confirms trip %(trip)d's dates.", trip=p["trip"]
        )
    if code == "departure_unknown":
        return words.gettext("The departure date is not known yet, so lodging and meals are not counted for that trip.")
    if code == "no_flight_price":
        if p.get("several"):
            return words.gettext(
                "No flight price is given, so any trip's flights are not counted: add the fares to include them."
            )
        return words.gettext("No flight price is given, so the flights are not counted: add the fares to include them.")
    if code == "leg_unpriced":
        if p.get("leg") == "outbound":
            return words.gettext("The flight to Korea has no price and is not counted.")
        return words.gettext("The flight home has no price and is not counted.")
    return code


def _line(line: BudgetLine, words: Words) -> BudgetLine:
    if line.label_text is None:  # a line made without codes keeps its words
        return line
    note = " ".join(budget_note(text, words) for text in line.note_texts)
    return replace(line, label=budget_label(line.label_text, words), note=note)


def word_budget(budget: Budget | None, words: Words = ENGLISH) -> Budget | None:
    """The budget with its labels and notes in ``words``' language (the budget itself is not changed)."""
    if budget is None:
        return None
    notes = tuple(budget_note(text, words) for text in budget.note_texts) if budget.note_texts else budget.notes
    return replace(budget, lines=tuple(_line(line, words) for line in budget.lines), notes=notes)


def compute_budget(plan, request, catalog, words: Words = ENGLISH) -> Budget:
    """The core's budget of a planned trip, worded in ``words``' language (English by default)."""
    return word_budget(neutral_budget(plan, request, catalog), words)
