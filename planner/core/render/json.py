"""The plan as JSON-ready values: what the API returns and ``flask plan --format json`` prints.

Texts (messages, reasons, notes, titles) are as the plan holds them: localize the plan first
(``planner.wording.localize``); the codes and their values are there for any language.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from planner.core.budget import Budget, budget_to_dict
from planner.core.catalog import Catalog
from planner.core.model import Appointment, Day, Notice, Plan, TripRequest, Unscheduled


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _appointment(appointment: Appointment, catalog: Catalog) -> dict:
    clinic = catalog.clinics.get(appointment.clinic)
    # shown in its display zone (the patient's home zone for remote follow-ups) with the offset
    zone = ZoneInfo(appointment.timezone)
    return {
        "key": appointment.key,
        "protocol": appointment.protocol,
        "step": appointment.step,
        "occurrence": appointment.occurrence,
        "kind": appointment.kind.value,
        "title": appointment.title,
        "start": appointment.start.astimezone(zone).isoformat(),
        "end": appointment.end.astimezone(zone).isoformat(),
        "clinic": appointment.clinic,
        "clinic_name": clinic.name if clinic else appointment.clinic,
        "in_person": appointment.in_person,
        "invasive": appointment.invasive,
        "visit": appointment.visit,
        "pinned": appointment.pinned,
        "timezone": appointment.timezone,
        "preparation": list(appointment.preparation),
        "moved_by": appointment.moved_by,
        "moved_code": appointment.moved_code,
        "moved_params": dict(appointment.moved_params),
        "total": appointment.total,
    }


def _day(day: Day) -> dict:
    return {
        "date": day.date.isoformat(),
        "kind": day.kind,
        "appointments": list(day.appointments),
        "note": day.note,
        "note_code": day.note_code,
        "note_params": dict(day.note_params),
        "visit": day.visit,
    }


def _notice(notice: Notice) -> dict:
    return {
        "code": notice.code,
        "message": notice.message,
        "text": notice.text or notice.code,
        "params": dict(notice.params),
        "fix": dict(notice.fix),
        "protocol": notice.protocol,
        "step": notice.step,
    }


def _unscheduled(item: Unscheduled) -> dict:
    return {
        "protocol": item.protocol,
        "step": item.step,
        "occurrence": item.occurrence,
        "title": item.title,
        "reason": item.reason,
        "rule": item.rule,
        "params": dict(item.params),
    }


def cautions_of(protocol_ids: list[str], catalog: Catalog) -> list[dict]:
    """Per treatment, the protocol's cautions and legal notes and its insurance note, in the trip's order."""
    found = []
    for protocol_id in dict.fromkeys(protocol_ids):
        protocol = catalog.protocols.get(protocol_id)
        if protocol is not None and (protocol.cautions or protocol.insurance_note):
            found.append(
                {
                    "protocol": protocol.id,
                    "name": protocol.name,
                    "cautions": list(protocol.cautions),
                    "insurance_note": protocol.insurance_note,
                }
            )
    return found


def plan_to_dict(plan: Plan, budget: Budget, catalog: Catalog, request: TripRequest | None = None) -> dict:
    """The plan, its budget, its notices and each treatment's cautions as plain values (ISO 8601 times)."""
    # the request names every treatment, placed or not; without it, the treatments placed
    treatments = [t.protocol for t in request.treatments] if request else [a.protocol for a in plan.appointments]
    return {
        "feasible": plan.feasible,
        "arrival": _moment(plan.arrival),
        "departure": _moment(plan.departure),
        "earliest_departure": _moment(plan.earliest_departure),
        "jetlag_buffer_days": plan.jetlag_buffer_days,
        "visits": [
            {
                "number": visit.number,
                "arrival": _moment(visit.arrival),
                "departure": _moment(visit.departure),
                "proposed": visit.proposed,
            }
            for visit in plan.visits
        ],
        "appointments": [_appointment(a, catalog) for a in plan.appointments],
        "unscheduled": [_unscheduled(item) for item in plan.unscheduled],
        "days": [_day(day) for day in plan.days],
        "budget": budget_to_dict(budget),
        "problems": [_notice(n) for n in plan.problems],
        "warnings": [_notice(n) for n in plan.warnings],
        "cautions": cautions_of(treatments, catalog),
    }
