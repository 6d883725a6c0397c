"""A catalog error shown next to the editor's field its path names, in the request's words."""

from __future__ import annotations

from wtforms import Field

from planner.core.catalog import CatalogError
from planner.i18n.web import current_words
from planner.wording.errors import catalog_reason


def show_error(targets: dict[str, Field], general: list[str], error: CatalogError) -> None:
    """Append the error's reason (in the request's words) to the field whose path is the longest prefix of its path."""
    reason = catalog_reason(error, current_words())
    path = error.field
    while path:
        if path in targets:
            field = targets[path]
            field.errors = [*field.errors, reason]
            return
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    general.append(f"{error.field}: {reason}" if error.field else reason)
