"""Sign-in is slowed after failures: per login (whether or not the account exists, so the
wait tells nobody who has one) and per address; the failures are in the database, so every
server process counts the same ones, and the wait ends as they age out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import Clock
from pastpaper.app import Pastpaper
from pastpaper.app.people import SIGN_IN_WINDOW, TRIES_PER_ACCOUNT, TRIES_PER_ADDRESS
from pastpaper.errors import TooManySignIns
from pastpaper.settings import Settings
from pastpaper.store import Store

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def bank(tmp_path: Path, clock: Clock) -> Pastpaper:
    store = Store.open(tmp_path / "bank.db")
    store.people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=START)
    return Pastpaper(store, None, Settings(db=str(tmp_path / "bank.db")), clock)


def test_a_login_waits_after_its_failures_even_with_the_right_password(
    bank: Pastpaper, clock: Clock
) -> None:
    for _ in range(TRIES_PER_ACCOUNT):
        assert bank.sign_in("ms.reed", "a wrong guess", "10.0.0.1") is None
        clock.now += timedelta(seconds=10)
    with pytest.raises(TooManySignIns, match="for this login") as refused:
        bank.sign_in("ms.reed", PASSWORD, "10.0.0.2")  # another address: the login waits
    wait = refused.value.retry_after
    assert 0 < wait <= SIGN_IN_WINDOW.total_seconds()
    # Another login from the same address is not held up by this one's failures.
    assert bank.sign_in("nobody", "x", "10.0.0.1") is None
    clock.now += timedelta(seconds=wait)
    user = bank.sign_in("ms.reed", PASSWORD, "10.0.0.1")
    assert user is not None and user.login == "ms.reed"
    # A success forgets the login's failures: it has its full allowance again.
    for _ in range(TRIES_PER_ACCOUNT - 1):
        assert bank.sign_in("Ms.Reed", "a wrong guess", "10.0.0.1") is None
    assert bank.sign_in("ms.reed", PASSWORD, "10.0.0.1") is not None


def test_an_unknown_login_waits_just_as_a_real_one_does(bank: Pastpaper) -> None:
    messages: list[str] = []
    for login in ("ms.reed", "no.such.person"):
        for _ in range(TRIES_PER_ACCOUNT):
            bank.sign_in(login, "a wrong guess", f"10.0.1.{len(messages)}")
        with pytest.raises(TooManySignIns) as refused:
            bank.sign_in(login, "a wrong guess", "10.0.2.1")
        messages.append(str(refused.value))
    assert messages[0] == messages[1]


def test_an_address_waits_after_many_failures_across_logins(bank: Pastpaper) -> None:
    for n in range(TRIES_PER_ADDRESS):
        assert bank.sign_in(f"guess{n % 7}-{n}", "a wrong guess", "10.9.9.9") is None
    with pytest.raises(TooManySignIns, match="your address"):
        bank.sign_in("ms.reed", PASSWORD, "10.9.9.9")
    assert bank.sign_in("ms.reed", PASSWORD, "10.9.9.10") is not None


def test_signing_up_cannot_be_used_to_try_logins_one_after_another(bank: Pastpaper) -> None:
    """A sign-up must say a login is taken; refused sign-ups count against the address, so
    that learning which logins exist that way is slowed as guessing passwords is."""
    from pastpaper.errors import PeopleError

    people = bank.store.people
    school_class = people.add_class("ms.reed", "11B", now=START)
    for n in range(TRIES_PER_ADDRESS):
        with pytest.raises(PeopleError):
            bank.sign_up(school_class.join_code, "ms.reed", f"Guess {n}", PASSWORD, "10.7.7.7")
    with pytest.raises(TooManySignIns, match="your address"):
        bank.sign_up(school_class.join_code, "new.pupil", "New Pupil", PASSWORD, "10.7.7.7")
    made = bank.sign_up(school_class.join_code, "new.pupil", "New Pupil", PASSWORD, "10.7.7.8")
    assert made.login == "new.pupil"
