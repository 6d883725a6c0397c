"""Form values and page readers shared by the planner's web tests."""

from __future__ import annotations

import html
import json
import re

#: a chronic-pain acupuncture course, landing 1 March 2027 15:00 in Seoul, home in Lisbon
GOOD_FORM = {
    "treatments-0-protocol": "acupuncture-chronic-pain",
    "treatments-0-count": "",
    "treatments-0-clinic": "tier:local",
    "treatments-1-protocol": "",
    "treatments-1-count": "",
    "treatments-1-clinic": "",
    "home_timezone": "Europe/Lisbon",
    "arrival_date": "2027-03-01",
    "arrival_time": "15:00",
    "departure_date": "2027-04-20",
    "departure_time": "18:00",
    "lodging": "mid",
    "currency": "EUR",
    "travellers": "1",
    "insurance": "visitor",
}


def form(**changes: str) -> dict:
    """The good form with some fields changed (None removes a field)."""
    data = dict(GOOD_FORM)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def scenario_of(body: str) -> dict:
    """The scenario an unsaved plan page carries in its forms."""
    match = re.search(r'name="scenario" value="([^"]*)"', body)
    assert match, "the page carries no scenario"
    return json.loads(html.unescape(match.group(1)))


def field_error(body: str, field_id: str) -> str:
    """The error message shown next to a field ("" if none)."""
    match = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">([^<]*)</p>', body)
    return html.unescape(match.group(1)) if match else ""


def fix_buttons(body: str) -> list[tuple[dict[str, str], str]]:
    """The one-click fixes on a plan page: their hidden fix fields and their button label."""
    result = []
    for block in re.findall(r'<form method="post" action="[^"]*fix"[^>]*>(.*?)</form>', body, re.S):
        fields = dict(re.findall(r'name="(fix_\w+)" value="([^"]*)"', block))
        label = re.search(r'<button type="submit" class="button">([^<]*)</button>', block).group(1)
        result.append((fields, html.unescape(label)))
    return result
