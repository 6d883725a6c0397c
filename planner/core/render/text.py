"""The plan JSON as a readable day-by-day itinerary (``flask plan --format text [--lang ko]``).

The renderer's own words (headings, "yes", "video call") come from ``words``; the engine's notices
and the catalog's names arrive already in that language (``planner.wording.localize`` and the
catalog domain). English keeps its compact dates ("Sun 28 Feb 2027"); other languages write the
locale's own (Babel's "yMMMEd").
"""

from __future__ import annotations

from datetime import date, datetime

from planner.i18n import ENGLISH, Words


def _clock(moment: str) -> str:
    return datetime.fromisoformat(moment).strftime("%H:%M")


def _date(value: date, words: Words) -> str:
    if words.locale == ENGLISH.locale:
        return value.strftime("%a %d %b %Y")
    return words.date(value, "yMMMEd")


def _day_title(day: str, words: Words = ENGLISH) -> str:
    return _date(date.fromisoformat(day), words)


def _day_kind(kind: str, words: Words) -> str:
    _ = words.gettext
    names = {
        "arrival": _("arrival"),
        "departure": _("departure"),
        "appointments": _("appointments"),
        "rest": _("rest"),
        "free": _("free"),
        "travel": _("travel"),
    }
    return names.get(kind, kind)


def _amount(line: dict) -> str:
    return f"{line['low']}–{line['high']} {line.get('currency', '')}".rstrip()


def _after_return(plan: dict, words: Words) -> list[str]:
    """Remote follow-ups once the patient is home, dated and timed in the patient's home zone."""
    _ = words.gettext
    # a call held in person while the patient was still in Seoul is in the day list instead
    home = (a for a in plan["appointments"] if a["kind"] == "remote" and not a["in_person"])
    remote = sorted(home, key=lambda a: datetime.fromisoformat(a["start"]))
    if not remote:
        return []
    # a remote appointment's start and end are already in its display zone, the patient's home
    lines = ["", _("After you return (your time, %(zone)s)", zone=remote[0]["timezone"])]
    for item in remote:
        start = datetime.fromisoformat(item["start"])
        when = f"{_date(start.date(), words)}  {_clock(item['start'])}–{_clock(item['end'])}"
        call = _("video call with %(clinic)s", clinic=words.catalog(item["clinic_name"]))
        lines.append(f"  {when}  {words.catalog(item['title'])} · {call}")
    return lines


def _cautions(plan: dict, words: Words) -> list[str]:
    """Each treatment's cautions and legal notes, before the days: they can rule a treatment out."""
    _ = words.gettext
    lines = []
    for item in plan.get("cautions", []):
        lines += ["", _("Before you book: %(treatment)s", treatment=words.catalog(item["name"]))]
        lines.extend(f"  - {words.catalog(text)}" for text in item["cautions"])
        if item["insurance_note"]:
            lines.append("  " + _("Insurance: %(note)s", note=words.catalog(item["insurance_note"])))
    return lines


def plan_to_text(plan: dict, words: Words = ENGLISH) -> str:
    """The plan JSON as plain text: dates, each day's appointments, follow-ups at home, the budget and notices."""
    _ = words.gettext
    appointments = {a["key"]: a for a in plan["appointments"]}
    lines = [
        _("Feasible: %(answer)s", answer=_("yes") if plan["feasible"] else _("no")),
        _("Arrival:   %(moment)s", moment=plan["arrival"]),
        _("Departure: %(moment)s", moment=plan["departure"] or _("not fixed")),
        _("Earliest departure the treatments allow: %(moment)s", moment=plan["earliest_departure"] or _("none")),
        # the English keeps "day(s)" (tests read it); a translation has its plural forms
        words.ngettext(
            "Jet-lag buffer before invasive steps: %(num)d day(s)",
            "Jet-lag buffer before invasive steps: %(num)d day(s)",
            plan["jetlag_buffer_days"],
        ),
        *_cautions(plan, words),
        "",
        _("Day by day"),
    ]
    for day in plan["days"]:
        heading = f"  {_day_title(day['date'], words)}  {_day_kind(day['kind'], words)}"
        lines.append(heading + (f" ({day['note']})" if day["note"] else ""))
        for key in day["appointments"]:
            item = appointments[key]
            where = words.catalog(item["clinic_name"]) if item["in_person"] else _("video call")
            title = words.catalog(item["title"])
            lines.append(f"      {_clock(item['start'])}–{_clock(item['end'])}  {title} · {where}")
            notes = (words.catalog(text) for text in item["preparation"])
            lines.extend("          " + _("prepare: %(note)s", note=note) for note in notes)
    lines += _after_return(plan, words)
    # older saved plans have no "unscheduled" list
    waiting = plan.get("unscheduled", [])
    if waiting:
        lines += ["", _("Not scheduled yet (the plan does not work yet)")]
        lines.extend(f"  - {words.catalog(item['title'])}: {item['reason']}" for item in waiting)
    budget = plan["budget"]
    lines += ["", _("Budget (%(currency)s, rates of %(date)s)", currency=budget["currency"], date=budget["rates_date"])]
    for line in budget["lines"]:
        lines.append(f"  {line['label']}: {_amount(line)}")
    lines.append(
        "  "
        + _(
            "Total: %(low)s–%(high)s %(currency)s (typical %(typical)s)",
            low=budget["low"],
            high=budget["high"],
            currency=budget["currency"],
            typical=budget["typical"],
        )
    )
    for title, notices in ((_("Problems"), plan["problems"]), (_("Warnings"), plan["warnings"])):
        if notices:
            lines += ["", title]
            lines.extend(f"  - {notice['message']}" for notice in notices)
    return "\n".join(lines) + "\n"
