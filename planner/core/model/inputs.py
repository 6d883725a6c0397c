"""Rules every typed value follows, wherever it comes from: no control characters, a known time zone."""

from __future__ import annotations

import re
from functools import lru_cache
from zoneinfo import available_timezones

#: C0 controls (NUL among them), DEL and C1 controls (U+0085 among them): never typed, often an attack
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: the same, with tab and line breaks allowed (a multi-line text box sends them)
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control(value: str, *, multiline: bool = False) -> bool:
    """Whether the text holds a control character (tab, CR and LF allowed when ``multiline``)."""
    return (_CONTROL_IN_LINES if multiline else _CONTROL).search(value) is not None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_known_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone of this system (looked up in the set, never opened as a file)."""
    return name in _zones()
