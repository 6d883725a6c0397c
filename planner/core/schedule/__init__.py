"""The scheduler: a trip request and the catalog in, a plan out (``plan``).

It owns the planning context (frame, jet-lag buffer, travel rules), the occurrences of each
step, their placement in clinic hours, pins, the day list, the shortest stay and the notices
(problems with verified fixes, warnings). It imports ``model`` and ``catalog``.
"""

from __future__ import annotations

from planner.core.schedule.run import plan

__all__ = ["plan"]
