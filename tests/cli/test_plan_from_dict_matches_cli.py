"""``flask plan --format json`` and ``planner.core.plan_from_dict`` give the same document."""

from __future__ import annotations

import json

from planner.core import plan_from_dict
from tests.core.test_plan_from_dict import ANA


def test_matches_the_command_line(runner, tmp_path):
    path = tmp_path / "ana.json"
    path.write_text(json.dumps(ANA))
    result = runner.invoke(args=["plan", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == plan_from_dict(ANA)
