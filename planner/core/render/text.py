"""The plan JSON as a readable day-by-day itinerary (``flask plan --format text``)."""

from __future__ import annotations

from datetime import date, datetime


def _clock(moment: str) -> str:
    return datetime.fromisoformat(moment).strftime("%H:%M")


def _day_title(day: str) -> str:
    return date.fromisoformat(day).strftime("%a %d %b %Y")


def _amount(line: dict) -> str:
    return f"{line['low']}–{line['high']} {line.get('currency', '')}".rstrip()


def _after_return(plan: dict) -> list[str]:
    """Remote follow-ups once the patient is home, dated and timed in the patient's home zone."""
    # a call held in person while the patient was still in Seoul is in the day list instead
    home = (a for a in plan["appointments"] if a["kind"] == "remote" and not a["in_person"])
    remote = sorted(home, key=lambda a: datetime.fromisoformat(a["start"]))
    if not remote:
        return []
    # a remote appointment's start and end are already in its display zone, the patient's home
    lines = ["", f"After you return (your time, {remote[0]['timezone']})"]
    for item in remote:
        start = datetime.fromisoformat(item["start"])
        when = f"{start:%a %d %b %Y}  {_clock(item['start'])}–{_clock(item['end'])}"
        lines.append(f"  {when}  {item['title']} · video call with {item['clinic_name']}")
    return lines


def _cautions(plan: dict) -> list[str]:
    """Each treatment's cautions and legal notes, before the days: they can rule a treatment out."""
    lines = []
    for item in plan.get("cautions", []):
        lines += ["", f"Before you book: {item['name']}"]
        lines.extend(f"  - {text}" for text in item["cautions"])
        if item["insurance_note"]:
            lines.append(f"  Insurance: {item['insurance_note']}")
    return lines


def plan_to_text(plan: dict) -> str:
    """The plan JSON as plain text: dates, each day's appointments, follow-ups at home, the budget and notices."""
    appointments = {a["key"]: a for a in plan["appointments"]}
    lines = [
        "Feasible: " + ("yes" if plan["feasible"] else "no"),
        f"Arrival:   {plan['arrival']}",
        f"Departure: {plan['departure'] or 'not fixed'}",
        f"Earliest departure the treatments allow: {plan['earliest_departure'] or 'none'}",
        f"Jet-lag buffer before invasive steps: {plan['jetlag_buffer_days']} day(s)",
        *_cautions(plan),
        "",
        "Day by day",
    ]
    for day in plan["days"]:
        heading = f"  {_day_title(day['date'])}  {day['kind']}"
        lines.append(heading + (f" ({day['note']})" if day["note"] else ""))
        for key in day["appointments"]:
            item = appointments[key]
            where = item["clinic_name"] if item["in_person"] else "video call"
            lines.append(f"      {_clock(item['start'])}–{_clock(item['end'])}  {item['title']} · {where}")
            lines.extend(f"          prepare: {text}" for text in item["preparation"])
    lines += _after_return(plan)
    # older saved plans have no "unscheduled" list
    waiting = plan.get("unscheduled", [])
    if waiting:
        lines += ["", "Not scheduled yet (the plan does not work yet)"]
        lines.extend(f"  - {item['title']}: {item['reason']}" for item in waiting)
    budget = plan["budget"]
    lines += ["", f"Budget ({budget['currency']}, rates of {budget['rates_date']})"]
    for line in budget["lines"]:
        lines.append(f"  {line['label']}: {_amount(line)}")
    lines.append(f"  Total: {budget['low']}–{budget['high']} {budget['currency']} (typical {budget['typical']})")
    for title, notices in (("Problems", plan["problems"]), ("Warnings", plan["warnings"])):
        if notices:
            lines += ["", title]
            lines.extend(f"  - {notice['message']}" for notice in notices)
    return "\n".join(lines) + "\n"
