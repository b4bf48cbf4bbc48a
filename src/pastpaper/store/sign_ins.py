"""Failed sign-ins, by login and by address (migration 0006's ``sign_in_failures``), kept in
the database so that every server process counts the same failures and a restart forgets
none. Rows older than a day are pruned as new ones are written.

    sign_ins = store.sign_ins
    sign_ins.record_failure("sam", "203.0.113.5", now)
    sign_ins.recent("sam", "203.0.113.5", since)   # Recent(by_login, login_oldest, ...)
    sign_ins.clear("sam")                           # after a sign-in that succeeds
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select

from pastpaper.store.guard import reported
from pastpaper.store.tables import SIGN_IN_FAILURES, in_utc
from pastpaper.store.transactions import writing

__all__ = ["Recent", "SignIns"]

#: How long a failed sign-in is kept at all.
_KEPT = timedelta(days=1)


@dataclass(frozen=True)
class Recent:
    """The failures since a moment: for the login and for the address, each with the oldest."""

    by_login: int
    login_oldest: datetime | None
    by_address: int
    address_oldest: datetime | None


class SignIns:
    """Failed sign-ins, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def record_failure(self, login: str, address: str, now: datetime) -> None:
        """Count a failed sign-in for ``login`` from ``address``."""
        with writing(self.engine) as conn:
            conn.execute(delete(SIGN_IN_FAILURES).where(SIGN_IN_FAILURES.c.failed_at < now - _KEPT))
            conn.execute(
                insert(SIGN_IN_FAILURES).values(
                    login=login.casefold(), address=address, failed_at=now
                )
            )

    @reported
    def recent(self, login: str, address: str, since: datetime) -> Recent:
        """The failures after ``since`` for the login and from the address."""
        table = SIGN_IN_FAILURES
        counted = select(func.count(), func.min(table.c.failed_at)).where(table.c.failed_at > since)
        with self.engine.connect() as conn:
            by_login = conn.execute(counted.where(table.c.login == login.casefold())).one()
            by_address = conn.execute(counted.where(table.c.address == address)).one()
        return Recent(
            by_login=by_login[0],
            login_oldest=None if by_login[1] is None else in_utc(by_login[1]),
            by_address=by_address[0],
            address_oldest=None if by_address[1] is None else in_utc(by_address[1]),
        )

    @reported
    def clear(self, login: str) -> None:
        """Forget the login's failures (it has just signed in)."""
        with writing(self.engine) as conn:
            conn.execute(
                delete(SIGN_IN_FAILURES).where(SIGN_IN_FAILURES.c.login == login.casefold())
            )
