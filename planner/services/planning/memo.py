"""A small per-process, per-app LRU for values derived from database state (plans, page sections).

Every key must hold everything the value depends on; an entry that keeps an object whose
``id()`` is part of its key keeps that object alive, so the id cannot be reused while it is cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from flask import current_app


class Memo:
    """A thread-safe LRU of at most ``size`` entries (0 keeps nothing)."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        """The value kept under ``key``, or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: object) -> None:
        """Keep ``value`` under ``key``, forgetting the least recently used entries over the size."""
        if self._size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def app_memo(name: str, setting: str, default: int) -> Memo:
    """The current app's memo called ``name``, sized by the config ``setting`` (0 turns it off)."""
    key = f"planner.memo.{name}"
    memo = current_app.extensions.get(key)
    if memo is None:
        memo = current_app.extensions[key] = Memo(int(current_app.config.get(setting, default)))
    return memo
