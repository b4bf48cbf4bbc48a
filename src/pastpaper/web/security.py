"""The headers every response carries, so that a browser holds the pages to what they are:
scripts only from this site's own files (no inline script can run, whatever text a page
shows), no framing by another site, no guessing a file's type, no address sent to another
site; and, behind HTTPS, a browser told to keep to it.

Inline styles are allowed: the charts are SVG drawn by matplotlib, which styles its shapes
inline. No page needs an inline script, and none may have one.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_SECURITY_POLICY", "SecurityHeaders"]

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

_ALWAYS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
#: Served over HTTPS (``secure_cookies``): browsers keep to HTTPS for a year.
_HTTPS = [(b"strict-transport-security", b"max-age=31536000")]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp, *, https: bool = False):
        self.app = app
        self.headers = _ALWAYS + (_HTTPS if https else [])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in self.headers if name not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)
