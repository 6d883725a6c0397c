"""Hello-world Flask app: the baseline that feed throughput is compared with (same gunicorn, same wrk)."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """The smallest useful answer."""
    return "Hello, World!"
