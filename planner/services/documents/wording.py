"""The checklist's words, chosen at the edge in the reader's language (the rules give codes and values)."""

from __future__ import annotations

from planner.i18n import Words
from planner.services.documents.rules import ChecklistItem


def _keta(words: Words, p) -> str:
    text = words.gettext(
        "K-ETA (electronic travel authorization): %(fee)s, valid 3 years; apply at least 72 hours before "
        "departure. Not needed under 18 or from 65.",
        fee=words.money(p["fee"], p["currency"]),
    )
    if p.get("exemption_ends") is None:
        return text
    note = words.gettext(
        "Nationals of 67 countries need none for arrivals until %(date)s: check whether yours is one.",
        date=words.date(p["exemption_ends"], "long"),
    )
    return f"{text} {note}"


def _visa(words: Words, code: str, p) -> str:
    if code == "visa_c33":
        return words.gettext("C-3-3 medical visa (stays up to %(visa_days)s days)", visa_days=p["visa_days"])
    return words.gettext(
        "G-1-10 medical visa: the stay of %(days)s days is longer than the %(visa_days)s days of a C-3-3 "
        "(a G-1-10 allows up to 1 year)",
        days=p["days"],
        visa_days=p["visa_days"],
    )


def item_label(item: ChecklistItem, words: Words) -> str:
    """One item in ``words``' language."""
    p, code = item.params, item.code
    if code == "passport":
        return words.ngettext(
            "Passport valid for at least %(num)d more month",
            "Passport valid for at least %(num)d more months",
            p["months"],
        )
    if code == "clinic_confirmation":
        return words.gettext("The clinic's treatment reservation confirmation (appointment or invitation letter)")
    if code == "keta":
        return _keta(words, p)
    if code in ("visa_c33", "visa_g110"):
        return _visa(words, code, p)
    if code == "entry_check":
        return words.gettext(
            "Entry permit: check which one the nationality needs, a K-ETA (visa-waiver countries) or a C-3-3 "
            "medical visa (stays up to %(visa_days)s days)",
            visa_days=p["visa_days"],
        )
    if code == "facilitator_registration":
        return words.gettext("The facilitator's registration certificate, for the medical visa application")
    if code == "proof_of_funds":
        return words.gettext("Proof of funds (recent bank statements)")
    if code == "home_records":
        return words.gettext("Medical records from home: the diagnosis and the list of medications")
    if code == "infectious_screening":
        return words.gettext(
            "Infectious-disease screening results (HBV, HCV, HIV, syphilis), needed before cell therapy"
        )
    if code == "knee_imaging":
        return words.gettext("Knee imaging from home (MRI or X-ray) with its report")
    if code == "panoramic_xray":
        return words.gettext("The dentist's panoramic X-ray")
    if code == "travel_insurance":
        return words.gettext("Travel insurance")
    if code == "companions":
        return words.ngettext(
            "The companion's papers: passport, and a K-ETA or visa",
            "Each of the %(num)d companions' papers: passport, and a K-ETA or visa",
            p["count"],
        )
    return code
