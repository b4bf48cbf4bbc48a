"""The web app's signing key: what signs the session cookie and the CSRF token.

``PASTPAPER_SECRET_KEY`` sets it (every worker of a school's server must share it). Without
it, the key is made once and kept in a file beside the SQLite database, or in the user's data
folder, readable by its owner only, so that a restart does not sign everybody out.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pastpaper.errors import SettingsError
from pastpaper.settings import Settings, default_db_path

__all__ = ["KEY_FILE", "secret_key"]

#: The file the key is kept in, when no key is set.
KEY_FILE = "web-secret.key"

#: The fewest characters a key set by hand may have.
SHORTEST_KEY = 32


def secret_key(settings: Settings) -> str:
    """The key to sign with: the one set, or the one kept in a file (made on first use)."""
    if settings.secret_key is not None:
        key = settings.secret_key.get_secret_value()
        if len(key) < SHORTEST_KEY:
            raise SettingsError(
                f"The secret key is {len(key)} characters long; use at least {SHORTEST_KEY} "
                "random characters (python -c 'import secrets; print(secrets.token_urlsafe())')."
            )
        return key
    return _kept_key(key_path(settings))


def key_path(settings: Settings) -> Path:
    """Where the key is kept: beside a SQLite database file, else in the data folder."""
    if "://" not in settings.db:
        return Path(settings.db).expanduser().resolve().with_name(KEY_FILE)
    return default_db_path().with_name(KEY_FILE)


def _kept_key(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise SettingsError(f"The web app's key file {path} cannot be read: {error}") from error
    # The key is written whole to a file of this process's own, then linked into place: when
    # two workers start at once, one link wins and both read the same key.
    draft = path.with_name(f".{KEY_FILE}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
        return path.read_text(encoding="ascii").strip()
    except OSError as error:
        raise SettingsError(
            f"The web app's key file {path} cannot be made ({error}); "
            "set PASTPAPER_SECRET_KEY instead."
        ) from error
