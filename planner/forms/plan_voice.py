"""The plan form in the facilitator's voice: about the client by name, never "I" or "your"."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Form
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

#: the plan form's labels that speak to the patient, as the facilitator reads them ({name}: the client)
_FACILITATOR_LABELS = {
    "name": _l("Client's name"),
    "arrival_date": _l("%(name)s lands in Seoul: date"),
    "outbound_date": _l("Take-off from %(name)s's home: date (optional)"),
    "outbound_time": _l("Take-off time (%(name)s's home)"),
    "shortest": _l("Find %(name)s's shortest stay (the flight home is not booked)"),
    "inbound_date": _l("Landing at %(name)s's home: date (optional)"),
    "inbound_time": _l("Landing time (%(name)s's home)"),
    "interpreter": _l("Does %(name)s need a medical interpreter?"),
    "insurance": _l("%(name)s's health insurance in Korea"),
}
_FACILITATOR_CHOICES = {
    "visitor": _l("None: %(name)s pays in full (visitor)"),
    "none": _l("None: %(name)s lives in Korea, or stays with family"),
}
#: what the required fields ask when they are empty, to the facilitator
_FACILITATOR_ASKS = {
    "arrival_date": _l("When does %(name)s land in Seoul?"),
    "arrival_time": _l("At what time does %(name)s land?"),
}


def _named(words, name: str) -> str:
    """A lazily translated sentence with the client's name put in (a name's own "%" stays as typed)."""
    return str(words) % {"name": name}


def speak_of_client(form: Form, client_name: str) -> None:
    """Word the plan form for a facilitator: about the client by name, never "I" or "your"."""
    name = client_name.strip() or _("the client")
    for field, words in _FACILITATOR_LABELS.items():
        form[field].label.text = _named(words, name)
    for field in (form.insurance, form.lodging):
        words = _FACILITATOR_CHOICES
        field.choices = [
            SelectChoice(c.value, _named(words[c.value], name)) if c.value in words else c for c in field.choices
        ]
    for field, words in _FACILITATOR_ASKS.items():
        # new validators, not changed ones: the field's validators are shared by every form of the class
        asks = InputRequired(_named(words, name))
        form[field].validators = [asks if isinstance(v, InputRequired) else v for v in form[field].validators]
