"""Web sessions (migration 0006's ``web_sessions``): a browser signed in holds a random
token in its signed session cookie, and the store keeps the token's SHA-256 with whose it
is. A session ends when its row goes: on signing out, and for every other browser of the
user when their password changes; and it lasts at most ``lifetime`` from its start.

    sessions = store.sessions
    token = sessions.begin(user_id, now)
    sessions.user_of(token, now - lifetime)   # the user's id, or None
    sessions.end(token)
    sessions.end_others(user_id, token)
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import Engine, delete, insert, select

from pastpaper.store.guard import reported
from pastpaper.store.tables import WEB_SESSIONS
from pastpaper.store.transactions import writing

__all__ = ["Sessions"]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    """The signed-in browsers, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def begin(self, user_id: int, now: datetime) -> str:
        """A new session of the user; its token (kept nowhere but in the browser)."""
        token = secrets.token_urlsafe(32)
        with writing(self.engine) as conn:
            conn.execute(
                insert(WEB_SESSIONS).values(
                    token_hash=_hash(token), user_id=user_id, created_at=now
                )
            )
        return token

    @reported
    def user_of(self, token: str, begun_after: datetime) -> int | None:
        """The id of the user whose session this is, if it has not ended and began after
        ``begun_after``; else None."""
        query = select(WEB_SESSIONS.c.user_id).where(
            WEB_SESSIONS.c.token_hash == _hash(token), WEB_SESSIONS.c.created_at > begun_after
        )
        with self.engine.connect() as conn:
            user_id: int | None = conn.scalar(query)
        return user_id

    @reported
    def end(self, token: str) -> None:
        """End the session (signing out)."""
        with writing(self.engine) as conn:
            conn.execute(delete(WEB_SESSIONS).where(WEB_SESSIONS.c.token_hash == _hash(token)))

    @reported
    def end_others(self, user_id: int, keep: str | None) -> None:
        """End every session of the user but ``keep`` (None: every one)."""
        with writing(self.engine) as conn:
            conn.execute(
                delete(WEB_SESSIONS).where(
                    WEB_SESSIONS.c.user_id == user_id,
                    WEB_SESSIONS.c.token_hash != (_hash(keep) if keep is not None else ""),
                )
            )

    @reported
    def forget_before(self, moment: datetime) -> None:
        """Forget every session that began before ``moment`` (it has expired)."""
        with writing(self.engine) as conn:
            conn.execute(delete(WEB_SESSIONS).where(WEB_SESSIONS.c.created_at < moment))
