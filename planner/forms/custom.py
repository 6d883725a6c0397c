"""The protocol editor: a catalog protocol's fields, steps and prices as a form, and back.

The form checks only the shape of what was typed (numbers are numbers, within sane bounds); the
rules are the catalog's own (``parse_protocol``), whose errors ``show_error`` puts next to the
field they name. Keys the editor does not show (visit gap, typical stay, cautions, insurance)
are carried over from the document being edited.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    Field,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from planner.core.catalog import CatalogError
from planner.core.model import StepKind
from planner.core.scenario import MAX_PRICE
from planner.forms.base import PlannerForm, in_range, range_message
from planner.forms.catalog_errors import show_error

MAX_STEPS = 20
MAX_PREPARATIONS = 10
#: form name of each price tier, and the catalog's key for it ("*" = any tier)
PRICE_TIERS = (("any", "*"), ("local", "local"), ("specialized", "specialized"), ("university", "university"))
_KEPT = ("visit_gap", "typical_stay", "min_stay", "cautions", "insurance_note", "nhi_covered")
STEP_KEYS = (
    "id", "title", "minutes", "counted", "per_week_max", "min_gap_days", "needs_clinic_open", "invasive", "low_risk",
    "rest_days", "fly_after_days", "visit", "latest_start", "in_person_if_present", "in_person_title", "description",
    "source",
)  # fmt: skip


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _finite(form, field) -> None:
    if field.data is not None and not field.data.is_finite():
        raise ValidationError(_("Must be a number."))
    if field.data is not None and not 0 <= field.data <= MAX_PRICE:
        raise ValidationError(range_message(field.label.text, 0, MAX_PRICE))


def _whole(label: str, top: int, default: int | None = None) -> IntegerField:
    return IntegerField(label, default=default, validators=[Optional(), in_range(label, 0, top)])


def _text(label: str, top: int = 200) -> StringField:
    return StringField(label, filters=[_strip], validators=[Length(max=top)])


class PriceForm(Form):
    """One tier's price per occurrence; leave all blank for no price at that tier."""

    low = DecimalField(_l("Low"), places=None, validators=[Optional(), _finite])
    typical = DecimalField(_l("Typical"), places=None, validators=[Optional(), _finite])
    high = DecimalField(_l("High"), places=None, validators=[Optional(), _finite])
    currency = StringField(
        _l("Currency"), filters=[_strip, lambda v: v.upper() if isinstance(v, str) else v], validators=[Length(max=3)]
    )
    source = _text(_l("Source"))


class PricesForm(Form):
    """A step's prices by clinic tier."""

    any = FormField(PriceForm, _l("Any tier"))
    local = FormField(PriceForm, _l("Local clinic"))
    specialized = FormField(PriceForm, _l("Specialized"))
    university = FormField(PriceForm, _l("University hospital"))


class PreparationForm(Form):
    """A preparation note that becomes a reminder; leave blank for none."""

    hours_before = _whole(_l("Hours before (0 = general note)"), 24 * 30)
    text = _text(_l("Instruction"), 500)
    source = _text(_l("Source"))


class StepForm(Form):
    """One step of a protocol."""

    id = _text(_l("Step id"), 80)
    title = _text(_l("Title"))
    kind = SelectField(_l("Kind"), choices=[SelectChoice(k.value, k.value) for k in StepKind])
    minutes = _whole(_l("Minutes per visit"), 24 * 60)
    count_min = _whole(_l("Times: at least"), 365)
    count_max = _whole(_l("at most"), 365)
    count_default = _whole(_l("usually"), 365)
    counted = BooleanField(_l("Counts towards the sessions the patient chooses"))
    per_week_max = _whole(_l("At most per 7 days (blank = no limit)"), 7)
    min_gap_days = _whole(_l("Days between two of them (at least)"), 365, 1)
    after = TextAreaField(
        _l("Comes after (one rule a line: STEP MIN_DAYS[..MAX_DAYS] [first|last])"),
        filters=[_strip],
        validators=[Length(max=1000)],
    )
    needs_clinic_open = BooleanField(_l("Needs the clinic open"), default=True)
    invasive = BooleanField(_l("Invasive"))
    low_risk = BooleanField(_l("Low risk (light sedation, a drip): one night for jet lag, not days"))
    rest_days = _whole(_l("Rest days after"), 365, 0)
    fly_after_days = _whole(_l("Days before a long-haul flight"), 365, 0)
    visit = _whole(_l("Trip (1, or 2 for a second trip)"), 9, 1)
    # blank means any time: left out of the document rather than sent as an empty time
    latest_start = StringField(
        _l("Starts no later than (HH:MM, clinic time; blank = any time)"),
        filters=[_strip, lambda value: value or None],
        validators=[Length(max=5)],
    )
    in_person_if_present = BooleanField(_l("A video call held in person while the patient is still there"))
    in_person_title = _text(_l("Title when held in person (blank = the same title)"))
    prices = FormField(PricesForm, _l("Prices per occurrence"))
    preparation = FieldList(FormField(PreparationForm), min_entries=1, max_entries=MAX_PREPARATIONS)
    description = TextAreaField(_l("Description for the patient"), filters=[_strip], validators=[Length(max=4000)])
    source = _text(_l("Source"))
    remove = BooleanField(_l("Remove this step when saving"))


