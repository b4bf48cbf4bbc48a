"""Settings, declared once: the CLI's options, the environment and the docs all read these.

Each can be set in the environment as ``PASTPAPER_<NAME>`` (``PASTPAPER_DB=school.db``)
or, where the CLI has an option of the same name, on the command line. A value that cannot
be used is reported only where it is used: a bad ``PASTPAPER_RETENTION`` stops ``review``,
not ``questions``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, SecretStr, ValidationError
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
    user: str | None = Field(
        default=None,
        json_schema_extra={"allowed": "a user's login, such as ann"},
        description="Who the command acts as: a user's login (their cards, reviews and "
        "rights). Default: the local user, an admin.",
    )
    max_mb: float = Field(
        default=20.0,
        gt=0,
        allow_inf_nan=False,
        json_schema_extra={"allowed": "a number of megabytes above 0, such as 20"},
        description="The largest notes file, in MB, that import reads; a larger file is refused "
        "with a message rather than read slowly.",
    )

    retention: float = Field(
        default=0.9,
        ge=0.7,
        le=0.99,
        json_schema_extra={"allowed": "a number from 0.7 to 0.99, such as 0.9"},
        description="The chance of remembering a card that reviews aim for (0.7 to 0.99); "
        "higher means more reviews.",
    )
    exam_date: date | None = Field(
        default=None,
        json_schema_extra={"allowed": "a date written YYYY-MM-DD, such as 2027-05-20"},
        description="The exam's date (YYYY-MM-DD): every card and question is then seen again "
        "before it.",
    )
    minutes_per_mark: float = Field(
        default=1.0,
        gt=0,
        le=10,
        allow_inf_nan=False,
        json_schema_extra={"allowed": "a number of minutes above 0 and at most 10, such as 1.5"},
        description="The time practice suggests for each mark of a question, in minutes.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        json_schema_extra={"allowed": "at least 32 random characters"},
        description="The key that signs the web app's session cookies and CSRF tokens. Every "
        "worker of one server must share it; without it, a key is made once and kept in "
        "web-secret.key beside the SQLite database (or in the data folder).",
    )
    secure_cookies: bool = Field(
        default=False,
        json_schema_extra={"allowed": "true or false"},
        description="Send the web app's cookies over HTTPS only: set it when pastpaper is "
        "served behind HTTPS.",
    )

    @property
    def max_bytes(self) -> int:
        return megabytes(self.max_mb)


def megabytes(mb: float) -> int:
    """Bytes in ``mb`` megabytes (decimal, as file managers count them)."""
    return int(mb * 1_000_000)


def load_settings(base: Settings | None = None, **given: Any) -> Settings:
    """Settings from ``base`` (else the environment), overridden by the values given that
    are not None.

    A value given that cannot be used is a SettingsError naming the setting, its option and
    variable, and what it may be. A bad value in the environment that was not given (a
    command that does not use it) is left out: the setting keeps its default here, and the
    command that uses it reports it.

    >>> load_settings(retention="0.8").retention
    0.8
    >>> try:
    ...     load_settings(retention="lots")
    ... except SettingsError as error:
    ...     print(str(error).split(": ")[1])
    it must be a number from 0.7 to 0.99, such as 0.9
    """
    given = {name: value for name, value in given.items() if value is not None}
    ignored: dict[str, Any] = {}
    while True:
        try:
            if base is None:
                return Settings(**ignored, **given)
            return Settings.model_validate({**base.model_dump(), **given})
        except ValidationError as error:
            problems = [(str(e["loc"][0]), e) for e in error.errors() if e["loc"]]
            named = [(name, e) for name, e in problems if name in given or base is not None]
            if named or not problems:
                name, first = named[0] if named else ("setting", error.errors()[0])
                raise SettingsError(_explain(name, first["input"])) from None
            # Bad values from the environment that nobody asked for here: defaults instead.
            for name, _ in problems:
                ignored[name] = Settings.model_fields[name].get_default(call_default_factory=True)


def _explain(name: str, value: Any) -> str:
    field = Settings.model_fields.get(name)
    extra = field.json_schema_extra if field is not None else None
    allowed = extra.get("allowed") if isinstance(extra, dict) else None
    option = f"--{name.replace('_', '-')} or PASTPAPER_{name.upper()}"
    return f"the setting {name} ({option}) cannot be {value!r}: it must be {allowed or 'valid'}"
