"""Personal API tokens through the application layer: a user makes one for a script, sees
it once, lists and revokes theirs; the web app finds whose a token is.

A token is 32 random bytes (``secrets.token_urlsafe``) with a ``pp_`` prefix, so it is known
for what it is when it turns up in a file; only its SHA-256 is kept (``store.tokens``).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from pastpaper.app.base import Base
from pastpaper.errors import NotFound
from pastpaper.store.tokens import hash_token

if TYPE_CHECKING:
    from pastpaper.store.people import User

__all__ = ["ApiTokens", "TokenRow"]

#: What every token starts with.
PREFIX = "pp_"


class TokenRow(BaseModel):
    """One of the user's tokens as listed: its name and when it was made and last used."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


class ApiTokens(Base):
    """The acting user's API tokens."""

    def make_token(self, name: str) -> str:
        """A new token for the acting user, named ``name``: the token itself, which is shown
        this once and never kept."""
        token = PREFIX + secrets.token_urlsafe(32)
        self.store.tokens.add(self.user.id, name, hash_token(token), self.now())
        return token

    def tokens(self) -> list[TokenRow]:
        """The acting user's tokens, oldest first (never the tokens themselves)."""
        return [TokenRow.model_validate(t) for t in self.store.tokens.of_user(self.user.id)]

    def revoke(self, token_id: int) -> None:
        """Revoke one of the acting user's tokens at once; NotFound for another's."""
        self.store.tokens.revoke(self.user.id, token_id)

    def user_for_token(self, token: str) -> User | None:
        """Whose token this is (noting that it was used now), or None for a token never made,
        revoked, or whose user is gone."""
        if not token.startswith(PREFIX):
            return None
        user_id = self.store.tokens.user_of(hash_token(token), self.now())
        if user_id is None:
            return None
        try:
            return self.store.people.user_by_id(user_id)
        except NotFound:
            return None
