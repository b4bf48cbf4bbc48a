"""Shared fixtures: the real seed from ../shared, and a real database (SQLite, and PostgreSQL
when PASTPAPER_TEST_POSTGRES names a server, as it does in CI)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pastpaper.store import Store, database_url

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PASTPAPER_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "khrushchev-modernisation.txt"
POSTGRES = os.environ.get("PASTPAPER_TEST_POSTGRES")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.is_file(), f"the seed notes are missing: {SEED} (set PASTPAPER_SHARED)"
    return SEED


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not POSTGRES, reason="set PASTPAPER_TEST_POSTGRES to a server URL (CI does)"
            ),
        ),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of each kind, as a URL or path to pass to --db."""
    with new_database(request.param, tmp_path) as url:
        yield url


@contextmanager
def new_database(kind: str, folder: Path) -> Iterator[str]:
    """A database nobody has opened yet: a new SQLite file in ``folder``, or a new database
    on the PostgreSQL server (dropped afterwards)."""
    if kind == "sqlite":
        yield str(folder / f"{uuid.uuid4().hex[:8]}.db")
        return
    assert POSTGRES is not None
    admin = create_engine(database_url(POSTGRES), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"pastpaper_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield (
            make_url(database_url(POSTGRES))
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()


class Clock:
    """A clock a test moves on: ``clock.now += timedelta(minutes=5)``."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
