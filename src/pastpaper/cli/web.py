"""The ``pastpaper serve`` command: the web app on this machine, over the CLI's store."""

from __future__ import annotations

from typing import Annotated

import typer

from pastpaper.cli.options import friendly
from pastpaper.settings import Settings

__all__ = ["serve"]


@friendly
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on; 0.0.0.0 for every one.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="The port.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes; several suit a school's PostgreSQL.",
        ),
    ] = 1,
) -> None:
    """Serve the web app: students practise, review and see progress; teachers run classes.

    It uses the same database as the other commands (--db). On a fresh database the first
    page asks for the first account.

    Example: pastpaper serve --port 8000
    """
    from pastpaper.web.keys import secret_key
    from pastpaper.web.serving import serve as serving

    settings: Settings = ctx.obj
    secret_key(settings)  # a bad key, or a key file that cannot be made, stops here
    typer.echo(f"pastpaper serves {settings.db} at http://{host}:{port}/ (Ctrl+C stops it)")
    serving(settings, host, port, workers)
