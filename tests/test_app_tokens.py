"""Personal API tokens through the application layer and the store: made and shown once,
kept only as a SHA-256, listed, used (noted with the clock's time), revoked; nobody else's."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from conftest import Clock
from pastpaper.app import Pastpaper
from pastpaper.errors import NotFound, PeopleError
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.store.tables import API_TOKENS

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def app(store: Store, clock: Clock) -> Pastpaper:
    return Pastpaper(store, None, Settings(), clock)


def test_a_token_is_shown_once_and_kept_only_as_its_sha256(app: Pastpaper) -> None:
    sam = app.acting_for(app.store.people.add_user("sam", "Sam", "student", now=NOW))
    token = sam.make_token("my script")
    assert token.startswith("pp_") and len(token) > 40
    with app.store.engine.connect() as conn:
        [row] = conn.execute(select(API_TOKENS)).all()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {str(value) for value in row}
    [listed] = sam.tokens()
    assert (listed.name, listed.created_at, listed.last_used_at) == ("my script", NOW, None)
    assert token not in listed.model_dump_json()


def test_a_token_finds_its_user_and_notes_when_it_was_used(app: Pastpaper, clock: Clock) -> None:
    people = app.store.people
    sam = app.acting_for(people.add_user("sam", "Sam", "student", now=NOW))
    token = sam.make_token("phone")
    clock.now = NOW + timedelta(hours=3)
    found = app.user_for_token(token)
    assert found is not None and found.login == "sam"
    assert sam.tokens()[0].last_used_at == NOW + timedelta(hours=3)
    for wrong in ("", "pp_", token + "x", token[3:], "pp_" + "A" * 43):
        assert app.user_for_token(wrong) is None


def test_a_revoked_token_no_longer_works_and_only_its_owner_may_revoke_it(
    app: Pastpaper,
) -> None:
    people = app.store.people
    sam = app.acting_for(people.add_user("sam", "Sam", "student", now=NOW))
    ana = app.acting_for(people.add_user("ana", "Ana", "student", now=NOW))
    kept, dropped = sam.make_token("one"), sam.make_token("two")
    theirs = ana.make_token("ana's")
    assert [t.name for t in sam.tokens()] == ["one", "two"]
    assert [t.name for t in ana.tokens()] == ["ana's"]
    [ana_token] = ana.tokens()
    with pytest.raises(NotFound):
        sam.revoke(ana_token.id)  # not Sam's: as if it were not there
    assert app.user_for_token(theirs) is not None
    sam.revoke(sam.tokens()[1].id)
    assert app.user_for_token(dropped) is None
    assert app.user_for_token(kept) is not None
    assert [t.name for t in sam.tokens()] == ["one"]
    with pytest.raises(NotFound):
        sam.revoke(sam.tokens()[0].id + 1000)


def test_a_token_needs_a_name(app: Pastpaper) -> None:
    sam = app.acting_for(app.store.people.add_user("sam", "Sam", "student", now=NOW))
    for name in ("", "   ", "x" * 81):
        with pytest.raises(PeopleError):
            sam.make_token(name)
    assert sam.tokens() == []
