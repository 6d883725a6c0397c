"""Hypothesis profiles for the core tests, chosen with HYPOTHESIS_PROFILE ("dev" by default).

"ci" runs more examples with derandomize=True, so a CI failure reproduces on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
