"""No test and no app module reads the real clock: "now" comes from planner.clock, which tests set."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: calls that read the wall clock (time.monotonic and perf_counter measure spans, not dates)
READS_THE_CLOCK = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
}


def clock_reads(path: Path, root: Path = ROOT) -> list[str]:
    """``file:line call`` for each wall-clock read in a Python file (paths relative to ``root``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in READS_THE_CLOCK:
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_the_finder_sees_each_way_of_reading_the_clock(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime, time\nfrom datetime import date\n"
        "a = datetime.datetime.now()\nb = date.today()\nc = time.time()\nd = time.monotonic()\n"
    )
    reads = [line.split(" ", 1)[1] for line in clock_reads(sample, tmp_path)]
    assert reads == ["datetime.now()", "date.today()", "time.time()"]


@pytest.mark.parametrize("folder", ["tests", "planner"])
def test_only_planner_clock_reads_the_wall_clock(folder):
    allowed = {ROOT / "planner" / "clock.py"}
    paths = [path for path in sorted((ROOT / folder).rglob("*.py")) if path not in allowed]
    reads = [read for path in paths for read in clock_reads(path)]
    assert reads == []


def test_another_day_moves_the_clock_of_a_new_python_process():
    """make test-another-day: the sitecustomize on PYTHONPATH moves every process it starts."""
    env = {**os.environ, "PLANNER_TEST_DATE": "2031-02-03", "PYTHONPATH": str(ROOT / "tests" / "another_day")}
    shown = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.date.today())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "2031-02-03"
