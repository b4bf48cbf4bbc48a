"""Settings, declared once: the CLI's options, the environment and the docs all read these.

Each can be set in the environment as ``PASTPAPER_<NAME>`` (``PASTPAPER_DB=school.db``)
or, where the CLI has an option of the same name, on the command line.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_db_path"]


def default_db_path() -> Path:
    """Where the SQLite database lives when no other is given: the user's data folder."""
    return Path(platformdirs.user_data_dir("pastpaper", appauthor=False)) / "pastpaper.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PASTPAPER_", extra="ignore")

    db: str = Field(
        default_factory=lambda: str(default_db_path()),
        description="The database: a SQLite file path, or a URL such as "
        "postgresql://user@host/pastpaper. Default: pastpaper.db in the user's data folder.",
    )
    max_mb: float = Field(
        default=20.0,
        gt=0,
        description="The largest notes file, in MB, that import reads; a larger file is refused "
        "with a message rather than read slowly.",
    )
