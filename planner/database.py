"""Database engine settings: parameters out of logs, SQLite pragmas, immediate writes, deferred reads."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from flask import Flask, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.routing import IntegerConverter

#: whether the transactions of the current request only read (set per request, see init_app)
_reads_only: ContextVar[bool] = ContextVar("planner_reads_only", default=False)

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: the largest key an INTEGER column holds on PostgreSQL (SQLite's is larger)
MAX_ROW_ID = 2**31 - 1


class RowIdConverter(IntegerConverter):
    """``<int:…>`` in a URL: a number no key can reach is a 404, not a database overflow (a 500)."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(map, *args, **kwargs)


def engine_options(config: dict) -> None:
    """Keep statement parameters out of errors and logs, whatever other engine options the config sets.

    A failed statement's error names its parameters by default, and the error goes to the log:
    a client's health notes with it. ``hide_parameters`` writes "[SQL parameters hidden]" instead.
    """
    config["SQLALCHEMY_ENGINE_OPTIONS"] = {**config.get("SQLALCHEMY_ENGINE_OPTIONS", {}), "hide_parameters": True}


def configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys on, and BEGIN IMMEDIATE for every transaction that may write on SQLite.

    With plain BEGIN, two writers that both read first deadlock and one gets "database is
    locked"; BEGIN IMMEDIATE takes the write lock up front and waits (busy timeout) instead.
    Requests that only read (see ``init_app``) begin deferred, so readers never queue
    behind the write lock — WAL lets them read while a writer works.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        if engine.url.database and engine.url.database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN" if _reads_only.get() else "BEGIN IMMEDIATE")


def request_reads_only() -> bool:
    """Whether the current request's transactions begin deferred (a GET that does not write)."""
    return _reads_only.get()


def writes_on_read(view: Callable) -> Callable:
    """Mark a GET view that writes (e.g. records what a client saw): it keeps BEGIN IMMEDIATE."""
    view.planner_writes_on_read = True
    return view


def init_app(app: Flask) -> None:
    """Bound the URLs' ids to what a key column holds; begin read-only transactions deferred unless the view writes."""
    app.url_map.converters["int"] = RowIdConverter

    @app.before_request
    def _choose_transaction_kind():
        view = app.view_functions.get(request.endpoint) if request.endpoint else None
        writes = getattr(view, "planner_writes_on_read", False)
        _reads_only.set(request.method in _SAFE_METHODS and not writes)

    @app.teardown_request
    def _reset_transaction_kind(_error=None):
        _reads_only.set(False)