class ProtocolForm(PlannerForm):
    """A facilitator's protocol: its fields and its steps."""

    id = _text(_l("Protocol id (used in trips; fixed once saved)"), 80)
    name = _text(_l("Name"))
    category = _text(_l("Category"), 80)
    summary = TextAreaField(_l("Summary"), filters=[_strip], validators=[Length(max=2000)])
    count_min = _whole(_l("Sessions: at least"), 365)
    count_max = _whole(_l("at most"), 365)
    count_default = _whole(_l("usually"), 365)
    sources = TextAreaField(_l("Sources (one a line)"), filters=[_strip], validators=[Length(max=4000)])
    steps = FieldList(FormField(StepForm), min_entries=1, max_entries=MAX_STEPS)
    add_step = SubmitField(_l("Add a step"))
    save = SubmitField(_l("Save protocol"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: errors the catalog reported on no field of this form
        self.general_errors: list[str] = []
        self._targets: dict[str, Field] = {}

    def with_blank_rows(self) -> ProtocolForm:
        """Offer one empty preparation row under each step, to add a note without JavaScript."""
        for step in self.steps:
            rows = step.form.preparation
            if len(rows) < MAX_PREPARATIONS and any(_filled(row.form) for row in rows):
                rows.append_entry()
        return self

    def add_blank_step(self) -> None:
        """Add an empty step at the end (the form is shown again, nothing is saved)."""
        if len(self.steps) < MAX_STEPS:
            self.steps.append_entry()

    def document(self, kept: dict) -> dict:
        """The catalog-shaped protocol typed in, with the editor's hidden keys taken from ``kept``."""
        self._targets = {}
        data: dict[str, Any] = {key: kept[key] for key in _KEPT if key in kept}
        for name in ("id", "name", "category", "summary"):
            data[name] = getattr(self, name).data or ""
            self._aim(name, getattr(self, name))
        if (count := _count(self, "count", self._aim)) is not None:
            data["count"] = count
        data["sources"], data["steps"] = _lines(self.sources.data), []
        self._aim("sources", self.sources)
        for entry in self.steps:
            if entry.form.remove.data:
                continue
            path = f"steps[{len(data['steps'])}]"
            data["steps"].append(_step(entry.form, lambda p, f, path=path: self._aim(f"{path}.{p}", f)))
        return data

    def typed_ok(self) -> bool:
        """Whether every ordering rule was written in the expected shape (call after ``document``)."""
        return not any(entry.form.after.errors for entry in self.steps)

    def _aim(self, path: str, field: Field) -> None:
        self._targets[path] = field

    def show_error(self, error: CatalogError) -> None:
        """Put a catalog error next to the field its path names (the nearest one that exists)."""
        show_error(self._targets, self.general_errors, error)


def _filled(form: Form) -> bool:
    return any(field.data not in (None, "") for field in form if field.type != "BooleanField")


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _count(form: Form, path: str, aim) -> dict | None:
    """A count table from three fields; all blank means none."""
    values = {key: getattr(form, f"count_{key}") for key in ("min", "max", "default")}
    aim(path, values["min"])
    for key, field in values.items():
        aim(f"{path}.{key}", field)
    if all(field.data is None for field in values.values()):
        return None
    return {key: field.data for key, field in values.items() if field.data is not None}


def _step(form: StepForm, aim) -> dict:
    step: dict[str, Any] = {"kind": form.kind.data}
    aim("kind", form.kind)
    for key in STEP_KEYS:
        field = getattr(form, key)
        aim(key, field)
        if field.data is not None:
            step[key] = field.data
    count = _count(form, "count", aim)
    if count is not None:
        step["count"] = count
    aim("after", form.after)
    step["after"] = _after_rules(form.after)
    step["prices"] = {}
    for name, tier in PRICE_TIERS:
        row = getattr(form.prices.form, name).form
        aim(f"prices.{tier}", row.typical)
        for key in ("low", "typical", "high", "currency", "source"):
            aim(f"prices.{tier}.{key}", getattr(row, key))
        if _filled(row):
            step["prices"][tier] = {
                key: str(field.data) if isinstance(field.data, Decimal) else field.data
                for key, field in ((k, getattr(row, k)) for k in ("low", "typical", "high", "currency", "source"))
                if field.data is not None
            }
    step["preparation"] = []
    for entry in form.preparation:
        if not _filled(entry.form):
            continue
        path = f"preparation[{len(step['preparation'])}]"
        aim(path, entry.form.text)
        for key in ("hours_before", "text", "source"):
            aim(f"{path}.{key}", getattr(entry.form, key))
        step["preparation"].append(
            {
                key: getattr(entry.form, key).data
                for key in ("hours_before", "text", "source")
                if getattr(entry.form, key).data is not None
            }
        )
    return step


def _after_rules(field: Field) -> list[dict]:
    """Ordering rules from lines such as ``consultation 0`` or ``intensive 3..10 first``."""
    rules = []
    for number, line in enumerate(_lines(field.data), start=1):
        words = line.split()
        rule: dict[str, Any] = {"step": words[0]}
        rest = words[1:]
        if rest and rest[-1] in ("first", "last"):
            rule["anchor"] = rest.pop()
        if len(rest) > 1 or (rest and not _days(rest[0], rule)):
            field.errors = [
                *field.errors,
                f"line {number}: write STEP MIN_DAYS[..MAX_DAYS] [first|last], e.g. 'consultation 0..7'",
            ]
            continue
        rules.append(rule)
    return rules


def _days(text: str, rule: dict) -> bool:
    low, _, high = text.partition("..")
    if not low.isdigit() or (high and not high.isdigit()) or len(text) > 12:
        return False
    rule["min_days"] = int(low)
    if high:
        rule["max_days"] = int(high)
    return True
