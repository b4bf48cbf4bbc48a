"""Personal API tokens: a user's keys for scripts that call the web app's JSON API.

    tokens = store.tokens
    token_id = tokens.add(user.id, "my script", hash_token(secret), now)
    tokens.user_of(hash_token(secret), now)       # the user's id, and last_used_at is now
    tokens.revoke(user.id, token_id)

Only the SHA-256 of a token is kept (migration 0005's ``api_tokens``): the token itself is
shown once, when it is made, and a copy of the database gives nobody a way in. A token is
long and random, so a plain hash (not a slow password hash) is enough: there is nothing to
guess by trying words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from pastpaper.errors import NotFound, PeopleError
from pastpaper.store.guard import reported
from pastpaper.store.tables import API_TOKENS, in_utc
from pastpaper.store.transactions import writing

__all__ = ["StoredToken", "Tokens", "hash_token"]

#: The longest name a token may have (it is a label for its owner: "marking script").
MAX_NAME = 80


@dataclass(frozen=True)
class StoredToken:
    """A token as its owner sees it listed: never the token itself."""

    id: int
    user_id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


def hash_token(token: str) -> str:
    """The SHA-256 of ``token``, in hex: what the store keeps and looks tokens up by."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Tokens:
    """The API tokens in a database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def add(self, user_id: int, name: str, token_hash: str, now: datetime) -> int:
        """Keep a new token of the user's (by its hash) under ``name``; its id."""
        name = name.strip()
        if not name:
            raise PeopleError("give the token a name, to know it by later (say, what uses it)")
        if len(name) > MAX_NAME:
            raise PeopleError(f"a token's name is at most {MAX_NAME} characters")
        with writing(self.engine) as conn:
            token_id = conn.scalar(
                insert(API_TOKENS)
                .values(user_id=user_id, name=name, token_hash=token_hash, created_at=now)
                .returning(API_TOKENS.c.id)
            )
        assert token_id is not None
        return int(token_id)

    @reported
    def of_user(self, user_id: int) -> list[StoredToken]:
        """The user's tokens, oldest first."""
        query = (
            select(API_TOKENS)
            .where(API_TOKENS.c.user_id == user_id)
            .order_by(API_TOKENS.c.created_at, API_TOKENS.c.id)
        )
        with self.engine.connect() as conn:
            return [_token(row) for row in conn.execute(query)]

    @reported
    def revoke(self, user_id: int, token_id: int) -> None:
        """Delete one of the user's tokens; NotFound if they have none with this id (another
        user's token is not theirs to revoke)."""
        with writing(self.engine) as conn:
            gone = conn.execute(
                delete(API_TOKENS).where(
                    API_TOKENS.c.id == token_id, API_TOKENS.c.user_id == user_id
                )
            )
            if gone.rowcount == 0:
                raise NotFound(f"no token {token_id} of yours")

    @reported
    def user_of(self, token_hash: str, now: datetime) -> int | None:
        """The id of the user whose token has this hash, noting it was used ``now``; None for
        a token that was never made or has been revoked."""
        with writing(self.engine) as conn:
            row = conn.execute(
                select(API_TOKENS.c.id, API_TOKENS.c.user_id).where(
                    API_TOKENS.c.token_hash == token_hash
                )
            ).first()
            if row is None:
                return None
            conn.execute(
                update(API_TOKENS).where(API_TOKENS.c.id == row.id).values(last_used_at=now)
            )
        return int(row.user_id)


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else in_utc(moment)


def _token(row: Any) -> StoredToken:
    created = _utc(row.created_at)
    assert created is not None
    return StoredToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        created_at=created,
        last_used_at=_utc(row.last_used_at),
    )
