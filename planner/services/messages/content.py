"""What "your plan" and "your plan changed" say, in the client's words: plain text and its HTML twin.

Pure wording: it takes the Words, the plan and the changes, and returns text. Times are written in
the client's home zone and in Seoul time, each zone named. A discreet trip names no treatment in
the body either (every appointment reads "Appointment").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from planner.core.model import Plan
from planner.i18n import Words

SEOUL = "Asia/Seoul"


@dataclass(frozen=True)
class Body:
    """A message's body: paragraphs and lists, written out as plain text or HTML."""

    #: ("p", text) for a paragraph, ("h", text) for a heading, ("ul", [lines]) for a list, ("a", url)
    blocks: tuple[tuple[str, object], ...]

    def text(self) -> str:
        lines: list[str] = []
        for kind, value in self.blocks:
            if kind == "ul":
                lines += [f"- {item.striptags() if isinstance(item, Markup) else item}" for item in value]
            elif kind == "h":
                lines.append(str(value).upper())
            else:
                lines.append(str(value))
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def html(self, words: Words) -> str:
        parts = []
        for kind, value in self.blocks:
            if kind == "ul":
                parts.append(
                    Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(i) for i in value))
                )
            elif kind == "h":
                parts.append(Markup("<h2>{}</h2>").format(value))
            elif kind == "a":
                parts.append(Markup('<p><a href="{0}">{0}</a></p>').format(value))
            else:
                parts.append(Markup("<p>{}</p>").format(value))
        head = Markup('<!doctype html><html lang="{}" dir="{}"><head><meta charset="utf-8"></head><body>')
        return str(head.format(words.lang, words.dir) + Markup("\n").join(parts) + Markup("</body></html>\n"))


def zone_words(zone: str, words: Words) -> str:
    """ "Seoul time", "Lisbon time", "UTC" in the client's words."""
    if zone in ("UTC", "Etc/UTC"):
        return "UTC"
    return words.gettext("%(city)s time", city=words.city(zone))


def moment(value: datetime, zone: str, words: Words) -> str:
    """A moment in ``zone``, the zone named: "Mon 1 Mar 2027, 10:00 Seoul time"."""
    local = value.astimezone(ZoneInfo(zone))
    day = words.date(local, "yMMMEd")
    return words.gettext("%(day)s, %(time)s %(zone)s", day=day, time=words.time(local), zone=zone_words(zone, words))


def both_zones(value: datetime, home: str, words: Words) -> str:
    """The moment in the client's home zone and in Seoul time (once when home is Seoul)."""
    if home == SEOUL:
        return moment(value, SEOUL, words)
    return f"{moment(value, home, words)} · {moment(value, SEOUL, words)}"


def _title(title: str, discreet: bool, words: Words) -> str:
    return words.gettext("Appointment") if discreet else title


def greeting(name: str, words: Words) -> str:
    return words.gettext("Hello %(name)s,", name=name) if name else words.gettext("Hello,")


def day_by_day(plan: Plan, discreet: bool, words: Words) -> list[str]:
    """One line per day with an appointment: the date (in the appointment's zone), then each time and title."""
    days: dict[str, list[str]] = {}
    for appointment in plan.appointments:
        local = appointment.start.astimezone(ZoneInfo(appointment.timezone))
        label = words.date(local, "yMMMEd")
        entry = words.gettext(
            "%(time)s %(zone)s: %(title)s",
            time=words.time(local),
            zone=zone_words(appointment.timezone, words),
            title=_title(appointment.title, discreet, words),
        )
        days.setdefault(label, []).append(entry)
    return [f"{day} — {'; '.join(entries)}" for day, entries in days.items()]


def plan_body(
    *, name: str, plan: Plan | None, link: str | None, discreet: bool, coordinator: str, home: str, words: Words
) -> Body:
    """ "Your plan": the link to the plan, the arrival and departure, a line per day, the calendar attached."""
    _ = words.gettext
    blocks: list[tuple[str, object]] = [("p", greeting(name, words))]
    blocks.append(("p", _("Here is your travel plan. It is always up to date at this link:")))
    blocks.append(("a", link) if link else ("p", _("(the link is made when the message is sent)")))
    if plan is None:
        blocks.append(
            ("p", _("Your coordinator is still working on the dates; the link shows the plan when it is ready."))
        )
    else:
        blocks.append(("p", _("Arrival: %(when)s", when=both_zones(plan.arrival, home, words))))
        if plan.departure is not None:
            blocks.append(("p", _("Departure: %(when)s", when=both_zones(plan.departure, home, words))))
        if plan.appointments:
            blocks.append(("h", _("Day by day")))
            blocks.append(("ul", day_by_day(plan, discreet, words)))
    blocks.append(("p", _("The attached calendar file adds the appointments to your calendar.")))
    blocks.append(("p", _("Your coordinator: %(name)s", name=coordinator)))
    return Body(tuple(blocks))


@dataclass(frozen=True)
class Moved:
    """One change to tell the client: which appointment, how (added, moved, removed), from when to when."""

    kind: str
    title: str
    before: datetime | None
    after: datetime | None


def change_line(change: Moved, discreet: bool, home: str, words: Words) -> Markup:
    """ "<strong>Consultation</strong> moved from … to …" (the trip pages' sentences), each moment in the
    client's home zone and Seoul time; HTML, its values escaped (the text part strips the tags)."""
    _ = words.gettext
    title = escape(_title(words.catalog(change.title), discreet, words))
    if change.kind == "added" and change.after is not None:
        after = escape(both_zones(change.after, home, words))
        return Markup(_("<strong>%(title)s</strong> added: %(after)s", title=title, after=after))
    if change.kind == "removed" and change.before is not None:
        before = escape(both_zones(change.before, home, words))
        return Markup(_("<strong>%(title)s</strong> removed (it was %(before)s)", title=title, before=before))
    before = escape(both_zones(change.before, home, words)) if change.before else "—"
    after = escape(both_zones(change.after, home, words)) if change.after else "—"
    return Markup(
        _("<strong>%(title)s</strong> moved from %(before)s to %(after)s", title=title, before=before, after=after)
    )


def changes_body(
    *, name: str, changes: Iterable[Moved], discreet: bool, coordinator: str, home: str, words: Words
) -> Body:
    """ "Your plan changed": each change since the client last looked, in both zones."""
    _ = words.gettext
    lines = [change_line(change, discreet, home, words) for change in changes]
    return Body(
        (
            ("p", greeting(name, words)),
            ("p", _("Your travel plan changed since you last looked at it:")),
            ("ul", lines),
            ("p", _("Open the link your coordinator sent you to see the whole plan; the calendar follows.")),
            ("p", _("Your coordinator: %(name)s", name=coordinator)),
        )
    )
