"""The web app: FastAPI pages over the application layer (``pastpaper serve``).

from pastpaper.web import create_app
app = create_app(Settings(db="school.db"))   # an ASGI app, for uvicorn or a test client
"""

from __future__ import annotations

from pastpaper.web.server import create_app

__all__ = ["create_app"]
