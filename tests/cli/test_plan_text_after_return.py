"""``flask plan --format text``: video follow-ups once the patient is home, in the home time zone."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

NEW_YORK = {
    "traveller": {"name": "Ana", "home_timezone": "America/New_York"},
    "arrival": "2027-04-05T08:00",
    "treatments": [{"protocol": "stem-cell-knee-cultured"}],
    "currency": "USD",
}


def _plan(runner, tmp_path, scenario: dict, form: str) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario))
    result = runner.invoke(args=["plan", str(path), "--format", form])
    assert result.exit_code == 0, result.output
    return result.output


def _section(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("After you return"))
    end = lines.index("", start)
    return lines[start:end]


def test_every_follow_up_is_listed_after_return_in_the_home_zone(runner, tmp_path):
    data = json.loads(_plan(runner, tmp_path, NEW_YORK, "json"))
    remote = [a for a in data["appointments"] if a["kind"] == "remote"]
    assert len(remote) == 4, "the knee protocol has follow-ups at 1, 3, 6 and 12 months"
    section = _section(_plan(runner, tmp_path, NEW_YORK, "text"))
    assert section[0] == "After you return (your time, America/New_York)"
    assert len(section) == 1 + len(remote)
    home = ZoneInfo("America/New_York")
    for line, item in zip(section[1:], remote, strict=True):
        # worked out here from the instant, not from the text renderer's own formatting
        start = datetime.fromisoformat(item["start"]).astimezone(home)
        end = datetime.fromisoformat(item["end"]).astimezone(home)
        assert line.startswith(f"  {start:%a %d %b %Y}  {start:%H:%M}–{end:%H:%M}  {item['title']}")
        assert 8 <= start.hour and end.hour * 60 + end.minute <= 21 * 60, "awake at home"
    departure = datetime.fromisoformat(data["departure"])
    assert all(datetime.fromisoformat(a["start"]) > departure for a in remote)


def test_a_plan_without_follow_ups_has_no_section(runner, tmp_path):
    acupuncture = [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}]
    text = _plan(runner, tmp_path, NEW_YORK | {"treatments": acupuncture}, "text")
    assert "After you return" not in text
