"""Keyset paging by id: ``limit`` items after the ``cursor`` (the last id of the page before).

A cursor stays right while rows are added or deleted, unlike an offset.
"""

from __future__ import annotations

from sqlalchemy import Select

from planner.extensions import db


def keyset_page(query: Select, id_column, args: dict) -> tuple[list, str | None]:
    """One page of ``query`` in id order and the cursor of the next page (None on the last)."""
    limit = args["limit"]
    if args.get("cursor"):
        query = query.where(id_column > int(args["cursor"]))
    rows = list(db.session.scalars(query.order_by(id_column).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (str(rows[-1].id) if more else None)
