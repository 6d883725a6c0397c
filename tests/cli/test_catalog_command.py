"""`flask catalog` lists every protocol with the stay the planner keeps (each trip's minimum when it has one)."""

from __future__ import annotations

from planner.services import current_catalog


def test_the_catalog_lists_each_protocol_with_its_stay(app, runner):
    result = runner.invoke(args=["catalog"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    with app.app_context():
        catalog = current_catalog()
    for protocol_id, protocol in catalog.protocols.items():
        low, high = protocol.typical_stay
        assert f"{low}-{high} days" in lines[protocol_id]
    assert lines["dental-implant-two-stage"].endswith("3-10 days (trip 1 at least 3, trip 2 at least 5)")
    assert "trip 1" not in lines["health-checkup"]
