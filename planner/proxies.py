"""Behind a reverse proxy: trust exactly PLANNER_PROXY_COUNT hops of X-Forwarded-For, -Proto and -Host.

With nginx in front, every request comes from nginx's address: without ProxyFix the rate limits
would count all clients as one. Trusting more hops than there are proxies would let a client
choose its own address by sending the header itself, so the count must be exact (0: no proxy).
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Wrap the app in ProxyFix when a proxy count is configured."""
    count = int(app.config.get("PLANNER_PROXY_COUNT") or 0)
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
