"""The planner: medical treatment protocols and travel dates → itineraries, budgets, calendars."""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config → extensions → blueprints → CLI.

    Modules are imported here, as in the Flask tutorial, so that importing ``planner.core``
    stays free of the web stack.
    """
    from planner import cli, config, database, errors, logs, proxies, security, services, views
    from planner.extensions import csrf, db, limiter, login, migrate
    from planner.i18n import web as i18n_web

    app = Flask(__name__, instance_relative_config=True, template_folder="../templates", static_folder="../static")
    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    if test_config:
        app.config.from_mapping(test_config)
    database.engine_options(app.config)
    logs.protect_all(app.logger)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    csrf.init_app(app)
    login.init_app(app)
    limiter.init_app(app)
    i18n_web.init_app(app)
    with app.app_context():
        database.configure_sqlite(db.engine)
    database.init_app(app)
    services.init_app(app)

    views.register_blueprints(app)
    errors.init_app(app)
    security.init_app(app)
    cli.init_app(app)
    proxies.init_app(app)
    return app
