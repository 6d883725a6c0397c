"""First pages' throughput over HTTP against /healthz, in one run: gunicorn (2 sync workers) + wrk on loopback.

    .venv/bin/python benchmarks/visitor_pages_throughput.py [--seconds 10]

The pages every new visitor sees first: the plan form (the home page), the catalog
``/treatments`` and one treatment's page. Serves the app with ``gunicorn.conf.py`` on an empty
SQLite file and measures, with the same wrk settings, ``/healthz`` and each page, alternately,
twice each (the best of each is kept, as the machine is shared). wrk sends no cookie, so every
request is a new visitor who gets a CSRF token of their own. Target (issue 9, part 11): each page
≥ 40% of /healthz, no errors. Prints a Markdown table; exits 1 when a target is missed.
"""

from __future__ import annotations

import sys
import tempfile

from http_bench import Server, alternating, database_env, require_wrk, seconds_argument, table

PAGES = [
    ("plan form /", "/"),
    ("catalog /treatments", "/treatments"),
    ("treatment page", "/treatments/acupuncture-chronic-pain"),
]
TARGET = 0.40


def main() -> None:
    """Measure /healthz and each first page in one run and print the ratios and errors."""
    seconds = seconds_argument(__doc__)
    require_wrk()
    with tempfile.TemporaryDirectory() as folder:
        with Server("planner:create_app()", database_env(folder)) as server:
            rates = alternating(server.base, ["/healthz"] + [path for _, path in PAGES], seconds)
    rows = [("/healthz (same app)", rates["/healthz"])] + [(name, rates[path]) for name, path in PAGES]
    print(table(rows))
    baseline = rows[0][1].requests_per_second
    ratios = {name: rate.requests_per_second / baseline for name, rate in rows[1:]}
    errors = sum(r.bad_statuses + r.socket_errors for _, r in rows)
    missed = min(ratios.values()) < TARGET or errors
    shares = ", ".join(f"{name} {ratio:.0%}" for name, ratio in ratios.items())
    print(
        f"\nvs /healthz: {shares} (target ≥ {TARGET:.0%} each); errors {errors}; "
        f"{'target missed' if missed else 'targets met'}"
    )
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
