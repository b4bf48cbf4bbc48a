"""Personal API tokens: make one (shown once), list them, revoke one; and the API's page,
which lists every operation of the OpenAPI description, served from here (no CDN)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from pastpaper.errors import PastpaperError
from pastpaper.web.auth import core, current_user, signed_in
from pastpaper.web.pages import flash, render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

User = Annotated[Any, Depends(signed_in)]


@router.get("/account/tokens")
def tokens_page(request: Request, user: User) -> Response:
    return render(request, "tokens.html", "API tokens", tokens=core(request).tokens())


@router.post("/account/tokens")
def make_token(request: Request, user: User, name: Annotated[str, Form()]) -> Response:
    app = core(request)
    try:
        token = app.make_token(name)
    except PastpaperError as error:
        return render(
            request,
            "tokens.html",
            "API tokens",
            400,
            error=str(error),
            name=name,
            tokens=app.tokens(),
        )
    # Shown on this page only, never put in the session (its cookie is signed, not secret).
    return render(request, "tokens.html", "API tokens", made=token, tokens=app.tokens())


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, user: User, token_id: RowId) -> Response:
    core(request).revoke(token_id)
    flash(request, "The token is revoked: it no longer works.")
    return RedirectResponse("/account/tokens", status_code=303)


@router.get("/api/docs", include_in_schema=False)
def api_docs(request: Request) -> Response:
    """Every operation of the JSON API, from the app's own OpenAPI description."""
    current_user(request)  # the page shows who is signed in, if anyone is
    spec = request.app.openapi()
    return render(
        request,
        "api_docs.html",
        "The JSON API",
        operations=operations(spec),
        shapes=shapes(spec),
    )


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's operations in the order they are declared: method, path, summary, what
    they take (parameters, a JSON body) and what they answer."""
    found = []
    for path, methods in spec["paths"].items():
        if not path.startswith("/api/") or path == "/api/docs":
            continue
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {})),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": _type(body["schema"]) if body else None,
                    "answers": {
                        status: _type(
                            answer.get("content", {}).get("application/json", {}).get("schema", {})
                        )
                        for status, answer in operation.get("responses", {}).items()
                        if status != "422"
                    },
                }
            )
    return found


def shapes(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON objects the API takes and gives, by name, each with its fields: name, type,
    whether it is always there; those of the API's own pages' errors (422) left out."""
    schemas = spec.get("components", {}).get("schemas", {})
    api = [ops for path, ops in spec["paths"].items() if path.startswith("/api/")]
    wanted = _refs(api, schemas) - {"HTTPValidationError", "ValidationError"}
    found = []
    for name, schema in schemas.items():
        if name not in wanted or "properties" not in schema:
            continue
        required = set(schema.get("required", []))
        found.append(
            {
                "name": name,
                "description": schema.get("description", ""),
                "fields": [
                    {"name": field, "type": _type(shape), "required": field in required}
                    for field, shape in schema["properties"].items()
                ],
            }
        )
    return sorted(found, key=lambda shape: shape["name"])


def _refs(part: Any, schemas: dict[str, Any], seen: set[str] | None = None) -> set[str]:
    """The names of the schemas ``part`` refers to, and those they refer to, and so on."""
    seen = set() if seen is None else seen
    if isinstance(part, dict):
        ref = part.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                _refs(schemas.get(name, {}), schemas, seen)
        for value in part.values():
            _refs(value, schemas, seen)
    elif isinstance(part, list):
        for value in part:
            _refs(value, schemas, seen)
    return seen


def _type(schema: dict[str, Any]) -> Markup:
    """A schema's type in a few words: a model's name (a link to its fields below),
    ``list of X``, ``X or null``."""
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return Markup('<a href="#shape-{0}">{0}</a>').format(name)
    if "anyOf" in schema:
        return Markup(" or ").join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return Markup("list of ") + _type(schema.get("items", {}))
    if "enum" in schema:
        return Markup(" | ").join(str(v) for v in schema["enum"])
    if schema.get("type") == "object":
        return Markup("object")
    if schema.get("format") in ("date-time", "date"):
        return Markup("{} ({})").format(schema["type"], schema["format"])
    return Markup("{}").format(schema.get("type", "any"))
