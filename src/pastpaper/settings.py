"""Settings, declared once: the CLI's options, the environment and the docs all read these.

Each can be set in the environment as ``PASTPAPER_<NAME>`` (``PASTPAPER_DB=school.db``)
or, where the CLI has an option of the same name, on the command line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from pastpaper.errors import SettingsError

__all__ = ["Settings", "default_db_path", "load_settings", "megabytes"]


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
        allow_inf_nan=False,
        description="The largest notes file, in MB, that import reads; a larger file is refused "
        "with a message rather than read slowly.",
    )

    retention: float = Field(
        default=0.9,
        ge=0.7,
        le=0.99,
        description="The chance of remembering a card that reviews aim for (0.7 to 0.99); "
        "higher means more reviews.",
    )
    exam_date: date | None = Field(
        default=None,
        description="The exam's date (YYYY-MM-DD): every card and question is then seen again "
        "before it.",
    )
    minutes_per_mark: float = Field(
        default=1.0,
        gt=0,
        le=10,
        allow_inf_nan=False,
        description="The time practice suggests for each mark of a question, in minutes.",
    )

    @property
    def max_bytes(self) -> int:
        return megabytes(self.max_mb)


def megabytes(mb: float) -> int:
    """Bytes in ``mb`` megabytes (decimal, as file managers count them)."""
    return int(mb * 1_000_000)


def load_settings(base: Settings | None = None, **given: Any) -> Settings:
    """Settings from ``base`` (else the environment), overridden by the values given that
    are not None; a value that cannot be used is a SettingsError naming the setting."""
    given = {name: value for name, value in given.items() if value is not None}
    try:
        if base is None:
            return Settings(**given)
        return Settings.model_validate({**base.model_dump(), **given})
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "setting"
        raise SettingsError(
            f"the setting {name} (PASTPAPER_{name.upper()}) cannot be {first['input']!r}: "
            f"{first['msg']}"
        ) from None
