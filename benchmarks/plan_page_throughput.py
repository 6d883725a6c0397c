"""Plan page throughput over HTTP against /healthz, in one run: gunicorn (2 sync workers) + wrk on loopback.

    .venv/bin/python benchmarks/plan_page_throughput.py [--seconds 10]

Saves one trip (a 6-week chronic-pain acupuncture course, as in the browser test) in a temporary
SQLite database, serves the app with ``gunicorn.conf.py`` and measures, with the same wrk
settings, ``/healthz`` and the trip's private-link page ``/t/<token>``, alternately, twice
each (the best of each is kept, as the machine is shared). Then reads each worker's peak
resident memory. Targets (issue 3, part 8): plan page ≥ 25% of /healthz, no errors, each
worker under 150 MB. Prints a Markdown table; exits 1 when a target is missed.

The private-link pages' rate limit (TOKEN_RATE_LIMIT, 120 a minute per address) would answer most
of a load from one address with 429: the limit is raised out of reach, so every request is counted
by the limiter (its cost stays in the figure) and rendered.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

from http_bench import ROOT, Server, alternating, database_env, require_wrk, seconds_argument, table

#: the app, with the private-link pages' limit out of a benchmark's reach (counted, never refused)
APP = "planner:create_app({'TOKEN_RATE_LIMIT': '100000000 per minute'})"

SAVE = """
from planner import create_app
from planner.services.planning.trips import save_trip
scenario = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T15:00", "departure": "2027-04-20T18:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "clinic_tier": "local"}],
}
with create_app().app_context():
    print(save_trip(scenario, discreet=False))
"""
TARGET = 0.25
MEMORY_MB = 150


def main() -> None:
    """Measure /healthz and the plan page in one run and print the ratio, errors and memory."""
    seconds = seconds_argument(__doc__)
    require_wrk()
    with tempfile.TemporaryDirectory() as folder:
        env = database_env(folder)
        token = subprocess.run(
            [sys.executable, "-c", SAVE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout.split()[-1]
        with Server(APP, env) as server:
            rates = alternating(server.base, ["/healthz", f"/t/{token}"], seconds)
            memory = server.peak_rss_mb()
    rows = [("/healthz (same app)", rates["/healthz"]), ("plan page /t/<token>", rates[f"/t/{token}"])]
    print(table(rows))
    print(f"\nworkers' peak RSS (VmHWM): {', '.join(f'{mb:.0f} MB' for mb in memory)}")
    ratio = rows[1][1].requests_per_second / rows[0][1].requests_per_second
    errors = sum(r.bad_statuses + r.socket_errors for _, r in rows)
    missed = ratio < TARGET or errors or max(memory) >= MEMORY_MB
    print(
        f"plan page / healthz = {ratio:.1%} (target ≥ {TARGET:.0%}); errors {errors}; "
        f"{'target missed' if missed else 'targets met'}"
    )
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
