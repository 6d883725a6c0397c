"""A trip's problems as the database keeps them (codes and values), worded in the reader's language."""

from __future__ import annotations

from planner.core.model import Notice
from planner.i18n import ENGLISH, Words
from planner.wording.notices import notice_text


def stored_problem_text(stored: dict | str, words: Words = ENGLISH) -> str:
    """A stored problem in ``words``' language (rows written before codes were kept hold English text)."""
    if isinstance(stored, str):
        return stored
    if stored.get("code") == "unplannable":
        return words.gettext("The trip no longer fits the catalog: open it and edit the request.")
    notice = Notice(
        code=stored.get("code", ""),
        fix=dict(stored.get("fix") or {}),
        protocol=stored.get("protocol", ""),
        step=stored.get("step", ""),
        text=stored.get("text", ""),
        params=dict(stored.get("params") or {}),
    )
    try:
        return notice_text(notice, words)
    except (KeyError, TypeError, ValueError):  # a row from an older engine: its English is still right
        return stored.get("message", "")
