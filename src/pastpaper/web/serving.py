"""Serving the web app with uvicorn: what ``pastpaper serve`` and ``pastpaper demo --web``
both do, once the settings are known."""

from __future__ import annotations

import os

from pastpaper.settings import Settings

__all__ = ["serve"]


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve the app over the store ``settings`` name, until stopped (Ctrl+C). The signing
    key is checked first: a bad key, or a key file that cannot be made, stops here."""
    import uvicorn

    from pastpaper.web.keys import secret_key

    secret_key(settings)
    if workers == 1:
        from pastpaper.web import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
        return
    # Several processes each build the app from the environment the CLI was given.
    os.environ["PASTPAPER_DB"] = settings.db
    uvicorn.run(
        "pastpaper.web:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
