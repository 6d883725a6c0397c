"""The spec at /api/v1/openapi.json and a readable page of it at /api/v1/docs (server-rendered, no script)."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template

from planner.views.api.common import register_api_blueprint

blueprint = Blueprint("api_v1_docs", __name__, url_prefix="/api/v1")
register_api_blueprint(blueprint)

METHODS = ("get", "post", "put", "patch", "delete")
#: where init_app keeps the Api (its spec is built from the registered views)
API_KEY = "planner.api"


def spec_document() -> dict:
    """The OpenAPI document of the current app."""
    return current_app.extensions[API_KEY].spec.to_dict()


def _first_schema(content: dict) -> dict | None:
    return next(iter(content.values()), {}).get("schema")


def _ref_name(schema: dict | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_ref_name(schema.get('items'))}"
    return schema.get("description", schema.get("type", "object"))


def _operations(spec: dict) -> list[dict]:
    found = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {})
            responses = [
                (
                    code,
                    answer.get("description", ""),
                    _ref_name(next(iter(answer.get("content", {}).values()), {}).get("schema")),
                )
                for code, answer in operation.get("responses", {}).items()
            ]
            found.append(
                {
                    "id": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "token": bool(operation.get("security")),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [*shared, *operation.get("parameters", [])],
                    "body": _ref_name(_first_schema(body)) if body else "",
                    "responses": responses,
                }
            )
    return found


@blueprint.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 document, generated from the views."""
    return jsonify(spec_document())


@blueprint.get("/docs")
def docs():
    """Every operation and schema of the spec, as a page (works under the strict CSP, no CDN)."""
    spec = spec_document()
    schemas = spec.get("components", {}).get("schemas", {})
    return render_template("api/docs.html", spec=spec, operations=_operations(spec), schemas=schemas)
